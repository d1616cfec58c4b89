import assert from 'node:assert/strict';
import { frenchPieces, frenchWordsOf } from '../../../services/deidentify/dictionaries';

describe('deidentify: frenchWordsOf (French notes read from the shared words)', () => {
  it("cuts a word into the pieces a French reading sees: at hyphens, and after every second apostrophe", () => {
    const FRENCH_TOKEN = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)?/gu;
    for (const raw of ["c'est-à-dire", "aujourd'hui", "a'b'c", "j’ai-je", 'elle-même', 'anne-sophie', 'était', "l'o'neil's"]) {
      assert.deepEqual(frenchPieces(raw), [...raw.matchAll(FRENCH_TOKEN)].map((m) => m[0]), raw);
    }
  });

  it('answers for a note with two marker words or more, also when one is inside a hyphenated or apostrophe word', () => {
    const fr = frenchWordsOf("Elle était chez sa mère, c'est-à-dire tard");
    assert.ok(fr, 'a French note');
    assert.equal(fr!('demain'), true);
    assert.equal(fr!('pierre'), false, 'a given name stays a name');
    assert.ok(frenchWordsOf("j’ai vu elle-même"), "j’ai (typed with ’) and elle inside elle-même are the two markers");
  });

  it('is null for an English note, even one holding a single marker word or marker letters inside words', () => {
    assert.equal(frenchWordsOf('met hope at the dropin, she said merci'), null);
    assert.equal(frenchWordsOf('the best miles quit june test'), null);
    assert.equal(frenchWordsOf(''), null);
  });
});
