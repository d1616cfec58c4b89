import assert from 'node:assert/strict';
import { carriedLine, curve, gatedOut, giveWords, type GiveWord } from '../../bench/deidGiveBack';
import { tokenize } from '../../services/deidentify/classifier/features';
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

  it('gates out by rule a word no default rule hid, a word a name list holds and a word a person verb follows', () => {
    const toks = tokenize('told suerte and maria at grunthal, xumahay said hi');
    const at = (w: string) => toks.findIndex((t) => t.lower === w);
    assert.equal(gatedOut(toks, at('suerte'), 'messyNames'), '');
    assert.equal(gatedOut(toks, at('grunthal'), 'names'), '');
    assert.equal(gatedOut(toks, at('suerte'), 'facilities'), 'stage');
    assert.equal(gatedOut(toks, at('suerte'), 'nameModel'), 'stage');
    assert.equal(gatedOut(toks, at('maria'), 'messyNames'), 'nameList');
    assert.equal(gatedOut(toks, at('xumahay'), 'messyNames'), 'personVerb');
  });

  it('chooses the line that shows no identifier in any group unless the bar of words came back there for each', () => {
    const w = (identifier: boolean): GiveWord => ({ note: {} as Note, start: 0, stage: 's', chars: 4, features: [], identifier });
    // Group 0: three ordinary words, then an identifier; group 1: one ordinary word, then an identifier.
    const ws = [w(false), w(false), w(false), w(false), w(true), w(true), w(false)];
    const group = [0, 0, 0, 1, 0, 1, 1];
    const scores = Float64Array.from([-5, -4, -3, -2.5, -2, -1, 0]);
    const none = carriedLine(ws, scores, group, 2, Infinity);
    assert.deepEqual([none.line, none.back, none.shown], [-2.5, 4, 0]);
    assert.deepEqual(none.groups, [{ back: 3, shown: 0 }, { back: 1, shown: 0 }]);
    // At a bar of 3 group 0 may show its identifier (3 back), but no word more comes back before group 1 shows one.
    const three = carriedLine(ws, scores, group, 2, 3);
    assert.deepEqual([three.line, three.back, three.shown], [-2.5, 4, 0]);
    // At a bar of 2 every word may go: the last ordinary word brings group 1 to 2 back for 1 shown.
    const two = carriedLine(ws, scores, group, 2, 2);
    assert.deepEqual([two.line, two.back, two.shown], [0, 5, 2]);
    assert.deepEqual(two.groups, [{ back: 3, shown: 1 }, { back: 2, shown: 1 }]);
  });
});
