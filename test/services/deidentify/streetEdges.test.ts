import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';

/** The ADDRESS spans of a text, as written. */
const addresses = (t: string): string[] =>
  deidentify(t)
    .entities.filter((e) => e.type === 'ADDRESS')
    .map((e) => t.slice(e.start, e.end));

// Round 14.
describe('deidentify: where a street address stops early (streetEdges.ts)', () => {
  it('takes the unit, lot, post or box label before the house number', () => {
    assert.deepEqual(addresses('checked on noreen at unit 9 tamarack place, fridge was empty'), ['unit 9 tamarack place']);
    assert.deepEqual(addresses('Mr. Osei lives at unit 1408, 25 Harbour Square Blvd, L3R 0G7. The'), ['unit 1408, 25 Harbour Square Blvd, L3R 0G7']);
    assert.deepEqual(addresses('tesfay lives bottom suite 119 pinecrest cl ne, side door'), ['bottom suite 119 pinecrest cl ne']);
    // Round 25: the town after it stays.
    assert.deepEqual(addresses('Mr Park lives at #412 - 355 E Cordova St, Vancouver'), ['#412 - 355 E Cordova St']);
    assert.deepEqual(addresses('he saw a bear at km 16 Moose Lake Rd. He swears'), ['km 16 Moose Lake Rd.']);
  });
  it('takes the unit and the quadrant after the street', () => {
    assert.deepEqual(addresses('likatak stays at 1410 s ogden st lot 22 now w her brother'), ['1410 s ogden st lot 22']);
    assert.deepEqual(addresses('arek rents the back room at 3912 n neva, unit rear from a lady'), ['3912 n neva, unit rear']);
    assert.deepEqual(addresses('rasha says her landlord on 1187 tecumseh e wont fix the fridge'), ['1187 tecumseh e']);
  });
  it('takes the second street of a crossing the street detectors found one side of', () => {
    assert.deepEqual(addresses('paulette at the bus stop on rogers n church in the rain'), ['rogers n church']);
    assert.deepEqual(addresses('evan needs a ride from 3rd ave n ptarmigan to the airport'), ['3rd ave n ptarmigan']);
    assert.deepEqual(addresses('bertrand at the shelter on jefferson n lee, hes sick'), ['jefferson n lee']);
  });
  it('leaves a flat, a floor, an appointment and the words of the clause after a street', () => {
    assert.deepEqual(addresses('ndeye got a new apt 87 aberdeen ave, so happy'), ['87 aberdeen ave']);
    assert.deepEqual(addresses('the office is at 7000 minoru, 12th floor, by the elevator'), ['7000 minoru']);
    assert.deepEqual(addresses('she was at 5131 grand river, appt went ok'), ['5131 grand river']);
    assert.deepEqual(addresses('she lives on main st and walked home after'), ['main st']);
    assert.deepEqual(addresses('he lives at 44 king st n his mom is there'), ['44 king st']);
    assert.deepEqual(addresses('her sister lives at 1204 birch st and shes letting her stay'), ['1204 birch st']);
    assert.deepEqual(addresses('her new place is 880 cedar ave and it\'s on the 12th floor'), ['880 cedar ave']);
    assert.deepEqual(addresses('hanging out at jess n tom again'), []);
  });
});

// Round 18.
describe('deidentify: a house number before a street the name rules took', () => {
  it('hides the number with the street', () => {
    assert.deepEqual(addresses('rent at 4040 nicollet went up again'), ['4040 nicollet']);
    assert.deepEqual(addresses('both in the same building 300 frederick now'), ['300 frederick']);
    assert.deepEqual(addresses('new client from nepal on 3 glen everest, tmrw 10'), ['3 glen everest']);
  });
  it('leaves a box, a vehicle, a room, money and a year as they were', () => {
    assert.deepEqual(addresses('his truck 819 kmp is in the shop'), []);
    assert.deepEqual(addresses('paid 300 kevin for the couch'), []);
    assert.deepEqual(addresses('auntie made 300 bolani for the party'), []);
    assert.deepEqual(addresses('room 204 kevin is there'), []);
    assert.deepEqual(addresses('since 2019 tanvir has been sober'), []);
    assert.match(deidentify('since 2019 tanvir has been sober').redacted, /^since 2019 \[NAME\] has been sober$/);
    assert.deepEqual(addresses('his po box 1187 kevin checks it'), ['po box 1187']);
    assert.deepEqual(addresses('apt 306 kevin said hi'), []);
    assert.match(deidentify('paid 300 kevin for the couch').redacted, /^paid 300 \[NAME\] for the couch$/);
  });
});

// Round 21.
describe('deidentify: a unit, a lettered road and a run of two addresses taken whole (streetEdges.ts)', () => {
  it('takes a flat, a building, a basement, a lettered unit or "house" before the house number', () => {
    assert.deepEqual(addresses('flat 2, 17 harbour rd is where she stays'), ['flat 2, 17 harbour rd']);
    assert.deepEqual(addresses('he is in bldg 3, 120 tamarack way now'), ['bldg 3, 120 tamarack way']);
    assert.deepEqual(addresses('he lives in the basement 12 elm st now'), ['basement 12 elm st']);
    assert.deepEqual(addresses('she is in apt b 455 queen st'), ['apt b 455 queen st']);
    assert.deepEqual(addresses('moved her into unit c, 12 elm st'), ['unit c, 12 elm st']);
    assert.deepEqual(addresses('we went to house 62 heron point to see him'), ['house 62 heron point']);
  });
  it('leaves a building, a house someone owns and a floor with no comma outside', () => {
    assert.deepEqual(addresses('same building 300 frederick st, the old one'), ['300 frederick st']);
    assert.deepEqual(addresses('we met at her house 12 elm st today'), ['12 elm st']);
    assert.deepEqual(addresses('the moms house 12 elm st needs a ramp'), ['12 elm st']);
    assert.deepEqual(addresses('she lives at 12 main st, back door is broken'), ['12 main st']);
    assert.deepEqual(addresses('he moved to 1945 e 1st st basement, landlord upstairs'), ['1945 e 1st st']);
  });
  it("takes a lettered avenue's letter and a direction spelled out after a street", () => {
    assert.deepEqual(addresses('she lives at 903 avenue c south now'), ['903 avenue c south']);
    assert.deepEqual(addresses('they stay on avenue m north by the school'), ['avenue m north']);
    assert.deepEqual(addresses('met her at 18th st and avenue j'), ['18th st and avenue j']);
    assert.deepEqual(addresses('moved to 1420 avenue k apt 2'), ['1420 avenue k apt 2']);
  });
  it('leaves an SMS letter after an avenue and the side or end of a street', () => {
    assert.deepEqual(addresses('i was on 5th ave u know the one'), ['5th ave']);
    assert.deepEqual(addresses('they stay on avenue m north of the school'), ['avenue m']);
    assert.deepEqual(addresses('they stay on avenue m east side'), ['avenue m']);
    assert.deepEqual(addresses('she lives at 12 elm st south of the tracks').length, 1);
  });
  it("takes Richmond's numbered roads with their \"no\" and a house number", () => {
    assert.deepEqual(addresses('he lives off no 6 rd near the farm'), ['no 6 rd']);
    assert.deepEqual(addresses('new address is 4120 no 1 rd'), ['4120 no 1 rd']);
    assert.deepEqual(addresses('she lives at 8100 no. 2 road, unit 5'), ['8100 no. 2 road, unit 5']);
    assert.equal(deidentify('found him at no. 7 rd and gilley').redacted, 'found him at [ADDRESS]');
  });
  it('joins two addresses with only a comma between', () => {
    assert.deepEqual(addresses('mail goes to r.r. 2, 51 tallpine rd'), ['r.r. 2, 51 tallpine rd']);
  });
});

describe("deidentify: a park's space after a street, a building's label before it (round 26: streetEdges.ts)", () => {
  it('takes a mobile home park space after the street, and "building" before a house number after a place word (round 26)', () => {
    assert.deepEqual(addresses('he lives at 22 oak st space 4'), ['22 oak st space 4']);
    assert.deepEqual(addresses('moved to building 1438 apex rd last week'), ['building 1438 apex rd']);
  });
  it('leaves a space with no street, and a building owned or counted', () => {
    assert.deepEqual(addresses('this space 14 is tight'), []);
    assert.deepEqual(addresses('same building 300 frederick'), ['300 frederick']);
  });
});
