// Leave-one-batch-out for the risk screen's classifier (bench/screenLobo.ts): the batches it leaves out one by one
// (never a test, blind or held-out set), and thresholds chosen from out-of-batch probabilities within a budget of
// hard negatives. The figures themselves: `npm run bench:screen -- --lobo` (docs/SAFETY.md).
import assert from 'node:assert/strict';
import { RISK_CATEGORIES, type RiskCategory } from '../../../services/content';
import { HELD_OUT, type Labelled, readSet, SCREEN_SETS } from '../../../bench/screenData';
import { chooseThresholds, devBatches, type Probs } from '../../../bench/screenLobo';

const ex = (id: string, kinds: RiskCategory[] = []): Labelled => ({ id, text: id, screened: id, norm: id, kinds });

describe('risk screen: leave one batch out', () => {
  it('leaves out each development batch by its voice, and never reads a test, blind or held-out set', function () {
    this.timeout(240000); // de-identifies every development batch: over 60 s at a load of 15 on 2 cores (round 10)
    const batches = devBatches();
    const names = batches.map((b) => b.name);
    assert.equal(names[0], 'd');
    for (const n of ['r', 'f', 'g', 'i', 'j', 'm', 'n', 'o', 'p']) assert.ok(names.includes(n), n);
    assert.equal(new Set(names).size, names.length, 'each batch once');
    const testTexts = new Set(readSet(SCREEN_SETS.test).map((e) => e.text));
    assert.ok(!batches.some((b) => b.examples.some((e) => testTexts.has(e.text))), 'no test sentence');
    for (const held of HELD_OUT) {
      const letter = /-([a-z]+)\.jsonl$/.exec(held)![1];
      assert.ok(!names.includes(letter), `${held} is held out`);
    }
    // Each batch keeps its own sentences: the four first batches share one file but not a batch.
    for (const b of batches.filter((x) => ['r', 'f', 'g', 'i'].includes(x.name))) assert.ok(b.examples.every((e) => e.id.startsWith(b.name)), b.name);
  });

  it('chooses the lowest threshold that keeps each kind within its budget of hard negatives, never below its floor', () => {
    const negatives = Array.from({ length: 100 }, (_v, i) => ex(`n${i}`));
    const probs: Probs = new Map();
    // Three negatives score high for suicide, one for abuse; the rest are low.
    for (const [i, n] of negatives.entries()) {
      probs.set(n, Object.fromEntries(RISK_CATEGORIES.map((k) => [k, k === 'suicide' && i < 3 ? 0.9 - i * 0.1 : k === 'abuse' && i === 0 ? 0.62 : 0.1])) as Record<RiskCategory, number>);
    }
    const t = chooseThresholds(negatives, probs);
    // suicide may flag 2 of 100: the lowest grid step above the third-highest (0.7) is 0.75.
    assert.equal(t.suicide, 0.75);
    // abuse may flag 0.5 % of 100, i.e. none: the lowest grid step above its one high negative (0.62).
    assert.equal(t.abuse, 0.65);
    assert.equal(t.overdose, 0.35);
  });
});
