// Round 6 of the over-redaction work (issue 13): words of other languages and Englishes that PSWs write in notes stay,
// and the names beside them are still hidden. Every example is made up for these tests (none is a note of a bench set).
import assert from 'node:assert/strict';
import { foreignWordsOf } from '../../../services/deidentify/language';
import { keepList } from '../../../services/deidentify/keepList';
import type { Entity } from '../../../services/deidentify/types';
import { wordsInPlace } from '../../../services/deidentify/wordsInPlace';
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: notes with French or Spanish in them (language.ts)', () => {
  it('tells a note with French or Spanish words from an English one by two different common words', () => {
    assert.ok(foreignWordsOf("il m'a dit qu'il est fatigué, we talked a bit"), 'French: dit, est, qu’il');
    assert.ok(foreignWordsOf('ella dijo que no hay agua caliente, called the landlord'), 'Spanish: dijo, que, hay');
    assert.equal(foreignWordsOf('met dawn at the dropin, she said merci for the coat'), null, 'one French word is no reading');
    assert.equal(foreignWordsOf('dropped off the forms at the desk, est. 2 hrs'), null);
  });
  it('reads a function word as a word even where a name list holds it, and a given name as no word', () => {
    const fr = foreignWordsOf("elle était chez sa mère avec pierre, c'est correct");
    assert.ok(fr);
    assert.equal(fr!('de'), 2);
    assert.equal(fr!('chez'), 2);
    assert.equal(fr!('pierre'), 0, 'a given name stays a name');
    assert.equal(fr!('étienne'), 0, 'with its accents too');
  });
  it('keeps the French of a franglais note and hides the names in it', () => {
    const text = "sylvain m'a dit qu'il est tanné de la chambre, trop de bruit la nuit, so we called the landlord";
    hidden(text, 'sylvain', 'NAME');
    for (const w of ['dit', 'est', 'tanné', 'de', 'la', 'chambre', 'trop', 'bruit', 'nuit']) stays(text, w);
  });
  it('keeps the Spanish of a Spanglish note and hides the names in it', () => {
    const text = 'talked w rosario today, ella dijo que no tiene dinero para la renta este mes, we made a plan';
    hidden(text, 'rosario', 'NAME');
    for (const w of ['dijo', 'tiene', 'dinero', 'para', 'renta', 'este', 'mes']) stays(text, w);
  });
});

describe('deidentify: words of other Englishes and languages on the keep-list (content/deid-keep.json)', () => {
  it('keeps Caribbean, Pidgin, Newfoundland and youth words, and hides the name beside them', () => {
    const text = 'checked on marisol, she say di pickney dem likkle tired but nyam good, no wahala, finna sleep early';
    hidden(text, 'marisol', 'NAME');
    for (const w of ['likkle', 'nyam', 'wahala', 'finna']) stays(text, w);
    stays('he was some tired this week b\'y, said the fog was mauzy', "b'y");
  });
  it('keeps Indigenous-language words said in English and the greetings of other languages', () => {
    const text = 'miigwech she said when tyrell brought the bannock, then alhamdulillah the cheque came';
    hidden(text, 'tyrell', 'NAME');
    for (const w of ['miigwech', 'bannock', 'alhamdulillah']) stays(text, w);
    stays('her ayeeyo is staying with them, he said qujannamiik for the ride', 'ayeeyo');
    stays('her ayeeyo is staying with them, he said qujannamiik for the ride', 'qujannamiik');
  });
  it('leaves out of the always-kept words any word a name list holds (a word-name needs its slot)', () => {
    const { words } = keepList();
    for (const w of ['tansi', 'irie', 'biko', 'mija']) assert.equal(words.has(w), false, w);
  });
});

describe('deidentify: words that stay by their place (wordsInPlace.ts)', () => {
  const span = (text: string, word: string, from = 0): Entity => {
    const start = text.indexOf(word, from);
    return { start, end: start + word.length, type: 'NAME' };
  };
  const left = (text: string, words: string[], known: string[] = []): string[] =>
    wordsInPlace(text, words.map((w) => span(text, w)), known.map((w) => span(text, w))).map((e) => text.slice(e.start, e.end));

  it('gives back a word no name list holds after "a" or a possessive', () => {
    assert.deepEqual(left('he moved his stuff with his troca, then got a chamba at the shop', ['troca', 'chamba']), []);
    assert.deepEqual(left('went with her zorvath to the bank', ['zorvath']), [], '"with her": a possessive');
  });
  it('keeps hidden a word after "her" when "her" is the object of a verb, and any word a name list holds', () => {
    assert.deepEqual(left('told her zorvath called back', ['zorvath']), ['zorvath']);
    assert.deepEqual(left('gave her jamal a ride', ['jamal']), ['jamal']);
    assert.deepEqual(left('my jaswinder came by', ['jaswinder']), ['jaswinder'], 'a given name after a possessive is someone');
  });
  it('never after "the": PSWs name places and families by one word after it', () => {
    assert.deepEqual(left('she is at the zorvath overnight', ['zorvath']), ['zorvath']);
  });
  it('gives back a word-name of another English out of a person slot, not in one', () => {
    assert.deepEqual(left('she seh the pickney dem good', ['seh', 'pickney']), []);
    assert.deepEqual(left('met irie at the shop, then irie said hi', ['irie']), ['irie'], 'after "met"');
    const text = 'met irie at the shop, then irie said hi';
    assert.deepEqual(wordsInPlace(text, [span(text, 'irie', 10)], []).length, 1, 'before "said"');
    assert.deepEqual(left('Tansi! Kokum came to the visit', ['Tansi']), [], 'with the capital of a sentence start');
    assert.deepEqual(left('We met Tansi at the centre', ['Tansi']), ['Tansi'], 'a capital inside a sentence');
  });
  it('gives back common English words in a title-cased sentence, never a given name or a word-name there', () => {
    const text = 'Today Went Well. Called While I Was There. Met Will Baker At Noon.';
    assert.deepEqual(left(text, ['Went Well', 'While I Was', 'Will Baker']), ['Will Baker']);
    assert.deepEqual(left('Went well with the landlord today', ['Went']), ['Went'], 'a sentence in ordinary case');
  });
  it('reads the words of a title-cased span apart at any white space, and keeps the span at its first name (round 12, one word at a time)', () => {
    const text = 'Today Went Well.\tCalled While\u00a0I  Was There. Met Will\u2003Baker At Noon.';
    assert.deepEqual(left(text, ['While\u00a0I  Was', 'Will\u2003Baker']), ['Will\u2003Baker']);
    assert.deepEqual(left('Today Went Well. Met Baker Will At Noon.', ['Baker Will']), ['Baker Will'], 'a name after a common word');
    assert.deepEqual(left('Today Went Well. Called While I Was There.', ['While I Was ']), ['While I Was '], 'a span ending in a space has an empty last word');
  });
  it("gives back a function word of the note's French or Spanish that a name list holds, not one between names", () => {
    const text = "Ella dijo que no puede venir, la señora de arriba est malade, c'est ça";
    assert.deepEqual(left(text, ['Ella', 'la', 'de']), []);
    const named = 'elle est chez maria de la cruz avec sa fille';
    assert.deepEqual(left(named, ['maria', 'de', 'la', 'cruz']), ['maria', 'de', 'la', 'cruz']);
  });
  it('never gives back a name asked to hide, a capitalised word, two words, or a word beside another name', () => {
    assert.deepEqual(left('her madda came', ['madda'], ['madda']), ['madda']);
    assert.deepEqual(left('his Zorvath came', ['Zorvath']), ['Zorvath']);
    assert.deepEqual(left('tansi castillo came by', ['tansi', 'castillo']), ['tansi', 'castillo']);
    assert.deepEqual(left('lives at rua a zorvath 12', ['zorvath']), ['zorvath'], 'before a number: an address');
  });
  it('gives back a lower-case "will" before a verb in its base form (the modal), not "will" in a person slot', () => {
    for (const text of ['the landlord will learn', 'the worker will follow up tmrw', 'her ex will pay for this', 'she said he will not go back'])
      stays(text, 'will');
    hidden('met will and hope at the dropin', 'will', 'NAME');
    hidden('dropped off will at his moms', 'will', 'NAME');
    hidden('picked up will then the food bank', 'will', 'NAME');
  });
});
