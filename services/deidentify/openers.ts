/**
 * A name opening a sentence or a note (round 16, issue 13): a word the rules and the name model left visible, first in
 * the note or after . ! ? or a line break, and not beside a hidden name (nameHalves.ts' slot), judged by a small
 * classifier of that slot alone (opener-model.json, made by `npm run train:deid`). On the lead's blind sets 153 of 354
 * name words left opened a sentence or a note: no person cue stands before them and the name model reads them with
 * nothing on their left. The slot's model reads the word's lists, case and (a function or common word) its form, what
 * follows it, where it opens, whether it is hidden or said again in the note, whether the note has a hidden name, and
 * the name model's score band; since round 19 also an English word's own form and the form of the verb or function word
 * after it. Measured by bench/deidOpeners.ts (docs/history/DEIDENTIFICATION-rounds.md, "Round 16
 * (sentence openers)"); its hashing, scorer and file loading are nameHalves.ts'.
 */
import path from 'node:path';
import { boundary, lists, type Token } from './classifier/features';
import { activeScorer, type Scored } from './classifier/model';
import { AGAIN, againIn, caseOf, farOf, marginAt, marginBand, nameLists, ownForm, SLACK, slotName, slotReading, slotsOf, SlotHasher, SlotModelFile, str, withNames, wordClass, type Emit, type HalfModel, type HalfScorer, type Slot, type SlotReading, type SlotReadingHolder } from './nameHalves';
import type { Entity } from './types';
import { partOfSpeech } from './partsOfSpeech';
import { possessive, stemLength } from './words';
import { ROLE_WORDS } from './messy';
import { TITLES } from './lexicon';

/**
 * Whether the model reads the word's own form: a function, title, relation, keep-list or common word (as the half
 * model), and (round 19) any English word — how often "hope", "rusty" or "frank" opening a sentence was a name in the
 * training writers is the word's own weight, learnt cross-fitted by writer.
 */
const formOf = (l: string): boolean => ownForm(l) || /[EI]/.test(l);

export const OPENER_MODEL_FILE = path.join(__dirname, 'classifier', 'opener-model.json');

/** What follows the opening word: as the far side of a half name, a hidden word with its type. */
function nextOf(text: string, toks: readonly Token[], i: number, types: readonly string[]): string {
  const f = farOf(text, toks, i, 1, types);
  return f === 'hidden' ? `hidden-${types[i + 1]}` : f;
}

/** An opening word's values that its own place gives (all but 'again', which reads the whole note). */
interface OpenerRead {
  i: number;
  /** The next word's own form when farOf() reads it as a verb, a joining or a function word, else ''. */
  nw: string;
  wc: string;
  /** The word's lists (features.ts lists()). */
  l: string;
  cls: string;
  nl: string;
  next: string;
  where: string;
  /** Whether the note has a hidden name. */
  named: boolean;
  stem: string;
  poss: boolean;
  m: string;
  /** The word's part of speech (partsOfSpeech.ts) and, when the next word is a plain word in the same sentence, its part of speech, else ''. */
  pos: string;
  npos: string;
}

function readOpener(text: string, toks: readonly Token[], i: number, types: readonly string[], margin: number | undefined, named: boolean): OpenerRead {
  const t = toks[i]!;
  const l = lists(t.lower);
  let where = i === 0 ? 'note' : 'stop';
  for (let k = i === 0 ? t.start : toks[i - 1]!.end; k < t.start; k++) if (text.charCodeAt(k) === 10) where = 'line';
  const next = nextOf(text, toks, i, types);
  // farOf() reads "came" and "is" both as 'verb' ("hope came by", "hope is a big word"): the word itself tells them apart.
  const nw = next === 'verb' || next === 'join' || next.startsWith('S-') ? toks[i + 1]!.lower : '';
  // Round 21: what the word and the next can be ("major changes": an adjective before a plural noun; "rose texted": a past verb after it).
  const u = toks[i + 1];
  const npos = u?.word && !['stop', 'comma', 'end', 'num'].includes(next) && !next.startsWith('hidden') ? partOfSpeech(u.lower) : '';
  const pos = partOfSpeech(t.lower);
  return { pos, npos, i, nw, wc: caseOf(t.raw), l, cls: wordClass(l), nl: nameLists(l), next, where, named, stem: t.lower.slice(0, stemLength(t.lower)), poss: possessive(t.raw), m: marginBand(margin) };
}

/** The word elsewhere in the note: AGAIN's index (nameHalves.ts againIn(), no pair). */
const againOf = (toks: readonly Token[], r: OpenerRead, types: readonly string[]): number => againIn(toks, r.i, r.stem, types, 0, '') >> 1;

/** The opening word `i`'s features, each given to `emit`; `margin` the name model's score less its line (undefined: not asked). */
function emitOpener(emit: Emit, text: string, toks: readonly Token[], i: number, types: readonly string[], margin: number | undefined): void {
  const r = readOpener(text, toks, i, types, margin, types.includes('NAME'));
  emitRead(emit, r, againOf(toks, r, types));
}

/** An opening word's features from its values and `again` (againOf()); with `again` -1, all but the two that read it (emitAgain()). */
function emitRead(emit: Emit, r: OpenerRead, again: number): void {
  const { wc, l, cls, nl, next, where, m } = r;
  emit('bias', '');
  emit('wc', wc);
  emit('cls', cls);
  emit('nl', nl);
  emit('wordname', str(l.includes('W')));
  emit('next', next);
  emit('where', where);
  if (again >= 0) emit('again', AGAIN[again]!);
  emit('named', str(r.named));
  emit('poss', str(r.poss));
  emit('m', m);
  emit('wc+cls', wc, cls);
  emit('cls+next', cls, next);
  emit('wc+next', wc, next);
  emit('nl+cls', nl, cls);
  emit('where+wc', where, wc);
  emit('m+cls', m, cls);
  if (again >= 0) emit('again+cls', AGAIN[again]!, cls);
  if (formOf(l)) emit('w', r.stem);
  emit('pos', r.pos);
  emit('pos+wc', r.pos, wc);
  if (r.npos) {
    emit('npos', r.npos);
    emit('npos+cls', r.npos, cls);
    emit('pos+npos', r.pos, r.npos);
  }
  if (r.nw) {
    emit('nw', r.nw);
    emit('nw+cls', r.nw, cls);
  }
}

/** The opening word's features as [template, value] pairs (what the model hashes; for reading and tests). */
export function openerFeatures(text: string, toks: readonly Token[], i: number, types: readonly string[], margin: number | undefined): Array<[string, string]> {
  const f: Array<[string, string]> = [];
  emitOpener((k, a, b, c) => f.push([k, [a, b, c].filter((x) => x !== undefined).join('|')]), text, toks, i, types, margin);
  return f;
}

const hasher = new SlotHasher('open:');

/**
 * The highest score `s` can give an opening word with these values, whatever 'again' the note gives it (as
 * nameHalves.ts halfCeiling(): the other features hashed once, then each of the three after them, the best kept under a
 * key of every other value the features read). Below the line less SLACK the word cannot be taken.
 */
function openerCeiling(s: HalfScorer, r: OpenerRead): number {
  const key = `${r.wc}|${r.l}|${r.next}|${r.nw}|${r.where}|${r.named ? 1 : 0}|${r.poss ? 1 : 0}|${r.m}|${formOf(r.l) ? r.stem : ''}|${r.pos}|${r.npos}`;
  return s.ceiling(key, hasher, r, emitKnown, AGAIN.length, emitAgain);
}
const emitKnown = (emit: Emit, r: OpenerRead): void => emitRead(emit, r, -1);
/** The two features that read `again` (emitRead()'s, in its order after the others). */
const emitAgain = (emit: Emit, r: OpenerRead, again: number): void => {
  emit('again', AGAIN[again]!);
  emit('again+cls', AGAIN[again]!, r.cls);
};

/** For tests: the opening word's ceiling (openerCeiling()) under the shipped or chosen model, and its own score. */
export function openerCeilingFor(text: string, toks: readonly Token[], i: number, types: readonly string[], margin: number | undefined): { ceiling: number; score: number } {
  const s = openerFile.scorer()!;
  const r = readOpener(text, toks, i, types, margin, types.includes('NAME'));
  return { ceiling: openerCeiling(s, r), score: s.score(hasher.buf, hasher.hash(emitRead, r, againOf(toks, r, types))) };
}
/** The opening word's features hashed into the model's buckets, each once (as bucket(`open:${k}`, v) over openerFeatures). */
export function openerBuckets(text: string, toks: readonly Token[], i: number, types: readonly string[], margin: number | undefined): number[] {
  const r = readOpener(text, toks, i, types, margin, types.includes('NAME'));
  return Array.from(hasher.buf.subarray(0, hasher.hash(emitRead, r, againOf(toks, r, types))));
}

/**
 * A role or a title opening a sentence is the person's role, not their name ("bishop at st nektarios blessed the food",
 * "doctor said", "sgt came by"; messy.ts ROLE_WORDS, lexicon.ts TITLES): the service never takes it, nor asks it, whatever
 * the model scores (round 25). The model still learns from it (openerSlots): left out of training too, the recipe's
 * file left two more untouched name words.
 */
const roleOrTitle = (t: Token): boolean => ROLE_WORDS.has(t.lower) || TITLES.has(t.lower);

/** The slot's words: visible words opening the note or a sentence (boundary 'S'), not beside a hidden name. */
export function openerSlots(text: string, toks: readonly Token[], types: readonly string[], halves: readonly Slot[] = slotsOf(text, toks, types)): number[] {
  const out: number[] = [];
  for (let i = 0, h = 0; i < toks.length; i++) {
    while (h < halves.length && halves[h]!.i < i) h++;
    if (!toks[i]!.word || types[i] || (h < halves.length && halves[h]!.i === i) || boundary(text, toks, i) !== 'S') continue;
    out.push(i);
  }
  return out;
}

const openerFile = new SlotModelFile(OPENER_MODEL_FILE);
/** For training and the benchmark: score with `model`, turn the slot off (null), or back to the shipped file (undefined). */
export const useOpenerModel = (model: HalfModel | null | undefined): void => openerFile.use(model);

/**
 * `spans` (sorted) with each opening word the model takes at or above its line added as a NAME, sorted. `scored`: the
 * name model's words and scores for this text (classifierNames()), for each word's margin. `holder`: where nameHalves
 * kept the note's slot reading (read again unless made for these very spans).
 */
export function openers(text: string, spans: readonly Entity[], scored: readonly Scored[], holder?: SlotReadingHolder): Entity[] {
  const kept = holder?.slotReading;
  if (holder) holder.slotReading = undefined;
  const s = openerFile.scorer();
  // Trained on the name model's names and margins: it runs only with a name model.
  if (!s || !activeScorer()) return spans as Entity[];
  const reading = slotReading(text, spans, kept);
  const added: Entity[] = [];
  eachMargin(s, text, reading, scored, SLACK, (t, margin) => {
    if (margin >= 0) added.push(slotName(t));
  });
  return withNames(spans, added);
}

/**
 * Each opening word of `reading` with its score less the model's line; a word whose ceiling is more than `below` under
 * the line gets its ceiling less the line instead (its score is at most that), and is not scored: most opening words
 * ("she", "went", "ok") cannot reach the line whatever the note says.
 */
function eachMargin(s: HalfScorer, text: string, reading: SlotReading, scored: readonly Scored[], below: number, each: (t: Token, margin: number) => void): void {
  const { toks, types, slots } = reading;
  const named = types.includes('NAME');
  for (const i of openerSlots(text, toks, types, slots)) {
    if (roleOrTitle(toks[i]!)) continue;
    const r = readOpener(text, toks, i, types, marginAt(scored, toks[i]!.start), named);
    const ceiling = openerCeiling(s, r) - s.model.threshold;
    each(toks[i]!, ceiling < -below ? ceiling : s.score(hasher.buf, hasher.hash(emitRead, r, againOf(toks, r, types))) - s.model.threshold);
  }
}

/**
 * For the review (unsure.ts): each opening word's score less the model's line, by the word's start, read from the
 * stored text with its placeholders as `spans` (a hidden name reads as a hidden NAME, as the model was trained to read
 * it) and `scored` the name model's words there. A word whose ceiling is more than `below` under the line gets its
 * ceiling less the line (its score is at most that). Undefined when the slot is off (no model, or no name model).
 */
export function openerMargins(text: string, spans: readonly Entity[], scored: readonly Scored[], below: number): Map<number, number> | undefined {
  const s = openerFile.scorer();
  if (!s || !activeScorer()) return undefined;
  const out = new Map<number, number>();
  eachMargin(s, text, slotReading(text, spans), scored, below, (t, margin) => out.set(t.start, margin));
  return out;
}
