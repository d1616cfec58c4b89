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
 * bench/deid.ts scores by the rules alone and with the shipped classifier; `--lobo` is `npm run bench:deid:lowo`;
 * `--score train-s …` scores writer files with the shipped model (a new writer's figure before training on it; with
 * `--model FILE` first, with that model);
 * `--tests [--model FILE]` scores the -test sets and the public set with the shipped model or FILE.
 * Round 22: `--features 14` the name model with parts of speech (featureSet 9); `--out FILE --name-only` writes the
 * name model alone (no slot models beside it).
 * Round 16: the recipe also writes half-model.json (the words beside a hidden name, nameHalves.ts) and opener-model.json
 * (the words opening a sentence, openers.ts); `--halves` and `--openers` make that file alone at the shipped model's lines.
 * Round 17: `--check` makes both in memory and says whether the shipped files are what this tree makes, byte for byte
 * (round 18: `--check --halves` or `--check --openers`, one of them).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { MODEL_FILE, NameScorer, scoredWords, shippedModel, useNameModel, type NameModel } from '../services/deidentify/classifier/model';
import { riskLexiconWords } from '../services/deidentify/classifier/riskWords';
import { optionalModelFile } from '../services/deidentify/classifier/modelSwitch';
import { SLOT_STAYS, staysIn } from './slotStays';
import { wordSense } from '../services/deidentify/wordSenses';
import type { Entity } from '../services/deidentify';
import { DEFAULT_TRAIN, train, type OwnCache, type TrainOptions } from '../services/deidentify/classifier/train';
import { score, type Figures } from './deidMetrics';
import { halfRecipe, shippedPoint } from './deidHalves';
import { openerSlots } from './deidOpeners';
import { HALF_MODEL_FILE, useHalfModel, type HalfModel } from '../services/deidentify/nameHalves';
import { OPENER_MODEL_FILE, useOpenerModel } from '../services/deidentify/openers';
import { load, loadSet, sets } from './deid';
import { chooseByKind, chooseOperatingPoint, coveredIn, describe, FEATURES, featureSetOf, kindsOf, leaveGroupsOut, leaveOneWriterOut, MARGINS, needAt, prepare, report, rulesRun, THRESHOLDS, trainFolds, trainingFile, trainingWords, WRITERS, writerNotes, writerNumbers, type LowoOptions, type Note, type Point, type Prepared, type RulesRun, type WriterResult } from './deidLowo';

const repoRoot = path.resolve(__dirname, '..');

/**
 * How the shipped model is made: round 8's words asked (featureSet 4: round 7's, every name-list word but risk words,
 * kept given names and plain words in a person slot) and, round 9, what a misspelt word misspells (featureSet 5),
 * logistic regression, all writers; a line per kind of word asked. Round 12: and the words asked where the names left visible
 * stood (featureSet 7, `--features 12`: kinds 10–13, model.ts namedSlotAsk), shipped at the round's end on two untouched
 * writers' gain (docs/history/DEIDENTIFICATION-rounds.md, "Round 12 (name model: candidates)").
 */
export const SHIPPED: LowoOptions = { features: 12, data: 'all', train: { ...DEFAULT_TRAIN, learner: 'logistic' }, thresholds: THRESHOLDS, margins: MARGINS };
// `--features N --learner logistic` (with --folds): another recipe measured the same way, pinned words and all.
if (require.main === module && (process.argv.includes('--folds') || process.argv.includes('--out'))) {
  const at = (k: string) => (process.argv.includes(k) ? process.argv[process.argv.indexOf(k) + 1] : undefined);
  if (at('--features')) SHIPPED.features = Number(at('--features')) as LowoOptions['features'];
  if (!FEATURES.includes(SHIPPED.features)) throw new Error(`trainDeid: no recipe for --features ${at('--features')} (11, featureSet 6, was removed in round 12; 13, featureSet 8, in round 13)`);
  if (at('--learner')) SHIPPED.train = { ...SHIPPED.train, learner: at('--learner') === 'logistic' ? 'logistic' : 'perceptron' };
}
/** Threads the folds of the recipe train on (the machine's two cores; 1: in this thread). The model is the same either way. */
const THREADS = Number(process.env.DEID_TRAIN_THREADS ?? 2);
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
export function trainShipped(notes: readonly Note[], point: Point, prepared?: Prepared): NameModel {
  const own: OwnCache = new Map();
  // `prepared` (leave one writer out made them with SHIPPED): the same rules' runs and training words, not made again.
  const runs = prepared?.runs ?? rulesRuns(notes);
  // Each word marked with its writer, as prepare() marks them (TrainOptions.minWriters counts them).
  const writerOf = writerNumbers();
  const data = notes.flatMap((n) => prepared?.exampleOf.get(n) ?? trainingWords(n, runs.get(n) ?? rulesRun(n.text), own, SHIPPED.features, writerOf(n.writer)));
  const opts: TrainOptions = { ...SHIPPED.train, featureSet: featureSetOf(SHIPPED.features), wordNameMargin: point.m, ...(point.kinds ? { kindMargins: point.kinds } : {}) };
  return train(data, point.t, opts, { ...devSource(), rules: rulesDigest(notes, runs) });
}

/** The rules' run of every note (the name model off), made once for the training words and the digest. */
export function rulesRuns(notes: readonly Note[]): Map<Note, RulesRun> {
  return new Map(notes.map((n) => [n, rulesRun(n.text)]));
}

/** What the rules gave the classifier for the note's own text. */
function rulesFound(n: Note, runs: ReadonlyMap<Note, RulesRun>): Entity[] {
  return coveredIn(n, runs.get(n) ?? rulesRun(n.text));
}

/**
 * A SHA-256 of the rules' spans of every note, in order: a model's `trainedOn.rules` (the same notes under other rules
 * make another model). The byte-for-byte test reads it before training, and trains only when it is the shipped model's.
 */
export function rulesDigest(notes: readonly Note[], runs: ReadonlyMap<Note, RulesRun>): string {
  const rules = crypto.createHash('sha256');
  for (const n of notes) rules.update(JSON.stringify(rulesFound(n, runs).map((e) => [e.start, e.end, e.type])));
  return rules.digest('hex');
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
  // Round 9: round 8's seven pinned test phrases ("rain not stopping today", "full of grace and joy", "Crystal meth",
  // "watching cricket", "hope came up a lot today", "sun and rain are coming") are kept by the rules after the model
  // (services/deidentify/wordSenses.ts) and no longer set its lines.
];
const CARRIERS = ['Client reports X.', 'her X', 'X again', "PSW reports client's X has escalated"];

/** The phrases and the word in each that must stay: MUST_STAY and every risk word in the screen test's carriers. */
function mustStayPhrases(): Array<[string, string]> {
  const phrases: Array<[string, string]> = [...MUST_STAY];
  for (const w of riskLexiconWords()) for (const c of CARRIERS) phrases.push([c.replace('X', w), w]);
  return phrases;
}

/**
 * A slot model's must-stay check (round 17, both slots; round 16 had it for the openers alone, after N11's line hid a
 * risk word opening "X again", and a half model rebuilt at round 16's end hid "May" in "In May Kowalczyk moved"):
 * whether the pipeline with `use(model)` keeps, phrase by phrase, every must-stay word it keeps with `use(null)` (a
 * word the pipeline hides without the slot, a risk word that is also a name, is not the slot's to keep). The phrases:
 * mustStayPhrases() and the deid tests' words that stay beside a name or opening a sentence (bench/slotStays.ts).
 * `use` sets every slot model (the other slot as the pipeline will have it) and the name model the slot reads; the
 * shipped files are read again after.
 */
export function slotKeeps(use: (model: HalfModel | null) => void): (model: HalfModel) => boolean {
  let staying: Array<readonly [string, string]> | undefined;
  const kept = ([text, word]: readonly [string, string]): boolean => staysIn(deidentify(text).redacted, word);
  return (model) => {
    try {
      use(null);
      staying ??= [...mustStayPhrases(), ...SLOT_STAYS].filter(kept);
      use(model);
      return staying.every(kept);
    } finally {
      useHalfModel(undefined);
      useOpenerModel(undefined);
      useNameModel(undefined);
    }
  };
}
/** The half names' check, with the name model `name` (undefined: the shipped one) and the openers' slot off (it runs after, and is checked with this model in place). */
const halvesKeep = (name?: NameModel) => slotKeeps((m) => { useNameModel(name); useHalfModel(m); useOpenerModel(null); });
/** The openers' check, with the half names' model the pipeline will have (`half`; null: none). */
const openersKeep = (half: HalfModel | null, name?: NameModel) => slotKeeps((m) => { useNameModel(name); useHalfModel(half); useOpenerModel(m); });

/** The scores the model gives the words that must stay, where it is asked about them. */
export function mustStayScores(model: NameModel): Array<{ word: string; score: number; ask: number }> {
  const scorer = new NameScorer(model);
  const phrases = mustStayPhrases();
  const out: Array<{ word: string; score: number; ask: number }> = [];
  for (const [text, word] of phrases) {
    for (const call of rulesRun(text).calls) {
      // A word the rules after the model give back (wordSenses.ts) stays whatever it scores.
      for (const s of scoredWords(scorer, call.text, call.covered)) if (call.text.slice(s.start, s.end).toLowerCase() === word && !wordSense(call.text, s.start, s.end)) out.push({ word, score: s.score, ask: s.ask });
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
    const records = loadSet(set);
    if (!records) continue;
    const rules = run(records, null);
    const withIt = run(records, shippedModel());
    const f = (x: Figures) => `${pct(x.overall.strictRecall)} / ${pct(x.overall.leakRate)} / ${pct(x.overRedaction)}`;
    console.log(`| ${set.name} | ${f(rules)} | ${f(withIt)} | ${pct(rules.perType.PERSON?.strictRecall ?? 1)} → ${pct(withIt.perType.PERSON?.strictRecall ?? 1)} |`);
  }
}

/**
 * `--score train-s train-t …`: a writer file scored as it lands, with the shipped model, before anything trains on it
 * (strict recall / leak / over-redaction, names recall, names by register): the nearest thing to a blind figure.
 */
function scoreFiles(names: string[]): void {
  for (const name of names) {
    const file = path.join(repoRoot, 'bench', 'data', trainingFile(`${name}.txt`));
    const records = load(file);
    const preds = records.map((r) => deidentify(r.text).entities);
    const all = score(records, preds);
    const regs = [...new Set(records.map((r) => r.register ?? 'none'))].map((reg) => {
      const idx = records.map((r, i) => ((r.register ?? 'none') === reg ? i : -1)).filter((i) => i >= 0);
      return `${reg} ${pct(score(idx.map((i) => records[i]!), idx.map((i) => preds[i]!)).perType.PERSON?.strictRecall ?? 1)}`;
    });
    console.log(`${name}: ${records.length} notes, ${pct(all.overall.strictRecall)} / ${pct(all.overall.leakRate)} / ${pct(all.overRedaction)}, names ${pct(all.perType.PERSON?.strictRecall ?? 1)} (${all.perType.PERSON?.spans ?? 0}); names by register: ${regs.join(', ')}`);
  }
}

/** The held-out sets and the public one (`--tests [--model FILE]`): scored with a model file, never tuned on. */
const TEST_SETS = ['names-test3', 'cats-test3', 'keep-test', 'hand-test', 'sms-test', 'messy-test', 'presidio-synth-v2'];

function scoreTests(modelFile: string | undefined): void {
  const model = modelFile ? (JSON.parse(fs.readFileSync(modelFile, 'utf8')) as NameModel) : shippedModel();
  for (const set of sets.filter((x) => TEST_SETS.includes(x.name))) {
    const records = loadSet(set);
    if (!records) continue;
    const f = run(records, model);
    console.log(`| ${set.name} | ${pct(f.overall.strictRecall)} / ${pct(f.overall.leakRate)} / ${pct(f.overRedaction)} | ${pct(f.perType.PERSON?.strictRecall ?? 1)} (${f.perType.PERSON?.spans ?? 0}) |`);
  }
}

/**
 * `--senses`: what the rules after the model (wordSenses.ts) give back on every development writer — each word asked
 * that a sense keeps, counted by sense as a labelled name or not, among the words the shipped model takes and among
 * every word asked (whatever the point). Counts only; `--senses-words` prints the words.
 */
function senses(): void {
  const scorer = new NameScorer(shippedModel());
  const counts = new Map<string, { takenName: number; takenWord: number; askedName: number; askedWord: number }>();
  for (const n of devNotes()) {
    for (const call of rulesRun(n.text).calls) {
      if (call.text !== n.text) continue;
      for (const s of scoredWords(scorer, call.text, call.covered)) {
        const sense = wordSense(call.text, s.start, s.end);
        if (!sense) continue;
        const name = n.spans.some((x) => x.type === 'PERSON' && x.start < s.end && s.start < x.end);
        const c = counts.get(sense) ?? { takenName: 0, takenWord: 0, askedName: 0, askedWord: 0 };
        const taken = s.score >= s.need;
        if (name) c.askedName++;
        else c.askedWord++;
        if (taken && name) c.takenName++;
        if (taken && !name) c.takenWord++;
        counts.set(sense, c);
        if (process.argv.includes('--senses-words')) console.log(`${sense}\t${name ? 'NAME' : 'word'}\t${taken ? 'taken' : 'asked'}\t${n.writer}\t${call.text.slice(Math.max(0, s.start - 30), s.end + 30).replace(/\s+/g, ' ')}`);
      }
    }
  }
  console.log('| sense | taken by the model: names / words | asked: names / words |');
  console.log('| --- | ---: | ---: |');
  for (const [k, c] of counts) console.log(`| ${k} | ${c.takenName} / ${c.takenWord} | ${c.askedName} / ${c.askedWord} |`);
}

if (require.main === module && process.argv.includes('--senses')) senses();
else if (require.main === module && process.argv.includes('--compare')) compare();
else if (require.main === module && process.argv.includes('--tests')) scoreTests(process.argv.includes('--model') ? process.argv[process.argv.indexOf('--model') + 1] : undefined);
else if (require.main === module && process.argv.includes('--score')) {
  // `--model FILE --score …` (round 12): a candidate model's figures on the same writers.
  if (process.argv.includes('--model')) useNameModel(JSON.parse(fs.readFileSync(process.argv[process.argv.indexOf('--model') + 1]!, 'utf8')) as NameModel);
  scoreFiles(process.argv.slice(process.argv.indexOf('--score') + 1));
}
else if (require.main === module && ['--halves', '--openers', '--check'].some((k) => process.argv.includes(k))) {
  // `--check` (round 17): both slot models made again in memory at the shipped name model's lines, compared byte for byte with the shipped files; nothing written.
  const check = process.argv.includes('--check');
  // `--check --halves` (or `--openers`): that slot's file alone (round 18: the two are made on other writers).
  const halves = process.argv.includes('--halves');
  const openers = process.argv.includes('--openers');
  const made = slotModels(devNotes(), undefined, shippedPoint(), halves || (check && !openers), openers || (check && !halves));
  if (check) process.exitCode = made.map(checkSlotModel).every(Boolean) ? 0 : 1;
  else for (const m of made) writeSlotModel(m, m.file);
}
else if (require.main === module) void recipe();

/**
 * The recipe: leave one writer out (the folds' models on THREADS threads), the operating point, the model on every
 * writer. Round 10: the folds train on worker threads and the rules run once for the folds and the model together;
 * the file made is the same, byte for byte, whatever THREADS is.
 */
async function recipe(): Promise<void> {
  const notes = devNotes();
  const prepared = prepare(notes, SHIPPED);
  const { point, model } = await nameRecipe(notes, prepared);
  if (!process.argv.includes('--folds') && !process.argv.includes('--lobo')) {
    // `--out FILE`: a candidate model written elsewhere, to score (`--tests --model FILE`) before it replaces the shipped one.
    const out = process.argv.includes('--out') ? path.resolve(process.argv[process.argv.indexOf('--out') + 1]!) : MODEL_FILE;
    fs.writeFileSync(out, JSON.stringify(model) + '\n');
    console.log(`\nwrote ${path.relative(repoRoot, out)}: ${Object.keys(model.weights).length} weights, ${(fs.statSync(out).size / 1024).toFixed(0)} KB, ${describe(point)}, ${model.trainedOn.tokens} words (${model.trainedOn.names} in names)`);
    // `--out FILE --name-only` (round 22): the name model alone, to score with the shipped slot models.
    if (process.argv.includes('--out') && process.argv.includes('--name-only')) return;
    // Round 16: the slot beside a hidden name (nameHalves.ts) and the sentence openers' (openers.ts), on this model's
    // lines; with `--out`, beside that file.
    const beside = (kind: string) => `${out.replace(/\.json$/, '')}.${kind}.json`;
    const [half, opener] = slotModels(notes, prepared, point, true, true, model);
    writeSlotModel(half!, process.argv.includes('--out') ? beside('half') : HALF_MODEL_FILE);
    writeSlotModel(opener!, process.argv.includes('--out') ? beside('opener') : OPENER_MODEL_FILE);
  }
}

/**
 * The name model's part of the recipe under SHIPPED (round 22: a function, so that bench/deidPosModel.ts runs it for two
 * feature sets on one rules' run): leave one writer out, the operating point, the model on every writer; the
 * leave-one-writer-out table printed.
 */
export async function nameRecipe(notes: readonly Note[], prepared: Prepared, groups = 0): Promise<{ results: WriterResult[]; point: Point; model: NameModel }> {
  // `groups` (round 23, bench/deidNameGeneral.ts): the writers in that many groups, each read with the model of the
  // others (deidLowo leaveGroupsOut: a quick read, not the recipe's figure); 0: one writer out, as the recipe.
  const models = !groups && THREADS > 1 ? await trainFolds(notes, SHIPPED, prepared, THREADS) : undefined;
  const results = groups ? leaveGroupsOut(notes, SHIPPED, groups, WRITERS, prepared) : leaveOneWriterOut(notes, SHIPPED, WRITERS, prepared, models);
  const free = chooseOperatingPoint(results, SHIPPED);
  // The weights do not depend on the point: trained once, then the point chosen among those that keep the words that must stay.
  const trained = trainShipped(notes, { t: 0, m: 0 }, prepared);
  const pins = mustStayScores(trained);
  const keeps = (p: Point) => pins.every((x) => x.score < needAt(p, x.ask));
  const global = chooseOperatingPoint(results, SHIPPED, (t, m) => keeps({ t, m })) ?? { t: THRESHOLDS[THRESHOLDS.length - 1]!, m: MARGINS[MARGINS.length - 1]! };
  // Round 8: then a line per kind of word asked, so the pinned words (word-names and risk words) set only their kinds' lines.
  const point = chooseByKind(results, global, keeps, kindsOf(SHIPPED.features));
  console.log(`${report(results, SHIPPED, global).slice(-1)[0]} (one global point: ${describe(global)})\n`);
  console.log(report(results, SHIPPED, point).join('\n'));
  if (free && (free.t !== global.t || free.m !== global.m)) console.log(`\n(LOWO alone would choose threshold ${free.t}, margin ${free.m} as one global point; it would hide words that must stay: ${[...new Set(pins.filter((p) => !(p.score < needAt(free, p.ask))).map((p) => p.word))].join(', ')})`);
  // Keys in train()'s order, so that the test's trainShipped(notes, point) compares byte for byte.
  const { trainedOn, weights } = trained;
  const model: NameModel = { version: 1, bits: trained.bits, threshold: point.t, wordNameMargin: point.m, ...(point.kinds ? { kindMargins: point.kinds } : {}), ...(trained.featureSet ? { featureSet: trained.featureSet } : {}), trainedOn, weights };
  return { results, point, model };
}

/** A slot's model as the recipe made it (null: no line gains, the slot is off), its file, and the recipe's lines. */
interface SlotMade {
  label: string;
  file: string;
  model: HalfModel | null;
  lines: string[];
}

/**
 * The slot models (round 16: the half names, nameHalves.ts; the sentence openers, openers.ts) made by
 * bench/deidHalves.ts halfRecipe() at the name model's lines `point` (`name`: that model, undefined the shipped one),
 * in memory. The half names first; the openers' must-stay check then reads the pipeline with that half model (the
 * shipped file when `halves` is false). `--halves` / `--openers` / `--check` alone: at the shipped model's lines,
 * without leaving writers out for the name model (about three minutes each).
 */
function slotModels(notes: readonly Note[], prepared: Prepared | undefined, point: Point, halves: boolean, openers: boolean, name?: NameModel): SlotMade[] {
  prepared ??= prepare(notes, SHIPPED);
  const out: SlotMade[] = [];
  let half = optionalModelFile<HalfModel>(HALF_MODEL_FILE);
  if (halves) {
    const { model, lines } = halfRecipe(notes, prepared, point, devSource(), 6, undefined, halvesKeep(name));
    out.push({ label: 'half names', file: HALF_MODEL_FILE, model, lines });
    half = model;
  }
  if (openers) {
    const { model, lines } = halfRecipe(notes, prepared, point, devSource(), 6, openerSlots, openersKeep(half, name));
    out.push({ label: 'sentence openers', file: OPENER_MODEL_FILE, model, lines });
  }
  return out;
}

/** A slot model's file as written (a function: the command-line code above runs before a const here is set). */
function slotJson(model: HalfModel): string {
  return JSON.stringify(model) + '\n';
}

/** Writes a slot's model to `out`; no line that gains: the file is removed (the slot is off). */
function writeSlotModel(made: SlotMade, out: string): void {
  const { label, model, lines } = made;
  console.log(`\n${label} (cross-fitted, macro over the human writers):\n${lines.join('\n')}`);
  if (!model) {
    if (fs.existsSync(out)) fs.unlinkSync(out);
    console.log(`no line gains: ${path.relative(repoRoot, out)} removed`);
    return;
  }
  fs.writeFileSync(out, slotJson(model));
  console.log(`wrote ${path.relative(repoRoot, out)}: ${Object.keys(model.weights).length} weights, line ${model.threshold}, ${model.trainedOn.tokens} slot words (${model.trainedOn.names} in names)`);
}

/** `--check`: whether the shipped file is the one the recipe makes at this tree, byte for byte; why not, when it is not. */
function checkSlotModel(made: SlotMade): boolean {
  const rel = path.relative(repoRoot, made.file);
  const shipped = fs.existsSync(made.file) ? fs.readFileSync(made.file, 'utf8') : null;
  const want = made.model ? slotJson(made.model) : null;
  if (shipped === want) {
    console.log(`${rel}: IDENTICAL (${made.model ? `line ${made.model.threshold}` : 'no model: the slot is off'})`);
    return true;
  }
  const was = shipped ? (JSON.parse(shipped) as HalfModel) : null;
  const why: string[] = [];
  if (!was || !made.model) why.push(was ? 'the recipe makes no model' : 'no shipped file');
  else {
    const missing = was.trainedOn.files.filter((f) => !made.model!.trainedOn.files.includes(f));
    const extra = made.model.trainedOn.files.filter((f) => !was.trainedOn.files.includes(f));
    if (missing.length || extra.length) why.push(`other training files (shipped without ${extra.join(', ') || '-'}; this run without ${missing.join(', ') || '-'}: set DEID_WRITERS_EXCEPT as the shipped model was made)`);
    else if (was.trainedOn.sha256 !== made.model.trainedOn.sha256) why.push('the training files changed');
    if (was.threshold !== made.model.threshold) why.push(`line ${was.threshold} shipped, ${made.model.threshold} made`);
    const keys = new Set([...Object.keys(was.weights), ...Object.keys(made.model.weights)]);
    const moved = [...keys].filter((k) => was.weights[k] !== made.model!.weights[k]).length;
    if (moved) why.push(`${moved} of ${keys.size} weights differ`);
  }
  console.log(`${rel}: DIFFERS — ${why.join('; ') || 'the same fields, other bytes'}\n  recipe's lines:\n  ${made.lines.join('\n  ')}`);
  return false;
}
