import assert from 'node:assert/strict';
import type { Entity } from '../../services/deidentify';
import { tokenize } from '../../services/deidentify/classifier/features';
import { hiddenTypes } from '../../services/deidentify/nameHalves';
import { halfSlots } from '../../bench/deidHalves';
import { openerSlots } from '../../bench/deidOpeners';

const NAME = (start: number, end: number): Entity => ({ start, end, type: 'NAME' });
const picks = (text: string, spans: Entity[], slotter = openerSlots): string[] => {
  const toks = tokenize(text);
  return slotter(text, toks, hiddenTypes(toks, spans), []).map((p) => toks[p.i]!.raw);
};

// Round 16.
describe('bench/deidOpeners.ts: the slot of a visible word opening a sentence or a note', () => {
  it('takes the first visible word of the note, of a line and after . ! ?, not one inside a sentence', () => {
    assert.deepEqual(picks('precious came by. she was ok\nhope called, then joy left! Dawn too', []), ['precious', 'she', 'hope', 'Dawn']);
  });

  it('leaves a hidden word, a number and a word beside a hidden name (the half names\' slot) to others', () => {
    const text = 'Tina klassen came. 12 beds. Sam left';
    const spans = [NAME(0, 4), NAME(28, 31)];
    assert.deepEqual(picks(text, spans), []);
    assert.deepEqual(picks(text, spans, halfSlots), ['klassen', 'left']);
    // Past the hidden name, a sentence's first word is the slot's again.
    assert.deepEqual(picks('Sam. jolene came', [NAME(0, 3)]), ['jolene']);
  });
});
