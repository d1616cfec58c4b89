/**
 * Training of the name classifier: an averaged perceptron (Collins 2002) over the candidate words of labelled notes.
 * A word is a name when it lies in a PERSON span; words inside other identifiers (addresses, facilities …) are left
 * out, since hiding them is right either way. Deterministic: examples in note order, shuffled each epoch by a seeded
 * generator, so the same notes always give the same weights.
 */
import { BITS, contextFeatures, noteContext, ownFeaturesAndForm, tokenize } from './features';
import { askWith, type NameModel } from './model';
import type { Entity } from '../types';
import { seededRandom } from '../../seededRandom';

export interface LabelledNote {
  id: string;
  text: string;
  spans: Array<{ start: number; end: number; type: string }>;
}

export interface Example {
  features: number[];
  /** +1 a name, -1 not. */
  label: 1 | -1;
  /**
   * Round 23: where the word's own form features (its first and last two and three letters) stand in `features`, from
   * `form[0]` up to `form[1]`; what TrainOptions.dropForm leaves out of a training step.
   */
  form?: readonly [number, number];
  /** Round 23: the writer the word is from (an index), what TrainOptions.minWriters counts. */
  writer?: number;
}

/** Each typed form's own features and where its letters stand among them (features.ts ownFeaturesAndForm), by form. */
export type OwnCache = Map<string, ReturnType<typeof ownFeaturesAndForm>>;

/**
 * The training words of `notes`. Round 5 (no `rulesFound`): every candidate() word. Round 7 (featureSet 2): the
 * rules' spans of each note (`rulesFound`, what the classifier is given in deidentify()) feed the note context, and the
 * words asked are those asked() would ask if the rules had hidden nothing in them: a word the rules hid is still a
 * lesson, but a word asked for its slot next to a found name is asked as it would be.
 */
export function examples(notes: readonly LabelledNote[], rulesFound?: (note: LabelledNote) => readonly Entity[], every = false, wider = false): Example[] {
  const out: Example[] = [];
  const own: OwnCache = new Map();
  for (const note of notes) out.push(...noteExamples(note, rulesFound?.(note), own, every, wider));
  return out;
}

/** One note's training words (examples() above); `own` caches each typed form's own features (and where its letters stand) across notes. */
export function noteExamples(note: LabelledNote, found: readonly Entity[] | undefined, own: OwnCache = new Map(), every = false, wider = false, typos = false, named = false, stack?: Uint8Array, pos = false): Example[] {
  const out: Example[] = [];
  const toks = tokenize(note.text);
  // `stack` (round 15, a second pass's words): what the first pass made of each token (bench/stackPass.ts stackCodes()).
  const ctx = found ? noteContext(note.text, toks, found, stack) : undefined;
  const flags = ctx ? { every, wider, named } : undefined;
  toks.forEach((t, i) => {
    // Asked as if the word itself were visible: its own found mark is lifted for the question.
    const mark = ctx?.found[i] ?? 0;
    if (mark) ctx!.found[i] = 0;
    const ask = askWith(flags, note.text, toks, i, ctx);
    if (mark) ctx!.found[i] = mark;
    if (!ask) return;
    const inside = note.spans.filter((s) => s.start < t.end && t.start < s.end);
    if (inside.some((s) => s.type !== 'PERSON')) return;
    let o = own.get(t.raw);
    if (!o) {
      o = ownFeaturesAndForm(t.raw, t.lower, typos, pos);
      own.set(t.raw, o);
    }
    out.push({ features: [...o.features, ...contextFeatures(note.text, toks, i, ctx, ctx ? ask : 0, pos)], label: inside.length ? 1 : -1, form: o.form });
  });
  return out;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** 2: the examples were made with the rules' spans (round 7); recorded in the model so scoring matches. */
  featureSet?: 2 | 3 | 4 | 5 | 7 | 9;
  wordNameMargin?: number;
  /** Per kind of word asked (model.ts NameModel.kindMargins). */
  kindMargins?: number[];
  /**
   * Round 8: 'logistic' is L2-regularised logistic regression (AdaGrad steps, `l2` per example) in place of the averaged
   * perceptron; deterministic the same way (seeded order).
   */
  learner?: 'perceptron' | 'logistic';
  l2?: number;
  /**
   * Round 19 (the half-name slot): the learner's weights averaged over this many seeds (`seed`, `seed` + 1000, …):
   * one seed's order moved about a third of the slot's held-out decisions when four of 58,000 words changed.
   */
  seeds?: number;
  /**
   * Round 23 (name model): the share of training steps (logistic only) that leave out the word's own letters
   * (Example.form), drawn by a seeded generator: the model must then tell a name by its shape, lists and context,
   * not by the training writers' names. 0 or absent: every feature every step.
   */
  dropForm?: number;
  /**
   * Round 23 (name model): a feature is learned only when words of at least this many writers (Example.writer) have it
   * in the data trained on — a fold counts its own writers — so that no feature carries one writer's names or habits
   * alone. 0, 1 or absent: every feature.
   */
  minWriters?: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 8, seed: 13 };

/** Averaged weights (scaled, rounded to 3 decimals, zeros dropped) and the threshold given. */
export function train(data: readonly Example[], threshold: number, opts: TrainOptions = DEFAULT_TRAIN, source: { files: string[]; sha256: string; rules?: string } = { files: [], sha256: '' }): NameModel {
  const size = 1 << BITS;
  const avg = seedMean(data, opts);
  // Scaled so that scores on the training words have unit spread: a threshold means the same for a model trained
  // on four folds of the notes as for one trained on all of them.
  const scores = data.map((ex) => ex.features.reduce((s, f) => s + avg[f]!, 0));
  const mean = scores.reduce((a, b) => a + b, 0) / Math.max(scores.length, 1);
  const spread = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(scores.length, 1)) || 1;
  const weights: Record<string, number> = {};
  // Logistic regression gives every feature seen a weight: at most the MAX_WEIGHTS largest are kept (ties to the lower
  // bucket), so the model file stays bounded; the perceptron's are kept as they are.
  const keep = opts.learner === 'logistic' ? largest(avg, MAX_WEIGHTS) : null;
  for (let f = 0; f < size; f++) {
    const v = Math.round((avg[f]! / spread) * 1000) / 1000;
    if (v !== 0 && (!keep || keep.has(f))) weights[String(f)] = v;
  }
  return {
    version: 1,
    bits: BITS,
    threshold,
    ...(opts.wordNameMargin !== undefined ? { wordNameMargin: opts.wordNameMargin } : {}),
    ...(opts.kindMargins ? { kindMargins: opts.kindMargins } : {}),
    ...(opts.featureSet ? { featureSet: opts.featureSet } : {}),
    trainedOn: { files: source.files, sha256: source.sha256, ...(source.rules ? { rules: source.rules } : {}), ...(opts.learner === 'logistic' ? { learner: `logistic l2=${opts.l2 ?? L2}${(opts.seeds ?? 1) > 1 ? `, mean of ${opts.seeds} seeds` : ''}${opts.dropForm ? `, own letters dropped ${opts.dropForm}` : ''}${(opts.minWriters ?? 0) > 1 ? `, features of ${opts.minWriters}+ writers` : ''}` } : {}), epochs: opts.epochs, seed: opts.seed, tokens: data.length, names: data.filter((e) => e.label === 1).length },
    weights,
  };
}

/** The examples' order for each epoch: shuffled by a seeded generator, so the same notes give the same weights. */
function epochs(data: readonly Example[], opts: TrainOptions, visit: (ex: Example) => void): void {
  const order = data.map((_e, i) => i);
  const rnd = seededRandom(opts.seed);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) visit(data[k]!);
  }
}

/** The learner's weights, or their mean over `opts.seeds` seeds (each seed's weights summed in order, then divided). */
function seedMean(data: readonly Example[], opts: TrainOptions): Float64Array {
  const allowed = (opts.minWriters ?? 0) > 1 ? seenByWriters(data, opts.minWriters!) : undefined;
  const learn = (o: TrainOptions) => (o.learner === 'logistic' ? logistic(data, o, allowed) : perceptron(data, o));
  if (!opts.seeds || opts.seeds <= 1) return learn(opts);
  const sum = new Float64Array(1 << BITS);
  for (let j = 0; j < opts.seeds; j++) {
    const w = learn({ ...opts, seed: opts.seed + 1000 * j });
    for (let f = 0; f < sum.length; f++) sum[f] += w[f]!;
  }
  return sum.map((x) => x / opts.seeds!);
}

/**
 * The features words of at least `min` writers have (TrainOptions.minWriters): 1 a feature learned, 0 one left at 0.
 * A word with no writer counts as a writer of its own.
 */
export function seenByWriters(data: readonly Example[], min: number): Uint8Array {
  const size = 1 << BITS;
  const byWriter = new Map<number, number[]>();
  data.forEach((ex, i) => {
    const w = ex.writer ?? -1 - i;
    const list = byWriter.get(w);
    if (list) list.push(i);
    else byWriter.set(w, [i]);
  });
  const count = new Uint16Array(size);
  const last = new Int32Array(size).fill(-1);
  let k = 0;
  for (const list of byWriter.values()) {
    for (const i of list) {
      for (const f of data[i]!.features) {
        if (last[f] === k) continue;
        last[f] = k;
        if (count[f]! < 65535) count[f]++;
      }
    }
    k++;
  }
  return Uint8Array.from(count, (c) => (c >= min ? 1 : 0));
}

/** The averaged perceptron's weights (Collins 2002). */
function perceptron(data: readonly Example[], opts: TrainOptions): Float64Array {
  const size = 1 << BITS;
  const w = new Float64Array(size);
  // Sum of every update times the step it was made at: the average is w - u / steps (Daumé's trick).
  const u = new Float64Array(size);
  let step = 1;
  epochs(data, opts, (ex) => {
    let s = 0;
    for (const f of ex.features) s += w[f]!;
    if (ex.label * s <= 0) {
      for (const f of ex.features) {
        w[f] += ex.label;
        u[f] += ex.label * step;
      }
    }
    step++;
  });
  return w.map((x, f) => x - u[f]! / step);
}

/** L2 weight per example of logistic regression (round 8, chosen by leaving one writer out). */
export const L2 = 1e-4;
const STEP = 0.5;

/** L2-regularised logistic regression, AdaGrad steps: better-calibrated scores than the perceptron's margins. */
function logistic(data: readonly Example[], opts: TrainOptions, allowed?: Uint8Array): Float64Array {
  const size = 1 << BITS;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size);
  const l2 = opts.l2 ?? L2;
  const drop = opts.dropForm ?? 0;
  // A second seeded stream, so that the examples' order is the same with or without dropping.
  const coin = drop > 0 ? seededRandom(opts.seed + 7) : null;
  epochs(data, opts, (ex) => {
    // The features of this step: every one, or (dropForm) all but the word's own letters.
    const [a, b] = coin && ex.form && coin() < drop ? ex.form : [0, 0];
    let s = 0;
    for (let k = 0; k < ex.features.length; k++) if (k < a || k >= b) s += w[ex.features[k]!]!;
    const p = 1 / (1 + Math.exp(-s));
    const g = p - (ex.label === 1 ? 1 : 0);
    for (let k = 0; k < ex.features.length; k++) {
      if (k >= a && k < b) continue;
      const f = ex.features[k]!;
      // minWriters: a feature too few writers have stays at 0 (it adds nothing to `s` above).
      if (allowed && !allowed[f]) continue;
      const grad = g + l2 * w[f]!;
      g2[f] += grad * grad;
      w[f] -= (STEP * grad) / Math.sqrt(g2[f]! + 1e-8);
    }
  });
  return w;
}

/**
 * How many weights a logistic model keeps (about 15 bytes each in the file). Round 8 measured 18,000 (263 KB, round
 * 7's size): leaving one writer out, macro names 95.59 % against 96.40 % with every weight (~64,000, 933 KB), and it
 * lost words round 7 found ("bishop wanted a blanket"); the scorer's memory is one 2^18 array either way.
 */
export const MAX_WEIGHTS = 100_000;

/** The buckets of the `n` largest weights by magnitude, ties to the lower bucket (deterministic). */
function largest(w: Float64Array, n: number): Set<number> {
  const idx: number[] = [];
  for (let f = 0; f < w.length; f++) if (w[f] !== 0) idx.push(f);
  idx.sort((a, b) => Math.abs(w[b]!) - Math.abs(w[a]!) || a - b);
  return new Set(idx.slice(0, n));
}
