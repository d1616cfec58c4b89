import assert from 'node:assert/strict';
import fs from 'node:fs';
import { classifierNames, MODEL_FILE, scoredWords, NameScorer, useNameModel, type NameModel } from '../../../services/deidentify/classifier/model';
import { deidentify } from '../../../services/deidentify';

describe('deidentify: the name classifier, round 10', () => {
  const shipped = JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')) as NameModel;
  // A model that takes every word it is asked about: what is left visible is what is never asked.
  const greedy: NameModel = { ...shipped, threshold: -1000, kindMargins: shipped.kindMargins?.map(() => 0) };
  afterEach(() => useNameModel(undefined));

  describe('a run of one word is no name', () => {
    const run = (word: string, n: number, sep = ' ') => Array.from({ length: n }, () => word).join(sep);

    it('never asks about a word said three times or more in a row, whatever it scores', () => {
      useNameModel(greedy);
      for (const text of [run('weary', 100), run('weary', 3), run('weary', 4, ', '), `so ${run('Weary', 5, ', ')} end`]) {
        const taken = classifierNames(text, []).map((e) => text.slice(e.start, e.end).toLowerCase());
        assert.ok(!taken.includes('weary'), `${text.slice(0, 40)} -> ${taken.join(',')}`);
      }
    });

    it('still asks about the same word once, or twice (a slip), and about other words beside a run', () => {
      const scorer = new NameScorer(greedy);
      const asked = (text: string) => scoredWords(scorer, text, []).map((s) => text.slice(s.start, s.end));
      assert.deepEqual(asked('texted nkechi nkechi abt rent'), ['nkechi', 'nkechi']);
      assert.ok(asked(`met nkechi then ${run('weary', 3)}`).includes('nkechi'));
      assert.ok(!asked(`met nkechi then ${run('weary', 3)}`).includes('weary'));
    });

    it('the rules leave a run of one word too (a span is no run of one word), and a name said twice is still hidden', () => {
      useNameModel(null);
      for (const text of [run('grace', 3), run('grace', 100), run('hope', 4, ', '), run('rusty', 6)]) assert.equal(deidentify(text).redacted, text);
      assert.equal(deidentify('texted nkechi nkechi abt rent').redacted, 'texted [NAME] abt rent');
    });

    it('a word said a hundred times stays as it was typed with the shipped model (the self-check note of a long answer)', () => {
      useNameModel(undefined);
      for (const word of ['weary', 'tired', 'drained', 'grace']) {
        const text = run(word, 100);
        assert.equal(deidentify(text).redacted, text);
      }
    });
  });
});
