/**
 * Text that slips past the detectors, by a keyboard's accident or on purpose: invisible characters inside a word
 * ("Jo\u200Bhn"), a right-to-left override, full-width or mathematical letters ("Ｊｏｈｎ", "𝐉𝐨𝐡𝐧"), Cyrillic
 * look-alikes in a Latin word ("Jоhn"), letters for digits ("780-555-O1O2"), a phone in words ("four oh three…"),
 * a name spelled out after a person cue ("met j o h n"). deidentify() runs its detectors over a folded copy, the
 * detection view, and maps every span back to the text it was given; what it keeps stays as the caller wrote it.
 */
import type { Entity } from './types';
import { DETERMINERS, PERSON_AFTER, PERSON_BEFORE, SUBJECT_VERBS } from './messy';
import { cue, digitsIn, mayHold } from './cues';
import { factsOf } from './words';
import { dictionaries } from './dictionaries';
import { KEEP } from './lexicon';

/** Format characters that show nothing (soft hyphen, zero-width space, bidi marks, overrides and isolates, BOM…). */
const ALWAYS_INVISIBLE = /\u034F|[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** The joiners carry meaning in emoji sequences and in scripts that need them; between Latin letters or digits, none. */
const JOINER_IN_LATIN = /(?<=[\p{Script=Latin}\p{N}])[\u200C\u200D]+(?=[\p{Script=Latin}\p{N}])/gu;
const ANY_INVISIBLE = /\u034F|[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** Whether the text holds an invisible character (withoutInvisible would change it): none is ASCII. */
export function hasInvisible(text: string): boolean {
  return !factsOf(text).ascii && ANY_INVISIBLE.test(text);
}

/** The text without invisible characters: what is stored, and what the bot reads of a message. */
export function withoutInvisible(text: string): string {
  if (!ANY_INVISIBLE.test(text)) return text;
  return text.replace(ALWAYS_INVISIBLE, '').replace(JOINER_IN_LATIN, '');
}

/** The view drops every invisible character, joiners included: they only ever split what the detectors read. */
const DROPPED = /\u034F|[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const RLO = 0x202e;
/** A combining mark in the Basic Multilingual Plane (the ones accents are written with). */
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const MARKED_BASE = /[ -~\p{Script=Latin}\p{N}]/u;
/** What ends an override: pop directional formatting, pop directional isolate, a line break. */
const OVERRIDE_END = new Set([0x202c, 0x2069, 0x0a, 0x0d]);

/**
 * Cyrillic and Greek letters drawn like Latin ones. Folded in a word that also holds a Latin letter or a digit
 * ("Jоhn", "780-555-О1О2"), or that is made of them alone between Latin words ("met Јое at"); a Greek or Cyrillic
 * word among its own ("ΜΟΝΗ ΑΓΙΩΝ") stays as it is.
 */
const CONFUSABLE: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S', У: 'Y',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', ο: 'o', ı: 'i',
};
const CONFUSABLE_CHAR = new RegExp(`[${Object.keys(CONFUSABLE).join('')}]`, 'u');
const CONFUSABLE_WORD = new RegExp(`[\\p{L}\\p{M}\\p{N}]*[${Object.keys(CONFUSABLE).join('')}][\\p{L}\\p{M}\\p{N}]*`, 'gu');
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}]/u;
/** The nearest letter or digit before (or after) a position is Latin or a digit, or there is none. */
const latinBefore = (t: string, at: number) => /(?:^|[\p{Script=Latin}\p{N}])[^\p{L}\p{N}]*$/u.test(t.slice(Math.max(0, at - 20), at));
const latinAfter = (t: string, at: number) => /^[^\p{L}\p{N}]*(?:$|[\p{Script=Latin}\p{N}])/u.test(t.slice(at, at + 20));

/** Zeros of the decimal digits people type in other scripts (Arabic-Indic, Persian, Devanagari, Bengali…). */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810];

/** How many code points foldedChars and changes each keep before they start over (Unicode holds 1.1 million). */
const CODE_POINTS = 10_000;
const foldedChars = new Map<number, string | null>();
/**
 * What one non-ASCII code point reads as in the view, or null for itself: NFKC when it gives one character
 * (full-width, mathematical, circled, superscript letters and digits; no-break spaces) or a Latin ligature's
 * letters, and another script's digit as its ASCII digit. Precomposed accented letters are their own NFKC form.
 */
function fold(cp: number): string | null {
  let f = foldedChars.get(cp);
  if (f !== undefined) return f;
  f = null;
  const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
  if (zero !== undefined) f = String(cp - zero);
  else {
    const ch = String.fromCodePoint(cp);
    const n = ch.normalize('NFKC');
    if (n !== ch && ([...n].length === 1 || (cp >= 0xfb00 && cp <= 0xfb06))) f = n;
  }
  if (foldedChars.size >= CODE_POINTS) foldedChars.clear();
  foldedChars.set(cp, f);
  return f;
}

const DASH_IN_NUMBER = /(?<=\d)[\u2010-\u2015\u2212\uFE58\uFE63](?=\d)/;
const DASH_IN_NUMBER_G = new RegExp(DASH_IN_NUMBER.source, 'g');
/** Letters typed for digits inside a phone: "780-555-O1O2", "(4O3) 555 Ol67". */
const LETTER_DIGIT_GATE = /\d[\s.-]?[OoIl]|[OoIl][\s.-]?\d/;
const LETTERED_PHONE = /(?<![\p{L}\p{N}@._-])\+?\(?[\dOoIl](?:[\s.()-]{0,2}[\dOoIl]){6,14}(?![\p{L}\p{N}])/gu;
/**
 * A phone's run is folded when most of it is digits and each group holds a digit or is one character, or, with six
 * digits or more, is up to four letters with a capital O or I ("587.555.OllO"; never "lol" after a number).
 */
function letteredPhone(run: string): boolean {
  const digits = run.match(/\d/g)?.length ?? 0;
  const letters = run.match(/[OoIl]/g)?.length ?? 0;
  return digits >= 5 && digits >= letters && run.split(/[\s.()+-]+/).every((g) => !g || /\d/.test(g) || g.length === 1 || (digits >= 6 && g.length <= 4 && /[OI]/.test(g)));
}

/**
 * The text the detectors read, and where each of its UTF-16 units came from in the caller's text (`from`/`to`
 * absent when every unit is where it was).
 */
export interface View {
  text: string;
  from?: number[];
  to?: number[];
}

const NON_ASCII = /[\u0080-\uFFFF]/g;
const changes = new Map<number, boolean>();
/** Whether a non-ASCII character of the text folds, drops or composes (an override is dropped too): most texts hold none. */
function mayFold(text: string): boolean {
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) {
    const cp = text.codePointAt(m.index)!;
    let c = changes.get(cp);
    if (c === undefined) {
      c = DROPPED.test(m[0]) || MARK.test(m[0]) || fold(cp) !== null;
      if (changes.size >= CODE_POINTS) changes.clear();
      changes.set(cp, c);
    }
    if (c) return true;
    if (cp > 0xffff) NON_ASCII.lastIndex++;
  }
  return false;
}

/**
 * The detection view of `text`, or undefined when it is the text itself (most texts: the check is one regex, or a
 * walk over the non-ASCII code points). With `reverseOverrides` a run after a right-to-left override is read
 * in the order it shows ("\u202Enhoj" shows "john").
 */
export function detectionView(text: string, reverseOverrides = false): View | undefined {
  let out = '';
  let from: number[] | undefined;
  let to: number[] | undefined;
  // Every character that folds, drops, composes, looks alike or is a dash to mend is outside ASCII: a plain ASCII
  // text (most notes) needs only the letters-for-digits look below.
  const facts = factsOf(text);
  const ascii = facts.ascii;
  if (!ascii && mayFold(text)) {
    const f: number[] = [];
    const t: number[] = [];
    let changed = false;
    const emit = (s: string, a: number, b: number) => {
      out += s;
      for (let k = 0; k < s.length; k++) {
        f.push(a);
        t.push(b);
      }
    };
    const one = (cp: number, a: number, b: number) => {
      if (cp < 0x80) return emit(String.fromCharCode(cp), a, b);
      const ch = String.fromCodePoint(cp);
      const r = DROPPED.test(ch) ? '' : fold(cp);
      if (r !== null) changed = true;
      emit(r ?? ch, a, b);
    };
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const w = cp > 0xffff ? 2 : 1;
      if (cp === RLO && reverseOverrides) {
        // The override's run, read right to left as it shows.
        const run: Array<[number, number]> = [];
        let j = i + 1;
        while (j < text.length) {
          const c = text.codePointAt(j)!;
          if (OVERRIDE_END.has(c)) break;
          run.push([c, j]);
          j += c > 0xffff ? 2 : 1;
        }
        for (let k = run.length - 1; k >= 0; k--) {
          const [c, at] = run[k]!;
          one(c, at, at + (c > 0xffff ? 2 : 1));
        }
        changed = true;
        i = j;
        continue;
      }
      // A letter written with combining marks ("cafe\u0301") reads as its composed form, as most keyboards type it.
      let j = i + w;
      while (j < text.length && MARK.test(text[j]!)) j++;
      if (j > i + w) {
        const cluster = text.slice(i, j);
        let composed = cluster.normalize('NFKC');
        // Marks no precomposed letter takes ("S̶a̶r̶a̶h̶", stacked "zalgo" marks) are dropped after a Latin letter, a digit
        // or ASCII punctuation ("j̶.̶d̶o̶e̶@̶…"); scripts written with marks keep theirs.
        if (MARKED_BASE.test(composed[0]!) && MARK.test(composed)) composed = composed.replace(MARKS, '');
        if (composed !== cluster && !DROPPED.test(cluster)) {
          emit(composed, i, j);
          changed = true;
          i = j;
          continue;
        }
      }
      one(cp, i, i + w);
      i += w;
    }
    if (changed) {
      from = f;
      to = t;
    } else out = text;
  } else out = text;
  // Look-alike letters, where a word holds a Latin letter or nothing else: "Jоhn" (Cyrillic о), "Јое".
  if (!ascii && CONFUSABLE_CHAR.test(out)) {
    out = out.replace(CONFUSABLE_WORD, (w: string, at: number, all: string) => {
      const swapped = [...w].map((c) => CONFUSABLE[c] ?? c).join('');
      if (LATIN_OR_DIGIT.test(w)) return swapped;
      return /^[\p{Script=Latin}\p{M}]+$/u.test(swapped) && latinBefore(all, at) && latinAfter(all, at + w.length) ? swapped : w;
    });
  }
  // A dash between digits is a hyphen ("780–555–0142" with en dashes, as phones' smart punctuation types it).
  if (!ascii && DASH_IN_NUMBER.test(out)) out = out.replace(DASH_IN_NUMBER_G, '-');
  // Letters for digits inside a phone's shape, one for one: "780-555-O1O2" reads "780-555-0102". The gate needs a digit.
  if ((out !== text || facts.digits > 0) && LETTER_DIGIT_GATE.test(out)) {
    out = out.replace(LETTERED_PHONE, (m) => (letteredPhone(m) ? m.replace(/[Oo]/g, '0').replace(/[Il]/g, '1') : m));
  }
  if (out === text) return undefined;
  return from ? { text: out, from, to } : { text: out };
}

/** A word or text as the detectors read it: for names given by a caller and the hashes of the name memory. */
export function folded(text: string): string {
  return detectionView(text)?.text ?? text;
}

/** A span of the view as a span of the caller's text: every unit it covers, wherever the view took it from. */
export function toCaller(view: View, e: Entity): Entity {
  if (!view.from || !view.to) return e;
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (let k = e.start; k < e.end; k++) {
    start = Math.min(start, view.from[k]!);
    end = Math.max(end, view.to[k]!);
  }
  return end > start ? { start, end, type: e.type } : e;
}

/** Whether the text holds a right-to-left override: then it is read both ways, as stored and as it shows. */
export function hasOverride(text: string): boolean {
  return text.includes('\u202E');
}

/** Digits said in words, in English, French (franglais notes) and Spanish. */
const DIGIT_OF: Record<string, string> = {
  zero: '0', oh: '0', o: '0', nought: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', niner: '9',
  zéro: '0', un: '1', une: '1', deux: '2', trois: '3', quatre: '4', cinq: '5', sept: '7', huit: '8', neuf: '9',
  cero: '0', uno: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9',
};
const NUMBER_WORDS = Object.keys(DIGIT_OF).sort((a, b) => b.length - a.length).join('|');
const SPELLED_GATE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${NUMBER_WORDS.replace(/\|o\b|\|oh\b/g, '')})(?![\\p{L}\\p{N}])`, 'iu');
/** SPELLED_GATE's words (cues.ts); those outside a-z ("zéro") are only in texts outside ASCII, which hold every cue. */
const NUMBER_WORD_CUE = cue('', Object.keys(DIGIT_OF).filter((w) => /^[a-z]+$/.test(w) && w !== 'o' && w !== 'oh').join(' '));
const SPELLED_TOKEN = `(?:${NUMBER_WORDS}|double|triple|\\d{1,4})`;
const SPELLED_RUN = new RegExp(`(?<![\\p{L}\\p{N}])(?:[+(] ?)?${SPELLED_TOKEN}(?:[\\s,.()+-]{1,3}${SPELLED_TOKEN})+(?![\\p{L}\\p{N}])`, 'giu');
/** "one two three four five six seven": counting, not a phone. */
function counting(run: string): boolean {
  const digits = run.toLowerCase().split(/[\s,.()+-]+/).map((t) => DIGIT_OF[t] ?? t).join('');
  return /^\d+$/.test(digits) && [...digits].every((d, k) => k === 0 || Number(d) === Number(digits[k - 1]) + 1);
}

/**
 * Phones said in words, alone or mixed with digits: "four oh three five five five oh one four two",
 * "825 five five five 0130", "double five". Seven to fifteen digits and at least two number words.
 */
export function spelledPhones(text: string): Entity[] {
  if (!mayHold(text, NUMBER_WORD_CUE) || !SPELLED_GATE.test(text)) return [];
  const out: Entity[] = [];
  SPELLED_RUN.lastIndex = 0;
  for (let m = SPELLED_RUN.exec(text); m; m = SPELLED_RUN.exec(text)) {
    let digits = 0;
    let words = 0;
    let times = 1;
    for (const tok of m[0].toLowerCase().split(/[\s,.()+-]+/)) {
      if (!tok) continue;
      if (tok === 'double' || tok === 'triple') times = tok === 'double' ? 2 : 3;
      else {
        if (/^\d+$/.test(tok)) digits += tok.length * times;
        else {
          digits += times;
          words++;
        }
        times = 1;
      }
    }
    if (words >= 2 && digits >= 7 && digits <= 15 && !counting(m[0])) out.push({ start: m.index, end: m.index + m[0].length, type: 'PHONE' });
  }
  return out;
}

const SPELLED_GATE_ASCII = /(?:^|[^\w])\w[ .-]\w[ .-]\w(?!\w)/;
const SPELLED_GATE_UNICODE = /(?<![\p{L}\p{N}])\p{L}[ .-]\p{L}[ .-]\p{L}(?![\p{L}\p{N}])/u;
const SPELLED_NAME = /(?<![\p{L}\p{N}])\p{L}(?:(?:\. ?| |-)\p{L}){2,}\.?(?![\p{L}\p{N}])/gu;
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mx']);

/** Whether the word at [start, end) sits in a person slot: a person cue or title before it, a person's verb after. */
function personSlot(text: string, start: number, end: number, before = wordBefore(text, start)): boolean {
  // "the R.C.M.P. came": an organisation, not a person.
  if (before && DETERMINERS.has(before)) return false;
  const after = /^\s+([\p{L}']+)/u.exec(text.slice(end, end + 30))?.[1]?.toLowerCase();
  return !!((before && (PERSON_BEFORE.has(before) || TITLES.has(before))) || (after && (PERSON_AFTER.has(after) || SUBJECT_VERBS.has(after))));
}

function wordBefore(text: string, start: number): string | undefined {
  return /([\p{L}/']+)[.,:]?\s+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase();
}

/** "a b c d", "w x y z": the alphabet, not a name. */
function alphabetical(run: string): boolean {
  const letters = run.toLowerCase().replace(/[^a-z]/g, '');
  return [...letters].every((c, k) => k === 0 || c.charCodeAt(0) === letters.charCodeAt(k - 1) + 1);
}



/** A word of letters with digits drawn like letters in it, "J0hn", "m4rcy", "K3lly" (never first: "2day", "4th"). */
const LEET_WORD = /(?<![\p{L}\p{N}_@.-])\p{L}[\p{L}013457]*[013457][\p{L}013457]*(?![\p{L}\p{N}_@-]|\.\p{L})/gu;
const LEET_LETTER: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/** Digits SMS writes for their sound: "every1", "some1" (round 26). */
const SOUNDS: Record<string, string> = { '1': 'one', '4': 'for' };

/**
 * Round 26: a word with digits written for their sound, not their shape — "thx every1", "some1 said", "4ever" read as
 * an English word ("everyone") or a keep-list word as typed: SMS, no name in disguise.
 */
function smsSpelling(word: string): boolean {
  const lower = word.toLowerCase();
  return KEEP.has(lower) || dictionaries().english.has(lower.replace(/[14]/g, (c) => SOUNDS[c]!));
}

/**
 * Names written to dodge: spelled out letter by letter ("a u t u m n is back"; three letters, or with dots or hyphens,
 * only in a person slot: "met j o h n", "with J.O.H.N.", "j-o-h-n said"), or with digits for letters in a person slot
 * ("met J0hn", "texted m4rcy"). A person slot: a cue or title before, a person's verb after. Returns the spans and
 * the words they spell, so that the same name written plainly is hidden everywhere else in the text.
 */
export function disguisedNames(text: string): { spans: Entity[]; words: string[] } {
  const spans: Entity[] = [];
  const words: string[] = [];
  if (digitsIn(text) > 0 && /\p{L}[013457]|[013457]\p{L}/u.test(text)) {
    LEET_WORD.lastIndex = 0;
    for (let m = LEET_WORD.exec(text); m; m = LEET_WORD.exec(text)) {
      const letters = m[0].replace(/\d/g, '').length;
      if (letters < 2 || m[0].length - letters > letters || smsSpelling(m[0]) || !personSlot(text, m.index, m.index + m[0].length)) continue;
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'NAME' });
      const plain = m[0].replace(/\d/g, (d) => LEET_LETTER[d]!);
      words.push(plain);
      if (m[0].includes('1')) words.push(plain.replace(/i/g, (c, k: number) => (m![0][k] === '1' ? 'l' : c)));
    }
  }
  // Three one-character tokens in a row, looked for without Unicode classes first (the costly scan is rarer).
  if (!SPELLED_GATE_ASCII.test(text) && !(!factsOf(text).ascii && SPELLED_GATE_UNICODE.test(text))) return { spans, words };
  SPELLED_NAME.lastIndex = 0;
  for (let m = SPELLED_NAME.exec(text); m; m = SPELLED_NAME.exec(text)) {
    let start = m.index;
    let run = m[0];
    const runEnd = m.index + m[0].length;
    const last = spans[spans.length - 1];
    // Four letters or more spaced out ("a u t u m n") are no English; dotted ones may be an acronym ("O.D.S.P.").
    // A second spelled-out word right after one ("j o h n  s m i t h") is the same name's.
    if (alphabetical(run)) continue;
    const before = wordBefore(text, start);
    // "sat w j o h n": after a word that is no cue itself, a first "w" is "with", not the name's first letter.
    if (/^w /i.test(run) && run.length >= 7 && before && !PERSON_BEFORE.has(before) && !/[.!?]\s*$/.test(text.slice(0, start))) {
      start += 2;
      run = run.slice(2);
    }
    const plain = /^\p{L}(?: \p{L}){3,}$/u.test(run) && !(before && DETERMINERS.has(before));
    const follows = !!last && /^\s+$/.test(text.slice(last.end, start));
    if (!plain && !follows && !personSlot(text, start, runEnd, start === m.index ? before : 'w')) continue;
    const end = run.endsWith('.') && !/^\p{L}\./u.test(run) ? start + run.length - 1 : start + run.length;
    spans.push({ start, end, type: 'NAME' });
    words.push(run.replace(/[^\p{L}]/gu, ''));
  }
  return { spans, words };
}
