// The de-identifier's warm start at boot (bot/warmUp.ts): what it reads, and that it changes no output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sinon from 'sinon';
import { warmUpDeidentifier } from '../../bot/warmUp';
import { WARM_UP_NOTES } from '../../bot/warmUpNotes';
import { deidentify } from '../../services/deidentify';


describe('warm start of the de-identifier (bot/warmUp.ts)', () => {
  it('reads nothing when off', () => {
    let calls = 0;
    const warm = warmUpDeidentifier(0, () => calls++);
    assert.equal(calls, 0);
    assert.equal(warm.notes, 0);
  });

  it('reads every note once, then goes round them until its CPU time is spent', () => {
    const once: string[] = [];
    assert.equal(warmUpDeidentifier(1e-6, (t) => once.push(t)).notes, WARM_UP_NOTES.length);
    assert.deepEqual(once, [...WARM_UP_NOTES]);
    // The process's CPU clock stubbed: each note costs exactly 0.1 ms (a real clock also counts other threads' work,
    // which made the count depend on the machine's load).
    let cpu = 0;
    const clock = sinon.stub(process, 'cpuUsage').callsFake(() => ({ user: cpu, system: 0 }));
    try {
      let calls = 0;
      const warm = warmUpDeidentifier(0.05, () => {
        calls++;
        cpu += 100;
      });
      assert.equal(calls, 500, `${calls} notes in 0.05 CPU-s at 0.1 ms a note`);
      assert.equal(warm.notes, calls);
      assert.equal(warm.cpuMs, 50);
    } finally {
      clock.restore();
    }
  });

  it('notes of many kinds, none blank', () => {
    assert.ok(WARM_UP_NOTES.length >= 100);
    assert.ok(WARM_UP_NOTES.every((t) => t.trim().length > 0));
    assert.ok(WARM_UP_NOTES.some((t) => /était|pis/.test(t)) && WARM_UP_NOTES.some((t) => /dijo|tiene/.test(t)), 'French and Spanish, whose lists load at their first note');
  });

  it('changes no output: the same notes give the same spans and text before and after it', () => {
    const dev = fs.readFileSync(path.resolve(__dirname, '..', '..', 'bench', 'data', 'messy-dev.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 60);
    const texts = [...dev.map((l) => (JSON.parse(l) as { text: string }).text), 'Talked with Marguerite at the Lakeshore drop-in about her son Dmitri.', 'pis elle a dit que Réjean vient jeudi'];
    const before = texts.map((t) => deidentify(t));
    const warm = warmUpDeidentifier(1e-6);
    assert.equal(warm.notes, WARM_UP_NOTES.length);
    assert.deepEqual(texts.map((t) => deidentify(t)), before);
  });
});
