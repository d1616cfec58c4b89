/** How many words a memo keeps before it starts over: memory stays flat on any input. */
const WORDS = 50_000;

/**
 * `compute` remembered per word: the de-identifier's per-word work (a word's kind, verdict, shape, list codes,
 * misspelling) is pure and repeats across texts, so the hot paths look it up instead of redoing it.
 */
export function wordMemo<T>(compute: (word: string) => T): (word: string) => T {
  const seen = new Map<string, T>();
  return (word) => {
    let v = seen.get(word);
    if (v === undefined) {
      if (seen.size >= WORDS) seen.clear();
      v = compute(word);
      seen.set(word, v);
    }
    return v;
  };
}
