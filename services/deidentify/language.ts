/**
 * Notes written partly in French or Spanish (Québécois and Acadian PSWs, Spanish-English switching): a word of the
 * note's other language is a word, not an unknown word taken for a name. The languages come from
 * `@zxcvbn-ts/language-fr` and `language-es-es` (words ranked by how often subtitles say them, with given names and
 * surnames), the French inflections of `an-array-of-french-words`, and the keep-list groups scoped to a language
 * (content/deid-keep.json: colloquial words no dictionary holds, "faque", "pis", "mija").
 */
import { dictionaries, french, FRENCH_MARKERS, frenchPieces } from './dictionaries';
import { BatchSlot } from './batch';
import { keepList } from './keepList';
import { wordMemo } from './wordMemo';
import { wordsOf } from './words';

/** Ranked words below this are the language's function words: words even where a name list holds them ("de", "la"). */
const FUNCTION_RANK = 300;
/** Ranked words below this are common: words (names only in a person slot) even where a surname list holds them. */
const COMMON_RANK = 10_000;

/** A word of the language, ranked; its ranked words are also found typed without accents ("etait", "aqui"). */
interface Language {
  rank: Map<string, number>;
  /** Inflections and colloquial words beyond the ranked list (French only: an-array-of-french-words). */
  more?: Set<string>;
  scoped: Set<string>;
}

const FR = 1;
const ES = 2;
const cache: Partial<Record<number, Language>> = {};

function folded(w: string): string {
  return w.normalize('NFD').replace(/\p{M}/gu, '');
}

function packageDict(bit: number): Record<string, string[]> {
  // Required here, not at the top: the lists are decompressed (~0.1–0.2 s each) only when a note has words of either.
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  return (bit === FR ? require('@zxcvbn-ts/language-fr') : require('@zxcvbn-ts/language-es-es')).dictionary as Record<string, string[]>;
}

function build(bit: number): Language {
  const rank = new Map<string, number>();
  packageDict(bit)[bit === FR ? 'commonWords-fr' : 'commonWords-es-es']!.forEach((w, i) => {
    const l = w.toLowerCase();
    if (!rank.has(l)) rank.set(l, i);
  });
  for (const [w, i] of [...rank]) {
    const f = folded(w);
    if (!rank.has(f)) rank.set(f, i);
  }
  const scoped = keepList().scoped.get(bit === FR ? 'french' : 'spanish') ?? new Set<string>();
  return { rank, more: bit === FR ? french().words : undefined, scoped };
}

let givenNames: Set<string> | undefined;
/**
 * Given names in English, French and Spanish (the French package files its given names under "lastnames"): a name in
 * one language's list is a name in a note of any ("sylvie" is a rare Spanish subtitle word, "lupe" a rare French one).
 */
function given(): Set<string> {
  if (givenNames) return givenNames;
  const out = new Set<string>(dictionaries().firstNames);
  for (const n of packageDict(FR)['lastnames-fr'] ?? []) out.add(n.toLowerCase());
  for (const n of packageDict(ES)['firstnames-es-es'] ?? []) out.add(n.toLowerCase());
  givenNames = out;
  return out;
}

function language(bit: number): Language {
  cache[bit] ??= build(bit);
  return cache[bit];
}

/** Elided French articles and pronouns before a word: "l'appartement", "qu'elle", "j’ai". */
const ELISION = /^(?:[dljmnstc]|qu|jusqu|lorsqu|puisqu)['’]/;

/**
 * Words that show a note is written in a language: its 300 commonest words of three letters or more that are no common
 * English word and no English given name ("était", "avec", "dijo", "tiene"; not "les", "con", "are"), with the French
 * markers. Built once, at the first note.
 */
let evidence: Map<string, number> | undefined;
let longestEvidence = 0;
function evidenceWords(): Map<string, number> {
  if (evidence) return evidence;
  const { common, firstNames } = dictionaries();
  const out = new Map<string, number>();
  for (const bit of [FR, ES]) {
    const list = packageDict(bit)[bit === FR ? 'commonWords-fr' : 'commonWords-es-es']!;
    for (const w of list.slice(0, FUNCTION_RANK)) {
      if (w.length < 3 || !/^\p{L}+$/u.test(w) || common.has(w) || firstNames.has(w)) continue;
      out.set(w, (out.get(w) ?? 0) | bit);
      out.set(folded(w), (out.get(folded(w)) ?? 0) | bit);
    }
  }
  for (const w of FRENCH_MARKERS) out.set(w, (out.get(w) ?? 0) | FR);
  evidence = out;
  longestEvidence = Math.max(...[...out.keys()].map((w) => w.length));
  return out;
}

const NO_EVIDENCE: [string, number] = ['', 0];

/**
 * The word that shows a language in a typed word, and which (FR, ES bits): "" and 0 for most. The word as it is, or,
 * joined by an apostrophe or a hyphen, its pieces read as French cuts them ("qu'elle" → "elle", "c'est-à-dire" →
 * "c'est"). Remembered in the word's memo record, which the token keeps.
 */
const evidenceOf = wordMemo((raw: string): [string, number] => {
  const ev = evidenceWords();
  if (raw.length <= longestEvidence) {
    const lower = raw.toLowerCase();
    const bits = ev.get(lower) ?? 0;
    if (bits) return [lower, bits];
  }
  if (!raw.includes("'") && !raw.includes('’') && !raw.includes('-')) return NO_EVIDENCE;
  for (const piece of frenchPieces(raw)) {
    const lower = piece.toLowerCase().replace(/’/g, "'");
    const bare = lower.replace(ELISION, '');
    const bits = ev.get(lower) ?? ev.get(bare);
    if (bits) return [ev.has(lower) ? lower : bare, bits];
  }
  return NO_EVIDENCE;
});

/** 0: no word of the language; 1: a word of it (a name in a person slot when a name list holds it); 2: a function word. */
export type ForeignWord = 0 | 1 | 2;

function wordOf(lang: Language, lower: string): ForeignWord {
  const bare = lower.replace(ELISION, '');
  const r = lang.rank.get(lower) ?? lang.rank.get(bare);
  if (r !== undefined && r < FUNCTION_RANK) return 2;
  if (lang.scoped.has(lower) || lang.scoped.has(bare)) return 1;
  // A given name stays a name ("pierre", "claire", "lupe"), typed with its accents or not ("étienne"): only other
  // words are words.
  const plain = folded(bare);
  if (given().has(lower) || given().has(bare) || given().has(plain)) return 0;
  if (r !== undefined && r < COMMON_RANK) return 1;
  // A rarer word is a word unless a name list holds it: subtitles and word lists hold names too ("lupe", "sylvie").
  return (r !== undefined || lang.more?.has(lower) || lang.more?.has(bare)) && !dictionaries().anyNames.has(bare) && !dictionaries().anyNames.has(plain) ? 1 : 0;
}

let lastText: string | undefined;
let lastTest: ((lower: string) => ForeignWord) | null = null;

/**
 * For a note with words of French or Spanish in it (two different words that show the language, anywhere: franglais
 * and Spanglish notes too), a test of whether a lower-cased word is a word of that language; null for any other note.
 * The detectors ask it in turn about the same text: the last answer is kept. English is judged first by the callers,
 * so a French or Spanish reading only saves words English does not know.
 */
export function foreignWordsOf(text: string): ((lower: string) => ForeignWord) | null {
  if (text === lastText) return lastTest;
  const kept = batchTests.get(text);
  if (kept) {
    lastText = text;
    [lastTest, lastWordTest] = kept;
    return lastTest;
  }
  readForeign(text);
  batchTests.set(text, [lastTest, lastWordTest]);
  return lastTest;
}

/** Each text's two tests in a batch (./batch). */
const batchTests = new BatchSlot<[((lower: string) => ForeignWord) | null, ((lower: string) => boolean) | null]>();

/** foreignWordsOf's reading of a text not kept: sets lastText, lastTest and lastWordTest. */
function readForeign(text: string): void {
  lastText = text;
  lastTest = null;
  lastWordTest = null;
  let bits = 0;
  let firstFr = '';
  let firstEs = '';
  for (const t of wordsOf(text)) {
    if (t.raw.length < 3 || !t.word) continue;
    const found = evidenceOf.of(t);
    const e = found[1];
    if (!e) continue;
    const w = found[0];
    if (e & FR) {
      if (!firstFr) firstFr = w;
      else if (w !== firstFr) bits |= FR;
    }
    if (e & ES) {
      if (!firstEs) firstEs = w;
      else if (w !== firstEs) bits |= ES;
    }
    if (bits === (FR | ES)) break;
  }
  if (!bits) return;
  const langs = [FR, ES].filter((b) => bits & b).map(language);
  const proper = capitalisedInside(text);
  lastTest = (lower) => {
    if (proper?.has(lower)) return 0;
    let best: ForeignWord = 0;
    for (const l of langs) {
      const v = wordOf(l, lower.replace(/’/g, "'"));
      if (v > best) best = v;
    }
    return best;
  };
  lastWordTest = (lower) => lastTest!(lower) > 0;
}

/** Marks after which a capital opens a sentence or a quote: "Estoy cansada", « Elle dit ». */
const OPENERS = '.!?\n:;"“«¿¡(';

/**
 * The words written with a capital inside a sentence (lower-cased), or undefined when none: in an English sentence a
 * capitalised French or Spanish word is a name ("at Centro Comunitario La Familia"), never read as a word.
 */
function capitalisedInside(text: string): Set<string> | undefined {
  let out: Set<string> | undefined;
  for (const t of wordsOf(text)) {
    const c = t.raw.charCodeAt(0);
    if (!(c >= 65 && c <= 90) && !(c > 127 && /^\p{Lu}/u.test(t.raw))) continue;
    let i = t.start - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    if (i < 0 || OPENERS.includes(text[i]!)) continue;
    out ??= new Set<string>();
    out.add(t.lower);
  }
  return out;
}

let lastWordTest: ((lower: string) => boolean) | null = null;

/** foreignWordsOf as a yes or no: whether a lower-cased word is a word of the note's other language (null: none). */
export function foreignWordTest(text: string): ((lower: string) => boolean) | null {
  return foreignWordsOf(text) ? lastWordTest : null;
}
