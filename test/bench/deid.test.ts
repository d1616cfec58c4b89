import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { benchSet, inTurn, loadSet, measureUnseen, present, PUBLIC_SET, publicSetFile, spread, UNSEEN_HELD_OUT, UNSEEN_PUBLIC, UNSEEN_WRITERS, UNSEEN_WRITERS_GROUP, unseenSets, unseenSummary, unseenTable } from '../../bench/deid';
import { isBlindSet } from '../../bench/blindSets';
import type { LabelledRecord } from '../../bench/deidMetrics';

const repo = path.resolve(__dirname, '..', '..');

describe('bench/deid: one loader for the scored sets, which says what it skips', () => {
  it('finds the public set where DEID_BENCH_DATA says, else in ../shared/data beside the repository', () => {
    assert.equal(publicSetFile({ DEID_BENCH_DATA: '/data/public.jsonl' }), '/data/public.jsonl');
    assert.equal(publicSetFile({}), path.resolve(repo, '..', 'shared', 'data', 'presidio-synth-v2.jsonl'));
  });

  it('says why it skips the public set when its file is not here, and what to set', () => {
    const said: string[] = [];
    const saved = process.env.DEID_BENCH_DATA;
    try {
      delete process.env.DEID_BENCH_DATA;
      assert.equal(loadSet({ ...benchSet(PUBLIC_SET), file: '/nowhere/presidio.jsonl' }, (l) => said.push(l)), undefined);
      process.env.DEID_BENCH_DATA = '/nowhere/presidio.jsonl';
      assert.equal(present({ ...benchSet(PUBLIC_SET), file: '/nowhere/presidio.jsonl' }, (l) => said.push(l)), false);
    } finally {
      if (saved === undefined) delete process.env.DEID_BENCH_DATA;
      else process.env.DEID_BENCH_DATA = saved;
    }
    assert.deepEqual(said, [
      'skipping presidio-synth-v2: /nowhere/presidio.jsonl not found (the public set is not in the repository: set DEID_BENCH_DATA to its file)',
      'skipping presidio-synth-v2: /nowhere/presidio.jsonl not found (DEID_BENCH_DATA names it)',
    ]);
  });

  it('says a repository set it skips without the public hint, reads one that is here silently, and refuses an unknown name', () => {
    const said: string[] = [];
    assert.equal(present({ ...benchSet('hand-dev'), file: '/nowhere/hand-dev.txt' }, (l) => said.push(l)), false);
    assert.deepEqual(said, ['skipping hand-dev: /nowhere/hand-dev.txt not found']);
    const records = loadSet('psw-dev', (l) => said.push(l));
    assert.equal(records?.length, 140);
    assert.equal(said.length, 1, 'nothing said of a set that is here');
    assert.throws(() => loadSet('psw-devv'), /no scored set psw-devv/);
  });

  it('every bench script reads a scored set through loadSet() or present(), none past them', () => {
    const dir = path.join(repo, 'bench');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts') && x !== 'deid.ts')) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      // The old ways: a set looked up by name and its file read, or its file's presence tested, unsaid.
      assert.doesNotMatch(src, /sets\.find\(|existsSync\((?:set|x|s)\.file\)|load\((?:set|x|s)\.file\)/, f);
    }
  });
});

describe('bench/deid: the notes never read, in several child processes', () => {
  it('reads the groups in turn, each in its own order, spread evenly over the whole', () => {
    const rec = (id: string): LabelledRecord => ({ id, text: id, spans: [] });
    const order = inTurn({ a: ['a0', 'a1', 'a2', 'a3'].map(rec), b: ['b0', 'b1'].map(rec) }).map((x) => `${x.group}:${x.record.id}`);
    assert.deepEqual(order, ['a:a0', 'b:b0', 'a:a1', 'a:a2', 'b:b1', 'a:a3']);
    assert.deepEqual(inTurn({ a: [], b: [rec('b0')] }).map((x) => x.record.id), ['b0']);
  });

  it('times the public second half and the writers never tuned on, none of them a dev note, a warm-up note or a blind set', () => {
    const { warm, timed } = unseenSets();
    assert.deepEqual(Object.keys(timed).filter((g) => g !== UNSEEN_PUBLIC), [UNSEEN_WRITERS_GROUP]);
    const writers = timed[UNSEEN_WRITERS_GROUP]!;
    assert.ok(writers.length > 4000, `${writers.length} notes`);
    const warmTexts = new Set(warm.map((r) => r.text));
    assert.equal(writers.filter((r) => warmTexts.has(r.text)).length, 0, 'no timed note is a warm-up note');
    for (const w of UNSEEN_WRITERS) assert.ok(!isBlindSet(`bench/data/${w}.txt`) && fs.existsSync(path.join(repo, 'bench', 'data', `${w}.txt`)), w);
    for (const s of UNSEEN_HELD_OUT) assert.match(s, /-test\d?$/);
  });

  it('one reading gives each group its MB per CPU-second and the baseline of the same process', () => {
    const notes = (loadSet('psw-dev') ?? []).slice(0, 12);
    const r = measureUnseen(notes.slice(0, 2), { first: notes.slice(2, 7), second: notes.slice(7) }, 0);
    assert.deepEqual(Object.keys(r.mbps), ['first', 'second']);
    for (const x of [...Object.values(r.mbps), r.baselineMBps]) assert.ok(Number.isFinite(x) && x > 0, String(x));
  });

  it('prints the median of the children and their spread, per group, with the baseline of the same children', () => {
    assert.deepEqual(spread([3, 1, 2]), { median: 2, low: 1, high: 3, each: [3, 1, 2] });
    assert.equal(spread([4, 1, 2, 3]).median, 2.5);
    const timed = { g: [{ id: 'x', text: 'ab', spans: [] }] };
    const f = unseenSummary([{ mbps: { g: 0.1 }, baselineMBps: 8 }, { mbps: { g: 0.12 }, baselineMBps: 9 }, { mbps: { g: 0.11 }, baselineMBps: 10 }], timed);
    assert.equal(f.children, 3);
    assert.deepEqual({ ...f.groups.g, each: undefined }, { notes: 1, kb: 0.002, median: 0.11, low: 0.1, high: 0.12, each: undefined });
    assert.match(unseenTable(f), /\| g \| 1 \| 0 \| 0\.110 \| 0\.100–0\.120 \(9\.1 %\) \| 9\.00 \| 8\.00–10\.00 \(11\.1 %\) \|/);
  });
});
