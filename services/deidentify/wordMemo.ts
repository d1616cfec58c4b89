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
export function wordMemo<T>(compute: (word: string) => T): (word: string) => T {
  const slot = slots++;
  return (word) => {
    let record = records.get(word);
    if (record === undefined) {
      if (records.size >= WORDS) records.clear();
      // Filled with undefined, not empty: every record then holds any kind of value in the same layout, and reading a
      // slot stays one fast path (an empty array changes layout with the first number, string or boolean stored).
      record = new Array<unknown>(slots).fill(undefined);
      records.set(word, record);
    }
    let v = record[slot] as T | undefined;
    if (v === undefined) {
      v = compute(word);
      record[slot] = v;
    }
    return v;
  };
}
