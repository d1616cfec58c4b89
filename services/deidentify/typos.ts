/**
 * Misspellings of everyday words ("talkd", "realy", "beleive", "referal", "sooo"): phone typing is full of them, and
 * a word that is no English word would otherwise be taken for a name. The words one edit away are generated from the
 * typed word (Norvig's edits: a letter dropped, added or changed, two neighbours swapped — about 54 × length
 * strings) and looked up in the vocabulary set: a few hundred hash look-ups per unknown word (cached by the caller),
 * never a scan of the vocabulary, and no memory beyond the set. A symmetric-delete index (SymSpell) was measured
 * first: as fast per word, but 60 MB of heap and 2.6 s to build over the 62k everyday words.
 */

/** Shortest word checked for any edit; typed words of three letters are checked for a dropped letter only. */
const MIN_LENGTH = 4;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The keys around each letter on a QWERTY keyboard (same row and the touching keys of the rows above and below): a
 * thumb that hits the wrong key hits one of these. A letter changed for a far one ("kevs" for keys, "marites" for
 * marines, "seun" for seen) is how names differ from words, not how typing slips: only near keys count as a typo.
 */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEAR_KEYS: Record<string, string> = {};
ROWS.forEach((row, r) => {
  for (let i = 0; i < row.length; i++) {
    const near = [row[i - 1], row[i + 1]];
    // A row sits half a key to the right of the one above it: key i touches keys i and i+1 above, i-1 and i below.
    if (r > 0) near.push(ROWS[r - 1]![i], ROWS[r - 1]![i + 1]);
    if (r < ROWS.length - 1) near.push(ROWS[r + 1]![i - 1], ROWS[r + 1]![i]);
    // A vowel for another is how words are misspelt by ear ("dollerama", "definately").
    if ('aeiou'.includes(row[i]!)) near.push(...'aeiou'.replace(row[i]!, ''));
    NEAR_KEYS[row[i]!] = [...new Set(near.filter((c): c is string => !!c))].join('');
  }
});

export class TypoIndex {
  constructor(private readonly vocabulary: Set<string>) {}

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
    const hits = new Set<string>();
    const look = (w: string): void => {
      if (w.length >= MIN_LENGTH - 1 && this.vocabulary.has(w)) hits.add(w);
    };
    // Three letters: only a letter dropped from a four-letter word ("bck", "cme", "wil"); other edits of three
    // letters reach too many names.
    const full = typed.length >= MIN_LENGTH;
    if (typed.length < MIN_LENGTH - 1) return [];
    for (let i = 0; i <= typed.length; i++) {
      const head = typed.slice(0, i);
      const tail = typed.slice(i);
      for (const c of LETTERS) look(head + c + tail); // a letter dropped
      if (!full || i === typed.length) continue;
      look(head + tail.slice(1)); // a letter added
      if (i + 1 < typed.length) look(head + tail[1] + tail[0] + tail.slice(2)); // two swapped
      for (const c of NEAR_KEYS[tail[0]!] ?? '') look(head + c + tail.slice(1)); // a near key hit instead
    }
    return [...hits];
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
