// Indirect risk (services/safety/screen, content/risk-terms.json): the patterns for risk said by circumstances,
// behaviours and goodbyes; the past-and-resolved rule scoped to its own part of a sentence; stories on a screen;
// a kind's exclusions gating the classifier; and the classifier's word-class, subject and tense features.
// Figures: `npm run bench:screen` and the batch table in docs/SAFETY.md.
import assert from 'node:assert/strict';
import { content, type RiskCategory } from '../../../services/content';
import { riskCategories, screenRisk } from '../../../services/safety/screen';
import { features, shippedModel } from '../../../services/safety/screen/classifier';
import { clauseMarks, wordClass } from '../../../services/safety/screen/wordClasses';

const c = content();
const cats = (text: string) => riskCategories(screenRisk(text, c));
const patternsOnly = (text: string) => riskCategories(screenRisk(text, c, { classifier: false }));
const own = (text: string) => riskCategories(screenRisk(text, c, {}, { self: true }));

describe('risk screen: indirect risk', () => {
  it('finds each kind said indirectly, by its patterns alone', () => {
    const cases: [RiskCategory, string][] = [
      ['suicide', 'she thanked me for everything, said it like a goodbye'],
      ['suicide', 'says he wont be around for his birthday next month'],
      ['suicide', 'keeps talking about joining his brother who died last spring'],
      ['suicide', 'she said the world would be lighter without her in it'],
      ['suicide', 'he asked me how high the bridge on 5th is'],
      ['suicide', 'he just seems really calm all of a sudden after weeks of being so low'],
      ['overdose', "he's been drinking on top of his dilaudid all week"],
      ['overdose', "got a stash of oxys in a sock, keeping them for a bad day"],
      ['self_harm', 'keeps a razor blade in her phone case'],
      ['self_harm', 'she said the pain on the outside makes the inside quieter'],
      ['harm_to_others', "if his landlord comes round again he won't be responsible for what happens"],
      ['harm_to_others', "he's been watching his ex's new place at night"],
      ['abuse', 'bruises on both arms and she said she walked into the door again'],
      ['abuse', "he grabs her by the neck when he's drinking"],
      ['abuse', '8yo was making dinner for the little ones'],
      ['abuse', 'her uncle gives her money and rides and she has to be nice to his friends'],
      ['psw_distress', 'been craving hard since the visit'],
      ['psw_distress', 'some days I wonder what the point of me is'],
      ['psw_distress', "i kept some of the pills i found at his place"],
    ];
    for (const [kind, text] of cases) assert.ok(patternsOnly(text).includes(kind), `${kind}: "${text}" gave ${JSON.stringify(patternsOnly(text))}`);
  });

  it('leaves the hard negatives that share those words', () => {
    for (const text of [
      "she's not going to be around next week because she's visiting her sister",
      "he said he'd be better off without his phone for a week, social media detox",
      "she's giving away her old furniture because she's moving in with her sister",
      'she said goodbye to her old workers at the clinic because she is moving',
      'he keeps a razor in the bathroom for shaving',
      'craving the good tacos from the truck lol',
      'i felt triggered at first but called my sponsor and i am okay now',
      'he is white knuckling it through the last week of his course',
    ]) {
      assert.deepEqual(cats(text), [], `false alarm on "${text}": ${JSON.stringify(screenRisk(text, c))}`);
    }
  });

  it('a past cue reaches only its own part of the sentence: a present wish after a memorial is still risk', () => {
    assert.deepEqual(cats("the memorial was today and I don't want to be here"), ['suicide']);
    assert.deepEqual(cats('her dad passed away last month, she says she wants to die'), ['suicide']);
    for (const text of ['he overdosed years ago and is doing well now', 'years ago, she tried to kill herself', 'her dad passed away last month, she is grieving but going to a group']) {
      assert.deepEqual(cats(text), [], text);
    }
  });

  it('a story on a screen or in a book is not risk, unless the person says it of themselves now', () => {
    assert.deepEqual(cats('we watched a show about a guy who overdosed'), []);
    assert.ok(cats('after the movie about a guy who overdosed she said she wants to die tonight').includes('suicide'));
  });

  it("the classifier reads a sentence without its kind's exclusions, so a figure of speech alone raises nothing", () => {
    const text = "he said he'd be better off without his phone for a week";
    assert.deepEqual(cats(text), []);
    assert.deepEqual(cats(`${text}. everyone would be better off without him`), ['suicide'], 'a real hit in another sentence still counts');
  });

  it("in the worker's own strand: a soft wish to disappear and a struggle not to use are theirs", () => {
    assert.deepEqual(own('I wish I could just disappear'), ['psw_distress']);
    assert.deepEqual(own('white knuckling it every day'), ['psw_distress']);
  });
});

describe('risk screen classifier: features that generalise', () => {
  const opts = { bigrams: false, chars: [], stems: true, negation: true, classes: true };

  it('puts words that play one part in a risk sentence in one class', () => {
    assert.equal(wordClass('guitar'), wordClass('watch'));
    assert.equal(wordClass('saving'), wordClass('stashed'));
    assert.equal(wordClass('oxys'), wordClass('methadone'));
    assert.equal(wordClass('table'), undefined);
  });

  it("marks the clause's subject (the worker or someone else) and tense", () => {
    assert.deepEqual(clauseMarks(['i', 'kept', 'the', 'pills']).sort(), ['s:1', 't:past']);
    assert.deepEqual(clauseMarks(['he', 'keeps', 'cutting']).sort(), ['s:3', 't:now']);
  });

  it('gives a class, the class before it, and the class with subject and tense; negated after a cue', () => {
    const f = features('he gave away his guitar', opts);
    for (const x of ['c:possession', 'c:give~c:possession', 's:3&c:possession']) assert.ok(f.includes(x), x);
    assert.ok(features('she did not give her cat away', opts).includes('negc:pet'));
  });

  it('the shipped model was trained with them', () => {
    assert.equal(shippedModel().features.classes, true);
    assert.ok(Object.keys(shippedModel().weights).some((k) => k.startsWith('c:')));
  });
});
