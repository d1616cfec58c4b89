import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { messyAddresses, namedStreets } from '../../../services/deidentify/messyPatterns';

/** The text as deidentify() leaves it. */
const shown = (text: string): string => deidentify(text).redacted;
/** The text of each ADDRESS span deidentify() finds. */
const addresses = (text: string): string[] => deidentify(text).entities.filter((e) => e.type === 'ADDRESS').map((e) => text.slice(e.start, e.end));
/** The text of each span a rule finds. */
const found = (rule: (t: string) => Array<{ start: number; end: number }>, text: string): string[] => rule(text).map((e) => text.slice(e.start, e.end));
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

    it('two streets the name rules read as one name after "at" or "@" stay one span: the "n" goes too (round 21)', () => {
      assert.ok(hidden('met him at weston n hollis', 'weston n hollis'));
      assert.ok(hidden('meet @ selkirk n mcgregor tmrw', 'selkirk n mcgregor'));
      // Two people after a word aimed at them, and after "with": two names, the "n" between them stays.
      assert.match(shown('was mad at tanis n kofi all day'), / n /);
      assert.match(shown('had coffee with tanis n kofi today'), / n /);
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

// Rounds 8, 9 and 11 (were in facility.test.ts, where they were written beside the facilities): units, streets with
// a direction or an everyday word for a type, lots and rural routes, French streets, crossings and hyphenated house numbers.
describe('deidentify: street addresses written beside places', () => {
  // Round 8.
  describe('street addresses', () => {
    const hidden = (text: string, part: string) => assert.ok(!shown(text).includes(part), `${part} left in ${shown(text)}`);
    it('a unit alone stays (the look-alike and SMS plate tests keep it; hiding it was tried: +1 of 213 on untouched writers)', () => {
      for (const text of ['apt 4 is empty, unit 5 flooded, room 12 is hers', 'parked the van at apt 204 for an hour', 'finished unit 2 of the workbook']) assert.equal(shown(text), text);
    });

    it('a street with a direction and no type: "on s henderson", "on e hastings"; not "on e bike"', () => {
      hidden('drove past the old apartment on s henderson where he lived', 'henderson');
      hidden('she still lives on e hastings i think', 'hastings');
      for (const text of ['he rides around on e bike all day', 'on n main by the bridge']) assert.equal(shown(text), text);
    });

    it('streets of less common types after a house number: concourse, esplanade, promenade, plaza', () => {
      hidden('went by 1187 grand concourse for her mail', 'concourse');
      hidden('her new place is 40 harbour esplanade unit 9', 'esplanade');
    });
  });

  // Round 9.
  describe('addresses', () => {
    it('a lot or rural route takes the settlement written after it', () => {
      assert.deepEqual(addresses('shes moving to lot 12 sunny acres next week'), ['lot 12 sunny acres']);
      assert.deepEqual(addresses('out at rr 1 east preston today'), ['rr 1 east preston']);
      assert.deepEqual(addresses('moving to lot 12 upper cherry brook'), ['lot 12 upper cherry brook']);
      assert.equal(shown('his place is site 2 comp 14 rr 3 out past the dump'), 'his place is [ADDRESS] out past the dump');
    });

    it('a lot or route followed by prose, a time or a place word alone takes nothing more', () => {
      assert.equal(shown('his trailer is at lot 34 today'), 'his trailer is at [ADDRESS] today');
      assert.equal(shown('rr 2 near the lake'), '[ADDRESS] near the lake');
      assert.equal(shown("she's in trailer 12 with her kids"), "she's in [ADDRESS] with her kids");
      // A postal code after the route is its own: the route stays whole.
      assert.equal(shown('mail to rr 1 site 5 box 12 h2x3y7'), 'mail to [ADDRESS] [POSTAL_CODE]');
    });

    it('a house number of three digits and a surname ending in s', () => {
      assert.deepEqual(addresses('she lives at 440 burrows now'), ['440 burrows']);
      // A common word's plural stays: "at 200 parks".
      assert.equal(shown('the kids ate 150 cookies at 200 parks'), 'the kids ate 150 cookies at 200 parks');
    });

    it('a street by its bare name after a spot and "on"', () => {
      assert.deepEqual(addresses('walking home on salter smh'), ['salter']);
      assert.deepEqual(addresses('my car was stuck on Burrows. People are good.'), ['Burrows']);
      assert.deepEqual(addresses('the desk on portage, he wore a suit'), ['portage']);
    });

    it('ordinary words after "on" and at places stay', () => {
      for (const text of ['she got home on time', 'he lives on insulin now', 'stays on the couch', 'my house on fire', 'we sat at the park', 'stuck on stupid all day']) {
        assert.equal(shown(text), text, text);
      }
    });
  });

  // Round 11.
  describe('streets whose type is an everyday word, at the end of a clause', () => {
    it('hides the name with "dr", "pl", "circle" after it', () => {
      assert.equal(shown('we went for a walk around the block on whitehorn dr and she waved'), 'we went for a walk around the block on [ADDRESS] and she waved');
      assert.equal(shown('a seizure at the group home on penbrooke dr, ems came'), 'a seizure at the group home on [ADDRESS], ems came');
      assert.deepEqual(found(namedStreets, 'winston stayin by his cousin on sterling pl'), ['sterling pl']);
      assert.deepEqual(found(namedStreets, 'sheldon says hes on hays cove circle now w his gf'), ['hays cove circle']);
    });
    it('a doctor before a name or an appointment stays', () => {
      for (const text of ['saw her on tuesday dr smith said its fine', 'at jess dr appt she cried', 'waiting on my dr, then lunch', 'talked to him on the phone, dr said no']) {
        assert.deepEqual(found(namedStreets, text), [], text);
      }
    });
  });

  describe('French streets, type first', () => {
    it('with a house number, an ordinal, a particle or a name that is no English word', () => {
      assert.deepEqual(found(namedStreets, 'marguerite reste au 1012 rue prince maintenant'), ['1012 rue prince']);
      assert.deepEqual(found(namedStreets, 'on peut passer au 915 9e rue pour aider'), ['915 9e rue']);
      assert.deepEqual(found(namedStreets, 'fixing the roof on 8e rue before the snow'), ['8e rue']);
      assert.deepEqual(found(namedStreets, 'he fell on the ice on rue de liège near his building'), ['rue de liège']);
      assert.equal(shown('he lives on rue saint-roch above the bakery'), 'he lives on [ADDRESS] above the bakery');
      assert.deepEqual(found(namedStreets, 'the rent on avenue querbes going up again'), ['avenue querbes']);
      assert.deepEqual(found(namedStreets, "she's at her mother's on avenue j"), ['avenue j']);
    });
    it('English words after the type, and the verb, stay', () => {
      for (const text of ['I rue the day he left', 'walked down the avenue and back', 'we drove on the avenue to the park', 'on rue before', 'av de la']) {
        assert.deepEqual(found(namedStreets, text), [], text);
      }
    });
  });

  describe('crossings', () => {
    it('an ordinal where a place is said, two ordinals past a month’s days, anything after "corner of"', () => {
      assert.deepEqual(found(messyAddresses, 'xavier at the shelter on junction n 37th, has a fever'), ['junction n 37th']);
      assert.deepEqual(found(messyAddresses, 'can u bring her meds from the pharmacy on 37th n 86th'), ['37th n 86th']);
      assert.equal(shown('met him at the corner of barton n sherman, he asked for tickets'), 'met him at the corner of [ADDRESS], he asked for tickets');
    });
    it('dates and weekdays stay', () => {
      assert.deepEqual(found(messyAddresses, 'on the 13th n 14th she was off'), []);
      assert.deepEqual(found(messyAddresses, 'she works the 2nd n 3rd at the shelter'), []);
    });
  });

  describe("Queens' hyphenated house numbers", () => {
    it('after a place cue or a unit', () => {
      assert.deepEqual(found(messyAddresses, 'johanna lives on the 4th floor at 35-16 95th, no elevator'), ['35-16 95th']);
      assert.deepEqual(found(messyAddresses, 'jhonatan lives at 40-22 junction with 3 other guys'), ['40-22 junction']);
      assert.deepEqual(found(messyAddresses, 'gonna check her at apt 3b 86-12 whitney, no answer'), ['apt 3b 86-12 whitney']);
    });
    it('ranges, scores and counts stay', () => {
      for (const text of ['be there at 10-15 mins', 'they won at 21-14 tonight', 'he is at 12-14 people in the group', 'dose at 40-60 mg']) {
        assert.deepEqual(found(messyAddresses, text), [], text);
      }
    });
  });
});

// Round 18.
describe('deidentify: a street led by its type stops where the sentence ends', () => {
  it('hides the street', () => {
    assert.deepEqual(addresses('I visited Marc at his apartment on 34 rue Lafleur. He was tired.'), ['34 rue Lafleur']);
    assert.deepEqual(addresses('she moved to 12 rue St. Denis last week'), ['12 rue St. Denis']);
    assert.deepEqual(addresses('the form went to 8815 96 Avenue on Monday'), ['8815 96 Avenue']);
  });
  it('leaves the next sentence\'s words', () => {
    const t = 'I met Paul at his apartment on 34 rue Lafleur. He has not been eating well.';
    assert.match(deidentify(t).redacted, /\[ADDRESS\]\. He has not been eating well\.$/);
    // (messyAddresses still takes a period after the street: one character, not a word.)
    assert.match(deidentify('Keys to 4410 23 St NE. She is thrilled.').redacted, /^Keys to \[ADDRESS\]\.? She is thrilled\.$/);
    const u = 'Forms signed at 10516 95 Street. Her Alberta Health Care card is coming.';
    assert.match(deidentify(u).redacted, /\[ADDRESS\]\.? Her Alberta Health Care card is coming\.$/);
  });
});

// Round 18.
describe('deidentify: the second street of a corner stops at a day', () => {
  it('hides the corner', () => {
    assert.deepEqual(addresses('we met at the corner of Main and Elm today'), ['the corner of Main and Elm']);
    assert.deepEqual(addresses('she sleeps at the corner of dundas and bathurst tonight'), ['the corner of dundas and bathurst']);
  });
  it('leaves the words after it', () => {
    assert.match(deidentify('at the corner of Main and Elm yesterday she fell').redacted, /\] yesterday she fell$/);
    assert.match(deidentify('we met at the corner of Main and Elm today').redacted, /\] today$/);
  });
});

// Round 25 (addresses): a town typed after an address stays, with its state or province; its postal code is hidden alone.
describe('deidentify: the town after an address', () => {
  it('ends the address at its street and hides the postal code or ZIP after the town', () => {
    assert.equal(shown('Amber moved to 1217 Ravine St, Pittsburgh, 15210-1123.'), '[NAME] moved to [ADDRESS], Pittsburgh, [POSTAL_CODE].');
    assert.equal(shown('client is at 4120 Morse Rd, Apt 12, Columbus, OH'), 'client is at [ADDRESS], Columbus, OH');
    assert.equal(shown('she lives at 1120 Pleasant St, Apt 4, Fall River MA 02721'), 'she lives at [ADDRESS], Fall River MA [POSTAL_CODE]');
    assert.equal(shown('lives at 45 rue st-pierre, shediac, e4p 1a2, no phone'), 'lives at [ADDRESS], shediac, [POSTAL_CODE], no phone');
    assert.equal(shown('his mail goes to PO Box 2297, Halifax.'), 'his mail goes to [ADDRESS], Halifax.');
    assert.deepEqual(addresses('client lives at 211 Kirk Ave, Unit B, Moncton, E1C 4X2'), ['211 Kirk Ave, Unit B']);
  });
  it('keeps a street, a unit, a box or a person after the comma in or beside the address', () => {
    assert.ok(hidden('she lives at Lot 9, Lac Ste-Thérèse Road now', 'Lac Ste-Thérèse Road'));
    assert.deepEqual(addresses('moved to 40 Birch St, Box 641, last week'), ['40 Birch St, Box 641']);
    assert.ok(hidden('first stop 1432 E Pender, unit 3, Mrs. Kwon', 'Kwon'));
    assert.ok(hidden('the basement on Monselet, Pastor Bamba said a prayer', 'Bamba'));
    // A word and a number after the comma is a unit's or a building's name, no town (the lead, round 25).
    assert.ok(hidden('employer housing is at 1940 County Road 20, Bunkhouse 2. Eleven men share one bathroom.', 'Bunkhouse 2'));
    assert.ok(hidden('The client lives at House 37, Bay 2, for now.', 'Bay 2'));
  });
  it('takes the town whole where the public set does: lines broken by line breaks, or a country after it', () => {
    assert.deepEqual(addresses('Moved to 5586 Koskikatu 31, Arnsdorf, Germany last year'), ['5586 Koskikatu 31, Arnsdorf, Germany']);
    assert.deepEqual(addresses('The address is 213 Pilekrogen 53 Apt. 263, Grand-Leez, Belgium 18431'), ['213 Pilekrogen 53 Apt. 263, Grand-Leez, Belgium 18431']);
    assert.ok(hidden('Send it to 9554 62 Rue Gafsa Apt. 981\nToronto\n, ON\n 82269', 'Toronto\n, ON\n 82269'));
    // The full postal form, a state's or province's code and a postal code in capitals, as the public set and psw-dev label it.
    assert.deepEqual(addresses('he is at 1180 Granville St, Vancouver, BC V6Z 1L8.'), ['1180 Granville St, Vancouver, BC V6Z 1L8']);
  });
});

describe('deidentify: crossings, spots and buildings with no house number (round 26)', () => {
  it('hides a crossing the name rules took as two names after nearness or a sighting', () => {
    assert.deepEqual(addresses('saw him near king and wentworth last nite'), ['king and wentworth']);
    assert.deepEqual(addresses('last seen main n higgins'), ['main n higgins']);
  });
  it('leaves two people or two towns after nearness', () => {
    assert.deepEqual(addresses('she sat near kim and dave at group'), []);
    assert.deepEqual(addresses('he grew up near plymouth and greenfield'), []);
  });
  it('hides a crossing of a street word too everyday for a house number beside a word that is no common word', () => {
    assert.deepEqual(addresses('found him on canal and broad sleeping'), ['canal and broad']);
    assert.deepEqual(addresses('picked her up at state & hancock'), ['state & hancock']);
  });
  it('leaves such words beside everyday words', () => {
    for (const text of ['we went to the office on state and federal forms', 'at spring and summer camps', 'the boat sat at high and low tide', 'we had bread and butter and mom and dad came', 'at salt n pepper']) {
      assert.deepEqual(addresses(text), [], text);
    }
  });
  it('hides a numbered street after a spot someone sleeps in outside', () => {
    assert.deepEqual(addresses('in the vestibule on 10th again'), ['10th']);
    assert.deepEqual(addresses('the doorway on 79th was empty'), ['79th']);
  });
  it('leaves a word after such a spot, and a day', () => {
    assert.deepEqual(addresses('the vestibule on sunday was locked'), []);
    assert.deepEqual(addresses('met in the alley on time'), []);
  });
});
