/**
 * A name opening a sentence or a note (round 16, issue 13): a word the rules and the name model left visible, first in
 * the note or after . ! ? or a line break, and not beside a hidden name (nameHalves.ts' slot), judged by a small
 * classifier of that slot alone (opener-model.json, made by `npm run train:deid`). On the lead's blind sets 153 of 354
 * name words left opened a sentence or a note: no person cue stands before them and the name model reads them with
 * nothing on their left. The slot's model reads the word's lists, case and (a function or common word) its form, what
 * follows it, where it opens, whether it is hidden or said again in the note, whether the note has a hidden name, and
 * the name model's score band. Measured by bench/deidOpeners.ts (docs/history/DEIDENTIFICATION-rounds.md, "Round 16
 * (sentence openers)"); its hashing, scorer and file loading are nameHalves.ts'.
 */
import path from 'node:path';
import { boundary, lists, tokenize, type Token } from './classifier/features';
import { activeScorer, type Scored } from './classifier/model';
import { caseOf, farOf, hiddenTypes, marginAt, nameLists, slotName, slotsOf, SlotHasher, SlotModelFile, str, withNames, wordClass, type Emit, type HalfModel } from './nameHalves';
import type { Entity } from './types';
import { possessive, stemLength } from './words';

export const OPENER_MODEL_FILE = path.join(__dirname, 'classifier', 'opener-model.json');

/** What follows the opening word: as the far side of a half name, a hidden word with its type. */
function nextOf(text: string, toks: readonly Token[], i: number, types: readonly string[]): string {
  const f = farOf(text, toks, i, 1, types);
  return f === 'hidden' ? `hidden-${types[i + 1]}` : f;
}

/** The opening word `i`'s features, each given to `emit`; `margin` the name model's score less its line (undefined: not asked). */
function emitOpener(emit: Emit, text: string, toks: readonly Token[], i: number, types: readonly string[], margin: number | undefined): void {
  const t = toks[i]!;
  const l = lists(t.lower);
  const wc = caseOf(t.raw);
  const cls = wordClass(l);
  const nl = nameLists(l);
  const next = nextOf(text, toks, i, types);
  let where = i === 0 ? 'note' : 'stop';
  for (let k = i === 0 ? t.start : toks[i - 1]!.end; k < t.start; k++) if (text.charCodeAt(k) === 10) where = 'line';
  // The word elsewhere in the note ("'s" aside), compared in place.
  const len = stemLength(t.lower);
  let again = 'none';
  let named = false;
  for (let j = 0; j < toks.length; j++) {
    if (types[j] === 'NAME') named = true;
    const o = toks[j]!.lower;
    if (j === i || stemLength(o) !== len || !o.startsWith(t.lower.slice(0, len))) continue;
    again = types[j] ? 'hidden' : again === 'none' ? 'visible' : again;
  }
  const m = margin === undefined ? 'na' : margin >= 0 ? 'ge0' : margin >= -0.5 ? 'm05' : margin >= -1.5 ? 'm15' : 'lo';
  emit('bias', '');
  emit('wc', wc);
  emit('cls', cls);
  emit('nl', nl);
  emit('wordname', str(l.includes('W')));
  emit('next', next);
  emit('where', where);
  emit('again', again);
  emit('named', str(named));
  emit('poss', str(possessive(t.raw)));
  emit('m', m);
  emit('wc+cls', wc, cls);
  emit('cls+next', cls, next);
  emit('wc+next', wc, next);
  emit('nl+cls', nl, cls);
  emit('where+wc', where, wc);
  emit('m+cls', m, cls);
  emit('again+cls', again, cls);
  if (/[STRKC]/.test(l)) emit('w', t.lower.slice(0, len));
}

/** The opening word's features as [template, value] pairs (what the model hashes; for reading and tests). */
export function openerFeatures(text: string, toks: readonly Token[], i: number, types: readonly string[], margin: number | undefined): Array<[string, string]> {
  const f: Array<[string, string]> = [];
  emitOpener((k, a, b, c) => f.push([k, [a, b, c].filter((x) => x !== undefined).join('|')]), text, toks, i, types, margin);
  return f;
}

const hasher = new SlotHasher('open:');
function hashOpener(text: string, toks: readonly Token[], i: number, types: readonly string[], margin: number | undefined): number {
  hasher.count = 0;
  emitOpener(hasher.emit, text, toks, i, types, margin);
  return hasher.count;
}
/** The opening word's features hashed into the model's buckets, each once (as bucket(`open:${k}`, v) over openerFeatures). */
export function openerBuckets(text: string, toks: readonly Token[], i: number, types: readonly string[], margin: number | undefined): number[] {
  return Array.from(hasher.buf.subarray(0, hashOpener(text, toks, i, types, margin)));
}

/** The slot's words: visible words opening the note or a sentence (boundary 'S'), not beside a hidden name. */
export function openerSlots(text: string, toks: readonly Token[], types: readonly string[]): number[] {
  const halves = slotsOf(text, toks, types);
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
 * name model's words and scores for this text (classifierNames()), for each word's margin.
 */
export function openers(text: string, spans: readonly Entity[], scored: readonly Scored[]): Entity[] {
  const s = openerFile.scorer();
  // Trained on the name model's names and margins: it runs only with a name model.
  if (!s || !activeScorer()) return spans as Entity[];
  const toks = tokenize(text);
  const types = hiddenTypes(toks, spans);
  const added: Entity[] = [];
  for (const i of openerSlots(text, toks, types)) {
    if (s.score(hasher.buf, hashOpener(text, toks, i, types, marginAt(scored, toks[i]!.start))) >= s.model.threshold) added.push(slotName(toks[i]!));
  }
  return withNames(spans, added);
}
