// Round 6 of the categories (issue 13): general rules for what is not a name — each rule with text it must hide and
// the look-alikes it must keep.
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: day-and-month dates in every shape (categories, round 6)', () => {
  it('a month with its day glued on', () => {
    hidden('court on oct21, legal aid says 20 min', 'oct21', 'DATE');
    hidden('her appt is may3 at the clinic', 'may3', 'DATE');
    hidden('dr appt jan9 1030', 'jan9', 'DATE');
  });
  it('an ordinal day with its month is one date: "the 14th of October"', () => {
    hidden('admitted on the 14th of October with pneumonia', 'the 14th of October', 'DATE');
    hidden('hearing on the 2nd of december re the file', 'the 2nd of december', 'DATE');
    hidden('a hearing on the 2nd of December regarding file 2304', 'the 2nd of December', 'DATE');
  });
  it('a weekday before a date is part of it', () => {
    hidden('appt w dr mon 4/14 at 9', 'mon 4/14', 'DATE');
    hidden('Next appointment: Wednesday, November 19 at 10:15.', 'Wednesday, November 19', 'DATE');
    hidden('see her tues the 9th', 'tues the 9th', 'DATE');
  });
  it('SMS "4" before a month is no day: "rebooked 4 nov 3" hides nov 3', () => {
    hidden('rebooked 4 nov 3 @ 2pm', 'nov 3', 'DATE');
    stays('rebooked 4 nov 3 @ 2pm', '4');
  });
  it('a bare day after a date cue: "meeting the 10 at 1", "see u on the 12"', () => {
    hidden("we're meeting the 10 at 1", 'the 10', 'DATE');
    hidden('see u on the 12.', 'the 12', 'DATE');
    hidden('court is the 3, she needs a ride', 'the 3', 'DATE');
    hidden('the appt got moved to the 22nd because the doctor is away', 'the 22nd', 'DATE');
  });
  it('an order, a bus, a count or a score stays', () => {
    stays('the 1st thing she asked was for smokes', '1st');
    stays('she is on the 3rd floor now', '3rd');
    stays('got on the 10 at 3 to go downtown', '10');
    stays('she brought the 2 forms', '2');
    stays('pain was 7/10 today, took 2 advil', '7/10');
    stays('anxiety 8/10 before court', '8/10');
  });
});

describe('deidentify: facilities by the grammar of their names (categories, round 6)', () => {
  it('a named place keeps its "of" tail, one word or "good hope"', () => {
    hidden('hes at salvation army centre of hope tonight', 'salvation army centre of hope', 'FACILITY');
    stays('hes at salvation army centre of hope bed 41', 'bed');
  });
  it('charities named "X of <virtue>" after a place cue', () => {
    hidden('she did 2nd stage at wings of providence, loved it', 'wings of providence', 'FACILITY');
    hidden('hes at shepherds of good hope now', 'shepherds of good hope', 'FACILITY');
    hidden('he stayed at the inn from the cold', 'inn from the cold', 'FACILITY');
    stays('she is in need of hope', 'hope');
    stays('we talked in hopes of peace at home', 'peace');
  });
  it('pretrial, detention and prison are facility words', () => {
    hidden('hes in north fraser pretrial since may', 'north fraser pretrial', 'FACILITY');
    hidden('he was moved to wolf creek detention centre', 'wolf creek detention centre', 'FACILITY');
    stays('he is scared of prison', 'prison');
  });
  it('a name before the kinds of a place: "canadian native friendship centre"', () => {
    hidden('dropped the forms at the canadian native friendship centre', 'canadian native friendship centre', 'FACILITY');
    stays('she goes to the native friendship centre', 'native');
    stays('at the youth shelter again', 'youth');
  });
  it('a hospital by its one-word name after a place cue, not before an everyday word', () => {
    hidden('dropped her at the general in ottawa', 'general', 'FACILITY');
    hidden('hes at the royal for a psych assessment', 'royal', 'FACILITY');
    hidden("she's in the civic again", 'civic', 'FACILITY');
    stays('she reads about the royal family', 'royal');
    stays('open to the general public', 'general');
  });
});

describe('deidentify: addresses and ids typed loosely (categories, round 6)', () => {
  it('a unit after the street without a comma joins the address', () => {
    hidden('lives at 221 maple unit b now', '221 maple unit b', 'ADDRESS');
    hidden('lives at 1200 w broadway apt 4 now', '1200 w broadway apt 4', 'ADDRESS');
  });
  it('a ZIP after its state code in lower case; the state stays', () => {
    hidden('at 350 5th ave apt 12c new york ny 10118', '10118', 'POSTAL_CODE');
    hidden('she moved to springfield il 62704 last month', '62704', 'POSTAL_CODE');
    hidden('houston TX 77002 is the zip', '77002', 'POSTAL_CODE');
    stays('her client ID 10534 was on the letter', 'ID');
    stays('walked in 10000 steps today', '10000');
    stays('she wants 25000 or 30000 for the car', '30000');
  });
  it('a numbered house on the reserve', () => {
    hidden('house 212 on the reserve, blue door', 'house 212', 'ADDRESS');
    stays('house 2 rules: no using inside', '2');
  });
  it('corrections and immigration ids after their label', () => {
    hidden('fps 445521c on the paper', '445521c', 'MRN');
    hidden('her uci 1234-5678 for the ircc letter', '1234-5678');
  });
});

describe('deidentify: the Salvation Army as a place, and a named place by its street (categories, round 6)', () => {
  it('after a place cue the Salvation Army is a facility', () => {
    hidden('took her to the sally ann for clothes', 'sally ann', 'FACILITY');
    hidden('dropped him at the salvation army for supper', 'salvation army', 'FACILITY');
    stays('she bought salvation army bags', 'salvation');
  });
  it('a listed place takes its street ("on jasper", "on 105a st"), not a weekday or "on time"', () => {
    hidden('shes stayin at the sally ann on jasper 4 now', 'sally ann on jasper', 'FACILITY');
    hidden('at hope mission on 105a st tonight', 'hope mission on 105a st', 'FACILITY');
    stays('at the mustard seed on sundays', 'sundays');
    hidden('she was at the sally ann on 105 till they kicked her out', 'sally ann on 105', 'FACILITY');
    stays('she was at the sally ann on 105 till they kicked her out', 'till');
    hidden('at hope mission on 105 ave nw, edmonton ab t5h 1a1 tonight', 'hope mission', 'FACILITY');
    hidden('at hope mission on 105 ave nw, edmonton ab t5h 1a1 tonight', '105 ave nw');
    stays('at the mustard seed on time', 'time');
  });
});

describe('deidentify: codes near their label, and French dates, corners and places (categories, round 6)', () => {
  it('a code a few words after its label, when no count is shaped like it', () => {
    hidden('the claim for her back 55-0921 was denied', '55-0921', 'MRN');
    hidden('his number at the jail 77812', '77812', 'MRN');
    hidden("son dossier au cisss c'est le 2231-0045", '2231-0045', 'MRN');
    stays('she has 2 kids ages 4-6', '4-6');
    stays('the file has 12000 dollars in it', '12000');
  });
  it('French day and month; "le" stays outside', () => {
    hidden('rdv au chum le 3 mars à 9h', '3 mars', 'DATE');
    hidden('elle a rendez-vous le 12 avril', '12 avril', 'DATE');
    hidden('le 1er mai elle déménage', '1er mai', 'DATE');
  });
  it('a French corner names its two streets', () => {
    hidden("on a pris le bus 55 jusqu'au coin jean-talon pis st-laurent", 'jean-talon pis st-laurent', 'ADDRESS');
  });
  it('Montreal places: "au chum", "l\'old brewery"; a boyfriend stays', () => {
    hidden('rdv au chum le 3 mars', 'chum', 'FACILITY');
    hidden("il dort à l'old brewery depuis lundi", 'old brewery', 'FACILITY');
    stays('her chum came by with coffee', 'chum');
  });
});

describe('deidentify: villas, motels and hotels by name, and a named place by its street (categories, round 6)', () => {
  it('a villa, motel or hotel with a name that is no everyday word', () => {
    hidden('moved her to sunset villa last wk', 'sunset villa', 'FACILITY');
    hidden('he got a room at the ritz motel on 118', 'ritz motel on 118', 'FACILITY');
    hidden('at the sandman hotel for the night', 'sandman hotel', 'FACILITY');
    stays('at the cheap motel by the highway', 'cheap');
    stays('at a hotel downtown', 'hotel');
  });
  it('a named place followed by its street takes the street, not a weekday', () => {
    hidden('staying at harmony house on 118 ave', 'harmony house on 118 ave', 'FACILITY');
    stays('at sunrise lodge on sundays', 'sundays');
    // An address that reaches further than the street leaves the name found.
    hidden('staying at sunrise lodge on 118 ave nw, edmonton ab t5k 2j1 now', 'sunrise lodge', 'FACILITY');
    hidden('staying at sunrise lodge on 118 ave nw, edmonton ab t5k 2j1 now', '118 ave nw');
  });
  it('a nursing home named with an everyday word keeps its whole name', () => {
    hidden("she's at oak haven nursing home now", 'oak haven nursing home', 'FACILITY');
  });
});

describe('deidentify: grid numbers, ordinals after a direction, units with a hyphen (categories, round 6)', () => {
  it("Edmonton's grid without a street type after a place cue", () => {
    hidden('she lives at 10135 117 now', '10135 117', 'ADDRESS');
    hidden('moved to 8812 148 last month', '8812 148', 'ADDRESS');
    stays('the bill is 1200 300 of it paid', '1200');
    stays('she walks to 1200 steps a day', '1200');
  });
  it('an ordinal street after a direction, a unit joined by a hyphen', () => {
    hidden('her new place at 123 w 45th is small', '123 w 45th', 'ADDRESS');
    hidden('lives at 7-1010 king with her aunt', '7-1010 king', 'ADDRESS');
    stays('she uses 2-3 times a day', '2-3');
  });
  it('a marker glued to a word is part of the word: "paid 1200" is no id', () => {
    stays('paid 1200 at 150 a week', '1200');
  });
});

describe('deidentify: rural US routes, highway marks, numbered roads, places by capitalised name (categories, round 6)', () => {
  it('highway contract and rural routes with a box, a kilometre on a highway, a county road with its number', () => {
    hidden('mail to hc 61 box 22, she doesnt get it at the house', 'hc 61 box 22', 'ADDRESS');
    hidden('his mamaw lives at rt 2 box 140, old farmhouse', 'rt 2 box 140', 'ADDRESS');
    hidden('the cabin is at km 42 hwy 16, left at the mailbox', 'km 42 hwy 16', 'ADDRESS');
    hidden('up the holler at 4471 county rd 12, last trailer', '4471 county rd 12', 'ADDRESS');
    hidden('new address 1902 old mill hollow, no number on the mailbox', '1902 old mill hollow', 'ADDRESS');
    stays('drove 40 km on hwy 16 to see her', '40');
  });
  it('a house or lot on the reserve, a unit with a hyphen before the house number, a crossing after "to"', () => {
    hidden('family lives on the reserve, house 212, blue trim', 'house 212', 'ADDRESS');
    hidden('her trailer is lot 14 on the rez', 'lot 14', 'ADDRESS');
    hidden('address unit 9 - 2215 4 ave, whitehorse', 'unit 9 - 2215 4 ave', 'ADDRESS');
    hidden('camp moved to jasper and 97, under the overpass', 'jasper and 97', 'ADDRESS');
    hidden('302 1188 main not 1188 main 302, i wrote it wrong', '302 1188 main');
  });
  it('a place by a capitalised name after "the", or doing what places do', () => {
    hidden('Got her into the Willows for 60 days.', 'Willows', 'FACILITY');
    hidden('The Anchor is closed for renos', 'Anchor', 'FACILITY');
    stays('we read from the Bible at group', 'Bible');
    stays('The Nurse said ok', 'Nurse');
  });
  it('recovery and rehab with a name, "the gen", a place for rehab without "the"', () => {
    hidden('her son is in cumberland recovery in the next county', 'cumberland recovery', 'FACILITY');
    hidden('transferred from the gen to mercy west for rehab', 'gen', 'FACILITY');
    hidden('transferred from the gen to mercy west for rehab', 'mercy west', 'FACILITY');
    stays("she's in recovery 2 yrs now", 'recovery');
    stays('took her to costco for lunch', 'costco');
    stays('her nan is in the lodge now', 'lodge');
    hidden('inmate # A43019 at pine grove, her release is aug 12', 'pine grove', 'FACILITY');
    hidden('his booking # 24-0611093 at cook county', 'cook county', 'FACILITY');
    stays('inmate at the jail wants a visit', 'jail');
    stays('an inmate in his unit hit him', 'unit');
    hidden('sunrise house has a bed open tmrw', 'sunrise house', 'FACILITY');
    stays('her moms house has room for her', 'house');
    stays('the big house is full', 'big');
  });
  it('a day in words and a seven-digit phone after "# is"', () => {
    hidden('she was born on the fourth of july lol', 'the fourth of july', 'DATE');
    hidden('court is may fourth', 'may fourth', 'DATE');
    stays('may the fourth be with you', 'fourth');
    stays('the second of all the kids', 'second');
    hidden('his # is 5550143, no area code', '5550143', 'PHONE');
  });
});

describe('deidentify: an email user name said with spaces (categories, round 6)', () => {
  it('"sky dot blue 99 at icloud dot com" is one email', () => {
    hidden('Her email: sky dot blue 99 at icloud dot com. She wants the forms', 'sky dot blue 99 at icloud dot com', 'EMAIL');
    stays('we met at 10 at the mall', 'mall');
  });
});
