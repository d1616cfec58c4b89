// Round 7 of the categories (issue 13): addresses, ids and dates as whole spans — each rule with text it must hide and
// the look-alikes it must keep. Every value is invented.
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: day-and-month dates, whole (categories, round 7)', () => {
  it('a day before its month, with the weekday before it', () => {
    hidden('released on bail on Saturday, 22 March. He agreed to attend', 'Saturday, 22 March', 'DATE');
    hidden('appointment on Tuesday 9 April; his worker confirmed', 'Tuesday 9 April', 'DATE');
    hidden('schedule starts Monday, 2 June.', 'Monday, 2 June', 'DATE');
    hidden('moving out 3 dec, needs boxes', '3 dec', 'DATE');
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
