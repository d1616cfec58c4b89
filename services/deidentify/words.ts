/**
 * A text's words and numbers, found once: messyNames and then the name classifier read the same text in turn, so the
 * last text's list is kept and handed to both (the same Token objects: a word's hash and memo record are reused).
 */

import { BatchSlot } from './batch';
import { wordMemo } from './wordMemo';

/**
 * A typed word's lower case, kept in its memo record (./wordMemo): every text's tokens of the word get the same string,
 * lower-cased once per word rather than once per token, and a set look-up finds its hash already worked out.
 */
const lowerOf = wordMemo((raw) => raw.toLowerCase());

/** A word or number of a text; its lower-cased form and hashes are filled in when first needed. */
export class Token {
  private lowered?: string;
  /** Hashes of its form, shape and class, once it has been a neighbour. */
  h?: number;
  sh?: number;
  cls?: number;
  /** Which lists hold it (classifier/features lists()), once asked. */
  l?: string;
  /** Its typed word's record in the per-word memos (./wordMemo), once asked: one look-up for every stage. */
  rec?: unknown[];

  constructor(
    readonly start: number,
    readonly end: number,
    /** As typed. */
    readonly raw: string,
  ) {}

  get lower(): string {
    this.lowered ??= lowerOf.of(this);
    return this.lowered;
  }

  /** Whether a word of letters (only these are scored). */
  get word(): boolean {
    const c = this.raw.charCodeAt(0);
    return c < 128 ? c < 48 || c > 57 : !/^\p{N}/u.test(this.raw);
  }
}

/** Whether a word ends in the possessive 's or ’s ("Sam's"; as typed: "SAM'S" does not). */
export const possessive = (w: string): boolean =>
  w.length >= 2 && w.charCodeAt(w.length - 1) === 115 && (w.charCodeAt(w.length - 2) === 39 || w.charCodeAt(w.length - 2) === 0x2019);
/** A possessive or a bare owner's apostrophe ("sam's", "james'"; as /['’]s?$/): a word that owns the next is no place's name. */
export const ownerMarked = (w: string): boolean => {
  const c = w.charCodeAt(w.length - 1);
  return c === 39 || c === 0x2019 || possessive(w);
};
/** A word's length without its possessive ("sam's" 3): the same word again is compared on it. */
export const stemLength = (w: string): number => (possessive(w) ? w.length - 2 : w.length);
/**
 * Where a word ends without its possessive, in any case ("sam's", "SAM'S": before the "'s"): a name's placeholder ends
 * there and the "'s" stays outside, in every stage that hides a word.
 */
export const stemEnd = (t: { end: number; lower: string }): number => (possessive(t.lower) ? t.end - 2 : t.end);
/** A word without its possessive ("sam's" → "sam"). */
export const withoutPossessive = (w: string): string => (possessive(w) ? w.slice(0, -2) : w);

const TOKEN = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*|\p{N}+/gu;
let lastText: string | undefined;
let lastTokens: Token[] = [];
/** The tokens of each text of a batch (./batch): the stages read its texts in turn. */
const batchTokens = new BatchSlot<Token[]>();

/** The words (letters joined by ' ’ or -) and numbers of `text`, in order. Shared: never change the list. */
export function wordsOf(text: string): Token[] {
  if (text === lastText) return lastTokens;
  let out = batchTokens.get(text);
  if (!out) {
    out = [];
    if (factsOf(text).ascii) asciiWords(text, out);
    else {
      TOKEN.lastIndex = 0;
      for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push(new Token(m.index, m.index + m[0].length, m[0]));
    }
    batchTokens.set(text, out);
  }
  lastText = text;
  lastTokens = out;
  return out;
}

/**
 * What one walk over a text's characters tells the gates, instead of a regex scan each: whether the text is all ASCII
 * (/[\u0080-\uFFFF]/ finds nothing), how many ASCII digits (/\d/), capitals A-Z and small letters a-z it holds, and which of the marks
 * below (`t.includes(...)`) it holds.
 */
export interface TextFacts {
  ascii: boolean;
  digits: number;
  capitals: number;
  /** Small letters a-z. */
  smalls: number;
  /** MARK bits: one for each mark the text holds, and DIGIT for any ASCII digit. */
  marks: number;
  /**
   * Whether a run of ASCII digits reads 90-99 or 100-129: an age over 89 in figures is such a whole run (patterns.ts
   * age, messyPatterns.ts messyAges, ageAfterName.ts), so a text without one is not scanned for it.
   */
  oldNumber: boolean;
  /** Whether an ASCII digit is followed by s, n, r or t in either case: an ordinal ("3rd", "14TH") needs one. */
  ordinal: boolean;
  /** Whether an ASCII letter stands right before an ASCII digit: a postal code or an IBAN needs one ("t5k", "GB82"). */
  letterDigit: boolean;
  /** Whether an ASCII digit follows a space after an e in either case: a bare day after "the" needs one ("on the 12"). */
  theDigit: boolean;
  /** How many runs of ASCII digits the text holds: a house number, words and a number need two ("74678 midtvollen 130"). */
  numbers: number;
  /** Whether a digit is followed by letters, digits and hyphens, then a space: a house number before its street needs one ("12 main", "45-B Birch"). */
  numberSpace: boolean;
}

/** Bits of TextFacts.marks: a mark a gate needs, found in the same walk. */
export const MARK = { digit: 1, at: 2, dot: 4, colon: 8, underscore: 16, slash: 32, hyphen: 64 } as const;
/** The bit of each mark by its character code (0: none). */
const MARK_OF = new Uint8Array(128);
MARK_OF[64] = MARK.at;
MARK_OF[46] = MARK.dot;
MARK_OF[58] = MARK.colon;
MARK_OF[95] = MARK.underscore;
MARK_OF[47] = MARK.slash;
MARK_OF[45] = MARK.hyphen;
for (let c = 48; c <= 57; c++) MARK_OF[c] = MARK.digit;

let factsText: string | undefined;
let lastFacts: TextFacts = { ascii: true, digits: 0, capitals: 0, smalls: 0, marks: 0, oldNumber: false, ordinal: false, letterDigit: false, theDigit: false, numbers: 0, numberSpace: false };
const batchFacts = new BatchSlot<TextFacts>();

/** The facts of `text` (kept for the last text: the stages ask in turn about the same one). */
export function factsOf(text: string): TextFacts {
  if (text === factsText) return lastFacts;
  const kept = batchFacts.get(text);
  if (kept) {
    factsText = text;
    lastFacts = kept;
    return kept;
  }
  let ascii = true;
  let digits = 0;
  let capitals = 0;
  let smalls = 0;
  let marks = 0;
  let oldNumber = false;
  let ordinal = false;
  let letterDigit = false;
  let theDigit = false;
  let numbers = 0;
  let numberSpace = false;
  // Whether the characters since the last digit are letters, digits and hyphens only.
  let afterDigit = false;
  // The digit run being read: its length and its first two digits.
  let run = 0;
  let first = 0;
  let second = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (run === 0) {
        numbers++;
        first = c;
        const b = i > 0 ? text.charCodeAt(i - 1) | 32 : 0;
        letterDigit ||= b >= 97 && b <= 122;
        theDigit ||= b === 32 && (text.charCodeAt(i - 2) | 32) === 101;
      } else if (run === 1) second = c;
      run++;
      afterDigit = true;
      continue;
    }
    if (afterDigit) {
      numberSpace ||= c === 32;
      afterDigit = c === 45 || ((c | 32) >= 97 && (c | 32) <= 122);
    }
    if (run) {
      oldNumber ||= (run === 2 && first === 57) || (run === 3 && first === 49 && second <= 50);
      const l = c | 32;
      ordinal ||= l === 115 || l === 110 || l === 114 || l === 116;
      run = 0;
    }
    if (c >= 128) ascii = false;
    else {
      marks |= MARK_OF[c]!;
      if (c >= 65 && c <= 90) capitals++;
      else if (c >= 97 && c <= 122) smalls++;
    }
  }
  if (run) oldNumber ||= (run === 2 && first === 57) || (run === 3 && first === 49 && second <= 50);
  if (digits) marks |= MARK.digit;
  factsText = text;
  lastFacts = { ascii, digits, capitals, smalls, marks, oldNumber, ordinal, letterDigit, theDigit, numbers, numberSpace };
  batchFacts.set(text, lastFacts);
  return lastFacts;
}

/** Whether the text may hold an upper-case letter (\p{Lu}): a capital A-Z, or any character outside ASCII. */
export function mayHoldUpper(text: string): boolean {
  const f = factsOf(text);
  return f.capitals > 0 || !f.ascii;
}

const letter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const digit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * TOKEN's words in a text of ASCII characters only, found without the regex (most notes): letters are A-Z and a-z,
 * digits 0-9, and a ' or - between two letters joins them.
 */
function asciiWords(text: string, out: Token[]): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    if (digit(c)) {
      while (j < n && digit(text.charCodeAt(j))) j++;
    } else if (letter(c)) {
      for (;;) {
        while (j < n && letter(text.charCodeAt(j))) j++;
        const s = text.charCodeAt(j);
        if ((s === 39 || s === 45) && j + 1 < n && letter(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
    } else {
      i = j;
      continue;
    }
    out.push(new Token(i, j, text.slice(i, j)));
    i = j;
  }
}

/** Whether text[from, to) is spaces and tabs, one at least: /^[ \t]+$/ on the gap between two words, without making the string. */
export function blank(text: string, from: number, to: number): boolean {
  if (to > text.length) to = text.length;
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Whether a word is ASCII letters only ("dawn", "Royal"): then it is one run of letters, and lower-casing keeps its length. */
export function plainLetters(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}
