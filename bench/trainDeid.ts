/**
 * `npm run train:deid`: trains the de-identifier's name classifier (services/deidentify/classifier) on every
 * development writer of bench/deidLowo.ts (WRITERS: the dev halves, the used-up names-test and cats-test, the typo-dev
 * copies and the train-* files; never a test half still measured, a blind set or bench/data/lead/) and writes
 * services/deidentify/classifier/name-model.json. Deterministic: the same notes and rules give the same file, byte for
 * byte.
 *
 * Round 7: the operating point (threshold and word-name margin) is chosen by leaving one WRITER out
 * (bench/deidLowo.ts, chooseOperatingPoint: at most 0.5 point of over-redaction added on held-out writers, at least 2
 * points of name recall for each). Each note's training words are made with the rules' spans of that note (the round-7
 * note context), so training runs the rules once over every note.
 *
 * `--folds` prints the leave-one-writer-out table without writing the model; `--compare` scores every set
 * bench/deid.ts scores by the rules alone and with the shipped classifier; `--lobo` is `npm run bench:deid:lowo`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { MODEL_FILE, NameScorer, scoredWords, shippedModel, useNameModel, type NameModel } from '../services/deidentify/classifier/model';
import { riskLexiconWords } from '../test/helpers/riskLexicon';
import type { Entity } from '../services/deidentify';
import { DEFAULT_TRAIN, noteExamples, train, type TrainOptions } from '../services/deidentify/classifier/train';
import { score, type Figures } from './deidMetrics';
import { load, sets } from './deid';
import { chooseOperatingPoint, leaveOneWriterOut, MARGINS, report, rulesRun, THRESHOLDS, trainingFile, WRITERS, writerNotes, type LowoOptions, type Note } from './deidLowo';

const repoRoot = path.resolve(__dirname, '..');

/** How the shipped model is made: round 7's features, every name-list word asked (featureSet 3), all writers. */
export const SHIPPED: LowoOptions = { features: 8, data: 'all', train: DEFAULT_TRAIN, thresholds: THRESHOLDS, margins: MARGINS };
/** The thresholds the operating point is chosen from (the classifier test checks the shipped one is among them). */
export const GRID = THRESHOLDS;

/** The development notes the shipped model trains on. */
export function devNotes(): Note[] {
  return writerNotes();
}

/** The development files that exist, relative to the repository, and a SHA-256 of their contents in that order. */
export function devSource(alsoHashed: readonly string[] = []): { files: string[]; sha256: string } {
  const files = [...new Set(WRITERS.flatMap((w) => w.files.map((f) => (f.startsWith('typo:') ? 'typo-dev.jsonl' : trainingFile(f)))))]
    .map((f) => path.join(repoRoot, 'bench', 'data', f))
    .filter((f) => fs.existsSync(f));
  const hash = crypto.createHash('sha256');
  // `alsoHashed`: inputs that are no notes but shape the model (the facility model reads the name model's scores).
  for (const f of [...files, ...alsoHashed]) hash.update(fs.readFileSync(f));
  return { files: files.map((f) => path.relative(repoRoot, f)), sha256: hash.digest('hex') };
}

/**
 * The model trained on `notes` at an operating point: each note's words with the rules' spans of that note. The model
 * records a SHA-256 of those spans (`trainedOn.rules`): the same notes under other rules make another model, and the
 * classifier test compares byte for byte only when notes and rules are as trained.
 */
export function trainShipped(notes: readonly Note[], point: { t: number; m: number }): NameModel {
  const own = new Map<string, number[]>();
  const rules = crypto.createHash('sha256');
  const data = notes.flatMap((n) => {
    const found = rulesRun(n.text).calls.find((c) => c.text === n.text)?.covered ?? [];
    rules.update(JSON.stringify(found.map((e) => [e.start, e.end, e.type])));
    return noteExamples(n, found, own, SHIPPED.features === 8);
  });
  const opts: TrainOptions = { ...SHIPPED.train, featureSet: SHIPPED.features === 8 ? 3 : 2, wordNameMargin: point.m };
  return train(data, point.t, opts, { ...devSource(), rules: rules.digest('hex') });
}

/**
 * Words that must stay, from the tests of words that stay (made-up phrases; test/services/deidentify): the operating
 * point must keep every one, and every literal word of the risk lexicon in the screen test's carriers. The weights do
 * not depend on the point, so the model is trained once and the point chosen among those that keep them.
 */
const MUST_STAY: Array<[string, string]> = [
  ['met kofi, hope he is ok', 'hope'],
  ['pharmacist ronan sais the dose changes', 'sais'],
  ['tavake comin by later', 'comin'],
  ['detox referal came back', 'referal'],
  ['talkd about her kids for a whle', 'talkd'],
];
const CARRIERS = ['Client reports X.', 'her X', 'X again', "PSW reports client's X has escalated"];

/** The scores the model gives the words that must stay, where it is asked about them. */
export function mustStayScores(model: NameModel): Array<{ word: string; score: number; ask: number }> {
  const scorer = new NameScorer(model);
  const phrases: Array<[string, string]> = [...MUST_STAY];
  for (const w of riskLexiconWords()) for (const c of CARRIERS) phrases.push([c.replace('X', w), w]);
  const out: Array<{ word: string; score: number; ask: number }> = [];
  for (const [text, word] of phrases) {
    for (const call of rulesRun(text).calls) {
      for (const s of scoredWords(scorer, call.text, call.covered)) if (call.text.slice(s.start, s.end).toLowerCase() === word) out.push({ word, score: s.score, ask: s.ask });
    }
  }
  return out;
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

/** The de-identifier's spans with `model` as its name classifier, or with none (the rules alone). */
function predict(text: string, model: NameModel | null): Entity[] {
  useNameModel(model);
  const found = deidentify(text).entities;
  useNameModel(undefined);
  return found;
}

function run(notes: ReturnType<typeof load>, model: NameModel | null): Figures {
  return score(notes, notes.map((n) => predict(n.text, model)));
}

/** `--compare`: every set bench/deid.ts scores (public, dev and test; never a blind set), by the rules alone and with the shipped classifier. */
function compare(): void {
  console.log('| set | rules: recall / leak / over | with classifier: recall / leak / over | names: recall rules → with |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const set of sets) {
    if (!fs.existsSync(set.file)) continue;
    const records = load(set.file);
    const rules = run(records, null);
    const withIt = run(records, shippedModel());
    const f = (x: Figures) => `${pct(x.overall.strictRecall)} / ${pct(x.overall.leakRate)} / ${pct(x.overRedaction)}`;
    console.log(`| ${set.name} | ${f(rules)} | ${f(withIt)} | ${pct(rules.perType.PERSON?.strictRecall ?? 1)} → ${pct(withIt.perType.PERSON?.strictRecall ?? 1)} |`);
  }
}

if (require.main === module && process.argv.includes('--compare')) compare();
else if (require.main === module) {
  const notes = devNotes();
  const results = leaveOneWriterOut(notes, SHIPPED);
  const free = chooseOperatingPoint(results, SHIPPED);
  // The weights do not depend on the point: trained once, then the point chosen among those that keep the words that must stay.
  const trained = trainShipped(notes, { t: 0, m: 0 });
  const pins = mustStayScores(trained);
  const keeps = (t: number, m: number) => pins.every((p) => p.score < t + (p.ask === 1 ? 0 : m));
  const point = chooseOperatingPoint(results, SHIPPED, keeps) ?? { t: THRESHOLDS[THRESHOLDS.length - 1]!, m: MARGINS[MARGINS.length - 1]! };
  console.log(report(results, SHIPPED, point).join('\n'));
  if (free && (free.t !== point.t || free.m !== point.m)) console.log(`\n(LOWO alone would choose threshold ${free.t}, margin ${free.m}; it would hide words that must stay: ${[...new Set(pins.filter((p) => !(p.score < free.t + (p.ask === 1 ? 0 : free.m))).map((p) => p.word))].join(', ')})`);
  if (!process.argv.includes('--folds') && !process.argv.includes('--lobo')) {
    const model: NameModel = { ...trained, threshold: point.t, wordNameMargin: point.m };
    fs.writeFileSync(MODEL_FILE, JSON.stringify(model) + '\n');
    console.log(`\nwrote ${path.relative(repoRoot, MODEL_FILE)}: ${Object.keys(model.weights).length} weights, ${(fs.statSync(MODEL_FILE).size / 1024).toFixed(0)} KB, threshold ${point.t}, word-name margin ${point.m}, ${model.trainedOn.tokens} words (${model.trainedOn.names} in names)`);
  }
}
