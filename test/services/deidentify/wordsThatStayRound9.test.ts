// Round 9 of the over-redaction work (issue 13): the kinds of words writers new to the team saw hidden, fixed as kinds.
// Each kind keeps its words and still hides a person of the same or a look-alike name in a person slot. Every example
// is made up for these tests (none is a note of a bench set).
import assert from 'node:assert/strict';
import { keepList } from '../../../services/deidentify/keepList';
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

describe('deidentify: round 9 keep groups (content/deid-keep.json)', () => {
  it('loads the new groups; the programs, kin, faith and dish groups are slotted, the case-note words are not', () => {
    const k = keepList();
    for (const w of ['masshealth', 'eia', 'biji', 'lohri', 'pyrohy']) assert.ok(k.slotted.has(w), w);
    assert.ok(k.words.has('lvm') && !k.slotted.has('lvm'), 'a case-note word is never a name, even before a verb');
  });

  it('keeps state and provincial programs and health cards by their own names, and hides a person named like one', () => {
    for (const [text, word] of [
      ['her MassHealth card came in the mail', 'MassHealth'],
      ['SoonerCare denied the ride again', 'SoonerCare'],
      ['the EIA worker wants new papers', 'EIA'],
      ['we called the RTA about the landlord', 'RTA'],
    ] as const) stays(text, word);
    hidden('Mr. Kynect called about the rent', 'Kynect', 'NAME');
    hidden('texted kynect about rent', 'kynect', 'NAME');
  });

  it('keeps clipped case-note words, before a verb too', () => {
    for (const [text, word] of [
      ['cl missed f/u appt, lvm', 'lvm'],
      ['cl said she is tired today', 'cl'],
      ['Pt left AMA yesterday', 'Pt'],
    ] as const) stays(text, word);
  });

  it('keeps kin words, feasts and dishes, and hides a person named like one in a person slot', () => {
    for (const [text, word] of [
      ['Had tea with Biji and Bauji after lunch', 'Biji'],
      ['memaw fell again last night', 'memaw'],
      ['Lohri bonfire in the backyard', 'Lohri'],
      ['svyat vechir at the church, twelve dishes', 'svyat vechir'],
      ['she brought pyrohy and cozonac for everyone', 'pyrohy'],
    ] as const) stays(text, word);
    hidden('texted biji about rent', 'biji', 'NAME');
    hidden('Mrs. Lohri called', 'Lohri', 'NAME');
    hidden('texted Pyrohy about rent', 'Pyrohy', 'NAME');
  });

  it('takes a kin title off a name in lower case and hides the name beside it', () => {
    for (const [text, title, name] of [
      ['visited dona fatima today', 'dona', 'fatima'],
      ['pappou yiannis fell again', 'pappou', 'yiannis'],
      ['park ajusshi is at the park again', 'ajusshi', 'park'],
    ] as const) {
      stays(text, title);
      hidden(text, name, 'NAME');
    }
    // "Don" is an English word and an English given name: "Don Smith" stays whole.
    hidden('Don Smith called about the van', 'Don Smith', 'NAME');
  });
});

describe('deidentify: Alaska villages (place-slot) and Yup\'ik, Tamil and Gullah words (round 9)', () => {
  it('keeps a village where a place is said, and the same word where a person is', () => {
    stays('he grew up in kongiganak, it was cold', 'kongiganak');
    stays('they flew in from toksook for the meeting', 'toksook');
    hidden('met toksook at the dropin', 'toksook', 'NAME');
  });

  it('keeps the words, and hides a person named like one in a person slot', () => {
    stays('she sewed a new qaspeq for her granddaughter', 'qaspeq');
    stays('fish and rice at the repast after the homegoing', 'repast');
    hidden('texted qaspeq about rent', 'qaspeq', 'NAME');
  });
});

describe('deidentify: more chains, brands and carriers (round 9, "chains-and-brands-more")', () => {
  it('keeps them, and hides a person named like one in a person slot', () => {
    stays('need cash for gas, atm at the sheetz', 'sheetz');
    stays('Drove her to Bojangles after her meeting', 'Bojangles');
    stays('took the greyhound to the city for court', 'greyhound');
    hidden('texted sheetz about rent', 'sheetz', 'NAME');
  });
});
