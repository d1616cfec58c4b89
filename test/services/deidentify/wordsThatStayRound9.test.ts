// Round 9 of the over-redaction work (issue 13): the kinds of words writers new to the team saw hidden, fixed as kinds.
// Each kind keeps its words and still hides a person of the same or a look-alike name in a person slot. Every example
// is made up for these tests (none is a note of a bench set).
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: towns said as places, round 9 slots (towns.ts)', () => {
  it('keeps a town after a word of direction between the verb and "to"/"from"', () => {
    for (const [text, place] of [
      ['we are driving up to edson after lunch', 'edson'],
      ['her sister is flying in from lagos tonight', 'lagos'],
      ['he drove down from yakima for the funeral', 'yakima'],
      ['drivin to whitecourt tmrw for his appt', 'whitecourt'],
      ['omw to hinton, back by 6', 'hinton'],
    ] as const) stays(text, place);
  });

  it('keeps a town after a person said by where they are from', () => {
    for (const [text, place] of [
      ['a girl from whitecourt asked about the group', 'whitecourt'],
      ['his cousins from lagos are staying over', 'lagos'],
      ['Sione from Tonga came to the meeting', 'Tonga'],
    ] as const) stays(text, place);
  });

  it('keeps a town a given-name list holds only after a word of moving', () => {
    for (const [text, place] of [
      ['she moved to regina in the spring', 'regina'],
      ['his flight to Dallas got cancelled', 'Dallas'],
      ['he grew up in kingston, misses it', 'kingston'],
    ] as const) stays(text, place);
  });

  it('hides the same words where they are a person', () => {
    hidden('gave a ride to regina after group', 'regina', 'NAME');
    hidden('a text from dallas this morning', 'dallas', 'NAME');
    hidden('talked to kingston about his rent', 'kingston', 'NAME');
    hidden('she is hiding from jordan again', 'jordan', 'NAME');
    hidden('Sione from Kevin\'s crew came by', 'Sione', 'NAME');
  });

  it('leaves "home from" and "back from" a town to the other detectors (a hospital or a jail)', () => {
    hidden('he is home from whitecourt, weak but eating', 'whitecourt');
    hidden('she came back from kutaisi last week', 'kutaisi');
  });
});
