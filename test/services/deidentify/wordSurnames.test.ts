import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { wordSurnameBand, wordSurnameRank } from '../../../services/deidentify/wordSurnames';

// Round 22: family names that are also everyday words (content/deid-word-surnames.json, scripts/deid-word-surnames.ts), read by the half-name slot.
describe('deidentify: surnames that are also words (wordSurnames.ts)', () => {
  const root = path.resolve(__dirname, '..', '..', '..', 'content');

  it('gives a word that is a Census surname its rank, and its band by that rank', () => {
    assert.equal(wordSurnameRank('brown'), 5);
    assert.equal(wordSurnameBand('brown'), 'a');
    assert.equal(wordSurnameBand('short'), 'b');
    assert.equal(wordSurnameBand('eagle'), 'c');
    assert.equal(wordSurnameBand('swimmer'), 'd');
    // The word comes without its possessive (nameHalves.ts strips it, in any case): a possessive is no listed word.
    assert.equal(wordSurnameBand("brown's"), 'no');
  });

  it('a word no surname, or a surname that is no everyday word, is "no"', () => {
    for (const w of ['the', 'texted', 'quorra', 'kowalczyk', 'johnson', '']) assert.equal(wordSurnameBand(w), 'no', w);
    assert.equal(wordSurnameRank('kowalczyk'), undefined);
  });

  it('the list is valid against its schema, and its source is in sources.json', () => {
    const data = JSON.parse(fs.readFileSync(path.join(root, 'deid-word-surnames.json'), 'utf8')) as { sourceId: string; ranks: Record<string, number> };
    const validate = new Ajv({ strict: true }).compile(JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'deid-word-surnames.schema.json'), 'utf8')) as object);
    assert.ok(validate(data), JSON.stringify(validate.errors));
    const sources = JSON.parse(fs.readFileSync(path.join(root, 'sources.json'), 'utf8')) as { sources: Array<{ id: string }> };
    assert.ok(sources.sources.some((s) => s.id === data.sourceId), data.sourceId);
    assert.equal(validate({ ...data, ranks: { Brown: 5 } }), false);
    assert.equal(validate({ about: 'no source at all', sourceId: data.sourceId, ranks: { brown: 5 } }), false);
  });
});
