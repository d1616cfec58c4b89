/**
 * `npm run bench:deid:lowo`: the name classifier judged by leaving one WRITER out (round 7). One file is one writer
 * (a typo-dev copy goes with its original; a writer's used-up -test half goes with its -dev half); for each held-out
 * writer a classifier is trained on every other writer, the full deidentify() runs on the held-out notes with it and
 * with the rules alone, and names recall, leak and over-redaction are reported per writer, per register and as the
 * macro average over the human writers (the generated messy-dev and psw-dev train but are reported apart). This is the
 * figure to choose features, training data, candidates and the operating point by: notes of one writer share their
 * wording, and a threshold chosen on notes whose writer was trained on reads too well.
 *
 * Never a test half, a blind set or bench/data/lead/ (WRITERS names none; trainingFile() refuses them).
 * Cheap on purpose (2 shared cores): the rules run once per note, each note's training words are made once, and a
 * threshold's run of the whole de-identifier is needed only for the notes where the classifier hides something
 * (keyed by what it hides, so thresholds that hide the same words share it).
 *
 * Flags: `--features 5|7` (round 5's features and candidates, or round 7's: note context and words asked for their
 * slot; default 7), `--data old|all` (train on the 8 files of the shipped round-6 model, or on every development
 * writer; default all), `--epochs N`, `--learner logistic [--l2 X]` (round 8), `--threshold T --margin M` (report at that point; default the point
 * chooseOperatingPoint() picks), `--writers a,b` (hold out only these), `--sweep` (print every grid point),
 * `--groups K` (round 11: a quick read — the writers dealt into K groups, one model per group trained on the other
 * groups; K = 6 read the shipped recipe's 96.56 % at its point, as the 69 folds do, in a tenth of the training),
 * `--by-kind` (a line per kind of word asked, as the recipe chooses; no pinned words), `--at shipped` (report at the
 * shipped model's point).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { deidentify, type Entity } from '../services/deidentify';
import { NameScorer, needOf, observeClassifier, shippedModel, useNameModel, type NameModel, type Scored } from '../services/deidentify/classifier/model';
import { DEFAULT_TRAIN, noteExamples, train, type Example, type LabelledNote, type OwnCache, type TrainOptions } from '../services/deidentify/classifier/train';
import { lists, tokenize, type Token } from '../services/deidentify/classifier/features';
import { PERSON_AFTER, PERSON_BEFORE, RELATIONS, SUBJECT_VERBS } from '../services/deidentify/messy';
import { useFacilityModel } from '../services/deidentify/classifier/facilityModel';
import { useHalfModel } from '../services/deidentify/nameHalves';
import { finalWords } from './stackPass';
import { score, type Figures } from './deidMetrics';
import { load } from './deid';
import { arg } from './args';

const repoRoot = path.resolve(__dirname, '..');
const dataDir = path.join(repoRoot, 'bench', 'data');

export interface Writer {
  name: string;
  /** Files of bench/data; "typo:X" takes typo-dev.jsonl's copies of X's notes. */
  files: string[];
  /** Generated notes: trained on, reported apart, left out of the macro average. */
  generated?: boolean;
}

/**
 * DEID_WRITERS_EXCEPT (a regex of writer names, matched whole: 'train-bj|train-bk'): writers left out of every run
 * that reads WRITERS — leave one writer out, the name recipe (`npm run train:deid`) and the facility recipe
 * (`npm run train:deid:facility`) — while they are untouched (every untouched writer: bench/writers.ts UNTOUCHED_EXCEPT,
 * `DEID_WRITERS_EXCEPT=$(npx tsx bench/writers.ts)`). The one way since round 13; FACILITY_WRITERS_EXCEPT
 * (rounds 10–12's facility commands, '^train-b[hi]$') is read as the same, when DEID_WRITERS_EXCEPT is unset.
 */
export function writersExcept(env: NodeJS.ProcessEnv = process.env): RegExp | null {
  const v = env.DEID_WRITERS_EXCEPT || env.FACILITY_WRITERS_EXCEPT;
  return v ? new RegExp(`^(?:${v})$`) : null;
}
const WRITERS_EXCEPT = writersExcept();

/** Development writers. The -test halves of writers still being measured (names-test3, cats-test3, keep-test, hand-test, sms-test, messy-test, cats-own*-test, keep-own-test) are not here. */
export const WRITERS: Writer[] = ([
  { name: 'hand', files: ['hand-dev.txt', 'typo:hand-dev'] },
  { name: 'sms', files: ['sms-dev.txt'] },
  { name: 'names', files: ['names-dev.txt', 'names-test.txt'] },
  { name: 'names2', files: ['names-dev2.txt'] },
  { name: 'names3', files: ['names-dev3.txt'] },
  { name: 'cats', files: ['cats-dev.txt', 'cats-test.txt'] },
  { name: 'cats3', files: ['cats-dev3.txt'] },
  { name: 'cats-own', files: ['cats-own-dev.txt', 'cats-own2-dev.txt'] },
  { name: 'keep', files: ['keep-dev.txt'] },
  { name: 'keep-own', files: ['keep-own-dev.txt'] },
  // The name model's training notes, one writer a file (train-a.txt, train-b.txt … as they land).
  ...(fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [])
    .filter((f) => /^train-[a-z]+\.txt$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), files: [f] })),
  { name: 'messy', files: ['messy-dev.jsonl', 'typo:messy-dev'], generated: true },
  { name: 'psw', files: ['psw-dev.jsonl', 'typo:psw-dev'], generated: true },
] as Writer[]).filter((w) => !WRITERS_EXCEPT?.test(w.name));

/** The files the round-6 model was trained on (`--data old`). */
const OLD_DATA = new Set(['hand-dev.txt', 'typo:hand-dev', 'messy-dev.jsonl', 'typo:messy-dev', 'psw-dev.jsonl', 'typo:psw-dev', 'sms-dev.txt', 'names-dev.txt', 'names-dev2.txt', 'names-dev3.txt']);

const NOT_FOR_TRAINING = /fresh|test3|hand-test|sms-test|messy-test|keep-test|cats-own\d*-test|keep-own-test|heldout|(^|[/\\])lead[/\\]/;

/** Refuses a test half, a blind set or bench/data/lead/. */
export function trainingFile(file: string): string {
  if (NOT_FOR_TRAINING.test(file)) throw new Error(`deidLowo: ${file} is not a development file`);
  return file;
}

export type Note = LabelledNote & { register?: string; writer: string; source: string };

/** The notes of the writers whose files exist. */
export function writerNotes(writers: readonly Writer[] = WRITERS): Note[] {
  const notes: Note[] = [];
  let typo: Array<LabelledNote & { register?: string }> | undefined;
  for (const w of writers) {
    for (const f of w.files) {
      if (f.startsWith('typo:')) {
        typo ??= fs.existsSync(path.join(dataDir, 'typo-dev.jsonl')) ? load(path.join(dataDir, 'typo-dev.jsonl')) : [];
        const of = f.slice(5);
        for (const r of typo) if (r.id.replace(/^typo-/, '').replace(/-\d+$/, '') === of) notes.push({ ...r, writer: w.name, source: f });
        continue;
      }
      const file = path.join(dataDir, trainingFile(f));
      if (!fs.existsSync(file)) continue;
      for (const r of load(file)) notes.push({ ...r, writer: w.name, source: f });
    }
  }
  return notes;
}

/** What the rules alone do with a note: their final spans, and what deidentify() gave the classifier to look at. */
export interface RulesRun {
  entities: Entity[];
  calls: Array<{ text: string; covered: Entity[] }>;
}

/**
 * The rules alone on a text: their spans, and each call of the name classifier with the spans it was given. Round 10:
 * without the facility model too, here and wherever leave one writer out runs deidentify() — that model is trained
 * after the name model and reads its scores (`npm run train:deid:facility`), so the name model's point must not
 * depend on it, or each retrain would move the other and the recipe's re-run on the final tree would not make the
 * shipped files. (The classifier is given the spans found before the facility model either way.)
 */
export function rulesRun(text: string): RulesRun {
  const calls: RulesRun['calls'] = [];
  useNameModel(null);
  useFacilityModel(null);
  observeClassifier((t, covered) => calls.push({ text: t, covered: [...covered] }));
  try {
    return { entities: deidentify(text).entities, calls };
  } finally {
    observeClassifier(null);
    useNameModel(undefined);
    useFacilityModel(undefined);
  }
}

export interface LowoOptions {
  /** 5: round 5's; 7: round 7's note context and slots; 8: and every word a name list holds asked; 9: round 8's; 10: and what a misspelt word misspells (featureSet 5); 12: 10 with round 12's words asked (featureSet 7); 14: 12 with the parts of speech of the word and its neighbours (featureSet 9, round 22). */
  features: 5 | 7 | 8 | 9 | 10 | 12 | 14;
  data: 'old' | 'all';
  train: TrainOptions;
  thresholds: number[];
  margins: number[];
  /** Hold out only these writers (default every writer with notes). */
  heldOut?: string[];
  /** Collect the name words left visible at this grid point (`--leaks`): asked and scored, or never asked. */
  leaks?: Point & { out: Leak[]; taken: Leak[] };
}

export interface Leak {
  writer: string;
  word: string;
  /** Its score minus what it needed, when asked; null when never asked. */
  short: number | null;
  /** Why it was asked (model.ts asked()); 0 never asked. */
  ask: number;
  lists: string;
  note: string;
  register?: string;
  /** Round 12: where a word left visible stands (slotOf()): the word before, the word after, its capital. */
  slot?: string;
}

export const THRESHOLDS = [-0.5, -0.375, -0.25, -0.125, 0, 0.125, 0.25, 0.375, 0.5, 0.75, 1];
export const MARGINS = [0, 0.25, 0.5, 0.75, 1];
/** The margins one kind of word asked may take (round 8, chooseByKind()). */
export const KIND_MARGINS = [-0.5, -0.375, -0.25, -0.125, 0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 1, 1.25, 1.5, 2];
/** Every answer of asked(), and the kinds of word asked that take a margin of their own. */
const ASKS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
export const KINDS = [2, 3, 4, 5, 6, 7, 8, 9];
/** Round 12's kinds (featureSet 7, model.ts namedSlotAsk()). */
export const KINDS_12 = [...KINDS, 10, 11, 12, 13];
/** The kinds a recipe's words are asked as. */
export const kindsOf = (features: LowoOptions['features']): number[] => (features >= 12 ? KINDS_12 : KINDS);

/** An operating point: a threshold, the word-name margin, and (round 8) a margin per kind of word asked. */
export interface Point {
  t: number;
  m: number;
  kinds?: number[];
}
// kindMargins always set (undefined without kinds): a fold's model that carries lines of its own (bench/deidStack.ts) is
// scored at the point's lines, not at the point's threshold and its own kinds' margins.
const asModel = (p: Point) => ({ threshold: p.t, wordNameMargin: p.m, kindMargins: p.kinds });
/** What a word asked as `ask` must score at `p`. */
export const needAt = (p: Point, ask: number): number => needOf(asModel(p), ask);

export interface WriterResult {
  writer: string;
  generated: boolean;
  notes: number;
  rules: Figures;
  /** Figures at each [threshold][margin]. */
  grid: Figures[][];
  /** Names recall by register: rules, and at each grid point. */
  registers: Record<string, { rules: Figures; grid: Figures[][] }>;
  /** The figures at any point (the whole writer, and by register), for a point off the grid (chooseByKind()). */
  at?: (p: Point, withRegisters?: boolean) => { all: Figures; registers: Record<string, Figures> };
}

const key = (s: readonly Scored[]): string => s.map((w) => `${w.start}:${w.end}`).join(',');

/** Leave one writer out (see the file's comment). */
/** What leaveOneWriterOut() needs of every note before any fold: its rules' run and its training words. */
export interface Prepared {
  runs: Map<Note, RulesRun>;
  exampleOf: Map<Note, Example[]>;
}

/** The spans the rules gave the classifier for the note's own text, in its run (what the name model's words are read beside). */
export const coveredIn = (n: Note, run: RulesRun): Entity[] => run.calls.find((c) => c.text === n.text)?.covered ?? [];

/** The rules run once per note, and each note's training words made once (the rules' spans as deidentify() gave them to the classifier). */
export function prepare(notes: readonly Note[], opts: LowoOptions, shared?: Prepared['runs']): Prepared {
  const writerIndex = writerNumbers();
  // `shared` (round 22): the rules' runs of another preparation of the same notes (they do not depend on `opts`).
  const runs = shared ?? new Map<Note, RulesRun>();
  if (!shared) for (const n of notes) runs.set(n, rulesRun(n.text));
  const own: OwnCache = new Map();
  const exampleOf = new Map<Note, Example[]>();
  const inTraining = (n: Note) => opts.data === 'all' || OLD_DATA.has(n.source);
  for (const n of notes) if (inTraining(n)) exampleOf.set(n, trainingWords(n, runs.get(n)!, own, opts.features, writerIndex(n.writer)));
  return { runs, exampleOf };
}

/** Numbers for writers, in the order first asked: what Example.writer holds (round 23: TrainOptions.minWriters counts them). */
export function writerNumbers(): (writer: string) => number {
  const ids = new Map<string, number>();
  return (w) => {
    if (!ids.has(w)) ids.set(w, ids.size);
    return ids.get(w)!;
  };
}

/**
 * One note's training words under `features` (`own` caches each typed form's own features across notes): with the
 * spans the rules gave the classifier for its text (`run`), but for round 5's features, which read none; each marked
 * with its `writer`'s number (writerNumbers()) when given. The folds and the shipped model (trainDeid.ts trainShipped)
 * make them here, so both learn from the same words.
 */
export function trainingWords(n: Note, run: RulesRun, own: OwnCache, features: LowoOptions['features'], writer?: number): Example[] {
  const found = features !== 5 ? coveredIn(n, run) : undefined;
  const words = noteExamples(n, found, own, features >= 8, features >= 9, features >= 10, features >= 12, undefined, features >= 14);
  return writer === undefined ? words : words.map((e) => ({ ...e, writer }));
}

/** The model file's featureSet for each recipe's `features` (5, round 5's: none recorded). */
const FEATURE_SETS: Record<LowoOptions['features'], TrainOptions['featureSet']> = { 5: undefined, 7: 2, 8: 3, 9: 4, 10: 5, 12: 7, 14: 9 };
/** Every `features` a recipe knows (`--features N`). */
export const FEATURES = Object.keys(FEATURE_SETS).map(Number) as Array<LowoOptions['features']>;
/** The model file's featureSet under `features`, for the folds and the shipped model alike. */
export const featureSetOf = (features: LowoOptions['features']): TrainOptions['featureSet'] => FEATURE_SETS[features];

/** The training options of a fold's model under `opts`. */
function foldOptions(opts: LowoOptions): TrainOptions {
  const featureSet = featureSetOf(opts.features);
  return { ...opts.train, ...(featureSet ? { featureSet } : {}) };
}

/** The writers held out in turn: every writer with notes, or `opts.heldOut`. */
function heldOutWriters(notes: readonly Note[], opts: LowoOptions): string[] {
  return [...new Set(notes.map((n) => n.writer))].filter((w) => !opts.heldOut || opts.heldOut.includes(w));
}

/**
 * Round 10: the folds' models trained on `threads` worker threads (bench/deidLowoWorker.ts) before the folds are
 * scored — the recipe's longest part, on a shared machine. Each thread gets every note's training words (one shared
 * copy) and trains a fold exactly as leaveOneWriterOut() would in this thread: the same words in the same order, the
 * same train(), so the same weights, byte for byte.
 */
export async function trainFolds(notes: readonly Note[], opts: LowoOptions, prepared: Prepared, threads: number): Promise<Map<string, NameModel>> {
  const order = notes.filter((n) => prepared.exampleOf.has(n));
  const writerIds = [...new Set(notes.map((n) => n.writer))];
  let count = 0;
  let size = 0;
  for (const n of order) for (const e of prepared.exampleOf.get(n)!) {
    count++;
    size += e.features.length;
  }
  const features = new Int32Array(new SharedArrayBuffer(size * 4));
  const offsets = new Int32Array(new SharedArrayBuffer((count + 1) * 4));
  const labels = new Int8Array(new SharedArrayBuffer(count));
  const writerOf = new Int32Array(new SharedArrayBuffer(count * 4));
  // Round 23: where each word's own letters stand among its features (Example.form; [0, 0]: none marked).
  const forms = new Int32Array(new SharedArrayBuffer(count * 8));
  let k = 0;
  let at = 0;
  for (const n of order) {
    const w = writerIds.indexOf(n.writer);
    for (const e of prepared.exampleOf.get(n)!) {
      offsets[k] = at;
      features.set(e.features, at);
      at += e.features.length;
      labels[k] = e.label;
      forms[2 * k] = e.form?.[0] ?? 0;
      forms[2 * k + 1] = e.form?.[1] ?? 0;
      writerOf[k++] = w;
    }
  }
  offsets[k] = at;
  const todo = heldOutWriters(notes, opts);
  const models = new Map<string, NameModel>();
  const worker = path.join(__dirname, 'deidLowoWorker.ts');
  const shares = Array.from({ length: Math.max(1, Math.min(threads, todo.length)) }, (_x, i) => todo.filter((_w, j) => j % threads === i));
  await Promise.all(
    shares.map(
      (mine) =>
        new Promise<void>((resolve, reject) => {
          const t = new Worker(`require('tsx/cjs'); require(${JSON.stringify(worker)});`, {
            eval: true,
            workerData: { features, offsets, labels, writerOf, forms, held: mine.map((w) => writerIds.indexOf(w)), train: foldOptions(opts) },
          });
          t.on('message', (m: { writer: number; model: NameModel }) => models.set(writerIds[m.writer]!, m.model));
          t.on('error', reject);
          t.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`deidLowo: a training thread stopped (${code})`))));
        }),
    ),
  );
  return models;
}

/**
 * `--groups K`: the writers dealt into K groups in their order (writer j to group j mod K); each writer is scored with
 * the model trained on every group but its own. Fewer models than writers: a quick read, not the recipe's figure.
 */
export function leaveGroupsOut(notes: readonly Note[], opts: LowoOptions, k: number, writerList: readonly Writer[] = WRITERS, prepared: Prepared = prepare(notes, opts)): WriterResult[] {
  const writers = [...new Set(notes.map((n) => n.writer))];
  const groupOf = new Map(writers.map((w, j) => [w, j % k]));
  const models = new Map<string, NameModel>();
  for (let g = 0; g < k; g++) {
    const data: Example[] = [];
    for (const n of notes) if (groupOf.get(n.writer) !== g) for (const e of prepared.exampleOf.get(n) ?? []) data.push(e);
    const model = train(data, 0, foldOptions(opts));
    for (const w of writers) if (groupOf.get(w) === g) models.set(w, model);
  }
  return leaveOneWriterOut(notes, opts, writerList, prepared, models);
}

/** Leave one writer out (see the file's comment); `prepared` and the folds' `models` (trainFolds()) when made already. */
export function leaveOneWriterOut(notes: readonly Note[], opts: LowoOptions, writers: readonly Writer[] = WRITERS, prepared: Prepared = prepare(notes, opts), models?: Map<string, NameModel>): WriterResult[] {
  const { runs, exampleOf } = prepared;
  const generated = new Set(writers.filter((w) => w.generated).map((w) => w.name));
  const results: WriterResult[] = [];
  for (const writer of heldOutWriters(notes, opts)) {
    const held = notes.filter((n) => n.writer === writer);
    let base = models?.get(writer);
    if (!base) {
      const data: Example[] = [];
      for (const n of notes) if (n.writer !== writer) for (const e of exampleOf.get(n) ?? []) data.push(e);
      base = train(data, 0, foldOptions(opts));
    }
    const scorer = new NameScorer(base);
    // Each held-out note's asked words and scores, once; a grid point only compares them with its threshold.
    // Round 15: with a second pass (NameModel.second), the words it decides; a point is then the second pass's lines.
    const asked = held.map((n) => runs.get(n)!.calls.map((c) => finalWords(scorer, c.text, c.covered)));
    const rulesPred = held.map((n) => runs.get(n)!.entities);
    // A note's spans at a point: deidentify() runs again only when the words hidden differ from every run before.
    const cache = new Map<string, Entity[]>();
    const predict = (p: Point): Entity[][] => {
      const model: NameModel = base.second ? { ...base, second: { ...base.second, ...asModel(p) } } : { ...base, ...asModel(p) };
      const needs = ASKS.map((ask) => needAt(p, ask));
      return held.map((n, i) => {
        const hidden = asked[i]!.map((call) => call.filter((w) => w.score >= needs[w.ask]!));
        if (hidden.every((h) => h.length === 0)) return rulesPred[i]!;
        const k = `${i}|${hidden.map(key).join('|')}`;
        let found = cache.get(k);
        if (!found) {
          useNameModel(model);
          useFacilityModel(null);
          useHalfModel(null);
          found = deidentify(n.text).entities;
          useNameModel(undefined);
          useFacilityModel(undefined);
          useHalfModel(undefined);
          cache.set(k, found);
        }
        return found;
      });
    };
    const grid: Entity[][][][] = opts.thresholds.map((t) => opts.margins.map((m) => predict({ t, m })));
    if (opts.leaks) {
      const p = predict(opts.leaks);
      held.forEach((n, i) => {
        const toks = tokenize(n.text);
        for (const [j, t] of toks.entries()) {
          if (!t.word || !n.spans.some((s) => s.type === 'PERSON' && s.start < t.end && t.start < s.end)) continue;
          if (p[i]!.some((e) => e.start <= t.start && t.end - (/['’]s$/.test(t.raw) ? 2 : 0) <= e.end)) continue;
          const w = asked[i]!.flat().find((x) => x.start === t.start);
          opts.leaks!.out.push({ writer, word: t.raw, short: w ? w.score - needAt(opts.leaks!, w.ask) : null, ask: w?.ask ?? 0, lists: lists(t.lower), note: n.id, register: n.register ?? 'none', slot: slotOf(n.text, toks, j, p[i]!) });
        }
        // Words the classifier took that are in no identifier: what its over-redaction is made of.
        for (const e of p[i]!) {
          if (rulesPred[i]!.some((r) => r.start < e.end && e.start < r.end) || n.spans.some((s) => s.start < e.end && e.start < s.end)) continue;
          const t = toks.find((x) => x.start === e.start);
          const w = asked[i]!.flat().find((x) => x.start === e.start);
          opts.leaks!.taken.push({ writer, word: n.text.slice(e.start, e.end), short: null, ask: w?.ask ?? 0, lists: t ? lists(t.lower) : '', note: n.id, register: n.register ?? 'none' });
        }
      });
    }
    const scoreOf = (idx: number[], pred: (i: number) => Entity[]) => summed(idx.map((i) => noteFigures(held[i]!, pred(i))));
    const all = held.map((_n, i) => i);
    const registers: WriterResult['registers'] = {};
    for (const reg of [...new Set(held.map((n) => n.register ?? 'none'))]) {
      const idx = all.filter((i) => (held[i]!.register ?? 'none') === reg);
      registers[reg] = { rules: scoreOf(idx, (i) => rulesPred[i]!), grid: grid.map((row) => row.map((p) => scoreOf(idx, (i) => p[i]!))) };
    }
    const at = (p: Point, withRegisters = false) => {
      const pred = predict(p);
      const regs: Record<string, Figures> = {};
      if (withRegisters) for (const reg of Object.keys(registers)) regs[reg] = scoreOf(all.filter((i) => (held[i]!.register ?? 'none') === reg), (i) => pred[i]!);
      return { all: scoreOf(all, (i) => pred[i]!), registers: regs };
    };
    results.push({
      writer,
      generated: generated.has(writer),
      notes: held.length,
      rules: scoreOf(all, (i) => rulesPred[i]!),
      grid: grid.map((row) => row.map((p) => scoreOf(all, (i) => p[i]!))),
      registers,
      at,
    });
  }
  return results;
}

/**
 * One note's figures for one prediction, kept by the prediction's array: leaveOneWriterOut() hands a note the same array
 * for the same spans (its rules' spans, or the cached run for the words hidden), so a note is scored once per distinct
 * prediction, not once per grid point, kind line and register (round 10: scoring was most of the recipe's time).
 */
const byPrediction = new WeakMap<readonly Entity[], Figures>();
function noteFigures(note: Note, pred: Entity[]): Figures {
  let f = byPrediction.get(pred);
  if (!f) {
    f = score([note], [pred]);
    byPrediction.set(pred, f);
  }
  return f;
}

/** Notes' figures summed as score() counts them over the notes together (integer counts, then the rates): the same figures exactly. */
export function summed(parts: readonly Figures[]): Figures {
  const type = () => ({ spans: 0, found: 0, strictRecall: 0, identifierChars: 0, leakedChars: 0, leakRate: 0 });
  const add = (to: Figures['overall'], x: Figures['overall']) => {
    to.spans += x.spans;
    to.found += x.found;
    to.identifierChars += x.identifierChars;
    to.leakedChars += x.leakedChars;
  };
  const rates = (t: Figures['overall']) => {
    t.strictRecall = t.spans ? t.found / t.spans : 1;
    t.leakRate = t.identifierChars ? t.leakedChars / t.identifierChars : 0;
  };
  const out: Figures = { records: 0, recordsFullyClean: 0, recordsFullyCleanRate: 1, overall: type(), perType: {}, otherChars: 0, overRedactedChars: 0, overRedaction: 0, neutralSpans: 0 };
  for (const p of parts) {
    out.records += p.records;
    out.recordsFullyClean += p.recordsFullyClean;
    out.otherChars += p.otherChars;
    out.overRedactedChars += p.overRedactedChars;
    out.neutralSpans += p.neutralSpans;
    add(out.overall, p.overall);
    for (const [k, t] of Object.entries(p.perType)) {
      out.perType[k] ??= type();
      add(out.perType[k]!, t);
    }
  }
  for (const t of Object.values(out.perType)) rates(t);
  rates(out.overall);
  out.recordsFullyCleanRate = out.records ? out.recordsFullyClean / out.records : 1;
  out.overRedaction = out.otherChars ? out.overRedactedChars / out.otherChars : 0;
  return out;
}

/**
 * Round 12 (`--leaks`): where the word at `j` stands, as the neighbours' kinds — before: note or sentence start (S),
 * clause start (c), a list join or comma (join), a person verb or role (pv), a relation (rel), a preposition (prep), a
 * name hidden (hid), else its lists (fn function word, en English, nm name list, un unknown, # number); after: the same,
 * with end (E), a person's verb (pa) and a subject verb (sv). Then the word's capital (C / x).
 */
export function slotOf(text: string, toks: readonly Token[], j: number, hidden: readonly Entity[]): string {
  const t = toks[j]!;
  const kind = (u: Token | undefined, after: boolean): string => {
    if (!u) return after ? 'E' : 'S';
    const gap = after ? text.slice(t.end, u.start) : text.slice(u.end, t.start);
    if (/[.!?\n]/.test(gap)) return after ? 'E' : 'S';
    if (/,/.test(gap) || SLOT_JOINS.has(u.lower) || u.raw === '+') return 'join';
    if (/[;:()–—-]/.test(gap)) return after ? 'E' : 'c';
    if (hidden.some((e) => e.start <= u.start && u.end <= e.end)) return 'hid';
    if (!u.word) return '#';
    if (!after && PERSON_BEFORE.has(u.lower)) return 'pv';
    if (RELATIONS.has(u.lower)) return 'rel';
    if (after && PERSON_AFTER.has(u.lower)) return 'pa';
    if (after && SUBJECT_VERBS.has(u.lower)) return 'sv';
    if (!after && SLOT_PREPS.has(u.lower)) return 'prep';
    const l = lists(u.lower);
    return /[SK]/.test(l) ? 'fn' : /[FN]/.test(l) && !/[CV]/.test(l) ? 'nm' : /[ECVI]/.test(l) ? 'en' : 'un';
  };
  return `${kind(toks[j - 1], false)} _ ${kind(toks[j + 1], true)} ${/^\p{Lu}/u.test(t.raw) ? 'C' : 'x'}`;
}
const SLOT_JOINS = new Set(['and', 'n', '&', '+', 'or', 'an', 'nd']);
const SLOT_PREPS = new Set(['for', 'to', 'from', 'frm', 'about', 'abt', 'with', 'w', 'w/', 'by', 'at', '4', '2']);

const names = (f: Figures): number => f.perType.PERSON?.strictRecall ?? 1;
const hasNames = (f: Figures): boolean => (f.perType.PERSON?.spans ?? 0) > 0;

/** A writer counts in the names macro with at least this many names (two names in a writer of addresses say little). */
export const MIN_NAMES = 50;

/** Macro averages over the human writers (names recall over the writers with MIN_NAMES names): names recall, leak, over-redaction. */
export function macro(results: readonly WriterResult[], pick: (r: WriterResult) => Figures): { names: number; leak: number; over: number; maxOver: number } {
  const human = results.filter((r) => !r.generated);
  const spans = (r: WriterResult) => r.rules.perType.PERSON?.spans ?? 0;
  // A tiny fixture has no writer that large: then every writer with a name counts.
  const least = human.some((r) => spans(r) >= MIN_NAMES) ? MIN_NAMES : 1;
  const named = human.filter((r) => spans(r) >= least);
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    names: avg(named.map((r) => names(pick(r)))),
    leak: avg(human.map((r) => pick(r).overall.leakRate)),
    over: avg(human.map((r) => pick(r).overRedaction)),
    maxOver: Math.max(0, ...human.map((r) => pick(r).overRedaction)),
  };
}

/** Over-redaction the classifier may add (macro, held-out writers), and the name recall each point of it must buy. */
export const OVER_BUDGET = 0.005;
export const RECALL_PER_OVER = 2;
export const OVER_LIMIT = 0.03;
/** A writer the rules alone already over-redact past OVER_LIMIT (their words, not the classifier's) may take this much more. */
export const OVER_LIMIT_SLACK = 0.0025;

/**
 * The operating point (round 7's rule): among the grid points whose macro over-redaction added is at most OVER_BUDGET,
 * whose macro name recall gained is at least RECALL_PER_OVER times it, and that leave no held-out writer above
 * OVER_LIMIT (or more than OVER_LIMIT_SLACK above its rules-alone figure, if the rules already pass it), the one with the most name recall gained
 * net of RECALL_PER_OVER times the over-redaction added — so each step down to it bought at least RECALL_PER_OVER points
 * per point, not only the whole; ties go to the higher threshold and margin (fewer words hidden). `allowed` rules out
 * points by what the trained model does elsewhere (bench/trainDeid.ts: the words that must stay).
 */
export function chooseOperatingPoint(results: readonly WriterResult[], opts: Pick<LowoOptions, 'thresholds' | 'margins'>, allowed: (t: number, m: number) => boolean = () => true): { t: number; m: number } | null {
  let best: { t: number; m: number; gain: number } | null = null;
  for (let ti = opts.thresholds.length - 1; ti >= 0; ti--) {
    for (let mi = opts.margins.length - 1; mi >= 0; mi--) {
      if (!allowed(opts.thresholds[ti]!, opts.margins[mi]!)) continue;
      const net = judged(results, (r) => r.grid[ti]![mi]!);
      if (net !== null && (!best || net > best.gain + 1e-12)) best = { t: opts.thresholds[ti]!, m: opts.margins[mi]!, gain: net };
    }
  }
  return best && { t: best.t, m: best.m };
}

/**
 * Round 7's rule for one point (figures `at` each writer): macro name recall gained net of RECALL_PER_OVER times the
 * over-redaction added, or null when the point breaks a limit (more than OVER_BUDGET added, less than RECALL_PER_OVER
 * points of names for each, a held-out writer above OVER_LIMIT or OVER_LIMIT_SLACK past its rules-alone figure).
 */
export function judged(results: readonly WriterResult[], at: (r: WriterResult) => Figures): number | null {
  const rules = macro(results, (r) => r.rules);
  const b = macro(results, at);
  const added = b.over - rules.over;
  const gain = b.names - rules.names;
  if (added > OVER_BUDGET || gain < RECALL_PER_OVER * Math.max(0, added)) return null;
  if (results.some((r) => at(r).overRedaction > Math.max(OVER_LIMIT, r.rules.overRedaction + OVER_LIMIT_SLACK))) return null;
  return gain - RECALL_PER_OVER * Math.max(0, added);
}

/** What a plain candidate (the threshold) and each kind of word asked may need, in chooseByKind(). */
export const NEEDS = [-0.625, -0.5, -0.375, -0.25, -0.125, 0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 1, 1.25, 1.5, 2];

/**
 * Round 8: an operating point per kind of word asked (model.ts asked(): a plain candidate, a word-name or misspelt word,
 * a word after a found or given name, after a person verb, a capital inside a sentence, a name-list word anywhere).
 * One global threshold and margin let the few words that must stay (`allowed`: the pinned words, nearly all
 * word-names and risk words asked as 2 or 6) set the line for every kind; here each kind's line is moved on its own,
 * from `start`, by coordinate ascent on judged() (each move must raise the net gain and keep every limit and every
 * pinned word; the threshold from THRESHOLDS, a kind's line from NEEDS), until no move helps. Deterministic.
 */
export function chooseByKind(results: readonly WriterResult[], start: { t: number; m: number }, allowed: (p: Point) => boolean = () => true, kinds: readonly number[] = KINDS): Point {
  // Absolute lines per kind (index = asked()'s answer); the point is the threshold and each kind's margin above it.
  const pointOf = (needs: number[]): Point => ({ t: needs[1]!, m: start.m, kinds: needs.map((n, k) => (k < 2 ? 0 : Math.round((n - needs[1]!) * 1000) / 1000)) });
  const judge = (p: Point) => (allowed(p) ? judged(results, (r) => r.at!(p).all) : null);
  const needs = ASKS.slice(0, Math.max(...kinds) + 1).map((k) => (k === 1 ? start.t : start.t + start.m));
  return pointOf(ascend(needs, [1, ...kinds], (k) => (k === 1 ? THRESHOLDS : NEEDS), (x) => judge(pointOf(x))));
}

/**
 * The coordinate ascent of chooseByKind() and chooseKindsFrom(): up to three rounds, each trying every value of
 * `values(k)` for each coordinate k of `coords` in turn; a move is kept when `judge` (null: not allowed) rises by more
 * than 1e-9 over the best so far. Stops at a round with no move.
 */
function ascend(start: number[], coords: readonly number[], values: (k: number) => readonly number[], judge: (x: number[]) => number | null): number[] {
  let x = start;
  let best = judge(x) ?? -Infinity;
  for (let round = 0; round < 3; round++) {
    let moved = false;
    for (const k of coords) {
      for (const v of values(k)) {
        if (v === x[k]) continue;
        const next = x.map((n, j) => (j === k ? v : n));
        const net = judge(next);
        if (net !== null && net > best + 1e-9) {
          best = net;
          x = next;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return x;
}

/**
 * Round 12: from a point with lines for the older kinds (the shipped model's), the lines of `kinds` alone moved by
 * chooseByKind()'s coordinate ascent — what new kinds of word asked add at the shipped point.
 */
export function chooseKindsFrom(results: readonly WriterResult[], from: Point, kinds: readonly number[]): Point {
  const size = Math.max(...kinds) + 1;
  const base = Array.from({ length: size }, (_x, k) => from.kinds?.[k] ?? from.m);
  const judge = (p: Point) => judged(results, (r) => r.at!(p).all);
  const pointOf = (margins: number[]): Point => ({ t: from.t, m: from.m, kinds: margins });
  return pointOf(ascend(base, kinds, () => KIND_MARGINS, (x) => judge(pointOf(x))));
}

/** Figures of writer `r` at `p`: the grid's when `p` is on it, else worked out. */
function figuresAt(r: WriterResult, opts: Pick<LowoOptions, 'thresholds' | 'margins'>, p: Point): { all: Figures; registers: Record<string, Figures> } {
  const ti = opts.thresholds.indexOf(p.t);
  const mi = opts.margins.indexOf(p.m);
  if (!p.kinds && ti >= 0 && mi >= 0) {
    const registers: Record<string, Figures> = {};
    for (const [k, v] of Object.entries(r.registers)) registers[k] = v.grid[ti]![mi]!;
    return { all: r.grid[ti]![mi]!, registers };
  }
  return r.at!(p, true);
}

/** A point as the report and the model file say it. */
export function describe(p: Point): string {
  if (!p.kinds) return `threshold ${p.t}, word-name margin ${p.m}`;
  return `threshold ${p.t}, margins by kind ${KINDS_12.filter((k) => k < p.kinds!.length).map((k) => `${k}: ${p.kinds![k]}`).join(', ')}`;
}

const pct = (x: number): string => (x * 100).toFixed(2);

export function report(results: readonly WriterResult[], opts: LowoOptions, point: Point): string[] {
  const at = new Map(results.map((r) => [r, figuresAt(r, opts, point)]));
  const lines: string[] = [];
  lines.push(`Leave one writer out: features ${opts.features}, data ${opts.data}, epochs ${opts.train.epochs}; ${describe(point)}`);
  lines.push('| held-out writer | notes | names | names recall rules → with | leak rules → with | over-redaction rules → with | names recall by register (with) |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of [...results].sort((a, b) => Number(a.generated) - Number(b.generated))) {
    const w = at.get(r)!.all;
    const regs = Object.entries(r.registers)
      .filter(([, v]) => hasNames(v.rules))
      .map(([k, v]) => `${k} ${pct(names(v.rules))}→${pct(names(at.get(r)!.registers[k]!))}`)
      .join(', ');
    lines.push(`| ${r.writer}${r.generated ? ' (generated)' : ''} | ${r.notes} | ${r.rules.perType.PERSON?.spans ?? 0} | ${pct(names(r.rules))} → ${pct(names(w))} | ${pct(r.rules.overall.leakRate)} → ${pct(w.overall.leakRate)} | ${pct(r.rules.overRedaction)} → ${pct(w.overRedaction)} | ${regs} |`);
  }
  const a = macro(results, (r) => r.rules);
  const b = macro(results, (r) => at.get(r)!.all);
  lines.push(`| **macro (human writers)** | | | **${pct(a.names)} → ${pct(b.names)}** | ${pct(a.leak)} → ${pct(b.leak)} | ${pct(a.over)} → ${pct(b.over)} (max ${pct(b.maxOver)}) | |`);
  return lines;
}

export function sweep(results: readonly WriterResult[], opts: LowoOptions): string[] {
  const a = macro(results, (r) => r.rules);
  const lines = ['| threshold | margin | macro names recall | gained (points) | macro over-redaction | added (points) | max writer over |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  opts.thresholds.forEach((t, ti) => {
    opts.margins.forEach((m, mi) => {
      const b = macro(results, (r) => r.grid[ti]![mi]!);
      lines.push(`| ${t} | ${m} | ${pct(b.names)} | ${pct(b.names - a.names)} | ${pct(b.over)} | ${pct(b.over - a.over)} | ${pct(b.maxOver)} |`);
    });
  });
  return lines;
}

if (require.main === module) {
  const opts: LowoOptions = {
    features: FEATURES.find((f) => String(f) === arg('--features')) ?? 7,
    data: arg('--data') === 'old' ? 'old' : 'all',
    train: { ...DEFAULT_TRAIN, epochs: Number(arg('--epochs') ?? DEFAULT_TRAIN.epochs), ...(arg('--learner') === 'logistic' ? { learner: 'logistic' as const } : {}), ...(arg('--l2') ? { l2: Number(arg('--l2')) } : {}), ...(arg('--drop-form') ? { dropForm: Number(arg('--drop-form')) } : {}), ...(arg('--min-writers') ? { minWriters: Number(arg('--min-writers')) } : {}) },
    thresholds: arg('--threshold') ? [Number(arg('--threshold'))] : THRESHOLDS,
    margins: arg('--margin') ? [Number(arg('--margin'))] : MARGINS,
    heldOut: arg('--writers')?.split(','),
  };
  // `--leaks T/M`, or `--leaks shipped`: the shipped model's point, its line per kind included.
  const shippedPoint = (): Point => {
    const m = shippedModel();
    return { t: m.threshold, m: m.wordNameMargin ?? 0.5, ...(m.kindMargins ? { kinds: m.kindMargins } : {}) };
  };
  const tm = arg('--leaks')?.split('/').map(Number);
  const leakAt: Point | undefined = arg('--leaks') === 'shipped' ? shippedPoint() : tm ? { t: tm[0]!, m: tm[1]! } : undefined;
  if (leakAt) opts.leaks = { ...leakAt, out: [], taken: [] };
  const t0 = process.hrtime.bigint();
  const notes = writerNotes();
  const groups = Number(arg('--groups') ?? 0);
  const results = groups > 0 ? leaveGroupsOut(notes, opts, groups) : leaveOneWriterOut(notes, opts);
  const global = opts.thresholds.length === 1 && opts.margins.length === 1 ? { t: opts.thresholds[0]!, m: opts.margins[0]! } : chooseOperatingPoint(results, opts) ?? { t: opts.thresholds[opts.thresholds.length - 1]!, m: opts.margins[opts.margins.length - 1]! };
  // `--by-kind`: from the global point, a line per kind of word asked (no pinned words here: bench/trainDeid.ts adds them).
  // `--at shipped`: report at the shipped model's point (its line per kind), whatever the grid would choose.
  // `--at '{"t":0,"m":0.5,"kinds":[…]}'` (round 12): report at a point given, e.g. another model's chosen lines.
  const point: Point = arg('--at')?.startsWith('{') ? (JSON.parse(arg('--at')!) as Point) : arg('--at') === 'shipped' ? shippedPoint() : process.argv.includes('--by-kind') ? chooseByKind(results, global, undefined, kindsOf(opts.features)) : global;
  if (point !== global) console.log(`${report(results, opts, global).slice(-1)[0]} (global point: ${describe(global)})\n`);
  if (arg('--at') && process.argv.includes('--by-kind')) {
    const chosen = chooseByKind(results, global, undefined, kindsOf(opts.features));
    console.log(`${report(results, opts, chosen).slice(-1)[0]} (a line per kind, chosen: ${describe(chosen)})\n`);
    if (opts.features >= 12) {
      const added = chooseKindsFrom(results, point, [10, 11, 12, 13]);
      console.log(`${report(results, opts, added).slice(-1)[0]} (the shipped lines, round 12's kinds chosen: ${describe(added)})\n`);
    }
  }
  console.log(report(results, opts, point).join('\n'));
  if (process.argv.includes('--sweep')) console.log(`\n${sweep(results, opts).join('\n')}`);
  if (opts.leaks) {
    // Aggregates only (the words themselves with --leaks-words): asked within 1.0 of the threshold, asked further below, never asked by list code.
    const out = opts.leaks.out;
    const near = out.filter((l) => l.short !== null && l.short > -1).length;
    const far = out.filter((l) => l.short !== null && l.short <= -1).length;
    const codes = new Map<string, number>();
    for (const l of out) if (l.short === null) codes.set(l.lists, (codes.get(l.lists) ?? 0) + 1);
    console.log(`\nName words left visible: ${out.length}; asked ${near + far} (${near} within 1.0 of the threshold), never asked ${out.length - near - far}: ${[...codes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    const byAsk = (ls: Leak[]) => ASKS.map((k) => `${k}: ${ls.filter((l) => l.ask === k).length}`).join(', ');
    console.log(`Left visible by kind asked (0 never asked): ${byAsk(out)}`);
    // Round 12: where the never-asked words stand (aggregates), and the same for the words asked and left.
    const slots = (ls: Leak[]) => {
      const m = new Map<string, number>();
      for (const l of ls) m.set(l.slot ?? '?', (m.get(l.slot ?? '?') ?? 0) + 1);
      return [...m].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${k}: ${v}`).join('; ');
    };
    console.log(`Never asked, by slot: ${slots(out.filter((l) => l.short === null))}`);
    console.log(`Asked and left, by slot: ${slots(out.filter((l) => l.short !== null))}`);
    console.log(`Words taken that are no identifier: ${opts.leaks.taken.length} (by kind asked ${byAsk(opts.leaks.taken)})`);
    if (process.argv.includes('--leaks-words')) {
      for (const l of out) console.log(`left\t${l.writer}\t${l.note}\t${l.register}\t${l.word}\t${l.lists}\t${l.short === null ? '-' : l.short.toFixed(2)}\t${l.ask}\t${l.slot}`);
      for (const l of opts.leaks.taken) console.log(`taken\t${l.writer}\t${l.note}\t${l.register}\t${l.word}\t${l.lists}\t-\t${l.ask}`);
    }
  }
  console.log(`\n(${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s)`);
}
