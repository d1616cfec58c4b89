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

describe('deidentify: names placed, not cued (round 6)', () => {
  it('pairs and lists of word-names before what people do are people', () => {
    hidden('bear n will fixed the fence', 'bear', 'NAME');
    hidden('bear n will fixed the fence', 'will', 'NAME');
    hidden('hope n cash n sky all at the drop in', 'cash', 'NAME');
    hidden('hope n cash n sky all at the drop in', 'hope', 'NAME');
    hidden('sunny n lucky (brothers) at the camp', 'lucky', 'NAME');
    hidden('april n may r sisters lol', 'april', 'NAME');
    hidden('tobi n peaches moving sat', 'peaches', 'NAME');
  });
  it('the same words joined as things and ideas stay', () => {
    kept('rice and beans were served at noon');
    kept('salt and pepper were out again');
    kept('may and june were hot months');
    kept('coffee and donuts were gone by 10');
    kept('the bear and the fox were on the trail cam');
  });
  it('a name before an apposition of kin', () => {
    hidden('client says josh comma her son comma will drive her', 'josh', 'NAME');
    hidden('left a note for josh, her son, at the desk', 'josh', 'NAME');
    hidden('dusty (his cuz) said ok', 'dusty', 'NAME');
    kept('had dinner, her mom cooked');
    kept('went to the store, her sister came too');
  });
  it('a capital letter standing for someone', () => {
    hidden('client R said she is tired', 'R', 'NAME');
    hidden('T says hes fine today', 'T', 'NAME');
    hidden('talked to M. again abt the meds', 'M', 'NAME');
    kept('plan B is fine with her');
    kept('A said no to the form');
    kept('she took vitamin D and slept');
  });
  it('a name split in two by voice-to-text', () => {
    hidden('met with aim ee at the library', 'aim ee', 'NAME');
    hidden('asked oi sin abt meetings', 'oi sin', 'NAME');
    kept('he is a 20 year old man from here');
    kept('she is in a bad way, an ex was there');
  });
  it("autocorrect's word and the name it replaced", () => {
    hidden('Drove Lavish (sorry, Tavish) to court', 'Lavish', 'NAME');
    hidden('my phone changed marek to market again', 'market', 'NAME');
    hidden('omg vegan i mean teagan had the baby', 'vegan', 'NAME');
    kept('it was cold i mean freezing out');
    kept('we changed the plan to friday');
  });
  it('a name before an honorific and after ji', () => {
    hidden('gill uncle drives truck all week', 'gill', 'NAME');
    hidden('bibi ji amrit fell in the bathroom', 'amrit', 'NAME');
    kept('her uncle drives truck all week');
  });
});

describe('deidentify: a name written again differently (round 6)', () => {
  it('a slip-shaped word one edit from a name found in the note is that name', () => {
    hidden('trinity says trinty on her id is wrong', 'trinty', 'NAME');
    hidden('met aimee at the shelter, later amiee called', 'amiee', 'NAME');
  });
  it('slips of words near no name stay words', () => {
    kept('she was realy tired, realy done');
    kept('we talkd abt the rent and talkd again');
  });
});

describe('deidentify: a word-name before what a person is doing or where a person is (round 6)', () => {
  it('is a person', () => {
    hidden('ok ruby not answering again', 'ruby', 'NAME');
    hidden('storm back in detox since friday', 'storm', 'NAME');
    hidden('crystal using again, she told me', 'crystal', 'NAME');
    hidden('meeka sister ooleepeeka came up from ottawa', 'meeka', 'NAME');
  });
  it('weather, seasons and drugs doing the same stay', () => {
    kept('rain not stopping today');
    kept('summer back in full swing at the camp');
    kept('she smoked crystal again last night');
  });
});
