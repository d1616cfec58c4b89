import assert from 'node:assert/strict';
import { CoveredCursor } from '../../../services/deidentify/spans';
import { entity } from '../../../services/deidentify/types';

describe('CoveredCursor: the spans holding each token, tokens in text order', () => {
  it('says which tokens a span holds, in part or whole', () => {
    // "met [sam] at [the mission] today"
    const c = new CoveredCursor([entity(4, 9, 'NAME'), entity(13, 26, 'FACILITY')]);
    const held = [[0, 3], [4, 9], [10, 12], [13, 16], [17, 26], [27, 32]].map(([s, e]) => c.covers(s!, e!));
    assert.deepEqual(held, [false, true, false, true, true, false]);
  });

  it('finds a span inside a longer one that started earlier, and none past both', () => {
    const c = new CoveredCursor([entity(0, 50, 'FACILITY'), entity(5, 10, 'NAME')]);
    assert.equal(c.covers(6, 8), true);
    assert.equal(c.covers(45, 49), true);
    assert.equal(c.covers(50, 55), false);
  });

  it("gives a token the highest mark of the spans holding it, 0 with none", () => {
    const mark = (e: { type: string }): number => (e.type === 'NAME' ? 1 : e.type === 'FACILITY' ? 3 : 2);
    const c = new CoveredCursor([entity(0, 20, 'NAME'), entity(5, 12, 'FACILITY'), entity(15, 30, 'PHONE')]);
    assert.deepEqual([[0, 4], [6, 9], [16, 19], [22, 25], [31, 33]].map(([s, e]) => c.most(s!, e!, mark)), [1, 3, 2, 2, 0]);
  });
});
