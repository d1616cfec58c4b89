import assert from 'node:assert/strict';
import { asked } from '../../../services/deidentify/classifier/model';
import { noteContext, tokenize } from '../../../services/deidentify/classifier/features';

describe('deidentify: the name classifier, round 12 (featureSet 7: words asked where the names left visible stand)', () => {
  /**
   * Why `word` in `text` is asked, with the words in `found` hidden by the rules as names, by a featureSet-7 model
   * (`named`) or by the shipped kinds alone.
   */
  const ask = (text: string, word: string, found: string[] = [], named = true): number => {
    const toks = tokenize(text);
    const spans = toks.filter((t) => found.includes(t.raw)).map((t) => ({ start: t.start, end: t.end, type: 'NAME' }));
    const i = toks.findIndex((t) => t.raw === word);
    return asked(text, toks, i, noteContext(text, toks, spans), true, true, true, named);
  };

  it('asks a word first in a sentence or list right before a name the rules found (10), and no function word or verb of contact there', () => {
    assert.equal(ask('tina klassen off sick today', 'tina', ['klassen']), 10);
    assert.equal(ask('ok. tika ram finally talked in group', 'tika', ['ram']), 10);
    assert.equal(ask('darcy and june sidney playing crib', 'june', ['darcy', 'sidney']), 10);
    // A word the risk screen reads is asked here too (a name's first word is a person's slot), and not elsewhere.
    assert.equal(ask('ok. iron cloud said her grandson needs a ride', 'iron', ['cloud']), 10);
    assert.equal(ask('ok. iron cloud said her grandson needs a ride', 'iron'), 0);
    // Everyday words in that slot: function words, relations and verbs that take a person are never asked.
    assert.equal(ask('Today Marcus came in', 'Today', ['Marcus']), 0);
    assert.equal(ask('met marcus at the shelter', 'met', ['marcus']), 0);
    assert.equal(ask('sister marcy called', 'sister', ['marcy']), 0);
    assert.equal(ask('lol jared said no', 'lol', ['jared']), 0);
    // Inside a sentence it is a verb's object or the like, not the start of a name: not asked.
    assert.equal(ask('we drove tina klassen home', 'drove', ['klassen']), 0);
  });

  it('asks a name-list word first in a sentence before a subject or person verb (11), and not a plain word or a word inside a sentence', () => {
    assert.equal(ask('crystal is back with jared again', 'crystal'), 11);
    assert.equal(ask('ok. tina said her cheque came', 'tina'), 11);
    assert.equal(ask('june from the band office called', 'june'), 11);
    assert.equal(ask('june at the pharmacy, she needs her meds early', 'june'), 11);
    assert.equal(ask('group at 3 today', 'group'), 0);
    // Everyday subjects in the same slot hold no name list: "rent", "food", "group" are not asked.
    assert.equal(ask('rent is due friday', 'rent'), 0);
    assert.equal(ask('food was good, group went well', 'food'), 0);
    assert.equal(ask('food was good, group went well', 'group'), 0);
    // The same word inside a sentence ("so crystal was found") or before no verb ("may need a ride") is not asked.
    assert.equal(ask('so crystal was found in his bag', 'crystal'), 0);
    assert.equal(ask('may need a ride', 'may'), 0);
  });

  it('asks a name-list word joined to a name by n / & / and / + / a comma (12), and not one joined to a plain word', () => {
    assert.equal(ask('saw reign n chance today', 'chance'), 12);
    assert.equal(ask('went w tash, june to the store', 'june', ['tash']), 12);
    assert.equal(ask('mo + dilmaya walked to the temple', 'mo', ['dilmaya']), 12);
    // Joined to an everyday word no name list holds: "chance and luck", "chance n eggs".
    assert.equal(ask('it was chance and luck', 'chance'), 0);
    assert.equal(ask('chance n eggs', 'chance'), 0);
  });

  it('asks a name-list word first in a sentence or note with no cue (13), and not one of the commonest spoken words', () => {
    assert.equal(ask('ok. tina want to switch to friday', 'tina'), 13);
    assert.equal(ask('crystal clean 100 days', 'crystal'), 13);
    // "may need a ride", "will do": among the 500 commonest spoken words, no cue: not asked (as for kind 6).
    assert.equal(ask('may need a ride tmrw', 'may'), 0);
    assert.equal(ask('may have to reschedule', 'may'), 0);
    // Inside a sentence, or a plain word: not asked.
    assert.equal(ask('so crystal clean 100 days', 'crystal'), 0);
    assert.equal(ask('rent went up again', 'rent'), 0);
  });

  it('asks nothing new of an older model: the shipped kinds are unchanged', () => {
    assert.equal(ask('tina klassen off sick today', 'tina', ['klassen'], false), 0);
    assert.equal(ask('crystal is back with jared again', 'crystal', [], false), 0);
    assert.equal(ask('reign n chance at the skate park', 'chance', [], false), 0);
    // A word asked before is asked as before.
    assert.equal(ask('reign n chance at the skate park', 'reign', [], true), ask('reign n chance at the skate park', 'reign', [], false));
  });
});
