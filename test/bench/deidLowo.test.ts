import assert from 'node:assert/strict';
import { coveredIn, FEATURES, featureSetOf, trainingWords, type Note, type RulesRun } from '../../bench/deidLowo';
import { noteExamples } from '../../services/deidentify/classifier/train';

// Round 23 (tidy): the folds of leave one writer out and the shipped name model (bench/trainDeid.ts trainShipped) make
// their training words and their model's featureSet in one place each.
describe('bench/deidLowo.ts: one home for what a recipe\'s --features means', () => {
  it('gives each --features its model file\'s featureSet, round 5\'s none', () => {
    assert.deepEqual(FEATURES, [5, 7, 8, 9, 10, 12, 14]);
    assert.deepEqual(FEATURES.map(featureSetOf), [undefined, 2, 3, 4, 5, 7, 9]);
  });

  it('makes a note\'s training words beside the rules\' spans of its own text, and none for round 5\'s features', () => {
    const n: Note = { id: 'n1', text: 'texted nkechi abt the rent, her sister joy came', spans: [{ start: 7, end: 13, type: 'PERSON' }], writer: 'w', source: 'test' };
    const covered = [{ start: 42, end: 45, type: 'NAME' as const }];
    const run: RulesRun = { entities: covered, calls: [{ text: 'another text', covered: [] }, { text: n.text, covered }] };
    assert.deepEqual(coveredIn(n, run), covered);
    assert.deepEqual(coveredIn(n, { entities: [], calls: [] }), []);
    assert.deepEqual(trainingWords(n, run, new Map(), 12), noteExamples(n, covered, new Map(), true, true, true, true, undefined, false));
    assert.deepEqual(trainingWords(n, run, new Map(), 14), noteExamples(n, covered, new Map(), true, true, true, true, undefined, true));
    assert.deepEqual(trainingWords(n, run, new Map(), 5), noteExamples(n, undefined, new Map()));
    assert.notDeepEqual(trainingWords(n, run, new Map(), 7), trainingWords(n, run, new Map(), 5));
  });
});
