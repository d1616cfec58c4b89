import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';

/** The spans of a text of one type, as written. */
const spans = (t: string, type = 'ADDRESS'): string[] =>
  deidentify(t)
    .entities.filter((e) => e.type === type)
    .map((e) => t.slice(e.start, e.end));

describe('deidentify: street address edges (round 18)', () => {
  describe('a street led by its type stops where the sentence ends (address.ts)', () => {
    it('hides the street', () => {
      assert.deepEqual(spans('I visited Marc at his apartment on 34 rue Lafleur. He was tired.'), ['34 rue Lafleur']);
      assert.deepEqual(spans('she moved to 12 rue St. Denis last week'), ['12 rue St. Denis']);
      assert.deepEqual(spans('the form went to 8815 96 Avenue on Monday'), ['8815 96 Avenue']);
    });
    it('leaves the next sentence\'s words', () => {
      const t = 'I met Paul at his apartment on 34 rue Lafleur. He has not been eating well.';
      assert.match(deidentify(t).redacted, /\[ADDRESS\]\. He has not been eating well\.$/);
      // (messyAddresses still takes a period after the street: one character, not a word.)
      assert.match(deidentify('Keys to 4410 23 St NE. She is thrilled.').redacted, /^Keys to \[ADDRESS\]\.? She is thrilled\.$/);
      const u = 'Forms signed at 10516 95 Street. Her Alberta Health Care card is coming.';
      assert.match(deidentify(u).redacted, /\[ADDRESS\]\.? Her Alberta Health Care card is coming\.$/);
    });
  });

  describe('a corner of two streets stops at a time or a pronoun (address.ts)', () => {
    it('hides the corner', () => {
      assert.deepEqual(spans('we met at the corner of Main and Elm today'), ['the corner of Main and Elm']);
      assert.deepEqual(spans('she sleeps at the corner of dundas and bathurst tonight'), ['the corner of dundas and bathurst']);
    });
    it('leaves the words after it', () => {
      assert.match(deidentify('at the corner of Main and Elm yesterday she fell').redacted, /\] yesterday she fell$/);
      assert.match(deidentify('we met at the corner of Main and Elm today').redacted, /\] today$/);
    });
  });

  describe('a house number before a street the name rules took (streetEdges.ts)', () => {
    it('hides the number with the street', () => {
      assert.deepEqual(spans('rent at 4040 nicollet went up again'), ['4040 nicollet']);
      assert.deepEqual(spans('both in the same building 300 frederick now'), ['300 frederick']);
      assert.deepEqual(spans('new client from nepal on 3 glen everest, tmrw 10'), ['3 glen everest']);
    });
    it('leaves a box, a vehicle, a room, money and a year as they were', () => {
      assert.deepEqual(spans('his truck 819 kmp is in the shop'), []);
      assert.deepEqual(spans('paid 300 kevin for the couch'), []);
      assert.deepEqual(spans('auntie made 300 bolani for the party'), []);
      assert.deepEqual(spans('room 204 kevin is there'), []);
      assert.deepEqual(spans('in 2019 kabul was hard for them'), []);
      assert.deepEqual(spans('his po box 1187 kevin checks it'), ['po box 1187']);
      assert.deepEqual(spans('apt 306 kevin said hi'), []);
      assert.match(deidentify('paid 300 kevin for the couch').redacted, /^paid 300 \[NAME\] for the couch$/);
    });
  });
});
