// Round 14 (person slots, issue 13): a word the name rules hide only by default — no English word, in no name list, no
// person's slot around it (Philter's turn; byDefault.ts) — is judged by the name model after the rules
// (classifier/model.ts judgedDefaults): a word the model scores far below its line is left. Shipped off (the model file
// sets no line, DEFAULT_LEAVE is Infinity): these tests set a line on a copy of the shipped model. Each has the word left
// and the names in the same slot that must still go; every example is made up for these tests.
import assert from 'node:assert/strict';
import { messyNames } from '../../../services/deidentify/messy';
import { names } from '../../../services/deidentify/names';
import { defaultKind } from '../../../services/deidentify/byDefault';
import { DEFAULT_LEAVE, defaultLeaveOf, defaultScores, NameScorer, shippedModel, useNameModel, type NameModel } from '../../../services/deidentify/classifier/model';
import { hidden, stays } from '../../helpers/deidentify';

/** The words of `text` a detector hid by default, with their kind (1 no name list, 2 a surname list only). */
const marked = (spans: ReturnType<typeof messyNames>, text: string): string[] => spans.filter((e) => defaultKind(e)).map((e) => `${text.slice(e.start, e.end)}:${defaultKind(e)}`);

describe('deidentify: words the name rules hide only by default, judged by the name model (round 14)', () => {
  describe('which words are hidden only by default', () => {
    it('a word in no list and no English word, in no slot (lower case by messyNames, a capital by names.ts)', () => {
      const t = 'we played zorvinka after lunch';
      assert.deepEqual(marked(messyNames(t), t), ['zorvinka:1']);
      const c = 'We played Zorvinka after lunch';
      assert.deepEqual(marked(names(c), c), ['Zorvinka:1']);
    });
    it('not a word a person\'s slot holds, a given name, a possessive of one, or a capital after a cue', () => {
      for (const t of ['met zorvinka at the dropin', 'zorvinka said she is ok', 'her sister zorvinka is back', 'brought marcus a coffee', 'at tyrones place']) {
        assert.deepEqual(marked(messyNames(t), t), [], t);
      }
      const c = 'Met with Zorvinka today';
      assert.deepEqual(marked(names(c), c), []);
    });
  });

  describe('the judge, at lines that leave every word judged or none', () => {
    const judgeAll: NameModel = { ...shippedModel(), defaultLeave: -1e9 };
    const judgeNone: NameModel = { ...shippedModel(), defaultLeave: 1e9 };
    afterEach(() => useNameModel(undefined));

    it('leaves a word hidden only by default where the model is below its line, and takes it where the model reads a name', () => {
      useNameModel(judgeAll);
      stays('made zorvinka soup at the hall', 'zorvinka');
      // Left by the judge, then asked as any visible word: the model's own line takes it ("played X": someone).
      hidden('we played zorvinka after lunch', 'zorvinka', 'NAME');
    });
    it('never leaves a name with its evidence: a cue, a person\'s verb, a relation, a second mention, a given name', () => {
      useNameModel(judgeAll);
      hidden('met zorvinka at the dropin', 'zorvinka', 'NAME');
      hidden('zorvinka said she is ok', 'zorvinka', 'NAME');
      hidden('her sister zorvinka is back', 'zorvinka', 'NAME');
      hidden('we played with zorvinka, zorvinka won lol', 'zorvinka', 'NAME');
      hidden('gave the bus tix to tyrone today', 'tyrone', 'NAME');
    });
    it('hides the word when no word is ever left (the rules as they were)', () => {
      useNameModel(judgeNone);
      hidden('made zorvinka soup at the hall', 'zorvinka', 'NAME');
    });
    it('a word the model would not ask is not judged', () => {
      const scorer = new NameScorer(judgeAll);
      const t = 'we played zorvinka after lunch';
      const spans = messyNames(t);
      assert.equal(defaultScores(scorer, t, spans).length, 1);
      assert.equal(defaultScores(scorer, t, []).length, 0);
    });
  });

  describe('as shipped: off (no line paid on writers the model never saw)', () => {
    it('hides every word the rules hid by default, as before round 14', () => {
      if (process.env.DEID_DEFAULT_LEAVE === undefined) assert.equal(DEFAULT_LEAVE, Infinity);
      assert.equal(defaultLeaveOf(shippedModel()), DEFAULT_LEAVE);
      // Left with any line at all (the judge-all model above); hidden as shipped.
      hidden('made zorvinka soup at the hall', 'zorvinka', 'NAME');
    });
  });
});
