/** How many words the memos keep before they start over: memory stays flat on any input. */
const WORDS = 50_000;

/**
 * Every memo's answers for a word, in one record per word (slot i for the i-th memo made). One table for all memos,
 * not one each: the same word is looked up by names, messyNames and the classifier in turn, and a look-up in a large
 * table costs its cache misses; the second and third look-ups of a word in the one table find it already in cache.
 */
const records = new Map<string, unknown[]>();
let slots = 0;

/**
 * `compute` remembered per word: the de-identifier's per-word work (a word's kind, verdict, shape, list codes,
 * misspelling) is pure and repeats across texts, so the hot paths look it up instead of redoing it.
 */
export function wordMemo<T>(compute: (word: string) => T): WordMemo<T> {
  const slot = slots++;
  const answer = (word: string, record: unknown[]): T => {
    let v = record[slot] as T | undefined;
    if (v === undefined) {
      v = compute(word);
      record[slot] = v;
    }
    return v;
  };
  const memo = ((word: string) => answer(word, recordOf(word))) as WordMemo<T>;
  memo.of = (t) => {
    t.rec ??= recordOf(t.raw);
    return answer(t.raw, t.rec);
  };
  return memo;
}

/** A memo of wordMemo(): asked about a word, or about a token's typed word through the record the token keeps. */
export interface WordMemo<T> {
  (word: string): T;
  /** The answer for `t.raw`: the token keeps its word's record, so the stages after the first look nothing up. */
  of(t: { raw: string; rec?: unknown[] }): T;
}

/** A word's record of answers, made when first asked. */
function recordOf(word: string): unknown[] {
  let record = records.get(word);
  if (record === undefined) {
    if (records.size >= WORDS) records.clear();
    // Filled with undefined, not empty: every record then holds any kind of value in the same layout, and reading a
    // slot stays one fast path (an empty array changes layout with the first number, string or boolean stored).
    record = new Array<unknown>(slots).fill(undefined);
    records.set(word, record);
  }
  return record;
}

/** How many words the memos hold now, and the bound at which they start over (for bench/deidFirstTime.ts). */
export function memoWords(): { words: number; bound: number } {
  return { words: records.size, bound: WORDS };
}
