import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { kinWord } from '../../../services/deidentify/kinship';
import { hidden, stays } from '../../helpers/deidentify';

// Round 23 (issue 13): kin words of other languages and Englishes (content/deid-kinship.json, read by kinship.ts) stay
// after a possessive and before a name, and the names beside them are still hidden. Every example is made up.
describe('deidentify: kin words of other languages (kinship.ts)', () => {
  const root = path.resolve(__dirname, '..', '..', '..', 'content');

  it('the list is valid against its schema, and its source is in sources.json', () => {
    const data = JSON.parse(fs.readFileSync(path.join(root, 'deid-kinship.json'), 'utf8')) as { sourceId: string; groups: Array<{ id: string; terms: string[] }> };
    const validate = new Ajv({ strict: true }).compile(JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'deid-kinship.schema.json'), 'utf8')) as object);
    assert.ok(validate(data), JSON.stringify(validate.errors));
    const sources = JSON.parse(fs.readFileSync(path.join(root, 'sources.json'), 'utf8')) as { sources: Array<{ id: string }> };
    assert.ok(sources.sources.some((s) => s.id === data.sourceId), data.sourceId);
    // Terms are lower case, and a group has a source.
    assert.equal(validate({ ...data, groups: [{ ...data.groups[0], terms: ['Lola'] }] }), false);
    assert.equal(validate({ ...data, groups: [{ id: 'x', language: 'Xxx', terms: ['lola'] }] }), false);
  });

  it('knows a kin word, with its possessive, and no English word or name', () => {
    for (const w of ['lola', 'nani', 'jiddo', 'tutu', 'mama', "kokum's", 'halmeoni']) assert.ok(kinWord(w), w);
    for (const w of ['the', 'marisol', 'car', '']) assert.equal(kinWord(w), false, w);
  });

  it('keeps a kin word after a possessive, even before a verb a person does, and hides the name beside it', () => {
    for (const [text, word] of [
      ['her mama came by with soup today', 'mama'],
      ['his tutu said he can stay till friday', 'tutu'],
      ['my jiddo is sick again', 'jiddo'],
      ['our kokum wants to come to the feast', 'kokum'],
      ['her nani came with marisol to the office', 'nani'],
      ['called his lola about the ride', 'lola'],
    ] as const) stays(text, word);
    hidden('her nani came with marisol to the office', 'marisol', 'NAME');
    // "her" as the object of a verb that names or calls her: what she is called.
    hidden('calls her nani since she was small', 'nani', 'NAME');
    hidden('named her lola after her aunt', 'lola', 'NAME');
    // A name after a possessive that is no kin word is still a name before a person's verb.
    hidden('his rafael came by to help', 'rafael', 'NAME');
  });

  it('takes a kin word off the given name after it, and keeps a kin word that is a given name before a surname', () => {
    for (const [text, kin, name] of [
      ['drove lola consuelo to the clinic', 'lola', 'consuelo'],
      ['tito nestor called about the van', 'tito', 'nestor'],
      ['mamie lucille made me a scarf lol', 'mamie', 'lucille'],
    ] as const) {
      stays(text, kin);
      hidden(text, name, 'NAME');
    }
    hidden('ama mensah called about her rent', 'ama mensah', 'NAME');
    hidden('Lola Martinez called about the van', 'Lola Martinez', 'NAME');
    hidden('tito ramos knew every player on the team', 'tito ramos', 'NAME');
  });
});
