// Round 7: general frames for what new voices lost (content/risk-terms.json, services/safety/screen): asking where
// the means are kept, a pact, "you'll need it more than me", having "figured out how to fix everything"; release told
// with "finished" or "left AMA" then use; a lost tolerance said at length; sharp things with blood, covering up where
// others do not; a weapon carried around, violent drawings of a real person; patterned injuries, children fending
// for themselves, a cheque cashed by a relative, a partner calling dozens of times; the worker checking on a client
// at night or catching themselves at the pills. Each with everyday sentences that share its words. Every sentence
// here is invented. Figures: docs/history/SAFETY-rounds.md (round 7).
import assert from 'node:assert/strict';
import { content, type RiskCategory } from '../../../services/content';
import { riskCategories, screenRisk } from '../../../services/safety/screen';
import { DEFAULT_TRAIN, train } from '../../../services/safety/screen/train';
import { features } from '../../../services/safety/screen/classifier';
import { normalise } from '../../../services/safety/screen/normalise';

const c = content();
const patternsOnly = (text: string) => riskCategories(screenRisk(text, c, { classifier: false }));

describe('risk screen: wordings of new voices (round 7)', () => {
  it('finds each kind said in these general frames, by its patterns alone', () => {
    const cases: [RiskCategory, string][] = [
      ['suicide', 'she asked her brother where he keeps the ammo now'],
      ['suicide', 'he wanted to know which door to the roof does not have an alarm'],
      ['suicide', 'two of the girls in her class made a pact'],
      ['suicide', 'handed his tools to his son and said he would not need them where he is going'],
      ['suicide', 'she says she finally found a way to fix everything'],
      ['overdose', 'finished his 28 days of treatment and says he will celebrate with his old crew'],
      ['overdose', 'left ama last night and was asking who is holding'],
      ['overdose', 'after six weeks in the hospital his tolerance must be close to zero'],
      ['overdose', 'she has been drinking mouthwash on top of her methadone'],
      ['self_harm', 'staff found a bloody razor in his sock drawer'],
      ['self_harm', 'he kept a sweater on at the beach when everyone else was in shorts'],
      ['harm_to_others', 'since the fight he has been walking around with a machete'],
      ['harm_to_others', 'she keeps sketching her supervisor being stabbed'],
      ['abuse', 'the toddler had thumb shaped bruises on his arms'],
      ['abuse', 'the kids were knocking on doors asking for food, their dad has been partying since saturday'],
      ['abuse', 'her pension gets spent by her grandson the day it comes in'],
      ['abuse', 'her boyfriend texted her 40 times during the group'],
      ['psw_distress', 'i was checking her obituary page at 3 am'],
      ['psw_distress', 'i caught myself staring at the oxys in the lockbox'],
      // Written after batch ab (release from custody, newcomers, youth): the same kinds in other frames.
      ['suicide', 'he says he will go out on his own terms before the hearing'],
      ['suicide', 'she asked if her life insurance pays out if she has an accident'],
      ['overdose', 'she threw the narcan kit in the garbage on her way out'],
      ['overdose', 'he told me he used solo again'],
      ['overdose', 'paroled friday and already asking around for the strong stuff'],
      ['self_harm', 'she bit her own wrist until it bled'],
      ['self_harm', 'he scratched his arm raw on purpose'],
      ['harm_to_others', 'he wants to buy a strap before the weekend'],
      ['harm_to_others', 'she has been bringing a machete to the park'],
      ['abuse', 'the boss keeps their immigration papers'],
      ['abuse', 'his disability money keeps going missing since his nephew moved in'],
      ['abuse', 'the girl is being forced to marry'],
    ];
    for (const [kind, text] of cases) assert.ok(patternsOnly(text).includes(kind), `${kind}: "${text}" gave ${JSON.stringify(patternsOnly(text))}`);
  });

  it('leaves the everyday sentences that share those words', () => {
    const negatives = [
      'he asked where the office keeps the printer paper',
      'she asked which window in the lounge opens so we could get some air in',
      'the two of them made a pact to quit smoking together',
      'she lent me her winter boots, she will need them back come spring',
      'finished his treatment and is going to celebrate with a family dinner',
      'my friend made a pact not to check work email on weekends',
      'the butcher showed me his knife skills',
      'he drove around with his rifle for moose season',
      'she draws her little sister as a princess',
      'he said this paperwork is going to kill him',
      'she joked she would kill her roommate for eating the last of the cake',
      'her son cashes her cheque for her at the bank and brings her the money',
      'i looked up the bus schedule at 5 am for the early shift',
      // A threat already handled, a figure of speech, a hunter's or a cook's tools, a screening answer, "never … again".
      'security escorted the man who was threatening the front desk out of the building',
      'the commute in this snow is going to kill her',
      'her manager will kill her for being late',
      'he is taking a firearms course so he can hunt moose with his uncle',
      'he showed me the knife roll he got for culinary school',
      'she was cutting up the turkey for the community dinner',
      'asked about thoughts of hurting himself and he said no',
      'he used to carry a knife, years ago, and says he never will again',
      'we threw out the expired first aid kit',
      'she is raising the twins solo since the divorce',
      'he bit his lip when he fell off his bike',
      'she wears a rubber band on her wrist to remind her to breathe',
      'the shop teacher keeps a box cutter for cutting boxes',
      'she keeps her kids birth certificates in the safe',
      'the knife in her backpack was for the fishing trip',
    ];
    for (const text of negatives) assert.deepEqual(patternsOnly(text), [], text);
  });

  it('keeps the risk when the same frames also say a weapon, a kill or that it is not over', () => {
    assert.ok(patternsOnly('police took him in but he still says he will kill his brother').includes('harm_to_others'));
    assert.ok(patternsOnly('the cops came and he threatened them with a knife').includes('harm_to_others'));
    assert.ok(patternsOnly('asked about thoughts of hurting himself and he said no but he has been cutting again').includes('self_harm'));
  });

  it('keeps only features that at least minGroups batches (writers) share, when asked', () => {
    const ex = (id: string, group: string, text: string, kinds: RiskCategory[] = []) => ({ id, group, norm: normalise(text), kinds });
    const bank = [
      ex('a1', 'a', 'he gave away his guitar', ['suicide']),
      ex('a2', 'a', 'zyzzyva zyzzyva went to the store'),
      ex('b1', 'b', 'she gave away her ring', ['suicide']),
      ex('b2', 'b', 'went to the store for milk'),
    ];
    const opts = { ...DEFAULT_TRAIN, epochs: 5, minGroups: 1 };
    const all = train(bank, opts);
    const shared = train(bank, { ...opts, minGroups: 2 });
    const only = (m: typeof all) => Object.keys(m.weights);
    assert.ok(only(all).includes('zyzzyva'));
    assert.ok(!only(shared).includes('zyzzyva'), 'a word one writer alone used is dropped');
    assert.ok(only(shared).includes('gave'), 'a word both writers used is kept');
    assert.ok(features('he gave away his guitar', DEFAULT_TRAIN.features).includes('c:give'));
  });
});
