// Round 15 (the classifier's view): a model that reads only a fixed vocabulary, every other word one token
// (services/safety/screen/vocabulary.ts), trained on and reading the words as typed — it holds no name and what it reads
// does not move with the de-identifier (docs/history/SAFETY-rounds.md, "Round 15 (classifier)"). Every sentence here is invented.
import assert from 'node:assert/strict';
import { content, RISK_CATEGORIES, type RiskCategory } from '../../../services/content';
import { riskCategories } from '../../../services/safety/screen';
import type { RiskModel } from '../../../services/safety/screen/classifier';
import { normalise } from '../../../services/safety/screen/normalise';
import { DEFAULT_TRAIN, train } from '../../../services/safety/screen/train';
import { inVocabulary, NUMBER, UNKNOWN } from '../../../services/safety/screen/vocabulary';
import { screenTurn } from '../../../services/safety/turn';

const read = (text: string) => inVocabulary(normalise(text).split(' ')).join(' ');

describe('risk screen: the classifier reads a fixed vocabulary', function () {
  this.timeout(120000); // the word lists and the de-identifier load once
  it('folds names, placeholders and long numbers to one token each', () => {
    assert.equal(read('Maria and Tyler met Jayden'), `${UNKNOWN} and ${UNKNOWN} met ${UNKNOWN}`);
    assert.equal(read('[NAME] called from [FACILITY]'), `${UNKNOWN} called from ${UNKNOWN}`);
    assert.equal(read('his nan is 97, call 5551234'), `his nan is ${NUMBER} , call ${NUMBER}`);
  });

  it('keeps the words risk is told in, word-names among them, and small numbers', () => {
    for (const s of [
      'she has lost all hope and gave away her guitar',
      'he took 20 pills and the narcan did not work',
      'her nephew found him blue in the tent',
      'fentanyl and benzos on friday, no naloxone kit',
      'he fell off the cliff walking the dog',
      'i keep seeing his face when i close my eyes',
    ]) assert.equal(read(s), normalise(s), s);
  });

  const bank = (name: string) => [
    { id: 'a1', norm: normalise(`${name} gave away his guitar and said goodbye to everyone`), kinds: ['suicide' as RiskCategory], group: 'a' },
    { id: 'a2', norm: normalise(`${name} has been saving up her pills in an envelope`), kinds: ['suicide' as RiskCategory], group: 'b' },
    { id: 'n1', norm: normalise(`${name} gave his old guitar to his nephew for his birthday`), kinds: [], group: 'a' },
    { id: 'n2', norm: normalise(`we went for coffee with ${name} and talked about the weekend`), kinds: [], group: 'b' },
  ];
  const opts = { ...DEFAULT_TRAIN, epochs: 40, minGroups: 1, features: { ...DEFAULT_TRAIN.features, vocabulary: true, typed: true } };

  it('a model trained on names as typed holds none of them', () => {
    const m = train(bank('Rubija'), opts);
    assert.ok(Object.keys(m.weights).some((f) => f.includes('guitar')), 'it learnt something');
    assert.ok(!Object.keys(m.weights).some((f) => f.includes('rubij') || f.includes('ubij')), 'no feature of the name');
    // Without the vocabulary the same bank teaches the name's stem and its letters.
    assert.ok(Object.keys(train(bank('Rubija'), { ...opts, features: DEFAULT_TRAIN.features }).weights).some((f) => f.includes('rubij')));
  });

  it('reads the words as typed, so what the de-identifier hid does not move its verdict', () => {
    const m: RiskModel = { ...train(bank('Rubija'), opts), thresholds: Object.fromEntries(RISK_CATEGORIES.map((k) => [k, 0.5])) as Record<RiskCategory, number> };
    const c = content();
    const raw = 'Sherry gave her watch to her sister';
    const kinds = (redacted: string) => riskCategories(screenTurn({ raw, redacted }, c, { classifier: m }));
    // The same words, the name hidden or not by two de-identifiers: the same verdict, and the classifier met it.
    assert.deepEqual(kinds('[NAME] gave her watch to her sister'), kinds(raw));
    assert.ok(kinds(raw).includes('suicide'));
    // Without the words as typed (a long answer kept a turn later) it reads the stored text, placeholders folded.
    assert.ok(riskCategories(screenTurn({ redacted: '[NAME] gave her watch to her sister' }, c, { classifier: m })).includes('suicide'));
    // An everyday sentence of the same people stays quiet.
    assert.deepEqual(riskCategories(screenTurn({ raw: 'Sherry and her sister went for coffee on friday' }, c, { classifier: m })), []);
  });
});
