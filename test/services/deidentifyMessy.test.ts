import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { deidentify } from '../../services/deidentify';
import { hidden, kept } from '../helpers/deidentify';

describe('deidentify: notes typed on a phone', () => {
  it('names that are also words, in a person slot, in any case', () => {
    hidden('met hope at the dropin', 'hope', 'NAME');
    hidden('Texted Rusty about the ride', 'Rusty', 'NAME');
    hidden('her sister Joy came along', 'Joy', 'NAME');
    hidden('pharmacist Dawn said the carries start monday', 'Dawn', 'NAME');
    hidden('her brother will picked her up', 'will', 'NAME');
  });
  it('the same words stay words outside a person slot', () => {
    kept('i hope she calls back, it was a joy to see her');
    kept('we walked by the river at dawn');
    kept('her sponsor will call tomorrow');
    kept('hope came up a lot today');
  });
  it('lower-case names, compound and non-English', () => {
    hidden('her sponsor anne-sophie called me', 'anne-sophie', 'NAME');
    hidden('called oksana but no answer', 'oksana', 'NAME');
    hidden('deshawn and his mom came in', 'deshawn', 'NAME');
    hidden('sat with chukwuemeka at the park', 'chukwuemeka', 'NAME');
  });
  it('initials and a name with a last initial', () => {
    hidden('J.T. came by for bus tickets', 'J.T.', 'NAME');
    hidden('client R.M. (age 40) wants the AISH forms', 'R.M.', 'NAME');
    hidden('went over the budget with rupal s. today', 'rupal s.', 'NAME');
    kept('appt at 10 a.m. e.g. the usual');
  });
  it('nicknames', () => {
    hidden('big mike was at the door again', 'big mike', 'NAME');
    hidden('lil d showed up with a puppy', 'lil d', 'NAME');
    hidden('Texted Red about the circle', 'Red', 'NAME');
    kept('a little bit tired, big day tomorrow');
  });
  it('a name found once is hidden everywhere, in any case, and inside handles and emails built from it', () => {
    const res = deidentify('Met Khadija Warsame today. khadija wants a ride; her insta is khadija_w88 and her email khadijaw at gmail dot com');
    assert.ok(!/khadija/i.test(res.redacted), res.redacted);
    hidden('spoke w youssef, later found him online as youssefhadd88', 'youssefhadd88');
  });
  it('street addresses in lower case, without a street type, with units and rural routes', () => {
    hidden('her new place is apt 4c 1210 98 st nw, basement suite', 'apt 4c 1210 98 st nw', 'ADDRESS');
    hidden('mail goes to rr 3 site 2 box 9 now', 'rr 3 site 2 box 9', 'ADDRESS');
    hidden('use po box 88 for the cheques', 'po box 88', 'ADDRESS');
    hidden("he's at unit 5 44 king now", 'unit 5 44 king', 'ADDRESS');
    hidden('she moved to 44 birch cres last week', '44 birch cres', 'ADDRESS');
    hidden('she stays on 118 ave and 95 st most nights', '118 ave and 95 st', 'ADDRESS');
    hidden('mail goes to box 1023 stn main', 'box 1023 stn main', 'ADDRESS');
    hidden("she's at #12-3456 76 ave now", '#12-3456 76 ave', 'ADDRESS');
    kept('we walked 2 blocks down the road');
    // A clock time after a room is no house number; a street after the same unit still goes.
    kept('group in room 5 at 2 pm today');
    kept('meeting in rm 12 at 10 am then lunch');
    hidden('she moved into unit 5 at 44 king', 'unit 5 at 44 king', 'ADDRESS');
  });
  it('postal codes in any case and without the space, and ZIP+4', () => {
    hidden('postal code for the forms is t5k2j1', 't5k2j1', 'POSTAL_CODE');
    hidden('postal code m6h 2k3 on the form', 'm6h 2k3', 'POSTAL_CODE');
    hidden('the ZIP on her lease was 98101-2287', '98101-2287', 'POSTAL_CODE');
  });
  it('day-and-month dates', () => {
    hidden('housing appt on feb 6th at 2', 'feb 6th', 'DATE');
    hidden('appt 3/17 dont forget', '3/17', 'DATE');
    hidden('her court date is the 14th of june', '14th of june', 'DATE');
    hidden('she got out jan 17 and went to her aunties', 'jan 17', 'DATE');
    hidden('court on tues the 9th, she is scared', 'tues the 9th', 'DATE');
    kept('she may 2 or 3 times a week, 24/7 support, took 1/2 a pill, the 3rd time this month');
  });
  it('facilities by full name in lower case and by the short names people use', () => {
    hidden('slept at hope mission last night', 'hope mission', 'FACILITY');
    hidden('he has been in the mis for a week', 'mis', 'FACILITY');
    hidden('drove her to u of a hospital for the wound check', 'u of a hospital', 'FACILITY');
    hidden('was at george spady detox for 5 days', 'george spady detox');
    kept('she went to the food bank and the friendship centre, then detox');
  });
  it('case, client, inmate and benefit ids with their label; health cards with version codes', () => {
    hidden('her client ID 10534 was on the wrong letter', '10534', 'MRN');
    hidden('the CFS file 2426 number for the letter', '2426', 'MRN');
    hidden('inmate no. 304417 on the visitor form', '304417', 'MRN');
    hidden('medicaid id YH48213567 on her card', 'YH48213567', 'HEALTH_CARD');
    hidden('her health card 1234 567 890 ab expired', '1234 567 890 ab', 'HEALTH_CARD');
    kept('she has 3 files at the office and 2 cases pending');
  });
  it('handles without @, obfuscated emails, plates without the word plate', () => {
    hidden('his insta is kaydenmoon_44, posts a lot', 'kaydenmoon_44', 'HANDLE');
    hidden('she said to snap her at lexxi_xo', 'lexxi_xo', 'HANDLE');
    hidden('her email is jdoe at gmail dot com i think', 'jdoe at gmail dot com', 'EMAIL');
    hidden('the car was CKZR 210, the one with the broken light', 'CKZR 210', 'PLATE');
    hidden('the guys truck was cmv 5521', 'cmv 5521', 'PLATE');
  });
  it('ages over 89 in brackets after a relation', () => {
    hidden('lives with her kokum (97) behind the band office', '97', 'AGE');
    hidden('her grandpa (93) still drives', '93', 'AGE');
    kept('her son (12) and her mom (67) came too');
  });
  it('keeps SMS words, roles, platforms, chains, programs, groups, places and medications', () => {
    kept('teh ride to Al-Anon fell through lol, abt to try again tmrw');
    kept('the nurse and the pharmacist were great w her');
    kept('she found out abt the mens group from Instagram and Facebook');
    kept('went to Tims then Walmart then Dennys, got her a coat');
    kept("EI ran out so she's applying for Ontario Works, then AISH");
    kept('Wellbriety circle on thurs, the mens group on fri');
    kept('she wants to move to Saskatchewan or back to Manitoba, maybe Calgary');
    kept('talked abt her Invega shot, Abilify, Methadose and Suboxone');
  });
});

// Round 5.
describe('deidentify: facilities by shape, bare streets, MBIs, joined names', () => {
  it('a facility named by shape, in any city: a name after "the" or a place word, a city before a kind', () => {
    hidden('he got out of calgary remand centre on monday', 'calgary remand centre', 'FACILITY');
    hidden('she is staying at harbour house for now', 'harbour house', 'FACILITY');
    hidden('moved him to sunrise lodge last week', 'sunrise lodge', 'FACILITY');
    hidden('met up at the alpha centre after her appt', 'alpha centre', 'FACILITY');
    hidden('toronto note: took her to st mikes er', 'st mikes', 'FACILITY');
    hidden("she was at St. Joe's overnight", "St. Joe's", 'FACILITY');
  });
  it('kinds, sizes and homes stay: the guy at the shelter, her moms house, the youth shelter', () => {
    kept('the guy at the shelter gave her a jacket');
    kept('her worker at the lodge called me');
    kept('the cook at the house made soup');
    kept('she slept at her moms house, then at aunties house');
    kept('went to the big house by the youth shelter');
    kept('at the eye clinic and the community health centre');
    kept('at the methadone clinic');
    kept('she went to the food bank');
  });
  it('a house number with a bare street name after a place word, and a street after "down on"', () => {
    hidden('he lives on 44 king above the laundromat', '44 king', 'ADDRESS');
    hidden('the room is at 1820 belmont in the basement', '1820 belmont', 'ADDRESS');
    hidden('Dropped her at 77 Dundas after lunch.', '77 Dundas', 'ADDRESS');
    hidden('moving to unit 12 at 550 jasper ave next month', 'unit 12 at 550 jasper ave', 'ADDRESS');
    hidden('she hangs out down on whyte most nights', 'whyte');
  });
  it('counts and measures after a number stay; so does "down on" before an English word', () => {
    kept('she was on 30 days probation, at 10 mins past, up to 2 pills');
    kept('went down on her knees and prayed');
  });
  it('a Medicare MBI without its label; the label MBI stays', () => {
    hidden('her medicaid id 1EG4-TE5-MK73 is on the form', '1EG4-TE5-MK73', 'HEALTH_CARD');
    hidden('mbi 5TA2-GH7-PW41 for her dad', '5TA2-GH7-PW41', 'HEALTH_CARD');
    assert.match(deidentify('mbi 5TA2-GH7-PW41 for her dad').redacted, /^mbi \[HEALTH_CARD\]/);
  });
  it('a word-name joined to a person by and, &, n or w', () => {
    hidden('she and will are back together', 'will', 'NAME');
    hidden('sky and dre came by the dropin', 'sky', 'NAME');
    hidden('hope & her sister slept at the camp', 'hope', 'NAME');
    hidden('dawn and rain are fighting again', 'dawn', 'NAME');
    hidden('dawn and rain are fighting again', 'rain', 'NAME');
    hidden('ngaio and rosa are roommates now', 'ngaio', 'NAME');
    hidden('me & jess took her to the store', 'jess', 'NAME');
  });
  it('joined words that are plainly words stay', () => {
    kept('i hope and pray she is ok');
    kept('full of grace and joy');
    kept('she and will go');
    kept('sun and rain are coming');
    kept('the sky and the river');
    kept('Grace and hope came up a lot today');
    kept('I shared my own recovery story and he opened up after that.');
  });
});

describe('deidentify: keep-list and local places content', () => {
  const root = path.resolve(__dirname, '..', '..', 'content');
  for (const [file, schema] of [['deid-keep.json', 'deid-keep.schema.json'], ['deid-places.json', 'deid-places.schema.json']]) {
    it(`${file} is valid against its schema and every group carries a source`, () => {
      const data = JSON.parse(fs.readFileSync(path.join(root, file!), 'utf8')) as { groups: Array<{ source: { title: string } }> };
      const validate = new Ajv({ strict: true }).compile(JSON.parse(fs.readFileSync(path.join(root, 'schemas', schema!), 'utf8')) as object);
      assert.ok(validate(data), JSON.stringify(validate.errors));
      for (const g of data.groups) assert.ok(g.source.title.length > 2);
    });
  }
  it('a bad keep-list is refused by the schema with the field named', () => {
    const validate = new Ajv({ strict: true }).compile(JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'deid-keep.schema.json'), 'utf8')) as object);
    assert.equal(validate({ about: 'a keep-list', groups: [{ id: 'x1', label: 'no source', terms: ['Tims'] }] }), false);
    assert.match(JSON.stringify(validate.errors), /source/);
  });
});
