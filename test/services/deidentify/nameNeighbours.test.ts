// Round 21 (issue 13): one word in a list between names found, and a last initial after a full name before "came" or
// "went" (nameNeighbours.ts). Each rule with the same slot holding words that must stay; every example is made up for
// these tests. Shipped models.
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: a word beside names found (nameNeighbours.ts)', () => {
  describe('a word in a list between names found', () => {
    it('hides one word between two names joined by commas or a joiner', () => {
      hidden('saw Tanya Reed, crystal, Jolene Baptiste at group', 'crystal');
      hidden('her kids Marcus Reed, hope and Jayden Reed are with her', 'hope');
      hidden('Precious Obi, happy and Ama Nti came to group', 'happy');
    });
    it('hides the first word of a list of names closed by a joiner', () => {
      hidden('may, Marcus Reed and Jayden Reed came', 'may');
    });
    it('keeps a function, kin or role word between names', () => {
      stays('Tanya Reed, me and Jolene Baptiste went', 'me');
      stays('Tanya Reed, mom and Jolene Baptiste went', 'mom');
      stays('Tanya Reed and then Jolene Baptiste came', 'then');
    });
  });

  it('hides a last initial after a full name before "came" or "went"', () => {
    hidden('Darnell Reyes r came by', 'Reyes r');
  });
});
