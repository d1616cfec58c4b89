// Rounds 6 and 7 of the phone-typed notes (issue 13): each rule with text it must hide and prose it must keep.
import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { hidden, kept } from '../../helpers/deidentify';

// Round 6.
describe('deidentify: word-names by the clause around them', () => {
  it('a word-name opening a clause before a finite verb is its subject', () => {
    hidden('dawn wasnt at the camp', 'dawn', 'NAME');
    hidden('mercy just had her baby', 'mercy', 'NAME');
    hidden('shorty has a new dog', 'shorty', 'NAME');
    hidden('went to the camp, guy from the camp says the cops came by', 'guy', 'NAME');
    hidden('lil bit came looking for food', 'lil bit', 'NAME');
  });
  it('the same words stay where a determiner, pronoun or copula makes them words', () => {
    kept('i hope she calls back');
    kept('we talked abt her goals and she seemed hopeful');
    kept('the guy from the camp says hi');
    // Round 10: was 'cook' — round 10's name model takes a word-name before a person verb at a lower line, so 'cook knows' reads as a person; the rule tested is the clause's, kept with a role word.
    kept('i think coach knows the landlord');
    kept('she wants a lil bit more time');
  });
  it('verbs that take a person, and give-verbs only with the thing after', () => {
    hidden('cant reach tala, u hear from her?', 'tala', 'NAME');
    hidden('gave rusty a blanket and some socks', 'rusty', 'NAME');
    hidden('bought dmytro a coffee and we talked', 'dmytro', 'NAME');
    kept('God gave rock and roll to you');
    kept('thanks for taking care of it');
  });
  it('a word-name joined to a name found anywhere, and letter names', () => {
    hidden('met joy and pearl at the drop in', 'pearl', 'NAME');
    hidden('grace and i talked abt her sobriety', 'grace', 'NAME');
    hidden('tj and dj are brothers', 'tj', 'NAME');
    hidden('tj and dj are brothers', 'dj', 'NAME');
    kept('full of grace and joy');
    kept('the dj played all night');
  });
  it('a keep-list word that is also a given name: after a relation or a contact verb, or before a person verb', () => {
    hidden('crystal said she is done with her ex', 'crystal', 'NAME');
    hidden('her sister april is staying over', 'april', 'NAME');
    kept('she used crystal again last night');
    kept('It is called Crystal meth by some.');
    kept('her appt is in april');
  });
  it('a title before a single letter', () => {
    hidden('ms. p from the school called', 'p', 'NAME');
    hidden('spoke with mr b on friday', 'b', 'NAME');
  });
});

// Round 7.
describe('deidentify: shouted names, particles, a surname opening a clause and police ranks', () => {
  it('shouted text is judged in lower case', () => {
    hidden('TELL DAWN I SAID HI lol', 'DAWN', 'NAME');
    kept('CALL AISH ABOUT THE CHEQUE');
  });
  it('a given name, particles and a name are one name', () => {
    hidden('maria de la cruz asked for help with her taxes', 'maria de la cruz', 'NAME');
  });
  it('a surname-list word opening a clause before a person verb; roles stay', () => {
    hidden('king said he would come back', 'king', 'NAME');
    kept('doctor said her liver is bad');
    kept('cops said they would call');
  });
  it('police ranks are titles: the rank stays, the name goes', () => {
    const r = deidentify('Contacted Sgt. Harper regarding the no-contact order.');
    assert.match(r.redacted, /Sgt\. \[NAME\]/);
  });
});

// Rounds 6 and 7.
describe('deidentify: ids, emails, addresses and dates typed on a phone', () => {
  it('labelled ids: health #, docket, ids in space-separated groups', () => {
    hidden('her health # is 98765 4321', '98765 4321', 'HEALTH_CARD');
    hidden('docket 1203-4456 for the trial', '1203-4456', 'MRN');
    hidden('treaty number 4560012301 on her status card', '4560012301');
    kept('her worker id is five so she can call back');
  });
  it('an email to a mail provider with no domain ending', () => {
    hidden('her email is kaylam22 at gmail', 'kaylam22 at gmail', 'EMAIL');
    kept('she was at gmail trying to log in');
  });
  it('addresses: basement and room units, unit letters, house-street numbers, box before rr, range roads', () => {
    hidden('shes renting basement suite 8811 152 ave', 'basement suite 8811 152 ave', 'ADDRESS');
    hidden("he's staying at room 14 10010 101a ave", 'room 14 10010 101a ave', 'ADDRESS');
    hidden('moved into apt b 4410 118 ave', 'apt b 4410 118 ave', 'ADDRESS');
    hidden("he's at 12 - 4410 50 ave with his cousin", '12 - 4410 50 ave', 'ADDRESS');
    hidden('new place 1020-34 ave nw', '1020-34 ave nw', 'ADDRESS');
    hidden('her old address 17 hillcrest bay', '17 hillcrest bay', 'ADDRESS');
    hidden('mail to box 45 rr 1', 'box 45 rr 1', 'ADDRESS');
    hidden('trailer at lot 22 range rd 231', 'lot 22 range rd 231', 'ADDRESS');
  });
  it('a street type is a whole word', () => {
    kept('the 9 of us went to the lake');
    kept('we took 2 big bags to the van');
  });
  it('a month and day with a hyphen, only after a date cue', () => {
    hidden('appt 3-17 @ 10', '3-17', 'DATE');
    kept('she takes 2-3 pills a day');
    kept('it was 3-4 times this week');
  });
  it('facilities: a province before hospital after a place cue; kinds after a named place join it', () => {
    hidden('he got sent to alberta hospital for a while', 'alberta hospital', 'FACILITY');
    hidden('she stayed at the hope mission womens shelter for a week', 'hope mission womens shelter', 'FACILITY');
    kept('met her at the inuit centre');
    kept('she went to the hospital in alberta');
  });
});

// Rounds 6 and 7.
describe('deidentify: words that must stay', () => {
  it('health-card labels, cities that look like saints, holidays and ceremonies, SMS words', () => {
    kept('his ohip card is expired');
    kept('she lives in st albert now');
    kept('Drove them to the mosque for Eid');
    kept('we did a smudge at the friendship centre and went to the powwow');
    kept('she is @ the hosp, due on xmas lol');
  });
  it('chains, programs, groups, medications and provinces', () => {
    kept('went to walmart then dennys for pie');
    kept('shes going to al-anon tues and wellbriety thurs');
    kept('ontario works cut her off, trying ODSP now');
    kept("he's on abilify and invega now");
    kept('her brother lives in nunavut');
  });
});

// Round 8.
describe('deidentify: careful notes, quotes and SMS spellings', () => {
  it('careful-register verbs that take a person or follow one', () => {
    hidden('Transported Hamza to the courthouse for his 9:30 appearance.', 'Hamza', 'NAME');
    hidden('Hope arrived late and seemed withdrawn.', 'Hope', 'NAME');
    kept('There is hope for her recovery.');
  });
  it('a name in quotes, and a possessive typed without its apostrophe', () => {
    hidden('"Smokey" is back at the camp by the bridge', 'Smokey', 'NAME');
    hidden('@ tyrones now', 'tyrones', 'NAME');
    kept('she carries narcan now, 2 kits');
  });
  it('SMS spellings stay: dropped g, words glued to a digit, plural weekdays, id labels', () => {
    kept('he sed hes comin');
    kept('wants a ride 2moro');
    kept('She has been attending SMART Recovery on Wednesdays and likes it.');
    hidden('PID A445120 at the remand', 'A445120', 'MRN');
  });
});

// Round 9.
describe('deidentify: prepositions, families, signs and SMS greetings', () => {
  it('a word-name after heard from, word from, thinking of, and "X and her kids"', () => {
    hidden('heard from dawn finally, shes ok', 'dawn', 'NAME');
    hidden('no word from rusty in a week', 'rusty', 'NAME');
    hidden('thinking of grace today, her court is tmrw', 'grace', 'NAME');
    hidden('dropped off groceries for hope and her kids', 'hope', 'NAME');
    kept('she heard from work today');
    kept('full of grace and hope');
  });
  it('a family by its name, a relation and a sign, SMS greetings', () => {
    hidden("staying at the smiths' place for now", 'smiths', 'NAME');
    hidden('bf = jay, they live together', 'jay', 'NAME');
    hidden('hbu zee?', 'zee', 'NAME');
    kept('employment discrimination on the basis of race');
    kept('need 2 call ma back');
  });
  it('passports, units with a dash, and words that must stay', () => {
    hidden('passport AB123456 expired', 'AB123456');
    hidden('office is suite 300 - 10010 106 st', 'suite 300 - 10010 106 st', 'ADDRESS');
    kept('bank acct info is at the office');
    kept('her elder gave her sweetgrass and we made bannock');
  });
});
