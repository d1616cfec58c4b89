// Round 21 (places): the kind bench/deidOverSources.ts --places gives an over-redacted word.
import assert from 'node:assert/strict';
import { placeKind, spanSlot } from '../../bench/deidOverSources';

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

// Round 22 (over-redaction): the slot bench/deidOverSources.ts --cells gives a NAME span, by the word before it.
describe('bench/deidOverSources spanSlot', () => {
  const slot = (text: string, w: string): string => spanSlot(text, text.indexOf(w));
  it('a sentence start, a determiner and a possessive', () => {
    assert.equal(slot('rain came by. kemem after', 'kemem'), 'start');
    assert.equal(slot('said the kemem was big', 'kemem'), 'det');
    assert.equal(slot('her car got towed', 'car'), 'poss');
    // "my", "their" are determiners (messy.ts DETERMINERS), read first.
    assert.equal(slot('my car got towed', 'car'), 'det');
    assert.equal(slot('a car got towed', 'car'), 'det');
  });
  it('a place preposition, another preposition, a person cue, "and", another word', () => {
    assert.equal(slot('moved to kamloops', 'kamloops'), 'place-prep');
    assert.equal(slot('went with dawn', 'dawn'), 'prep');
    assert.equal(slot('texted dawn', 'dawn'), 'cue');
    assert.equal(slot('joy n dawn came', 'dawn'), 'and');
    assert.equal(slot('pipe burst kemem', 'kemem'), 'word');
  });
});
