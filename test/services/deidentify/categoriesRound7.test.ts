// Round 7 of the categories (issue 13): addresses, ids and dates as whole spans — each rule with text it must hide and
// the look-alikes it must keep. Every value is invented.
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: day-and-month dates, whole (categories, round 7)', () => {
  it('a day before its month, with the weekday before it', () => {
    hidden('released on bail on Saturday, 22 March. He agreed to attend', 'Saturday, 22 March', 'DATE');
    hidden('appointment on Tuesday 9 April; his worker confirmed', 'Tuesday 9 April', 'DATE');
    hidden('schedule starts Monday, 2 June.', 'Monday, 2 June', 'DATE');
    hidden('moving out 3 dec, needs boxes', '3 dec', 'DATE');
    hidden('her hearing is the 3rd of june 2025 downtown', 'the 3rd of june 2025', 'DATE');
  });
  it('a capitalised May or a typed "march 3" is a date; the weekday before it joins it', () => {
    hidden('the rally on Saturday, May 18. He asked for a room', 'Saturday, May 18', 'DATE');
    hidden('they applied march 3 and heard nothing', 'march 3', 'DATE');
  });
  it('a weekday and an ordinal day with no "the": "Thursday 17th", "tues 9th", "fri 14"', () => {
    hidden('Meeting is booked for Thursday 17th at 2.', 'Thursday 17th', 'DATE');
    hidden('remind her abt the dentist tues 9th at 11', 'tues 9th', 'DATE');
    hidden('The landlord came on Friday 7th. He fixed it', 'Friday 7th', 'DATE');
    hidden('group moved to fri 14 at 2', 'fri 14', 'DATE');
  });
  it('a fraction after a verb that dates a thing is a date: "letter sent 2/3."', () => {
    hidden('Letter sent 2/3.', '2/3', 'DATE');
    hidden('the lease was signed 1/4, rent due after', '1/4', 'DATE');
  });
  it('French and Spanish weekday dates and "5 de mayo"', () => {
    hidden('They have a bed mardi le 4. He said yes', 'mardi le 4', 'DATE');
    hidden('cita jueves 12 con la doctora', 'jueves 12', 'DATE');
    hidden('su audiencia es el 5 de mayo en la corte', '5 de mayo', 'DATE');
  });
  it('an ordinal day after a date cue with no "the": "due on 28th", "by 3rd"', () => {
    hidden('rent is due on 28th, she is short', '28th', 'DATE');
    hidden('needs the forms back by 3rd, latest', '3rd', 'DATE');
    stays('found him at the park on 6th, he is ok', '6th');
    stays('she lives on 2nd floor now', '2nd');
    hidden('meet by 5th ave at noon', '5th ave', 'ADDRESS');
  });
  it('verbs, counts, hours, fractions and scores stay', () => {
    stays('we march 3 blocks to the park every day', '3');
    stays('she may 2 come if her ride shows', '2');
    stays('ate 1/2 a sandwich and 3/4 of the soup', '1/2');
    stays('took 3/4 of the pill last night', '3/4');
    stays('group is mon 9 am in the basement', '9');
    stays('line runs 24/7 now', '24/7');
    stays('the score was 2-1 at the game', '2-1');
    stays('sat 20 mins in the lobby', '20');
    stays('see her tues 10 am at the office', '10');
  });
});

describe('deidentify: street addresses, whole (categories, round 7)', () => {
  it('a unit before or after the street, "app" as Quebec types it, a unit number with no word before the house number', () => {
    hidden('new client on 1220 eglinton w unit 3, wife speaks little english', '1220 eglinton w unit 3', 'ADDRESS');
    hidden('her own place, 4210 de bordeaux app 3, first time in 2 yrs', '4210 de bordeaux app 3', 'ADDRESS');
    hidden('their unit is 1208 8080 saba rd, v6y 4b6', '1208 8080 saba rd', 'ADDRESS');
    hidden('lost his apartment on 3345 jarry e app 12, h1z 2e6, landlord', '3345 jarry e app 12', 'ADDRESS');
  });
  it('a direction after the street in lower case, before a unit, a clause or the end', () => {
    hidden('the landlord at 6650 rue sherbrooke e has no heat', '6650 rue sherbrooke e', 'ADDRESS');
    hidden('moving her sat 9am 1120 s lorena apt 3 bring dollies', '1120 s lorena apt 3', 'ADDRESS');
    hidden('staying w/ him on 2150 Ontario est, landlord does not know', '2150 Ontario est', 'ADDRESS');
  });
  it('French and saints\' streets after a house number', () => {
    hidden('locked out of 5180 de la roche again', '5180 de la roche', 'ADDRESS');
    hidden('got his apartment! 7245 St-Denis, 3rd floor', '7245 St-Denis', 'ADDRESS');
  });
  it('a house number and a street with no type after "of", a comma, or capitalised words', () => {
    hidden('we walked to the park at the end of 3420 hurontario, aunty liked it', '3420 hurontario', 'ADDRESS');
    hidden('a ride to her moms in the east end, 44 brimley, mom let her in', '44 brimley', 'ADDRESS');
    hidden('she is back at her mom\'s on 118 Possum Trot. Said she would come', '118 Possum Trot', 'ADDRESS');
    hidden('lives with his wife at 27 Gore Vale; both are eligible', '27 Gore Vale', 'ADDRESS');
    hidden('the respite on 2100 lakeshore is full too', '2100 lakeshore', 'ADDRESS');
    hidden('fighting over the apartment on 1 sunny glen, she passed', '1 sunny glen', 'ADDRESS');
    hidden('her nan raised her on 2380 hwy 1428 out past the creek', '2380 hwy 1428', 'ADDRESS');
  });
  it('the corner of two streets named by words alone, "and", "&" or "et"', () => {
    hidden('back on the corner of Ste-Catherine and Papineau. Dog looks skinny', 'Ste-Catherine and Papineau', 'ADDRESS');
    hidden('him n his dog at the corner of mont-royal et de lorimier', 'mont-royal et de lorimier', 'ADDRESS');
    stays('back on the corner of Ste-Catherine and Papineau. Dog looks skinny', 'Dog');
  });
  it('rural routes with their parts in any order, a unit before "of", a saint\'s street after its type', () => {
    hidden('mail goes to box 45, rr1 site 3 now', 'box 45, rr1 site 3', 'ADDRESS');
    hidden('mail to rr#2 comp 14 site 3 pls', 'rr#2 comp 14 site 3', 'ADDRESS');
    hidden('she lives in unit 4 of 880 king now', 'unit 4 of 880 king', 'ADDRESS');
    hidden('his room is at 3450 boul. st-laurent', '3450 boul. st-laurent', 'ADDRESS');
  });
  it('a house number with a hyphened letter or a half, and the street an address crosses', () => {
    hidden('she moved in at 45-B Birchwood Court last week', '45-B Birchwood Court', 'ADDRESS');
    hidden('he lives at 45 1/2 maple behind the store', '45 1/2 maple', 'ADDRESS');
    hidden('the bus stop at 7 Mile and Gratiot again', '7 Mile and Gratiot', 'ADDRESS');
    hidden('lives at 44 king & Queen St now', '44 king & Queen St', 'ADDRESS');
    stays('lives at 4417 Cortland and i visit her', 'visit');
  });
  it('counts, floors, rooms, buses, doses and corners of a room stay', () => {
    stays('went to the ridge yesterday, 28 day program, her mom has the kids', 'day');
    stays('the circle was full, 24 women, she talked about her son', 'women');
    stays('young guy came in today, 17 maybe, told him about the drop in', 'maybe');
    stays('she is on the 2nd floor, room 4 by the elevator', 'room');
    stays('took bus 9 to the clinic, 50 mg now', 'bus');
    stays('she sat in the corner of her room and cried', 'room');
    stays('he has 99 problems and rent is one', 'problems');
  });
});

describe('deidentify: labelled ids, plates and ZIP codes, whole (categories, round 7)', () => {
  it('ids in capitals with a hyphen, of any length, and in two groups', () => {
    hidden('London housing; tenant number LMCH-30912.', 'LMCH-30912', 'MRN');
    hidden('his client number at the shelter is HFX-SH-20981.', 'HFX-SH-20981', 'MRN');
  });
  it('a program\'s capitals before the number, a bracket after the label, a second part of two digits', () => {
    hidden('his student number is ALC 559012.', 'ALC 559012', 'MRN');
    hidden('asked that his shelter file (SMIS 51177) list his cousin', 'SMIS 51177', 'MRN');
    hidden('booked him, inmate # 4471 23 at the remand', '4471 23', 'MRN');
    stays('client 4471 23 years old came in', '23');
  });
  it('an id a few words after its label: three or four digits ending the clause, and more labels', () => {
    hidden('the CAS file on her is 5521.', '5521', 'MRN');
    hidden('rent ledger acct 22-4412 is behind', '22-4412', 'MRN');
    stays('the file on her is 300 pages long', '300');
    stays('his case was 2019.', '2019');
  });
  it('a plate after its word with a state code first, and a plate in capitals near a vehicle', () => {
    hidden('driving the red dodge, plate ky 3hj-447. told her to call', 'ky 3hj-447', 'PLATE');
    hidden('slept in her car, plate oh hbr 2291, i brought a blanket', 'oh hbr 2291', 'PLATE');
    hidden('who took the van? F42 KRT not in the lot', 'F42 KRT', 'PLATE');
    stays('tag 2 of them in the post', '2');
    stays('his truck is a F150 XLT now', 'XLT');
  });
  it('a ZIP code a place is named by', () => {
    hidden('staying w her tia in 90022', '90022', 'POSTAL_CODE');
    hidden('she says 90022 is her zip', '90022', 'POSTAL_CODE');
    stays('she walked 12000 steps in 30000.', '30000');
  });
});
