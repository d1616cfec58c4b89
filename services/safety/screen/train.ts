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
}

export interface TrainOptions {
  features: FeatureOptions;
  epochs: number;
  l2: number;
  rate: number;
  /** Keep a feature only if sentences of at least this many groups (batches: writers) hold it: a feature one writer
   * alone used cannot be known to carry to another. 1 (or absent) keeps every feature. */
  minGroups?: number;
}

/** minGroups is not used by default (round 7, docs/SAFETY.md): leave one batch out, keeping only features three or more
 * writers used read more recall, but the models retrained in round 7 (with or without it) gave everyday sentences ("she
 * said she would") 0.55 or more for suicide, over the 0.5 floor, so the round-6 model stays shipped. */
export const DEFAULT_TRAIN: TrainOptions = {
  features: { bigrams: true, chars: [4], stems: true, negation: true, classes: true, pairs: true },
  epochs: 200,
  l2: 0.001,
  rate: 0.5,
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
  const n = examples.length;
  const dim = index.size;
  const weights = kinds.map(() => new Float64Array(dim));
  const bias = kinds.map(() => 0);
  kinds.forEach((kind, k) => {
    const w = weights[k];
    const y = examples.map((ex) => (ex.kinds.includes(kind) ? 1 : 0));
    const g2 = new Float64Array(dim).fill(1e-8);
    let b2 = 1e-8;
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const grad = new Float64Array(dim);
      let gb = 0;
      for (let r = 0; r < n; r++) {
        let z = bias[k];
        for (const i of rows[r]) z += w[i];
        const err = 1 / (1 + Math.exp(-z)) - y[r];
        gb += err;
        for (const i of rows[r]) grad[i] += err;
      }
      for (let i = 0; i < dim; i++) {
        const g = grad[i] / n + opts.l2 * w[i];
        g2[i] += g * g;
        w[i] -= (opts.rate * g) / Math.sqrt(g2[i]);
      }
      const gbn = gb / n;
      b2 += gbn * gbn;
      bias[k] -= (opts.rate * gbn) / Math.sqrt(b2);
    }
  });
  const out: Record<string, number[]> = {};
  for (const [f, i] of [...index.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ws = weights.map((w) => Math.round(w[i] * 1e4) / 1e4);
    if (ws.some((x) => x !== 0)) out[f] = ws;
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
