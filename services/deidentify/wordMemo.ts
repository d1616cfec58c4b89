/** How many words the memos keep before they start over: memory stays flat on any input. */
const WORDS = 50_000;

/**
 * Every memo's answers for a word, in one record per word (slot i for the i-th memo made). One table for all memos,
 * not one each: the same word is looked up by names, messyNames and the classifier in turn, and a look-up in a large
 * table costs its cache misses; the second and third look-ups of a word in the one table find it already in cache.
 */
const records = new Map<string, unknown[]>();
let slots = 0;
/** Per memo: how many answers it worked out (its misses), and where it was made; and how many word records were made (bench/deidUnseen.ts). */
const computed: number[] = [];
const madeAt: string[] = [];
let recordsMade = 0;

/**
 * `compute` remembered per word: the de-identifier's per-word work (a word's kind, verdict, shape, list codes,
 * misspelling) is pure and repeats across texts, so the hot paths look it up instead of redoing it.
 */
export function wordMemo<T>(compute: (word: string) => T): WordMemo<T> {
  const slot = slots++;
  computed.push(0);
  // The caller's file and line, read once when the memo is made (the hot path only counts).
  const at = /deidentify\/([^():]+):(\d+)/.exec(new Error().stack?.split('\n')[2] ?? '');
  madeAt.push(at ? `${at[1]}:${at[2]}` : `memo ${slot}`);
  const answer = (word: string, record: unknown[]): T => {
    let v = record[slot] as T | undefined;
    if (v === undefined) {
      v = compute(word);
      record[slot] = v;
      computed[slot]!++;
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
    recordsMade++;
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

/** Each memo's answers worked out so far (where it was made: file and line), and the word records made (bench/deidUnseen.ts). */
export function memoCounts(): { records: number; memos: Array<{ at: string; computed: number }> } {
  return { records: recordsMade, memos: madeAt.map((at, i) => ({ at, computed: computed[i]! })) };
}

/** The words the memos hold now (bench/deidUnseen.ts: which words a reading met first). */
export function memoKeys(): string[] {
  return [...records.keys()];
}

/**
 * Forgets what the memos hold for `words`, as a process that never met them; only memo `slot`'s answer when given
 * (bench/deidUnseen.ts: the compiled code kept, the memos cold).
 */
export function forgetWords(words: Iterable<string>, slot?: number): void {
  for (const w of words) {
    if (slot === undefined) records.delete(w);
    else {
      const r = records.get(w);
      if (r) r[slot] = undefined;
    }
  }
}
