// Round 21 (issue 13): a name hidden once and written again in another slot or form — a keep-list or everyday
// word-name at its second mention in a person's slot (everywhere() in deidentify.ts), a nickname in quotes beside the
// name, the name's initials (otherForms), and one word in a list between found names (nameNeighbours.ts). Each rule with
// the same slot holding words that must stay; every example is made up for these tests. Shipped models.
import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { hidden, stays } from '../../helpers/deidentify';

/** No mention of `word` is left in the stored text, in any case. */
function gone(text: string, word: string): void {
  const { redacted } = deidentify(text);
  assert.ok(!new RegExp(`\\b${word}\\b`, 'i').test(redacted), `${word} must be hidden everywhere in ${JSON.stringify(text)}; got ${redacted}`);
}

describe('deidentify: a name hidden once, written again in another slot or form', () => {
  describe('a word-name hidden elsewhere, in a person slot (everywhere)', () => {
    it('hides it after "ask for"', () => {
      gone('met hope at the dropin. ask for hope at the front desk next time', 'hope');
      gone('her sister crystal came by. ask for crystal at the desk', 'crystal');
    });
    it('hides a keep-list given name as its possessive before kin, a role or a thing a person has', () => {
      gone("her friend happy came. happy's son was there", 'happy');
      gone("client Storm Littlechild. so storm's bf called", 'storm');
      gone('her sister crystal came by at 2. crystal mom called', 'crystal');
    });
    it('hides a keep-list given name before a bracket saying who, given a thing, or joined to a person', () => {
      gone('texted tina. tina (the nurse) called back', 'tina');
      gone('her sister april came by at 2. gave april a ride', 'april');
      gone('her sister april came by at 2. me & april went to tims', 'april');
      gone('her sister crystal came by at 2. crystal and Tony Reed are a couple', 'crystal');
    });
    it('hides a keep-list given name opening a clause before a past verb or a state', () => {
      gone('her sister crystal came by at 2. crystal helped with the dishes', 'crystal');
      gone('her friend happy came by at 2. happy upset about the move', 'happy');
      gone('her sister april came by at 2. if april calls back tell her', 'april');
    });
    it('keeps the word where the note uses it as a word', () => {
      stays("her sister Hope came by. i hope she's ok. so hope's not lost", 'hope');
      stays("client Storm Littlechild. the storm's coming. so storm's over", 'storm');
      stays('her sister Crystal came. she was on crystal. and crystal meth again', 'crystal');
      stays('her friend Happy came. she was happy. so happy for her', 'happy');
      stays('met May Chen. may be late. she may come', 'may');
      stays('her sister April came. in april she moves', 'april');
      stays('her sister Crystal came by. on crystal mom said', 'crystal');
    });
  });

  describe('a nickname in quotes beside a name found (otherForms)', () => {
    it('hides the quoted word between, after or before the name', () => {
      hidden('Kofi Mensah ("Buddy") came in', 'Buddy');
      hidden('Kofi Mensah - "Chief" - came in', 'Chief');
    });
    it('keeps words in quotes that are said, not a name', () => {
      stays('Tanya Reed "im fine" she said', 'fine');
      stays('Tanya Reed (“sober” 3 weeks)', 'sober');
      stays('talked to Tanya Reed "about" her meds', 'about');
    });
  });

  describe("a full name's initials elsewhere in the note (otherForms)", () => {
    it('hides capitals that are the initials of a full name found', () => {
      hidden('fyi Darnell Jones = DJ in the old notes', 'DJ');
      hidden('Darnell Jones came. DJ said hi', 'DJ');
    });
    it('keeps capitals that are a word or a kept abbreviation', () => {
      stays('Emma Reid came. took her to ER after', 'ER');
      stays('Anna Ames at AA tonight', 'AA');
      stays('Olive Kent said OK', 'OK');
    });
  });

  describe('a word in a list between names found (nameNeighbours.ts)', () => {
    it('hides one word between two names joined by commas or a joiner', () => {
      hidden('saw Tanya Reed, crystal, Jolene Baptiste at group', 'crystal');
      hidden('her kids Marcus Reed, hope and Jayden Reed are with her', 'hope');
      hidden('Precious Obi, happy and Ama Nti came to group', 'happy');
    });
    it('hides the first word of a list of names closed by a joiner', () => {
      hidden('may, Marcus Reed and Jayden Reed came', 'may');
    });
    it('keeps a function, kin or role word between names', () => {
      stays('Tanya Reed, me and Jolene Baptiste went', 'me');
      stays('Tanya Reed, mom and Jolene Baptiste went', 'mom');
      stays('Tanya Reed and then Jolene Baptiste came', 'then');
    });
  });

  it('hides a last initial after a full name before "came" or "went" (nameNeighbours.ts)', () => {
    hidden('Darnell Reyes r came by', 'Reyes r');
  });
});
