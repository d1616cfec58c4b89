import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';

describe('deidentify: facilities, round 13', () => {
  it('a university by its city or province, and with its school', () => {
    assert.equal(deidentify('walked him to the u of winnipeg admissions desk').redacted, 'walked him to the [FACILITY] admissions desk');
    assert.equal(deidentify('needs a ride to the u of m dental school, its cheaper').redacted, 'needs a ride to the [FACILITY], its cheaper');
    assert.equal(deidentify('she goes to u of manitoba now').redacted, 'she goes to [FACILITY] now');
  });
  it('"u of" before a word that is no place stays', () => {
    for (const t of ['the u of course is open', 'told u of the plan', 'gave u of all people the keys']) assert.equal(deidentify(t).redacted, t);
  });
});
