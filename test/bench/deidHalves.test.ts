import assert from 'node:assert/strict';
import { chooseLine, type LineRow } from '../../bench/deidHalves';

/** A line's cross-fitted figures: names gained in points, slot words taken (names / ordinary); no over-redaction added. */
const row = (line: number, gain: number, names: number, ordinary: number, past = false): LineRow => ({ line, gain: gain / 100, added: 0, past, names, ordinary, text: '' });
const all = () => true;

// Round 20.
describe('bench/deidHalves.ts chooseLine: the slot recipes\' line, read with its neighbours', () => {
  // The openers' slot at round 19's end tree (cross-fitted, the recipe's first pass): one ordinary word per two names
  // hovers from 0.75 down to 0.375.
  const openers = [row(1, 0.09, 48, 15), row(0.875, 0.1, 53, 23), row(0.75, 0.11, 60, 28), row(0.625, 0.15, 77, 35), row(0.5, 0.15, 82, 42), row(0.375, 0.18, 95, 50), row(0.25, 0.21, 110, 65)];

  it('read on a line\'s own figures (as before round 20), one ordinary word more or less moves the line', () => {
    assert.equal(chooseLine(openers, all, false).line, 0.625);
    const oneLess = openers.map((r) => (r.line === 0.5 ? { ...r, ordinary: 41, gain: 0.0016 } : r));
    assert.equal(chooseLine(oneLess, all, false).line, 0.5);
  });

  it('read with its neighbours, the same word does not move it (a word at a neighbour still can)', () => {
    assert.equal(chooseLine(openers, all).line, 0.5);
    const oneLess = openers.map((r) => (r.line === 0.5 ? { ...r, ordinary: 41, gain: 0.0016 } : r));
    assert.equal(chooseLine(oneLess, all).line, 0.5);
    // The averaged rule has its own edge: 0.5 passes with 0.03 ordinary word to spare, so one more at 0.625 moves it.
    const oneMore = openers.map((r) => (r.line === 0.625 ? { ...r, ordinary: 36 } : r));
    assert.equal(chooseLine(oneMore, all).line, 0.625);
  });

  it('a lone line passing between two that fail does not set the line; its neighbours\' mean does', () => {
    const rows = [row(1, 0.05, 10, 2), row(0.875, 0.08, 20, 9), row(0.75, 0.1, 30, 16), row(0.625, 0.12, 40, 19), row(0.5, 0.14, 50, 30), row(0.375, 0.15, 60, 40)];
    assert.equal(chooseLine(rows, all, false).line, 0.625);
    // 0.625 with its neighbours: 40 names, 21.7 ordinary (past one per two); 0.75: 30 names, 14.7 ordinary.
    assert.equal(chooseLine(rows, all).line, 0.75);
  });

  it('keeps the must-stay check and the writers\' limit at the line itself, and chooses none when no line gains', () => {
    assert.equal(chooseLine(openers, (line) => line !== 0.5).line, 0.625);
    assert.equal(chooseLine(openers.map((r) => (r.line === 0.5 ? { ...r, past: true } : r)), all).line, 0.625);
    assert.equal(chooseLine(openers.map((r) => ({ ...r, gain: 0 })), all).line, null);
  });
});
