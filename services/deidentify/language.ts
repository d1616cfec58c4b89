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
import { LANGUAGE_EVIDENCE } from './languageEvidence';
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
  /** The language's own given names and surnames (round 20's languages): never kept as its words. */
  names?: Set<string>;
}

/**
 * The languages a note may be partly written in, each a bit, from a `@zxcvbn-ts/language-*` package (words ranked by
 * how often subtitles say them, with given names and surnames). French and Spanish since round 6; Portuguese, Italian,
 * German, Dutch and Polish since round 20 (words of other languages hidden as names, issue 13), whose own given names
 * and surnames stay names.
 */
interface Source {
  pkg: string;
  words: string;
  /** Keys of the package's name lists (FR, ES: none; their given names are in given()). */
  names: string[];
  /** The keep-list scope of the language's colloquial words (content/deid-keep.json). */
  scope: string;
}

const FR = 1;
const ES = 2;
const SOURCES: Record<number, Source> = {
  [FR]: { pkg: '@zxcvbn-ts/language-fr', words: 'commonWords-fr', names: [], scope: 'french' },
  [ES]: { pkg: '@zxcvbn-ts/language-es-es', words: 'commonWords-es-es', names: [], scope: 'spanish' },
  4: { pkg: '@zxcvbn-ts/language-pt-br', words: 'commonWords-pt-br', names: ['firstnames-pt-br', 'lastnames-pt-br'], scope: 'portuguese' },
  8: { pkg: '@zxcvbn-ts/language-it', words: 'commonWords', names: ['firstnames', 'lastnames'], scope: 'italian' },
  16: { pkg: '@zxcvbn-ts/language-de', words: 'commonWords', names: ['firstnames', 'lastnames'], scope: 'german' },
  32: { pkg: '@zxcvbn-ts/language-nl-be', words: 'commonWords', names: ['boysFirstnames', 'girlsFirstnames', 'lastnames'], scope: 'dutch' },
  64: {
    pkg: '@zxcvbn-ts/language-pl',
    words: 'commonWords',
    names: ['femaleFirstnames', 'maleFirstnames', 'femaleLastnames', 'maleLastnames'],
    scope: 'polish',
  },
};
const BITS = Object.keys(SOURCES).map(Number);
const cache: Partial<Record<number, Language>> = {};

function folded(w: string): string {
  return w.normalize('NFD').replace(/\p{M}/gu, '');
}

function packageDict(bit: number): Record<string, string[]> {
  // Required here, not at the top: the lists are decompressed (~0.02–0.07 s each) at the first note for French and
  // Spanish (their evidence words), for round 20's languages only at a note that shows them.
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  return require(SOURCES[bit]!.pkg).dictionary as Record<string, string[]>;
}

function ranked(bit: number): string[] {
  return packageDict(bit)[SOURCES[bit]!.words]!;
}

function build(bit: number): Language {
  const dict = packageDict(bit);
  const rank = new Map<string, number>();
  dict[SOURCES[bit]!.words]!.forEach((w, i) => {
    const l = w.toLowerCase();
    if (!rank.has(l)) rank.set(l, i);
  });
  for (const [w, i] of [...rank]) {
    const f = folded(w);
    if (!rank.has(f)) rank.set(f, i);
  }
  const scoped = keepList().scoped.get(SOURCES[bit]!.scope) ?? new Set<string>();
  let names: Set<string> | undefined;
  for (const key of SOURCES[bit]!.names) {
    names ??= new Set<string>();
    for (const n of dict[key] ?? []) {
      names.add(n.toLowerCase());
      names.add(folded(n.toLowerCase()));
    }
  }
  return { rank, more: bit === FR ? french().words : undefined, scoped, names };
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

/** Evidence words a language shares with another: evidence of neither of round 20's languages ("que", "para", "non"). */
function sharedEvidence(bit: number, w: string, tops: Map<number, Set<string>>): boolean {
  for (const [other, top] of tops) if (other !== bit && (top.has(w) || top.has(folded(w)))) return true;
  return false;
}

/**
 * Round 20's languages' evidence words, by keep-list scope, as their packages give them: of the language's 300
 * commonest words of three letters or more, those that are no English word of any rank, no name a list holds, no
 * keep-list word ("dat", "wat") and none among another language's 300 commonest ("que", "para", "non"); typed without
 * accents too unless that is such a word ("sarà" → "sara", "mają" → "maja"). Shipped as languageEvidence.ts (written by
 * `npx tsx bench/languageEvidence.ts`, checked by a test) so that a process decompresses a language's list only for a
 * note that shows it.
 */
export function strictEvidence(): Record<string, string[]> {
  const { common, firstNames, english, anyNames } = dictionaries();
  const keep = keepList().words;
  const heads = new Map<number, string[]>(BITS.map((bit) => [bit, ranked(bit).slice(0, FUNCTION_RANK)]));
  const tops = new Map<number, Set<string>>();
  for (const [bit, head] of heads) tops.set(bit, new Set(head.map((w) => w.toLowerCase())));
  const out: Record<string, string[]> = {};
  for (const [bit, head] of heads) {
    if (bit === FR || bit === ES) continue;
    const words = new Set<string>();
    for (const w of head) {
      if (w.length < 3 || !/^\p{L}+$/u.test(w) || common.has(w) || firstNames.has(w) || sharedEvidence(bit, w, tops)) continue;
      const plain = folded(w);
      for (const form of plain === w ? [w] : [w, plain]) {
        if (!english.has(form) && !anyNames.has(form) && !keep.has(form) && !common.has(form)) words.add(form);
      }
    }
    out[SOURCES[bit]!.scope] = [...words].sort();
  }
  return out;
}

/**
 * Words that show a note is written in a language: its 300 commonest words of three letters or more that are no common
 * English word and no English given name ("était", "avec", "dijo", "tiene"; not "les", "con", "are"), with the French
 * markers; round 20's languages by their shipped evidence words (strictEvidence). Built once, at the first note.
 */
let evidence: Map<string, number> | undefined;
let longestEvidence = 0;
function evidenceWords(): Map<string, number> {
  if (evidence) return evidence;
  const { common, firstNames } = dictionaries();
  const out = new Map<string, number>();
  for (const bit of [FR, ES]) {
    for (const w of ranked(bit).slice(0, FUNCTION_RANK)) {
      if (w.length < 3 || !/^\p{L}+$/u.test(w) || common.has(w) || firstNames.has(w)) continue;
      out.set(w, (out.get(w) ?? 0) | bit);
      out.set(folded(w), (out.get(folded(w)) ?? 0) | bit);
    }
  }
  for (const w of FRENCH_MARKERS) out.set(w, (out.get(w) ?? 0) | FR);
  for (const bit of BITS) {
    for (const w of LANGUAGE_EVIDENCE[SOURCES[bit]!.scope] ?? []) out.set(w, (out.get(w) ?? 0) | bit);
  }
  evidence = out;
  longestEvidence = Math.max(...[...out.keys()].map((w) => w.length));
  return out;
}

const NO_EVIDENCE: [string, number] = ['', 0];

/**
 * The word that shows a language in a typed word, and which (the languages' bits): "" and 0 for most. The word as it is, or,
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
  if (lang.names?.has(bare) || lang.names?.has(plain)) return 0;
  if (r !== undefined && r < COMMON_RANK) return 1;
  // A rarer word is a word unless a name list holds it: subtitles and word lists hold names too ("lupe", "sylvie").
  return (r !== undefined || lang.more?.has(lower) || lang.more?.has(bare)) && !dictionaries().anyNames.has(bare) && !dictionaries().anyNames.has(plain) ? 1 : 0;
}

let lastText: string | undefined;
let lastTest: ((lower: string) => ForeignWord) | null = null;

/**
 * For a note with words of French, Spanish, Portuguese, Italian, German, Dutch or Polish in it (two different words that
 * show the language, anywhere: franglais and Spanglish notes too), a test of whether a lower-cased word is a word of
 * that language; null for any other note.
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
  let seen = 0;
  // Each language's first evidence word: a second, different one shows the language.
  const first = new Map<number, string>();
  for (const t of wordsOf(text)) {
    if (t.raw.length < 3 || !t.word) continue;
    const found = evidenceOf.of(t);
    const e = found[1];
    if (!e) continue;
    const w = found[0];
    for (const bit of BITS) {
      if (!(e & bit) || bits & bit) continue;
      if (!(seen & bit)) {
        seen |= bit;
        first.set(bit, w);
      } else if (w !== first.get(bit)) bits |= bit;
    }
  }
  if (!bits) return;
  const langs = BITS.filter((b) => bits & b).map(language);
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
