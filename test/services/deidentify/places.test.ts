import assert from 'node:assert/strict';
import { places } from '../../../services/deidentify/places';

const found = (text: string): string[] => places(text).map((e) => text.slice(e.start, e.end));

describe('deidentify: places (looked for only where a name of the list can start)', () => {
  it('finds the names in any case, after a mark or an apostrophe, and not inside another word', () => {
    assert.deepEqual(found('dropped him at the ROYAL ALEX then george spady'), ['ROYAL ALEX', 'george spady']);
    assert.deepEqual(found('she was at U of A Hospital, and at the mis'), ['U of A Hospital', 'mis']);
    assert.deepEqual(found("é\u0301hope mission"), ['hope mission'], 'a combining mark before a name is no letter');
    assert.deepEqual(found('xhope mission, hope missionary'), [], 'inside other words');
  });

  it('reads "ſ" as the regex does (the text is then searched everywhere)', () => {
    assert.deepEqual(found('slept at ſiloam miſſion'), ['ſiloam miſſion']);
  });

  it('still finds a two-word name typed one letter off after a place cue', () => {
    assert.deepEqual(found('went to the royl alex'), ['royl alex']);
  });
});
