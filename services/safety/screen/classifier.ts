/**
 * The statistical layer of the risk screen: one logistic regression per kind (one-vs-rest) over word stems,
 * stem bigrams and character n-grams of the normalised text. Trained by scripts/train-screen.ts on the
 * labelled bank in bench/data (never the test set) and shipped as risk-model.json beside this file; nothing
 * is fetched at run time. It catches wordings the patterns miss; a kind counts when its probability reaches
 * the threshold chosen on cross-validated development data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RISK_CATEGORIES, type RiskCategory } from '../../content';
import { inVocabulary } from './vocabulary';
import { clauseMarks, stem, wordClass } from './wordClasses';

export interface FeatureOptions {
  bigrams: boolean;
  /** Character n-gram lengths taken inside each word (with boundary marks), e.g. [3, 4]; [] for none. */
  chars: number[];
  /** Stem words (porter2) before making features. */
  stems: boolean;
  /** Mark words after a negation cue, to the end of the clause, as negated ("not suicidal" → "neg:suicid"). */
  negation?: boolean;
  /** Word classes (./wordClasses), the class that came before in the clause, and each class with the clause's
   * subject (the worker or someone else) and tense: features that reach wordings the bank does not hold. */
  classes?: boolean;
  /** Each pair of word classes in one sentence, in any order and at any distance ("released" … "usual",
   * "kit" … "alone"): a circumstance is often told in two parts a clause or more apart. */
  pairs?: boolean;
  /** The commonest words (COMMON: auxiliaries, reporting verbs, linking words) give no unigram and no character
   * n-grams, only bigrams: alone they carried a writer's habits, and a bare frame ("she said she would", "he said he
   * would be for a week") read as suicide from "said", "would" and "be" and their n-grams (round 8, docs/history/SAFETY-rounds.md). */
  skipCommon?: boolean;
  /** Read only words of a fixed vocabulary (./vocabulary), every other word as one token: the model can hold no name,
   * and what it reads does not move with the de-identifier (round 15). */
  vocabulary?: boolean;
  /** The classifier reads the words as typed (services/safety/turn), not their de-identified view; only with
   * `vocabulary`. Absent: the de-identified view, as every model before round 15. */
  typed?: boolean;
}

/** Common words in debrief notes that say nothing of risk alone. Pronouns stay (subject matters: "i" is the worker). */
const COMMON = new Set(
  'be am are were been being has have having had do does did doing would could should will can may might must said says saying told tell tells telling asked asks going gonna wanna like know knew think thought just really very also then than there what when where which from these those about some because into after more much only here thing things well even other xname xword xnum client so as if or by up'.split(' '),
);

const NEGATORS = new Set(['not', 'no', 'never', 'denies', 'denied', 'deny', 'without', 'nobody', 'none', 'nothing']);

export interface RiskModel {
  version: 1;
  features: FeatureOptions;
  kinds: RiskCategory[];
  /** Per kind: intercept. */
  bias: Record<RiskCategory, number>;
  /** Per kind: probability at or above which the kind counts. */
  thresholds: Record<RiskCategory, number>;
  /** Feature → one weight per kind, in `kinds` order. */
  weights: Record<string, number[]>;
  /** How it was made, for the docs. `inputs`: SHA-256 of every training sentence as the classifier read it
   * (de-identified and normalised, with its kinds, weight and batch, in order): the de-identifier's output is part of
   * the training data, so a de-identifier that hides other words makes another model (scripts/train-screen.ts --digest). */
  trainedOn: { files: string[]; sentences: number; epochs: number; l2: number; inputs?: string };
}

export const MODEL_FILE = path.join(__dirname, 'risk-model.json');

const STOP = new Set(['the', 'a', 'an', 'and', 'to', 'of', 'at', 'in', 'on', 'is', 'was', 'it', 'that', 'this', 'for', 'with']);

/** The words of normalised text as a model with `opts` reads them: with `vocabulary`, every word outside it folded. */
export function wordsRead(norm: string, opts: FeatureOptions): string[] {
  return opts.vocabulary ? inVocabulary(norm.split(' ')) : norm.split(' ');
}

/** The features of normalised text; the same function trains and predicts. */
export function features(norm: string, opts: FeatureOptions): string[] {
  const out: string[] = [];
  let prev = '';
  let negated = false;
  const words = wordsRead(norm, opts);
  if (opts.classes) classFeatures(words, out);
  if (opts.pairs) classPairs(words, out);
  for (const w of words) {
    if (w === '.' || w === ',' || w === 'but' || !w) {
      prev = '';
      negated = false;
      continue;
    }
    const s = (negated ? 'neg:' : '') + (opts.stems ? stem(w) : w);
    if (opts.negation && NEGATORS.has(w)) negated = true;
    if (!STOP.has(w) && !(opts.skipCommon && COMMON.has(w))) out.push(s);
    if (opts.bigrams && prev) out.push(`${prev}_${s}`);
    prev = s;
    if (opts.chars.length && w.length > 3 && !(opts.skipCommon && COMMON.has(w))) {
      const padded = `<${w}>`;
      for (const n of opts.chars) for (let i = 0; i + n <= padded.length; i++) out.push(`${negated ? 'neg' : ''}#${padded.slice(i, i + n)}`);
    }
  }
  return out;
}

/** Class features per clause: each class (negated when a cue stands before it), the class before it, and the
 * class with the clause's subject and tense. */
function classFeatures(words: readonly string[], out: string[]): void {
  let start = 0;
  for (let i = 0; i <= words.length; i++) {
    const w = words[i];
    if (i < words.length && w !== '.' && w !== ',' && w !== 'but') continue;
    const clause = words.slice(start, i);
    start = i + 1;
    // Subject and tense only beside a class: alone, "i" would teach that any sentence about the worker is distress.
    const marks = clauseMarks(clause);
    let negated = false;
    let prevClass = '';
    for (const cw of clause) {
      if (NEGATORS.has(cw)) negated = true;
      const cls = wordClass(cw);
      if (!cls) continue;
      const f = `${negated ? 'neg' : ''}c:${cls}`;
      out.push(f);
      if (prevClass && prevClass !== f) out.push(`${prevClass}~${f}`);
      for (const m of marks) out.push(`${m}&${f}`);
      prevClass = f;
    }
  }
}

/** Unordered pairs of the (un-negated) classes in each sentence. */
function classPairs(words: readonly string[], out: string[]): void {
  let found = new Set<string>();
  const flush = () => {
    const cls = [...found].sort();
    for (let a = 0; a < cls.length; a++) for (let b = a + 1; b < cls.length; b++) out.push(`p:${cls[a]}+${cls[b]}`);
    found = new Set();
  };
  for (const w of words) {
    if (w === '.') flush();
    else {
      const cls = wordClass(w);
      if (cls) found.add(cls);
    }
  }
  flush();
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Probability per kind for normalised text. */
export function probabilities(model: RiskModel, norm: string): Record<RiskCategory, number> {
  const z = model.kinds.map((k) => model.bias[k]);
  for (const f of new Set(features(norm, model.features))) {
    const w = model.weights[f];
    if (w) for (let i = 0; i < z.length; i++) z[i] += w[i];
  }
  const out = {} as Record<RiskCategory, number>;
  for (const [i, k] of model.kinds.entries()) out[k] = sigmoid(z[i]);
  return out;
}

/** Kinds whose probability reaches their threshold (`scale` multiplies every threshold, for measurements). */
export function classify(model: RiskModel, norm: string): RiskCategory[] {
  const p = probabilities(model, norm);
  return model.kinds.filter((k) => p[k] >= model.thresholds[k]);
}

let loaded: RiskModel | undefined;

/** The shipped model, read once. */
export function shippedModel(): RiskModel {
  if (!loaded) {
    const m = JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')) as RiskModel;
    if (m.version !== 1 || !m.kinds.every((k) => (RISK_CATEGORIES as readonly string[]).includes(k))) {
      throw new Error(`${MODEL_FILE} is not a risk model this code can read`);
    }
    loaded = m;
  }
  return loaded;
}
