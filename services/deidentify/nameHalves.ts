/**
 * The other half of a full name (round 16, issue 13): a word left visible right beside a word hidden as a name ("jolene
 * [NAME]", "[NAME] fast"), or between two, judged by a small classifier of that slot alone (half-model.json, made by
 * `npm run train:deid`). On the lead's blind sets 99 of 354 name words left were such halves; the rule "hide the word
 * after a hidden name" was wrong 517 times for 43 names, and the name model reads every word beside a found name as
 * likelier a name. The slot's model reads what only the slot sees: which side the hidden name is on, its lists and
 * case against the word's, the word's own lists, what stands on its far side (a verb, a join, a stop, the end), and
 * whether the word or the pair recurs in the note. Run once the names are settled (deidentify.ts), before name parts
 * are joined into one placeholder. Measured by bench/deidHalves.ts (docs/history/DEIDENTIFICATION-rounds.md, "Round 16
 * (half names)").
 */
import fs from 'node:fs';
import path from 'node:path';
import { BITS, boundary, bucket, lists, tokenize, type Token } from './classifier/features';
import { activeScorer, type Scored } from './classifier/model';
import { isJoinWord } from './listJoins';
import { PERSON_AFTER, PERSON_BEFORE, RELATIONS, SUBJECT_VERBS } from './messy';
import type { Entity } from './types';
import { blank } from './words';

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

/** How each token of `text` is hidden by `spans` (sorted): the type of the span holding it whole ("'s" aside), 'part' if one overlaps it, '' if none. */
export function hiddenTypes(toks: readonly Token[], spans: readonly Entity[]): string[] {
  const out: string[] = [];
  let c = 0;
  for (const t of toks) {
    while (c < spans.length && spans[c]!.end <= t.start) c++;
    let type = '';
    for (let k = c; k < spans.length && spans[k]!.start < t.end; k++) {
      const e = spans[k]!;
      if (e.start <= t.start && t.end - (/['’]s$/.test(t.raw) ? 2 : 0) <= e.end) {
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

const caseOf = (raw: string): string => (raw.length <= 2 ? 'short' : /^\p{Lu}+$/u.test(raw) ? 'UP' : /^\p{Lu}/u.test(raw) ? 'Cap' : /\p{Lu}/u.test(raw) ? 'mixed' : 'lower');
const nameLists = (l: string): string => (l.includes('F') && l.includes('N') ? 'FN' : l.includes('F') ? 'F' : l.includes('N') ? 'N' : 'none');

/** A word's lists as one class: function, title, relation, keep, common, everyday, English (or a name too), name, misspelt, unknown. */
function wordClass(l: string): string {
  for (const c of ['S', 'T', 'R', 'K', 'C', 'V']) if (l.includes(c)) return c;
  if (/[EI]/.test(l)) return /[FN]/.test(l) ? 'E+name' : 'E';
  if (/[FN]/.test(l)) return 'name';
  return l.includes('M') ? 'M' : 'U';
}

/** What stands on the far side of the slot word, away from the hidden name (`dir` the side looked at). */
function farOf(text: string, toks: readonly Token[], i: number, dir: -1 | 1, types: readonly string[]): string {
  const u = toks[i + dir];
  const t = toks[i]!;
  if (!u) return 'end';
  const gap = dir > 0 ? text.slice(t.end, u.start) : text.slice(u.end, t.start);
  if (/[.!?\n]/.test(gap)) return 'stop';
  if (/[,;:()]/.test(gap)) return 'comma';
  if (types[i + dir]) return 'hidden';
  if (!u.word) return 'num';
  if (isJoinWord(text, u)) return 'join';
  if (dir > 0 && (SUBJECT_VERBS.has(u.lower) || PERSON_AFTER.has(u.lower))) return 'verb';
  if (dir < 0 && PERSON_BEFORE.has(u.lower)) return 'pv';
  if (RELATIONS.has(u.lower)) return 'rel';
  return `${wordClass(lists(u.lower))}-${caseOf(u.raw)}`;
}

/**
 * The slot's features for `slot`, as [template, value] pairs; `margin` the name model's score less its line for the word
 * (undefined: not asked), read in four bands — beside a found name the model lifts every word, so it is one cue of
 * many here, not the decision (round 15). A word's own form only if it is a function, keep-list, relation or common
 * word ("and", "was", "her", "will": the slot's commonest words, no one's name alone).
 */
export function slotFeatures(text: string, toks: readonly Token[], slot: Slot, types: readonly string[], margin: number | undefined): Array<[string, string]> {
  const { i, left, right } = slot;
  const t = toks[i]!;
  const l = lists(t.lower);
  const side = left && right ? 'B' : left ? 'L' : 'R';
  const n = toks[left ? i - 1 : i + 1]!;
  const nl = nameLists(lists(n.lower));
  const wc = caseOf(t.raw);
  const nc = caseOf(n.raw);
  const cls = wordClass(l);
  const far = side === 'B' ? 'both' : farOf(text, toks, i, side === 'L' ? 1 : -1, types);
  const opens = boundary(text, toks, i);
  const lower = t.lower.replace(/['’]s$/, '');
  // Elsewhere in the note: the word again (hidden there, or visible), and the same pair again.
  let again = 'none';
  let pair = false;
  for (let j = 0; j < toks.length; j++) {
    if (j === i || toks[j]!.lower.replace(/['’]s$/, '') !== lower) continue;
    again = types[j] ? 'hidden' : again === 'none' ? 'visible' : again;
    if (toks[left ? j - 1 : j + 1]?.lower === n.lower) pair = true;
  }
  const m = margin === undefined ? 'na' : margin >= 0 ? 'ge0' : margin >= -0.5 ? 'm05' : margin >= -1.5 ? 'm15' : 'lo';
  const f: Array<[string, string]> = [
    ['bias', ''],
    ['side', side],
    ['nl', nl],
    ['nc', nc],
    ['wc', wc],
    ['same', String(wc === nc)],
    ['cls', cls],
    ['surname', String(l.includes('N'))],
    ['given', String(l.includes('F'))],
    ['wordname', String(l.includes('W'))],
    ['far', far],
    ['opens', opens],
    ['again', again],
    ['pair', String(pair)],
    ['poss', String(/['’]s$/.test(t.raw))],
    ['m', m],
    ['side+m', `${side}|${m}`],
    ['side+wc', `${side}|${wc}`],
    ['side+cls', `${side}|${cls}`],
    ['side+far', `${side}|${far}`],
    ['side+nl', `${side}|${nl}`],
    ['wc+nc', `${wc}|${nc}`],
    ['wc+cls', `${wc}|${cls}`],
    ['side+wc+cls', `${side}|${wc}|${cls}`],
    ['side+opens', `${side}|${opens}`],
    ['cls+far', `${cls}|${far}`],
    ['nl+cls', `${nl}|${cls}`],
  ];
  if (/[STRKC]/.test(l)) f.push(['w', `${side}|${lower}`]);
  return f;
}

/** The slot's features hashed into the model's buckets, each once. */
export function slotBuckets(text: string, toks: readonly Token[], slot: Slot, types: readonly string[], margin: number | undefined): number[] {
  return [...new Set(slotFeatures(text, toks, slot, types, margin).map(([k, v]) => bucket(`half:${k}`, v)))];
}

/** A model ready to score: its weights in a flat array. */
export class HalfScorer {
  private readonly w: Float32Array;
  constructor(readonly model: HalfModel) {
    if (model.version !== 1 || model.bits !== BITS) throw new Error('deidentify: half-model.json is not a model this code can read');
    this.w = new Float32Array(1 << BITS);
    for (const [k, v] of Object.entries(model.weights)) this.w[Number(k)] = v;
  }
  score(features: readonly number[]): number {
    let s = 0;
    for (const f of features) s += this.w[f]!;
    return s;
  }
}

/** The shipped model (HALF_MODEL_FILE), read once; null with no file (a tree before the recipe made one: the slot is off). */
let shipped: HalfScorer | null | undefined;
let active: HalfScorer | null | undefined;
/** For training and the benchmark: score with `model`, turn the slot off (null), or back to the shipped file (undefined). */
export function useHalfModel(model: HalfModel | null | undefined): void {
  active = model ? (active?.model === model ? active : new HalfScorer(model)) : model;
}
function scorer(): HalfScorer | null {
  if (active !== undefined) return active;
  shipped ??= fs.existsSync(HALF_MODEL_FILE) ? new HalfScorer(JSON.parse(fs.readFileSync(HALF_MODEL_FILE, 'utf8')) as HalfModel) : null;
  return shipped;
}

/**
 * `spans` (sorted) with each slot word the model takes at or above its line added as a NAME, sorted. `scored`: the
 * name model's words and scores for this text (classifierNames()), for each word's margin.
 */
export function nameHalves(text: string, spans: readonly Entity[], scored: readonly Scored[]): Entity[] {
  const s = scorer();
  // The name model's second stage: trained on its names and margins, it runs only with a name model.
  if (!s || !activeScorer() || !spans.some((e) => e.type === 'NAME')) return spans as Entity[];
  const toks = tokenize(text);
  const types = hiddenTypes(toks, spans.every((e, k) => k === 0 || spans[k - 1]!.start <= e.start) ? spans : [...spans].sort((a, b) => a.start - b.start));
  const added: Entity[] = [];
  for (const slot of slotsOf(text, toks, types)) {
    const t = toks[slot.i]!;
    const w = scored.find((x) => x.start === t.start);
    if (s.score(slotBuckets(text, toks, slot, types, w && w.score - w.need)) < s.model.threshold) continue;
    // "Sam's brother": the possessive stays outside the placeholder, as everywhere() leaves it.
    added.push({ start: t.start, end: /['’]s$/.test(t.raw) ? t.end - 2 : t.end, type: 'NAME' });
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.start - b.start || a.end - b.end) : (spans as Entity[]);
}
