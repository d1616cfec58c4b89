import assert from 'node:assert/strict';
import { candidates, tokenMarks } from '../../../services/deidentify/classifier/facilityModel';
import { tokenize } from '../../../services/deidentify/classifier/features';

/** The candidate spans the facility model is asked about (no rule's spans given). */
function spans(text: string): string[] {
  const toks = tokenize(text);
  return candidates(text, toks, tokenMarks(toks, [])).map((c) => text.slice(c.start, c.end));
}

describe('deidentify: the facility model asks a subject only within reach of what a place does (round 16)', () => {
  it('still asks a subject of up to five words before the word, with or without "the"', () => {
    // The gate looks as far as the span loop: five words from the opening word, or from the word after "the".
    assert.ok(spans('ok. red deer river valley lodge has a bed').includes('red deer river valley lodge'));
    assert.ok(spans('ok. the red deer river valley lodge has a bed').includes('red deer river valley lodge'));
    assert.ok(spans('sunrise staff said no').includes('sunrise'));
  });

  it('asks no subject whose span would be longer than five words, nor one with no such word after it', () => {
    const far = spans('ok. red deer river valley north lodge has a bed');
    assert.ok(!far.some((s) => s.startsWith('red')), far.join(' | '));
    assert.deepEqual(spans('sunrise was nice today'), []);
  });
});
