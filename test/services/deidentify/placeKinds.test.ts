import assert from 'node:assert/strict';
import { deidentify, type Entity } from '../../../services/deidentify';
import { useFacilityModel, withFacilities } from '../../../services/deidentify/classifier/facilityModel';

/** The spans withFacilities() gives for `text` when the rules found the facility `name` in it (the model off). */
function withKind(text: string, name: string): string[] {
  const start = text.indexOf(name);
  useFacilityModel(null);
  try {
    return withFacilities(text, [{ start, end: start + name.length, type: 'FACILITY' as Entity['type'] }]).map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
  } finally {
    useFacilityModel(undefined);
  }
}

// Round 14.
describe('deidentify: one list of kinds of place after a facility found (placeKinds.ts)', () => {
  it('takes a school, a cemetery or a residence in, as after a name the name rules took', () => {
    assert.deepEqual(withKind('her kids go to halden riverside community school now', 'halden riverside'), ['FACILITY:halden riverside community school']);
    assert.deepEqual(withKind('the burial at the orley mills cemetery sat 11', 'orley mills'), ['FACILITY:orley mills cemetery']);
    assert.deepEqual(withKind('she is a supervisor at larkmoor ltc now', 'larkmoor'), ['FACILITY:larkmoor ltc']);
  });
  it('leaves a ward, a service and a home after the place outside, as the writers do', () => {
    assert.deepEqual(withKind('mrs joy at ozell manor nursing home, fell again', 'ozell manor'), ['FACILITY:ozell manor']);
    assert.deepEqual(withKind('mr rao moved to tivan manor long-term care', 'tivan manor'), ['FACILITY:tivan manor']);
    assert.deepEqual(withKind('the grace er was packed', 'grace'), ['FACILITY:grace']);
  });
});

// Round 20.
describe('deidentify: a detox or a unit after a facility found (placeKinds.ts SERVICE_KIND)', () => {
  it('takes a detox or a unit in', () => {
    assert.deepEqual(withKind('he is at wren house detox since fri', 'wren house'), ['FACILITY:wren house detox']);
    assert.deepEqual(withKind('admitted to Birchwood Mental Health Unit on sat', 'Birchwood Mental Health'), ['FACILITY:Birchwood Mental Health Unit']);
    assert.deepEqual(withKind('at larkmoor crisis unit since sat', 'larkmoor'), ['FACILITY:larkmoor crisis unit']);
  });
  it('leaves a unit number, an er and a ward outside, and a service with no facility before it', () => {
    assert.deepEqual(withKind('she rents at harbour light unit 5 now', 'harbour light'), ['FACILITY:harbour light']);
    assert.deepEqual(withKind('the tivan er was packed', 'tivan'), ['FACILITY:tivan']);
    assert.deepEqual(withKind('mr rao is at ozell ward 3', 'ozell'), ['FACILITY:ozell']);
    for (const text of ['the er was packed', 'the youth hub on 3rd is open late', 'he lives in unit 5', 'the detox unit had no beds']) assert.equal(deidentify(text).redacted, text);
  });
});
