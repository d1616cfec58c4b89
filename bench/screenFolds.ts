/**
 * `npx tsx bench/screenFolds.ts [--folds 6] [--variant NAME …] [--cache FILE] [--held]`: the risk screen's classifier
 * recipes compared by LEAVING BATCHES OUT — every development batch (one writer, one time) is screened by a model
 * trained on the folds it is not in, its thresholds chosen on the other folds' out-of-fold probabilities exactly as
 * scripts/train-screen.ts chooses them (bench/screenLobo chooseThresholds). Six folds of whole batches cost six
 * trainings, not one per batch (~38), so a recipe is judged in minutes. Per variant: the whole screen's (patterns +
 * left-out classifier) macro recall over batches, pooled false alarms on hard negatives and on everyday notes, at the
 * recipe's budgets and at the budget that matches the baseline's false alarms; with `--held`, the same recipe
 * trained on every development batch screens the held-out batches (screenData HELD_OUT) beside the shipped model.
 * Verdict per sentence is the screen's own (services/safety/screen gatedScore, the psw_distress rule), computed from a
 * cache of what the patterns and context rules say (`--cache`: a scratch file, reused while the tree's rules stay).
 * Prints counts and ids only, never a sentence. Never reads a test set or a blind set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { content, RISK_CATEGORIES, type RiskCategory } from '../services/content';
import { riskCategories, screenRisk } from '../services/safety/screen';
import { probabilities, shippedModel, type RiskModel } from '../services/safety/screen/classifier';
import { contextRulesOut, inScope, withoutExclusions } from '../services/safety/screen/lexicon';
import { isOwnKind, workerAlone } from '../services/safety/screen/self';
import { DEFAULT_TRAIN, train, type TrainOptions } from '../services/safety/screen/train';
import { HELD_OUT, DATA_DIR, readSet } from './screenData';
import { type Batch, FP_BUDGET, FP_BUDGET_DEFAULT, FLOOR, FLOOR_DEFAULT, GRID, EVERYDAY_BUDGET, loboBatches } from './screenLobo';

/** What the screen says of one sentence apart from the classifier's probabilities. */
export interface Cached {
  id: string;
  norm: string;
  kinds: RiskCategory[];
  weight?: number;
  group?: string;
  /** Kinds the patterns and context rules raise. */
  pat: RiskCategory[];
  /** Kinds the context rules rule out for the classifier. */
  out: RiskCategory[];
  /** Per kind, the text read again without its exclusions and out-of-scope parts, when it differs. */
  plain: Partial<Record<RiskCategory, string>>;
  alone: boolean;
}
export interface CachedBatch {
  name: string;
  budget: boolean;
  examples: Cached[];
}

export function cacheBatch(b: Batch): CachedBatch {
  const c = content();
  return {
    name: b.name,
    budget: b.budget !== false,
    examples: b.examples.map((ex) => {
      const plain: Partial<Record<RiskCategory, string>> = {};
      const out: RiskCategory[] = [];
      for (const k of RISK_CATEGORIES) {
        if (contextRulesOut(ex.norm, k, c)) out.push(k);
        const p = withoutExclusions(inScope(ex.norm, k, c), k, c);
        if (p !== ex.norm) plain[k] = p;
      }
      const pat = riskCategories(screenRisk(ex.screened, c, { classifier: false }));
      return { id: ex.id, norm: ex.norm, kinds: ex.kinds, weight: ex.weight, group: ex.group, pat, out, plain, alone: workerAlone(ex.norm) };
    }),
  };
}

/** The development batches (the everyday notes split by writer, so each writer lands in one fold) and the held-out ones. */
export function prepare(file?: string): { dev: CachedBatch[]; held: CachedBatch[] } {
  if (file && fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const dev: CachedBatch[] = [];
  for (const b of loboBatches()) {
    if (b.budget !== false) dev.push(cacheBatch(b));
    else {
      const byWriter = new Map<string, Batch['examples']>();
      for (const ex of b.examples) byWriter.set(ex.group!, [...(byWriter.get(ex.group!) ?? []), ex]);
      for (const [w, examples] of byWriter) dev.push(cacheBatch({ name: `everyday ${w}`, examples, budget: false }));
    }
  }
  const held = HELD_OUT.map((f) => cacheBatch({ name: `${/-([a-z]+)\.jsonl$/.exec(f)![1]} (held out)`, examples: readSet(path.join(DATA_DIR, f)) }));
  const out = { dev, held };
  if (file) fs.writeFileSync(file, JSON.stringify(out));
  return out;
}

type Prob = Record<RiskCategory, number>;
/** Per sentence: the probability of its text and, per kind, the screen's gated score. */
interface Scored {
  p: Prob;
  g: Prob;
}
export function scoreWith(model: RiskModel, ex: Cached): Scored {
  const p = probabilities(model, ex.norm);
  const g = { ...p };
  for (const k of RISK_CATEGORIES) {
    if (ex.out.includes(k)) g[k] = -1;
    else if (ex.plain[k] !== undefined) g[k] = Math.min(p[k], probabilities(model, ex.plain[k]!)[k]);
  }
  return { p, g };
}

/** The screen's kinds: the patterns', the classifier's at `t` where the patterns did not raise them, then psw_distress
 * beside an own kind when the worker is alone in the text (services/safety/screen screenRisk). */
export function verdict(ex: Cached, s: Scored, t: Record<RiskCategory, number>): RiskCategory[] {
  const got = new Set(ex.pat);
  for (const k of RISK_CATEGORIES) if (!got.has(k) && s.p[k] >= t[k] && s.g[k] >= t[k]) got.add(k);
  if ([...got].some(isOwnKind) && !got.has('psw_distress') && ex.alone) got.add('psw_distress');
  return RISK_CATEGORIES.filter((k) => got.has(k));
}

/** An operating point: per kind, the share of hard negatives the classifier alone may flag, and of everyday sentences. */
export interface Point {
  label: string;
  budget: (kind: RiskCategory) => number;
  everyday: number;
}
/** The recipe's budgets (bench/screenLobo FP_BUDGET, EVERYDAY_BUDGET) times `scale`. */
export const recipe = (scale: number): Point => ({ label: `x${scale}`, budget: (k) => (FP_BUDGET[k] ?? FP_BUDGET_DEFAULT) * scale, everyday: EVERYDAY_BUDGET * scale });
/** One budget for every kind (everyday sentences a quarter of it). */
export const uniform = (share: number): Point => ({ label: `all${share * 100}%`, budget: () => share, everyday: share / 4 });
export const POINTS: Point[] = [...[0.25, 0.5, 0.75, 1, 1.5, 2, 3].map(recipe), ...[0.005, 0.01, 0.015, 0.02].map(uniform)];

/** bench/screenLobo chooseThresholds at an operating point. */
export function thresholds(negatives: Scored[], everyday: Scored[], point: Point): Record<RiskCategory, number> {
  const out = {} as Record<RiskCategory, number>;
  for (const kind of RISK_CATEGORIES) {
    const budget = Math.floor(point.budget(kind) * negatives.length);
    const everydayBudget = Math.floor(point.everyday * everyday.length);
    const floor = FLOOR[kind] ?? FLOOR_DEFAULT;
    const within = (set: Scored[], th: number, n: number) => set.filter((s) => s.p[kind] >= th).length <= n;
    out[kind] = GRID.find((th) => th >= floor && within(negatives, th, budget) && within(everyday, th, everydayBudget)) ?? 1;
  }
  return out;
}

export interface Tally {
  risk: number;
  negatives: number;
  flagged: number;
  rightKind: number;
  fp: number;
}
const tally = (): Tally => ({ risk: 0, negatives: 0, flagged: 0, rightKind: 0, fp: 0 });
function add(t: Tally, ex: Cached, got: RiskCategory[]): void {
  if (!ex.kinds.length) {
    t.negatives++;
    if (got.length) t.fp++;
    return;
  }
  t.risk++;
  if (got.length) t.flagged++;
  if (ex.kinds.some((k) => got.includes(k))) t.rightKind++;
}

export interface FoldResult {
  /** Per batch, at each operating point: the screen's tally and the ids of the risk sentences it met. */
  rows: Map<string, Map<string, { t: Tally; met: Set<string> }>>;
  everyday: Map<string, Tally>;
}

/** Leave folds of whole batches out: batch i goes to fold i mod `k` (the everyday writers likewise). */
export function leaveFoldsOut(dev: CachedBatch[], opts: TrainOptions, k: number, log = (_s: string) => {}): FoldResult {
  const fold = new Map(dev.map((b, i) => [b, i % k]));
  const scored = new Map<Cached, Scored>();
  for (let f = 0; f < k; f++) {
    const t0 = Date.now();
    const model = train(dev.filter((b) => fold.get(b) !== f).flatMap((b) => b.examples), opts);
    for (const b of dev.filter((x) => fold.get(x) === f)) for (const ex of b.examples) scored.set(ex, scoreWith(model, ex));
    log(`fold ${f + 1}/${k}: ${Object.keys(model.weights).length} features, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const rows: FoldResult['rows'] = new Map();
  const everyday = new Map<string, Tally>();
  for (const point of POINTS) {
    const th: Record<RiskCategory, number>[] = [];
    for (let f = 0; f < k; f++) {
      const others = dev.filter((b) => fold.get(b) !== f);
      const neg = others.filter((b) => b.budget).flatMap((b) => b.examples.filter((e) => !e.kinds.length)).map((e) => scored.get(e)!);
      const ev = others.filter((b) => !b.budget).flatMap((b) => b.examples).map((e) => scored.get(e)!);
      th[f] = thresholds(neg, ev, point);
    }
    const ev = tally();
    for (const b of dev) {
      const t = tally();
      const met = new Set<string>();
      for (const ex of b.examples) {
        const got = verdict(ex, scored.get(ex)!, th[fold.get(b)!]!);
        add(b.budget ? t : ev, ex, got);
        if (ex.kinds.length && got.length) met.add(ex.id);
      }
      if (!b.budget) continue;
      if (!rows.has(b.name)) rows.set(b.name, new Map());
      rows.get(b.name)!.set(point.label, { t, met });
    }
    everyday.set(point.label, ev);
  }
  return { rows, everyday };
}

/** Macro recall over batches with risk, pooled false alarms over hard negatives, at one operating point. */
export function summary(r: FoldResult, scale: string): { macro: number; pooled: number; fp: number; fpCount: number; everyday: number } {
  const rows = [...r.rows.values()].map((m) => m.get(scale)!.t);
  const withRisk = rows.filter((t) => t.risk);
  const sum = (f: (t: Tally) => number) => rows.reduce((a, t) => a + f(t), 0);
  const ev = r.everyday.get(scale)!;
  return {
    macro: (100 * withRisk.reduce((a, t) => a + t.flagged / t.risk, 0)) / withRisk.length,
    pooled: (100 * sum((t) => t.flagged)) / sum((t) => t.risk),
    fp: (100 * sum((t) => t.fp)) / sum((t) => t.negatives),
    fpCount: sum((t) => t.fp),
    everyday: (100 * ev.fp) / ev.negatives,
  };
}

/** Patterns and context rules alone, per batch. */
export function patternsOnly(dev: CachedBatch[]): Map<string, Tally> {
  const none = Object.fromEntries(RISK_CATEGORIES.map((k) => [k, 2])) as Record<RiskCategory, number>;
  const low = Object.fromEntries(RISK_CATEGORIES.map((k) => [k, -1])) as Record<RiskCategory, number>;
  const zero = { p: low, g: low };
  return new Map(
    dev.filter((b) => b.budget).map((b) => {
      const t = tally();
      for (const ex of b.examples) add(t, ex, verdict(ex, zero, none));
      return [b.name, t];
    }),
  );
}

/** A recipe trained on every development batch, thresholds from its folds at `scale`, screening the held-out batches. */
export function heldOut(dev: CachedBatch[], held: CachedBatch[], opts: TrainOptions, k: number, point: Point, model?: RiskModel): Map<string, { t: Tally; met: Set<string> }> {
  let m = model;
  if (!m) {
    const r = new Map<Cached, Scored>();
    const fold = new Map(dev.map((b, i) => [b, i % k]));
    for (let f = 0; f < k; f++) {
      const fm = train(dev.filter((b) => fold.get(b) !== f).flatMap((b) => b.examples), opts);
      for (const b of dev.filter((x) => fold.get(x) === f)) for (const ex of b.examples) r.set(ex, scoreWith(fm, ex));
    }
    m = train(dev.flatMap((b) => b.examples), opts);
    const neg = dev.filter((b) => b.budget).flatMap((b) => b.examples.filter((e) => !e.kinds.length)).map((e) => r.get(e)!);
    const ev = dev.filter((b) => !b.budget).flatMap((b) => b.examples).map((e) => r.get(e)!);
    m.thresholds = thresholds(neg, ev, point);
  }
  return new Map(
    held.map((b) => {
      const t = tally();
      const met = new Set<string>();
      for (const ex of b.examples) {
        const got = verdict(ex, scoreWith(m!, ex), m!.thresholds);
        add(t, ex, got);
        if (ex.kinds.length && got.length) met.add(ex.id);
      }
      return [b.name, { t, met }];
    }),
  );
}

/** The recipes compared (bench/screenFolds --variant NAME). `base` is the shipped recipe (services/safety/screen/train DEFAULT_TRAIN). */
const F = DEFAULT_TRAIN.features;
export const VARIANTS: Record<string, TrainOptions> = {
  base: DEFAULT_TRAIN,
  // Features several writers share: a feature one or two writers used cannot be known to carry to the next.
  groups3: { ...DEFAULT_TRAIN, minGroups: 3 },
  groups5: { ...DEFAULT_TRAIN, minGroups: 5 },
  // Regularisation: stronger L2 spreads weight over more features; weaker fits each writer's words.
  l2x4: { ...DEFAULT_TRAIN, l2: 0.002 },
  l2x16: { ...DEFAULT_TRAIN, l2: 0.008 },
  l2half: { ...DEFAULT_TRAIN, l2: 0.00025 },
  epochs100: { ...DEFAULT_TRAIN, epochs: 100 },
  // Character n-grams of more lengths, for typos and word forms a writer's spelling changes.
  chars345: { ...DEFAULT_TRAIN, features: { ...F, chars: [3, 4, 5] } },
  chars5: { ...DEFAULT_TRAIN, features: { ...F, chars: [4, 5] } },
  // No words or bigrams of words' own: classes and character n-grams carry what transfers.
  nochars: { ...DEFAULT_TRAIN, features: { ...F, chars: [] } },
  nopairs: { ...DEFAULT_TRAIN, features: { ...F, pairs: false } },
  unbalanced: { ...DEFAULT_TRAIN, balanced: false },
};

if (require.main === module) {
  const arg = (name: string, dflt: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1]! : dflt;
  };
  const k = Number(arg('--folds', '6'));
  const names = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--variant' ? [a] : []));
  const t0 = Date.now();
  const { dev, held } = prepare(process.argv.includes('--cache') ? arg('--cache', '') : undefined);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  log(`prepared ${dev.length} batches in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const pc = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}` : '–');
  if (process.argv.includes('--patterns')) {
    for (const [name, t] of patternsOnly(dev)) console.log(`patterns ${name}: ${t.flagged}/${t.risk} ${pc(t.flagged, t.risk)} %, FP ${t.fp}/${t.negatives} ${pc(t.fp, t.negatives)} %`);
  }
  const results = new Map<string, FoldResult>();
  for (const name of names.length ? names : ['base']) {
    const opts = VARIANTS[name];
    if (!opts) throw new Error(`unknown variant ${name}: ${Object.keys(VARIANTS).join(', ')}`);
    const r = leaveFoldsOut(dev, opts, k, log);
    results.set(name, r);
    for (const { label } of POINTS) {
      const x = summary(r, label);
      console.log(`${name} ${label}: macro recall ${x.macro.toFixed(2)} %, pooled ${x.pooled.toFixed(2)} %, FP ${x.fp.toFixed(2)} % (${x.fpCount}), everyday ${x.everyday.toFixed(2)} %`);
    }
    if (process.argv.includes('--rows')) {
      for (const [b, m] of r.rows) {
        const t = m.get('x1')!.t;
        console.log(`  ${name} ${b}: ${t.flagged}/${t.risk} ${pc(t.flagged, t.risk)} %, right kind ${pc(t.rightKind, t.risk)} %, FP ${t.fp}/${t.negatives} ${pc(t.fp, t.negatives)} %`);
      }
    }
    if (process.argv.includes('--out')) {
      // Ids only (counts and which risk sentences were met), for comparing recipes verdict by verdict.
      const rows = Object.fromEntries([...r.rows].map(([b, m]) => [b, Object.fromEntries([...m].map(([sc, { t, met }]) => [sc, { ...t, met: [...met] }]))]));
      fs.appendFileSync(arg('--out', ''), `${JSON.stringify({ variant: name, k, rows, everyday: Object.fromEntries(r.everyday) })}\n`);
    }
    if (process.argv.includes('--held')) {
      for (const [b, { t }] of heldOut(dev, held, opts, k, recipe(1))) console.log(`  ${name} ${b}: ${t.flagged}/${t.risk} ${pc(t.flagged, t.risk)} %, FP ${t.fp}/${t.negatives} ${pc(t.fp, t.negatives)} %`);
    }
  }
  if (process.argv.includes('--held')) {
    for (const [b, { t }] of heldOut(dev, held, DEFAULT_TRAIN, k, recipe(1), shippedModel())) console.log(`  shipped ${b}: ${t.flagged}/${t.risk} ${pc(t.flagged, t.risk)} %, FP ${t.fp}/${t.negatives} ${pc(t.fp, t.negatives)} %`);
  }
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
