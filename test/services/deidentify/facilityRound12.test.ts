import assert from 'node:assert/strict';
import { deidentify, type Entity } from '../../../services/deidentify';
import { useFacilityModel, withFacilities } from '../../../services/deidentify/classifier/facilityModel';

/** The spans withFacilities() gives for `text` when the rules found the facility `name` in it (the model off). */
function after(text: string, name: string, others: Entity[] = []): string[] {
  const start = text.indexOf(name);
  useFacilityModel(null);
  try {
    return withFacilities(text, [{ start, end: start + name.length, type: 'FACILITY' as const }, ...others].sort((a, b) => a.start - b.start)).map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
  } finally {
    useFacilityModel(undefined);
  }
}

describe('deidentify: facilities, round 12', () => {
  describe('the kind of place right after a facility the rules found is part of its name', () => {
    it('takes the head or short form in ("ltc", "Hospital", "Foundation", "Centers", "treatment centre")', () => {
      assert.deepEqual(after('she is a supervisor at larkmoor ltc now', 'larkmoor'), ['FACILITY:larkmoor ltc']);
      assert.deepEqual(after('moved from the Wexley General Hospital to rehab', 'Wexley General'), ['FACILITY:Wexley General Hospital']);
      assert.deepEqual(after('waitlisted for Pinecroft Health Foundation in spring', 'Pinecroft Health'), ['FACILITY:Pinecroft Health Foundation']);
      assert.deepEqual(after('referred to Oakvale Family Health Centers for meds', 'Oakvale Family Health'), ['FACILITY:Oakvale Family Health Centers']);
      assert.deepEqual(after('he is at birchgate treatment centre till june', 'birchgate'), ['FACILITY:birchgate treatment centre']);
    });
    it('leaves a ward or department, a nursing home and a word another span holds outside', () => {
      assert.deepEqual(after('waited 6 hrs at holloway er last nite', 'holloway'), ['FACILITY:holloway']);
      assert.deepEqual(after('she was in the holloway emerg again', 'holloway'), ['FACILITY:holloway']);
      assert.deepEqual(after('he is at wren house detox since fri', 'wren house'), ['FACILITY:wren house']);
      assert.deepEqual(after('mom moved into larkmoor manor nursing home', 'larkmoor manor'), ['FACILITY:larkmoor manor']);
      assert.deepEqual(after('at larkmoor, clinic was closed', 'larkmoor'), ['FACILITY:larkmoor']);
      assert.deepEqual(after('at larkmoor hospitality suite', 'larkmoor'), ['FACILITY:larkmoor']);
      const text = 'at larkmoor Clinic Smith said no';
      assert.deepEqual(after(text, 'larkmoor', [{ start: text.indexOf('Clinic'), end: text.indexOf('Clinic') + 6, type: 'NAME' }]), ['FACILITY:larkmoor', 'NAME:Clinic']);
    });
    it('generic places and chains stay', () => {
      for (const text of ['slept at the shelter, then detox in the am', 'took him to the er, then the food bank', 'got diapers at walmart and a coffee at tims', 'the hospital called about her meds', 'went to the clinic for her shot']) {
        assert.equal(deidentify(text).redacted, text);
      }
    });
  });
});
