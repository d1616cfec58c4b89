import assert from 'node:assert/strict';
import { curve, giveWords, type GiveWord } from '../../bench/deidGiveBack';
import type { Note } from '../../bench/deidLowo';

/** Round 16 (giving back): the slot is a word hidden as a NAME with no person cue before it; the curve counts words given back per identifier shown. */
describe('bench/deidGiveBack', () => {
  const note = (text: string, person: string): Note => {
    const start = text.indexOf(person);
    return { id: 'n', text, writer: 'w', source: 'w.txt', spans: [{ start, end: start + person.length, type: 'PERSON', hipaa: 'name' } as Note['spans'][number]] };
  };

  it('takes a word hidden after no person cue, labelled by the identifiers it overlaps, and leaves the cued name out', () => {
    const ws = giveWords([note('met hope at the dropin, whole town came', 'hope'), note('kulwinder from vch came by', 'kulwinder')]);
    const text = (w: GiveWord) => w.note.text.slice(w.start, w.start + w.chars);
    // "hope" after "met" is a cued name: not this slot.
    assert.ok(!ws.some((w) => text(w) === 'hope'));
    const town = ws.find((w) => text(w) === 'town');
    assert.ok(town, 'the ordinary word hidden by default is in the slot');
    assert.equal(town.identifier, false);
    assert.equal(town.stage, 'messyNames');
    const kulwinder = ws.find((w) => text(w) === 'kulwinder');
    assert.ok(kulwinder);
    assert.equal(kulwinder.identifier, true);
    assert.ok(kulwinder.features.length > 10);
  });

  it('counts ordinary words given back, lowest score first, until more identifiers than the budget show', () => {
    const w = (identifier: boolean): GiveWord => ({ note: {} as Note, start: 0, stage: 's', chars: 4, features: [], identifier });
    const ws = [w(false), w(false), w(true), w(false), w(true), w(false)];
    const c = curve(ws, Float64Array.from([-3, -2, -1.5, -1, 0, 1]), [0, 1, 2]);
    assert.deepEqual(c.map((x) => [x.exposed, x.back, x.chars]), [[0, 2, 8], [1, 3, 12], [2, 4, 16]]);
    assert.equal(c[0]!.line, -2);
  });
});
