// Round 26 (issue 13, over-redaction): everyday words taken into a name — a thing a person has after a name's
// possessive or before a role or a label ("liban's case", "hodan case mgr"), "big"/"little" after a determiner ("gave
// her a big hug"), a body of people, an -ing form or an adverb opening a clause before a person's verb ("office says",
// "meeting moved", "never came back"), digits SMS writes for their sound ("thx every1") and SMS words ("dbl chk",
// "called bk"). Each rule is tested both ways: the names beside the words stay hidden. Every example is made up.
import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { keepList } from '../../../services/deidentify/keepList';
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: everyday words taken into a name (round 26)', () => {
  it('a thing after a name\'s possessive is theirs, not a surname: the name hidden, the thing kept', () => {
    for (const [text, name, word] of [
      ["abdi knows liban's case, the hearing is next week", 'liban', 'case'],
      ["Jermaine's case worker wants a letter", 'Jermaine', 'case'],
      ["dante's car was at the impound lot", 'dante', 'car'],
    ] as const) {
      hidden(text, name, 'NAME');
      stays(text, word);
    }
  });

  it('a word before a role or a label makes one noun with it ("case mgr", "car plate", "case #"); a name beside it is still hidden', () => {
    hidden('talked to hodan case mgr about the rent', 'hodan', 'NAME');
    stays('talked to hodan case mgr about the rent', 'case');
    hidden('habtom car plate expired', 'habtom', 'NAME');
    stays('habtom car plate expired', 'car');
    hidden('jessenia case # is pending', 'jessenia', 'NAME');
    stays('jessenia case # is pending', 'case');
    // No name, nothing hidden.
    assert.equal(deidentify('case mgr called about the file').redacted, 'case mgr called about the file');
    // A given name that is a word, beside a name with nothing after it, is still part of it ("luz maria").
    hidden('talked to maria luz about the rent', 'maria luz', 'NAME');
  });

  it('"big"/"little" after a determiner or a possessive describes a thing; a nickname with none is still hidden', () => {
    assert.equal(deidentify('gave her a big hug before leaving').redacted, 'gave her a big hug before leaving');
    stays('she speaks a little dari', 'dari');
    stays('his little bro came w me', 'bro');
    hidden('big mike was at the dropin', 'big mike', 'NAME');
    hidden('lil mike says big mike owes him', 'lil mike', 'NAME');
    hidden('big al and lil mo were outside', 'lil mo', 'NAME');
    // "that" before it is the conjunction, a cue: "reported that Big Mike has been waiting".
    hidden('Several women reported that Big Mike has been waiting outside', 'Big Mike', 'NAME');
    // The name after "his little bro" is still hidden.
    hidden('raven at the rink w her little bro blaze', 'blaze', 'NAME');
  });

  it('a body of people, an -ing form or an adverb opening a clause before a person\'s verb is the word, not a surname', () => {
    stays('Office says new masks arrive Friday', 'Office');
    stays('meeting moved to 2, same room', 'meeting');
    stays('he went back home and never came back', 'never');
    // A surname-list word there is still the person ("king said"), and a name after "office" still hidden.
    hidden('king said he would call', 'king', 'NAME');
    hidden('office said jatinder can start next week', 'jatinder', 'NAME');
    hidden('Baby called to say her mom had a good night', 'Baby', 'NAME');
    // A verb's own form that is a given name stays a name there ("hung relapsed": Hung).
    hidden('hung relapsed on fentanyl after his ba died', 'hung', 'NAME');
    hidden('Hung needs an interpreter for the housing call', 'Hung', 'NAME');
  });

  it('digits written for their sound are SMS, not a name in disguise; digits drawn as letters still are', () => {
    for (const text of ['thx every1 for the dinner', 'thx some1 for the dinner', 'thx any1 who helped']) assert.equal(deidentify(text).redacted, text);
    hidden('met J0hn at the camp', 'J0hn', 'NAME');
    hidden('texted m4rcy about it', 'm4rcy', 'NAME');
  });

  it('SMS words of the keep-list stay, and the names beside them are hidden', () => {
    for (const w of ['every1', 'no1', 'bk', 'dbl', 'midnite']) assert.ok(keepList().words.has(w), w);
    assert.equal(deidentify('dbl chk the meds w pharmacy').redacted, 'dbl chk the meds w pharmacy');
    assert.equal(deidentify('called bk at 3 no answer').redacted, 'called bk at 3 no answer');
    stays('stuck at the plant til midnite again', 'midnite');
    hidden('called bk kaya at 3', 'kaya', 'NAME');
  });
});
