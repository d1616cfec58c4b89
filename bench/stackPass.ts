/**
 * Round 15's stacked second pass for the name model (NameModel.second), scored here and nowhere in the service: round 16
 * took it out of the service's scoring path (it read +0.11 point of macro names on held-out writers, `npm run
 * train:deid` does not make it, and no shipped model has one). bench/deidStack.ts trains and measures it; leave one
 * writer out (deidLowo.ts) scores a fold model with a second pass through finalWords().
 */
import { NameScorer, scoredWords, takenWords, type NameModel, type Scored } from '../services/deidentify/classifier/model';
import { tokenize, type Token } from '../services/deidentify/classifier/features';
import type { Entity } from '../services/deidentify';

/** Each second pass's scorer, made once per model. */
const seconds = new WeakMap<NameModel, NameScorer>();
function secondOf(scorer: NameScorer): NameScorer | undefined {
  const m = scorer.model.second;
  if (!m) return undefined;
  let s = seconds.get(m);
  if (!s) {
    s = new NameScorer(m);
    seconds.set(m, s);
  }
  return s;
}

/**
 * The words the final pass decides, with its scores: `scorer`'s (scoredWords()), or with a second pass (round 15),
 * the second's, its note context marking the names the first pass took (takenWords()) as found.
 */
export function finalWords(scorer: NameScorer, text: string, covered: readonly Entity[]): Scored[] {
  const first = scoredWords(scorer, text, covered);
  const second = secondOf(scorer);
  if (!second) return first;
  const taken = takenWords(text, first);
  const marked = [...covered, ...taken].sort((a, b) => a.start - b.start || a.end - b.end);
  return scoredWords(second, text, covered, marked, stackCodes(tokenize(text), covered, first, taken));
}

/**
 * What the first pass made of each token, for the second pass's features (features.ts, `stack`): 1 inside a name the
 * rules found, 2 inside another identifier, 3 a name the first pass took, else how far below its line it scored —
 * 4 within 0.5, 5 within 1.5, 6 further; 0 not asked.
 */
export function stackCodes(toks: readonly Token[], covered: readonly Entity[], first: readonly Scored[], taken: readonly Entity[]): Uint8Array {
  const codes = new Uint8Array(toks.length);
  const byStart = new Map(first.map((w) => [w.start, w]));
  const took = new Set(taken.map((e) => e.start));
  let c = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    while (c < covered.length && covered[c]!.end <= t.start) c++;
    if (c < covered.length && covered[c]!.start < t.end) codes[i] = covered[c]!.type === 'NAME' ? 1 : 2;
    else if (took.has(t.start)) codes[i] = 3;
    else {
      const w = byStart.get(t.start);
      if (w) codes[i] = w.score >= w.need - 0.5 ? 4 : w.score >= w.need - 1.5 ? 5 : 6;
    }
  }
  return codes;
}
