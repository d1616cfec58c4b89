import assert from 'node:assert/strict';
import { deidentify, type Entity } from '../../../services/deidentify';
import { withCapitalRuns, withPlaceHeads } from '../../../services/deidentify/facilityParts';

/** withPlaceHeads() over `text` when the name rules found each of `names` as a NAME. */
function heads(text: string, ...names: string[]): string[] {
  const found: Entity[] = names.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length, type: 'NAME' as const }));
  return withPlaceHeads(text, found).map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
}

/** withCapitalRuns() over `text` when the name rules found each of `names` as a NAME. */
function runs(text: string, ...names: string[]): string[] {
  const found: Entity[] = names.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length, type: 'NAME' as const }));
  return withCapitalRuns(text, found).map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
}

// Round 26 (made-up notes).
describe('deidentify: a place whose first word the name rules left visible before a name (facilityParts.ts)', () => {
  it('makes one facility of a capitalised word and a capitalised name after a place preposition', () => {
    assert.deepEqual(heads('Client was taken to Shock Kelmora after an assault', 'Kelmora'), ['FACILITY:Shock Kelmora']);
    assert.deepEqual(heads('brought him to Souls Varnholt for supper', 'Varnholt'), ['FACILITY:Souls Varnholt']);
    assert.deepEqual(heads('a bed at the Hope Brisworth tonight', 'Brisworth'), ['FACILITY:Hope Brisworth']);
    assert.deepEqual(heads('dropped her at Cape Tarnvale Kelmora', 'Tarnvale Kelmora'), ['FACILITY:Cape Tarnvale Kelmora']);
  });
  it('leaves a lower-case word, a verb, a kin word, a role, a title or a generic place before a name', () => {
    assert.deepEqual(heads('omw to souls varnholt w her for supper', 'varnholt'), ['NAME:varnholt']);
    assert.deepEqual(heads('went to see jolene at noon', 'jolene'), ['NAME:jolene']);
    assert.deepEqual(heads('I have to Ask Fernanda', 'Fernanda'), ['NAME:Fernanda']);
    assert.deepEqual(heads('drove to Visit Skye there', 'Skye'), ['NAME:Skye']);
    assert.deepEqual(heads('talked to Auntie Jolene', 'Jolene'), ['NAME:Jolene']);
    assert.deepEqual(heads('gave it to Worker Jolene', 'Jolene'), ['NAME:Jolene']);
    assert.deepEqual(heads('a ride to Dr Oksana', 'Oksana'), ['NAME:Oksana']);
    assert.deepEqual(heads('back at Home Jolene was crying', 'Jolene'), ['NAME:Jolene']);
    assert.deepEqual(heads('went to The Mall with Oksana', 'Oksana'), ['NAME:Oksana']);
  });
});

describe('deidentify: a capitalised place the name rules hid in part (facilityParts.ts withCapitalRuns)', () => {
  it('makes one facility of a capitalised run that holds a name and ends on a kind of place or its "of …"', () => {
    assert.deepEqual(runs('Took Ruby Hall to the park', 'Ruby Hall'), ['NAME:Ruby Hall']);
    assert.deepEqual(runs('to visit her daughter, Nathalie. Services will pause', 'Nathalie'), ['NAME:Nathalie']);
    assert.deepEqual(runs('She asked whether Kelmora Apostolic Church of Varno could help.', 'Kelmora', 'Varno'), ['FACILITY:Kelmora Apostolic Church of Varno']);
    assert.deepEqual(runs('connected with Tibetan Varno Hall of Queens for a group', 'Varno'), ['FACILITY:Tibetan Varno Hall of Queens']);
    assert.deepEqual(runs('Kelmora Light Temple runs a free morning.', 'Kelmora'), ['FACILITY:Kelmora Light Temple']);
  });
  it('leaves a run broken by a function word, a run with no kind, and a name with no capitalised run', () => {
    assert.deepEqual(runs('Went With Jolene To The Church', 'Jolene'), ['NAME:Jolene']);
    assert.deepEqual(runs('Picked Up Jolene Smith today', 'Jolene Smith'), ['NAME:Jolene Smith']);
    assert.deepEqual(runs('met Jolene Smith at church', 'Jolene Smith'), ['NAME:Jolene Smith']);
  });
});

describe('deidentify: a place hidden in part, in the whole pipeline (round 26)', () => {
  it('hides the capitalised run whole and leaves the words around it', () => {
    assert.equal(deidentify('She asked whether Kelmora Apostolic Church of Varno could write a letter.').redacted, 'She asked whether [FACILITY] could write a letter.');
    assert.equal(deidentify('her psych appt is tuesday').redacted, 'her psych appt is tuesday');
    assert.equal(deidentify('the willow tree by the river').redacted, 'the willow tree by the river');
  });
});
