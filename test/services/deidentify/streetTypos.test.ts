import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { SPELT_STREET, STREET } from '../../../services/deidentify/messyPatterns';
import { misspeltStreetType, typedStreets } from '../../../services/deidentify/streetTypos';

/** The ADDRESS spans of a text, as written. */
const addresses = (t: string): string[] =>
  deidentify(t)
    .entities.filter((e) => e.type === 'ADDRESS')
    .map((e) => t.slice(e.start, e.end));

describe('deidentify: a street type typed wrong (streetTypos.ts)', () => {
  it('reads a word no dictionary holds one edit from a street type as the type', () => {
    assert.equal(misspeltStreetType('stret'), 'street');
    assert.equal(misspeltStreetType('raod'), 'road');
    assert.equal(misspeltStreetType('aveune'), 'avenue');
    assert.equal(misspeltStreetType('cresent'), 'crescent');
    assert.equal(misspeltStreetType('bvld'), 'blvd');
    // A word, a name or the type spelt right is no misspelt type.
    for (const w of ['street', 'read', 'drove', 'lake', 'plate', 'trial', 'lance', 'rd', 'st']) assert.equal(misspeltStreetType(w), undefined, w);
  });
  it('hides a house number, the street name and the misspelt type', () => {
    assert.deepEqual(addresses('she moved to 1210 tamarack stret last week'), ['1210 tamarack stret']);
    assert.deepEqual(addresses('lives at 88 kinsmen raod with his mom'), ['88 kinsmen raod']);
    assert.deepEqual(addresses('lives at 88 kinsmen drvie nw, side door'), ['88 kinsmen drvie nw']);
    assert.deepEqual(addresses('dropped her at 44 wolseley aveune'), ['44 wolseley aveune']);
    assert.deepEqual(addresses('at 22 birchwood cresent now'), ['22 birchwood cresent']);
  });
  it('takes a misspelt type after a street found without it', () => {
    assert.deepEqual(addresses('found him sleeping on kinsmen raod'), ['kinsmen raod']);
  });
  it('leaves a street with a type spelt right among its name words to the other detectors; those types are STREET\'s', () => {
    const all = new Set(STREET.split('|'));
    for (const t of SPELT_STREET.split('|')) assert.ok(all.has(t), t);
    assert.deepEqual(typedStreets('paid 12 main st raod trip money'), []);
    assert.deepEqual(addresses('paid 12 main st raod trip money'), ['12 main st']);
  });
  it('leaves numbers before words and misspellings of words', () => {
    for (const t of ['at 3 we went drvie after lunch', 'paid 20 bucks for the raod trip', 'she has 3 kids and a dog', 'took 2 tylenol at 4 pm', 'picked up 12 boxes from teh plcae']) assert.deepEqual(addresses(t), [], t);
  });
});
