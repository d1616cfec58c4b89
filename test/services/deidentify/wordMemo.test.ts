import assert from 'node:assert/strict';
import { forgetWords, memoCounts, memoKeys, memoWords, wordMemo } from '../../../services/deidentify/wordMemo';

describe('wordMemo', () => {
  it('computes a word once and answers from memory after', () => {
    const calls: string[] = [];
    const upper = wordMemo((w) => {
      calls.push(w);
      return w.toUpperCase();
    });
    assert.equal(upper('dawn'), 'DAWN');
    assert.equal(upper('dawn'), 'DAWN');
    assert.equal(upper('rusty'), 'RUSTY');
    assert.deepEqual(calls, ['dawn', 'rusty']);
  });

  it('remembers null (a "none" answer), and starts over past 50,000 words so memory stays flat', () => {
    let calls = 0;
    const none = wordMemo((): string | null => {
      calls++;
      return null;
    });
    none('x');
    none('x');
    assert.equal(calls, 1);
    for (let i = 0; i < 50_000; i++) none(`w${i}`);
    none('x');
    assert.equal(calls, 50_002, 'cleared once full, so x is computed again');
    const { words, bound } = memoWords();
    assert.equal(bound, 50_000);
    assert.ok(words <= bound, `the memo holds ${words} words`);
  });

  it("answers a token through the record it keeps: the word's answers are shared with plain look-ups, found once per token", () => {
    const calls: string[] = [];
    const shout = wordMemo((w) => {
      calls.push(w);
      return `${w}!`;
    });
    const size = wordMemo((w) => w.length);
    const tok: { raw: string; rec?: unknown[] } = { raw: 'kofi' };
    assert.equal(shout.of(tok), 'kofi!');
    assert.ok(tok.rec, 'the token keeps the record');
    const rec = tok.rec;
    assert.equal(size.of(tok), 4);
    assert.equal(tok.rec, rec, 'a second memo reads the same record');
    assert.equal(shout('kofi'), 'kofi!');
    assert.equal(shout.of({ raw: 'kofi' }), 'kofi!');
    assert.deepEqual(calls, ['kofi'], 'computed once for the token, the plain look-up and another token');
  });

  it('counts each memo\'s answers worked out, says where it was made, and forgets the words it is given (bench/deidUnseen.ts)', () => {
    const calls: string[] = [];
    const echo = wordMemo((w) => {
      calls.push(w);
      return w;
    });
    const twice = wordMemo((w) => w + w);
    const slot = memoCounts().memos.length - 2;
    const before = memoCounts();
    assert.match(before.memos[slot]!.at, /^wordMemo\.test\.ts:\d+$/, 'made in this file, at its line');
    echo('zuri');
    echo('zuri');
    twice('zuri');
    echo('amani');
    const after = memoCounts();
    assert.equal(after.memos[slot]!.computed - before.memos[slot]!.computed, 2, 'two answers worked out, one answered from memory');
    assert.equal(after.memos[slot + 1]!.computed - before.memos[slot + 1]!.computed, 1);
    assert.equal(after.records - before.records, 2, 'two words met first');
    assert.ok(memoKeys().includes('zuri') && memoKeys().includes('amani'));
    // One memo's answer forgotten: the other memo keeps its own.
    forgetWords(['zuri'], slot);
    echo('zuri');
    twice('zuri');
    assert.deepEqual(calls, ['zuri', 'amani', 'zuri']);
    assert.equal(memoCounts().memos[slot + 1]!.computed - before.memos[slot + 1]!.computed, 1, 'twice kept its answer');
    // A word forgotten whole: every memo works it out again; other words stay.
    forgetWords(['zuri']);
    assert.ok(!memoKeys().includes('zuri') && memoKeys().includes('amani'));
    echo('amani');
    echo('zuri');
    assert.deepEqual(calls, ['zuri', 'amani', 'zuri', 'zuri']);
  });
});
