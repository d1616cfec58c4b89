// bench/screenFolds.ts judges classifier recipes by leaving whole batches out; its verdicts must be the screen's own,
// or every figure it prints is about some other screen. Invented sentences only.
import assert from 'node:assert/strict';
import { content, RISK_CATEGORIES, type RiskCategory } from '../../services/content';
import { riskCategories } from '../../services/safety/screen';
import { deidentify } from '../../services/deidentify';
import { normalise } from '../../services/safety/screen/normalise';
import { DEFAULT_TRAIN, train } from '../../services/safety/screen/train';
import { cacheBatch, recipe, scoreWith, thresholds, uniform, verdict } from '../../bench/screenFolds';
import { type Labelled, screenLabelled } from '../../bench/screenData';

/** As bench/screenData reads a labelled sentence: as typed, de-identified, and the latter normalised for training. */
const ex = (id: string, text: string, kinds: RiskCategory[] = []): Labelled => {
  const screened = deidentify(text).redacted;
  return { id, text, screened, norm: normalise(screened), kinds };
};

describe('bench/screenFolds: recipes judged by leaving batches out', () => {
  const bank = [
    ex('a1', 'he gave away his guitar and said goodbye to everyone', ['suicide']),
    ex('a2', 'she has been saving up her pills in an envelope', ['suicide']),
    ex('a3', 'found him blue on the bathroom floor, not breathing', ['overdose']),
    ex('a4', 'just got out of detox and went straight back to his usual amount', ['overdose']),
    ex('a5', 'her boyfriend takes her cheque and checks her phone', ['abuse']),
    ex('a6', 'i keep seeing his face when i close my eyes', ['psw_distress']),
    ex('n1', 'he gave his old guitar to his nephew for his birthday'),
    ex('n2', 'she keeps her pills in a dosette and takes them on time'),
    ex('n3', 'we went for coffee and talked about the weekend'),
    ex('n4', 'client denies si, no plan, no intent'),
  ];
  const half = Object.fromEntries(RISK_CATEGORIES.map((k) => [k, 0.5])) as Record<RiskCategory, number>;
  const model = { ...train(bank, { ...DEFAULT_TRAIN, epochs: 40, minGroups: 1 }), thresholds: half };
  const typed = { ...DEFAULT_TRAIN, epochs: 40, minGroups: 1, features: { ...DEFAULT_TRAIN.features, vocabulary: true, typed: true } };
  const typedModel = { ...train(bank.map((e) => ({ ...e, norm: normalise(e.text) })), typed), thresholds: half };

  it("gives the turn's own verdict for every sentence (both views, patterns, context rules, the gated classifier, psw_distress)", () => {
    const probe = [
      ...bank,
      ex('p1', 'he handed his watch and his tools to his cousin'),
      ex('p5', 'she has been counting her tablets into a jar'),
      ex('p2', 'i have been stashing my sleeping pills'),
      ex('p3', 'said he would kill his brother, both cracking up'),
      ex('p4', 'the movie had a suicide scene in it'),
      // A name as typed: two views, and the worker's own distress read as typed alone is someone else's.
      ex('p6', 'Maria said I keep seeing his face when I close my eyes'),
      ex('p7', 'Hope gave her guitar to her sister and said goodbye'),
    ];
    assert.ok(probe.some((e) => e.text !== e.screened), 'a sentence with two views');
    const c = content();
    const cached = cacheBatch({ name: 'probe', examples: probe });
    // A model of each view (round 15): the de-identified words, or the words as typed in a fixed vocabulary.
    for (const m of [model, typedModel]) {
      // The classifier adds a kind somewhere, so the comparison reaches its part of the verdict.
      assert.ok(cached.examples.some((e) => verdict(e, scoreWith(m, e), m.thresholds).length > e.views[0]!.pat.length));
      for (const [i, e] of cached.examples.entries()) {
        assert.deepEqual(verdict(e, scoreWith(m, e), m.thresholds), riskCategories(screenLabelled(probe[i]!, c, { classifier: m })), probe[i]!.text);
      }
    }
  });

  it('chooses thresholds within each operating point: the recipe at a scale, or one budget for every kind', () => {
    const cached = cacheBatch({ name: 'negatives', examples: bank.filter((e) => !e.kinds.length) }).examples;
    const scored = cached.map((e) => scoreWith(model, e));
    // Four negatives: any budget under a quarter allows none, so every threshold sits above every negative's score.
    for (const point of [recipe(1), uniform(0.02)]) {
      const th = thresholds(scored, [], point);
      for (const k of RISK_CATEGORIES) assert.ok(scored.every((s) => s[0]!.p[k] < th[k]), `${point.label} ${k}`);
    }
    assert.equal(recipe(2).budget('suicide'), 0.04);
    assert.equal(uniform(0.01).budget('abuse'), 0.01);
  });
});
