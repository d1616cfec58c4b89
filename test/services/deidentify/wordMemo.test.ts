import assert from 'node:assert/strict';
import { memoWords, wordMemo } from '../../../services/deidentify/wordMemo';

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
});
