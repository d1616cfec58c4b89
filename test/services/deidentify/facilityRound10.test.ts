import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { messyFacilities } from '../../../services/deidentify/messyPatterns';
import { candidates, tokenMarks } from '../../../services/deidentify/classifier/facilityModel';
import { tokenize } from '../../../services/deidentify/classifier/features';
import type { Entity } from '../../../services/deidentify/types';
import { facilities } from '../../../services/deidentify/facility';

/** The text as deidentify() leaves it. */
const shown = (text: string): string => deidentify(text).redacted;
/** The text of each FACILITY span a rule finds. */
const found = (rule: (t: string) => Array<{ start: number; end: number }>, text: string): string[] => rule(text).map((e) => text.slice(e.start, e.end));
/** The candidate spans the facility model is asked about, given what the rules found. */
function spans(text: string, found: Entity[] = []): string[] {
  const toks = tokenize(text);
  return candidates(text, toks, tokenMarks(toks, found)).map((c) => text.slice(c.start, c.end));
}
/** A span of `type` over the first `part` of `text`. */
const at = (text: string, part: string, type: Entity['type'] = 'FACILITY'): Entity => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length, type });

describe('deidentify: facilities, round 10', () => {
  describe('rules', () => {
    it("a saint's name takes the kind of place after it", () => {
      assert.deepEqual(found(messyFacilities, "The support group at St. Cecilia's Parish meets Saturday"), ["St. Cecilia's Parish"]);
      assert.deepEqual(found(messyFacilities, 'went to st marys church on sunday'), ['st marys church']);
      // "hall" and "clinic" stay outside: writers mark the place, not its room ("[st pats] hall").
      assert.deepEqual(found(messyFacilities, 'bingo at st pats hall tonight'), ['st pats']);
    });

    it('"our lady of …" after a place cue or before its kind', () => {
      assert.deepEqual(found(messyFacilities, 'cecilia from our lady of peace called'), ['our lady of peace']);
      assert.deepEqual(found(messyFacilities, 'Party at Our Lady of the Rosary hall.'), ['Our Lady of the Rosary']);
      assert.deepEqual(found(messyFacilities, 'the kids go to our lady of lourdes school'), ['our lady of lourdes school']);
      // A prayer names no place.
      assert.deepEqual(found(messyFacilities, 'she prays to our lady of guadalupe every night'), []);
      assert.deepEqual(found(messyFacilities, 'she has a statue of our lady of fatima'), []);
    });

    it('a correctional or police place by its short head ("pembina corr", "virden detachment")', () => {
      assert.equal(shown('hes in pembina corr till monday'), 'hes in [FACILITY] till monday');
      assert.equal(shown('he was at the rcmp station in virden detachment'), 'he was at the rcmp station in [FACILITY]');
      // Generic ones stay.
      assert.equal(shown('hes at the rcmp detachment now'), 'hes at the rcmp detachment now');
      assert.equal(shown('he shows emotional detachment lately'), 'he shows emotional detachment lately');
    });

    it('a capitalised name before Correctional, Penitentiary, Parish; not before Treatment', () => {
      assert.deepEqual(found(facilities, 'He did two years in Stony Mountain Penitentiary.'), ['Stony Mountain Penitentiary']);
      // Kinds of treatment are no names, and "Treatment" ends no name (programs more than places).
      for (const text of ['Checked on Clifford in Souris Valley Treatment, he sounds good', 'She is in Residential Treatment now', 'He does Day Treatment on Mondays', 'Went to Addiction Recovery group', 'Booked Outpatient Treatment for her']) {
        assert.deepEqual(found(facilities, text), [], text);
      }
    });

    it('generic places and chains stay', () => {
      for (const text of ['slept at the shelter then went to detox', 'took her to the er last night', 'picked up a hamper at the food bank', 'got coffee at Tims then Walmart', 'met at tims after church', 'dropped him at the mission and then detox']) {
        assert.equal(shown(text), text, text);
      }
    });
  });

  describe('facility model candidates', () => {
    it('a place of a list after a place the rules did not find', () => {
      assert.ok(spans('went to lakeview, sunrise and the mission').includes('sunrise'));
      assert.ok(spans('dropped her at marigold n harbourview').includes('harbourview'));
      // A list after no place preposition is none.
      assert.ok(!spans('bought milk, bread and eggs').includes('eggs'));
    });

    it('a name through "for" and "our lady" in lower case', () => {
      assert.ok(spans('referred to the jean tweed centre for women').includes('jean tweed centre for women'));
      assert.ok(spans('she called from our lady of peace today').includes('our lady of peace'));
      // A span never ends on "for", and "our" alone is none.
      assert.ok(!spans('went to sunrise for lunch').includes('sunrise for'));
      assert.ok(!spans('went to our place').includes('our'));
    });

    it('a span may run into a facility the rules found, or on from one; never over it alone', () => {
      const text = 'she is at northern navajo medical center in shiprock';
      const got = spans(text, [at(text, 'navajo medical center')]);
      assert.ok(got.includes('northern navajo medical center'));
      assert.ok(!got.includes('navajo medical center'));
      const unit = 'admitted to hilltop detox unit on friday';
      assert.ok(spans(unit, [at(unit, 'hilltop detox')]).includes('hilltop detox unit'));
    });

    it("a sentence's subject before what a place does or has", () => {
      assert.ok(spans('called around. the pembina said no beds').includes('pembina'));
      assert.ok(spans('she is fine. harbour light staff were nice').includes('harbour light'));
      // Not before other words, and not a name the rules found.
      assert.ok(!spans('harbour light was nice').includes('harbour light'));
      const text = 'maria has a cold';
      assert.deepEqual(spans(text, [at(text, 'maria', 'NAME')]), []);
    });
  });
});
