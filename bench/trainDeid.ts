/**
 * `npm run train:deid`: trains the de-identifier's name classifier (services/deidentify/classifier) on the labelled
 * development notes only — hand-dev, messy-dev, psw-dev, typo-dev, sms-dev and names-dev, names-dev2, names-dev3 when present; never a test set, a
 * fresh set or bench/data/lead/ — and writes services/deidentify/classifier/name-model.json. Deterministic: the same
 * notes give the same file, byte for byte.
 *
 * The threshold comes from cross-validation that leaves one development set out at a time (a typo-dev copy goes with
 * its original): for each set a model trained on the others, the full de-identifier run on its notes with and without it, at
 * each threshold of GRID. The threshold kept is the lowest at which the classifier adds at most OVER_BUDGET of
 * over-redaction on the held-out folds: the rules were written against these notes and leave few names in them, so
 * a gain counted here would undervalue the classifier; judged by the words it wrongly hides, it stays a bounded
 * second look for names the rules have never seen. `--folds` prints the fold figures without writing the model.
 * `--lobo [--threshold T]` leaves one development set out at a time (leaveOneSetOut below) and writes nothing: the
 * figure to choose features and training data by, since notes of one set share their writer's wording.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { candidate, MODEL_FILE, NameScorer, shippedModel, useNameModel, WORD_NAME_MARGIN, wordLike, type NameModel } from '../services/deidentify/classifier/model';
import { tokenize } from '../services/deidentify/classifier/features';
import type { Entity } from '../services/deidentify';
import { DEFAULT_TRAIN, examples, train, type LabelledNote } from '../services/deidentify/classifier/train';
import { score, type Figures } from './deidMetrics';
import { load, sets } from './deid';

const repoRoot = path.resolve(__dirname, '..');
const DEV_FILES = ['hand-dev.txt', 'messy-dev.jsonl', 'psw-dev.jsonl', 'typo-dev.jsonl', 'sms-dev.txt', 'names-dev.txt', 'names-dev2.txt', 'names-dev3.txt'].map((f) => path.join(repoRoot, 'bench', 'data', f));
export const GRID = [-0.25, -0.125, 0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 1];
/** Over-redaction the classifier may add on held-out dev notes: 0.05 percentage point of their other characters (0.1 until round 5, when word-names joined the words it is asked about). */
const OVER_BUDGET = 0.0005;

type Note = LabelledNote & { register?: string; file: string };

export function devNotes(): Note[] {
  const notes: Note[] = [];
  for (const file of DEV_FILES) {
    if (/test|fresh|^bench[/\\]data[/\\]lead[/\\]/.test(path.relative(repoRoot, file))) throw new Error(`train:deid: ${file} is not a development set`);
    if (!fs.existsSync(file)) continue;
    for (const r of load(file)) notes.push({ ...r, file: path.basename(file) });
  }
  return notes;
}

/**
 * The fold of a note: the set it was written for (a typo-dev copy goes with its original). Folds by set, not by note:
 * notes of one set share their writer's wording, and a threshold chosen on notes whose set was trained on reads too
 * well (round 5: leave-one-set-out replaced 5-fold cross-validation by note).
 */
function foldsOf(notes: readonly Note[]): number[] {
  const sets = [...new Set(notes.map(origin))];
  return notes.map((n) => sets.indexOf(origin(n)));
}

/** The de-identifier's spans with `model` as its name classifier, or with none (the rules alone). */
function predict(text: string, model: NameModel | null): Entity[] {
  useNameModel(model);
  const found = deidentify(text).entities;
  useNameModel(undefined);
  return found;
}

function run(notes: readonly Note[], model: NameModel | null): Figures {
  return score(notes as Note[], notes.map((n) => predict(n.text, model)));
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

interface FoldRow {
  fold: number;
  set: string;
  notes: number;
  rules: Figures;
  byThreshold: Figures[];
}

export function crossValidate(notes: readonly Note[]): FoldRow[] {
  const fold = foldsOf(notes);
  const rows: FoldRow[] = [];
  for (let k = 0; k <= Math.max(...fold); k++) {
    const trainOn = notes.filter((_n, i) => fold[i] !== k);
    const held = notes.filter((_n, i) => fold[i] === k);
    const model = train(examples(trainOn), GRID[0]!);
    rows.push({ fold: k, set: origin(held[0]!), notes: held.length, rules: run(held, null), byThreshold: GRID.map((t) => run(held, { ...model, threshold: t })) });
  }
  return rows;
}

/** Over-redaction the classifier adds at each threshold, over all held-out folds (a share of their other characters). */
function addedOver(rows: readonly FoldRow[]): number[] {
  const other = rows.reduce((s, r) => s + r.rules.otherChars, 0);
  return GRID.map((_t, g) => rows.reduce((s, r) => s + r.byThreshold[g]!.overRedactedChars - r.rules.overRedactedChars, 0) / other);
}

/**
 * The threshold within the budget that hides the most identifier characters net of OVER_COST times the other
 * characters it hides (ties: the higher threshold). Since round 5: the lowest threshold within the budget bought its
 * last few names at five hidden words' characters each on held-out sets.
 */
export function chooseThreshold(rows: readonly FoldRow[]): number {
  const over = addedOver(rows);
  let best = GRID[GRID.length - 1]!;
  let bestGain = 0;
  for (let g = GRID.length - 1; g >= 0; g--) {
    if (over[g]! > OVER_BUDGET) continue;
    const ident = rows.reduce((s, r) => s + r.rules.overall.leakedChars - r.byThreshold[g]!.overall.leakedChars, 0);
    const other = rows.reduce((s, r) => s + r.byThreshold[g]!.overRedactedChars - r.rules.overRedactedChars, 0);
    const gain = ident - OVER_COST * other;
    if (gain > bestGain) {
      best = GRID[g]!;
      bestGain = gain;
    }
  }
  return best;
}
/** How many identifier characters one wrongly hidden character must buy. */
const OVER_COST = 2;

function report(rows: readonly FoldRow[], chosen: number): void {
  const g = GRID.indexOf(chosen);
  console.log(`| held-out set | notes | rules: recall / leak / over | rules + classifier (threshold ${chosen}): recall / leak / over | names: recall rules → with |`);
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const w = r.byThreshold[g]!;
    console.log(`| ${r.set} | ${r.notes} | ${pct(r.rules.overall.strictRecall)} / ${pct(r.rules.overall.leakRate)} / ${pct(r.rules.overRedaction)} | ${pct(w.overall.strictRecall)} / ${pct(w.overall.leakRate)} / ${pct(w.overRedaction)} | ${pct(r.rules.perType.PERSON?.strictRecall ?? 1)} → ${pct(w.perType.PERSON?.strictRecall ?? 1)} |`);
  }
  console.log('\n| threshold | names found (+) | identifier chars hidden (+) | other chars hidden (+) | over-redaction added |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  const added = addedOver(rows);
  GRID.forEach((t, i) => {
    const names = rows.reduce((s, r) => s + (r.byThreshold[i]!.perType.PERSON?.found ?? 0) - (r.rules.perType.PERSON?.found ?? 0), 0);
    const ident = rows.reduce((s, r) => s + r.rules.overall.leakedChars - r.byThreshold[i]!.overall.leakedChars, 0);
    const over = rows.reduce((s, r) => s + r.byThreshold[i]!.overRedactedChars - r.rules.overRedactedChars, 0);
    console.log(`| ${t} | ${names} | ${ident} | ${over} | ${pct(added[i]!)} |`);
  });
}

/** The development files that exist, relative to the repository, and a SHA-256 of their contents in that order. */
export function devSource(): { files: string[]; sha256: string } {
  const present = DEV_FILES.filter((f) => fs.existsSync(f));
  const hash = crypto.createHash('sha256');
  for (const f of present) hash.update(fs.readFileSync(f));
  return { files: present.map((f) => path.relative(repoRoot, f)), sha256: hash.digest('hex') };
}

export function trainShipped(notes: readonly Note[], threshold: number): NameModel {
  return train(examples(notes), threshold, DEFAULT_TRAIN, devSource());
}

/** `--compare`: every set bench/deid.ts scores (public, dev and test; never a blind set), by the rules alone and with the shipped classifier. */
function compare(): void {
  console.log('| set | rules: recall / leak / over | with classifier: recall / leak / over | names: recall rules → with |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const set of sets) {
    if (!fs.existsSync(set.file)) continue;
    const records = load(set.file) as Note[];
    const rules = run(records, null);
    const withIt = run(records, shippedModel());
    const f = (x: Figures) => `${pct(x.overall.strictRecall)} / ${pct(x.overall.leakRate)} / ${pct(x.overRedaction)}`;
    console.log(`| ${set.name} | ${f(rules)} | ${f(withIt)} | ${pct(rules.perType.PERSON?.strictRecall ?? 1)} → ${pct(withIt.perType.PERSON?.strictRecall ?? 1)} |`);
  }
}

/** The set a note was written for: a typo-dev copy goes with its original ("typo-hand-dev-0003" → hand-dev). */
export function origin(n: { id: string }): string {
  return n.id.replace(/^typo-/, '').replace(/-\d+$/, '');
}

interface LoboRow {
  set: string;
  notes: number;
  rules: Figures;
  withIt: Figures;
  /** The classifier alone on the held-out words it is asked about: names scored as names, words as names, names missed. */
  tp: number;
  fp: number;
  fn: number;
  /** Words of names it is never asked about (not candidates: English, keep-list, word-names…). */
  unasked: number;
}

/**
 * Leave one set out: for each development set, a model trained on every other set (a typo-dev copy counts with its
 * original), scored on the held-out set — the whole de-identifier with it against the rules alone, and the classifier
 * alone on the words it is asked about. The rules were written against every one of these sets, so only the
 * classifier's part is out of sample here; that is the part this measures, to choose features and training data.
 */
export function leaveOneSetOut(notes: readonly Note[], threshold: number): LoboRow[] {
  const rows: LoboRow[] = [];
  for (const set of [...new Set(notes.map(origin))]) {
    const held = notes.filter((n) => origin(n) === set);
    const model = train(examples(notes.filter((n) => origin(n) !== set)), threshold);
    const scorer = new NameScorer(model);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let unasked = 0;
    for (const n of held) {
      const toks = tokenize(n.text);
      toks.forEach((t, i) => {
        if (!t.word || t.raw.length < 2) return;
        const inside = n.spans.filter((s) => s.start < t.end && t.start < s.end);
        if (inside.some((s) => s.type !== 'PERSON')) return;
        const name = inside.length > 0;
        if (!candidate(t)) {
          if (name) unasked++;
          return;
        }
        const says = scorer.score(n.text, toks, i) >= threshold + (wordLike(t) ? WORD_NAME_MARGIN : 0);
        if (says && name) tp++;
        else if (says) fp++;
        else if (name) fn++;
      });
    }
    rows.push({ set, notes: held.length, rules: run(held, null), withIt: run(held, model), tp, fp, fn, unasked });
  }
  return rows;
}

function reportLobo(rows: readonly LoboRow[], threshold: number): void {
  const f = (x: Figures) => `${pct(x.overall.strictRecall)} / ${pct(x.overall.leakRate)} / ${pct(x.overRedaction)}`;
  console.log(`Leave one set out, threshold ${threshold}`);
  console.log('| held-out set | notes | rules: recall / leak / over | with a classifier trained on the other sets | names recall rules → with | classifier alone: precision / recall (names it is asked about) | name words never asked |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const sum = { tp: 0, fp: 0, fn: 0, unasked: 0, leakR: 0, leakW: 0, overR: 0, overW: 0, other: 0 };
  for (const r of rows) {
    console.log(`| ${r.set} | ${r.notes} | ${f(r.rules)} | ${f(r.withIt)} | ${pct(r.rules.perType.PERSON?.strictRecall ?? 1)} → ${pct(r.withIt.perType.PERSON?.strictRecall ?? 1)} | ${pct(r.tp / Math.max(1, r.tp + r.fp))} / ${pct(r.tp / Math.max(1, r.tp + r.fn))} | ${r.unasked} |`);
    sum.tp += r.tp;
    sum.fp += r.fp;
    sum.fn += r.fn;
    sum.unasked += r.unasked;
    sum.leakR += r.rules.overall.leakedChars;
    sum.leakW += r.withIt.overall.leakedChars;
    sum.overR += r.rules.overRedactedChars;
    sum.overW += r.withIt.overRedactedChars;
    sum.other += r.rules.otherChars;
  }
  console.log(`\nTotals: identifier characters left ${sum.leakR} → ${sum.leakW}; other characters hidden ${sum.overR} → ${sum.overW} (of ${sum.other}); classifier alone ${sum.tp} names right, ${sum.fp} words taken, ${sum.fn} names missed (precision ${pct(sum.tp / Math.max(1, sum.tp + sum.fp))}, recall ${pct(sum.tp / Math.max(1, sum.tp + sum.fn))}); ${sum.unasked} name words never asked`);
}

if (require.main === module && process.argv.includes('--lobo')) {
  const i = process.argv.indexOf('--threshold');
  reportLobo(leaveOneSetOut(devNotes(), i >= 0 ? Number(process.argv[i + 1]) : shippedModel().threshold), i >= 0 ? Number(process.argv[i + 1]) : shippedModel().threshold);
} else if (require.main === module && process.argv.includes('--compare')) compare();
else if (require.main === module) {
  const notes = devNotes();
  const rows = crossValidate(notes);
  const best = chooseThreshold(rows);
  report(rows, best);
  if (!process.argv.includes('--folds')) {
    const model = trainShipped(notes, best);
    fs.writeFileSync(MODEL_FILE, JSON.stringify(model) + '\n');
    console.log(`\nwrote ${path.relative(repoRoot, MODEL_FILE)}: ${Object.keys(model.weights).length} weights, ${(fs.statSync(MODEL_FILE).size / 1024).toFixed(0)} KB, threshold ${best}, ${model.trainedOn.tokens} words (${model.trainedOn.names} in names)`);
  }
}
