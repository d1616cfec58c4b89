import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { kinRelations, kinTerms, kinWord } from '../../../services/deidentify/kinship';
import { RELATIONS } from '../../../services/deidentify/messy';
import { OWNER_WORDS } from '../../../services/deidentify/messyPatterns';
import { deidentify } from '../../../services/deidentify';
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

  // Round 24: one list of kin words. English is a group of it; each group's "relations" (words that name a relation
  // in every slot) feed messy.ts RELATIONS and messyPatterns.ts OWNER_WORDS, and every kin word the people an age follows.
  it('is the one list of kin words: English, relations, the keep-list kin groups, the words before an age and a home', () => {
    const data = JSON.parse(fs.readFileSync(path.join(root, 'deid-kinship.json'), 'utf8')) as { groups: Array<{ id: string; terms: string[]; relations?: string[] }> };
    for (const g of data.groups) for (const r of g.relations ?? []) assert.ok(g.terms.includes(r), `${g.id}: ${r}`);
    for (const w of ['mom', 'grandma', 'sister-in-law', 'mère', 'mijo']) assert.ok(kinWord(w), w);
    for (const r of kinRelations()) assert.ok(RELATIONS.has(r), r);
    for (const w of ['sister', 'kokum', 'tante', 'nana']) assert.ok(kinRelations().includes(w), w);
    // Kin words of other languages are no relation in every slot: many are given names too ("lola", "ama").
    for (const w of ['lola', 'ama', 'papa']) assert.equal(kinRelations().includes(w), false, w);
    for (const w of ['niece', 'nieces', "husband's", 'moms', 'friends']) assert.ok(OWNER_WORDS.test(w), w);
    // A priest's or a nun's title names a facility ("Father Joe's Villages").
    for (const w of ['father', "mother's"]) assert.equal(OWNER_WORDS.test(w), false, w);
    // Every word of the keep-list's kin groups is a kin word of this list, or one of the titles, endearments and
    // people those groups also hold.
    const notKin = new Set(`aunty's habibti laoshi ma'am granmoun keiki ohana ʻohana bruddah braddah brah sistah mama-san señora
      señor doña doñas viejita viejito aachchi achchi seeya grandkid grandchild client volunteer tenant landlord roommate
      neighbour neighbor boyfriend girlfriend bf gf abbé`.trim().split(/\s+/));
    const keep = JSON.parse(fs.readFileSync(path.join(root, 'deid-keep.json'), 'utf8')) as { groups: Array<{ id: string; terms: string[] }> };
    const groups = ['kin-words', 'elders-and-kin', 'kin-and-elder-words-more', 'kin-and-roles-before-a-name', 'kin-words-after-a-name-more', 'kin-words-before-a-name-more'];
    const words = keep.groups.filter((g) => groups.includes(g.id)).flatMap((g) => g.terms.map((t) => t.toLowerCase()));
    assert.ok(words.length > 200);
    for (const w of words) if (!/\s/.test(w)) assert.ok(kinWord(w) || notKin.has(w), w);
    assert.ok(kinTerms().size > 400);
  });

  it('hides an age over 89 after a kin word of any language', () => {
    hidden('lives with her kokum (97) out on the reserve', '97', 'AGE');
    hidden('his abuela, 93, still cooks for everyone', '93', 'AGE');
    hidden('her halmeoni is 94 and sharp', '94', 'AGE');
  });

  // Round 24: a kin word typed with a capital is the relation too, and the name beside it is still hidden.
  it('keeps a capitalised kin word after a possessive, and alone where the note owns it or it is English or French', () => {
    for (const [text, word] of [
      ['visited her Nana today, she was tired', 'Nana'],
      ['my Kokum made bannock for the feast', 'Kokum'],
      ['his Mom called twice about the rent', 'Mom'],
      ["went to Nana's place after group", "Nana's"],
      ['Auntie said she would come to the feast', 'Auntie'],
      ['her Gramma was sick all week', 'Gramma'],
      ['my Nani came by with food', 'Nani'],
      ['her Lola made pancit for everyone', 'Lola'],
      ["his Lola's birthday is next week", 'Lola'],
      ['Today Mummy sat in on the visit and kept answering for her', 'Mummy'],
      ['Sa Mère pis son Père sont venus au groupe', 'Mère'],
      ['Sa Mère pis son Père sont venus au groupe', 'Père'],
    ] as const) stays(text, word);
    // The note says "his Lola": the same word alone is her too.
    assert.equal(deidentify('his Lola raised him. Lola wants him home by christmas').redacted, 'his Lola raised him. Lola wants him home by christmas');
  });

  it('still hides the name beside a capitalised kin word, and a kin word alone that names someone', () => {
    hidden('Auntie Bev drove her to the clinic', 'Bev', 'NAME');
    hidden('Abuela Rosa cooked for the whole group', 'Rosa', 'NAME');
    hidden('grandpa joe came by the office', 'joe', 'NAME');
    hidden('his Nana Jean called', 'Jean', 'NAME');
    hidden('named her Lola after her aunt', 'Lola', 'NAME');
    // Alone, a kin word of another language is often a given name ("Nokomis", "Lola"), and one before a capital may title a name.
    hidden('Lola answered the door and said come back later', 'Lola', 'NAME');
    hidden('Nokomis said the batch going around is bad', 'Nokomis', 'NAME');
    hidden('Big Mummy Folake came to the family session.', 'Folake', 'NAME');
  });
});
