import assert from 'node:assert/strict';
import { nameNeighbours } from '../../../services/deidentify/nameNeighbours';
import { mergeSpans } from '../../../services/deidentify/spans';
import { type Entity, entity } from '../../../services/deidentify/types';

/** The keys of each span, in order: one shape is start, end, type and nothing else. */
const keysOf = (spans: readonly Entity[]): string[] => [...new Set(spans.map((e) => Object.keys(e).join(',')))];

// Round 16.
describe('deidentify: one object shape for every entity (types.ts entity())', () => {
  it('makes start, end and type in that order, nothing more', () => {
    const e = entity(4, 9, 'NAME');
    assert.deepEqual(Object.keys(e), ['start', 'end', 'type']);
    assert.deepEqual(e, { start: 4, end: 9, type: 'NAME' });
  });
  it('copies a span where a stage widens it, leaving the caller\'s span as it was', () => {
    const text = 'met g. macapagal at noon';
    const found = [entity(7, 16, 'NAME')];
    const out = nameNeighbours(text, found);
    assert.deepEqual(out.map((e) => text.slice(e.start, e.end)), ['g. macapagal']);
    assert.deepEqual(found, [{ start: 7, end: 16, type: 'NAME' }]);
    assert.deepEqual(keysOf(out), ['start,end,type']);
  });
  it('merges touching spans into new objects of the same shape, the input unchanged', () => {
    const spans = [entity(0, 4, 'ADDRESS'), entity(4, 9, 'POSTAL_CODE'), entity(20, 25, 'NAME')];
    const merged = mergeSpans(spans);
    assert.deepEqual(merged, [{ start: 0, end: 9, type: 'ADDRESS' }, { start: 20, end: 25, type: 'NAME' }]);
    assert.deepEqual(spans[0], { start: 0, end: 4, type: 'ADDRESS' });
    assert.deepEqual(keysOf(merged), ['start,end,type']);
  });
});
