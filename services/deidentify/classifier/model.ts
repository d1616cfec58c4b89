/**
 * The name classifier (issue 13): an averaged perceptron over the features of ./features, trained on the labelled
 * development notes by `npm run train:deid` (bench/trainDeid.ts) and shipped as name-model.json beside this file;
 * nothing is fetched at run time. deidentify() asks it about the words the rules left visible: a word it scores at or
 * above the model's threshold is a name.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '../types';
import { SAFE } from '../messy';
import { BITS, contextFeatures, ownFeatures, tokenize, type Token } from './features';

export interface NameModel {
  version: 1;
  bits: number;
  /** A word scoring at or above it is a name. */
  threshold: number;
  /** How it was made (files, epochs, seed), for the reader. */
  trainedOn: { files: string[]; epochs: number; seed: number; tokens: number; names: number };
  /** Non-zero averaged weights by bucket. */
  weights: Record<string, number>;
}

export const MODEL_FILE = path.join(__dirname, 'name-model.json');

/** A model ready to score: its weights in a flat array, and each typed form's own score cached. */
export class NameScorer {
  private readonly w: Float32Array;
  private readonly own = new Map<string, number>();

  constructor(readonly model: NameModel) {
    if (model.version !== 1 || model.bits !== BITS) throw new Error('deidentify: name-model.json is not a model this code can read');
    this.w = new Float32Array(1 << BITS);
    for (const [k, v] of Object.entries(model.weights)) this.w[Number(k)] = v;
  }

  private sum(features: number[]): number {
    let s = 0;
    for (const f of features) s += this.w[f]!;
    return s;
  }

  /** The score of the word at `i` (higher: more likely a name). */
  score(toks: readonly Token[], i: number): number {
    const t = toks[i]!;
    let own = this.own.get(t.raw);
    if (own === undefined) {
      if (this.own.size >= 50_000) this.own.clear();
      own = this.sum(ownFeatures(t.raw, t.lower));
      this.own.set(t.raw, own);
    }
    return own + this.sum(contextFeatures(toks, i));
  }
}

/** The words the classifier is asked about: words of two letters or more that are no function word. */
export function candidate(t: Token): boolean {
  return t.word && t.lower.length >= 2 && !SAFE.has(t.lower);
}

let active: NameScorer | null | undefined;

/** The scorer deidentify() uses: the shipped model unless useNameModel() set another (or none). */
export function activeScorer(): NameScorer | null {
  if (active === undefined) active = fs.existsSync(MODEL_FILE) ? new NameScorer(JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')) as NameModel) : null;
  return active;
}

/** For training and the benchmark: score with `model`, or turn the classifier off (null), or back to the shipped one (undefined). */
export function useNameModel(model: NameModel | null | undefined): void {
  active = model ? new NameScorer(model) : model;
}

/** Names among the words no span in `covered` (sorted by start) holds: the classifier's second look after the rules. */
export function classifierNames(text: string, covered: readonly Entity[]): Entity[] {
  const scorer = activeScorer();
  if (!scorer) return [];
  const toks = tokenize(text);
  const out: Entity[] = [];
  let c = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    while (c < covered.length && covered[c]!.end <= t.start) c++;
    if ((c < covered.length && covered[c]!.start < t.end) || !candidate(t)) continue;
    if (scorer.score(toks, i) >= scorer.model.threshold) {
      // "Sam's brother": the possessive stays outside the placeholder, as everywhere() leaves it.
      const end = /['’]s$/.test(t.raw) ? t.end - 2 : t.end;
      out.push({ start: t.start, end, type: 'NAME' });
    }
  }
  return out;
}
