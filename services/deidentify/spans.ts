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
