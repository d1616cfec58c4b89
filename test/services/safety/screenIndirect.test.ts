// Indirect risk (services/safety/screen, content/risk-terms.json): the patterns for risk said by circumstances,
// behaviours and goodbyes; the past-and-resolved rule scoped to its own part of a sentence; stories on a screen;
// a kind's exclusions gating the classifier; and the classifier's word-class, subject and tense features.
// Figures: `npm run bench:screen` and the batch table in docs/history/SAFETY-rounds.md.
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
    assert.ok(cats("the memorial was today and I don't want to be here").includes('suicide'));
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

  it('a death or a memorial dates the loss, not the risk: a wish said in the present after it stays (a5 cases)', () => {
    assert.ok(cats('since he passed away i just dont want to be here').includes('suicide'));
    assert.ok(cats("after the memorial today he said he doesn't want to be here").includes('suicide'));
    assert.deepEqual(own('the memorial was today and I don\'t want to be alive'), ['psw_distress']);
    assert.ok(own("after the memorial today he said he doesn't want to be here").includes('suicide'));
    assert.deepEqual(cats('he overdosed and passed away last month'), []);
    assert.deepEqual(cats('she is grieving her son who overdosed'), []);
  });

  it("in a debrief, the worker's own risk said of themselves alone also raises psw_distress (their supports)", () => {
    assert.deepEqual(cats("the memorial was today and I don't want to be here"), ['suicide', 'psw_distress']);
    assert.deepEqual(cats('client said she wants to die'), ['suicide']);
    assert.deepEqual(cats('i think cook knows the landlord'), [], 'a sentence about the worker is not distress by itself');
  });

  it('circumstances that raise overdose risk: lost tolerance, a first use after release, using where nobody checks', () => {
    for (const text of ['she lost her tolerance in detox and used the same as before', 'just got out of jail on tuesday and went straight back to his old dose', "he's started using in the park bathroom where nobody checks on him"]) {
      assert.ok(patternsOnly(text).includes('overdose'), text);
    }
    assert.deepEqual(cats('we role played what to do if someone goes down at the drop-in'), []);
  });

  it('idioms, a scene on screen, an exercise, a toddler learning to walk: no alarm', () => {
    for (const text of [
      'that exam is going to kill me lol',
      'the movie had a suicide scene and she left the room, she is fine',
      "she said she'd rather die than go back to that job",
      'she wrote goodbye letters to her old self as a recovery exercise',
      'she thanked me for everything at her graduation from the program',
      'the toddler has a bruise on his forehead from learning to walk',
    ]) {
      assert.deepEqual(cats(text), [], `false alarm on "${text}": ${JSON.stringify(screenRisk(text, c))}`);
    }
    assert.ok(cats('the toddler had a burn on his hand in the shape of a circle, mom said he touched the stove').includes('abuse'));
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
