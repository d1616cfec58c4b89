import assert from 'node:assert/strict';
import { seededRandom } from '../../services/seededRandom';

describe('seededRandom (mulberry32)', () => {
  it('gives the same numbers for the same seed, in [0, 1), and others for another seed', () => {
    const take = (seed: number) => {
      const r = seededRandom(seed);
      return Array.from({ length: 5 }, () => r());
    };
    assert.deepEqual(take(13), take(13));
    assert.notDeepEqual(take(13), take(14));
    for (const x of take(13)) assert.ok(x >= 0 && x < 1);
  });
});
