/**
 * Training for the risk screen's classifier (./classifier): L2-regularised logistic regression per kind,
 * full-batch gradient descent with AdaGrad steps, fixed epochs and no randomness, so the same data always
 * gives the same model. Used by scripts/train-screen.ts and by bench/screen.ts (cross-validation).
 */
import { RISK_CATEGORIES, type RiskCategory } from '../../content';
import { features, type FeatureOptions, type RiskModel } from './classifier';

export interface Example {
  id: string;
  /** Normalised, de-identified text. */
  norm: string;
  kinds: RiskCategory[];
  /** The batch (one writer, one time) it came from, for `minGroups`; without one, each sentence is its own group. */
  group?: string;
  /** How much the sentence counts in the loss (1 when absent): everyday notes, many and unlabelled, count for less. */
  weight?: number;
}

export interface TrainOptions {
  features: FeatureOptions;
  epochs: number;
  l2: number;
  rate: number;
  /** Keep a feature only if sentences of at least this many groups (batches: writers) hold it: a feature one writer
   * alone used cannot be known to carry to another. 1 (or absent) keeps every feature. */
  minGroups?: number;
  /** Weigh each kind's positives by the square root of its negatives-to-positives ratio. Every kind is a sixth of the
   * risk sentences or less and the everyday notes add thousands of negatives: unweighted, a kind's probabilities
   * on a voice the model has not read sit low, and a fixed floor (0.5) fell among everyday sentences before it
   * reached new voices' risk (round 8, docs/history/SAFETY-rounds.md). Weighted, thresholds are chosen well above the floors. */
  balanced?: boolean;
  /** Write only features with a weight of at least this size for some kind (the model file's size; 0: every
   * non-zero weight). */
  minWeight?: number;
  /** Weigh each hard negative — a sentence with no kinds and no weight of its own: the batches' negatives (denials,
   * past risk, harm-reduction teaching, figures of speech) and the ordinary notes — by this (1 when absent). */
  hardNegatives?: number;
}

/** Round 8 (docs/history/SAFETY-rounds.md): round 7's retrained models gave bare frames ("she said she would") 0.55 or more for
 * suicide, over the 0.5 floor. Now each kind's positives are weighed up (`balanced`) so thresholds are set by the
 * budgets well above the floors, the everyday notes (bench/screenData readEveryday, weight 0.3) teach what ordinary
 * text in many voices looks like, the commonest words give bigrams only (`skipCommon`), and a feature must be used
 * by two writers (`minGroups`, which also keeps the file near 1.6 MB). L2 halved: the everyday notes regularise. */
/** Round 15 measured the words as typed read in a fixed vocabulary (`vocabulary`, `typed`: ./vocabulary; bench/screenFolds
 * `typed`): stable under the de-identifier, but held out 299 -> 290 of 384, so the recipe still reads the de-identified view. */
export const DEFAULT_TRAIN: TrainOptions = {
  features: { bigrams: true, chars: [4], stems: true, negation: true, classes: true, pairs: true, skipCommon: true },
  epochs: 200,
  l2: 0.0005,
  rate: 0.5,
  balanced: true,
  minGroups: 2,
};

/** Weights and biases for every kind; thresholds are set by the caller (0.5 until then). */
export function train(examples: readonly Example[], opts: TrainOptions = DEFAULT_TRAIN): RiskModel {
  const kinds = [...RISK_CATEGORIES];
  const index = new Map<string, number>();
  const feats = examples.map((ex) => [...new Set(features(ex.norm, opts.features))]);
  let keep: ((f: string) => boolean) | undefined;
  if ((opts.minGroups ?? 1) > 1) {
    const groups = new Map<string, Set<string>>();
    feats.forEach((fs, r) => {
      for (const f of fs) {
        let g = groups.get(f);
        if (!g) {
          g = new Set();
          groups.set(f, g);
        }
        g.add(examples[r].group ?? examples[r].id);
      }
    });
    keep = (f) => groups.get(f)!.size >= opts.minGroups!;
  }
  const rows = feats.map((fs) => {
    const ids: number[] = [];
    for (const f of fs) {
      if (keep && !keep(f)) continue;
      let i = index.get(f);
      if (i === undefined) {
        i = index.size;
        index.set(f, i);
      }
      ids.push(i);
    }
    return ids;
  });
  // Rows flattened into one array and every kind's weights side by side: one pass over the data per epoch trains all
  // kinds (the same sums in the same order as one kind at a time, so the same model, about twice as fast).
  const n = examples.length;
  const dim = index.size;
  const K = kinds.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + rows[i]!.length;
  const flat = new Int32Array(start[n]!);
  for (let i = 0; i < n; i++) flat.set(rows[i]!, start[i]);
  const sw = examples.map((ex) => ex.weight ?? (ex.kinds.length ? 1 : (opts.hardNegatives ?? 1)));
  const total = sw.reduce((a, b) => a + b, 0);
  const y = new Uint8Array(n * K);
  for (let r = 0; r < n; r++) for (let k = 0; k < K; k++) y[r * K + k] = examples[r]!.kinds.includes(kinds[k]!) ? 1 : 0;
  const posWeight = kinds.map((_kind, k) => {
    if (!opts.balanced) return 1;
    let pos = 0;
    for (let r = 0; r < n; r++) if (y[r * K + k]) pos += sw[r];
    return pos ? Math.sqrt((total - pos) / pos) : 1;
  });
  const w = new Float64Array(dim * K);
  const g2 = new Float64Array(dim * K).fill(1e-8);
  const grad = new Float64Array(dim * K);
  const bias = new Float64Array(K);
  const b2 = new Float64Array(K).fill(1e-8);
  const gb = new Float64Array(K);
  const err = new Float64Array(K);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    grad.fill(0);
    gb.fill(0);
    for (let r = 0; r < n; r++) {
      for (let k = 0; k < K; k++) err[k] = bias[k];
      for (let j = start[r]; j < start[r + 1]; j++) for (let k = 0, at = flat[j] * K; k < K; k++) err[k] += w[at + k];
      for (let k = 0; k < K; k++) {
        const yk = y[r * K + k];
        err[k] = (1 / (1 + Math.exp(-err[k])) - yk) * sw[r] * (yk ? posWeight[k] : 1);
        gb[k] += err[k];
      }
      for (let j = start[r]; j < start[r + 1]; j++) for (let k = 0, at = flat[j] * K; k < K; k++) grad[at + k] += err[k];
    }
    for (let x = 0; x < dim * K; x++) {
      const g = grad[x] / total + opts.l2 * w[x];
      g2[x] += g * g;
      w[x] -= (opts.rate * g) / Math.sqrt(g2[x]);
    }
    for (let k = 0; k < K; k++) {
      const gbn = gb[k] / total;
      b2[k] += gbn * gbn;
      bias[k] -= (opts.rate * gbn) / Math.sqrt(b2[k]);
    }
  }
  const out: Record<string, number[]> = {};
  for (const [f, i] of [...index.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ws = kinds.map((_kind, k) => Math.round(w[i * K + k] * 1e4) / 1e4);
    if (ws.some((x) => x !== 0 && Math.abs(x) >= (opts.minWeight ?? 0))) out[f] = ws;
  }
  const rec = <T>(f: (k: RiskCategory, i: number) => T) => Object.fromEntries(kinds.map((k, i) => [k, f(k, i)])) as Record<RiskCategory, T>;
  return {
    version: 1,
    features: opts.features,
    kinds,
    bias: rec((_k, i) => Math.round(bias[i] * 1e4) / 1e4),
    thresholds: rec(() => 0.5),
    weights: out,
    trainedOn: { files: [], sentences: n, epochs: opts.epochs, l2: opts.l2 },
  };
}

/** k-fold split by position (fold = index mod k): deterministic, and every kind spread over the folds. */
export function folds<T>(items: readonly T[], k: number): { train: T[]; held: T[] }[] {
  return Array.from({ length: k }, (_v, f) => ({
    train: items.filter((_x, i) => i % k !== f),
    held: items.filter((_x, i) => i % k === f),
  }));
}
