// Verbs that take a person, then a thing (round 25, issue 13; services/deidentify/giving.ts): the word after such a verb
// is a person when a thing follows it, and the verb is never a word of the name. Each slot with the same verbs and no
// person after them, which must stay. Every example is made up for these tests. Shipped models.
import assert from 'node:assert/strict';
import { givenThing, givesTo, givingVerb, thingAfter } from '../../../services/deidentify/giving';
import { hidden, kept, stays } from '../../helpers/deidentify';

/** `name` is hidden and `verb`, the word before it, stays whole outside every placeholder. */
function givenTo(text: string, verb: string, name: string): void {
  hidden(text, name, 'NAME');
  stays(text, verb);
}

describe('deidentify: a person given a thing', () => {
  it('hides the person and never the verb before them', () => {
    givenTo('grabbed priyanka some food after group', 'grabbed', 'priyanka');
    givenTo('bought deshawn lunch at the corner', 'bought', 'deshawn');
    givenTo('Grabbed Priyanka some food after group', 'Grabbed', 'Priyanka');
    givenTo('gave priyanka a ride', 'gave', 'priyanka');
    givenTo('showed deshawn the form', 'showed', 'deshawn');
    givenTo('found maria a bed', 'found', 'maria');
  });

  it('a name that is also a word, when a thing follows it', () => {
    givenTo('grabbed maria a coffee and we talked', 'grabbed', 'maria');
    givenTo('got jo a coffee, she is tired', 'got', 'jo');
    givenTo('made joy a plan for the week', 'made', 'joy');
    givenTo('told hope the news', 'told', 'hope');
    givenTo('got chance a bus pass, he was so happy', 'got', 'chance');
    // A keep-list given name and a misspelt name in the same slot.
    givenTo('got crystal a coffee after group', 'got', 'crystal');
    givenTo('got awet a bday cake at the store', 'got', 'awet');
  });

  it('keeps the same verbs with no person after them', () => {
    kept('got a coffee');
    kept('grabbed some food after group');
    kept('made a plan for the week');
    kept('bought lunch at the corner');
    kept('made sense');
  });

  it('keeps a word-name that says when, how much or what kind, not who', () => {
    kept('got hope a lot this week');
    kept('found hope the other day');
    kept('dont know where to get winter clothes');
    kept('she gave free lunch to the group');
    kept('got rose water for her skin');
  });

  it('keeps a word-name made or found to be something, not given it', () => {
    kept('made faith a priority');
    kept('made art a big part of her life');
    kept('she made peace a habit again');
    givenTo('made grace a plate', 'made', 'grace');
  });
});

describe('giving: the slot', () => {
  it('reads the verbs in every form, and only past and other forms as never a name', () => {
    for (const v of ['gave', 'grabbed', 'got', 'bought', 'made', 'handed', 'poured', 'promised']) assert.ok(givingVerb(v) && givesTo(v), v);
    for (const v of ['give', 'grab', 'cook', 'hand']) assert.ok(givesTo(v) && !givingVerb(v), v);
    for (const v of ['met', 'the', 'said']) assert.ok(!givesTo(v), v);
  });

  it('a thing is an article, determiner, possessive or amount before what is given', () => {
    const follows = (rest: string): boolean => thingAfter(`x${rest}`, 1);
    for (const rest of [' a coffee', ' some food', ' his meds', ' the form', ' 20 bucks', ' $5']) assert.ok(follows(rest), rest);
    for (const rest of [' lunch', ' a lot', ' the other day', ' 4 the meeting', ' 2day', ' a', '']) assert.ok(!follows(rest), rest);
    assert.ok(givenThing('grabbed', 'grabbed maria a coffee', 'grabbed maria'.length));
    assert.ok(!givenThing('met', 'met maria a coffee', 'met maria'.length));
  });
});
