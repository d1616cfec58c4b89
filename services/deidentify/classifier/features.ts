/**
 * Features of the name classifier (issue 13): for each word of a text, what an averaged perceptron needs to tell a
 * name from a word — its shape, prefixes and suffixes, which lists hold it (given names, names
 * and surnames, English and its inflections, common and everyday English, keep-list, function words, nicknames, word-names, misspellings), its
 * capitals against the sentence start, its neighbours' forms and shapes (±2), and the person cues around it (met,
 * texted, with, sponsor, her + relation, said after). Features are hashed (FNV-1a) into 2^BITS buckets, so the
 * shipped weights hold no word list and no note's words in clear.
 */
import { dictionaries, spoken } from '../dictionaries';
import { AMBIGUOUS_NAMES, KEEP, OTHER_LANGUAGE, TITLES } from '../lexicon';
import { correction, DETERMINERS, english, everyday, misspelt, NICKNAMES, OWNED, PERSON_AFTER, PERSON_BEFORE, RELATIONS, SAFE, SUBJECT_VERBS } from '../messy';
import { partOfSpeech } from '../partsOfSpeech';
import { wordMemo, type WordMemo } from '../wordMemo';
import { blank, Token, withoutPossessive, wordsOf } from '../words';

export const BITS = 18;
const MASK = (1 << BITS) - 1;

/** FNV-1a over a feature's template and value, folded into the bucket space. */
export function bucket(template: string, value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < template.length; i++) h = Math.imul(h ^ template.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 1, 0x01000193);
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return (h >>> 0) & MASK;
}

export { Token };

/** A text's words and numbers (../words: found once per text, shared with messyNames). */
export function tokenize(text: string): Token[] {
  return wordsOf(text);
}

/**
 * Where the word at `i` stands: "S" first in a sentence (the text's start, or after . ! ? or a line break), "c" first
 * in a clause (after a comma, semicolon, colon, bracket or dash), "-" inside one. Worked out only for words scored.
 */
export function boundary(text: string, toks: readonly Token[], i: number): 'S' | 'c' | '-' {
  if (i === 0) return 'S';
  let clause = false;
  for (let k = toks[i - 1]!.end; k < toks[i]!.start; k++) {
    const c = text[k]!;
    if (c === '.' || c === '!' || c === '?' || c === '\n') return 'S';
    if (',;:()–—-'.includes(c)) clause = true;
  }
  return clause ? 'c' : '-';
}

/** Shape: capitals X, lower x, digits d, runs collapsed ("Dawn" Xx, "anne-sophie" x-x, "JT" X); cached. */
export const shape: WordMemo<string> = wordMemo(shapeOf);

function shapeOf(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch === '’' ? "'" : ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** Which lists hold a lower-cased word, as one code per list ("F" a given name, "E" English …); cached. */
export const lists: (lower: string) => string = wordMemo((lower) => lookUp(lower));

function lookUp(lower: string): string {
  const d = dictionaries();
  const base = withoutPossessive(lower);
  let s = '';
  if (SAFE.has(base)) s += 'S';
  // A word of another language's everyday speech (round 25) is read as a keep-list word: no model asks about it.
  if (KEEP.has(base) || OTHER_LANGUAGE.has(base)) s += 'K';
  if (TITLES.has(base)) s += 'T';
  if (d.firstNames.has(base)) s += 'F';
  if (d.anyNames.has(base)) s += 'N';
  if (d.common.has(base)) s += 'C';
  else if (everyday().has(base)) s += 'V';
  if (d.english.has(base)) s += 'E';
  // An inflection or contraction of an English word: "felines", "you're", "comin".
  else if (english(lower, d)) s += 'I';
  if (NICKNAMES.has(base) || AMBIGUOUS_NAMES.has(base)) s += 'W';
  if (RELATIONS.has(base) || PERSON_BEFORE.has(base)) s += 'R';
  // Written mostly with a capital in spoken English (subtlex): a name there as often as not ("grace", "hunter").
  if (NEW_FEATURES && spoken().capitalised.has(base)) s += 'P';
  // A misspelt everyday word ("talkd", "realy", "verry") is no name; asked only of words in no list but the long
  // list of names and surnames (it is costly).
  if ((!s || s === 'N') && base.length >= 3 && /^[a-z]+$/.test(base) && misspelt(base)) s += 'M';
  return s || 'U';
}

/** Whether a lower-cased word is a common English word with an ending: "shirts", "talked", "coming", "mom's". */
export function commonInflection(lower: string): boolean {
  const common = dictionaries().common;
  const m = /^(.{2,}?)(['’]s|s|es|ed|d|ing|in)$/.exec(lower);
  if (!m) return false;
  const stem = m[1]!;
  return common.has(stem) || common.has(`${stem}e`) || (m[2] === 'in' && common.has(`${stem}ing`));
}

/** A neighbour's class: function word, keep-list, English, name list, unknown, number or none. */
function neighbourClass(t: Token): string {
  if (!t.word) return 'num';
  const l = listsOf(t);
  if (l.includes('S')) return 'fn';
  if (l.includes('K')) return 'kp';
  if (l.includes('F') || l.includes('N') || l.includes('W')) return l.includes('C') ? 'nw' : 'nm';
  if (l.includes('E') || l.includes('C')) return 'en';
  return l === 'M' ? 'ty' : 'un';
}

const POSSESSIVES = new Set(['her', 'his', 'my', 'their', 'our', 'your', 'ur', 'hr']);

/**
 * Features of the word itself, the same wherever it stands (cached by the caller per typed form). Not its own form:
 * with it the model learnt the training notes' names and words ("grace" a name here, a word there) and did worse on
 * held-out notes; what a word is comes from its shape, affixes and lists, what it is doing from its neighbours.
 */
export function ownFeatures(raw: string, lower: string, typos = false, pos = false): number[] {
  return ownFeaturesAndForm(raw, lower, typos, pos).features;
}

/**
 * ownFeatures() and where among them it put the word's own letters (its first and last two and three letters), from
 * `form[0]` up to `form[1]`: what training's TrainOptions.dropForm leaves out of a step (train.ts Example.form).
 */
export function ownFeaturesAndForm(raw: string, lower: string, typos = false, pos = false): { features: number[]; form: readonly [number, number] } {
  const l = lists(lower);
  const f = [bucket('b', ''), bucket('sh', shape(raw)), bucket('L', l)];
  for (const code of l) f.push(bucket('l', code));
  const from = f.length;
  if (lower.length >= 2) f.push(bucket('p2', lower.slice(0, 2)), bucket('s2', lower.slice(-2)));
  if (lower.length >= 3) f.push(bucket('p3', lower.slice(0, 3)), bucket('s3', lower.slice(-3)));
  const form = [from, f.length] as const;
  f.push(bucket('len', String(Math.min(lower.length, 8))));
  if (NEW_FEATURES) f.push(bucket('rk', spokenBand(withoutPossessive(lower))));
  f.push(bucket('shL', `${shape(raw)}|${l}`));
  if (typos && l.includes('M')) misspeltFeatures(withoutPossessive(lower), f);
  // featureSet 9 (round 22): what the word can be (partsOfSpeech.ts), alone and with its lists.
  if (pos) {
    const p = partOfSpeech(withoutPossessive(lower));
    f.push(bucket('pos', p), bucket('posL', `${p}|${l}`));
  }
  return { features: f, form };
}

/**
 * Round 9: what a word taken for a misspelling ("M") misspells. Under leaving one writer out, names of no list read as
 * typos ("tunde", "vika") were a third of the candidates left visible in SMS notes; a typo of a common verb or cue
 * word ("talkd", "sais") is a word, a near miss of a rare word more often a name. The correction's spoken-English band
 * and its class, once per typed form (the scorer caches own features). Models of featureSet 5 only.
 */
function misspeltFeatures(lower: string, f: number[]): void {
  const c = correction(lower);
  if (!c) return;
  const cls = PERSON_BEFORE.has(c) || PERSON_AFTER.has(c) || SUBJECT_VERBS.has(c) ? 'cue' : SAFE.has(c) ? 'fn' : dictionaries().common.has(c) ? 'common' : 'other';
  const band = spokenBand(c);
  f.push(bucket('mB', band), bucket('mK', cls), bucket('mBK', `${band}|${cls}`), bucket('mD', String(Math.sign(lower.length - c.length))));
}

/** A string's FNV-1a hash (32 bits). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Two hashes into one (murmur3's finaliser): a template with its value, or two values. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A short string's hash. Not memoised: FNV-1a over a few letters costs less than a look-up in the word table, and each
 * token keeps its forms' hashes (h, sh, cls).
 */
const hashed = hash;

const START = hash('<s>');
const END = hash('</s>');
/** Context templates, numbered: a feature is the template mixed with its value's hash. */
const T = { Cap: 1, W1: 2, Wn1: 3, W2: 4, Wn2: 5, Sh1: 6, Shn1: 7, C1: 8, Cn1: 9, C1Cn1: 10, W1L: 11, LWn1: 12, Cue: 13, CapH: 14, C2: 15, Cn2: 16, Ask: 17, HL: 18, CueL: 19, AskL: 20, AskH: 21, St: 22, StL: 23, StP: 24, StN: 25, StPN: 26, Pp: 27, Pn: 28, PpPn: 29, PpW: 30, PwN: 31, PnL: 32 };
const CUES = {
  before: 1, possRel: 2, det: 3, after: 4, subject: 5, capMid: 6, prep: 7, listAfter: 8, listBefore: 9, listName: 10, besideName: 11, owner: 12,
  foundBefore: 13, foundAfter: 14, foundEarlier: 15, foundLater: 16, before2: 17, before3: 18, after2: 19, capElsewhere: 20, lowerElsewhere: 21,
  foundBeside2: 22, again: 23,
};
const f = (template: number, value: number): number => mix(template, value) & MASK;
function formOf(t: Token | undefined, none: number): number {
  if (!t) return none;
  t.h ??= hashed(t.lower);
  return t.h;
}
function shapeOf_(t: Token | undefined, none: number): number {
  if (!t) return none;
  t.sh ??= hashed(shape.of(t));
  return t.sh;
}
function classOf(t: Token | undefined): number {
  if (!t) return hashed('_');
  t.cls ??= hashed(neighbourClass(t));
  return t.cls;
}
const capital = (raw: string): boolean => {
  const c = raw.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(raw);
};

/**
 * What the classifier of round 7 knows of the note around a word: the note's case habit, which words the rules already
 * hid as names or as other identifiers, and how each word is written elsewhere in it. Features built from it carry
 * across writers (no word of a note is kept in clear). Only which words the rules hid is worked out when it is made (one
 * walk over their spans: asked() needs it for every word); the habit and the note's words are read at their first use,
 * so a note with no word asked pays for no more (most short notes).
 */
export interface NoteContext {
  /** 'x' no capital anywhere (an all-lower note), 'C' most sentences open with a capital, 'm' mixed. */
  readonly habit: 'x' | 'C' | 'm';
  /** Per token: 1 inside a name the rules found, 2 inside another identifier, 0 visible. */
  found: Uint8Array;
  /** The first and last token of a found name (-1 none). */
  firstName: number;
  lastName: number;
  /** Lower-cased words written with a capital inside a sentence somewhere in the note, and written in lower case. */
  readonly capped: Set<string>;
  readonly lowered: Set<string>;
  /** Lower-cased words written more than once in the note (a name comes back; so does an everyday word). */
  readonly again: Set<string>;
  /** Round 15, the second pass only: per token, what the first pass made of it (bench/stackPass.ts stackCodes()). */
  readonly stack?: Uint8Array;
}

/** The note's context for round-7 features; `covered` (sorted by start) are the spans the rules found. */
export function noteContext(text: string, toks: readonly Token[], covered: readonly { start: number; end: number; type: string }[], stack?: Uint8Array): NoteContext {
  return new LazyNote(text, toks, covered, stack);
}

/** How the note's words are written: read once, at the first feature or question that needs it. */
interface NoteWords {
  habit: 'x' | 'C' | 'm';
  capped: Set<string>;
  lowered: Set<string>;
  again: Set<string>;
}

class LazyNote implements NoteContext {
  found: Uint8Array;
  firstName = -1;
  lastName = -1;
  private words?: NoteWords;

  constructor(private readonly text: string, private readonly toks: readonly Token[], covered: readonly { start: number; end: number; type: string }[], readonly stack?: Uint8Array) {
    this.found = new Uint8Array(toks.length);
    let c = 0;
    for (let i = 0; i < toks.length && c < covered.length; i++) {
      const t = toks[i]!;
      while (c < covered.length && covered[c]!.end <= t.start) c++;
      if (c < covered.length && covered[c]!.start < t.end) {
        const name = covered[c]!.type === 'NAME';
        this.found[i] = name ? 1 : 2;
        if (name) {
          if (this.firstName < 0) this.firstName = i;
          this.lastName = i;
        }
      }
    }
  }

  /** The note's words, read at the first question that needs them. */
  private noteWords(): NoteWords {
    if (!this.words) this.words = noteWords(this.text, this.toks);
    return this.words;
  }

  get habit(): 'x' | 'C' | 'm' {
    return this.noteWords().habit;
  }
  get capped(): Set<string> {
    return this.noteWords().capped;
  }
  get lowered(): Set<string> {
    return this.noteWords().lowered;
  }
  get again(): Set<string> {
    return this.noteWords().again;
  }
}

function noteWords(text: string, toks: readonly Token[]): NoteWords {
  let starts = 0;
  let capStarts = 0;
  let anyCap = false;
  const capped = new Set<string>();
  const lowered = new Set<string>();
  const seen = new Set<string>();
  const again = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.word) continue;
    if (seen.has(t.lower)) again.add(t.lower);
    else seen.add(t.lower);
    const cap = capital(t.raw);
    if (cap && t.raw !== 'I') anyCap = true;
    const at = boundary(text, toks, i);
    if (at === 'S') {
      starts++;
      if (cap) capStarts++;
    } else if (cap && at === '-') capped.add(t.lower);
    else if (!cap) lowered.add(t.lower);
  }
  const habit = !anyCap ? 'x' : capStarts * 2 > starts ? 'C' : 'm';
  return { habit, capped, lowered, again };
}

/**
 * Features of the word at `i` in its place: capitals against the sentence start, neighbours, person cues; with a note
 * context (models of round 7), also against the note's case habit, the names the rules found around it, cues two and
 * three words away, how the word is written elsewhere in the note and why it was asked (`ask`, see model.ts asked()).
 */
export function contextFeatures(text: string, toks: readonly Token[], i: number, ctx?: NoteContext, ask = 0, pos = false): number[] {
  const t = toks[i]!;
  const at = boundary(text, toks, i);
  const p1 = toks[i - 1];
  const p2 = toks[i - 2];
  const n1 = toks[i + 1];
  const n2 = toks[i + 2];
  const cap = capital(t.raw);
  const w1 = formOf(p1, START);
  const wn1 = formOf(n1, END);
  const c1 = classOf(p1);
  const cn1 = classOf(n1);
  const l = hashed(listsOf(t));
  const out = [
    f(T.Cap, (cap ? 8 : 16) + at.charCodeAt(0)),
    f(T.W1, w1),
    f(T.Wn1, wn1),
    f(T.W2, formOf(p2, START)),
    f(T.Wn2, formOf(n2, END)),
    f(T.Sh1, shapeOf_(p1, START)),
    f(T.Shn1, shapeOf_(n1, END)),
    f(T.C1, c1),
    f(T.Cn1, cn1),
    f(T.C1Cn1, mix(c1, cn1)),
    f(T.W1L, mix(w1, l)),
    f(T.LWn1, mix(l, wn1)),
  ];
  if (p1 && PERSON_BEFORE.has(p1.lower)) out.push(f(T.Cue, CUES.before));
  if (p1 && RELATIONS.has(p1.lower) && p2 && POSSESSIVES.has(p2.lower)) out.push(f(T.Cue, CUES.possRel));
  if (p1 && DETERMINERS.has(p1.lower)) out.push(f(T.Cue, CUES.det));
  if (n1 && PERSON_AFTER.has(n1.lower)) out.push(f(T.Cue, CUES.after));
  if (n1 && SUBJECT_VERBS.has(n1.lower) && at !== '-') out.push(f(T.Cue, CUES.subject));
  if (cap && at !== 'S') out.push(f(T.Cue, CUES.capMid));
  if (NEW_FEATURES) {
    // After a preposition ("for", "to", SMS "4", "2"): someone a thing is for, or a place.
    if (p1 && (PREPOSITIONS.has(p1.lower) || ((p1.raw === '4' || p1.raw === '2') && gapIsSpace(text, p1, t)))) out.push(f(T.Cue, CUES.prep));
    // A member of a list: after "and", "n", "&" or a comma, or before one; with a name the other side, more so.
    const joinedBefore = !!p1 && (JOINS.has(p1.lower) || (!oneSpace(text, p1.end, t.start) && /,\s*$/.test(text.slice(p1.end, t.start))));
    const joinedAfter = !!n1 && (JOINS.has(n1.lower) || (!oneSpace(text, t.end, n1.start) && /^\s*,/.test(text.slice(t.end, n1.start))));
    if (joinedBefore) out.push(f(T.Cue, CUES.listAfter));
    if (joinedAfter) out.push(f(T.Cue, CUES.listBefore));
    const other = joinedBefore ? (p1 && JOINS.has(p1.lower) ? p2 : p1) : joinedAfter ? (n1 && JOINS.has(n1.lower) ? n2 : n1) : undefined;
    if (other?.word && nameLike(other)) out.push(f(T.Cue, CUES.listName));
    // Next to a given name that is no common word ("luz maria", "maria luz").
    if ((p1?.word && nameLike(p1) && gapIsSpace(text, p1, t)) || (n1?.word && nameLike(n1) && gapIsSpace(text, t, n1))) out.push(f(T.Cue, CUES.besideName));
    // A possessive after it, or a relation or what is someone's: "jaylens mom", "tanis place".
    if (n1 && OWNED_NEXT.has(n1.lower)) out.push(f(T.Cue, CUES.owner));
  }
  if (ctx) roundSeven(text, toks, i, ctx, ask, cap, at, l, out);
  if (pos) posFeatures(text, toks, i, at, ctx, l, out);
  return out;
}

/**
 * featureSet 9 (round 22): the parts of speech around the word (partsOfSpeech.ts) — of the word before and the word
 * after, each or a mark for what stands there instead (a sentence or clause edge, a name or other identifier the rules
 * hid, a number), alone, together and with the word's own: "rose texted" (a past verb after) against "rose petals" (a
 * plural noun after), "the major changes" against "met major".
 */
function posFeatures(text: string, toks: readonly Token[], i: number, at: string, ctx: NoteContext | undefined, l: number, out: number[]): void {
  const t = toks[i]!;
  const n1 = toks[i + 1];
  const before = at !== '-' ? at : posMark(toks[i - 1]!, ctx?.found[i - 1] ?? 0);
  const edge = n1 ? boundary(text, toks, i + 1) : 'S';
  const after = edge === 'S' ? 'E' : edge === 'c' ? 'c' : posMark(n1!, ctx?.found[i + 1] ?? 0);
  const own = partOfSpeech(withoutPossessive(t.lower));
  const hb = hashed(before);
  const ha = hashed(after);
  const ho = hashed(own);
  out.push(f(T.Pp, hb), f(T.Pn, ha), f(T.PpPn, mix(hb, ha)), f(T.PpW, mix(hb, ho)), f(T.PwN, mix(ho, ha)), f(T.PnL, mix(ha, l)));
}

/** A neighbour's part of speech, or 'H' a name the rules hid, 'I' another identifier, '#' a number. */
function posMark(t: Token, found: number): string {
  if (found === 1) return 'H';
  if (found === 2) return 'I';
  return t.word ? partOfSpeech(withoutPossessive(t.lower)) : '#';
}

/** DEID_STACK_OWN=1: the second pass reads the first pass's reading of the word itself too, not its neighbours' alone (measured worse, round 15). */
const STACK_OWN = process.env.DEID_STACK_OWN === '1';

/** A cue alone, and with the word's lists (a function, not a closure per word: the hot path makes none). */
function cue(out: number[], c: number, l: number): void {
  out.push(f(T.Cue, 100 + c), f(T.CueL, mix(c, l)));
}

function roundSeven(text: string, toks: readonly Token[], i: number, ctx: NoteContext, ask: number, cap: boolean, at: string, l: number, out: number[]): void {
  const t = toks[i]!;
  const p1 = toks[i - 1];
  const p2 = toks[i - 2];
  const p3 = toks[i - 3];
  const n1 = toks[i + 1];
  const n2 = toks[i + 2];
  // A capital means little in a note that capitalises nothing, much in one that capitalises its sentences.
  const habit = hashed(ctx.habit);
  out.push(f(T.CapH, (cap ? 8 : 16) + at.charCodeAt(0) * 3 + ctx.habit.charCodeAt(0) * 7));
  out.push(f(T.HL, mix(habit, l)));
  out.push(f(T.C2, classOf(p2)), f(T.Cn2, classOf(n2)));
  out.push(f(T.Ask, ask), f(T.AskL, mix(ask, l)), f(T.AskH, mix(ask, habit)));
  // Names the rules found: right beside it (a surname after a given name, "marcus [whitehorse]"), or in the note.
  if (p1 && ctx.found[i - 1] === 1 && gapIsSpace(text, p1, t)) cue(out, CUES.foundBefore, l);
  if (n1 && ctx.found[i + 1] === 1 && gapIsSpace(text, t, n1)) cue(out, CUES.foundAfter, l);
  if ((p2 && ctx.found[i - 2] === 1 && p1 && JOINS.has(p1.lower)) || (n2 && ctx.found[i + 2] === 1 && n1 && JOINS.has(n1.lower))) cue(out, CUES.foundBeside2, l);
  if (ctx.firstName >= 0 && ctx.firstName < i) cue(out, CUES.foundEarlier, l);
  if (ctx.lastName > i) cue(out, CUES.foundLater, l);
  // Person cues a word or two further away: "met up w/ X", "texted her cuz X", "X n me went".
  if (p2 && PERSON_BEFORE.has(p2.lower)) cue(out, CUES.before2, l);
  if (p3 && PERSON_BEFORE.has(p3.lower)) cue(out, CUES.before3, l);
  if (n2 && PERSON_AFTER.has(n2.lower)) cue(out, CUES.after2, l);
  // The same word written with a capital inside a sentence elsewhere in the note (a name the writer capitalised once).
  if (!cap && ctx.capped.has(t.lower)) cue(out, CUES.capElsewhere, l);
  if (cap && ctx.lowered.has(t.lower)) cue(out, CUES.lowerElsewhere, l);
  if (ctx.again.has(t.lower)) cue(out, CUES.again, l);
  // The second pass (round 15): what the first pass made of the word and of its neighbours — the sequence it lacked.
  if (ctx.stack) {
    const s = ctx.stack[i]!;
    const sp = i > 0 && p1 && gapIsSpace(text, p1, t) ? ctx.stack[i - 1]! : 9;
    const sn = n1 && gapIsSpace(text, t, n1) ? ctx.stack[i + 1]! : 9;
    if (STACK_OWN) out.push(f(T.St, s), f(T.StL, mix(s, l)), f(T.StP, sp * 16 + s), f(T.StN, sn * 16 + s), f(T.StPN, (sp * 16 + sn) * 16 + s));
    else out.push(f(T.StP, sp), f(T.StN, sn), f(T.StPN, sp * 16 + sn), f(T.StL, mix(sp * 16 + sn, l)));
  }
}

/**
 * The round-5 features (spoken-English rank and capitals, prepositions, lists, a name beside, an owner): on unless
 * DEID_CLASSIFIER_FEATURES=old, which trains and scores with the features of round 11 (for bench/trainDeid.ts --lobo).
 */
const NEW_FEATURES = process.env.DEID_CLASSIFIER_FEATURES !== 'old';

const PREPOSITIONS = new Set(['for', 'to', 'from', 'frm', 'about', 'abt']);
const JOINS = new Set(['and', 'n', '&', 'or', 'w', 'with']);
const OWNED_NEXT = new Set([...RELATIONS, ...OWNED]);

function gapIsSpace(text: string, a: Token, b: Token): boolean {
  return blank(text, a.end, b.start);
}

/** Whether the gap is one space, the commonest (then it holds no comma: no string made to tell). */
function oneSpace(text: string, from: number, to: number): boolean {
  return to - from === 1 && text.charCodeAt(from) === 32;
}

/** Which lists hold a token's word (lists()), kept on the token: its neighbours ask again. */
export function listsOf(t: Token): string {
  t.l ??= listsOfTyped.of(t);
  return t.l;
}
/** lists() of a typed word's lower case, kept in the typed word's record: the token looks nothing up by string. */
const listsOfTyped = wordMemo((raw) => lists(raw.toLowerCase()));

/** A given name or a name that is no common English word ("maria", "kofi"). */
function nameLike(t: Token): boolean {
  const l = listsOf(t);
  return (l.includes('F') && !l.includes('C') && !l.includes('S')) || l === 'N' || l === 'U';
}

/** The band of a word's rank in spoken English: "0" the 500 commonest … "4" rarer than 30,000 or never said. */
function spokenBand(lower: string): string {
  const r = spoken().rank.get(lower);
  return r === undefined ? '4' : r < 500 ? '0' : r < 2000 ? '1' : r < 10_000 ? '2' : r < 30_000 ? '3' : '4';
}
