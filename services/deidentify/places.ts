/**
 * Local places by the names people use (content/deid-places.json, checked against its schema when first read):
 * "the mis", "royal alex", "george spady". Each organisation keeps its own list; they are hidden as FACILITY in
 * any case. Generic kinds of place ("the food bank") belong on the keep-list instead.
 */
import type { Entity } from './types';
import { readCheckedList } from '../content/checkedList';
import { oneEdit } from './typos';
import { streetAfterPlace } from './messyPatterns';
import { escapeRegExp } from '../escapeRegExp';
import { wordMemo } from './wordMemo';
import { factsOf, plainLetters, wordsOf } from './words';

let re: RegExp | undefined;
/** Two-word names by each word, for names typed with one letter wrong ("royl alex", "gery nuns"). */
let pairs: Array<[string, string]> = [];
/** The same pairs by their first word and by their second: a pair of words typed is looked up, not compared with each. */
let partnersAfter = new Map<string, string[]>();
let partnersBefore = new Map<string, string[]>();
/** The first run of letters of each name ("royal", "u" of "u of a hospital"): a name starts only where a word holds one. */
let firstRuns = new Set<string>();
/** Whether some name opens with no letter (none does today): then the regex looks everywhere. */
let unanchored = false;
/** The names' regex, sticky: tried only where a first run is typed. */
let sticky: RegExp | undefined;
/** Any word of those names, anywhere in a text (one scan; a look for each word in turn cost ten times as much). */
let pairWord = /$^/;
/** Whether every word of the two-word names is letters, joined by ' or - (then a token holds any match of pairWord). */
let pairWordsInTokens = true;

function placesRegex(): RegExp {
  if (re) return re;
  const data = readCheckedList<{ groups: Array<{ terms: string[] }> }>('deid-places.json');
  // "the mis": the article is prose and stays outside the span.
  const terms = data.groups.flatMap((g) => g.terms.map((t) => t.toLowerCase().replace(/^the /, '')));
  pairs = [...new Set(terms)].map((t) => t.split(' ')).filter((w): w is [string, string] => w.length === 2 && w.every((x) => x.length >= 4));
  partnersAfter = new Map();
  partnersBefore = new Map();
  for (const [x, y] of pairs) {
    partnersAfter.set(x, [...(partnersAfter.get(x) ?? []), y]);
    partnersBefore.set(y, [...(partnersBefore.get(y) ?? []), x]);
  }
  pairWord = new RegExp([...new Set(pairs.flat())].map(escapeRegExp).join('|') || '$^');
  pairWordsInTokens = pairs.flat().every((w) => /^[a-z]+(?:['-][a-z]+)*$/.test(w));
  const alts = [...new Set(terms)].sort((a, b) => b.length - a.length).map((t) => escapeRegExp(t).replace(/ /g, '\\s+'));
  re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  sticky = new RegExp(re.source, 'iuy');
  firstRuns = new Set(terms.map((t) => /^\p{L}+/u.exec(t)?.[0] ?? ''));
  unanchored = firstRuns.has('');
  return re;
}

/** Short names that are also words ("the mis", "the max", "the alex") need their "the" before them. */
const NEEDS_THE = new Set(['mis', 'misi', 'max', 'alex', 'mac', 'fort', 'marian', 'bissell', 'foothills', 'mustard seed', 'grey nuns', 'remand centre', 'herb', 'plc', 'chumir', 'chum', 'salvation army', 'sally ann', 'sally anne', "sally ann's", 'sally anns']);

/** What a typed word tells places(), remembered in its memo record: it opens a name of the list, it holds a word of a two-word name. */
const OPENS = 1;
const PAIR_WORD = 2;
const placeBits = wordMemo((raw: string): number => {
  const lower = raw.toLowerCase();
  return (plainLetters(raw) && firstRuns.has(lower) ? OPENS : 0) | (pairWord.test(lower) ? PAIR_WORD : 0);
});

/**
 * Whether the text may hold a word of a two-word place (pairWord in its lower case): in an ASCII text each of its
 * words' bits, else the regex over the text.
 */
function holdsPairWord(text: string): boolean {
  if (!pairWordsInTokens || !factsOf(text).ascii) return pairWord.test(text.toLowerCase());
  for (const t of wordsOf(text)) if (t.word && placeBits.of(t) & PAIR_WORD) return true;
  return false;
}

const PAIR = /(?<![\p{L}\p{N}])(\p{L}{3,})\s+(\p{L}{3,})(?![\p{L}\p{N}])/gu;
/** After a place cue, two words of which one is a two-word place's and the other one letter off its partner. */
function misspelt(text: string): Entity[] {
  const out: Entity[] = [];
  // Most texts hold no word of a two-word place at all.
  if (!holdsPairWord(text)) return out;
  const lower = text.toLowerCase();
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(lower); m; m = PAIR.exec(lower)) {
    const [a, b] = [m[1]!, m[2]!];
    // Some pair (x, y) with a = x and b one edit from y, or b = y and a one edit from x.
    const hit = partnersAfter.get(a)?.some((y) => oneEdit(b, y)) || partnersBefore.get(b)?.some((x) => oneEdit(a, x));
    if (hit && /(?:\bt(?:he|eh)|\bat|\bto|\bfrom|\bin|\binto|@)\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) out.push({ start: m.index, end: m.index + m[0].length, type: 'FACILITY' });
    // Pairs overlap: "at teh royl alex" is read as "teh royl" and then "royl alex".
    PAIR.lastIndex = m.index + a.length + 1;
  }
  return out;
}

const RUN = /\p{L}+/gu;

/**
 * Where a name of the list may start, in order: the offsets of the runs of letters whose lower case opens one (read from
 * the shared words: no scan of the text). Null when the regex must look everywhere: the text holds "ſ", which the regex
 * reads as "s" and toLowerCase() does not, or a name opens with no letter.
 */
function starts(text: string): number[] | null {
  if (unanchored || text.includes('ſ')) return null;
  const out: number[] = [];
  for (const t of wordsOf(text)) {
    if (!t.word) continue;
    if (plainLetters(t.raw)) {
      if (placeBits.of(t) & OPENS) out.push(t.start);
      continue;
    }
    RUN.lastIndex = 0;
    for (let m = RUN.exec(t.raw); m; m = RUN.exec(t.raw)) if (firstRuns.has(m[0].toLowerCase())) out.push(t.start + m.index);
  }
  return out;
}

export function places(text: string): Entity[] {
  const r = placesRegex();
  const out: Entity[] = misspelt(text);
  const at = starts(text);
  if (at === null) {
    r.lastIndex = 0;
    for (let m = r.exec(text); m; m = r.exec(text)) take(text, m, out);
    return out;
  }
  // The global regex's matches, looked for only where one can start: the first at or after the last one's end.
  let from = 0;
  for (const p of at) {
    if (p < from) continue;
    sticky!.lastIndex = p;
    const m = sticky!.exec(text);
    if (!m) continue;
    take(text, m, out);
    from = p + m[0].length;
  }
  return out;
}

/** A name of the list found at m, unless it is a short one that needs its "the" and has none. */
function take(text: string, m: RegExpExecArray, out: Entity[]): void {
  const key = m[0].toLowerCase().replace(/\s+/g, ' ');
  // A name of two words may also follow a place cue without its "the": "hes been at grey nuns since tues".
  const cue = key.includes(' ') ? /(?:\bt(?:he|eh)|\bat|\bto|\bfrom|\bin|\binto|@|(?<![\p{L}])(?:à|au|chez))\s+$/iu : /\bt(?:he|eh)\s+$|(?<![\p{L}])(?:au|l['’])\s*$/iu;
  if (NEEDS_THE.has(key) && !cue.test(text.slice(Math.max(0, m.index - 6), m.index))) return;
  // Its street makes it the one place: "the sally ann on jasper", "hope mission on 105a st". The name alone comes first:
  // it stays found where an address detector's span reaches further than the street.
  const end = m.index + m[0].length;
  out.push({ start: m.index, end, type: 'FACILITY' });
  const street = text.startsWith(' o', end) ? streetAfterPlace(text, end) : 0;
  if (street) out.push({ start: m.index, end: end + street, type: 'FACILITY' });
}
