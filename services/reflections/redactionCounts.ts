// How much de-identification took out of a reflection, by kind: counts only (cards/words/redactions.ts says them).
import type { ReflectionDoc } from './model';

/** All redactions of a reflection (or draft), summed over its answers. */
export function totalRedactions(doc: Pick<ReflectionDoc, 'answers'>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const a of doc.answers) for (const [type, n] of Object.entries(a.redactions)) total[type] = (total[type] ?? 0) + n;
  return total;
}
