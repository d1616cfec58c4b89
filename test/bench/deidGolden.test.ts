import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bulkLines, goldenLines } from '../../bench/deidGolden';

describe('de-identifier golden check (bench/deidGolden.ts)', () => {
  it('writes each text twice: alone, then with the names found in the text before it', () => {
    const lines = goldenLines([
      { id: 'a', text: 'Her sister Joy came by.' },
      { id: 'b', text: 'joy here' },
    ]).map((l) => JSON.parse(l) as { id: string; pass: string; redacted: string; entities: unknown[] });
    assert.deepEqual(lines.map((l) => `${l.id}/${l.pass}`), ['a/alone', 'a/repeat', 'b/alone', 'b/repeat']);
    assert.equal(lines[0]!.redacted, 'Her sister [NAME] came by.');
    assert.deepEqual(lines[0]!.entities, [{ start: 11, end: 14, type: 'NAME' }]);
    // "joy" alone is a word; after a text that named Joy it is hidden.
    assert.equal(lines[2]!.redacted, 'joy here');
    assert.equal(lines[3]!.redacted, '[NAME] here');
  });

  it('is deterministic: the same texts give the same lines', () => {
    const texts = [{ id: 'x', text: 'called oksana at 780-555-0199 re: apt 4c 1210 98 st nw' }];
    assert.deepEqual(goldenLines(texts), goldenLines(texts));
  });

  it('reads the texts in bulk (deidentifyAll) to the same lines as alone', () => {
    const texts = [
      { id: 'a', text: 'Her sister Joy came by.' },
      { id: 'b', text: 'called oksana at 780-555-0199 re: apt 4c 1210 98 st nw' },
      { id: 'c', text: 'joy here' },
    ];
    const alone = goldenLines(texts).filter((l) => JSON.parse(l).pass === 'alone');
    assert.deepEqual(bulkLines(texts, 2), alone);
    assert.match(alone[1]!, /\[PHONE\]/);
  });

  it('fails a check against a directory never saved, rather than reading it as identical', function () {
    this.timeout(60000);
    const root = path.join(__dirname, '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'deidGolden.ts'), 'check', path.join(root, 'no-such-golden-dir')], { cwd: root, encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /nothing to check against: .*no-such-golden-dir does not exist/);
    assert.doesNotMatch(run.stdout, /IDENTICAL/);
  });
});
