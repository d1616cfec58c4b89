// Round 21: both facility recipes (round 13's and round 20's slots') keep the places' held-out writers in their folds,
// counted, and never print their spans (--misses, --wrong).
import assert from 'node:assert/strict';
import { printedWriters, ROUND13, type WriterResult } from '../../bench/trainFacility';
import { SLOTS } from '../../bench/trainFacilitySlots';
import { HELD15 } from '../../bench/deidPlaceShapes';

describe('bench: the facility recipes never print a held-out writer\'s spans', () => {
  it('leaves the places\' held-out writers (HELD15) unprinted in both recipes', () => {
    assert.deepEqual([...ROUND13.unprinted], [...HELD15]);
    assert.deepEqual([...SLOTS.unprinted], [...HELD15]);
  });
  it('prints every other writer of the folds', () => {
    const result = (writer: string) => ({ writer }) as WriterResult;
    const results = ['train-a', ...HELD15, 'train-b', 'hand-dev'].map(result);
    for (const r of [ROUND13, SLOTS]) assert.deepEqual(printedWriters(results, r).map((w) => w.writer), ['train-a', 'train-b', 'hand-dev']);
  });
});
