/**
 * Leave-one-batch-out (LOBO) for the risk screen's classifier: each development batch — written by one author at
 * one time, in one voice — is screened by a model trained on every OTHER batch (plus the ordinary notes), so its
 * figures say how the classifier meets a voice it has never read. Five folds by position mix every batch into
 * every fold and read ~100 %; batches written later read 48-80 % before their round: LOBO is the figure that
 * tracks the latter. Used by `npm run bench:screen -- --lobo` (per batch and in total) and by
 * scripts/train-screen.ts (thresholds set on LOBO out-of-batch probabilities of every batch's hard negatives).
 * Never reads a test set or a blind set.
 */
import path from 'node:path';
import { content, type Content, RISK_CATEGORIES, type RiskCategory } from '../services/content';
import { gatedScore } from '../services/safety/screen';
import { probabilities, type RiskModel } from '../services/safety/screen/classifier';
import { DEFAULT_TRAIN, train, type TrainOptions } from '../services/safety/screen/train';
import { EVERYDAY_NOTES, type Labelled, readEveryday, readOrdinary, readSet, SCREEN_SETS, screenLabelled, TRAIN_BATCHES } from './screenData';

export interface Batch {
  /** `d` for the development bank; a letter per later batch (its ids' prefix in screen-train.jsonl, else its file's). */
  name: string;
  examples: Labelled[];
  /** false: its negatives train but set no threshold (the everyday notes: thousands of easy sentences would dilute
   * the budget of hard negatives and lower every threshold). */
  budget?: boolean;
}

/** Every development batch: the bank, the four in screen-train.jsonl split by id prefix, then one per file. */
export function devBatches(): Batch[] {
  const out: Batch[] = [{ name: 'd', examples: readSet(SCREEN_SETS.dev) }];
  for (const file of TRAIN_BATCHES) {
    const letter = /screen-train-([a-z0-9]+)\.jsonl$/.exec(path.basename(file))?.[1];
    const byPrefix = new Map<string, Labelled[]>();
    for (const ex of readSet(file)) {
      const key = letter ?? /^[a-z]+/i.exec(ex.id)?.[0] ?? '?';
      byPrefix.set(key, [...(byPrefix.get(key) ?? []), ex]);
    }
    for (const [name, examples] of byPrefix) out.push({ name: out.some((b) => b.name === name) ? `${name} (new)` : name, examples });
  }
  return withGroups(out);
}

/** Each example carries its batch's name as its group (unless it has one: an everyday note its writer's file):
 * training keeps only features several writers share. */
function withGroups(batches: Batch[]): Batch[] {
  for (const b of batches) for (const ex of b.examples) ex.group ??= b.name;
  return batches;
}

/** The development batches and the ordinary notes (bench/data/psw-dev.jsonl, everyday debrief text) as one more
 * batch: everyday sentences are where a low threshold shows first ("he wants to go to a meeting tonight"); then the
 * everyday notes in many voices (bench/data/train-*.txt, ./screenData readEveryday) as one more, trained on at low
 * weight and scored, never setting a threshold. */
export function loboBatches(): Batch[] {
  return [
    ...devBatches(),
    ...withGroups([{ name: 'psw (ordinary notes)', examples: readOrdinary() }]),
    // In two halves by writer, so each half is scored by a model that read the other's everyday notes, as the shipped one read all.
    ...withGroups(
      [0, 1].map((half) => ({
        name: `everyday notes ${half + 1} (train-*.txt)`,
        examples: readEveryday(3, EVERYDAY_NOTES.filter((_f, i) => i % 2 === half)),
        budget: false,
      })),
    ),
  ];
}

/** The hard negatives thresholds are chosen on: every batch's that has a budget. */
export function budgetNegatives(batches: readonly Batch[]): Labelled[] {
  return batches.filter((b) => b.budget !== false).flatMap((b) => b.examples.filter((ex) => !ex.kinds.length));
}

export type Probs = Map<Labelled, Record<RiskCategory, number>>;

/** Out-of-batch probabilities: each batch's sentences scored by a model trained on all other batches and `always`. */
export function loboProbabilities(batches: readonly Batch[], opts: TrainOptions = DEFAULT_TRAIN, always: Labelled[] = []): { probs: Probs; models: Map<string, RiskModel> } {
  const probs: Probs = new Map();
  const models = new Map<string, RiskModel>();
  for (const held of batches) {
    const m = train([...batches.filter((b) => b !== held).flatMap((b) => b.examples), ...always], opts);
    models.set(held.name, m);
    for (const ex of held.examples) probs.set(ex, probabilities(m, ex.norm));
  }
  return { probs, models };
}

/** Share of hard negatives the classifier alone may flag per kind: more room where recall matters most. The others
 * were 1 % until round 5; leave one batch out, 0.5 % cut the classifier's false alarms on an unread voice by about a
 * third for under a point of the whole screen's recall (docs/history/SAFETY-rounds.md). */
export const FP_BUDGET: Partial<Record<RiskCategory, number>> = { suicide: 0.02, overdose: 0.02 };
export const FP_BUDGET_DEFAULT = 0.005;
/** Never below these: a thin bank of negatives must not set a hair trigger. Suicide's floor was 0.35 until round 5;
 * there, leave one batch out, the classifier gave everyday sentences ("he wants to go to a meeting", "good day, she
 * said thanks") 0.41-0.47 for suicide, so its floor is 0.5, the lowest step above them (LOBO suicide recall 95.1 % at
 * 0.35, 93.6 % at 0.45, 92.6 % at 0.55; the screen's false alarms 4.5, 3.9, 3.1 %; docs/history/SAFETY-rounds.md). */
export const FLOOR: Partial<Record<RiskCategory, number>> = { suicide: 0.5, overdose: 0.35 };
export const FLOOR_DEFAULT = 0.5;
/** Never above these. Round 13: the 0.5 % budget set harm to others at 0.8, where on the ten batches the shipped model never
 * read (`ai`, `am`–`aw`) 0.6 met 11 more risk sentences for one false alarm, and on the held-out batches 7 more of 384
 * (42 -> 51 of 71 harm to others) for one of 317 (bench/screenFolds.ts --shipped-point; docs/history/SAFETY-rounds.md, round 13).
 * 0.62, not 0.6: the end-of-round model gave an everyday "keeps a bat by the door for softball season" 0.605; at 0.62 every
 * verdict on the held-out and development batches is the same as at 0.6 (docs/history/SAFETY-rounds.md, round 13). */
export const CEILING: Partial<Record<RiskCategory, number>> = { harm_to_others: 0.62 };
export const GRID = Array.from({ length: 15 }, (_v, i) => Math.round((0.3 + i * 0.05) * 100) / 100);

/** Share of everyday sentences (the batches without a budget of their own: bench/data/train-*.txt) the classifier
 * alone may flag per kind. Hard negatives are written to be hard; everyday text is most of what the screen reads. */
export const EVERYDAY_BUDGET = 0.005;

/** Per kind, the lowest grid threshold (at or above its floor) that flags at most its budget of `negatives` and of
 * `everyday`, never above its ceiling. */
export function chooseThresholds(negatives: readonly Labelled[], probs: Probs, everyday: readonly Labelled[] = []): Record<RiskCategory, number> {
  const out = {} as Record<RiskCategory, number>;
  for (const kind of RISK_CATEGORIES) {
    const budget = Math.floor((FP_BUDGET[kind] ?? FP_BUDGET_DEFAULT) * negatives.length);
    const everydayBudget = Math.floor(EVERYDAY_BUDGET * everyday.length);
    const floor = FLOOR[kind] ?? FLOOR_DEFAULT;
    const within = (set: readonly Labelled[], t: number, n: number) => set.filter((ex) => probs.get(ex)![kind] >= t).length <= n;
    out[kind] = Math.min(GRID.find((t) => t >= floor && within(negatives, t, budget) && within(everyday, t, everydayBudget)) ?? 1, CEILING[kind] ?? 1);
  }
  return out;
}

/** Round 9, measured and NOT the shipped recipe (`npm run train:screen -- --batch-cap 0.05`): the share of any ONE
 * batch's hard negatives the classifier may add to the screen's false alarms (those the patterns and context rules
 * leave unflagged). The pooled budgets let the classifier's false alarms gather in a few voices (round 8: `ac…`
 * 5.2 -> 15.6 %, `t…` 17.9 %); held to a cap, leave one batch out, the thresholds of whole kinds went to 1 (harm to
 * others, own distress; suicide and overdose when not exempt) for 4-8 points of recall (docs/history/SAFETY-rounds.md, "Round 9"). */
export const BATCH_CAP = 0.05;
/** …but never fewer sentences than this: one alarm is 3 % of a batch of 33. */
export const BATCH_CAP_MIN = 3;
/** The kinds the cap may raise. */
export const CAPPED_KINDS: readonly RiskCategory[] = RISK_CATEGORIES;

/** Per hard negative of a batch with a budget that the patterns leave unflagged: its batch and, per kind, the
 * classifier's score as the screen weighs it (services/safety/screen gatedScore, with the model that never read
 * the batch). */
export type Alarms = Map<Labelled, { batch: string; score: Record<RiskCategory, number> }>;
export function possibleAlarms(batches: readonly Batch[], lobo: { probs: Probs; models: Map<string, RiskModel> }, c: Content = content()): Alarms {
  const out: Alarms = new Map();
  for (const b of batches) {
    if (b.budget === false) continue;
    const model = lobo.models.get(b.name)!;
    for (const ex of b.examples) {
      if (ex.kinds.length || screenLabelled(ex, c, { classifier: false }).length) continue;
      const p = lobo.probs.get(ex)!;
      const score = {} as Record<RiskCategory, number>;
      for (const k of RISK_CATEGORIES) score[k] = gatedScore(ex.norm, k, c, model, true, p[k]);
      out.set(ex, { batch: b.name, score });
    }
  }
  return out;
}

/** The thresholds for `batches`' out-of-batch probabilities: hard negatives of the batches with a budget, everyday
 * sentences of the rest. With `alarms`, each kind is then raised a grid step at a time while some batch has more than
 * `cap` of its hard negatives flagged by the classifier alone: the kind raising most of the worst batch's goes up. */
export function batchThresholds(batches: readonly Batch[], probs: Probs, alarms?: Alarms, cap = BATCH_CAP, kinds: readonly RiskCategory[] = CAPPED_KINDS): Record<RiskCategory, number> {
  const th = chooseThresholds(budgetNegatives(batches), probs, batches.filter((b) => b.budget === false).flatMap((b) => b.examples));
  if (!alarms) return th;
  const budgeted = batches.filter((b) => b.budget !== false).map((b) => ({ name: b.name, negatives: b.examples.filter((ex) => !ex.kinds.length).length }));
  const byBatch = new Map<string, { score: Record<RiskCategory, number> }[]>();
  for (const a of alarms.values()) byBatch.set(a.batch, [...(byBatch.get(a.batch) ?? []), a]);
  for (;;) {
    // Batches over their cap, worst first; the first whose alarms a capped kind raises gets that kind moved up.
    const over = budgeted
      .map((b) => ({ share: 0, b, raised: (byBatch.get(b.name) ?? []).filter((a) => RISK_CATEGORIES.some((k) => a.score[k] >= th[k])) }))
      .filter((o) => o.raised.length > Math.max(cap * o.b.negatives, BATCH_CAP_MIN))
      .map((o) => ({ ...o, share: o.raised.length / o.b.negatives }))
      .sort((x, y) => y.share - x.share);
    const step = over
      .map((o) => {
        const count = (k: RiskCategory) => (th[k] >= 1 || !kinds.includes(k) ? 0 : o.raised.filter((a) => a.score[k] >= th[k]).length);
        const kind = [...RISK_CATEGORIES].sort((a, b) => count(b) - count(a))[0];
        return count(kind) ? kind : undefined;
      })
      .find((k) => k);
    if (!step) return th;
    th[step] = GRID.find((t) => t > th[step]) ?? 1;
  }
}

export interface LoboRow {
  name: string;
  risk: number;
  negatives: number;
  /** Counts, not rates, so totals pool. */
  classifier: { flagged: number; rightKind: number; fp: number };
  screen: { flagged: number; rightKind: number; fp: number };
  patterns: { flagged: number; rightKind: number; fp: number };
  missed: string[];
  falseAlarms: string[];
}

/**
 * Per batch: the classifier alone (thresholds chosen on the OTHER batches' out-of-batch negatives), the whole
 * screen with that batch's left-out model, and the patterns with their context rules (which were written with
 * every batch in view, so their figure is optimistic; the classifier's is the honest one).
 */
export function loboRows(
  batches: readonly Batch[],
  screen: (ex: Labelled, model: RiskModel | false) => RiskCategory[],
  opts: TrainOptions = DEFAULT_TRAIN,
  lobo: { probs: Probs; models: Map<string, RiskModel> } = loboProbabilities(batches, opts),
  alarms?: Alarms,
): LoboRow[] {
  const { probs, models } = lobo;
  return batches.map((b) => {
    const thresholds = batchThresholds(batches.filter((o) => o !== b), probs, alarms);
    const model = { ...models.get(b.name)!, thresholds };
    const tally = (predict: (ex: Labelled) => RiskCategory[], record = false) => {
      const t = { flagged: 0, rightKind: 0, fp: 0 };
      for (const ex of b.examples) {
        const got = predict(ex);
        if (!ex.kinds.length) {
          if (got.length) t.fp++;
          if (got.length && record) row.falseAlarms.push(ex.id);
          continue;
        }
        if (got.length) t.flagged++;
        else if (record) row.missed.push(ex.id);
        if (ex.kinds.some((k) => got.includes(k))) t.rightKind++;
      }
      return t;
    };
    const risk = b.examples.filter((ex) => ex.kinds.length).length;
    const row: LoboRow = { name: b.name, risk, negatives: b.examples.length - risk, classifier: { flagged: 0, rightKind: 0, fp: 0 }, screen: { flagged: 0, rightKind: 0, fp: 0 }, patterns: { flagged: 0, rightKind: 0, fp: 0 }, missed: [], falseAlarms: [] };
    row.classifier = tally((ex) => RISK_CATEGORIES.filter((k) => probs.get(ex)![k] >= thresholds[k]));
    row.screen = tally((ex) => screen(ex, model), true);
    row.patterns = tally((ex) => screen(ex, false));
    return row;
  });
}

/** The rows and their pooled total as a markdown table. */
export function loboTable(rows: readonly LoboRow[]): string[] {
  const sum = (f: (r: LoboRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const total: LoboRow = {
    name: '**total**',
    risk: sum((r) => r.risk),
    negatives: sum((r) => r.negatives),
    classifier: { flagged: sum((r) => r.classifier.flagged), rightKind: sum((r) => r.classifier.rightKind), fp: sum((r) => r.classifier.fp) },
    screen: { flagged: sum((r) => r.screen.flagged), rightKind: sum((r) => r.screen.rightKind), fp: sum((r) => r.screen.fp) },
    patterns: { flagged: sum((r) => r.patterns.flagged), rightKind: sum((r) => r.patterns.rightKind), fp: sum((r) => r.patterns.fp) },
    missed: [],
    falseAlarms: [],
  };
  const pc = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
  const md = [
    '| batch | risk | hard negatives | classifier alone: recall | right kind | FP | screen (patterns + left-out classifier): recall | right kind | FP | patterns + context only: recall | FP |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of [...rows, total]) {
    md.push(
      `| ${r.name} | ${r.risk} | ${r.negatives} | ${pc(r.classifier.flagged, r.risk)} | ${pc(r.classifier.rightKind, r.risk)} | ${pc(r.classifier.fp, r.negatives)} | ` +
        `${pc(r.screen.flagged, r.risk)} | ${pc(r.screen.rightKind, r.risk)} | ${pc(r.screen.fp, r.negatives)} | ${pc(r.patterns.flagged, r.risk)} | ${pc(r.patterns.fp, r.negatives)} |`,
    );
  }
  return md;
}
