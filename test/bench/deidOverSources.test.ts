// Round 21 (places): the kind bench/deidOverSources.ts --places gives an over-redacted word.
import assert from 'node:assert/strict';
import { placeKind } from '../../bench/deidOverSources';

describe('bench/deidOverSources placeKind', () => {
  const text = 'moved to kamloops by the shelter on 95 st';
  const at = (w: string): [number, number] => [text.indexOf(w), text.indexOf(w) + w.length];
  it('a town of the list in a span holding no identifier', () => {
    const [s, e] = at('kamloops');
    assert.equal(placeKind(text, s, e, { start: s, end: e, type: 'NAME' }, false, 'names'), 'nothing NAME town names');
  });
  it('a little word or another word at the long edge of a span holding an identifier', () => {
    const span = { start: text.indexOf('shelter'), end: text.length, type: 'FACILITY' };
    assert.equal(placeKind(text, ...at('on'), span, true, 'messyFacilities'), 'edge FACILITY little messyFacilities');
    assert.equal(placeKind(text, ...at('shelter'), span, true, ''), 'edge FACILITY word joined');
  });
});
