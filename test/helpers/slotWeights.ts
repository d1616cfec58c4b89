/**
 * Made-up slot-model weights for the ceiling tests (nameHalves.test.ts, openers.test.ts): each bucket a number in
 * [-3, 3) from a fixed linear congruential sequence, so a failing round can be run again as it was.
 */
export function randomWeights(buckets: Iterable<number>, seed: number): Record<string, number> {
  let x = seed >>> 0;
  const out: Record<string, number> = {};
  for (const b of buckets) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[String(b)] = (x / 2 ** 32) * 6 - 3;
  }
  return out;
}
