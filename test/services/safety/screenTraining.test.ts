// Round 8: the classifier retrained so it reads new voices without raising everyday sentences — positives weighed per
// kind ('balanced'), everyday notes in many voices as low-weight negatives that also bound each threshold, and the
// commonest words (said, would, be…) giving bigrams only. Every sentence here is invented. Figures: docs/history/SAFETY-rounds.md
// (round 8).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RISK_CATEGORIES, content, type RiskCategory } from '../../../services/content';
import { riskCategories, screenRisk } from '../../../services/safety/screen';
import { features, probabilities, shippedModel } from '../../../services/safety/screen/classifier';
import { normalise } from '../../../services/safety/screen/normalise';
import { DEFAULT_TRAIN, train, type Example } from '../../../services/safety/screen/train';
import { EVERYDAY_WEIGHT, type Labelled, readEveryday } from '../../../bench/screenData';
import { chooseThresholds, EVERYDAY_BUDGET, type Probs } from '../../../bench/screenLobo';

const c = content();
const cats = (text: string) => riskCategories(screenRisk(text, c));
const small = { ...DEFAULT_TRAIN, epochs: 60, features: { bigrams: true, chars: [], stems: true }, balanced: false, minGroups: 1 };
const ex = (id: string, norm: string, kinds: RiskCategory[] = [], weight?: number): Example => ({ id, norm, kinds, weight });

describe('risk screen classifier: trained to read new voices without raising everyday sentences', () => {
  it('the commonest words give bigrams only: a bare reporting frame carries no unigram or character n-gram', () => {
    const opts = { bigrams: true, chars: [4], stems: true, skipCommon: true };
    const f = features('she said she would', opts);
    for (const gone of ['said', 'would', '#said', '#woul']) assert.ok(!f.includes(gone), gone);
    assert.ok(f.includes('said_she'), 'bigrams keep them');
    // Words that carry risk, and misspellings, keep theirs.
    assert.ok(features('she is suicdal', opts).includes('#suic'));
    assert.ok(features('he wants to die', opts).includes('want'));
    // Off by default: an older model reads as before.
    assert.ok(features('she said she would', { bigrams: true, chars: [4], stems: true }).includes('said'));
  });

  it("'balanced' weighs a rare kind's positives up; a sentence's weight scales what it teaches", () => {
    const data = [ex('p', 'he wants to die', ['suicide']), ...Array.from({ length: 12 }, (_v, i) => ex(`n${i}`, `went to the store number ${i}`))];
    const plain = probabilities(train(data, small), 'he wants to die').suicide;
    const balanced = probabilities(train(data, { ...small, balanced: true }), 'he wants to die').suicide;
    assert.ok(balanced > plain, `${balanced} > ${plain}`);
    // A weight of zero is no sentence at all.
    const without = train(data, small);
    const zero = train([...data, ex('z', 'he wants to die tomorrow', [], 0)], small);
    assert.equal(probabilities(zero, 'went to the store number 3').suicide.toFixed(6), probabilities(without, 'went to the store number 3').suicide.toFixed(6));
  });

  it('reads everyday notes whole and by sentence, at low weight, leaving out notes that name a risk or that the patterns flag', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'everyday-'));
    const file = path.join(dir, 'train-zz.txt');
    fs.writeFileSync(
      file,
      [
        '# comment',
        'lower\tdrove [[N:amira]] to the food bank. she said she would call tomorrow.',
        'sms\tshe od\'d in the stairwell, 2 narcan',
        'lower\tfound him blue on the floor, not breathing',
        'careful\tThe group met at noon. Coffee was served.',
      ].join('\n'),
    );
    const got = readEveryday(1, [file]);
    const norms = got.map((e) => e.norm);
    assert.ok(norms.some((n) => n.startsWith('drove')) && norms.some((n) => n.startsWith('she said she would call')), JSON.stringify(norms));
    assert.ok(!norms.some((n) => /narcan|blue/.test(n)), 'risk notes left out');
    assert.equal(got.length, 6, 'two notes, each whole and in two sentences');
    assert.ok(got.every((e) => e.weight === EVERYDAY_WEIGHT && e.kinds.length === 0));
    fs.rmSync(dir, { recursive: true });
  });

  it('a threshold also keeps within its budget of everyday sentences', () => {
    const mk = (id: string): Labelled => ({ id, text: id, screened: id, norm: id, kinds: [] });
    const hard = Array.from({ length: 100 }, (_v, i) => mk(`h${i}`));
    const everyday = Array.from({ length: 400 }, (_v, i) => mk(`e${i}`));
    const probs: Probs = new Map();
    const p = (v: number) => Object.fromEntries(RISK_CATEGORIES.map((k) => [k, k === 'suicide' ? v : 0.1])) as Record<RiskCategory, number>;
    for (const h of hard) probs.set(h, p(0.1));
    // Five everyday sentences at 0.62 for suicide: over a 0.5 % budget of 400 (2), so suicide moves above them.
    for (const [i, e] of everyday.entries()) probs.set(e, p(i < 5 ? 0.62 : 0.1));
    assert.equal(EVERYDAY_BUDGET, 0.005);
    assert.equal(chooseThresholds(hard, probs).suicide, 0.5);
    assert.equal(chooseThresholds(hard, probs, everyday).suicide, 0.65);
  });

  it('the shipped model was trained this way and leaves bare frames and everyday sentences alone', () => {
    const m = shippedModel();
    assert.equal(m.features.skipCommon, true);
    assert.ok(m.trainedOn.files.some((f) => /train-[a-z]+\.txt$/.test(f)), 'everyday notes among its files');
    for (const text of [
      'she said she would',
      'he said he would come by tomorrow',
      'she told me she will think about it',
      'he says he is going to try the new group on monday',
      'she asked if she could bring her son next time',
      'they said they would be there by noon',
    ]) {
      assert.deepEqual(cats(text), [], `false alarm on "${text}": ${JSON.stringify(probabilities(m, normalise(text)))}`);
    }
  });

  it('and still reads risk said plainly in a new voice', () => {
    for (const [kind, text] of [
      ['suicide', 'she keeps saying everyone would be better off if she was gone'],
      ['overdose', 'he was nodding off hard and his lips went grey after he used'],
      ['self_harm', 'she has fresh cuts up her arm again'],
      ['harm_to_others', 'he said he is going to stab his roommate tonight'],
    ] as [RiskCategory, string][]) {
      assert.ok(cats(text).includes(kind), `${kind}: "${text}" gave ${JSON.stringify(cats(text))}`);
    }
  });
});
