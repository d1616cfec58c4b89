// Round 5 of the categories (issue 13): identifiers that are not names, detected by general rules rather than the dev
// notes' wording — each rule with text it must hide and lookalikes it must keep.
import assert from 'node:assert/strict';
import { deidentify } from '../../../services/deidentify';
import { hidden } from '../../helpers/deidentify';

/** `word` comes back in the redacted text (other parts may be hidden). */
function stays(text: string, word: string): void {
  const { redacted } = deidentify(text);
  assert.ok(new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(redacted), `${JSON.stringify(word)} must stay in ${JSON.stringify(text)}; got ${redacted}`);
}

describe('deidentify: ids after any label typed loosely (categories, round 5)', () => {
  it('a label before "#", "no.", "number" or "id" marks the code after it', () => {
    hidden('ref no 55821 for the housing application', '55821');
    hidden('intake # A-20931 at the clinic', 'A-20931');
    hidden('referral number RF-44819 came in the mail', 'RF-44819');
    hidden('info # 23-1187 at court monday', '23-1187');
    hidden('doc # 448812 for the prison letters', '448812');
    hidden('sms cfs#7731 pls send the letter', '7731');
    hidden('pt id 9937122 at the clinic', '9937122');
    hidden('booking # 24-009918 at remand', '24-009918');
  });
  it('more labels that take a code without a sign', () => {
    hidden('legal aid certificate LA-778812 came through', 'LA-778812', 'MRN');
    hidden('her medi-cal 91234567A95001 from when she was in la', '91234567A95001', 'HEALTH_CARD');
    hidden('sk hsn 987654321 on the referral', '987654321', 'HEALTH_CARD');
    hidden('odsp # 556677889 for the appeal', '556677889', 'HEALTH_CARD');
  });
  it('counters, places and money after a sign stay', () => {
    for (const [t, w] of [['room # 214 has bedbugs', '214'], ['bus no 109 was late', '109'], ['took exit # 312 off the highway', '312'], ['the claim 500 dollars is not enough', '500'], ['page no. 112 of the form', '112']]) stays(t!, w!);
  });
  it('a health card keeps a two-letter word after it: "on" is no version code', () => {
    const t = 'health # 9876 543 217 on the bc services card';
    hidden(t, '9876 543 217');
    stays(t, 'on');
    stays('registration # 5432109876 on her status card', 'on');
  });
});
