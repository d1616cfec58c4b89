/**
 * Cue words: which of the words that costly regexes need a text holds, found once from its words (words.ts) and
 * remembered per word. A gate asks `mayHold(text, CUE)` before its own test: a text without any of the cue's words
 * cannot match, so the regex scans are skipped; a text with one still runs the gate's own test, so no output changes.
 *
 * A cue's `inside` strings are found anywhere in a lower-cased word ("stay" in "stayed"); its `whole` words only as a
 * whole word or one part of a word joined by an apostrophe or hyphen ("st" in "st's"). Both are letters a-z: a text
 * outside ASCII (where a regex's case folding and the words' letters may differ) holds every cue. The same pass counts
 * the text's digits, for detectors whose every match holds several.
 */
import { BatchSlot } from './batch';
import { wordMemo } from './wordMemo';
import { factsOf, wordsOf } from './words';

interface Cue {
  inside: string[];
  whole: Set<string>;
}

const cues: Cue[] = [];
const ALL = -1;
const JOINED = /['’-]/;
/** Cues in all: 32 in each of two 32-bit words (a word's bits and a text's are kept as two integers). */
const MAX_CUES = 64;
const HIGH = 2 ** 32;

/** Cues held by every text: one given a word that is not a-z (a list grown with "hôpital"), so its gate always runs. */
let always = 0;
let alwaysHigh = 0;

/**
 * A new cue (at module load): its mask, for mayHold(). Words are separated by spaces. The first 32 cues' masks are bits
 * of a 32-bit integer and may be joined with | ("mayHold(t, A | B)"); from the 33rd on a mask is 2 ** n, and stands alone
 * (a | would lose it: mayHold refuses the 0 it makes).
 */
export function cue(inside: string, whole = ''): number {
  if (cues.length >= MAX_CUES) throw new Error(`cues.ts: at most ${MAX_CUES} cues`);
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const n = cues.length;
  cues.push({ inside: words(inside), whole: new Set(words(whole)) });
  const each = [...words(inside), ...words(whole)].every((w) => /^[a-z]+$/.test(w));
  lastText = undefined;
  // The first 32: one bit each of a 32-bit integer (the last is the sign bit: masks are only ever tested against 0).
  if (n < 32) {
    if (!each) always |= 1 << n;
    return 1 << n;
  }
  if (!each) alwaysHigh |= 1 << (n - 32);
  return 2 ** n;
}

/** A lower-cased word's parts a cue's whole words are matched against: "drop-in" → drop, in (the word itself when unjoined). */
const partsOf = (lower: string): string[] => (JOINED.test(lower) ? lower.split(/['’-]/) : [lower]);

/** The bits, in the word of `high` (cues 32-63) or not (0-31), of cues from..to-1 a lower-cased word holds. */
function bitsFor(lower: string, from: number, to: number, high: boolean): number {
  let bits = 0;
  const parts = partsOf(lower);
  for (let i = high ? Math.max(from, 32) : from; i < (high ? to : Math.min(to, 32)); i++) {
    const c = cues[i]!;
    if (c.inside.some((s) => lower.includes(s)) || parts.some((p) => c.whole.has(p))) bits |= 1 << (i & 31);
  }
  return bits;
}

/** How many cues the remembered bits cover: the cues made before the first word was read (all, outside tests). */
let remembered = -1;

/**
 * Every remembered cue's words in one scan (round 23): an automaton over the `inside` strings (a-z only: a letter
 * outside a-z starts over at the root, as no inside string holds one) whose states carry the bits of every string
 * ending there, and one map from each `whole` word to its cues' bits. A word's bits are then one pass over its letters
 * and a look-up per part, where bitsFor asks each cue's strings in turn (288 `includes` and 39 set look-ups a word met
 * first). The same bits: cue i holds when one of its inside strings occurs in the word or a part is one of its words.
 */
interface Scan {
  /** next[state * 26 + letter]: the state after a letter a-z (every transition filled: a DFA). */
  next: Int32Array;
  low: Int32Array;
  high: Int32Array;
  whole: Map<string, [number, number]>;
  /** Inside strings with a character outside a-z (none today; such a cue is in every text anyway): asked with includes. */
  odd: Array<[string, number, number]>;
}
let scan: Scan | undefined;

function buildScan(upTo: number): Scan {
  const edges: Array<Map<number, number>> = [new Map()];
  const lowOut = [0];
  const highOut = [0];
  const whole = new Map<string, [number, number]>();
  const odd: Array<[string, number, number]> = [];
  for (let i = 0; i < upTo; i++) {
    const lowBit = i < 32 ? 1 << i : 0;
    const highBit = i < 32 ? 0 : 1 << (i - 32);
    for (const s of cues[i]!.inside) {
      if (!/^[a-z]+$/.test(s)) {
        odd.push([s, lowBit, highBit]);
        continue;
      }
      let at = 0;
      for (let k = 0; k < s.length; k++) {
        const ch = s.charCodeAt(k) - 97;
        let to = edges[at]!.get(ch);
        if (to === undefined) {
          to = edges.length;
          edges.push(new Map());
          lowOut.push(0);
          highOut.push(0);
          edges[at]!.set(ch, to);
        }
        at = to;
      }
      lowOut[at]! |= lowBit;
      highOut[at]! |= highBit;
    }
    for (const w of cues[i]!.whole) {
      const b = whole.get(w) ?? [0, 0];
      whole.set(w, [b[0] | lowBit, b[1] | highBit]);
    }
  }
  // Breadth first: each state's fallback (the longest proper suffix that is a state) and its filled transitions.
  const next = new Int32Array(edges.length * 26);
  const fail = new Int32Array(edges.length);
  const queue: number[] = [];
  for (let ch = 0; ch < 26; ch++) {
    const to = edges[0]!.get(ch);
    if (to !== undefined) {
      next[ch] = to;
      queue.push(to);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const at = queue[q]!;
    lowOut[at]! |= lowOut[fail[at]!]!;
    highOut[at]! |= highOut[fail[at]!]!;
    for (let ch = 0; ch < 26; ch++) {
      const to = edges[at]!.get(ch);
      if (to === undefined) next[at * 26 + ch] = next[fail[at]! * 26 + ch]!;
      else {
        fail[to] = next[fail[at]! * 26 + ch]!;
        next[at * 26 + ch] = to;
        queue.push(to);
      }
    }
  }
  return { next, low: Int32Array.from(lowOut), high: Int32Array.from(highOut), whole, odd };
}

/** The remembered cues' bits of a lower-cased word: [cues 0-31, cues 32-63], as bitsFor(lower, 0, remembered, …) gives them. */
function scanned(lower: string): [number, number] {
  if (remembered < 0) remembered = cues.length;
  scan ??= buildScan(remembered);
  const { next, low: lowOut, high: highOut, whole, odd } = scan;
  let low = 0;
  let high = 0;
  let at = 0;
  for (let k = 0; k < lower.length; k++) {
    const ch = lower.charCodeAt(k) - 97;
    if (ch < 0 || ch >= 26) {
      at = 0;
      continue;
    }
    at = next[at * 26 + ch]!;
    low |= lowOut[at]!;
    high |= highOut[at]!;
  }
  for (const [s, l, h] of odd) {
    if (lower.includes(s)) {
      low |= l;
      high |= h;
    }
  }
  for (const p of partsOf(lower)) {
    const b = whole.get(p);
    if (b) {
      low |= b[0];
      high |= b[1];
    }
  }
  return [low, high];
}

/** For tests: a lower-cased word's bits by the one scan, and by each remembered cue asked in turn (bitsFor); always the same. */
export function cueBitsBothWays(lower: string): { scanned: [number, number]; each: [number, number] } {
  const s = scanned(lower);
  return { scanned: s, each: [bitsFor(lower, 0, remembered, false), bitsFor(lower, 0, remembered, true)] };
}

/**
 * Every cue's bits for a typed word, cues 0-31 and 32-63, remembered in the word's memo record (wordMemo.ts), which the
 * token keeps: the stages after the first read it from there, with no look-up of their own.
 */
const bitsOf = wordMemo((raw: string): [number, number] => scanned(raw.toLowerCase()));

let lastText: string | undefined;
let lastBits = 0;
let lastHigh = 0;
let lastDigits = 0;
/** Each text's [bits, high bits, digits] in a batch (./batch). */
const batchRead = new BatchSlot<[number, number, number]>();

/**
 * The cues a text holds (every cue for a text outside ASCII) and how many digits it holds (at least: a text outside
 * ASCII counts as many as the longest number needs); kept for the last text, as the detectors read it in turn.
 */
function read(text: string): void {
  if (text === lastText) return;
  const kept = batchRead.get(text);
  if (kept) {
    lastText = text;
    [lastBits, lastHigh, lastDigits] = kept;
    return;
  }
  let bits = 0;
  let high = 0;
  let digits = 0;
  if (!factsOf(text).ascii) {
    bits = ALL;
    high = ALL;
    digits = Number.POSITIVE_INFINITY;
  } else {
    const later = cues.length > remembered;
    const highCues = cues.length > 32;
    for (const t of wordsOf(text)) {
      if (t.word) {
        const b = bitsOf.of(t);
        bits |= b[0] | (later ? bitsFor(t.lower, remembered, cues.length, false) : 0);
        if (highCues) high |= b[1] | (later ? bitsFor(t.lower, remembered, cues.length, true) : 0);
      } else digits += t.end - t.start;
    }
  }
  lastText = text;
  lastBits = bits | always;
  lastHigh = high | alwaysHigh;
  lastDigits = digits;
  batchRead.set(text, [lastBits, lastHigh, lastDigits]);
}

/** Whether the text may hold one of the cues in `mask` (false: it holds none). */
export function mayHold(text: string, mask: number): boolean {
  read(text);
  if (mask >= -HIGH / 2 && mask < HIGH / 2) {
    if (mask === 0) throw new Error('cues.ts: an empty mask (cues from the 33rd on are not joined with |)');
    return (lastBits & mask) !== 0;
  }
  return (lastHigh & (mask / HIGH)) !== 0;
}

/** How many digits 0-9 the text holds (in ASCII texts; in others, a number no detector's need exceeds). */
export function digitsIn(text: string): number {
  read(text);
  return lastDigits;
}
