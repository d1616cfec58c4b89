// Round 6 of the names work (issue 13): names that read as a slip of a word, names written again differently,
// names split or changed by autocorrect, names in pairs and lists with no cue. Each rule with text it must hide and
// the same words used as words; every example is made up for these tests (none is a note of a bench set).
import assert from 'node:assert/strict';
import { TypoIndex } from '../../../services/deidentify/typos';
import { hidden, kept } from '../../helpers/deidentify';

describe('deidentify: a letter changed for a far key is a name, not a typo (round 6)', () => {
  it('the typo index takes a near key, a vowel for a vowel, never a far key', () => {
    const index = new TypoIndex(new Set(['keys', 'sushi', 'dollar', 'bike', 'seen']));
    assert.equal(index.correct('keus'), 'keys'); // u beside y
    assert.equal(index.correct('dollir'), 'dollar'); // a vowel for a vowel
    assert.equal(index.correct('kevs'), undefined); // v is nowhere near y
    assert.equal(index.correct('sukhi'), undefined); // nor k near s
    assert.equal(index.correct('biko'), 'bike'); // o for e: a vowel, so still a slip (a name there needs its slot)
  });
  it('a word one far key from a word is judged as a name', () => {
    hidden('sukhi wants a ride to the clinic', 'sukhi', 'NAME');
    hidden('dropped off the forms for ghada at the desk', 'ghada', 'NAME');
  });
  it('slips of near keys, vowels and dropped letters stay words', () => {
    kept('she lost her keus again');
    kept('we talkd abt the rent');
    kept('grabbed stuff at dollerama and then home');
  });
});
