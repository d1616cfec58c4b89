// Round 19 (second mentions, issue 13): a name the slot models find after everywhere() — the other half of a full
// name, a name opening the note — is hidden everywhere too, in any case and before a possessive. A name they find that
// is also an everyday word is not spread: elsewhere in the note it is most often that word. Made-up notes, shipped models.
import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { stays } from '../../helpers/deidentify';

describe('deidentify: a name the slot models find, hidden again elsewhere in the note', () => {
  it('hides the second mention of a name first found by the slot models', () => {
    const { redacted } = deidentify('gator and remy came to the na meeting at st bernadette, gator got his 2 year coin');
    assert.ok(!/gator/i.test(redacted), redacted);
    const possessive = deidentify("gator and remy came to the na meeting at st bernadette, gator's sponsor drove them").redacted;
    assert.ok(!/gator/i.test(possessive), possessive);
  });

  it('keeps the everyday word those models took for a name where the note uses it as a word', () => {
    stays('cash app? no mrs. okafor only want cash for the rent lol', 'cash');
    stays('hank fast is actually fast, he cleared the whole yard in 10 minutes with the skid steer', 'fast');
  });
});
