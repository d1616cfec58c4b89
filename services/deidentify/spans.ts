// Span arithmetic shared by the detectors.
import { type Entity, entity } from './types';

/** Overlapping or touching spans become one (the first's type); the input is left as it was. */
export function mergeSpans(spans: Entity[]): Entity[] {
  if (spans.length < 2) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Entity[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start <= last.end) last.end = Math.max(last.end, e.end);
    else out.push(entity(e.start, e.end, e.type));
  }
  return out;
}

/**
 * A walk over `spans` (sorted by start) asked about tokens in text order: the spans ending at or before a token are
 * passed for good, so a note's walk costs its tokens plus its spans.
 */
export class CoveredCursor {
  private c = 0;
  constructor(private readonly spans: readonly Entity[]) {}

  /** Passes the spans ending at or before `start`; the first one left. */
  private passTo(start: number): number {
    const s = this.spans;
    while (this.c < s.length && s[this.c]!.end <= start) this.c++;
    return this.c;
  }

  /** Whether a span holds any of [start, end). */
  covers(start: number, end: number): boolean {
    const c = this.passTo(start);
    return c < this.spans.length && this.spans[c]!.start < end;
  }

  /** The highest `mark` of the spans holding any of [start, end); 0 with none. */
  most(start: number, end: number, mark: (e: Entity) => number): number {
    const s = this.spans;
    let m = 0;
    for (let k = this.passTo(start); k < s.length && s[k]!.start < end; k++) if (s[k]!.end > start) m = Math.max(m, mark(s[k]!));
    return m;
  }
}
