// Round 9: the false-alarm budget. Context rules by kind of wording (someone else's overdose already handled, a
// non-drug cause of passing out, a past said as "years back" or "back then", help that worked, not using alone,
// housing that came through, hours or a season that "kill" someone), each with the risk it must still let through.
// Every sentence here is invented. Figures: docs/history/SAFETY-rounds.md ("Round 9: the false-alarm budget").
import assert from 'node:assert/strict';
import { content } from '../../../services/content';
import { RISK_CATEGORIES, type RiskCategory } from '../../../services/content';
import { gatedScore, riskCategories, screenRisk } from '../../../services/safety/screen';
import { shippedModel } from '../../../services/safety/screen/classifier';
import { normalise } from '../../../services/safety/screen/normalise';
import type { Labelled } from '../../../bench/screenData';
import { type Alarms, type Batch, batchThresholds, type Probs } from '../../../bench/screenLobo';

const c = content();
const patterns = (text: string) => riskCategories(screenRisk(text, c, { classifier: false }));
const screen = (text: string) => riskCategories(screenRisk(text, c));

describe('risk screen context: someone else\'s overdose handled, a non-drug cause, a past, help that worked, housing', () => {
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
    for (const text of ['he passed out from heat exhaustion after using fent in the truck', 'she nodded out after the pills, said it was low blood sugar', 'he doubles his insulin when he drinks and i found him passed out, low sugar again']) {
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

  it('a screening answer after the word ("SI denied"), rapping along, and "shoot me a text" raise nothing', () => {
    for (const text of ['SI denied, HI denied, safety plan reviewed', 'the guy yelling i will kill you was rapping along to his headphones', 'shoot me a txt when you are home safe']) {
      assert.deepEqual(patterns(text), [], text);
    }
    for (const text of ['SI denied last week but today she said she wants to die', 'he said he will kill his landlord, he means it']) {
      assert.notDeepEqual(patterns(text), [], text);
    }
  });

  it('a gift for a practical reason is a benign plan; a dated or long-ago event is past; a worry or a wait that "kills" is a figure of speech', () => {
    for (const text of ['she gave her car to her niece because she can not drive with her eyes anymore', 'he gave his tools to his son who is taking over the farm', 'we talked about his brother overdosing in the 80s, he made his peace with it long ago', 'she has not cut since 2018 and wears short sleeves now', 'the stress of the move is killing her, she says, but the boxes are nearly done', "she would rather die than eat another hospital sandwich"]) {
      assert.deepEqual(patterns(text), [], text);
    }
    for (const text of ['she gave her car and her cat away and said she will not need them', 'he cuts himself every night, has since 2018', 'her husband is killing her slowly, she has bruises on her neck', 'she would rather die than go back to him']) {
      assert.notDeepEqual(patterns(text), [], text);
    }
  });

  it('a bus pass is a practical reason only when it is got, not when it is given away', () => {
    const screen = (text: string) => riskCategories(screenRisk(text, c, {}));
    assert.deepEqual(screen('she gave her old bike to the kid down the block because she got a bus pass through the new job'), []);
    // Giving away one's everyday things ("done with them") is a warning sign, whatever the things are.
    assert.ok(screen('he gave away his bus pass and his winter coat to a guy at the shelter, said he is done with them').includes('suicide'));
  });

  it("a friend's overdose that ended in treatment, or a writer's 'not current', is past; the client's own overdose is not", () => {
    for (const text of ["her cousin overdosed last month and he is in rehab now, she is relieved", 'the od at the motel last month got handled, he is in therapy now, not current']) {
      assert.ok(!patterns(text).includes('overdose'), text);
    }
    for (const text of ['she overdosed last week and is home now, she is using again', 'her cousin overdosed last night and she was using with him']) {
      assert.ok(patterns(text).includes('overdose'), text);
    }
  });
});

describe('risk screen false-alarm budget per batch', () => {
  const neg = (id: string): Labelled => ({ id, text: id, screened: id, norm: id, kinds: [] });
  const flat = (v: number) => Object.fromEntries(RISK_CATEGORIES.map((k) => [k, v])) as Record<RiskCategory, number>;
  // Two batches of 100 hard negatives; in `loud` the classifier gives six of them a suicide score, in `quiet` none.
  const loud: Batch = { name: 'loud', examples: Array.from({ length: 100 }, (_v, i) => neg(`l${i}`)) };
  const quiet: Batch = { name: 'quiet', examples: Array.from({ length: 100 }, (_v, i) => neg(`q${i}`)) };
  const probs: Probs = new Map();
  const alarms: Alarms = new Map();
  for (const b of [loud, quiet]) {
    for (const [i, ex] of b.examples.entries()) {
      const p = { ...flat(0.1), suicide: b === loud && i < 6 ? 0.72 : 0.1 };
      probs.set(ex, p);
      alarms.set(ex, { batch: b.name, score: p });
    }
  }

  it('raises a kind until no one batch has more than its cap flagged by the classifier alone', () => {
    const pooled = batchThresholds([loud, quiet], probs);
    // Six of 200 pooled negatives (3 %) at 0.72: over the 2 % budget, so the pooled line sits just above them.
    assert.equal(pooled.suicide, 0.75);
    // A looser cap than the pooled line changes nothing; a tighter one per batch is met by raising suicide only.
    assert.deepEqual(batchThresholds([loud, quiet], probs, alarms, 0.1), pooled);
    for (const ex of loud.examples.slice(0, 6)) alarms.get(ex)!.score.suicide = 0.8;
    for (const ex of loud.examples.slice(0, 6)) probs.get(ex)!.suicide = 0.8;
    const capped = batchThresholds([loud, quiet], probs, alarms, 0.03);
    assert.ok(capped.suicide > 0.8, `suicide ${capped.suicide}`);
    for (const k of RISK_CATEGORIES.filter((x) => x !== 'suicide')) assert.equal(capped[k], pooled[k], k);
  });

  it("the screen's gated score is what the thresholds are set on: under any threshold where the context rules rule a kind out", () => {
    const m = shippedModel();
    const past = normalise('she overdosed years ago, long before her kids were born');
    assert.ok(gatedScore(past, 'overdose', content(), m) < 0);
    const now = normalise('he keeps talking about how nobody would miss him');
    assert.ok(gatedScore(now, 'suicide', content(), m) > 0);
  });
});
