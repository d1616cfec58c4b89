// Risk told by circumstances (content/risk-terms.json, round 5): overdose from mixing downers, lost tolerance with a
// plan to use, an unknown supply, extra doses, hidden use; harm to others said sideways (targeting a person's
// whereabouts, veiled threats, hypotheticals, commands, arson); suicide signals (means looked up, a treasured thing
// handed on, a will, guns out of the safe); self-harm signs; coercive control and neglect. Each by the patterns alone,
// with hard negatives that share the words. Figures: docs/history/SAFETY-rounds.md.
import assert from 'node:assert/strict';
import { content, type RiskCategory } from '../../../services/content';
import { riskCategories, screenRisk } from '../../../services/safety/screen';

const c = content();
const patternsOnly = (text: string) => riskCategories(screenRisk(text, c, { classifier: false }));

function expectKind(cases: [RiskCategory, string][]): void {
  for (const [kind, t] of cases) assert.ok(patternsOnly(t).includes(kind), `${kind}: "${t}" gave ${JSON.stringify(patternsOnly(t))}`);
}
function expectNot(kind: RiskCategory, texts: string[]): void {
  for (const t of texts) assert.ok(!patternsOnly(t).includes(kind), `not ${kind}: "${t}" gave ${JSON.stringify(patternsOnly(t))}`);
}

describe('risk screen: risk told by circumstances', () => {
  it('overdose: downers mixed, tolerance lost before using, an unknown supply, extra doses, hidden use', () => {
    expectKind([
      ['overdose', 'she washes her klonopin down with vodka to get to sleep'],
      ['overdose', 'he takes his percs and then a few beers on top'],
      ['overdose', 'just out of prison on thursday and talking about his usual amount'],
      ['overdose', 'six weeks clean in detox and says he is going to score on cheque day'],
      ['overdose', 'the bars going around are counterfeit and she knows it'],
      ['overdose', 'she does not know what is in the stuff she bought from the new guy'],
      ['overdose', 'he has been taking extra doses of his dilaudid when the pain is bad'],
      ['overdose', 'using in a porta potty at the construction site so nobody sees'],
    ]);
    expectNot('overdose', [
      'he takes his methadone every morning and has a coffee with it',
      'she stopped drinking last year',
      'her tolerance is down after detox so she is going to meetings and not planning to use',
      'they tried something new at the community kitchen',
    ]);
  });

  it('harm to others: whereabouts of a person, veiled threats, hypotheticals, commands, arson, a gun and a name', () => {
    expectKind([
      ['harm_to_others', 'he looked up where the judge lives and asked if she has a doorbell camera'],
      ['harm_to_others', 'she keeps sitting across the street from his work at night'],
      ['harm_to_others', 'says his cousin is going to learn this weekend'],
      ['harm_to_others', 'says that landlord must be stopped'],
      ['harm_to_others', 'asked me how much time you get for manslaughter, then mentioned his brother'],
      ['harm_to_others', 'voices are telling him to hurt the neighbour'],
      ['harm_to_others', 'talking about burning her ex boyfriend car'],
      ['harm_to_others', 'bought a gun last week and keeps saying the name of the guy who robbed him'],
    ]);
    expectNot('harm_to_others', [
      'she asked where the food bank is now that it moved',
      'he is going to learn to drive this summer',
      'he heard voices telling him to rest, and he did',
      'they had a campfire and roasted marshmallows',
    ]);
  });

  it('suicide: means looked up, a treasured thing handed on, a will, guns out of the safe, farewells', () => {
    expectKind([
      ['suicide', 'he has been looking up the overpass on the highway'],
      ['suicide', 'she asked me to make sure her grandson gets her necklace'],
      ['suicide', 'he gave away his medals to a neighbour this week'],
      ['suicide', 'wrote his will on the weekend and won\'t talk about why'],
      ['suicide', 'took his rifle out of the safe and left it on the bed'],
    ]);
    expectNot('suicide', [
      'updated her will before her knee surgery, looking forward to walking again',
      'posted see you on the other side with a photo of his plane ticket to visit his daughter',
      'he gave me his number for the group chat',
    ]);
  });

  it('more of each kind said sideways: cough syrup and benzos, a body no longer used to it, a post with a knife, a railing, a name on who gets what', () => {
    expectKind([
      ['overdose', 'they mix cough syrup and xans at parties'],
      ['overdose', 'back from a year inside and his body is not used to it anymore'],
      ['overdose', 'she quit her suboxone and is going to party with her cousins saturday'],
      ['harm_to_others', 'he posted a video holding a machete and tagged the guy who jumped him'],
      ['harm_to_others', 'she said her ex better watch his car tonight'],
      ['suicide', 'she was standing at the railing of the overpass when her cousin found her'],
      ['suicide', 'he asked who gets his guitar if something happens to him'],
      ['abuse', 'a mark on his back that looked like a belt buckle'],
    ]);
    expectNot('harm_to_others', ['the long drive killed me today', 'she jokes she will murder her husband if he forgets the milk again', 'the guy is going to pay for dinner']);
    expectNot('overdose', ['grandpa passed peacefully in his sleep with family around', 'knocked out in round two of the ufc fight on tv']);
    expectNot('abuse', ['his mom took his phone away at bedtime and he called her abusive', 'she bruises easily because of her blood thinners']);
  });

  it('self-harm signs and coercive control or neglect', () => {
    expectKind([
      ['self_harm', 'new scratches up both forearms and long sleeves in july'],
      ['self_harm', 'she keeps reopening the wound on her wrist'],
      ['self_harm', 'he has been banging his head against the door when upset'],
      ['abuse', 'her husband hides her hearing aids when he goes out'],
      ['abuse', 'he threatened to call immigration on her if she leaves'],
      ['abuse', 'the cupboards are padlocked and the kids asked me for food'],
    ]);
    expectNot('self_harm', ['she cut her hair short for summer', 'healing scratches from the cat on her arms']);
    expectNot('abuse', ['she keeps her medications in a lockbox and takes them as prescribed', 'he holds the door for her every time']);
  });
});
