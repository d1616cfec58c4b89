// Round 16 (words that stay, issue 13): words hidden that are no identifier. Each rule keeps its words and still hides
// the identifier in the same slot. Every example is made up (none is a note of a bench set).
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: round 16 words that stay', () => {
  it('ends a French place name before a role, an SMS word or an English verb in the past: the kind said as a noun stays whole', () => {
    for (const [text, word] of [
      ['the CLSC nurse comes on monday to do his dressing', 'nurse'],
      ['the clsc worker called back about the forms', 'worker'],
      ['the chsld nurse said she ate well', 'nurse'],
      ['she said the clsc finished her intake', 'finished'],
      ['the clsc lol, they lost the file again', 'lol'],
    ] as const) stays(text, word);
    for (const [text, place] of [
      ['the CLSC Verdun nurse comes on monday', 'Verdun'],
      ['she moved to the chsld sainte-dorothée last week', 'sainte-dorothée'],
      ["the hôpital notre-dame nurse called about his discharge", 'notre-dame'],
      ['the clsc hochelaga worker called back', 'hochelaga'],
    ] as const) hidden(text, place, 'FACILITY');
  });
});
