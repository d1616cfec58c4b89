/**
 * `npx tsx bench/deidStack.ts [--groups K] [--out FILE]` (round 15, issue 13): the name model given the sequence by
 * STACKING, measured by leaving groups of writers out. The per-token model decides each word alone; a name is a span,
 * and the words it leaves are often a full name's other token ("tina [klassen]": the rules or the model hid one). The
 * second pass has the same features, but its note context marks the first pass's names as found, so the cues "beside a
 * found name", "a name earlier / later in the note" and the words asked for that slot read the model's names too; and
 * it reads what the first pass made of the word's neighbours (stackPass.ts stackCodes(): found by the rules, taken, or how
 * far below the line; DEID_STACK_OWN=1: of the word itself too).
 *
 * Round 15, measured (6 groups, train-bl/bm/bn left out, `--shipped-only`): the first pass alone at the shipped lines
 * 97.32 % macro names / 2.69 % over-redaction; both passes at the same lines 97.45 / 2.70 (marks alone), 97.21 / 2.67
 * (the word's own code too), 97.43 / 2.69 (the neighbours' codes). Not shipped: the recipe does not make it yet.
 *
 * Cross-fitting: the writers are dealt into K groups (writer j to group j mod K, as deidLowo.ts --groups); each
 * note's first-pass names come from the first-pass model trained without its group, and the second pass trains on
 * those, so it never sees first-pass names made on its own training text. A held-out group is scored with both passes
 * trained without it (the second pass's training marks were made by models that read the held-out group: the usual
 * stacking shortcut, one set of cross-fitted marks for every fold). Both read the shipped recipe's features
 * (trainDeid.ts SHIPPED); the first pass decides at the shipped model's lines, the second at lines chosen here as the
 * recipe chooses them (chooseOperatingPoint, then chooseByKind; no pinned words).
 *
 * `--by-kind`: the first pass's lines chosen on the same folds too.
 * `--shapes`: the human writers' name words left, as counts (shapes() below), in place of the figures.
 * Printed: the macro names recall, leak and over-redaction of the first pass alone at the shipped lines, of both passes
 * at the same lines, and of both at their chosen lines. `--out FILE` writes the shipped model with a second pass
 * trained on every writer (the first-pass marks cross-fitted as above) at the chosen lines, to score before shipping.
 * Untouched writers: leave them out with DEID_WRITERS_EXCEPT, as for every recipe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NameScorer, scoredWords, shippedModel, takenWords, useNameModel, type NameModel } from '../services/deidentify/classifier/model';
import { boundary, tokenize, type Token } from '../services/deidentify/classifier/features';
import { useFacilityModel } from '../services/deidentify/classifier/facilityModel';
import { useHalfModel } from '../services/deidentify/nameHalves';
import { deidentify } from '../services/deidentify';
import { noteExamples, train, type Example, type OwnCache, type TrainOptions } from '../services/deidentify/classifier/train';
import type { Entity } from '../services/deidentify';
import { chooseByKind, chooseOperatingPoint, coveredIn, describe, KINDS_12, leaveOneWriterOut, prepare, report, writerNotes, type Note, type Prepared } from './deidLowo';
import { SHIPPED } from './trainDeid';
import { linesOf, shippedPoint } from './deidHalves';
import { finalWords, stackCodes } from './stackPass';
import { arg } from './args';

/** The training options of the shipped recipe's models (featureSet 7, logistic). */
const OPTIONS: TrainOptions = { ...SHIPPED.train, featureSet: 7 };

/** The spans the rules gave the classifier for the note's own text (as prepare() trains on). */
const coveredOf = (prepared: Prepared, n: Note): Entity[] => coveredIn(n, prepared.runs.get(n)!);

/** A model trained on the training words of the notes `take` keeps. */
function trained(notes: readonly Note[], words: Map<Note, Example[]>, take: (n: Note) => boolean): NameModel {
  const data: Example[] = [];
  for (const n of notes) if (take(n)) for (const e of words.get(n) ?? []) data.push(e);
  return train(data, 0, OPTIONS);
}

/**
 * Each note's second-pass training words: its note context marks the rules' spans and the names `firstOf(note)`'s
 * model takes at its lines.
 */
export function secondPassWords(notes: readonly Note[], prepared: Prepared, firstOf: (n: Note) => NameScorer): Map<Note, Example[]> {
  const own: OwnCache = new Map();
  const out = new Map<Note, Example[]>();
  for (const n of notes) {
    if (!prepared.exampleOf.has(n)) continue;
    const covered = coveredOf(prepared, n);
    const first = scoredWords(firstOf(n), n.text, covered);
    const taken = takenWords(n.text, first);
    const marked = [...covered, ...taken].sort((a, b) => a.start - b.start || a.end - b.end);
    out.set(n, noteExamples(n, marked, own, true, true, true, true, stackCodes(tokenize(n.text), covered, first, taken)));
  }
  return out;
}

/**
 * `--by-kind`: the first pass's lines chosen on the same folds too.
 * `--shapes`: the human writers' name words left visible on the held-out groups, as counts (no word printed): all of them, those of a
 * full name another of whose words is hidden ("half hidden"), and those first in a sentence; each split by whether the
 * deciding pass asked about the word at all (a word never asked no pass can take).
 */
function shapes(notes: readonly Note[], prepared: Prepared, modelOf: (n: Note) => NameModel): string {
  const c = { left: 0, leftAsked: 0, half: 0, halfAsked: 0, start: 0, startAsked: 0, tokens: 0 };
  const scorers = new Map<NameModel, NameScorer>();
  for (const n of notes) {
    if (n.source.endsWith('.jsonl') || n.source.startsWith('typo:')) continue;
    const model = modelOf(n);
    if (!scorers.has(model)) scorers.set(model, new NameScorer(model));
    const words = finalWords(scorers.get(model)!, n.text, coveredOf(prepared, n));
    // The rules' spans where the model takes nothing (as leave one writer out does): deidentify() runs only where it does.
    let pred = prepared.runs.get(n)!.entities;
    if (takenWords(n.text, words).length) {
      useNameModel(model);
      useFacilityModel(null);
      useHalfModel(null);
      pred = deidentify(n.text).entities;
      useNameModel(undefined);
      useFacilityModel(undefined);
      useHalfModel(undefined);
    }
    const asked = new Set(words.map((w) => w.start));
    const toks = tokenize(n.text);
    const hidden = (t: Token) => pred.some((e) => e.start <= t.start && t.end - (/['’]s$/.test(t.raw) ? 2 : 0) <= e.end);
    for (const span of n.spans.filter((x) => x.type === 'PERSON')) {
      const inside = toks.map((t, i) => [t, i] as const).filter(([t]) => t.word && span.start <= t.start && t.end <= span.end);
      const anyHidden = inside.some(([t]) => hidden(t));
      for (const [t, i] of inside) {
        c.tokens++;
        if (hidden(t)) continue;
        const a = asked.has(t.start) ? 1 : 0;
        c.left++;
        c.leftAsked += a;
        if (anyHidden) {
          c.half++;
          c.halfAsked += a;
        }
        if (boundary(n.text, toks, i) === 'S') {
          c.start++;
          c.startAsked += a;
        }
      }
    }
  }
  return `name words ${c.tokens}, left visible ${c.left} (asked ${c.leftAsked}); half hidden ${c.half} (asked ${c.halfAsked}); first in a sentence ${c.start} (asked ${c.startAsked})`;
}

function main(): void {
  const t0 = Date.now();
  const k = Number(arg('--groups') ?? 6);
  const opts = { ...SHIPPED };
  // `--shipped-only`: the grid is the shipped point alone (its figures only: minutes, not the recipe's choice of lines).
  if (process.argv.includes('--shipped-only')) {
    opts.thresholds = [shippedPoint().t];
    opts.margins = [shippedPoint().m];
  }
  const notes = writerNotes();
  const prepared = prepare(notes, opts);
  const writers = [...new Set(notes.map((n) => n.writer))];
  const groupOf = new Map(writers.map((w, j) => [w, j % k]));
  const point1 = shippedPoint();
  const groups = Array.from({ length: k }, (_x, g) => g);
  const first = groups.map((g) => ({ ...trained(notes, prepared.exampleOf, (n) => groupOf.get(n.writer) !== g), ...linesOf(point1) }));
  const firstScorers = first.map((m) => new NameScorer(m));
  const words2 = secondPassWords(notes, prepared, (n) => firstScorers[groupOf.get(n.writer)!]!);
  const second = groups.map((g) => trained(notes, words2, (n) => groupOf.get(n.writer) !== g));
  console.log(`(${k} groups, models trained: ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  const one = new Map(writers.map((w) => [w, first[groupOf.get(w)!]!]));
  const two = new Map(writers.map((w) => [w, { ...first[groupOf.get(w)!]!, second: { ...second[groupOf.get(w)!]!, ...linesOf(point1) } }]));
  if (process.argv.includes('--shapes')) {
    console.log(`first pass alone: ${shapes(notes, prepared, (n) => one.get(n.writer)!)}`);
    console.log(`two passes, the shipped lines: ${shapes(notes, prepared, (n) => two.get(n.writer)!)}`);
    return;
  }
  // `--no-first`: the first pass alone is not scored again (it does not depend on the second pass).
  if (!process.argv.includes('--no-first')) {
    const r1 = leaveOneWriterOut(notes, opts, undefined, prepared, one);
    console.log(`${report(r1, opts, point1).slice(-1)[0]} (first pass alone, the shipped lines)`);
    // `--by-kind`: the first pass's own lines chosen on the same folds, as the second's are below (the fair comparison).
    if (process.argv.includes('--by-kind')) {
      const g1 = chooseOperatingPoint(r1, opts) ?? point1;
      const p1 = chooseByKind(r1, g1, undefined, KINDS_12);
      console.log(`${report(r1, opts, p1).slice(-1)[0]} (first pass alone, its lines chosen: ${describe(p1)})`);
    }
  }
  const r2 = leaveOneWriterOut(notes, opts, undefined, prepared, two);
  console.log(`${report(r2, opts, point1).slice(-1)[0]} (two passes, the second at the shipped lines)`);
  if (process.argv.includes('--shipped-only')) return;
  const global = chooseOperatingPoint(r2, opts) ?? { t: opts.thresholds[opts.thresholds.length - 1]!, m: opts.margins[opts.margins.length - 1]! };
  console.log(`${report(r2, opts, global).slice(-1)[0]} (two passes, one global point: ${describe(global)})`);
  const point2 = chooseByKind(r2, global, undefined, KINDS_12);
  console.log(`\n${report(r2, opts, point2).join('\n')}\n(two passes, the second's lines chosen: ${describe(point2)})`);
  const out = arg('--out');
  if (out) {
    const words = secondPassWords(notes, prepared, (n) => firstScorers[groupOf.get(n.writer)!]!);
    const model: NameModel = { ...shippedModel(), second: { ...trained(notes, words, () => true), ...linesOf(point2) } };
    fs.writeFileSync(path.resolve(out), JSON.stringify(model) + '\n');
    console.log(`wrote ${out}`);
  }
  console.log(`(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

if (require.main === module) main();
