// Round 14 (the classifier, reproducible): `npm run train:screen` reads every sentence de-identified, so the
// de-identifier is part of its input; the file records a SHA-256 of what it read (trainedOn.inputs) and
// `npm run train:screen -- --digest` / `--check` say whether the tree still rebuilds it (docs/history/SAFETY-rounds.md, "Round 14
// (classifier)"). Every sentence here is invented.
import assert from 'node:assert/strict';
import type { RiskCategory } from '../../../services/content';
import { probabilities } from '../../../services/safety/screen/classifier';
import { DEFAULT_TRAIN, train } from '../../../services/safety/screen/train';
import { normalise } from '../../../services/safety/screen/normalise';
import type { Batch } from '../../../bench/screenLobo';
import { inputsDigest } from '../../../scripts/train-screen';

const ex = (id: string, screened: string, kinds: RiskCategory[] = [], weight?: number) => ({ id, text: '', screened, norm: normalise(screened), kinds, weight, group: 'b' });
const batch = (...examples: ReturnType<typeof ex>[]): Batch[] => [{ name: 'b', examples }];

describe('risk screen: the classifier rebuilt from the tree', () => {
  it('the digest is the same for the same sentences and changes with what the classifier reads', () => {
    const base = () => batch(ex('a1', 'he gave away his guitar', ['suicide']), ex('n1', 'we had coffee at [NAME] place'));
    assert.equal(inputsDigest(base()), inputsDigest(base()));
    // The de-identifier hid one word more: another input, another model.
    assert.notEqual(inputsDigest(base()), inputsDigest(batch(ex('a1', 'he gave away his guitar', ['suicide']), ex('n1', 'we had coffee at [NAME] [NAME]'))));
    // A label, a weight, the order.
    assert.notEqual(inputsDigest(base()), inputsDigest(batch(ex('a1', 'he gave away his guitar', ['overdose']), ex('n1', 'we had coffee at [NAME] place'))));
    assert.notEqual(inputsDigest(base()), inputsDigest(batch(ex('a1', 'he gave away his guitar', ['suicide']), ex('n1', 'we had coffee at [NAME] place', [], 0.3))));
    assert.notEqual(inputsDigest(base()), inputsDigest(batch(ex('n1', 'we had coffee at [NAME] place'), ex('a1', 'he gave away his guitar', ['suicide']))));
  });

  it('hardNegatives (measured, not the recipe) weighs up the sentences that share risk words and are not risk', () => {
    const bank = [
      ex('a1', 'he took all his pills at once last night', ['overdose']),
      ex('a2', 'she overdosed in the bathroom', ['overdose']),
      ex('n1', 'she takes her pills at night as prescribed'),
      ex('e1', 'we went for a walk', [], 0.3),
    ];
    const opts = { ...DEFAULT_TRAIN, epochs: 60, minGroups: 1 };
    const p = (hardNegatives: number, text: string) => probabilities(train(bank, { ...opts, hardNegatives }), normalise(text)).overdose;
    // The denial-like sentence reads as less risk, the risk sentence still as risk.
    assert.ok(p(3, 'she takes her pills at night as prescribed') < p(1, 'she takes her pills at night as prescribed'));
    assert.ok(p(3, 'he took all his pills at once last night') > 0.5);
  });
});
