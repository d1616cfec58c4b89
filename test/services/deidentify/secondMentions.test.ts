// Second mentions (issue 13): a name found once is that person again elsewhere in the note. Round 19: a name the slot
// models find after everywhere() — the other half of a full name, a name opening the note — is hidden everywhere too,
// in any case and before a possessive; a name they find that is also an everyday word is not spread: elsewhere in the
// note it is most often that word. Round 21 (secondMentions.ts): a keep-list or everyday word-name at its second
// mention in a person's slot (secondSlot), a nickname in quotes beside the name and the name's initials (otherForms).
// Round 24: a quoted or bracketed nickname inside a full name is one name with its marks, a name found met again
// capitalised after a lower-case word (capitalAgain), initials found written the other way (otherForms).
// Each rule with the same slot holding words that must stay; every example is made up for these tests. Shipped models.
import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { otherForms, secondSlot } from '../../../services/deidentify/secondMentions';
import type { Entity } from '../../../services/deidentify/types';
import { hidden, stays } from '../../helpers/deidentify';

/** No mention of `word` is left in the stored text, in any case. */
function gone(text: string, word: string): void {
  const { redacted } = deidentify(text);
  assert.ok(!new RegExp(`\\b${word}\\b`, 'i').test(redacted), `${word} must be hidden everywhere in ${JSON.stringify(text)}; got ${redacted}`);
}

describe('deidentify: a name the slot models find, hidden again elsewhere in the note', () => {
  it('hides the second mention of a name first found by the slot models', () => {
    const { redacted } = deidentify('gator and remy came to the na meeting at st bernadette, gator got his 2 year coin');
    assert.ok(!/gator/i.test(redacted), redacted);
    const possessive = deidentify("gator and remy came to the na meeting at st bernadette, gator's sponsor drove them").redacted;
    assert.ok(!/gator/i.test(possessive), possessive);
  });

  it('keeps the everyday word those models took for a name where the note uses it as a word', () => {
    stays('cash app? no mrs. okafor only want cash for the rent lol', 'cash');
    stays('hank fast is actually fast, he cleared the whole yard in 10 minutes with the skid steer', 'fast');
  });
});

describe('deidentify: a name hidden once, written again in another slot or form (secondMentions.ts)', () => {
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

  describe('a nickname in quotes or brackets inside a full name is one name with its marks (round 24, joinNames)', () => {
    it('hides first name, quoted or bracketed nickname and surname as one placeholder', () => {
      assert.equal(deidentify('Met with Marcus "Bear" Tallman today at the shelter.').redacted, 'Met with [NAME] today at the shelter.');
      assert.equal(deidentify('Marcus (Bear) Tallman came by, he was upset.').redacted, '[NAME] came by, he was upset.');
      assert.equal(deidentify('met marcus “bear” tallman at the dropin').redacted, 'met [NAME] at the dropin');
      assert.equal(deidentify("Talked with Jolene 'Jojo' Whitfield about housing.").redacted, 'Talked with [NAME] about housing.');
    });
    it('takes the quotes with a nickname before a surname or after a first name', () => {
      assert.equal(deidentify('"Bear" Tallman called this morning.').redacted, '[NAME] called this morning.');
      assert.equal(deidentify('Marcus "Bear" said he would come back.').redacted, '[NAME] said he would come back.');
    });
    it('keeps brackets after a lone name, and a quoted name with no name beside it, as they are', () => {
      assert.match(deidentify('beto (alberto) ssdi hearing at 10').redacted, /\(\[NAME\]\)/);
      assert.match(deidentify('Kofi Mensah ("Buddy") came in').redacted, /\("\[NAME\]"\)/);
    });
  });

  describe('a name found, met again capitalised after a word in lower case (round 24, capitalAgain)', () => {
    it('hides it after a function word, where the same word in lower case is a word', () => {
      gone('Joy Fairweather came in today. Staff were supportive of Joy.', 'joy');
      gone('Ms. Power called — yes, Power — about the bed.', 'power');
      gone('Mr. Long came in. He said that Long was tired.', 'long');
    });
    it('hides a keep-list or two-letter given name met again capitalised, which other slots hide only before a verb', () => {
      gone('Crystal Bearwood came in today. Staff talked about Crystal and her housing.', 'crystal');
      gone('Ty Brown came. The worker was worried about Ty today.', 'ty');
    });
    it('keeps the word in lower case, a month, a title in Title Case and a place named after the word', () => {
      stays('Joy Fairweather came in. i told her the joy of it is small', 'joy');
      stays('Will Danvers came. i will call him back', 'will');
      stays('May Chen came in. her court date is in May', 'May');
      stays('Grace Obi came. Then we said grace. The Grace of it.', 'Grace');
      assert.ok(!deidentify('Hope Reyes came in. She moved to Hope House last week.').redacted.includes('[NAME] House'));
    });
  });

  describe('initials found as a name, written the other way (round 24, otherForms)', () => {
    it('hides capitals or lower-case initials where the name was found with periods, and the reverse', () => {
      assert.equal(deidentify('met jm at the shelter. the worker said JM needs a bed.').redacted, 'met [NAME] at the shelter. the worker said [NAME] needs a bed.');
      gone('J.M. called. about jm, the worker said the bed is gone.', 'jm');
    });
    it('keeps initials used as a word after a determiner', () => {
      stays('Client DJ said ok. we went to the dj booth lol', 'dj');
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
});

describe('secondMentions.ts read alone', () => {
  const name = (text: string, words: string): Entity => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, type: 'NAME' });
  it('otherForms adds a quoted nickname beside a name found, and nothing when the note holds no quote or capitals', () => {
    const text = 'Kofi Mensah ("Buddy") came in';
    const extra: Entity[] = [];
    otherForms(text, [name(text, 'Kofi Mensah')], extra);
    assert.deepEqual(extra.map((e) => text.slice(e.start, e.end)), ['Buddy']);
    const plain = 'kofi mensah buddy came in';
    const none: Entity[] = [];
    otherForms(plain, [name(plain, 'kofi mensah')], none);
    assert.deepEqual(none, []);
  });
  it('secondSlot takes a word-name given a thing, not after a preposition', () => {
    const given = 'gave april a ride';
    const a = name(given, 'april');
    assert.equal(secondSlot(given, [], a.start, a.end, false, 'gave', '', 'a'), true);
    const month = 'in april she moves';
    const m = name(month, 'april');
    assert.equal(secondSlot(month, [], m.start, m.end, false, 'in', '', 'she'), false);
  });
});

describe('deidentify: a name found, its s-form that is a word typed as its possessive (round 26, sFormOwner)', () => {
  it('hides the s-form before kin, a thing a person has or a platform', () => {
    hidden('Raina is dawns step-daughter, dawn came by too', 'dawns', 'NAME');
    hidden('storm messaged last night. storms snap is stormy.r.88', 'storms', 'NAME');
  });

  it('keeps it after a pronoun, a determiner or a number, and where no person’s thing follows', () => {
    stays('it dawns on me that dawn was right', 'dawns');
    stays('the storms last week took the power out. storm called', 'storms');
    stays('storm called about the 2 storms kids were scared of', 'storms');
  });
});
