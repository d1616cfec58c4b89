// Round 13 (name model, issue 13): featureSet 8's words asked (model.ts moreAsk(), kinds 14–17), each with everyday
// words in the same slot that are not asked. Examples are made up for these tests (no dev note).
import assert from 'node:assert/strict';
import { asked } from '../../../services/deidentify/classifier/model';
import { noteContext, tokenize } from '../../../services/deidentify/classifier/features';

describe('deidentify: the name classifier, round 13 (featureSet 8: words still never asked)', () => {
  /** Why `word` in `text` is asked, with the words in `found` hidden by the rules, by a featureSet-8 model (`named` 8), a featureSet-7 one (true). */
  const ask = (text: string, word: string, found: string[] = [], named: boolean | 8 = 8): number => {
    const toks = tokenize(text);
    const spans = toks.filter((t) => found.includes(t.raw)).map((t) => ({ start: t.start, end: t.end, type: 'NAME' }));
    return asked(text, toks, toks.findIndex((t) => t.raw === word), noteContext(text, toks, spans), true, true, true, named);
  };

  it('asks a name-list word a relation list or the keep-list holds beside a found name (14), not inside a sentence away from one', () => {
    assert.equal(ask('nana rose came by', 'nana', ['rose']), 14);
    assert.equal(ask('buddy ray said hi', 'buddy', ['ray']), 14);
    assert.equal(ask('talked to li jun about rent', 'jun', ['li']), 14);
    // After "her" the word before a name is a relation: not first in a clause, not asked.
    assert.equal(ask('her mom jane called', 'mom', ['jane']), 0);
    assert.equal(ask('talked to jun about rent', 'jun'), 0);
  });

  it('asks the same word first in a sentence before a person\'s verb (15), not a relation the risk screen reads', () => {
    assert.equal(ask('nana is in hospital again', 'nana'), 15);
    assert.equal(ask('mom is in hospital again', 'mom'), 0);
    assert.equal(ask('so nana is in hospital', 'nana'), 0);
  });

  it('asks a name typed as a possessive without its apostrophe before a relation or a thing someone has (16), not a plain plural', () => {
    assert.equal(ask('tinas daughter called about rent', 'tinas'), 16);
    assert.equal(ask('tonys mom called', 'tonys'), 16);
    assert.equal(ask('moms place is full', 'moms'), 0);
    assert.equal(ask('birds nest by the door', 'birds'), 0);
    assert.equal(ask('we saw tinas at the bus stop', 'tinas'), 0);
  });

  it('asks a word of no name list first in a note before a person\'s verb (17), not one of the commonest spoken words', () => {
    assert.equal(ask('spider got out yesterday', 'spider'), 17);
    assert.equal(ask('sassy is back at the shelter', 'sassy'), 17);
    assert.equal(ask('rent is due friday', 'rent'), 0);
    assert.equal(ask('food was good', 'food'), 0);
    assert.equal(ask('so spider got out', 'spider'), 0);
  });

  it('asks nothing new of a featureSet-7 model: the shipped kinds are unchanged', () => {
    assert.equal(ask('nana rose came by', 'nana', ['rose'], true), 0);
    assert.equal(ask('tinas daughter called about rent', 'tinas', [], true), 0);
    assert.equal(ask('spider got out yesterday', 'spider', [], true), 0);
    assert.equal(ask('crystal is back with jared again', 'crystal', [], 8), ask('crystal is back with jared again', 'crystal', [], true));
  });
});
