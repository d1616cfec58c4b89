/**
 * Personal names from dictionaries plus context. A capitalised token is scored:
 *   strong  – a common given name that is not also an ordinary word, or a name/surname that is no English word;
 *   unknown – no English word and in no list ("Rubija"): most often a name in this kind of text;
 *   weak    – a name that is also an English word ("Will", "Brown"): a name only beside a strong token,
 *             after a title, after "named/called/my name is", or capitalised mid-sentence for given names.
 * Runs of adjacent name-like tokens (with initials and particles) become one NAME span.
 */
import type { Entity } from './types';
import { dictionaries } from './dictionaries';
import { AMBIGUOUS_NAMES, FACILITY_WORDS, KEEP, NAME_PARTICLES, STREET_TYPES, TITLES } from './lexicon';

type Kind = 'strong' | 'unknown' | 'weak' | 'word' | 'keep' | 'title' | 'initial' | 'particle';

interface Tok {
  start: number;
  end: number;
  text: string;
  kind: Kind;
  initialPos: boolean;
}

const TOKEN = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{Lu}[\p{L}\p{M}]*|-\p{L}[\p{L}\p{M}]*)*\.?/gu;
const CUE_BEFORE = /(?:\bname(?:'s| is| was)|\bnamed|\bcalled|\bcall (?:him|her|them|me)|\bi'm|\bi am|\bthis is|\bknown as|\baka|\bcontact|\bwith|\bsaw|\bmet|\btold|\basked|\bclient|\bsister|\bbrother|\bmother|\bfather|\bmom|\bdad|\bson|\bdaughter|\bwife|\bhusband|\bpartner|\bboyfriend|\bgirlfriend|\bfriend|\bcousin|\baunt|\buncle|\bworker|\bdoctor|\bnurse|\bcounsellor|\bcounselor|\bsponsor|\bdear|\bhi|\bhello|\bthanks|\bfrom|\band|\bby|\bsigned|[,:])\s*$/i;

/** Words that open a sentence and point at the name after them ("Saw Mike Chen"), even when they are names too. */
const OPENING_CUES = new Set(['saw', 'met', 'told', 'asked', 'called', 'call', 'texted', 'phoned', 'visited', 'with', 'from', 'thanks', 'hi', 'hello', 'dear']);

function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '"' || text[i] === '“' || text[i] === '(' || text[i] === "'")) i--;
  if (i < 0) return true;
  return /[.!?\n:;•*-]/.test(text[i]!);
}

function classify(raw: string, dict: ReturnType<typeof dictionaries>): Kind {
  const word = raw.replace(/\.$/, '');
  const lower = word.toLowerCase();
  const base = lower.replace(/['’]s$/, '');
  if (/^\p{Lu}\.?$/u.test(raw)) return 'initial';
  if (NAME_PARTICLES.has(lower) && /^\p{Ll}/u.test(word)) return 'particle';
  if (!/^\p{Lu}/u.test(word)) {
    // Lower-case text ("follow up with eva kleist"): only tokens that are names and no English word.
    return lower.length >= 3 && !KEEP.has(base) && (dict.anyNames.has(base) || dict.firstNames.has(base)) && !dict.english.has(lower) && !dict.english.has(base) ? 'strong' : 'word';
  }
  if (TITLES.has(lower)) return 'title';
  if (KEEP.has(lower) || KEEP.has(base)) return 'keep';
  // All-capitals tokens are acronyms (CAMH, OHIP) unless they are known names.
  if (word.length > 1 && word === word.toUpperCase()) {
    return dict.anyNames.has(lower) && !dict.english.has(lower) ? 'strong' : 'word';
  }
  const parts = lower.split('-');
  if (parts.length > 1) {
    if (parts.every((p) => dict.anyNames.has(p) || !dict.english.has(p))) return 'strong';
    return 'word';
  }
  if (AMBIGUOUS_NAMES.has(lower)) return 'weak';
  const isName = dict.firstNames.has(lower) || dict.anyNames.has(lower);
  if (dict.common.has(lower) || dict.common.has(base)) return isName ? 'weak' : 'word';
  if (dict.firstNames.has(lower) || dict.firstNames.has(base)) return 'strong';
  const english = dict.english.has(lower) || dict.english.has(base) || (lower.endsWith('s') && dict.english.has(lower.slice(0, -1)));
  if (dict.anyNames.has(lower) || dict.anyNames.has(base)) return english ? 'weak' : 'strong';
  if (english) return 'word';
  if (word.length < 3) return 'word';
  return 'unknown';
}

/** classify() is pure in its token and was the hottest function: memoised, bounded so memory stays flat. */
const kindCache = new Map<string, Kind>();
function classifyCached(raw: string, dict: ReturnType<typeof dictionaries>): Kind {
  let k = kindCache.get(raw);
  if (k === undefined) {
    if (kindCache.size >= 50_000) kindCache.clear();
    k = classify(raw, dict);
    kindCache.set(raw, k);
  }
  return k;
}

export function names(text: string): Entity[] {
  const dict = dictionaries();
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let t = m[0];
    // A trailing period belongs to initials and titles only.
    const kind0 = classifyCached(t, dict);
    if (t.endsWith('.') && kind0 !== 'initial' && kind0 !== 'title') t = t.slice(0, -1);
    toks.push({ start: m.index, end: m.index + t.length, text: t, kind: kind0, initialPos: isSentenceStart(text, m.index) });
  }
  const out: Entity[] = [];
  let i = 0;
  while (i < toks.length) {
    const tk = toks[i]!;
    if (!['strong', 'unknown', 'weak', 'initial'].includes(tk.kind)) {
      i++;
      continue;
    }
    // Gather a run: tokens separated by one space (or a newline-free gap of spaces).
    let j = i;
    while (j + 1 < toks.length) {
      const next = toks[j + 1]!;
      const gap = text.slice(toks[j]!.end, next.start);
      if (!/^ {1,2}$/.test(gap) && !(gap === '' && false)) break;
      if (['strong', 'unknown', 'weak', 'initial', 'particle'].includes(next.kind)) {
        j++;
        continue;
      }
      // Lower-case text: after a given name, an initial ("benjamin a seiler") and a surname that is no
      // English word ("olga krylova") belong to the name.
      if (tk.kind === 'strong' && /^\p{Ll}/u.test(tk.text) && lowerNamePart(next.text, toks[j + 2], dict)) {
        j++;
        continue;
      }
      break;
    }
    // Particles may not end a run.
    while (j > i && toks[j]!.kind === 'particle') j--;
    const run = toks.slice(i, j + 1);
    // A capitalised everyday word opening a sentence ("Met Bob Smith", "Call Maria") is no part of the name
    // after it: judge the rest on its own, with that word as its cue.
    const opener = tk.text.toLowerCase();
    if (j > i && tk.initialPos && tk.kind === 'weak' && ((dict.common.has(opener) && !dict.firstNames.has(opener)) || OPENING_CUES.has(opener))) {
      i++;
      continue;
    }
    const before = text.slice(Math.max(0, tk.start - 30), tk.start);
    const prev = i > 0 ? toks[i - 1] : undefined;
    const titled = prev?.kind === 'title' && /^\.? ?$/.test(text.slice(prev.end, tk.start));
    // The cue regex is anchored at the end of the window: worth running only when a rule below asks.
    let cuedMemo: boolean | undefined;
    const cue = (): boolean => (cuedMemo ??= CUE_BEFORE.test(before));
    const named = run.filter((r) => r.kind !== 'initial' && r.kind !== 'particle');
    const hasStrong = named.some((r) => r.kind === 'strong');
    const hasUnknown = named.some((r) => r.kind === 'unknown');
    const nextTok = toks[j + 1];
    const followedByFacility = nextTok && FACILITY_WORDS.has(nextTok.text.toLowerCase());
    const followedByStreet = nextTok && STREET_TYPES.has(nextTok.text.toLowerCase().replace(/\.$/, '')) && /^ $/.test(text.slice(toks[j]!.end, nextTok.start));
    let accept = false;
    if (named.length === 0) accept = false; // initials alone
    else if (titled || hasStrong) accept = true;
    else if (named.length >= 2 && (hasUnknown || cue())) accept = true;
    else if (hasUnknown) accept = true;
    else if (named.length >= 2 && named.every((r) => r.kind === 'weak') && !tk.initialPos) accept = true;
    // At a sentence start two everyday words can still be a full name ("Bob Smith came by"): a known given
    // name, then a known surname, then lower-case text or the end.
    else if (tk.initialPos && givenThenSurname(named, nextTok, dict)) accept = true;
    else if (named.length === 1 && cue() && /\b(?:name(?:'s| is| was)|named|called|known as|aka)\s*$/i.test(before)) accept = true;
    else if (named.length === 1 && !tk.initialPos && cue() && !/,\s*$/.test(before)) accept = dict.firstNames.has(tk.text.toLowerCase());
    if (accept && (followedByFacility || followedByStreet)) accept = false;
    if (accept) {
      let end = run[run.length - 1]!.end;
      // Degrees and generational suffixes belong to the name: "Giovanna Rodrigues MD", "Sam Ortiz Jr."
      const suffix = NAME_SUFFIX.exec(text.slice(end, end + 8));
      if (suffix) end += suffix[0].length;
      out.push({ start: run[0]!.start, end, type: 'NAME' });
    }
    i = j + 1;
  }
  return coordinated(text, toks, out, dict);
}

/** "Bob Smith" then lower-case text or the end: a known given name and a known surname, two words in all. */
function givenThenSurname(named: Tok[], next: Tok | undefined, dict: ReturnType<typeof dictionaries>): boolean {
  return (
    named.length === 2 &&
    dict.firstNames.has(named[0]!.text.toLowerCase()) &&
    dict.anyNames.has(named[1]!.text.toLowerCase().replace(/['’]s$/, '')) &&
    (!next || /^\p{Ll}/u.test(next.text))
  );
}

const NAME_SUFFIX = /^,? (?:MD|DDS|DMD|PhD|DVM|RN|NP|Jr\.?|Sr\.?|II|III|IV)(?![\p{L}\d])/u;

function lowerNamePart(word: string, after: Tok | undefined, dict: ReturnType<typeof dictionaries>): boolean {
  if (!/^\p{Ll}/u.test(word)) return false;
  const w = word.replace(/\.$/, '');
  if (w.length === 1) return !!after && lowerNamePart(after.text, undefined, dict);
  return w.length >= 3 && !KEEP.has(w) && !dict.english.has(w) && !dict.common.has(w);
}

/**
 * Coordinated names: in "Marrero and Murphy" or "Monjeau, Graves and Reed", once one member is a name, a
 * capitalised member that is in a name list counts too even when it is also an English word; in a
 * lower-case list ("silvana, adam, chad and caleb") two given names make the other given names count.
 */
function coordinated(text: string, toks: Tok[], found: Entity[], dict: ReturnType<typeof dictionaries>): Entity[] {
  if (found.length === 0) return found;
  const inFound = (t: Tok) => found.some((e) => e.start <= t.start && t.end <= e.end);
  const extra: Entity[] = [];
  let k = 0;
  while (k < toks.length) {
    // A list: single tokens joined by ", ", " and ", ", and ".
    const members = [toks[k]!];
    let m = k;
    for (;;) {
      const next = toks[m + 1];
      if (!next) break;
      const gap = text.slice(toks[m]!.end, next.start);
      if (gap === ', ' && next.text !== 'and') m += 1;
      else if ((gap === ' ' || gap === ', ') && next.text === 'and' && toks[m + 2] && text.slice(next.end, toks[m + 2]!.start) === ' ') m += 2;
      else if (gap === ' & ') m += 1;
      else break;
      members.push(toks[m]!);
    }
    if (members.length > 1) {
      const capital = members.every((t) => /^\p{Lu}/u.test(t.text));
      const lower = members.every((t) => /^\p{Ll}/u.test(t.text));
      const isName = (t: Tok) => {
        const l = t.text.toLowerCase().replace(/['’]s$/, '');
        return !KEEP.has(l) && t.kind !== 'title' && (dict.anyNames.has(l) || dict.firstNames.has(l));
      };
      const anchors = members.filter(inFound).length;
      if ((capital && anchors >= 1) || (lower && members.filter((t) => t.kind === 'strong').length >= 2)) {
        for (const t of members) if (!inFound(t) && (capital ? isName(t) || t.kind === 'unknown' : dict.firstNames.has(t.text))) extra.push({ start: t.start, end: t.end, type: 'NAME' });
      }
    }
    k = m + 1;
  }
  return extra.length ? [...found, ...extra].sort((a, b) => a.start - b.start) : found;
}
