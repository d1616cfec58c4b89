// Round 11 of the over-redaction work (issue 13): general signals, not lists of words, for the words of a writer's other
// language and for small communities' names. Each keeps its words and still hides a name in a person slot beside
// them. Every example is made up (none is a note of a bench set).
import { hidden, stays } from '../../helpers/deidentify';

describe('deidentify: round 11 words that stay', () => {
  it('gives back a word after "in" whatever lists hold it: small places, towns that are given names', () => {
    for (const [text, word] of [
      ['the powwow in tohatchi got rained out, drove loretta home after', 'tohatchi'],
      ['took wilbur to the clinic in brandon for his eyes', 'brandon'],
      ['roads bad, truck stuck in elsa till monday', 'elsa'],
      ['her auntie lives out in tsiigehtchic now', 'tsiigehtchic'],
    ] as const) stays(text, word);
    // The person beside the place is still hidden.
    hidden('the powwow in tohatchi got rained out, drove loretta home after', 'loretta', 'NAME');
    hidden('took wilbur to the clinic in brandon for his eyes', 'wilbur', 'NAME');
  });

  it('keeps a name after "in" where a person stands: an in-law, a possessive, a jail, a crossing, a unit', () => {
    for (const [text, name] of [
      ['her daughter in law navpreet cooks for everyone', 'navpreet'],
      ['found the card in shanelles bag the whole time', 'shanelles'],
      ['he got sent to jail again, now in kenora', 'kenora'],
      ['teodoro in oskana on a warrant', 'oskana'],
      ['she sleeps near lorimer and cardston most nights', 'lorimer'],
      ['jody lives in kpa #14 now', 'kpa'],
      ['brayden is in maplehurst till march', 'maplehurst'],
    ] as const) hidden(text, name);
  });

  it('keeps a person after a verb that takes "in": checked in, let in, bringing in', () => {
    for (const [text, name] of [
      ['checked in amani at the desk', 'amani'],
      ['let in deshawn after curfew', 'deshawn'],
      ['bringing in kwame for intake', 'kwame'],
    ] as const) hidden(text, name, 'NAME');
  });

  it('gives back a lower-case word no list holds after "the" where no place is said, and keeps the person beside it', () => {
    for (const [text, word, name] of [
      ['said the kemem was huge, lemina cooked', 'kemem', 'lemina'],
      ['the wigilia dinner is at the hall, bring halina', 'wigilia', 'halina'],
      ['tell yemane the jebena is at my place', 'jebena', 'yemane'],
    ] as const) {
      stays(text, word);
      hidden(text, name, 'NAME');
    }
  });

  it('keeps a family, a facility after a word of place, and a short acronym after "the" hidden', () => {
    for (const [text, name] of [
      ['parent meeting with the nguyens', 'nguyens'],
      ['drove the sylliboy family to eskasoni', 'sylliboy'],
      ['waited at the rockyview for a bed', 'rockyview'],
      ['the ywca has a bed for her', 'ywca'],
    ] as const) hidden(text, name);
  });

  it('takes kin words of other languages off a name\'s edge, and hides the name', () => {
    for (const [text, kin, name] of [
      ['samiullah kaka wants dinner, told farid', 'kaka', 'samiullah'],
      ['kandasamy thatha is home now', 'thatha', 'kandasamy'],
      ['shicheii herbert fixed the fence', 'shicheii', 'herbert'],
    ] as const) {
      stays(text, kin);
      hidden(text, name, 'NAME');
    }
  });

  it('gives back a dish after a verb of cooking, and keeps a person made to do something hidden', () => {
    for (const [text, dish, name] of [
      ['soraya made bolani for the potluck, told farida', 'bolani', 'farida'],
      ['lemina cooked jaknik for everyone', 'jaknik', 'lemina'],
    ] as const) {
      stays(text, dish);
      hidden(text, name, 'NAME');
    }
    hidden('the mold is making safiya cough', 'safiya', 'NAME');
    hidden('lorraine made autumn a tiny vest', 'autumn', 'NAME');
  });
});
