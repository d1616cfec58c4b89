import assert from 'node:assert/strict';
import { partOfSpeech } from '../../../services/deidentify/partsOfSpeech';

// Round 21: the openers' slot reads a word's part of speech (classifier/parts-of-speech.json, scripts/deid-parts-of-speech.ts).
describe('deidentify: a word\'s part of speech (partsOfSpeech.ts)', () => {
  it('folds an English word to its class: adjective, noun, plural, verb forms, name, function word', () => {
    for (const [word, tag] of [
      ['major', 'A'],
      ['precious', 'A'],
      ['petals', 'NP'],
      ['kids', 'NP'],
      ['texted', 'VD'],
      ['came', 'VD'],
      ['says', 'VZ'],
      ['joy', 'N'],
      ['grant', 'P'],
      ['the', 'F'],
      ['quickly', 'R'],
      ['will', 'X'],
    ] as const) assert.equal(partOfSpeech(word), tag, word);
  });

  it('a word the table does not hold is U; the table is read in lower case', () => {
    assert.equal(partOfSpeech('quorra'), 'U');
    assert.equal(partOfSpeech('Major'), 'U');
    assert.equal(partOfSpeech(''), 'U');
  });
});
