import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { benchSet, loadSet, present, PUBLIC_SET, publicSetFile } from '../../bench/deid';

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
