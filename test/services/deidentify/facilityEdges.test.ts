import assert from 'node:assert/strict';
import { deidentify, type Entity } from '../../../services/deidentify';
import { withFacilityEdges } from '../../../services/deidentify/facilityEdges';

/** withFacilityEdges() over `text` when the rules found each of `spans` ("NAME:word", "FACILITY:words"). */
function edges(text: string, ...spans: string[]): string[] {
  const found: Entity[] = spans.map((s) => {
    const [type, words] = s.split(':') as ['NAME' | 'FACILITY', string];
    return { start: text.indexOf(words), end: text.indexOf(words) + words.length, type };
  });
  return withFacilityEdges(text, found).map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
}

// Round 21.
describe('deidentify: the words beside a found name or facility that make it a facility (facilityEdges.ts)', () => {
  it("takes a saint's title before a name, and the name's possessive", () => {
    assert.deepEqual(edges('bishop at st nektarios blessed the food', 'NAME:nektarios'), ['FACILITY:st nektarios']);
    assert.deepEqual(edges("St Columba's ER kept her 11 hours", 'NAME:Columba'), ["FACILITY:St Columba's"]);
    assert.deepEqual(edges('st ansgars psych holding him 72 hrs', 'NAME:ansgars'), ['FACILITY:st ansgars']);
    assert.deepEqual(edges('she goes to na at st. kateri church every tues', 'FACILITY:kateri church'), ['FACILITY:st. kateri church']);
    assert.deepEqual(edges('holy eucharist parking is a mess', 'NAME:eucharist'), ['FACILITY:holy eucharist']);
  });
  it("leaves a street's type, a town and a name after another word as they are", () => {
    assert.deepEqual(edges('lives on main st kevin came by', 'NAME:kevin'), ['NAME:kevin']);
    assert.deepEqual(edges('moved to st albert last yr', 'NAME:albert'), ['NAME:albert']);
    assert.deepEqual(edges('with her sister san juanita', 'NAME:juanita'), ['NAME:juanita']);
    // A span beside it holds the title already: nothing taken twice.
    assert.deepEqual(edges('at St Mary today', 'NAME:St', 'NAME:Mary'), ['NAME:St', 'NAME:Mary']);
  });
  it("takes a faith's, a number's or a land's word before a facility found, after a place word", () => {
    assert.deepEqual(edges('admitted to lutheran general on dec 1', 'FACILITY:general'), ['FACILITY:lutheran general']);
    assert.deepEqual(edges('drove him to three forks detox', 'FACILITY:forks detox'), ['FACILITY:three forks detox']);
    // Not a land's word, not after a word that is no place word, nor before a name.
    assert.deepEqual(edges('flown to cape breton regional', 'FACILITY:breton regional'), ['FACILITY:breton regional']);
    assert.deepEqual(edges('he has three sunrise lodge forms', 'FACILITY:sunrise lodge'), ['FACILITY:sunrise lodge']);
    assert.deepEqual(edges('admitted to lutheran kevin', 'NAME:kevin'), ['NAME:kevin']);
  });
  it('takes a house of worship written before its name (placeKinds.ts WORSHIP_FIRST)', () => {
    assert.deepEqual(edges('dropped her at masjid noor for iftar', 'NAME:noor'), ['FACILITY:masjid noor']);
    assert.deepEqual(edges('we went to Gurdwara Dashmesh on sunday', 'NAME:Dashmesh'), ['FACILITY:Gurdwara Dashmesh']);
  });
  it('takes a kind of place written first in another language', () => {
    assert.deepEqual(edges('she went to urgences du sacré-coeur last nite', 'FACILITY:sacré-coeur'), ['FACILITY:urgences du sacré-coeur']);
    assert.deepEqual(edges('goes to clinica guadalupe for her shots', 'NAME:guadalupe'), ['FACILITY:clinica guadalupe']);
    assert.deepEqual(edges('we went to gurdwara dashmesh on sunday', 'NAME:dashmesh'), ['FACILITY:gurdwara dashmesh']);
    assert.deepEqual(edges('posada san martin has like 12 beds', 'NAME:martin'), ['FACILITY:posada san martin']);
    assert.deepEqual(edges('asked about the centre le tournant waitlist', 'NAME:tournant'), ['FACILITY:centre le tournant']);
    assert.deepEqual(edges('seen at Hospital General del Desierto in Nogales', 'NAME:General del Desierto'), ['FACILITY:Hospital General del Desierto']);
    // "centre" in English before a person, and "hospital" in lower case, stay outside.
    assert.deepEqual(edges('the centre kevin runs is ok', 'NAME:kevin'), ['NAME:kevin']);
    assert.deepEqual(edges('at the hospital kevin said', 'NAME:kevin'), ['NAME:kevin']);
  });
  it('takes kinds after a name that placeKinds.ts leaves: a land before a kind, a nest, regional, a court', () => {
    assert.deepEqual(edges('the nurse at sandy lake nursing station said', 'NAME:sandy'), ['FACILITY:sandy lake nursing station']);
    assert.deepEqual(edges("mikey is at eagle's nest again", 'NAME:eagle'), ["FACILITY:eagle's nest"]);
    assert.deepEqual(edges('taken to ponoka regional by ambulance', 'NAME:ponoka'), ['FACILITY:ponoka regional']);
    assert.deepEqual(edges('need a ride to bklyn family court 9am', 'NAME:bklyn'), ['FACILITY:bklyn family court']);
    assert.deepEqual(edges('told him the number for river east detox', 'FACILITY:river east'), ['FACILITY:river east detox']);
    assert.deepEqual(edges("met kim at jamie's crossing lol", 'NAME:kim', 'NAME:jamie'), ['NAME:kim', "FACILITY:jamie's crossing"]);
    // A court date, a crossing, a possessive crossing a river and a courthouse after a name stay outside.
    assert.deepEqual(edges('kevin court at 9am tmrw', 'NAME:kevin'), ['NAME:kevin']);
    assert.deepEqual(edges('from pelly crossing last wk', 'NAME:pelly'), ['NAME:pelly']);
    assert.deepEqual(edges("aidan's crossing the river to work", 'NAME:aidan'), ['NAME:aidan']);
    assert.deepEqual(edges('drove her to the edson courthouse', 'NAME:edson'), ['NAME:edson']);
  });
  it('takes "house" after a name that is a word people say, never after a person or a possessive', () => {
    assert.deepEqual(edges('called pine house 3 times b4 noon', 'NAME:pine'), ['FACILITY:pine house']);
    assert.deepEqual(edges('fern house called, she got a bed', 'NAME:fern'), ['FACILITY:fern house']);
    assert.deepEqual(edges('can anyone cover 4pm pereira house', 'NAME:pereira'), ['NAME:pereira']);
    assert.deepEqual(edges('big sunday at aunty faas house', 'NAME:faas'), ['NAME:faas']);
    assert.deepEqual(edges('they will house him til fri', 'NAME:will'), ['NAME:will']);
  });
  it('hides the whole facility end to end', () => {
    assert.equal(deidentify('bishop at st nektarios blessed the food at the drop in').redacted, 'bishop at [FACILITY] blessed the food at the drop in');
    assert.equal(deidentify('[pine house] wont take him w the warrant'.replace(/[[\]]/g, '')).redacted, '[FACILITY] wont take him w the warrant');
  });
});
