// The cue words gates read before their regexes (services/deidentify/cues.ts): a text without a cue's words skips the
// regexes, so a cue must hold wherever its regex can match; and the detectors behind the gates still find their values.
import assert from 'node:assert/strict';
import { cue, digitsIn, mayHold } from '../../../services/deidentify/cues';
import { phraseMayCover } from '../../../services/deidentify/keepList';
import { hidden, kept } from '../../helpers/deidentify';

describe('deidentify cues', () => {
  // Two cues of the test's own (a cue is made once, at load, as the detectors make theirs).
  const STAY = cue('stay', 'st');
  const LODGE = cue('lodge');

  it('finds a cue inside a word, in any case', () => {
    assert.ok(mayHold('she STAYED over', STAY));
    assert.ok(mayHold('the Lodges', LODGE));
    assert.ok(!mayHold('she went home', STAY | LODGE));
  });

  it('finds a whole cue only as a word or a part of a joined word', () => {
    assert.ok(mayHold('118 st nw', STAY));
    assert.ok(mayHold("at st's place", STAY));
    assert.ok(mayHold('the st-albert exit', STAY));
    assert.ok(!mayHold('first and last', STAY));
  });

  it('finds a cue made after words were read (a word remembers the bits of the cues made before)', () => {
    assert.ok(mayHold('the lodge at noon', LODGE));
    const NOON = cue('noon');
    assert.ok(mayHold('the lodge at noon', NOON));
    assert.ok(mayHold('Afternoon tea', NOON) && !mayHold('Afternoon tea', LODGE));
    assert.ok(!mayHold('the lodge at six', NOON));
  });

  it('gives every cue to a text outside ASCII, whose case folding a word list cannot follow', () => {
    assert.ok(mayHold('ſtay here', STAY));
    assert.ok(mayHold('café', LODGE));
  });

  it('counts the digits of a text, and as many as any need outside ASCII', () => {
    assert.equal(digitsIn('call 780 555 0199 or 2'), 11);
    assert.equal(digitsIn('no number here'), 0);
    assert.ok(digitsIn('call ７８０ 555') >= 19);
  });

  it('leaves the gated detectors finding their values', () => {
    hidden('health card 1234 567 890 ab on file', '1234 567 890 ab', 'HEALTH_CARD');
    hidden('mrn 4471829 in the chart', '4471829', 'MRN');
    hidden('the plate is CKZ 2210', 'CKZ 2210', 'PLATE');
    hidden('zip code 90210 for her', '90210', 'POSTAL_CODE');
    hidden('her insta is kaydenmoon44', 'kaydenmoon44', 'HANDLE');
    hidden('jdoe at gmail dot com', 'jdoe at gmail dot com', 'EMAIL');
    hidden('meet at the corner of whyte ave and 104 st', 'whyte ave and 104 st', 'ADDRESS');
    hidden('rr 3 site 2 box 9', 'rr 3 site 2 box 9', 'ADDRESS');
    hidden('four oh three five five five oh one four two', 'four oh three five five five oh one four two', 'PHONE');
    hidden('met J0hn at the shelter', 'J0hn', 'NAME');
    hidden('call 780 555 0199 today', '780 555 0199', 'PHONE');
    kept('she had 2 kids with her at the park');
  });

  it('lets dropKept skip the keep-list phrases only for a word no phrase holds', () => {
    const text = 'she is on Ontario Works now, texted jamal';
    assert.ok(phraseMayCover(text, text.indexOf('Ontario')));
    assert.ok(phraseMayCover(text, text.indexOf('Works')));
    assert.ok(!phraseMayCover(text, text.indexOf('jamal')));
    // Outside ASCII the regex's case folding decides.
    assert.ok(phraseMayCover('met josé at the mens group', 5));
    kept('she is on Ontario Works now');
    hidden('she is on Ontario Works now, texted jamal', 'jamal', 'NAME');
  });
});
