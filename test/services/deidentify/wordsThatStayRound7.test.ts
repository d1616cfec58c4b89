// Round 7 of the over-redaction work (issue 13): the kinds of words writers new to the team saw hidden — languages and
// nationalities, faiths and prayers, words for elders and kin, dishes, medications, chains, agencies — stay, and each
// group's words that are (or look like) names are still hidden in a person's slot. Every example is made up for these
// tests (none is a note of a bench set).
import assert from 'node:assert/strict';
import { keepList } from '../../../services/deidentify/keepList';
import { deidentify } from '../../../services/deidentify';
import { hidden, stays } from '../../helpers/deidentify';

const ROUND7 = ['languages-and-nationalities', 'faith-words', 'elders-and-kin', 'foods-more', 'medications-more', 'chains-more', 'agencies'];

describe('deidentify: the round-7 keep-list groups (content/deid-keep.json, "slot": true)', () => {
  it('marks every round-7 group "slot", and a slotted word is a keep-list word', () => {
    const k = keepList();
    for (const id of ROUND7) assert.ok(k.groups.get(id)?.size, `group ${id}`);
    for (const w of ['irish', 'mubarak', 'trillium', 'kimchi', 'ramipril', 'kroger', 'ircc', 'kohkom']) {
      assert.ok(k.slotted.has(w), w);
      assert.ok(k.words.has(w), w);
    }
    assert.ok(!k.slotted.has('walmart'), 'the older groups are not slotted: their outputs are unchanged');
  });

  it('keeps languages and nationalities, in any case, and hides a person of the same name in a person slot', () => {
    const text = 'Sofiya speaks ukrainian and russian only, her son Taras does the Spanish for the Mexican family next door';
    for (const w of ['ukrainian', 'russian', 'Spanish', 'Mexican']) stays(text, w);
    hidden(text, 'Sofiya', 'NAME');
    hidden(text, 'Taras', 'NAME');
    stays('needs a Farsi or Dari interpreter for the appt', 'Farsi');
    stays('needs a Farsi or Dari interpreter for the appt', 'Dari');
    hidden('met Irish at the dropin, she is doing ok', 'Irish', 'NAME');
    hidden('Irish said she is sober now', 'Irish', 'NAME');
    hidden('met dari at the dropin today', 'dari', 'NAME');
  });

  it('keeps faiths, prayers and their days, and hides a name that is also one of their words', () => {
    const text = 'eid mubarak! Yusuf went to the masjid for jummah and the janazah after, his wife is Mennonite';
    for (const w of ['mubarak', 'masjid', 'jummah', 'janazah', 'Mennonite']) stays(text, w);
    hidden(text, 'Yusuf', 'NAME');
    hidden('Mr. Mubarak called about his son', 'Mubarak', 'NAME');
    hidden('mubarak said he would come by friday', 'mubarak', 'NAME');
  });

  it('keeps words for elders and kin, and hides the name after them', () => {
    const a = 'her kohkom agnes came by with bannock';
    stays(a, 'kohkom');
    hidden(a, 'agnes', 'NAME');
    const b = 'texted aunty bev about the ride, halmeoni cooked for the whole house';
    stays(b, 'aunty');
    stays(b, 'halmeoni');
    hidden(b, 'bev', 'NAME');
  });

  it('keeps dishes, and hides a name that looks like one', () => {
    // The name comes first: hidden() looks for the first "kim" of the text.
    const text = 'kim brought kimchi and japchae, she had pho with Pono';
    for (const w of ['kimchi', 'japchae', 'pho']) stays(text, w);
    hidden(text, 'kim', 'NAME');
    hidden(text, 'Pono', 'NAME');
  });

  it('keeps medications, and hides a name that looks like one', () => {
    const text = 'Alev took her Aleve and ramipril, she feels better, no more Eliquis';
    for (const w of ['Aleve', 'ramipril', 'Eliquis']) stays(text, w);
    hidden(text, 'Alev', 'NAME');
  });

  it('keeps chains and stores, and hides a person of the same name', () => {
    stays('shopping at Rona for a heater, then Kroger', 'Rona');
    stays('shopping at Rona for a heater, then Kroger', 'Kroger');
    hidden('texted rona, rona said she is coming', 'rona', 'NAME');
    hidden('texted skip about the meeting, skip said ok', 'skip', 'NAME');
  });

  it('keeps agencies and programs by their short names, and hides a person named like one', () => {
    const text = 'IRCC letter came, she is waiting on IFHP and the WSIB claim';
    for (const w of ['IRCC', 'IFHP', 'WSIB']) stays(text, w);
    hidden('her sister Trillium called', 'Trillium', 'NAME');
  });
});

describe('deidentify: states and big cities (world-places, round 7)', () => {
  it('keeps states and big cities a name list does not hold, and hides a person named like one in a person slot', () => {
    const text = 'Oksana moved from Kharkiv to Lviv, then Toronto; her cousin went to Honolulu and then Kentucky';
    for (const w of ['Kharkiv', 'Lviv', 'Honolulu', 'Kentucky']) stays(text, w);
    hidden(text, 'Oksana', 'NAME');
    hidden('her sister Tahiti called about the rent', 'Tahiti', 'NAME');
  });
  it('leaves out places that are given names or one-word surnames: they stay names', () => {
    hidden('dallas is out of jail and looking for a room', 'dallas', 'NAME');
    hidden('saw marcus whitehorse at the library', 'whitehorse', 'NAME');
  });
});

describe('deidentify: pastimes, phone words and benefit programs (round 7)', () => {
  it('keeps them, and hides a person named like one', () => {
    const text = 'Mei still does tai chi, then yum cha w her son. sorry autocorrect. she applied for Old Age Security';
    for (const w of ['tai chi', 'yum cha', 'autocorrect', 'Old Age Security']) stays(text, w);
    hidden(text, 'Mei', 'NAME');
    hidden('salam alaikum all. Salam had a panic attack at the bank', 'Salam', 'NAME');
    hidden('her sister Bingo called about the kids', 'Bingo', 'NAME');
  });
});

describe('deidentify: words inside a name span that are no name (wordsInPlace.ts, round 7)', () => {
  it('leaves the "n" or "and" between two names, and hides both names', () => {
    const text = 'went w jaylen n shay to the store, then odina and kwabena came by';
    for (const name of ['jaylen', 'shay', 'odina', 'kwabena']) hidden(text, name, 'NAME');
    stays(text, 'n');
    stays(text, 'and');
  });
  it('keeps a corner of two streets after "on" whole', () => {
    const text = 'waiting at the 7-eleven on ramon ortega n solis, omw';
    // Round 10 (street addresses): the crossing is read as one ADDRESS (a side of two words) before the name rules.
    assert.equal(deidentify(text).redacted, 'waiting at the 7-eleven on [ADDRESS], omw');
  });
  it('hides a surname that is a slotted keep word after a given name, in either case', () => {
    hidden('saw marcus mubarak at the library', 'marcus mubarak', 'NAME');
    hidden('met Kevin Irish today at the dropin', 'Kevin Irish', 'NAME');
    hidden('Ahmed Mubarak called about his son', 'Ahmed Mubarak', 'NAME');
    stays('Kevin irish dancing again lol', 'irish');
  });
  it('leaves a modal "will" after a name, and hides the name', () => {
    const text = 'Shaylene will not come today, tavita will call tmrw';
    hidden(text, 'Shaylene', 'NAME');
    hidden(text, 'tavita', 'NAME');
    assert.equal((deidentify(text).redacted.match(/\bwill\b/g) ?? []).length, 2, deidentify(text).redacted);
  });
});
