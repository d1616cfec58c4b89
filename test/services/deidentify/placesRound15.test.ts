// Round 15 (places and facilities, issue 13): spans hidden as a facility that hold no facility. The rule keeps its
// words and still hides the facility in the same slot. Every example is made up (none is a note of a bench set).
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: round 15 places and facilities', () => {
  it('leaves "the" as phones type it ("da", "tha") out of a place: a kind alone stays, a named place is hidden without it', () => {
    for (const [text, kind] of [
      ['took koa to da clinic n waited 3 hrs', 'clinic'],
      ['she at da shelter again lol', 'shelter'],
    ] as const) {
      stays(text, 'da');
      stays(text, kind);
    }
    for (const [text, place] of [
      ['he at da sunrise lodge now', 'sunrise lodge'],
      ['took her to da mercy er', 'mercy'],
    ] as const) {
      stays(text, 'da');
      hidden(text, place, 'FACILITY');
    }
  });
});
