import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHILD, irOfText, segments } from '../../bench/deidInstructions';

describe('bench/deidInstructions: counted readings and callgrind totals', () => {
  it('reads the warm-up first, hand-test inside the JSON.parse reviver and the public notes inside the JSON.stringify replacer', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deidinstr-'));
    try {
      const index = path.join(dir, 'js', 'services', 'deidentify');
      fs.mkdirSync(index, { recursive: true });
      // A stand-in de-identifier that records each note with the C++ callback it was read in (from its stack).
      fs.writeFileSync(
        path.join(index, 'index.js'),
        `exports.deidentify = (t) => { const s = new Error().stack; process.stderr.write(t + ':' + (s.includes('JSON.parse') ? 'parse' : s.includes('JSON.stringify') ? 'stringify' : 'none') + '\\n'); return {}; };`,
      );
      fs.writeFileSync(path.join(dir, 'notes.json'), JSON.stringify({ warm: ['w1', 'w2'], 'hand-test': ['h1'], public: ['p1', 'p2'] }));
      fs.writeFileSync(path.join(dir, 'child.js'), CHILD);
      const r = spawnSync(process.execPath, [path.join(dir, 'child.js'), path.join(dir, 'js'), path.join(dir, 'notes.json')], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(r.stderr.trim().split('\n'), ['w1:none', 'w2:none', 'h1:parse', 'p1:stringify', 'p2:stringify']);
      assert.equal(r.stdout.trim(), '3');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sums the dumps between the markers: hand-test up to the replacer's entry, the public notes up to the last reviver's", () => {
    const P = 'desc: Trigger: --dump-before=v8::internal::JsonParseInternalizer::Internalize(v8::internal::Isolate*, ...)';
    const S = 'desc: Trigger: --dump-before=v8::internal::JsonStringifier::ApplyReplacerFunction(v8::internal::Handle<...>)';
    const dump = (trigger: string, ir: number) => `version: 1\n${trigger}\nevents: Ir\nsummary: ${ir}\n`;
    // startup and warm-up 900; hand-test 40 (a dump in between, at exit or a second entry); the JSON call 1; public 70; the rest 5.
    const parts = [dump(P, 900), dump(P, 10), dump(S, 30), dump(S, 1), dump(P, 70), dump('desc: Trigger: Program termination', 5)];
    assert.deepEqual(segments(parts), { 'hand-test': 40, public: 70 });
    assert.equal(irOfText('events: Ir\ntotals: 123456789\n'), 123456789);
    assert.throws(() => irOfText('events: Ir\n'), /no total/);
    assert.throws(() => segments([dump(S, 1), dump(P, 2)]), /out of order/);
  });
});
