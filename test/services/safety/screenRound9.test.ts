// Round 9: the false-alarm budget. Context rules by kind of wording (someone else's overdose already handled, a
// non-drug cause of passing out, a past said as "years back" or "back then", help that worked, not using alone,
// housing that came through, hours or a season that "kill" someone), each with the risk it must still let through.
// Every sentence here is invented. Figures: docs/SAFETY.md ("Round 9: the false-alarm budget").
import assert from 'node:assert/strict';
import { content } from '../../../services/content';
import { riskCategories, screenRisk } from '../../../services/safety/screen';

const c = content();
const patterns = (text: string) => riskCategories(screenRisk(text, c, { classifier: false }));
const screen = (text: string) => riskCategories(screenRisk(text, c));

describe('risk screen context (round 9)', () => {
  it("someone else's overdose, already handled and not the client's, is not the client's risk", () => {
    for (const text of [
      'a stranger at the bus shelter overdosed, the paramedics brought him back and he survived',
      'the man found down behind the store got narcan from security and is admitted and stable, not one of our clients',
    ]) {
      assert.deepEqual(patterns(text), [], text);
    }
    // The client's own, or one still going on, stays.
    for (const text of ['she overdosed last night, we narcanned her and she survived', 'the guy she was using with overdosed again and came around, she was alone with him']) {
      assert.ok(patterns(text).includes('overdose'), text);
    }
  });

  it('passing out from heat or low sugar is not an overdose sign unless a drug is said', () => {
    for (const text of ['he passed out at the job site from heat exhaustion and the medic checked him', 'she blacked out from low blood sugar at lunch']) {
      assert.ok(!patterns(text).includes('overdose'), text);
    }
    for (const text of ['he passed out from heat exhaustion after using fent in the truck', 'she nodded out after the pills, said it was low blood sugar']) {
      assert.ok(patterns(text).includes('overdose'), text);
    }
  });

  it('"years back", "back then" and help that worked make a risk past; "again" or "still" keeps it current', () => {
    for (const text of ['he wanted to die when he lost the farm, years back, and the group pulled him through', 'she tried to kill herself back then and therapy helped, she talks about it openly']) {
      assert.deepEqual(patterns(text), [], text);
    }
    for (const text of ['he wanted to die years back and he says he wants to die again now', 'counselling helped for a while but she is still talking about killing herself']) {
      assert.ok(patterns(text).includes('suicide'), text);
    }
  });

  it('not using alone and an overdose line are harm-reduction talk; using alone is not', () => {
    assert.ok(!patterns('he is not using alone anymore, he calls the overdose line every time').includes('overdose'));
    assert.ok(patterns('he uses alone in his room and overdosed twice this month').includes('overdose'));
  });

  it('giving things away because housing came through is a benign plan; giving them away with a farewell is not', () => {
    assert.ok(!patterns('she is giving away her bed and the dresser because her housing came through and the unit is already furnished').includes('suicide'));
    assert.ok(patterns('she is giving away her bed and her photos and said she will not need them where she is going').includes('suicide'));
  });

  it('night shifts or a season that "kill" someone are a figure of speech; a person who will kill someone is not', () => {
    for (const text of ['he says the night shifts are going to kill him', 'the leafs are killing him this season']) {
      assert.deepEqual(patterns(text), [], text);
    }
    assert.ok(patterns('he said he is going to kill him when he gets off the night shift').includes('harm_to_others'));
  });

  it('the whole screen agrees on the hard negatives above', () => {
    for (const text of ['he says the night shifts are going to kill him', 'a stranger at the bus shelter overdosed, the paramedics brought him back and he survived']) {
      assert.deepEqual(screen(text), [], text);
    }
  });
});
