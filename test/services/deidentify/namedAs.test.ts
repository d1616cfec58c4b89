// Round 13 (names by rules, issue 13): a word the note says is a name (namedAs.ts), a possessive typed without its
// apostrophe hidden whole (everywhere() in deidentify.ts), a last initial that tells two people apart (nameNeighbours.ts). Each slot with what it must hide and the words in the same
// slot that must stay; every example is made up for these tests. The rules alone (the name model off).
import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { useNameModel } from '../../../services/deidentify/classifier/model';
import { hidden, stays } from '../../helpers/deidentify';

const redacted = (text: string): string => deidentify(text).redacted;

describe('deidentify: a word the note says is a name, the rules alone', () => {
  before(() => useNameModel(null));
  after(() => useNameModel(undefined));

  describe('"his name is", "her last name is", "the baby\'s name is"', () => {
    it('the word after, whatever word it is, and the name-shaped words after it', () => {
      hidden('new lady at group lol her name is lovely, she brought buns', 'lovely', 'NAME');
      hidden('yes his last name is states. from the valley', 'states', 'NAME');
      hidden('his name is really duke, not a nickname', 'duke', 'NAME');
      hidden('the baby came!! 7lb, the babys name is wren', 'wren', 'NAME');
      hidden("shelter intake says his real name is odhran keogh, needs a letter", 'odhran keogh', 'NAME');
    });
    it('what is said of a name, where it is written, and a pet\'s name stay', () => {
      stays('her name is on the lease now', 'on');
      stays('his last name is long lol, nobody can say it', 'long');
      stays('his name is short for something in samoan', 'short');
      stays('her name is spelled wrong on the card', 'spelled');
      stays('the dog name is biscuit lol', 'biscuit');
    });
  });

  describe('"aka", "goes by", "they call him"', () => {
    it('the name after them', () => {
      hidden('florentyna aka flo, her glasses are at the pharmacy', 'flo', 'NAME');
      hidden('bartholomew goes by tolly at work', 'tolly', 'NAME');
      hidden('in the ring they called him ciclón, now hes 70', 'ciclón', 'NAME');
    });
    it('a time, a manner, an endearment, a kin word or an everyday word after "call her" stay', () => {
      stays('i will call her back tmrw', 'back');
      stays('he called her crying from the bus', 'crying');
      stays('the kids call her nana, she loves it', 'nana');
      stays('the nurse called her lazy, shes so hurt', 'lazy');
      stays('he calls her sweetie, she hates it', 'sweetie');
      stays('the cats name is biscuit', 'biscuit');
    });
  });

  describe('a possessive typed without its apostrophe, a name found once', () => {
    it('hidden whole, as the labelling guide marks it', () => {
      assert.equal(redacted('dropped oksana at home. oksanas son was there'), 'dropped [NAME] at home. [NAME] son was there');
    });
    it('a plural and an apostrophe\'s s stay outside', () => {
      assert.equal(redacted("dropped oksana at home. oksana's son was there"), "dropped [NAME] at home. [NAME]'s son was there");
      stays('the CEOs met the CEO today', 'CEOs');
    });
  });

  describe('a last initial SMS also writes for a word (nameNeighbours.ts)', () => {
    it('telling two people of one name apart, before a joiner, or ending the name', () => {
      hidden('temesgen g + temesgen k both owe her rent', 'temesgen k', 'NAME');
      hidden('marisol k no show, marisol m came tho', 'marisol k', 'NAME');
      hidden('lorena (not lorena d, lorena k) needs a ride', 'lorena k', 'NAME');
      hidden('danced with rosalind b', 'rosalind b', 'NAME');
    });
    it('ok, are, and, with: a letter for a word stays', () => {
      stays('tell marisol k thx', 'k');
      stays('omw see u soon marisol k', 'k');
      stays('marisol r fighting again w her bf', 'r');
      stays('marisol n marisol both came lol', 'n');
      stays('marisol w her kids at the park', 'w');
    });
  });
});
