// Many texts at once (deidentifyAll, stage by stage over the batch): each text's output is the one deidentify gives it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { deidentify, deidentifyAll } from '../../../services/deidentify';
import { BatchSlot, inBatch } from '../../../services/deidentify/batch';
import { wordsOf } from '../../../services/deidentify/words';

const TEXTS = [
  'met joy at the bus stop, she had her kids with her',
  'Her brother Rusty has been sleeping in his truck behind the Walmart.',
  'call 780 555 0199 re the intake on march 3, she lives at 1422 e 7th st apt 2',
  'met Jo\u200Bhn, cell ７８０-５５５-０１４２',
  'a note with an override \u202Eevil\u202C inside, from Maria',
  'elle a vu sa tante Josée au CLSC hier',
  'grace grace grace grace',
  '',
  'ok',
  'met joy at the bus stop, she had her kids with her',
  'no one named here, just the weather and the bus',
];

describe('deidentifyAll (bulk, stage by stage)', () => {
  it('gives every text what deidentify gives it, duplicates and detection views included', () => {
    assert.deepEqual(deidentifyAll(TEXTS), TEXTS.map((t) => deidentify(t)));
  });

  it('passes the options to every text', () => {
    const opts = { knownNames: ['Rusty Hale'], repeatNames: ['joy'] };
    const texts = ['rusty came by', 'asked for joy again', 'the hale and hearty crew'];
    assert.deepEqual(deidentifyAll(texts, opts), texts.map((t) => deidentify(t, opts)));
    assert.equal(deidentifyAll(texts, opts)[0]!.redacted, '[NAME] came by');
  });

  it('keeps a slot only inside a batch, and empties it after', () => {
    const slot = new BatchSlot<number>();
    slot.set('a', 1);
    assert.equal(slot.get('a'), undefined);
    inBatch(() => {
      slot.set('a', 2);
      assert.equal(slot.get('a'), 2);
    });
    assert.equal(slot.get('a'), undefined);
  });

  it('gives each text of a batch its own words, read in any order', () => {
    const [a, b] = ['one two', 'three'];
    inBatch(() => {
      const first = wordsOf(a);
      wordsOf(b);
      assert.equal(wordsOf(a), first);
      assert.deepEqual(wordsOf(b).map((t) => t.raw), ['three']);
    });
  });
});

describe('deid CLI reading lines together', () => {
  it('writes each line what deidentify gives it, and reports a bad line by its number', function () {
    this.timeout(60000);
    const repoRoot = path.resolve(__dirname, '..', '..', '..');
    const input = [JSON.stringify({ id: 1, text: TEXTS[0] }), 'not json', '', JSON.stringify({ id: 'x', text: TEXTS[2] }), JSON.stringify({ id: 3 })].join('\n') + '\n';
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'services/deidentify/cli.ts'), '--jsonl'], { input, encoding: 'utf8', cwd: repoRoot });
    assert.equal(res.status, 1);
    const outs = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    assert.deepEqual(outs, [
      { id: 1, ...deidentify(TEXTS[0]!) },
      { id: 'x', ...deidentify(TEXTS[2]!) },
    ]);
    assert.match(res.stderr, /^line 2: not valid JSON/m);
    assert.match(res.stderr, /^line 5: expected an object/m);
    assert.match(res.stderr, /2 bad line\(s\) of 5/);
  });
});
