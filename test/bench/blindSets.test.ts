import assert from 'node:assert/strict';
import { isBlindSet } from '../../bench/blindSets';

describe('bench: the lead\'s blind sets are refused by name', () => {
  it('knows the blind sets, however the path is written', () => {
    for (const f of ['bench/data/hand-fresh6.txt', 'hand-fresh7.txt', '/x/bench/data/screen-fresh5.jsonl', 'bench/data/lead/notes.txt', '/tmp/lead/clone/bench/data/lead/notes.txt', 'bench\\data\\lead\\a.txt']) {
      assert.equal(isBlindSet(f), true, f);
    }
  });

  it('lets development and test files through, wherever the checkout lives', () => {
    for (const f of ['bench/data/train-a.txt', 'bench/data/screen-train-aa.jsonl', 'hand-test.txt', 'bench/data/names-dev3.txt', 'bench/data/leader.txt', '/tmp/lead/clone/bench/data/train-a.txt']) {
      assert.equal(isBlindSet(f), false, f);
    }
  });
});
