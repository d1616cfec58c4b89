import assert from 'node:assert/strict';
import { coveredIn, FEATURES, featureSetOf, prepare, trainingWords, writerNumbers, type Note, type RulesRun } from '../../bench/deidLowo';
import { variantOptions } from '../../bench/deidNameGeneral';
import { DEFAULT_TRAIN, noteExamples } from '../../services/deidentify/classifier/train';

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

// Round 23 (name model): each training word knows its writer (TrainOptions.minWriters counts them), and the variants
// bench/deidNameGeneral.ts reads are training options over the shipped recipe's.
describe('bench/deidLowo.ts prepare() and bench/deidNameGeneral.ts variants', () => {
  it('marks each note\'s training words with its writer, one index a writer', () => {
    const note = (id: string, writer: string, text: string): Note => ({ id, text, spans: [], writer, source: 'test' });
    const notes = [note('a1', 'wa', 'texted oksana abt rent'), note('b1', 'wb', 'met deshawn at the dropin'), note('a2', 'wa', 'called ximena today')];
    const runs = new Map<Note, RulesRun>(notes.map((n) => [n, { entities: [], calls: [{ text: n.text, covered: [] }] }]));
    const { exampleOf } = prepare(notes, { features: 12, data: 'all', train: DEFAULT_TRAIN, thresholds: [0], margins: [0] }, runs);
    const writerOf = (n: Note) => [...new Set(exampleOf.get(n)!.map((e) => e.writer))];
    assert.deepEqual(notes.map(writerOf), [[0], [1], [0]]);
    assert.deepEqual(exampleOf.get(notes[1]!)!.map(({ writer: _w, ...e }) => e), trainingWords(notes[1]!, runs.get(notes[1]!)!, new Map(), 12));
  });

  it('marks them in trainingWords itself, so the shipped model (trainDeid.ts trainShipped) marks them as the folds do', () => {
    const number = writerNumbers();
    assert.deepEqual(['wb', 'wa', 'wb', 'wc'].map(number), [0, 1, 0, 2]);
    const n: Note = { id: 'a1', text: 'texted oksana abt rent', spans: [], writer: 'wa', source: 'test' };
    const run: RulesRun = { entities: [], calls: [{ text: n.text, covered: [] }] };
    const words = trainingWords(n, run, new Map(), 12, 3);
    assert.ok(words.length > 0 && words.every((e) => e.writer === 3));
    assert.deepEqual(words.map(({ writer: _w, ...e }) => e), trainingWords(n, run, new Map(), 12));
    assert.ok(trainingWords(n, run, new Map(), 12).every((e) => e.writer === undefined));
  });

  it('reads a variant\'s name as its training options', () => {
    const base = { ...DEFAULT_TRAIN, learner: 'logistic' as const };
    assert.equal(variantOptions('plain', base), base);
    assert.deepEqual(variantOptions('drop0.5', base), { ...base, dropForm: 0.5 });
    assert.deepEqual(variantOptions('writers3', base), { ...base, minWriters: 3 });
    assert.deepEqual(variantOptions('l2=0.001', base), { ...base, l2: 0.001 });
    assert.deepEqual(variantOptions('epochs=4', base), { ...base, epochs: 4 });
    assert.throws(() => variantOptions('dropout', base), /no variant/);
  });
});
