// Small pure helpers for the benchmark figures.

/** The p-th percentile (nearest rank) of an ascending array; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The median of some numbers (the mean of the middle two for an even count); NaN when empty. */
export function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Rounds for the report: 3 significant figures below 100, whole numbers above. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return Math.abs(x) >= 100 ? Math.round(x).toString() : Number(x.toPrecision(3)).toString();
}
