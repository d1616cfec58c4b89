import assert from 'node:assert/strict';
import { contextFeatures, noteContext, ownFeatures, tokenize } from '../../services/deidentify/classifier/features';
import { classifierNames, NameScorer, scoredWords, takenWords, useNameModel, type NameModel } from '../../services/deidentify/classifier/model';
import { train, type Example } from '../../services/deidentify/classifier/train';
import type { Entity } from '../../services/deidentify';
import { finalWords, stackCodes } from '../../bench/stackPass';

/**
 * Round 15 (stacking): a second pass reads the first pass's names as found. Made-up weights, so what each pass reads is
 * plain: the first pass knows "nkechi" alone; the second knows it too, and the cue a name beside it gives "okonkwo".
 */
const TEXT = 'texted nkechi okonkwo at the clinic';
const toks = tokenize(TEXT);
const featuresOf = (i: number, marked: Entity[]): number[] => {
  const ctx = noteContext(TEXT, toks, marked);
  ctx.found[i] = 0;
  return [...ownFeatures(toks[i]!.raw, toks[i]!.lower, true), ...contextFeatures(TEXT, toks, i, ctx, 1)];
};
const NKECHI: Entity = { start: 7, end: 13, type: 'NAME' };
const plain = new Set([...featuresOf(2, []), ...featuresOf(2, [NKECHI])]);
const own = featuresOf(1, []).filter((f) => !plain.has(f));
const besideAName = featuresOf(2, [NKECHI]).filter((f) => !featuresOf(2, []).includes(f) && !featuresOf(1, []).includes(f));
const modelOf = (buckets: number[]): NameModel => ({
  version: 1,
  bits: 18,
  threshold: 0.5,
  wordNameMargin: 0,
  featureSet: 7,
  trainedOn: { files: [], sha256: '', epochs: 0, seed: 0, tokens: 0, names: 0 },
  weights: Object.fromEntries(buckets.map((b) => [String(b), 1])),
});
const first = modelOf(own);
const stacked: NameModel = { ...first, second: modelOf([...own, ...besideAName]) };
let model = first;
/** The names both passes take (bench/stackPass.ts), as the service would if it read the second pass. */
const taken = (text: string) => takenWords(text, finalWords(new NameScorer(model), text, [])).map((e) => text.slice(e.start, e.end));

// Round 15.
describe('bench/stackPass.ts: the name classifier, second pass (measured only)', () => {
  afterEach(() => {
    model = first;
    useNameModel(undefined);
  });

  it('hides the other token of a name the first pass took', () => {
    assert.ok(own.length > 0 && besideAName.length > 0, 'the made-up weights read something');
    model = first;
    assert.deepEqual(taken(TEXT), ['nkechi'], 'the first pass alone leaves the surname');
    model = stacked;
    assert.deepEqual(taken(TEXT), ['nkechi', 'okonkwo']);
  });

  it('leaves the same word beside no name, and the words around a name', () => {
    model = stacked;
    const text = 'texted the okonkwo at the clinic';
    assert.deepEqual(taken(text), [], 'no first-pass name beside it');
    assert.deepEqual(taken('texted nkechi at the clinic'), ['nkechi']);
  });

  it('asks a word the first pass took as if visible, as training asks it', () => {
    const scorer = new NameScorer(stacked);
    const words = finalWords(scorer, TEXT, []).map((w) => TEXT.slice(w.start, w.end));
    assert.ok(words.includes('nkechi') && words.includes('okonkwo'), words.join(' '));
  });

  it("gives the second pass the first pass's reading of every word: found, taken, how far below its line, not asked", () => {
    const text = 'texted nkechi okonkwo at 12 Elm Street';
    const covered: Entity[] = [{ start: 25, end: 38, type: 'ADDRESS' }];
    const scored = scoredWords(new NameScorer(first), text, covered);
    const codes = stackCodes(tokenize(text), covered, scored, takenWords(text, scored));
    // texted: not asked; nkechi: taken; okonkwo: asked, scored 0 against 0.5; at: not asked; the address: another identifier.
    assert.deepEqual([...codes], [0, 3, 4, 0, 2, 2, 2]);
    const named = stackCodes(tokenize(text), [{ start: 7, end: 13, type: 'NAME' }], [], []);
    assert.deepEqual([...named], [0, 1, 0, 0, 0, 0, 0], 'a name the rules found; nothing asked');
  });

  it("reads its neighbours' codes as features of its own; a first-pass context (no codes) reads none", () => {
    const plainCtx = contextFeatures(TEXT, toks, 2, noteContext(TEXT, toks, []), 1);
    const beside = contextFeatures(TEXT, toks, 2, noteContext(TEXT, toks, [], Uint8Array.from([0, 3, 4, 0, 0, 0])), 1);
    const alone = contextFeatures(TEXT, toks, 2, noteContext(TEXT, toks, [], Uint8Array.from([0, 6, 4, 0, 0, 0])), 1);
    assert.deepEqual(beside.slice(0, plainCtx.length), plainCtx, 'the first pass features, then the codes');
    assert.ok(beside.length > plainCtx.length);
    assert.notDeepEqual(beside, alone, 'a taken neighbour reads apart from one far below its line');
  });

  it('the service scores the first pass alone: a second pass in a model file is never read', () => {
    useNameModel(stacked);
    assert.deepEqual(classifierNames(TEXT, []).map((e) => TEXT.slice(e.start, e.end)), ['nkechi']);
  });

  it('is the first pass exactly when the model has no second', () => {
    const scorer = new NameScorer(first);
    assert.deepEqual(finalWords(scorer, TEXT, []), scoredWords(scorer, TEXT, []));
  });

  it('is read from a trained model with a second pass as from a hand-made one', () => {
    const ex = (features: number[], label: 1 | -1): Example => ({ features, label });
    const m = train([ex(own, 1), ex(featuresOf(5, []), -1)], 0, { epochs: 2, seed: 1, featureSet: 7 });
    model = { ...m, second: m };
    assert.ok(taken(TEXT).includes('nkechi'));
    assert.ok(!taken(TEXT).includes('clinic'));
  });
});
