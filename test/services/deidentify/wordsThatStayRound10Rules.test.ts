// Round 10 of the over-redaction work (issue 13): rules after the model that give back words by their place (a modal
// "will" after a name; an everyday word after a determiner even when a name list holds it). Each keeps its words and
// still hides the same word as a person in a person slot. Every example is made up (none is a note of a bench set).
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: round 10 rules after the model (wordsInPlace.ts)', () => {
  it('takes a modal "will" off the name before any verb, and leaves "will" a name before a past form', () => {
    for (const [text, name] of [
      ['tamika will cover my clients tonight', 'tamika'],
      ['Kofi will accompany him to the clinic', 'Kofi'],
    ] as const) {
      stays(text, 'will');
      hidden(text, name, 'NAME');
    }
    hidden('dre says big will got jumped downtown', 'big will', 'NAME');
  });

  it('gives back an everyday word after "a", "his", "my" even when a name list holds it, and keeps names there hidden', () => {
    for (const [text, word] of [
      ['his car got towed from the lot again', 'car'],
      ['she opened a case with the landlord board', 'case'],
    ] as const) stays(text, word);
    hidden('texted my jordan about the rent', 'jordan', 'NAME');
    hidden('gave her deshawn the number', 'deshawn', 'NAME');
  });
});
