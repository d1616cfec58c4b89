/**
 * Personal names from dictionaries plus context. A capitalised token is scored:
 *   strong  – a common given name that is not also an ordinary word, or a name/surname that is no English word;
 *   unknown – no English word and in no list ("Rubija"): most often a name in this kind of text;
 *   weak    – a name that is also an English word ("Will", "Brown"): a name only beside a strong token,
 *             after a title, after "named/called/my name is", or capitalised mid-sentence for given names.
 * Runs of adjacent name-like tokens (with initials and particles) become one NAME span.
 */
import type { Entity } from './types';
import { dictionaries, frenchWordsOf } from './dictionaries';
import { AMBIGUOUS_NAMES, FACILITY_WORDS, KEEP, NAME_PARTICLES, STREET_TYPES, TITLES, UNIT_WORDS } from './lexicon';
import { mergeSpans } from './spans';
import { droppedG, misspelt } from './messy';
import { wordMemo, type WordMemo } from './wordMemo';
import { withoutPossessive, wordsOf } from './words';

type Kind = 'strong' | 'unknown' | 'weak' | 'word' | 'keep' | 'title' | 'initial' | 'particle';

interface Tok {
  start: number;
  end: number;
  text: string;
  kind: Kind;
  initialPos: boolean;
}

/**
 * Where this module cuts a shared word (./words) at or after `from`: the index of an apostrophe that no capital follows
 * ("don't"), or -1. Its words are /\p{L}[\p{L}\p{M}]*(?:['’-]\p{Lu}[\p{L}\p{M}]*|-\p{L}[\p{L}\p{M}]*)*\.?/u.
 */
function nextCut(raw: string, from: number): number {
  for (let i = raw.indexOf("'", from), j = raw.indexOf('’', from); i >= 0 || j >= 0; ) {
    const at = i < 0 ? j : j < 0 ? i : Math.min(i, j);
    if (!CAPITAL_NEXT.test(raw.slice(at + 1, at + 3))) return at;
    if (at === i) i = raw.indexOf("'", at + 1);
    else j = raw.indexOf('’', at + 1);
  }
  return -1;
}
const CAPITAL_NEXT = /^\p{Lu}/u;
const CUE_BEFORE = /(?:\bname(?:'s| is| was)|\bnamed|\bcalled|\bcall (?:him|her|them|me)|\bi'm|\bi am|\bthis is|\bknown as|\baka|\bcontact|\bwith|\bsaw|\bmet|\btold|\basked|\bclient|\bsister|\bbrother|\bmother|\bfather|\bmom|\bdad|\bson|\bdaughter|\bwife|\bhusband|\bpartner|\bboyfriend|\bgirlfriend|\bfriend|\bcousin|\baunt|\buncle|\bworker|\bdoctor|\bnurse|\bcounsellor|\bcounselor|\bsponsor|\bdear|\bhi|\bhello|\bthanks|\bfrom|\band|\bby|\bsigned|[,:])\s*$/i;

/** Words that open a sentence and point at the name after them ("Saw Mike Chen"), even when they are names too. */
const OPENING_CUES = new Set(['saw', 'met', 'told', 'asked', 'called', 'call', 'texted', 'phoned', 'visited', 'with', 'from', 'thanks', 'hi', 'hello', 'dear']);

function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '"' || text[i] === '“' || text[i] === '(' || text[i] === "'")) i--;
  if (i < 0) return true;
  return SENTENCE_END.includes(text[i]!);
}
/** Characters that end a sentence or open a list item (one UTF-16 unit each: a string search, no regex). */
const SENTENCE_END = '.!?\n:;•*-';

function classify(raw: string, dict: ReturnType<typeof dictionaries>): Kind {
  const word = raw.replace(/\.$/, '');
  const lower = word.toLowerCase();
  const base = withoutPossessive(lower);
  if (/^\p{Lu}\.?$/u.test(raw)) return 'initial';
  if (NAME_PARTICLES.has(lower) && /^\p{Ll}/u.test(word)) return 'particle';
  if (!/^\p{Lu}/u.test(word)) {
    // Lower-case text ("follow up with eva kleist"): only tokens that are names and no English word.
    // SMS drops the g ("comin"): the word with it is English.
    return lower.length >= 3 && !KEEP.has(base) && (dict.anyNames.has(base) || dict.firstNames.has(base)) && !dict.english.has(lower) && !dict.english.has(base) && !droppedG(lower, dict) ? 'strong' : 'word';
  }
  if (TITLES.has(lower)) return 'title';
  if (KEEP.has(lower) || KEEP.has(base) || (lower.endsWith('s') && KEEP.has(lower.slice(0, -1)))) return 'keep';
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
  // A misspelt word ("Realy", "Beleive") needs the context a name that is also a word needs.
  if (misspelt(lower)) return 'weak';
  return 'unknown';
}

/** classify() is pure in its token and was the hottest function: memoised, bounded so memory stays flat. */
const classifyCached: WordMemo<Kind> = wordMemo((raw) => classify(raw, dictionaries()));

/** Kinds that start a name run, and kinds that continue one (sets: the hot loop allocates no arrays). */
const RUN_START = new Set<Kind>(['strong', 'unknown', 'weak', 'initial']);
const RUN_PART = new Set<Kind>(['strong', 'unknown', 'weak', 'initial', 'particle']);

export function names(text: string): Entity[] {
  const dict = dictionaries();
  const toks: Tok[] = [];
  const fr = frenchWordsOf(text);
  // The text's shared words (./words), cut where this module reads two: an apostrophe joins only a capital ("O'Neil",
  // "D'Angelo"; "don't" is "don" and "t"), and the last piece takes a period after it ("Dr.", "J.").
  for (const w of wordsOf(text)) {
    if (!w.word) continue;
    const raw = w.raw;
    for (let from = 0, cut = nextCut(raw, 0); ; cut = nextCut(raw, from)) {
      const start = w.start + from;
      let t = cut >= 0 ? raw.slice(from, cut) : text.charCodeAt(w.end) === 46 ? text.slice(start, w.end + 1) : from ? raw.slice(from) : raw;
      // A trailing period belongs to initials and titles only.
      // A lower-case word glued to a digit is SMS ("2moro", "4ever"), not a name.
      const prevCode = start > 0 ? text.charCodeAt(start - 1) : 0;
      let kind0 = prevCode >= 48 && prevCode <= 57 && /^\p{Ll}/u.test(t) ? 'word' : t === raw ? classifyCached.of(w) : classifyCached(t);
      // In a note written in French a French word is a word ("Elle était là"); a given name stays a name.
      if (fr && (kind0 === 'unknown' || kind0 === 'strong') && fr(t.replace(/\.$/, '').toLowerCase())) kind0 = 'word';
      if (t.endsWith('.') && kind0 !== 'initial' && kind0 !== 'title') t = t.slice(0, -1);
      // Only a token that can start a run is ever asked whether it opens a sentence.
      toks.push({ start, end: start + t.length, text: t, kind: kind0, initialPos: RUN_START.has(kind0) && isSentenceStart(text, start) });
      if (cut < 0) break;
      from = cut + 1;
    }
  }

  const out: Entity[] = [];
  let i = 0;
  while (i < toks.length) {
    const tk = toks[i]!;
    if (!RUN_START.has(tk.kind)) {
      i++;
      continue;
    }
    // Gather a run: tokens separated by one space (or a newline-free gap of spaces).
    let j = i;
    while (j + 1 < toks.length) {
      const next = toks[j + 1]!;
      const gap = text.slice(toks[j]!.end, next.start);
      // A lower-case initial keeps its period outside the token ("eric g. samoylova").
      const initialDot = gap.startsWith('.') && toks[j]!.text.length === 1 && j > i;
      if (!/^ {1,2}$/.test(initialDot ? gap.slice(1) : gap)) break;
      if (RUN_PART.has(next.kind)) {
        // "Barbara Yudina Apt. 675": a unit word starts the address after the name.
        if (UNIT_WORDS.test(next.text)) break;
        j++;
        continue;
      }
      // Lower-case text: after a given name, an initial ("benjamin a seiler") and a surname that is no
      // English word ("olga krylova") belong to the name.
      if (tk.kind === 'strong' && /^\p{Ll}/u.test(tk.text) && lowerNamePart(next.text, toks[j + 2], dict) && !fr?.(next.text.replace(/\.$/, ''))) {
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
    // The cue regex is anchored at the end of the window: run only when a rule below asks, at most once.
    let cueBefore: boolean | undefined;
    const cued = (): boolean => {
      if (cueBefore === undefined) cueBefore = CUE_BEFORE.test(before);
      return cueBefore;
    };
    const named = run.filter((r) => r.kind !== 'initial' && r.kind !== 'particle');
    const hasStrong = named.some((r) => r.kind === 'strong');
    const hasUnknown = named.some((r) => r.kind === 'unknown');
    const nextTok = toks[j + 1];
    let accept = false;
    if (named.length === 0) accept = false; // initials alone
    else if (titled || hasStrong) accept = true;
    else if (named.length >= 2 && (hasUnknown || cued())) accept = true;
    else if (hasUnknown) accept = true;
    else if (named.length >= 2 && named.every((r) => r.kind === 'weak') && !tk.initialPos) accept = true;
    // At a sentence start two everyday words can still be a full name ("Bob Smith came by"): a known given
    // name, then a known surname, then lower-case text or the end.
    else if (tk.initialPos && givenThenSurname(named, nextTok, dict)) accept = true;
    else if (named.length === 1 && cued() && /\b(?:name(?:'s| is| was)|named|called|known as|aka)\s*$/i.test(before)) accept = true;
    // A speech tag ("said Maslin to Antonio"): a capitalised word in a name list is the speaker.
    else if (named.length === 1 && !tk.initialPos && SPEECH_TAGS.has(lastWord(before))) accept = isListedName(tk.text, dict);
    else if (named.length === 1 && !tk.initialPos && cued() && !/,\s*$/.test(before)) {
      // A given name, or a hand-kept word-name right after a verb that takes a person ("Follow-up with Winter next
      // week", "Met Story at the drop-in"), unless a capitalised word follows (an office: "with Legal Aid").
      const l = tk.text.toLowerCase();
      accept = dict.firstNames.has(l) || (AMBIGUOUS_NAMES.has(l) && PERSON_CUE.test(before) && !(nextTok && /^\p{Lu}/u.test(nextTok.text) && text.slice(tk.end, nextTok.start) === ' '));
    }
    // "Mrs. Barbara Yudina Apt. 675": after a title the run is a name, whatever word follows it.
    if (accept && !titled && nextTok && followedByPlaceWord(text, toks[j]!, nextTok)) accept = false;
    if (accept) {
      let end = run[run.length - 1]!.end;
      // Degrees and generational suffixes belong to the name: "Giovanna Rodrigues MD", "Sam Ortiz Jr."
      const suffix = NAME_SUFFIX.exec(text.slice(end, end + 8));
      if (suffix) end += suffix[0].length;
      out.push({ start: run[0]!.start, end, type: 'NAME' });
    }
    i = j + 1;
  }
  // Lower-cased once, to look for cue words and repeats (offsets are used only when the length is kept).
  const lowerText = text.toLowerCase();
  const more = namedAfterCue(text, lowerText, toks, dict);
  lowerGivenNames(text, toks, dict, more);
  lowerSpeakers(text, toks, dict, more);
  nameLabels(text, lowerText, toks, dict, more);
  const cued = more.length ? mergeSpans(out.concat(more)) : out;
  const kept = keptGivenNames(text, toks, cued, dict);
  const listed = coordinated(text, toks, speakers(text, toks, cued, dict), dict);
  const all = kept.length ? mergeSpans([...listed, ...kept]) : listed;
  const spans = lowerText.length === text.length ? again(lowerText, toks, all, dict) : all;
  return spans;
}

/** A facility word after a run ("Grace Hospital"), or a street type one space on ("Bloor Street"): a place's name. */
function followedByPlaceWord(text: string, last: Tok, next: Tok): boolean {
  const lower = next.text.toLowerCase();
  return FACILITY_WORDS.has(lower) || (STREET_TYPES.has(lower.replace(/\.$/, '')) && text.slice(last.end, next.start) === ' ');
}

/**
 * A word found as a name once is a name wherever else it appears in the same text ("my name is borna
 * jerković but everyone calls me borna"), unless it is a common English word or on the keep-list.
 */
function again(lowerText: string, toks: Tok[], found: Entity[], dict: ReturnType<typeof dictionaries>): Entity[] {
  if (found.length === 0) return found;
  // Most texts name each person once: look for a second occurrence before looking at tokens at all.
  const seen = new Set<string>();
  for (const e of found) {
    for (let w of lowerText.slice(e.start, e.end).split(' ')) {
      if (w.endsWith('.')) w = w.slice(0, -1);
      if (w.length >= 3 && lowerText.indexOf(w) !== lowerText.lastIndexOf(w) && !KEEP.has(w) && !dict.common.has(w)) seen.add(w);
    }
  }
  if (seen.size === 0) return found;
  const covered = coveredFlags(toks, found);
  const extra: Entity[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (!covered[k] && t.kind !== 'title' && t.text.length >= 3 && seen.has(lowerText.slice(t.start, t.end))) extra.push({ start: t.start, end: t.end, type: 'NAME' });
  }
  return extra.length ? mergeSpans([...found, ...extra]) : found;
}

/** For each token, whether a span of `found` (sorted, not overlapping) covers it: one sweep. */
function coveredFlags(toks: Tok[], found: Entity[]): boolean[] {
  const flags: boolean[] = new Array<boolean>(toks.length);
  let f = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    while (f < found.length && found[f]!.end < t.end) f++;
    flags[k] = f < found.length && found[f]!.start <= t.start && t.end <= found[f]!.end;
  }
  return flags;
}

/**
 * A keep-list word that is also a given name (Jan, May, June, Crystal) right before a found name, after a
 * person cue, is the given name: "Follow up with Jan Jílek". "In May Smith moved" keeps its month.
 */
const PERSON_CUE = /\b(?:with|saw|met|told|asked|called|texted|phoned|visited|named|client|dear|hi|hello|thanks)\s+$/i;

function keptGivenNames(text: string, toks: Tok[], found: Entity[], dict: ReturnType<typeof dictionaries>): Entity[] {
  const out: Entity[] = [];
  let k = 0;
  for (const e of found) {
    while (k < toks.length && toks[k]!.start < e.start) k++;
    if (k >= toks.length || toks[k]!.start !== e.start) continue;
    const prev = k > 0 ? toks[k - 1]! : undefined;
    if (prev?.kind !== 'keep' || !/^\p{Lu}/u.test(prev.text) || text.slice(prev.end, e.start) !== ' ') continue;
    if (!dict.firstNames.has(prev.text.toLowerCase()) || /^(?:mon|tue|wed|thu|fri|sat|sun)/i.test(prev.text)) continue;
    if (PERSON_CUE.test(text.slice(Math.max(0, prev.start - 16), prev.start))) out.push({ start: prev.start, end: e.end, type: 'NAME' });
  }
  return out;
}

const SPEECH_TAGS_LIST = 'said says asked asks replied replies answered whispered shouted yelled added'.split(' ');
const SPEECH_TAGS = new Set(SPEECH_TAGS_LIST);

/** The word just before a token, lower case ("" when none): a set look-up, cheaper than an anchored regex. */
function lastWord(before: string): string {
  if (!before.endsWith(' ')) return '';
  const end = before.length - 1;
  const start = before.lastIndexOf(' ', end - 1) + 1;
  return before.slice(start, end).toLowerCase();
}

function isListedName(word: string, dict: ReturnType<typeof dictionaries>): boolean {
  const l = withoutPossessive(word.toLowerCase());
  return !KEEP.has(l) && (dict.firstNames.has(l) || dict.anyNames.has(l));
}


/**
 * After a naming phrase ("my name is", "named him", "was called", "call me", "goes by") the words that
 * follow are the name even when lower-case or a keep-list word that is also a given name ("called Crystal
 * Murdock", "call me višeslav"). Taken: capitalised words that are names or no common word, initials,
 * and lower-case words that are no English word; "She called the clinic" takes nothing.
 */
const NAMING = /\b(?:my name is|my name's|name is|named(?: (?:him|her|them|it))?|(?:is|was|be|being|are|were|get|got) called|called (?:him|her|them)|calls? (?:me|him|her|them)|known as|goes by|go by|went by)\s+/gi;

function namedAfterCue(text: string, lowerText: string, toks: Tok[], dict: ReturnType<typeof dictionaries>): Entity[] {
  // The cue regex is slow to scan with: it runs only when one of its words is there.
  if (!lowerText.includes('nam') && !lowerText.includes('call') && !lowerText.includes('known') && !(lowerText.includes(' by') && /(?:goes|go|went) by/.test(lowerText))) return [];
  const out: Entity[] = [];
  NAMING.lastIndex = 0;
  for (let m = NAMING.exec(text); m; m = NAMING.exec(text)) {
    const at = m.index + m[0].length;
    const i = toks.findIndex((t) => t.start >= at);
    if (i < 0 || toks[i]!.start !== at) continue;
    let j = i;
    while (j < toks.length && (j === i || /^\.? {1,2}$/.test(text.slice(toks[j - 1]!.end, toks[j]!.start))) && namePartAfterCue(toks[j]!, j > i, dict)) j++;
    while (j > i && toks[j - 1]!.kind === 'initial') j--;
    // Lower-case words that are all English and in no name list ("call me anytime") are no name.
    const lower = toks.slice(i, j).filter((t) => /^\p{Ll}{2}/u.test(t.text));
    if (lower.length && lower.every((t) => dict.english.has(t.text) && !isListedName(t.text, dict))) j = i;
    // A keep-list word alone stays what it is ("it is called Crystal meth"); "Crystal Murdock" is a name.
    if (j === i + 1 && KEEP.has(toks[i]!.text.toLowerCase())) j = i;
    if (j > i) out.push({ start: toks[i]!.start, end: toks[j - 1]!.end, type: 'NAME' });
  }
  return out;
}

function namePartAfterCue(t: Tok, inside: boolean, dict: ReturnType<typeof dictionaries>): boolean {
  const l = withoutPossessive(t.text.toLowerCase());
  if (t.kind === 'initial') return inside;
  if (t.kind === 'title' || t.kind === 'particle') return false;
  if (/^\p{Lu}/u.test(t.text)) {
    if (t.text.length > 1 && t.text === t.text.toUpperCase()) return false; // acronyms
    if (KEEP.has(l)) return dict.firstNames.has(l) && !/^(?:mon|tue|wed|thu|fri|sat|sun)/.test(l); // Crystal, Jan; not days
    return dict.firstNames.has(l) || dict.anyNames.has(l) || !dict.common.has(l);
  }
  return l.length >= 3 && !KEEP.has(l) && !dict.common.has(l);
}

/**
 * Lower-case text: a given name that is also an English word ("benjamin", "frank", "eric") starts a name
 * when a surname that is no English word follows it, directly or after an initial ("benjamin a seiler").
 */
function lowerGivenNames(text: string, toks: Tok[], dict: ReturnType<typeof dictionaries>, out: Entity[]): Entity[] {
  // From each lower-case surname back to the given name: few tokens are surnames, so this stays cheap.
  for (let k = 1; k < toks.length; k++) {
    const surname = toks[k]!;
    if (surname.kind !== 'strong' || !/^\p{Ll}/u.test(surname.text)) continue;
    let i = k - 1;
    if (toks[i]!.text.length === 1 && i > 0) {
      if (!/^\p{Ll}$/u.test(toks[i]!.text) || !/^\.? {1,2}$/.test(text.slice(toks[i]!.end, surname.start))) continue;
      i--;
    } else if (!/^ {1,2}$/.test(text.slice(toks[i]!.end, surname.start))) continue;
    const t = toks[i]!;
    if (t.kind !== 'word' || !dict.firstNames.has(t.text) || dict.common.has(t.text) || KEEP.has(t.text) || t.text.length < 3) continue;
    if (i < k - 1 && !/^ {1,2}$/.test(text.slice(t.end, toks[i + 1]!.start))) continue;
    out.push({ start: t.start, end: surname.end, type: 'NAME' });
  }
  return out;
}

/** Notes typed fast on a phone: "john said he'd come", "priya texted me". A lower-case given name (no common word) that a speech verb follows. */
const SPOKE = new Set([...SPEECH_TAGS_LIST, 'told', 'texted', 'called', 'phoned', 'messaged', 'mentioned']);

function lowerSpeakers(text: string, toks: Tok[], dict: ReturnType<typeof dictionaries>, out: Entity[]): Entity[] {
  for (let k = 0; k + 1 < toks.length; k++) {
    const t = toks[k]!;
    // The set look-up first: few tokens come before a speech verb.
    if (!SPOKE.has(toks[k + 1]!.text) || t.text.length < 3 || !/^\p{Ll}/u.test(t.text) || text.slice(t.end, toks[k + 1]!.start) !== ' ') continue;
    if (dict.firstNames.has(t.text) && !dict.common.has(t.text) && !KEEP.has(t.text)) out.push({ start: t.start, end: t.end, type: 'NAME' });
  }
  return out;
}

/** "name:    hyuuma t. maida": a name label, then up to four words (no digits) to the end of the line. */
const NAME_LABEL = /^[ \t>*-]*(?:(?:full|client|first|last|given|family|sur)[ -]?)?name[ \t]*[:=][ \t]*([\p{L}\p{M}'’. -]{2,60}?)[ \t]*$/gimu;

function nameLabels(text: string, lowerText: string, toks: Tok[], dict: ReturnType<typeof dictionaries>, out: Entity[]): Entity[] {
  if (!lowerText.includes('name')) return out;
  NAME_LABEL.lastIndex = 0;
  for (let m = NAME_LABEL.exec(text); m; m = NAME_LABEL.exec(text)) {
    const start = m.index + m[0].indexOf(m[1]!, m[0].indexOf(':') >= 0 ? m[0].indexOf(':') : m[0].indexOf('='));
    const end = start + m[1]!.length;
    const inside = toks.filter((t) => t.start >= start && t.end <= end);
    // "Name: unknown", "name: n/a" are no names: every word must be a name, an initial or no common word.
    const ok = inside.length >= 1 && inside.length <= 4 && inside.every((t) => t.kind === 'initial' || t.text.length === 1 || isListedName(t.text, dict) || (!dict.common.has(t.text.toLowerCase()) && !KEEP.has(t.text.toLowerCase())));
    if (ok) out.push({ start, end, type: 'NAME' });
  }
  return out;
}

/**
 * A transcript ("Ella: What a wife.\nDestiny: Remember me"): when two or more lines open with a one-word
 * label and one of them is already a name, the other labels that are in a name list are names too.
 * A lone "Summer: going well" stays.
 */
/** A one-word label opening a line: "Heather: …", "> Destiny: …". */
const LABEL = /(?:^|\n)[ \t>"“]*(\p{Lu}[\p{L}\p{M}'’-]+)[ \t]*:/dgu;

function speakers(text: string, toks: Tok[], found: Entity[], dict: ReturnType<typeof dictionaries>): Entity[] {
  if (!text.includes(':') || !text.includes('\n')) return found;
  const starts = new Set<number>();
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) starts.add(m.indices![1]![0]);
  if (starts.size < 2) return found;
  const labels = toks.filter((t) => starts.has(t.start));
  if (labels.length < 2) return found;
  const inFound = (t: Tok) => found.some((e) => e.start <= t.start && t.end <= e.end);
  if (!labels.some(inFound)) return found;
  // Given names only: "Mobile:" and "Desk:" are surnames somewhere but labels here.
  const given = (t: Tok) => !KEEP.has(t.text.toLowerCase()) && (dict.firstNames.has(t.text.toLowerCase()) || AMBIGUOUS_NAMES.has(t.text.toLowerCase()));
  const extra = labels.filter((t) => !inFound(t) && t.kind !== 'title' && given(t)).map((t) => ({ start: t.start, end: t.end, type: 'NAME' as const }));
  return extra.length ? [...found, ...extra].sort((a, b) => a.start - b.start) : found;
}

/** "Bob Smith" then lower-case text or the end: a known given name and a known surname, two words in all. */
function givenThenSurname(named: Tok[], next: Tok | undefined, dict: ReturnType<typeof dictionaries>): boolean {
  return (
    named.length === 2 &&
    dict.firstNames.has(named[0]!.text.toLowerCase()) &&
    dict.anyNames.has(withoutPossessive(named[1]!.text.toLowerCase())) &&
    (!next || /^\p{Ll}/u.test(next.text))
  );
}

const NAME_SUFFIX = /^,? (?:MD|DDS|DMD|PhD|DVM|RN|NP|Jr\.?|Sr\.?|II|III|IV)(?![\p{L}\d])/u;

function lowerNamePart(word: string, after: Tok | undefined, dict: ReturnType<typeof dictionaries>): boolean {
  if (!/^\p{Ll}/u.test(word)) return false;
  const w = word.replace(/\.$/, '');
  if (w.length === 1) return !!after && lowerNamePart(after.text, undefined, dict);
  return w.length >= 3 && !KEEP.has(w) && !dict.english.has(w) && !dict.common.has(w) && !droppedG(w, dict);
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
    // A list: single tokens joined by ", ", " and ", ", and ". Most tokens are followed by a plain space
    // and a word other than "and": no list starts there, so skip them without building one.
    const after = toks[k + 1];
    if (!after || (text.charCodeAt(toks[k]!.end) === 32 && after.start === toks[k]!.end + 1 && after.text !== 'and')) {
      k++;
      continue;
    }
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
        const l = withoutPossessive(t.text.toLowerCase());
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
