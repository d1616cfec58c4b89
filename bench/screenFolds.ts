/**
 * `npx tsx bench/screenFolds.ts [--folds 6] [--variant NAME …] [--rows] [--held] [--patterns] [--out FILE] [--cache FILE]`:
 * the risk screen's classifier recipes compared by LEAVING BATCHES OUT — every development batch (one writer, one time)
 * is screened by a model trained on the folds it is not in (batch i in fold i mod 6, each everyday writer likewise), its
 * thresholds chosen on the other folds' out-of-fold probabilities as scripts/train-screen.ts chooses them
 * (bench/screenLobo). Six trainings instead of one per batch (~38), so a recipe is judged in minutes, not an hour.
 * Per variant: the whole screen's macro recall over batches and pooled false alarms on hard negatives and everyday
 * notes at the recipe's budgets ×0.25…×3, at one budget for every kind, and at thresholds allocated per kind on the
 * other folds (`alloc`); `--rows` per batch, `--held` the recipe trained on every batch screening the held-out ones
 * (screenData HELD_OUT) beside the shipped model, `--out` ids of the risk sentences met, to compare verdict by verdict.
 * `--shipped-point [--keep-first | --thresholds JSON] [--write]`: the shipped model's thresholds re-allocated (or given)
 * on the batches it never read, within the false alarms its own give there, then both on the held-out batches;
 * `--write` puts those thresholds in risk-model.json (the weights unchanged).
 * Verdicts are the turn's own (services/safety/turn screenTurn: the words as typed and de-identified, the gated
 * classifier, the psw_distress rules), replayed from a cache of what the patterns and context rules say (`--cache`: a
 * scratch file, valid while the tree's rules and data stay). Prints counts and ids only, never a sentence. Never reads
 * a test set or a blind set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { content, type Content, RISK_CATEGORIES, type RiskCategory } from '../services/content';
import { riskCategories, screenRisk } from '../services/safety/screen';
import { MODEL_FILE, probabilities, shippedModel, type RiskModel } from '../services/safety/screen/classifier';
import { contextRulesOut, inScope, withoutExclusions } from '../services/safety/screen/lexicon';
import { normalise } from '../services/safety/screen/normalise';
import { isOwnKind, workerAlone } from '../services/safety/screen/self';
import { someoneElseIn } from '../services/safety/turn';
import { DEFAULT_TRAIN, train, type TrainOptions } from '../services/safety/screen/train';
import { HELD_OUT, DATA_DIR, readSet } from './screenData';
import { type Batch, CEILING, FP_BUDGET, FP_BUDGET_DEFAULT, FLOOR, FLOOR_DEFAULT, GRID, EVERYDAY_BUDGET, loboBatches } from './screenLobo';

/** What the screen says of one view of a sentence (as typed, or de-identified) apart from the classifier's probabilities. */
export interface View {
  norm: string;
  /** Kinds the patterns and context rules raise. */
  pat: RiskCategory[];
  /** Kinds the context rules rule out for the classifier. */
  out: RiskCategory[];
  /** Per kind, the text read again without its exclusions and out-of-scope parts, when it differs. */
  plain: Partial<Record<RiskCategory, string>>;
  alone: boolean;
}
export interface Cached {
  id: string;
  /** The de-identified view, normalised: what the classifier trains on. */
  norm: string;
  kinds: RiskCategory[];
  weight?: number;
  group?: string;
  /** The views the bot screens (services/safety/turn screenTurn): de-identified, then as typed when it differs. */
  views: View[];
  /** Someone else is in the words as typed (screenTurn: the worker's own distress read there alone then stands only
   * when the de-identified view raises it too). */
  others: boolean;
}
export interface CachedBatch {
  name: string;
  budget: boolean;
  examples: Cached[];
}

function view(text: string, c: Content): View {
  const norm = normalise(text);
  const plain: Partial<Record<RiskCategory, string>> = {};
  const out: RiskCategory[] = [];
  for (const k of RISK_CATEGORIES) {
    if (contextRulesOut(norm, k, c)) out.push(k);
    const p = withoutExclusions(inScope(norm, k, c), k, c);
    if (p !== norm) plain[k] = p;
  }
  return { norm, pat: riskCategories(screenRisk(text, c, { classifier: false })), out, plain, alone: workerAlone(norm) };
}

export function cacheBatch(b: Batch): CachedBatch {
  const c = content();
  return {
    name: b.name,
    budget: b.budget !== false,
    examples: b.examples.map((ex) => {
      const raw = ex.text.trim() && ex.text !== ex.screened ? ex.text : undefined;
      const views = [view(ex.screened, c), ...(raw ? [view(raw, c)] : [])];
      return { id: ex.id, norm: ex.norm, kinds: ex.kinds, weight: ex.weight, group: ex.group, views, others: !!raw && someoneElseIn(raw, ex.screened) };
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
/** Per view: the probability of its text and, per kind, the screen's gated score. */
export type Scored = { p: Prob; g: Prob }[];
const NONE = Object.fromEntries(RISK_CATEGORIES.map((k) => [k, -1])) as Prob;
/** The view the classifier reads (services/safety/turn): the words as typed for a model that reads them, else the de-identified. */
export const classifierView = (model: Pick<RiskModel, 'features'>, ex: Cached): number => (model.features.typed && ex.views[1] ? 1 : 0);
/** Scores of the view the classifier reads; the other view scores -1 (no classifier there). */
export function scoreWith(model: RiskModel, ex: Cached): Scored {
  const live = classifierView(model, ex);
  return ex.views.map((v, i) => {
    if (i !== live) return { p: NONE, g: NONE };
    const p = probabilities(model, v.norm);
    const g = { ...p };
    for (const k of RISK_CATEGORIES) {
      if (v.out.includes(k)) g[k] = -1;
      else if (v.plain[k] !== undefined) g[k] = Math.min(p[k], probabilities(model, v.plain[k]!)[k]);
    }
    return { p, g };
  });
}

/** One view's kinds (services/safety/screen screenRisk): the patterns', the classifier's at `t` where the patterns did not
 * raise them, then psw_distress beside an own kind when the worker is alone in the text. */
function viewVerdict(v: View, s: { p: Prob; g: Prob }, t: Record<RiskCategory, number>): Set<RiskCategory> {
  const got = new Set(v.pat);
  for (const k of RISK_CATEGORIES) if (!got.has(k) && s.p[k] >= t[k] && s.g[k] >= t[k]) got.add(k);
  if ([...got].some(isOwnKind) && !got.has('psw_distress') && v.alone) got.add('psw_distress');
  return got;
}

/** The turn's kinds (services/safety/turn screenTurn): both views' hits, the worker's own distress read in the words as
 * typed alone dropped when someone else is in them. */
export function verdict(ex: Cached, s: Scored, t: Record<RiskCategory, number>): RiskCategory[] {
  const stored = viewVerdict(ex.views[0]!, s[0]!, t);
  const got = new Set(stored);
  if (ex.views[1]) {
    const others = ex.others && !stored.has('psw_distress');
    for (const k of viewVerdict(ex.views[1], s[1]!, t)) if (!(others && k === 'psw_distress')) got.add(k);
  }
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
export const POINTS: Point[] = [
  ...[0.25, 0.5, 0.75, 1, 1.5, 2, 3].map(recipe),
  ...[0.005, 0.01, 0.015, 0.02].map(uniform),
];

/** bench/screenLobo chooseThresholds at an operating point. */
export function thresholds(negatives: Scored[], everyday: Scored[], point: Point): Record<RiskCategory, number> {
  const out = {} as Record<RiskCategory, number>;
  for (const kind of RISK_CATEGORIES) {
    const budget = Math.floor(point.budget(kind) * negatives.length);
    const everydayBudget = Math.floor(point.everyday * everyday.length);
    const floor = FLOOR[kind] ?? FLOOR_DEFAULT;
    // As the recipe: the probabilities of the view the classifier reads (scripts/train-screen.ts).
    const within = (set: Scored[], th: number, n: number) => set.filter((s) => Math.max(...s.map((v) => v.p[kind])) >= th).length <= n;
    out[kind] = Math.min(GRID.find((th) => th >= floor && within(negatives, th, budget) && within(everyday, th, everydayBudget)) ?? 1, CEILING[kind] ?? 1);
  }
  return out;
}

/**
 * Per-kind thresholds picked on labelled sentences the model never read (`pool`, with their scores): starting with the
 * classifier off, lower one kind's threshold at a time to the grid step that meets the most risk
 * sentences not yet met per hard negative it raises, while the screen's false alarms on `pool` stay within `maxFp` and
 * its everyday sentences within `maxEveryday`; never below a kind's floor.
 */
export function allocate(pool: { ex: Cached; s: Scored }[], everyday: { ex: Cached; s: Scored }[], maxFp: number, maxEveryday: number, start: Partial<Record<RiskCategory, number>> = {}): Record<RiskCategory, number> {
  const th = Object.fromEntries(RISK_CATEGORIES.map((k) => [k, start[k] ?? 1])) as Record<RiskCategory, number>;
  // Only sentences some view of which scores on the grid can change verdict; the rest are counted once.
  const moves = (x: { s: Scored }) => x.s.some((v) => RISK_CATEGORIES.some((k) => Math.min(v.p[k], v.g[k]) >= GRID[0]!));
  const off = Object.fromEntries(RISK_CATEGORIES.map((k) => [k, 2])) as Record<RiskCategory, number>;
  const fixed = { met: 0, fp: 0, ev: 0 };
  for (const x of pool.filter((y) => !moves(y))) if (verdict(x.ex, x.s, off).length) fixed[x.ex.kinds.length ? 'met' : 'fp']++;
  fixed.ev = everyday.filter((x) => !moves(x) && verdict(x.ex, x.s, off).length).length;
  const varPool = pool.filter(moves);
  const varEveryday = everyday.filter(moves);
  const count = (t: Record<RiskCategory, number>) => {
    let { met, fp } = fixed;
    for (const { ex, s } of varPool) {
      const got = verdict(ex, s, t).length > 0;
      if (ex.kinds.length && got) met++;
      else if (!ex.kinds.length && got) fp++;
    }
    return { met, fp, ev: fixed.ev + varEveryday.filter(({ ex, s }) => verdict(ex, s, t).length).length };
  };
  let now = count(th);
  for (;;) {
    let best: { k: RiskCategory; t: number; gain: number; c: ReturnType<typeof count> } | undefined;
    for (const k of RISK_CATEGORIES) {
      for (const next of GRID.filter((g) => g < th[k] && g >= (FLOOR[k] ?? FLOOR_DEFAULT))) {
        const c = count({ ...th, [k]: next });
        if (c.fp > maxFp || c.ev > maxEveryday || c.met <= now.met) continue;
        const gain = (c.met - now.met) / (c.fp - now.fp + 0.5);
        if (!best || gain > best.gain) best = { k, t: next, gain, c };
      }
    }
    if (!best) return th;
    th[best.k] = best.t;
    now = best.c;
  }
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

/** The sentences a variant trains on, each as the view it reads. */
export function trainingSet(batches: CachedBatch[], opts: Variant): Cached[] {
  return batches.flatMap((b) => b.examples).map((ex) => ({ ...ex, norm: ex.views[classifierView(opts, ex)]!.norm }));
}

/** Leave folds of whole batches out: batch i goes to fold i mod `k` (the everyday writers likewise). */
export function leaveFoldsOut(dev: CachedBatch[], opts: Variant, k: number, log = (_s: string) => {}): FoldResult {
  const fold = new Map(dev.map((b, i) => [b, i % k]));
  const scored = new Map<Cached, Scored>();
  for (let f = 0; f < k; f++) {
    const t0 = Date.now();
    const model = train(trainingSet(dev.filter((b) => fold.get(b) !== f), opts), opts);
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
  // 'alloc': per fold, thresholds allocated (allocate) on the other folds' out-of-fold scores within the false alarms
  // the recipe's thresholds give there, then applied to the fold.
  const ev = tally();
  for (let f = 0; f < k; f++) {
    const others = dev.filter((b) => fold.get(b) !== f);
    const pool = others.filter((b) => b.budget).flatMap((b) => b.examples).map((ex) => ({ ex, s: scored.get(ex)! }));
    const evPool = others.filter((b) => !b.budget).flatMap((b) => b.examples).map((ex) => ({ ex, s: scored.get(ex)! }));
    const th0 = thresholds(pool.filter((x) => !x.ex.kinds.length).map((x) => x.s), evPool.map((x) => x.s), recipe(1));
    const th = allocate(pool, evPool, pool.filter((x) => !x.ex.kinds.length && verdict(x.ex, x.s, th0).length).length, evPool.filter((x) => verdict(x.ex, x.s, th0).length).length);
    for (const b of dev.filter((x) => fold.get(x) === f)) {
      const t = tally();
      const met = new Set<string>();
      for (const ex of b.examples) {
        const got = verdict(ex, scored.get(ex)!, th);
        add(b.budget ? t : ev, ex, got);
        if (ex.kinds.length && got.length) met.add(ex.id);
      }
      if (b.budget) rows.get(b.name)!.set('alloc', { t, met });
    }
  }
  everyday.set('alloc', ev);
  return { rows, everyday };
}

/** The development batches the shipped model never read (not in its trainedOn files): honest ground for its operating point. */
export function unreadByShipped(dev: CachedBatch[], model: RiskModel = shippedModel()): CachedBatch[] {
  const read = new Set(model.trainedOn.files.map((f) => /screen-train-([a-z]+)\.jsonl$/.exec(f)?.[1]).filter(Boolean));
  return dev.filter((b) => b.budget && /^[a-z]{2}$/.test(b.name) && !read.has(b.name));
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
  const zero = [{ p: low, g: low }, { p: low, g: low }];
  return new Map(
    dev.filter((b) => b.budget).map((b) => {
      const t = tally();
      for (const ex of b.examples) add(t, ex, verdict(ex, zero, none));
      return [b.name, t];
    }),
  );
}

/** A recipe trained on every development batch, thresholds from its folds at `scale`, screening the held-out batches. */
export function heldOut(dev: CachedBatch[], held: CachedBatch[], opts: Variant, k: number, point: Point, model?: RiskModel): Map<string, { t: Tally; met: Set<string> }> {
  let m = model;
  if (!m) {
    const r = new Map<Cached, Scored>();
    const fold = new Map(dev.map((b, i) => [b, i % k]));
    for (let f = 0; f < k; f++) {
      const fm = train(trainingSet(dev.filter((b) => fold.get(b) !== f), opts), opts);
      for (const b of dev.filter((x) => fold.get(x) === f)) for (const ex of b.examples) r.set(ex, scoreWith(fm, ex));
    }
    m = train(trainingSet(dev, opts), opts);
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

/** The recipes compared (bench/screenFolds --variant NAME). `base` is the recipe (services/safety/screen/train DEFAULT_TRAIN). */
const F = DEFAULT_TRAIN.features;
export type Variant = TrainOptions;
export const VARIANTS: Record<string, Variant> = {
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
  // Round 15, the view the classifier reads (`base`: the de-identified words): the words as typed (`raw`); the words as
  // typed in a fixed vocabulary, every other word one token (`typed`: nothing the de-identifier does reaches it); the
  // de-identified view so folded (`vocab`: placeholders and the names it missed alike).
  raw: { ...DEFAULT_TRAIN, features: { ...F, typed: true } },
  typed: { ...DEFAULT_TRAIN, features: { ...F, vocabulary: true, typed: true } },
  vocab: { ...DEFAULT_TRAIN, features: { ...F, vocabulary: true } },
  // Round 14: the hard negatives (sentences that share risk words and are not risk) count more in the loss.
  hn15: { ...DEFAULT_TRAIN, hardNegatives: 1.5 },
  hn2: { ...DEFAULT_TRAIN, hardNegatives: 2 },
  hn3: { ...DEFAULT_TRAIN, hardNegatives: 3 },
  hn2groups3: { ...DEFAULT_TRAIN, hardNegatives: 2, minGroups: 3 },
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
  for (const name of names.length ? names : process.argv.includes('--shipped-point') ? [] : ['base']) {
    const opts = VARIANTS[name];
    if (!opts) throw new Error(`unknown variant ${name}: ${Object.keys(VARIANTS).join(', ')}`);
    const r = leaveFoldsOut(dev, opts, k, log);
    results.set(name, r);
    for (const label of [...POINTS.map((p) => p.label), 'alloc']) {
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
  if (process.argv.includes('--shipped-point')) {
    // The shipped model's thresholds re-allocated per kind on the batches it never read, within the false alarms its
    // own thresholds give there; both screen the held-out batches.
    const m = shippedModel();
    const unread = unreadByShipped(dev, m);
    const pool = unread.flatMap((b) => b.examples).map((ex) => ({ ex, s: scoreWith(m, ex) }));
    const evPool = dev.filter((b) => !b.budget).flatMap((b) => b.examples).map((ex) => ({ ex, s: scoreWith(m, ex) }));
    const fp0 = pool.filter((x) => !x.ex.kinds.length && verdict(x.ex, x.s, m.thresholds).length).length;
    const ev0 = evPool.filter((x) => verdict(x.ex, x.s, m.thresholds).length).length;
    const met0 = pool.filter((x) => x.ex.kinds.length && verdict(x.ex, x.s, m.thresholds).length).length;
    // Suicide and overdose, whose recall matters most (bench/screenLobo FP_BUDGET), start at the shipped thresholds and may only go down.
    // `--thresholds '{"harm_to_others":0.6}'`: those instead of an allocation (the rest as shipped).
    const given = process.argv.includes('--thresholds') ? { ...m.thresholds, ...JSON.parse(arg('--thresholds', '{}')) } : undefined;
    const th = given ?? allocate(pool, evPool, fp0, ev0, process.argv.includes('--keep-first') ? { suicide: m.thresholds.suicide, overdose: m.thresholds.overdose } : {});
    const met1 = pool.filter((x) => x.ex.kinds.length && verdict(x.ex, x.s, th).length).length;
    const fp1 = pool.filter((x) => !x.ex.kinds.length && verdict(x.ex, x.s, th).length).length;
    const ev1 = evPool.filter((x) => verdict(x.ex, x.s, th).length).length;
    console.log(`shipped on the batches it never read (${unread.map((b) => b.name).join(' ')}): met ${met0} -> ${met1} of ${pool.filter((x) => x.ex.kinds.length).length}, FP ${fp0} -> ${fp1} of ${pool.filter((x) => !x.ex.kinds.length).length}, everyday ${ev0} -> ${ev1} of ${evPool.length}; thresholds ${JSON.stringify(m.thresholds)} -> ${JSON.stringify(th)}`);
    const before = heldOut(dev, held, DEFAULT_TRAIN, k, recipe(1), m);
    const after = heldOut(dev, held, DEFAULT_TRAIN, k, recipe(1), { ...m, thresholds: th });
    for (const [b, { t, met }] of after) {
      const t0 = before.get(b)!.t;
      const m0 = before.get(b)!.met;
      const lost = [...m0].filter((id) => !met.has(id)).length;
      console.log(`  ${b}: ${t0.flagged} -> ${t.flagged} of ${t.risk} (lost ${lost}, right kind ${t0.rightKind} -> ${t.rightKind}), FP ${t0.fp} -> ${t.fp} of ${t.negatives}`);
    }
    if (process.argv.includes('--write')) {
      // Only the thresholds change; the weights stay the shipped model's.
      fs.writeFileSync(MODEL_FILE, `${JSON.stringify({ ...m, thresholds: th })}\n`);
      console.log(`wrote ${path.relative(process.cwd(), MODEL_FILE)}: thresholds ${JSON.stringify(th)}`);
    }
    // Per kind over the held-out batches: risk sentences of the kind flagged with it.
    const heldEx = held.flatMap((b) => b.examples);
    for (const kind of RISK_CATEGORIES) {
      const of = heldEx.filter((e) => e.kinds.includes(kind));
      const n = (t: Record<RiskCategory, number>) => of.filter((e) => verdict(e, scoreWith(m, e), t).includes(kind)).length;
      console.log(`  ${kind}: ${n(m.thresholds)} -> ${n(th)} of ${of.length}`);
    }
  }
  if (process.argv.includes('--held')) {
    for (const [b, { t }] of heldOut(dev, held, DEFAULT_TRAIN, k, recipe(1), shippedModel())) console.log(`  shipped ${b}: ${t.flagged}/${t.risk} ${pc(t.flagged, t.risk)} %, FP ${t.fp}/${t.negatives} ${pc(t.fp, t.negatives)} %`);
  }
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
