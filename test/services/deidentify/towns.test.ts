// Towns, countries, states and communities said as places (towns.ts, content/deid-towns.json, the keep-list groups
// scoped "place-slot"): each stays where a place is said and is still hidden where a person stands. Every example is
// made up for these tests (none is a note of a bench set).
import assert from 'node:assert/strict';
import { townAfterKind } from '../../../services/deidentify/towns';
import { hidden, stays } from '../../helpers/deidentify';

// Round 8.
describe('deidentify: towns, countries and states said as places (towns.ts, content/deid-towns.json, "place-slot")', () => {
  it('keeps a town, country or state where a place is said, in any case and of more than one word', () => {
    for (const [text, place] of [
      ['moved to edson last year, misses her cousins', 'edson'],
      ['he is from yakima originally, came for work', 'yakima'],
      ['lives in Fox Creek now with her dad', 'Fox Creek'],
      ['her family came from guyana in the 80s', 'guyana'],
      ['she moved back to georgia to be near her mom', 'georgia'],
      ['went to brooklyn for the weekend', 'brooklyn'],
      ['she is from Tonga, came with her uncle', 'Tonga'],
      ['her sister lives outside kutaisi', 'kutaisi'],
    ] as const) stays(text, place);
  });

  it('hides the same words where they are a person', () => {
    hidden('talked to regina about rent', 'regina', 'NAME');
    hidden('heard from dallas today, she is ok', 'dallas', 'NAME');
    hidden('a text from sandy this morning', 'sandy', 'NAME');
    hidden('met georgia at the dropin', 'georgia', 'NAME');
    hidden('texted jordan, no answer', 'jordan', 'NAME');
    hidden('brooklyn said she is ok', 'brooklyn', 'NAME');
    hidden('got a ride in Kevin\'s car', 'Kevin');
  });

  it('leaves a town where a jail or hospital may be meant by it to the other detectors', () => {
    // "is in X": the place a person is held is named by its town; the rules' call stands.
    hidden('her son is in kutaisi till spring', 'kutaisi');
  });
});

// Round 8.
describe('deidentify: communities and neighbourhoods said as places ("place-slot" groups)', () => {
  it('keeps a First Nation, Inuit community or neighbourhood where a place is said, and a person of the same name', () => {
    stays('she lives in scarborough now, closer to her daughter', 'scarborough');
    stays('moved back to maskwacis for the summer', 'maskwacis');
    stays('her family in Mill Woods helps with the kids', 'Mill Woods');
    hidden('enoch said he is coming on friday', 'enoch', 'NAME');
    hidden('met compton at the dropin', 'compton', 'NAME');
  });
});

// Round 9.
describe('deidentify: towns said as places, slots (towns.ts)', () => {
  it('keeps a town after a word of direction between the verb and "to"/"from"', () => {
    for (const [text, place] of [
      ['we are driving up to edson after lunch', 'edson'],
      ['her sister is flying in from lagos tonight', 'lagos'],
      ['he drove down from yakima for the funeral', 'yakima'],
      ['drivin to whitecourt tmrw for his appt', 'whitecourt'],
      ['omw to hinton, back by 6', 'hinton'],
    ] as const) stays(text, place);
  });

  it('keeps a town after a person said by where they are from', () => {
    for (const [text, place] of [
      ['a girl from whitecourt asked about the group', 'whitecourt'],
      ['his cousins from lagos are staying over', 'lagos'],
      ['Sione from Tonga came to the meeting', 'Tonga'],
    ] as const) stays(text, place);
  });

  it('keeps a town a given-name list holds only after a word of moving', () => {
    for (const [text, place] of [
      ['she moved to regina in the spring', 'regina'],
      ['his flight to Dallas got cancelled', 'Dallas'],
      ['he grew up in kingston, misses it', 'kingston'],
    ] as const) stays(text, place);
  });

  it('hides the same words where they are a person', () => {
    hidden('gave a ride to regina after group', 'regina', 'NAME');
    hidden('a text from dallas this morning', 'dallas', 'NAME');
    hidden('talked to kingston about his rent', 'kingston', 'NAME');
    hidden('she is hiding from jordan again', 'jordan', 'NAME');
    hidden('Sione from Kevin\'s crew came by', 'Sione', 'NAME');
  });

  it('leaves "home from" and "back from" a town to the other detectors (a hospital or a jail)', () => {
    hidden('he is home from whitecourt, weak but eating', 'whitecourt');
    hidden('she came back from kutaisi last week', 'kutaisi');
  });
});

describe('deidentify: a town after a kind of care and "in" (round 21, towns.ts townAfterKind)', () => {
  it('the town where a detox, a rehab or dialysis is stays', () => {
    stays('detox in portland has a 2 wk wait', 'portland');
    stays('the rehab in pharr, 30 days', 'pharr');
    stays('she missed her dialysis in Rupert.', 'Rupert');
    stays('asked abt detox in terrace', 'terrace');
  });
  it('a jail named by its town, a town after "back in", a named place after a kind: still hidden', () => {
    hidden('he is in remand in headingley', 'headingley', 'FACILITY');
    hidden('harmony back in headingley, got 60 days', 'headingley', 'FACILITY');
    hidden('went to detox in sunrise lodge', 'sunrise lodge', 'FACILITY');
  });  it('reads the kinds of care of placeKinds.ts (CARE_KINDS): a shelter or hostel, not a school or jail', () => {
    const kindBefore = (text: string) => townAfterKind(text, text.indexOf('portland'), text.length);
    assert.equal(kindBefore('the shelter in portland'), true);
    assert.equal(kindBefore('a Hostel in portland'), true);
    assert.equal(kindBefore('the school in portland'), false);
    assert.equal(kindBefore('the jail in portland'), false);
  });
});
