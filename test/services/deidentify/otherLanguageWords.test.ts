// Round 25 (issue 13, over-redaction): everyday words of other languages — thanks, greetings, yes and no, Haitian
// Creole and Hmong words (content/deid-keep.json groups scoped "other-language", lexicon.ts OTHER_LANGUAGE) — stay
// where no place or person cue stands before them; the names beside them, the places named by them and names that
// are words of another language stay hidden. Every example is made up for these tests (none is a note of a bench set).
import assert from 'node:assert/strict';
import { dictionaries } from '../../../services/deidentify/dictionaries';
import { keepList } from '../../../services/deidentify/keepList';
import { KEEP, OTHER_LANGUAGE } from '../../../services/deidentify/lexicon';
import { lists } from '../../../services/deidentify/classifier/features';
import { deidentify } from '../../../services/deidentify';
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: everyday words of other languages (round 25, "other-language")', () => {
  it('loads the groups, none of whose words a name list holds, and none of which is a keep-list word', () => {
    const d = dictionaries();
    assert.ok(OTHER_LANGUAGE.size > 250, `${OTHER_LANGUAGE.size} words`);
    for (const w of ['mahalo', 'quyana', 'kamsahamnida', 'arigato', 'vinaka', 'tsaug', 'txiv', 'kounye', 'hmong']) assert.ok(OTHER_LANGUAGE.has(w), w);
    for (const w of OTHER_LANGUAGE) {
      assert.ok(!d.firstNames.has(w) && !d.anyNames.has(w), `${w} is held by a name list: it must stay a name`);
      assert.ok(!KEEP.has(w), `${w} is a keep-list word: a place could not be named by it`);
    }
    // Greetings that are given names too stay out ("selam", "salam", "malo", "manuia", "matondo", "arkun").
    for (const w of ['selam', 'salam', 'malo', 'manuia', 'matondo', 'arkun', 'merci', 'mesi']) assert.ok(!OTHER_LANGUAGE.has(w), w);
    // Thanks and greetings of two words are keep-list phrases.
    for (const p of ['kia ora', 'malo e lelei', 'ua tsaug', 'cam on', 'vinaka vakalevu']) assert.ok(keepList().phrases.includes(p), p);
  });

  it('no model asks about them: the word lists read them as keep-list words', () => {
    assert.match(lists('quyana'), /K/);
    assert.match(lists('kamsahamnida'), /K/);
    assert.doesNotMatch(lists('rosalind'), /K/);
  });

  it('keeps thanks and greetings typed in lower case, and hides the names beside them', () => {
    const text = 'drove lupita to her appt, she said quyana and gave me fry bread';
    hidden(text, 'lupita', 'NAME');
    stays(text, 'quyana');
    for (const [t, w] of [
      ['she said mahalo and left', 'mahalo'],
      ['he says kamsahamnida every time, so polite', 'kamsahamnida'],
      ['arigato she said twice', 'arigato'],
      ['said vinaka vakalevu to the driver', 'vinaka'],
      ['told me nyob zoo at the door', 'nyob'],
      ['said ua tsaug when i left', 'tsaug'],
      ['kia ora whanau she texted the group', 'ora'],
      ['Mahalo for the ride, she said', 'Mahalo'],
      ['wopila she said after the meeting', 'wopila'],
    ] as const) stays(t, w);
  });

  it('keeps Haitian Creole and Hmong words, and hides the name beside them', () => {
    const text = 'visit w mireille, kounye a li malad, li bezwen lajan';
    hidden(text, 'mireille', 'NAME');
    for (const w of ['kounye', 'malad', 'bezwen', 'lajan']) stays(text, w);
    const hmong = 'ger and her txiv came, needs hmong interpreter for the appt';
    hidden(hmong, 'ger', 'NAME');
    for (const w of ['txiv', 'hmong']) stays(hmong, w);
  });

  it('still hides a place named by one ("karibu centre", "at karibu", "Kenbe Family Services")', () => {
    hidden('dropped her at karibu centre', 'karibu centre', 'FACILITY');
    hidden('she is staying at karibu now', 'karibu', 'FACILITY');
    hidden('Kenbe Family Services called back', 'Kenbe Family Services', 'FACILITY');
    hidden('dropped her off at Karibu Crisis Unit today', 'Karibu Crisis Unit', 'FACILITY');
  });

  it('still hides a person in a person slot, after a title, or typed with a capital inside a sentence', () => {
    hidden('met quyana at the dropin', 'quyana', 'NAME');
    hidden('mrs tsaug called again', 'tsaug', 'NAME');
    hidden('we drove over and Mahalo was there', 'Mahalo', 'NAME');
  });

  it('still hides a handle or an email built from one', () => {
    const r = deidentify('her ig is quyana_22 and email mahalo.k@gmail.com');
    assert.ok(!r.redacted.includes('quyana') && !r.redacted.includes('mahalo'), r.redacted);
  });

  it('still hides names that are words of another language (a greeting that is a given name stays out of the lists)', () => {
    hidden('selam txt me, wants to come to the group thu', 'selam', 'NAME');
    hidden('texted salam about the forms', 'salam', 'NAME');
    hidden('drove manuia to her appt', 'manuia', 'NAME');
  });
});
