/**
 * Misspellings of everyday words ("talkd", "realy", "beleive", "referal", "sooo"): phone typing is full of them, and
 * a word that is no English word would otherwise be taken for a name. A symmetric-delete index (SymSpell's idea):
 * every vocabulary word and each of its one-letter deletions map to the word, built once; a typed word is then
 * checked with its own one-letter deletions only — a few map look-ups, never a scan of the vocabulary.
 */

/** Shortest vocabulary word indexed; typed words of three letters are checked for a dropped letter only. */
const MIN_LENGTH = 4;

export class TypoIndex {
  /** A word or one of its one-letter deletions → the vocabulary words it comes from. */
  private readonly byDeletion = new Map<string, string[]>();

  constructor(private readonly vocabulary: Set<string>) {
    for (const w of vocabulary) {
      if (w.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(w)) continue;
      this.add(w, w);
      for (let i = 0; i < w.length; i++) if (i === 0 || w[i] !== w[i - 1]) this.add(w.slice(0, i) + w.slice(i + 1), w);
    }
  }

  private add(key: string, w: string): void {
    const list = this.byDeletion.get(key);
    if (!list) this.byDeletion.set(key, [w]);
    else if (list[list.length - 1] !== w) list.push(w);
  }

  /**
   * The vocabulary word that lower-case `typed` (no vocabulary word itself) misspells, or undefined: one edit away
   * (a letter dropped, added or changed, two neighbours swapped), or the same once letters typed three times or more
   * ("sooo", "yesss") or doubled letters are squeezed.
   */
  correct(typed: string): string | undefined {
    return this.candidates(typed)[0];
  }

  /** Every vocabulary word `typed` may misspell, in the order correct() prefers them (empty when none). */
  candidates(typed: string): string[] {
    if (!/^[a-z]+$/.test(typed)) return [];
    // Letters held down ("sooo", "oooffice", "tmrwww"): squeezed to two, then to one, then one edit from that.
    if (/(.)\1\1/.test(typed)) {
      const squeezed = [typed.replace(/(.)\1{2,}/g, '$1$1'), typed.replace(/(.)\1{2,}/g, '$1')];
      for (const w of squeezed) if (this.vocabulary.has(w)) return [w];
      for (const w of squeezed) {
        const hits = this.oneEditFrom(w);
        if (hits.length) return hits;
      }
      return [];
    }
    return this.oneEditFrom(typed);
  }

  private oneEditFrom(typed: string): string[] {
    // Three letters: only a letter dropped from a four-letter word ("bck", "cme", "wil"); other edits of three
    // letters reach too many names.
    if (typed.length === MIN_LENGTH - 1) return (this.byDeletion.get(typed) ?? []).filter((w) => w.length === MIN_LENGTH);
    if (typed.length < MIN_LENGTH) return [];
    // Every word one edit away shares a one-letter deletion (or the whole word) with it.
    const seen = new Set<string>();
    const hits: string[] = [];
    const check = (key: string): void => {
      for (const w of this.byDeletion.get(key) ?? []) {
        if (seen.has(w)) continue;
        seen.add(w);
        if (oneEdit(typed, w)) hits.push(w);
      }
    };
    check(typed);
    for (let i = 0; i < typed.length; i++) if (i === 0 || typed[i] !== typed[i - 1]) check(typed.slice(0, i) + typed.slice(i + 1));
    return hits;
  }
}

/** Whether a and b are one edit apart: one letter inserted, deleted or changed, or two neighbours swapped. */
export function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
