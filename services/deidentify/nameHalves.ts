/**
 * The other half of a full name (round 16, issue 13): a word left visible right beside a word hidden as a name ("jolene
 * [NAME]", "[NAME] fast"), or between two, judged by a small classifier of that slot alone (half-model.json, made by
 * `npm run train:deid`). On the lead's blind sets 99 of 354 name words left were such halves; the rule "hide the word
 * after a hidden name" was wrong 517 times for 43 names, and the name model reads every word beside a found name as
 * likelier a name. The slot's model reads what only the slot sees: which side the hidden name is on, its lists and
 * case against the word's, the word's own lists, what stands on its far side (a verb, a join, a stop, the end; since
 * round 18 a function word itself), and whether the word or the pair recurs in the note. Run once the names are settled (deidentify.ts), before name parts
 * are joined into one placeholder. Measured by bench/deidHalves.ts (docs/history/DEIDENTIFICATION-rounds.md, "Round 16
 * (half names)").
 */
import path from 'node:path';
import { BITS, boundary, lists, tokenize, type Token } from './classifier/features';
import { activeScorer, type Scored } from './classifier/model';
import { ModelSwitch, optionalModelFile } from './classifier/modelSwitch';
import { isJoinWord } from './listJoins';
import { compoundHead, PERSON_AFTER, PERSON_BEFORE, RELATIONS, SUBJECT_VERBS } from './messy';
import { partOfSpeech } from './partsOfSpeech';
import type { Entity } from './types';
import { wordSurnameBand } from './wordSurnames';
import { blank, possessive, stemEnd, stemLength, withoutPossessive } from './words';

/** The slot's model: logistic weights over hashed features (features.ts bucket()), and the line a word must reach. */
export interface HalfModel {
  version: 1;
  bits: number;
  threshold: number;
  trainedOn: { files: string[]; sha256: string; epochs: number; seed: number; tokens: number; names: number; learner?: string; rule?: string };
  weights: Record<string, number>;
}

export const HALF_MODEL_FILE = path.join(__dirname, 'classifier', 'half-model.json');

/** A word of the slot: token `i`, a hidden name on its `left` and/or `right`. */
export interface Slot {
  i: number;
  left: boolean;
  right: boolean;
}

/** How each token of `text` is hidden by `spans` (sorted here if they are not): the type of the span holding it whole ("'s" aside), 'part' if one overlaps it, '' if none. */
export function hiddenTypes(toks: readonly Token[], spans: readonly Entity[]): string[] {
  if (!inOrder(spans)) spans = [...spans].sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let c = 0;
  for (const t of toks) {
    while (c < spans.length && spans[c]!.end <= t.start) c++;
    let type = '';
    for (let k = c; k < spans.length && spans[k]!.start < t.end; k++) {
      const e = spans[k]!;
      if (e.start <= t.start && stemEnd(t) <= e.end) {
        type = e.type;
        break;
      }
      type = 'part';
    }
    out.push(type);
  }
  return out;
}

/** The words of the slot: visible words with only spaces between them and a word hidden as a NAME. */
export function slotsOf(text: string, toks: readonly Token[], types: readonly string[]): Slot[] {
  const out: Slot[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.word || types[i]) continue;
    const left = i > 0 && types[i - 1] === 'NAME' && blank(text, toks[i - 1]!.end, t.start);
    const right = i + 1 < toks.length && types[i + 1] === 'NAME' && blank(text, t.end, toks[i + 1]!.start);
    if (left || right) out.push({ i, left, right });
  }
  return out;
}

/**
 * A note's words, how each is hidden and its half-name slots (none where maySlot() says none can be), read once for both
 * slot steps: openers reads the one nameHalves made while the spans are the same array (nameHalves added no name).
 */
export interface SlotReading {
  text: string;
  spans: readonly Entity[];
  toks: readonly Token[];
  types: string[];
  slots: Slot[];
}

/** The slot reading of `text` under `spans`: `kept` when it was made for these very spans, else read now. */
export function slotReading(text: string, spans: readonly Entity[], kept?: SlotReading): SlotReading {
  if (kept && kept.text === text && kept.spans === spans) return kept;
  const toks = tokenize(text);
  const types = hiddenTypes(toks, spans);
  return { text, spans, toks, types, slots: maySlot(text, spans) ? slotsOf(text, toks, types) : [] };
}

/** Where a note's slot reading is kept between the two slot steps (deidentify.ts' Reading). */
export interface SlotReadingHolder {
  slotReading?: SlotReading;
}

export const caseOf = (raw: string): string => (raw.length <= 2 ? 'short' : /^\p{Lu}+$/u.test(raw) ? 'UP' : /^\p{Lu}/u.test(raw) ? 'Cap' : /\p{Lu}/u.test(raw) ? 'mixed' : 'lower');
export const nameLists = (l: string): string => (l.includes('F') && l.includes('N') ? 'FN' : l.includes('F') ? 'F' : l.includes('N') ? 'N' : 'none');
const CLASSES = ['S', 'T', 'R', 'K', 'C', 'V'];

/** A word's lists as one class: function, title, relation, keep, common, everyday, English (or a name too), name, misspelt, unknown. */
export function wordClass(l: string): string {
  for (const c of CLASSES) if (l.includes(c)) return c;
  if (/[EI]/.test(l)) return /[FN]/.test(l) ? 'E+name' : 'E';
  if (/[FN]/.test(l)) return 'name';
  return l.includes('M') ? 'M' : 'U';
}

/** "E-lower", "name-Cap" …: each far word's class and case made once (a slot is read on every note with a name). */
const FAR: Record<string, Record<string, string>> = {};
for (const cls of [...CLASSES, 'E+name', 'E', 'name', 'M', 'U']) {
  FAR[cls] = {};
  for (const wc of ['short', 'UP', 'Cap', 'mixed', 'lower']) FAR[cls][wc] = `${cls}-${wc}`;
}

export const str = (b: boolean): string => (b ? 'true' : 'false');


/** What stands on the far side of the slot word, away from the hidden name (`dir` the side looked at). */
export function farOf(text: string, toks: readonly Token[], i: number, dir: -1 | 1, types: readonly string[]): string {
  const u = toks[i + dir];
  const t = toks[i]!;
  if (!u) return 'end';
  let comma = false;
  for (let k = dir > 0 ? t.end : u.end, end = dir > 0 ? u.start : t.start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 10) return 'stop'; // . ! ? and a line break
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41) comma = true; // , ; : ( )
  }
  if (comma) return 'comma';
  if (types[i + dir]) return 'hidden';
  if (!u.word) return 'num';
  if (isJoinWord(text, u)) return 'join';
  if (dir > 0 && (SUBJECT_VERBS.has(u.lower) || PERSON_AFTER.has(u.lower))) return 'verb';
  if (dir < 0 && PERSON_BEFORE.has(u.lower)) return 'pv';
  if (RELATIONS.has(u.lower)) return 'rel';
  return FAR[wordClass(lists(u.lower))]![caseOf(u.raw)]!;
}

/** One feature: its template and its value, the parts joined by '|' ("side+wc": "L", "Cap" is "L|Cap"). */
export type Emit = (template: string, a: string, b?: string, c?: string) => void;

/** The name model's margin for a word in four bands ('na': not asked), as both slot models read it. */
export const marginBand = (margin: number | undefined): string => (margin === undefined ? 'na' : margin >= 0 ? 'ge0' : margin >= -0.5 ? 'm05' : margin >= -1.5 ? 'm15' : 'lo');

/** A slot word's values that its own place gives (all but 'again' and 'pair', which read the whole note). */
interface SlotRead {
  i: number;
  side: string;
  /** The hidden name beside it (on its left when it has one there). */
  n: Token;
  nl: string;
  nc: string;
  wc: string;
  /** The word's lists (features.ts lists()). */
  l: string;
  cls: string;
  far: string;
  opens: string;
  stem: string;
  poss: boolean;
  m: string;
  /**
   * The far word's own form when farOf() reads it as a function word, else '' (round 18): farOf() puts "In" in "In May
   * [NAME]" in one class with "to" in "to May [NAME]'s"; the word itself tells a date's "in", "on", "since" from a
   * name's "to", "at" — with it the recipe's line keeps "May" there and takes "Friday" in "Tom Friday came".
   */
  farw: string;
  /**
   * Round 22: the word's band as a family name that is also an everyday word (wordSurnames.ts: 'a' … 'd' by its 1990
   * Census rank, 'no' none: "[NAME] brown", "[NAME] short"), its part of speech (partsOfSpeech.ts), and the part of
   * speech of the plain word on its far side ('' when a stop, comma, number, hidden word or the note's end stands there):
   * "[NAME] little came by" against "[NAME] little bit" — what the openers' slot reads since round 21.
   */
  sw: string;
  pos: string;
  fpos: string;
}

/** What farOf() says when no plain word stands on the far side: no part of speech is read there. */
const FAR_NOT_PLAIN = new Set(['stop', 'comma', 'end', 'num', 'hidden', 'both']);

function readSlot(text: string, toks: readonly Token[], slot: Slot, types: readonly string[], margin: number | undefined): SlotRead {
  const { i, left, right } = slot;
  const t = toks[i]!;
  const l = lists(t.lower);
  const side = left && right ? 'B' : left ? 'L' : 'R';
  const n = toks[left ? i - 1 : i + 1]!;
  // The word without its possessive, in any case ("brown's", "BROWN'S"): its stem, its band and its part of speech.
  const stem = withoutPossessive(t.lower);
  const far = side === 'B' ? 'both' : farOf(text, toks, i, side === 'L' ? 1 : -1, types);
  const u = side === 'B' ? undefined : toks[side === 'L' ? i + 1 : i - 1];
  const plain = u?.word && !FAR_NOT_PLAIN.has(far);
  return {
    i,
    side,
    n,
    nl: nameLists(lists(n.lower)),
    nc: caseOf(n.raw),
    wc: caseOf(t.raw),
    l,
    cls: wordClass(l),
    far,
    opens: boundary(text, toks, i),
    stem,
    poss: possessive(t.raw),
    m: marginBand(margin),
    farw: far.startsWith('S-') ? toks[side === 'L' ? i + 1 : i - 1]!.lower : '',
    sw: wordSurnameBand(stem),
    pos: partOfSpeech(stem),
    fpos: plain ? partOfSpeech(u!.lower) : '',
  };
}

/** What 'again' says of a word elsewhere in the note, by againIn()'s index. */
export const AGAIN = ['none', 'visible', 'hidden'];

/**
 * The word at `i` elsewhere in the note ("'s" aside, compared in place by its `stem`): AGAIN's index (hidden there, or
 * visible) times two, plus one when the word `beside` stands at offset `dir` from it there too (the same pair again;
 * `dir` 0: not asked). Both slot models read it (openers.ts without the pair).
 */
export function againIn(toks: readonly Token[], i: number, stem: string, types: readonly string[], dir: -1 | 0 | 1, beside: string): number {
  const len = stem.length;
  let again = 0;
  let pair = 0;
  for (let j = 0; j < toks.length; j++) {
    const o = toks[j]!.lower;
    if (j === i || stemLength(o) !== len || !o.startsWith(stem)) continue;
    again = types[j] ? 2 : again === 0 ? 1 : again;
    if (dir !== 0 && toks[j + dir]?.lower === beside) pair = 1;
  }
  return again * 2 + pair;
}
/** A slot's 'again' and 'pair' (againIn() with the hidden name beside it). */
const againOf = (toks: readonly Token[], r: SlotRead, types: readonly string[]): number => againIn(toks, r.i, r.stem, types, r.side !== 'R' ? -1 : 1, r.n.lower);

/**
 * The slot's features for `slot`, each given to `emit`; `margin` the name model's score less its line for the word
 * (undefined: not asked), read in four bands — beside a found name the model lifts every word, so it is one cue of
 * many here, not the decision (round 15). A word's own form only if it is a function, keep-list, relation or common
 * word ("and", "was", "her", "will": the slot's commonest words, no one's name alone).
 */
function emitSlot(emit: Emit, text: string, toks: readonly Token[], slot: Slot, types: readonly string[], margin: number | undefined): void {
  const r = readSlot(text, toks, slot, types, margin);
  emitRead(emit, r, againOf(toks, r, types));
}

/** A slot's features from its values and `ap` (againOf()); with `ap` -1, all but 'again' and 'pair' (emitAgain()). */
function emitRead(emit: Emit, r: SlotRead, ap: number): void {
  const { side, nl, nc, wc, l, cls, far, opens, m } = r;
  emit('bias', '');
  emit('side', side);
  emit('nl', nl);
  emit('nc', nc);
  emit('wc', wc);
  emit('same', str(wc === nc));
  emit('cls', cls);
  emit('surname', str(l.includes('N')));
  emit('given', str(l.includes('F')));
  emit('wordname', str(l.includes('W')));
  emit('far', far);
  emit('opens', opens);
  if (ap >= 0) emitAgain(emit, ap);
  emit('poss', str(r.poss));
  emit('m', m);
  emit('side+m', side, m);
  emit('side+wc', side, wc);
  emit('side+cls', side, cls);
  emit('side+far', side, far);
  emit('side+nl', side, nl);
  emit('wc+nc', wc, nc);
  emit('wc+cls', wc, cls);
  emit('side+wc+cls', side, wc, cls);
  emit('side+opens', side, opens);
  emit('cls+far', cls, far);
  emit('nl+cls', nl, cls);
  if (ownForm(l)) emit('w', side, r.stem);
  if (r.farw) emit('farw', side, r.farw);
  emit('sw', r.sw);
  emit('side+sw', side, r.sw);
  emit('sw+wc', r.sw, wc);
  emit('pos', r.pos);
  emit('side+pos', side, r.pos);
  emit('pos+wc', r.pos, wc);
  if (r.fpos) {
    emit('fpos', side, r.fpos);
    emit('pos+fpos', side, r.pos, r.fpos);
  }
}

function emitAgain(emit: Emit, ap: number): void {
  emit('again', AGAIN[ap >> 1]!);
  emit('pair', str((ap & 1) === 1));
}

/** A function, title, relation, keep-list or common word: its own form is a feature of both slot models. */
export const ownForm = (l: string): boolean => /[STRKC]/.test(l);

/** The slot's features as [template, value] pairs (what emitSlot hashes; for reading and tests). */
export function slotFeatures(text: string, toks: readonly Token[], slot: Slot, types: readonly string[], margin: number | undefined): Array<[string, string]> {
  const f: Array<[string, string]> = [];
  emitSlot((k, a, b, c) => f.push([k, [a, b, c].filter((x) => x !== undefined).join('|')]), text, toks, slot, types, margin);
  return f;
}

/*
 * A slot's buckets, hashed as they are emitted: bucket(`${prefix}${template}`, value) run over the parts in place (FNV-1a
 * is a running hash), each bucket once in the order first met, into one reused buffer — no strings, pairs or Set a slot.
 * Shared by every slot model (the half names here, the sentence openers in openers.ts).
 */
const PRIME = 0x01000193;
const MASK = (1 << BITS) - 1;
const fnv = (h: number, s: string): number => {
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), PRIME);
  return h;
};
const BAR = 124; // '|'
export class SlotHasher {
  readonly buf = new Int32Array(64);
  count = 0;
  private readonly seed: number;
  constructor(prefix: string) {
    this.seed = fnv(0x811c9dc5, prefix);
  }
  readonly emit: Emit = (template, a, b, c) => {
    let h = fnv(Math.imul(fnv(this.seed, template) ^ 1, PRIME), a);
    if (b !== undefined) h = fnv(Math.imul(h ^ BAR, PRIME), b);
    if (c !== undefined) h = fnv(Math.imul(h ^ BAR, PRIME), c);
    const x = (h >>> 0) & MASK;
    for (let k = 0; k < this.count; k++) if (this.buf[k] === x) return;
    this.buf[this.count++] = x;
  };
  /** Hashes what `emitRead` gives for a word's values `r` and `v` (what the note adds; -1: left out) into `buf`; returns how many buckets. */
  hash<R>(emitRead: (emit: Emit, r: R, v: number) => void, r: R, v = -1): number {
    this.count = 0;
    emitRead(this.emit, r, v);
    return this.count;
  }
}
const half = new SlotHasher('half:');
const buf = half.buf;

/**
 * The highest score `s` can give a slot word with these values, whatever 'again' and 'pair' the note gives it: the
 * other features hashed once, then each of the six pairs after them (the same buckets as the slot's own, each once),
 * the best kept under a key of every other value the features read. Below the line less SLACK, the word cannot be
 * taken: the note is not read for it and nothing more is hashed.
 */
function halfCeiling(s: HalfScorer, r: SlotRead): number {
  const key = `${r.side}|${r.nl}|${r.nc}|${r.wc}|${r.l}|${r.far}|${r.opens}|${r.poss ? 1 : 0}|${r.m}|${ownForm(r.l) ? r.stem : ''}|${r.farw}|${r.sw}|${r.pos}|${r.fpos}`;
  return s.ceiling(key, half, r, emitKnown, AGAIN.length * 2, emitPair);
}
const emitKnown = (emit: Emit, r: SlotRead): void => emitRead(emit, r, -1);
const emitPair = (emit: Emit, _r: SlotRead, ap: number): void => emitAgain(emit, ap);

/**
 * A ceiling sums the slot's weights in another order than its score does: the two can differ in the last bits of a
 * double (under 1e-12 for some 30 weights of at most 3), never by this much. A word is skipped only below the line less SLACK.
 */
export const SLACK = 1e-9;

/** For tests: the slot's ceiling (halfCeiling()) under the shipped or chosen model, and the slot's own score. */
export function halfCeilingFor(text: string, toks: readonly Token[], slot: Slot, types: readonly string[], margin: number | undefined): { ceiling: number; score: number } {
  const s = halfFile.scorer()!;
  const r = readSlot(text, toks, slot, types, margin);
  return { ceiling: halfCeiling(s, r), score: s.score(buf, half.hash(emitRead, r, againOf(toks, r, types))) };
}

/** The slot's features hashed into the model's buckets, each once (as bucket(`half:${k}`, v) over slotFeatures). */
export function slotBuckets(text: string, toks: readonly Token[], slot: Slot, types: readonly string[], margin: number | undefined): number[] {
  const r = readSlot(text, toks, slot, types, margin);
  return Array.from(buf.subarray(0, half.hash(emitRead, r, againOf(toks, r, types))));
}

/** A model ready to score: its weights in a flat array. */
export class HalfScorer {
  private readonly w: Float32Array;
  constructor(readonly model: HalfModel) {
    if (model.version !== 1 || model.bits !== BITS) throw new Error('deidentify: a slot model file is not one this code can read');
    this.w = new Float32Array(1 << BITS);
    for (const [k, v] of Object.entries(model.weights)) this.w[Number(k)] = v;
  }
  /** The sum of the weights of `features`' first `n` buckets, in order. */
  score(features: ArrayLike<number>, n = features.length): number {
    let s = 0;
    for (let k = 0; k < n; k++) s += this.w[features[k]!]!;
    return s;
  }
  /** The best score slot words of one key can reach (halfCeiling(), openers.ts openerCeiling()), this model's own. */
  readonly ceilings = new Map<string, number>();
  /**
   * The ceiling kept under `key`, or worked out at its first sight: the features a slot word's values give
   * (`known`) hashed once into `hasher`, then each of `variants` ways the rest of the note can fill the others
   * (`variant`), the best score kept. The map starts over at CEILINGS keys (a key holds a function or common word's
   * form at most).
   */
  ceiling<R>(key: string, hasher: SlotHasher, r: R, known: (emit: Emit, r: R) => void, variants: number, variant: (emit: Emit, r: R, v: number) => void): number {
    let c = this.ceilings.get(key);
    if (c !== undefined) return c;
    const n = hasher.hash(known, r);
    c = -Infinity;
    for (let v = 0; v < variants; v++) {
      hasher.count = n;
      variant(hasher.emit, r, v);
      c = Math.max(c, this.score(hasher.buf, hasher.count));
    }
    if (this.ceilings.size >= CEILINGS) this.ceilings.clear();
    this.ceilings.set(key, c);
    return c;
  }
}
const CEILINGS = 50_000;

/** A slot model's file, read once; null with no file (a tree before the recipe made one: the slot is off). */
export class SlotModelFile extends ModelSwitch<HalfModel, HalfScorer> {
  constructor(readonly file: string) {
    super(() => optionalModelFile<HalfModel>(file), (m) => new HalfScorer(m));
  }
}
const halfFile = new SlotModelFile(HALF_MODEL_FILE);
export const useHalfModel = (model: HalfModel | null | undefined): void => halfFile.use(model);

/**
 * `spans` (sorted) with each slot word the model takes at or above its line added as a NAME, sorted. `scored`: the
 * name model's words and scores for this text (classifierNames()), for each word's margin. `holder` keeps the note's
 * slot reading for openers.
 */
export function nameHalves(text: string, spans: readonly Entity[], scored: readonly Scored[], holder?: SlotReadingHolder): Entity[] {
  const s = halfFile.scorer();
  // The name model's second stage: trained on its names and margins, it runs only with a name model.
  if (!s || !activeScorer()) return spans as Entity[];
  // Read for openers too, which reads the same words and their hiding in every note.
  const read = slotReading(text, spans);
  if (holder) holder.slotReading = read;
  const { toks, types } = read;
  const added: Entity[] = [];
  for (const slot of read.slots) {
    // Round 26: a word before a role or a label is one noun with it, not a name's other half ("[NAME] case #").
    const t = toks[slot.i]!;
    const nx = toks[slot.i + 1];
    if (compoundHead(text, t.end, nx && blank(text, t.end, nx.start) ? text.slice(nx.start, nx.end).toLowerCase() : '')) continue;
    const r = readSlot(text, toks, slot, types, marginAt(scored, t.start));
    // Most slot words ("and", "was", a verb before the name) cannot reach the line whatever the note says.
    if (halfCeiling(s, r) < s.model.threshold - SLACK) continue;
    if (s.score(buf, half.hash(emitRead, r, againOf(toks, r, types))) >= s.model.threshold) added.push(slotName(toks[slot.i]!));
  }
  return withNames(spans, added);
}

/** A slot word taken as a name; "Sam's brother": the possessive stays outside the placeholder, as everywhere() leaves it. */
export const slotName = (t: Token): Entity => ({ start: t.start, end: stemEnd(t), type: 'NAME' });

/** `spans` with the names a slot model `added`, sorted (`spans` itself when it added none). */
export function withNames(spans: readonly Entity[], added: readonly Entity[]): Entity[] {
  return added.length ? [...spans, ...added].sort((a, b) => a.start - b.start || a.end - b.end) : (spans as Entity[]);
}

/**
 * Whether a slot may exist: a NAME span with a space or tab from the character before it to two after it (a slot word
 * stands a blank away from a token the span holds whole, "'s" aside). Asked before the slot words are looked for.
 */
export function maySlot(text: string, spans: readonly Entity[]): boolean {
  for (const e of spans) {
    if (e.type !== 'NAME') continue;
    for (let k = Math.max(0, e.start - 1), end = Math.min(text.length, e.end + 3); k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 32 || c === 9) return true;
    }
  }
  return false;
}

function inOrder(spans: readonly Entity[]): boolean {
  for (let k = 1; k < spans.length; k++) if (spans[k - 1]!.start > spans[k]!.start) return false;
  return true;
}

/** How far above (+) or below (−) its line the name model scored the word at `start`; undefined if it did not ask it. */
export function marginAt(scored: readonly Scored[], start: number): number | undefined {
  for (const x of scored) if (x.start === start) return x.score - x.need;
  return undefined;
}

/** The lists and case a placeholder's name may have had: the stored text keeps only "[NAME]". */
const HIDDEN_AS = ['FN', 'F', 'N', 'none'].flatMap((nl) => ['lower', 'Cap'].map((nc) => [nl, nc] as const));

/**
 * For the review (unsure.ts, round 18): each half-name slot word's score less the model's line, by the word's start,
 * read from the stored text with its placeholders as `spans` and `scored` the name model's words there. A "[NAME]" is
 * read as a hidden name a blank away (its brackets as blanks, offsets kept); what lists and case the name had is
 * unknown, so each is tried and the highest score kept. Undefined when the slot is off (no model, or no name model).
 */
export function halfMargins(text: string, spans: readonly Entity[], scored: readonly Scored[]): Map<number, number> | undefined {
  const s = halfFile.scorer();
  if (!s || !activeScorer()) return undefined;
  const view = text.replace(/\[NAME\]/g, ' NAME ');
  const { toks, types, slots } = slotReading(view, spans);
  const out = new Map<number, number>();
  for (const slot of slots) {
    const r = readSlot(view, toks, slot, types, marginAt(scored, toks[slot.i]!.start));
    const ap = againOf(toks, r, types);
    let best = -Infinity;
    for (const [nl, nc] of HIDDEN_AS) best = Math.max(best, s.score(buf, half.hash(emitRead, { ...r, nl, nc }, ap)));
    out.set(toks[slot.i]!.start, best - s.model.threshold);
  }
  return out;
}
