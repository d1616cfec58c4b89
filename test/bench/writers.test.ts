// Round 21: one list of the untouched writers (bench/writers.ts), read by every bench script that groups writers; no
// development group holds one (a dev group's misses and words may be printed).
import assert from 'node:assert/strict';
import { isUntouched, outOfDev, recipeExcept, RESTRICTED, RESTRICTED_WRITERS, UNTOUCHED, UNTOUCHED_EXCEPT, UNTOUCHED_WRITERS, untouchedOf } from '../../bench/writers';
import { devWriters } from '../../bench/deidSms';
import { devWriters15 } from '../../bench/deidPlaceShapes';
import { devWriters18 } from '../../bench/deidAddrEdges';
import { NEW20 } from '../../bench/deidNameReasons';
import { writersExcept } from '../../bench/deidLowo';

describe('bench: the untouched writers (bench/writers.ts)', () => {
  it('names every writer untouched today, each with the round since which it is', () => {
    assert.deepEqual([...UNTOUCHED], ['train-bl', 'train-bm', 'train-bn', 'train-bs', 'train-bu', 'train-bw', 'train-bx', 'train-by', 'train-bz', 'train-ca', 'train-cc']);
    for (const w of UNTOUCHED_WRITERS) assert.ok(w.since >= 14 && w.since <= 22 && w.what.length > 0, w.writer);
    assert.deepEqual(untouchedOf(20), ['train-bw', 'train-bx', 'train-by']);
    assert.deepEqual(untouchedOf(21), ['train-bz', 'train-ca']);
    assert.deepEqual(untouchedOf(22), ['train-cc']);
    assert.deepEqual(NEW20, untouchedOf(20));
  });
  it('gives the DEID_WRITERS_EXCEPT value that leaves each of them out, and no other writer', () => {
    const re = writersExcept({ DEID_WRITERS_EXCEPT: UNTOUCHED_EXCEPT })!;
    for (const w of UNTOUCHED) assert.equal(re.test(w), true, w);
    for (const w of ['train-b', 'train-bk', 'train-bp', 'train-cab', 'hand']) {
      assert.equal(re.test(w), false, w);
      assert.equal(isUntouched(w), false, w);
    }
  });
  it('keeps every untouched writer out of the development groups', () => {
    for (const [name, dev] of [['deidSms', devWriters()], ['deidPlaceShapes', devWriters15()], ['deidAddrEdges', devWriters18()]] as const) {
      assert.ok(dev.length > 20, name);
      for (const w of dev) assert.equal(isUntouched(w), false, `${name}: ${w}`);
    }
  });
  it('keeps the restricted writers (tuning text for some helpers only) out of every development group too (round 24)', () => {
    assert.deepEqual([...RESTRICTED], ['train-cb', 'train-cd', 'train-ce', 'train-cf', 'train-cg']);
    for (const w of RESTRICTED_WRITERS) assert.ok(w.since >= 22 && w.what.length > 0 && !isUntouched(w.writer), w.writer);
    assert.equal(outOfDev('train-cb'), true);
    assert.equal(outOfDev('train-bl'), true);
    assert.equal(outOfDev('train-bk'), false);
    for (const [name, dev] of [['deidSms', devWriters()], ['deidPlaceShapes', devWriters15()], ['deidAddrEdges', devWriters18()]] as const) {
      for (const w of dev) assert.equal(outOfDev(w), false, `${name}: ${w}`);
    }
  });
  it("gives each slot recipe's DEID_WRITERS_EXCEPT: the untouched, its extras, and every restricted writer it does not read (round 25)", () => {
    const out = (r: Parameters<typeof recipeExcept>[0]) => recipeExcept(r).split('|');
    for (const r of ['halves', 'openers', 'facility-slots'] as const) {
      for (const w of UNTOUCHED) assert.ok(out(r).includes(w), `${r}: ${w}`);
      assert.equal(new Set(out(r)).size, out(r).length, `${r}: no writer twice`);
    }
    // The half-name slot reads train-cb (its tuning text) and never train-bt / train-bv (they chose its features).
    assert.equal(out('halves').includes('train-cb'), false);
    for (const w of ['train-bt', 'train-bv', ...RESTRICTED.filter((x) => x !== 'train-cb')]) assert.ok(out('halves').includes(w), w);
    // The openers' slot reads train-cd (round 25); the facility slots read no restricted writer.
    assert.equal(out('openers').includes('train-cd'), false);
    for (const w of RESTRICTED.filter((x) => x !== 'train-cd')) assert.ok(out('openers').includes(w), `openers: ${w}`);
    for (const w of RESTRICTED) assert.ok(out('facility-slots').includes(w), `facility-slots: ${w}`);
    // A written-out value reads as the same writers in the recipes' parser.
    const except = writersExcept({ DEID_WRITERS_EXCEPT: recipeExcept('openers') })!;
    assert.ok(except.test('train-cf') && except.test('train-bl') && !except.test('train-bk'));
  });
});
