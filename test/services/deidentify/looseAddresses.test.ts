import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';

/** The ADDRESS spans of a text, as written. */
const addresses = (t: string): string[] =>
  deidentify(t)
    .entities.filter((e) => e.type === 'ADDRESS')
    .map((e) => t.slice(e.start, e.end));

describe('deidentify: addresses typed loosely (round 24: looseAddresses.ts, streetEdges.ts)', () => {
  it('hides a street named by one letter after its house number, with its unit, or after a direction spelled out', () => {
    assert.deepEqual(addresses('lives at 1640 k st with her son'), ['1640 k st']);
    assert.deepEqual(addresses('visited 2215 c st apt 9 today'), ['2215 c st apt 9']);
    assert.deepEqual(addresses('went to 904 s g st apt 3'), ['904 s g st apt 3']);
    assert.deepEqual(addresses('lives on south k street'), ['south k street']);
  });
  it('leaves a letter that is no street: no number, no type, one digit', () => {
    for (const t of ['she had a c section in 2019', 'he had a 10 k run on a c st', 'grade 5 e st', 'him n me went for coffee']) assert.deepEqual(addresses(t), [], t);
  });
  it('hides a numbered building, a housing authority\'s house and a lot after a place word', () => {
    assert.deepEqual(addresses('he lives in building 2210'), ['building 2210']);
    assert.deepEqual(addresses('needs a ride frm bldg 2741 at 9'), ['bldg 2741']);
    assert.deepEqual(addresses('she is in HUD house 12 now'), ['HUD house 12']);
    assert.deepEqual(addresses('lives in nha #27 now, blue door'), ['nha #27']);
    assert.deepEqual(addresses('her new trailer is at lot 31 by the hall'), ['lot 31']);
  });
  it('leaves a wing, a count, a parking lot and "a lot"', () => {
    for (const t of ['building 2 of the hospital', 'the building 300 people live in', 'parking lot 3 was full', 'parked in lot 3 at the mall', 'she ate a lot 2day', 'we talked a lot today']) assert.deepEqual(addresses(t), [], t);
  });
  it('hides a house number on a route, a mile marker and its road, a route crossing a street', () => {
    assert.deepEqual(addresses('lives at 4410 KY-15 past the church'), ['4410 KY-15']);
    assert.deepEqual(addresses('found at mile marker 9, US-23'), ['mile marker 9, US-23']);
    assert.deepEqual(addresses('house is at mile marker 6 on Honoapiilani Hwy'), ['mile marker 6 on Honoapiilani Hwy']);
    assert.deepEqual(addresses('near I-40 and Old Mill Rd'), ['I-40 and Old Mill Rd']);
  });
  it('hides a numbered street with its direction before it, after a place word', () => {
    assert.deepEqual(addresses('staying with his aunt on e 45th'), ['e 45th']);
    assert.deepEqual(addresses('party at her place on east 34th'), ['east 34th']);
    assert.deepEqual(addresses('he is on 3rd floor'), []);
    assert.deepEqual(addresses('the e 45th bus was late'), []);
  });
  it('leaves a route alone and a year before one', () => {
    for (const t of ['on i-5 traffic was bad', 'the ky-15 exit', 'took the us-23 south', 'his 2012 ca-15 truck']) assert.deepEqual(addresses(t), [], t);
  });
});

describe('deidentify: an address\'s edges typed loosely (round 24: streetEdges.ts)', () => {
  it('takes a unit lettered first and a unit alone after a comma at the clause\'s end', () => {
    assert.deepEqual(addresses('visit at 310 king st #C7 today'), ['310 king st #C7']);
    assert.deepEqual(addresses('address 1440 maple dr, 4B'), ['1440 maple dr, 4B']);
  });
  it('leaves a count or a time after the comma', () => {
    assert.deepEqual(addresses('lives at 45 elm st, 2 kids there'), ['45 elm st']);
    assert.deepEqual(addresses('lives at 45 elm st, 10a'), ['45 elm st']);
  });
  it('takes a rural route\'s label before an address opening on its number', () => {
    assert.deepEqual(addresses('mail goes to R.R. 3 Grand Valley'), ['R.R. 3 Grand Valley']);
    assert.deepEqual(addresses('rr is his nickname'), []);
  });
  it('takes a street with its type after a numbered house, lot or unit and a comma', () => {
    assert.deepEqual(addresses('moved to house 311, river road last month'), ['house 311, river road']);
    assert.deepEqual(addresses('her house 12, the road was icy'), []);
  });
  it('takes a French street\'s house number before a comma and its direction after it', () => {
    assert.deepEqual(addresses('elle habite au 88, rue Sainte-Anne Nord'), ['88, rue Sainte-Anne Nord']);
    assert.deepEqual(addresses('elle reste sur rue de l\'église est'), ['rue de l\'église est']);
    assert.deepEqual(addresses('au 3 rue leduc est fermée'), ['3 rue leduc']);
  });
  it('takes a floor typed short right after the street, not one spelt out or after a comma', () => {
    assert.deepEqual(addresses('client lives at 45 Birch St 3rd fl now'), ['45 Birch St 3rd fl']);
    assert.deepEqual(addresses('went to 88 elm st 2fl to drop off groceries'), ['88 elm st 2fl']);
    assert.deepEqual(addresses('went to 88 elm st fl 2 to drop off groceries'), ['88 elm st fl 2']);
    assert.deepEqual(addresses('she moved to 1210 tamarack way, 2nd floor last week'), ['1210 tamarack way']);
    for (const t of ['the 3rd floor was noisy', 'he makes beats in fl studio', 'the 2nd floor bathroom is broken', 'her apt is clean']) assert.deepEqual(addresses(t), [], t);
  });
  it('takes a two-digit house number after "it\'s" before a street the name rules took', () => {
    assert.deepEqual(addresses("it's 52 Selkirk no buzzer"), ['52 Selkirk']);
  });
  it('takes a county road\'s number', () => {
    assert.deepEqual(addresses('the greenhouse on county rd 14 but no ride'), ['county rd 14']);
  });
});

describe('deidentify: a crossing of one street the name rules took and one they left (round 24: ruralAddresses.ts wordCrossings)', () => {
  it('hides both streets after a place said right before them', () => {
    assert.deepEqual(addresses('found him at the corner again queen n kennedy'), ['queen n kennedy']);
    assert.deepEqual(addresses('he got hurt at the site on milwaukee n addison'), ['milwaukee n addison']);
  });
  it('leaves two people, a place and a person in two cases, and pairs with no place said', () => {
    for (const t of ['we met at jess n tom', 'Sorina is Sori at church and Sorina at the bank', 'pass the salt and pepper', 'him n me went for coffee']) assert.deepEqual(addresses(t), [], t);
  });
});

describe('deidentify: a building named by its numbered street (round 26: looseAddresses.ts)', () => {
  it('hides a building named by its numbered street after "the" (round 26)', () => {
    assert.deepEqual(addresses('staying in the 43 st building'), ['43 st']);
    assert.deepEqual(addresses('she moved into the 79th ave apartments'), ['79th ave']);
  });
  it('leaves a numbered street with no building after it, and a count', () => {
    for (const t of ['the 43 st bus was late', 'the 3 st johns kids', 'the 5 rd trips were long']) assert.deepEqual(addresses(t), [], t);
  });
});
