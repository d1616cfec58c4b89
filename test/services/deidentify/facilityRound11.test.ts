import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { messyAddresses, messyFacilities, namedStreets } from '../../../services/deidentify/messyPatterns';

/** The text as deidentify() leaves it. */
const shown = (text: string): string => deidentify(text).redacted;
/** The text of each span a rule finds. */
const found = (rule: (t: string) => Array<{ start: number; end: number }>, text: string): string[] => rule(text).map((e) => text.slice(e.start, e.end));

describe('deidentify: facilities and street addresses, round 11', () => {
  describe('a place named with an ordinal keeps its number', () => {
    it('hides the digits with the ordinal', () => {
      assert.deepEqual(found(messyFacilities, 'yuki + ren at the 24th st shelter tonight'), ['24th st shelter']);
      assert.equal(shown('9th west clinic closed today fyi'), '[FACILITY] closed today fyi');
    });
    it('an ordinal street and a kind of place stay as they were', () => {
      assert.equal(shown('she lives on 9th st near the shelter'), 'she lives on [ADDRESS] near the shelter');
      assert.deepEqual(found(messyFacilities, 'slept at the shelter on the 3rd night'), []);
    });
  });

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
