// Round 17 (places, issue 13): a street with no number whose direction is written with its period, which the
// bare-street rule (messyPatterns.ts namedStreets) read as no direction. Every example is made up (none is a note of a
// bench set).
import { hidden, kept, stays } from '../../helpers/deidentify';

describe('deidentify: round 17 places', () => {
  it('reads a direction with its period before a street\'s name and type: "on E. Monument Street"', () => {
    for (const [text, street] of [
      ['They moved to a flat on W. Harcourt Street last week.', 'W. Harcourt Street'],
      ['She is staying with her aunt on N. Bellamy Ave now', 'N. Bellamy Ave'],
    ] as const) {
      hidden(text, street, 'ADDRESS');
      stays(text, text.includes('last week') ? 'last week' : 'now');
    }
  });

  it('leaves roads named in passing: no direction, no name before the type', () => {
    for (const text of ['we drove on the back road to the lake', 'he was on the main hwy all night', 'walked down the street to the bus']) kept(text);
  });
});
