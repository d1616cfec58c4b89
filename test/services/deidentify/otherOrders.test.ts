import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';

/** The ADDRESS spans of a text, as written. */
const addresses = (t: string): string[] =>
  deidentify(t)
    .entities.filter((e) => e.type === 'ADDRESS')
    .map((e) => t.slice(e.start, e.end));

describe('deidentify: addresses in another country\'s order (otherOrders.ts)', () => {
  it('hides a Colombian grid street with its crossing and door, in any case', () => {
    assert.deepEqual(addresses('vive en calle 8 #245 con su tia'), ['calle 8 #245']);
    assert.deepEqual(addresses('her mom lives in cra 7 no 45-12 sur now'), ['cra 7 no 45-12 sur']);
    assert.deepEqual(addresses('dropped her at Av 68 # 13-40'), ['Av 68 # 13-40']);
  });
  it('hides a named calle with its door', () => {
    assert.deepEqual(addresses('she moved to calle hidalgo #245 last week'), ['calle hidalgo #245']);
  });
  it('hides a Vietnamese street after its house number, up to the clause\'s English words', () => {
    assert.deepEqual(addresses('lives at 12 duong le loi with her kids'), ['12 duong le loi']);
    assert.deepEqual(addresses('bà ngoại sống ở 45/12 hẻm 3 ba tháng hai'), ['45/12 hẻm 3 ba tháng hai']);
  });
  it('leaves a dish, a measure and a doctor\'s number', () => {
    for (const t of ['she had 2 pho bowls at lunch', 'got 2 cl of milk no 3 kids', 'saw dr 5 no 2 today', 'the av 2 club meets no 4 times']) assert.deepEqual(addresses(t), [], t);
  });
});
