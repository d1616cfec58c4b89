/**
 * Misspellings of everyday words ("talkd", "realy", "beleive", "referal", "sooo"): phone typing is full of them, and
 * a word that is no English word would otherwise be taken for a name. The words one edit away are generated from the
 * typed word (Norvig's edits: a letter dropped, added or changed, two neighbours swapped — about 54 × length
 * strings) and looked up in the vocabulary: a few hundred hash look-ups per unknown word (cached by the caller), never
 * a scan of the vocabulary. Round 18: the look-ups make no string (TypoIndex's own table of the words' hashes, 1 MB
 * for the 62k everyday words): a word met first cost 150-500 µs in the Set of strings, the most of any word memo. A
 * symmetric-delete index (SymSpell) was measured first: as fast per word, but 60 MB of heap and 2.6 s to build.
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

/** Each letter's near keys (NEAR_KEYS) as character codes, by the letter's code less 97. */
const NEAR_CODES = [...LETTERS].map((l) => Int32Array.from(NEAR_KEYS[l] ?? '', (c) => c.charCodeAt(0)));

/**
 * The base of the words' hash, H(s) = Σ s[k]·B^(len-1-k) mod 2^32: the hash of a string one edit from the typed word is
 * its prefix's and suffix's hashes put together, so no string is made for the few hundred strings looked up.
 */
const B = 0x01000193;
const INSERT = 0;
const DELETE = 1;
const SWAP = 2;
const CHANGE = 3;
/** The typed word's prefix hashes, suffix hashes and B's powers, grown to the longest word met (scratch for one call). */
let pre = new Int32Array(32);
let suf = new Int32Array(32);
let pow = new Int32Array(32);

export class TypoIndex {
  /**
   * The vocabulary's words of a-z letters, three or more (only those can be one edit from a typed word), in an
   * open-addressing table: each slot's word (index + 1 in `words`, 0 empty) and its hash. A look-up is a few multiplications
   * and one or two slots read; the string is made only when a slot's hash is the same (a hit, most often).
   */
  private readonly words: string[] = [];
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  /** `vocabulary` is read here, once: words added to it later are not looked for (the squeezed word is looked up in it). */
  constructor(private readonly vocabulary: Set<string>) {
    for (const w of vocabulary) if (w.length >= MIN_LENGTH - 1 && /^[a-z]+$/.test(w)) this.words.push(w);
    let bits = 4;
    while (1 << bits < this.words.length * 2) bits++;
    this.slots = new Int32Array(1 << bits);
    this.hashes = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.words.forEach((w, k) => {
      let h = 0;
      for (let i = 0; i < w.length; i++) h = (Math.imul(h, B) + w.charCodeAt(i)) | 0;
      let s = this.slotOf(h);
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = k + 1;
      this.hashes[s] = h;
    });
  }

  /** The first slot of a hash: its bits mixed, the top ones taken. */
  private slotOf(h: number): number {
    return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> this.shift;
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

  /**
   * The vocabulary words one edit from `typed` (a-z), in the order of the edits: at each place, a letter dropped (each
   * of a-z put back), then a letter added, two swapped, a near key hit instead (each taken out). Three letters: only a
   * letter dropped from a four-letter word ("bck", "cme", "wil"); other edits of three letters reach too many names.
   */
  private oneEditFrom(typed: string): string[] {
    const hits: string[] = [];
    const n = typed.length;
    if (n < MIN_LENGTH - 1) return hits;
    const full = n >= MIN_LENGTH;
    if (pre.length < n + 2) {
      pre = new Int32Array(2 * n + 2);
      suf = new Int32Array(2 * n + 2);
      pow = new Int32Array(2 * n + 2);
    }
    pow[0] = 1;
    pre[0] = 0;
    suf[n] = 0;
    for (let k = 0; k < n; k++) {
      pow[k + 1] = Math.imul(pow[k]!, B);
      pre[k + 1] = (Math.imul(pre[k]!, B) + typed.charCodeAt(k)) | 0;
    }
    for (let k = n - 1; k >= 0; k--) suf[k] = (Math.imul(typed.charCodeAt(k), pow[n - 1 - k]!) + suf[k + 1]!) | 0;
    for (let i = 0; i <= n; i++) {
      const tail = n - i;
      // A letter dropped: head + c + tail.
      const around = (Math.imul(pre[i]!, pow[tail + 1]!) + suf[i]!) | 0;
      for (let c = 97; c <= 122; c++) this.look((around + Math.imul(c, pow[tail]!)) | 0, n + 1, typed, INSERT, i, c, hits);
      if (!full || i === n) continue;
      // A letter added: head + tail less its first letter.
      this.look((Math.imul(pre[i]!, pow[tail - 1]!) + suf[i + 1]!) | 0, n - 1, typed, DELETE, i, 0, hits);
      const here = typed.charCodeAt(i);
      const headOn = Math.imul(pre[i]!, pow[tail]!);
      // Two swapped: head + tail[1] + tail[0] + the rest.
      if (i + 1 < n) this.look((headOn + Math.imul(Math.imul(typed.charCodeAt(i + 1), B) + here, pow[tail - 2]!) + suf[i + 2]!) | 0, n, typed, SWAP, i, 0, hits);
      // A near key hit instead: head + c + tail less its first letter.
      const near = NEAR_CODES[here - 97]!;
      for (let k = 0; k < near.length; k++) this.look((headOn + Math.imul(near[k]!, pow[tail - 1]!) + suf[i + 1]!) | 0, n, typed, CHANGE, i, near[k]!, hits);
    }
    return hits;
  }

  /** Adds to `hits` (once) the vocabulary word of hash `h` and length `len` that is `typed` with the edit, if there is one. */
  private look(h: number, len: number, typed: string, edit: number, i: number, c: number, hits: string[]): void {
    for (let s = this.slotOf(h); this.slots[s] !== 0; s = (s + 1) & this.mask) {
      if (this.hashes[s] !== h) continue;
      const w = this.words[this.slots[s]! - 1]!;
      if (w.length === len && w === edited(typed, edit, i, c) && !hits.includes(w)) hits.push(w);
    }
  }
}

/** `typed` with one edit at `i`: letter `c` put in (INSERT) or in place of its letter (CHANGE), its letter taken out (DELETE), or it and the next swapped. */
function edited(typed: string, edit: number, i: number, c: number): string {
  const head = typed.slice(0, i);
  if (edit === INSERT) return head + String.fromCharCode(c) + typed.slice(i);
  if (edit === DELETE) return head + typed.slice(i + 1);
  if (edit === SWAP) return head + typed[i + 1]! + typed[i]! + typed.slice(i + 2);
  return head + String.fromCharCode(c) + typed.slice(i + 1);
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
