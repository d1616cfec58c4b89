import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';

/** The text as deidentify() leaves it. */
const shown = (text: string): string => deidentify(text).redacted;
/** The text of each ADDRESS span deidentify() finds. */
const addresses = (text: string): string[] => deidentify(text).entities.filter((e) => e.type === 'ADDRESS').map((e) => text.slice(e.start, e.end));
/** Whether every character of `part` is hidden (by a span of any type) in `text`. */
function hidden(text: string, part: string): boolean {
  const at = text.indexOf(part);
  assert.ok(at >= 0, `"${part}" is not in "${text}"`);
  const spans = deidentify(text).entities;
  for (let k = at; k < at + part.length; k++) if (text[k] !== ' ' && !spans.some((e) => e.start <= k && k < e.end)) return false;
  return true;
}

// Round 10 (street addresses): crossings said by their names, bare streets, house numbers and units in other orders.
describe('deidentify: street addresses', () => {
  describe('two streets crossing, said by their names', () => {
    it('two words that are no everyday word, after a place word, are one span', () => {
      assert.deepEqual(addresses('angu wants to open a little store on selkirk and mckenzie'), ['selkirk and mckenzie']);
      assert.deepEqual(addresses('he was robbed at the shelter on Atlantic and Bedford. I helped'), ['Atlantic and Bedford']);
      assert.deepEqual(addresses('relapsed, at her mom house on plymouth n greenfield'), ['plymouth n greenfield']);
      assert.deepEqual(addresses('they shot at the house on conner n e warren last nite'), ['conner n e warren']);
    });

    it('"/" and "&" join two streets too, with or without spaces', () => {
      assert.ok(hidden("dusty od'd at hastings/main again", 'hastings/main'));
      assert.deepEqual(addresses('meet me at jasper&109 tmrw'), ['jasper&109']);
      assert.deepEqual(addresses('found him at main and powell last night'), ['main and powell']);
    });

    it('a side of two words or with a street type', () => {
      assert.deepEqual(addresses('cab broke down on memorial n 52 st, we waited for tow'), ['memorial n 52 st']);
      assert.deepEqual(addresses('at 68 st n memorial waiting 4 the bus'), ['68 st n memorial']);
      assert.deepEqual(addresses('meet her at corner of cesar chavez & 2nd 4pm'), ['cesar chavez & 2nd']);
      assert.deepEqual(addresses('staying at the site trailer on irving park n cicero until'), ['irving park n cicero']);
      assert.deepEqual(addresses('at 2nd and 3rd ave'), ['2nd and 3rd ave']);
    });

    it('floors, counts, times and a possession stay', () => {
      for (const text of ['on 2nd and 3rd floor', 'today i do 3 clients on midland and 2 on the list', 'at 3 pm n 4 pm', 'on 5 mg and 10 mg', 'at the park n ride', 'on 5th n final']) {
        assert.equal(shown(text), text, text);
      }
      assert.deepEqual(addresses('at tanis n kofis place'), []);
    });

    it('after "to" or "from" only on a ride or a walk', () => {
      assert.deepEqual(addresses('needs a ride to robie n almon'), ['robie n almon']);
      // Two people after "talked to": names, not a crossing (the name rules decide them).
      assert.deepEqual(addresses('talked to tanis n kofi today'), []);
    });

    it('two towns after a word of going, two common given names, or a possession are no crossing', () => {
      assert.deepEqual(addresses('drove to gimli and selkirk'), []);
      assert.deepEqual(addresses('hanging out at jess n tom'), []);
      assert.deepEqual(addresses('at tanis n kofis place'), []);
    });

    it('numbers, quantities, weekdays and everyday words joined by "and" stay', () => {
      for (const text of [
        'gave her 2 and 3 of the forms',
        'she was on and off all week',
        'at home n work',
        'on meth n fent again',
        'at odsp and ow',
        'split it 50/50',
        'lunch together on tuesdays and thursdays',
        'went w/ her to the bank',
        'and/or the other one',
      ]) {
        assert.equal(shown(text), text, text);
      }
    });
  });

  describe('bare streets that place a person', () => {
    it('after a word of living or sleeping, any word that is no everyday word', () => {
      assert.deepEqual(addresses("she's staying on mckenzie now"), ['mckenzie']);
      assert.deepEqual(addresses("he's living with his aunt on selkirk"), ['selkirk']);
      assert.deepEqual(addresses('sleeps in a tent on salter'), ['salter']);
      assert.deepEqual(addresses('the yellow house on birch is hers'), ['birch']);
    });

    it('an ordinal or a number street where someone lives or sleeps', () => {
      assert.deepEqual(addresses('he sleeps behind the church on 4th'), ['4th']);
      assert.deepEqual(addresses('staying at her moms on 5th'), ['5th']);
      assert.deepEqual(addresses('she lives on 118'), ['118']);
    });

    it('what people live on, weekdays and shops on an ordinal stay', () => {
      for (const text of [
        'she lives with her mom on disability',
        'he lives on insulin',
        'stays up on her phone',
        'she sleeps on and off',
        'living with her sister on ow',
        'lives alone on oxygen',
        'sleeping on da bench',
        'the food bank is on sundays',
        'the walgreens on 7th',
        'the cfs office on 118',
      ]) {
        assert.equal(shown(text), text, text);
      }
    });

    it('a second word naming a street or a settlement goes with the first', () => {
      assert.deepEqual(addresses('she lives with her gran in the house on crane lake'), ['crane lake']);
    });

    it('a street type that is an everyday word or a title before a quadrant', () => {
      assert.deepEqual(addresses('abadit lives on penbrooke dr se with three kids'), ['penbrooke dr se']);
      assert.deepEqual(addresses('staying with his cousin on martinwood pl ne until'), ['martinwood pl ne']);
      assert.deepEqual(addresses('tsegab lives 119 pinegreen cl ne, side door'), ['119 pinegreen cl ne']);
      assert.equal(shown('she was at the park ne of town'), 'she was at the park ne of town');
    });

    it('a street with a type takes a leading direction and a unit after it', () => {
      assert.deepEqual(addresses('amina at the dentist on e 24th st, warsame picking her up'), ['e 24th st']);
      assert.deepEqual(addresses('got into the apartment on Division St, unit 2. Dog allowed'), ['Division St, unit 2']);
      assert.deepEqual(addresses('got a room together on Princess Ave #6, it is tiny'), ['Princess Ave #6']);
      assert.equal(shown('on my way'), 'on my way');
    });

    it('a floor is no street', () => {
      assert.equal(shown('she lives on 2nd floor now'), 'she lives on 2nd floor now');
      assert.equal(shown('found him at the park on 6th, he is ok'), 'found him at the park on 6th, he is ok');
    });

    it('"main street" in passing stays; where someone lives it goes', () => {
      assert.equal(shown('walked on main street today'), 'walked on main street today');
      assert.deepEqual(addresses('she lives on main street'), ['main street']);
      assert.deepEqual(addresses('the house on main st'), ['main st']);
    });
  });

  describe('house numbers, units and lots in other orders', () => {
    it('a house number and a street with a unit after them need no cue', () => {
      assert.deepEqual(addresses('her new spot 44 king unit 5'), ['44 king unit 5']);
      assert.deepEqual(addresses('kiara got her own place!!! 14520 gratiot apt 2, she so happy'), ['14520 gratiot apt 2']);
      assert.deepEqual(addresses('got her keys, unit 5 - 44 king'), ['unit 5 - 44 king']);
    });

    it('counts and measures before a unit stay', () => {
      for (const text of ['the 3 kids unit 5', 'she ate 12 eggs #2 today', 'at 1200 calories a day', 'at 200 yards']) {
        assert.equal(shown(text), text, text);
      }
    });

    it('a word of the large English list after a house number of three digits or more', () => {
      assert.deepEqual(addresses('her landlord on 1187 wyandotte wont fix it'), ['1187 wyandotte']);
    });

    it('a unit by its word before the house number', () => {
      assert.deepEqual(addresses('owes back rent at apt 1 5230 w roscoe, landlord wants him out'), ['apt 1 5230 w roscoe']);
      assert.deepEqual(addresses('new place 2nd fl 2918 n kedvale. buzzer broken'), ['2nd fl 2918 n kedvale']);
      assert.deepEqual(addresses('now #2 1527 w 4th, behind the tire shop'), ['#2 1527 w 4th']);
    });

    it('"in", "house" and "home" before a house number and a street that is no common word; never a year', () => {
      assert.deepEqual(addresses('found a room at his cousins in 1310 magnolia, for now'), ['1310 magnolia']);
      for (const text of ['in 2019 kabul was bad', "she's in 200 level classes", 'in 300 mg doses', 'in 150 words']) assert.equal(shown(text), text, text);
    });

    it('a numbered road where a person or a place is, and a lot on a road', () => {
      assert.deepEqual(addresses('got her first job at the walmart on highway 491, she bought'), ['highway 491']);
      assert.deepEqual(addresses('hes in a colonia off fm 1015 near progreso'), ['fm 1015']);
      assert.deepEqual(addresses('her trailer is lot 52 fm 2557 near san carlos'), ['lot 52 fm 2557']);
      for (const text of ['drove on hwy 16 for 3 hours', 'traffic on highway 2 was bad']) assert.equal(shown(text), text, text);
      // A mile road with its direction is a street ("on mile 2 1/2 w"); a mile said without one stays.
      assert.deepEqual(addresses('paloma is at the tienda on mile 2 1/2 w, her kid has the flu'), ['mile 2 1/2 w']);
      assert.equal(shown('we were on mile 3 when it rained'), 'we were on mile 3 when it rained');
    });

    it('a second word that ends a street\'s name, after a house number', () => {
      assert.deepEqual(addresses('now her own apartment at 1150 notre dame'), ['1150 notre dame']);
      assert.deepEqual(addresses('rent at 8807 piney branch apt 3 is 900 each'), ['8807 piney branch apt 3']);
      // "appt" is an appointment, not a unit "t" after "app".
      assert.deepEqual(addresses('needs a ride to dhs on 5131 grand river, appt 9am'), ['5131 grand river']);
      // A name after the street is its own.
      assert.deepEqual(addresses('at 24 mcphillips jenny was there'), ['24 mcphillips']);
    });

    it('a lot with no cue when the park follows it', () => {
      assert.deepEqual(addresses('she has lot 12 sunny acres now'), ['lot 12 sunny acres']);
      assert.deepEqual(addresses('lot 7 pine ridge estates'), ['lot 7 pine ridge estates']);
      assert.equal(shown('parking lot 3 times'), 'parking lot 3 times');
      assert.equal(shown('the lot 4 today'), 'the lot 4 today');
    });
  });

  describe('what stays', () => {
    it('towns, reserves, parks and numbers', () => {
      for (const text of ['she lives in moose jaw now, on the reserve', 'went to the park at noon', 'drove to winnipeg and back']) {
        assert.equal(shown(text), text, text);
      }
    });
  });
});
