// Round 6: general rules for what new voices lost (services/safety/screen, content/risk-terms.json): using alone
// with words between, a naloxone kit refused, someone else's pills, street pills; "let me go" next time, a car in a
// closed garage, a gun moved by the bed, "easier without me", what happens after death; a bare "cut last night",
// burns and blows to one's own body; a threat with a weapon on a condition; abuse by choking, confinement and
// diverted money; the worker drinking before a visit, crying in the car most days, dread of shifts. Each with the
// everyday sentences that share its words. Every sentence here is invented. Figures: docs/history/SAFETY-rounds.md (round 6).
import assert from 'node:assert/strict';
import { content, type RiskCategory } from '../../../services/content';
import { riskCategories, screenRisk } from '../../../services/safety/screen';
import { features } from '../../../services/safety/screen/classifier';
import { normalise } from '../../../services/safety/screen/normalise';
import { DEFAULT_TRAIN, train } from '../../../services/safety/screen/train';
import { clauseMarks, wordClass } from '../../../services/safety/screen/wordClasses';

const c = content();
const patternsOnly = (text: string) => riskCategories(screenRisk(text, c, { classifier: false }));

describe('risk screen: wordings of new voices — using alone, a closed garage, a bare cut, a threat on a condition, the worker before a visit', () => {
  it('finds each kind said in these general frames, by its patterns alone', () => {
    const cases: [RiskCategory, string][] = [
      ['overdose', "she's going to use tonight in the motel room by herself"],
      ['overdose', 'back to using on his own since his brother moved away'],
      ['overdose', 'out of detox tuesday and still no kit on him'],
      ['overdose', "he won't take a naloxone kit, says he doesn't need one"],
      ['overdose', "she's been taking her roommate's leftover percs with her own meds"],
      ['overdose', 'got some pills off a guy on snapchat, did not know what they were'],
      // Release then use: "the way he used to" is the plan, not the past; the setting may come first.
      ['overdose', 'out of the program tuesday and he says he will celebrate the way he used to'],
      ['overdose', 'she is in detox till friday and says the first thing she does when she gets out is get high'],
      ['suicide', 'told me if he goes down again just let him go, do not call anyone'],
      ['suicide', 'she sits in the van in the closed garage with the engine running'],
      ['suicide', 'since the layoff he keeps the revolver under his pillow'],
      ['suicide', 'he got his grandfather\'s rifle down and keeps it by the bed now'],
      ['suicide', "says her kids would be better off without her"],
      ['suicide', 'he said everyone would be easier without him'],
      ['suicide', 'she asked what happens to her cat after she dies'],
      ['suicide', "he's been giving away his fishing gear and his records to the guys"],
      ['suicide', 'she says she prays god to take her'],
      ['suicide', 'he told me he is tired of living'],
      ['suicide', 'she asked how many of her sleeping pills would be too many'],
      ['self_harm', 'he told me he cut again over the weekend'],
      ['self_harm', "she's been stubbing her cigarettes out on her thigh"],
      ['self_harm', 'punched the wall until his knuckles split'],
      ['harm_to_others', 'if that landlord comes around again he says he has a bat by the door for him'],
      ['harm_to_others', 'he told the manager to watch your car tonight'],
      ['harm_to_others', 'he was sharpening a knife and saying his neighbour will learn'],
      ['harm_to_others', 'says the landlord has to be dealt with before the end of the month'],
      ['harm_to_others', 'yelled that he would burn the house down with everyone inside'],
      ['abuse', 'she told me her boyfriend choked her on saturday'],
      ['abuse', 'her son locks her in the bedroom when he goes out'],
      ['abuse', "his pension goes straight to the nephew and he's got no food"],
      ['abuse', 'her husband keeps her passport and her bank card'],
      ['abuse', 'her boyfriend goes through her texts every night'],
      ['abuse', 'he only lets her visit her sister if he drives her and waits'],
      ['psw_distress', 'i had a drink before my first visit today, first time in years'],
      ['psw_distress', 'i cry in the car most days after shift'],
      ['psw_distress', "i'm dreading going back monday"],
      ['psw_distress', 'supervisee reports she has been drinking most nights since the death'],
      ['psw_distress', 'i missed my home group again, three weeks now'],
    ];
    for (const [kind, text] of cases) assert.ok(patternsOnly(text).includes(kind), `${kind}: "${text}" gave ${JSON.stringify(patternsOnly(text))}`);
  });

  it('leaves the everyday sentences that share those words', () => {
    const negatives = [
      "we went over safer use again, don't use alone and test a small amount first",
      'she carries a naloxone kit everywhere now and showed me',
      'he takes his own meds on time from the blister pack',
      'he fixed the old truck in the garage with his dad all weekend',
      'he keeps his hunting rifle locked in the safe at his cousin’s place',
      'she said the office would be quieter without the printer',
      'she cut her hair last night and it looks great',
      'if the landlord comes by tomorrow he wants to show him the leak',
      'her mom took her phone away at bedtime',
      'i cried in the car after the funeral, then called my sister and felt better',
      'dice que si su hermano viene el domingo van a cocinar juntos',
      'he says kms about homework all the time but denies any thoughts of dying',
      'she used to cut when she was a teen and talks about it openly now',
      'out of the hospital friday and her daughter is staying with her for the week',
      'giving away his couch and his table because he got a new apartment that comes furnished',
      'she is tired of living in the shelter and wants her own place',
      'the leak in her bathroom has to be handled before the inspection',
      'psw reports a client has been drinking again',
    ];
    for (const text of negatives) assert.deepEqual(patternsOnly(text), [], text);
  });

  it('spells out "unalive" said without an object, and "X\'d be"', () => {
    assert.match(normalise("he keeps saying he wants to 'unalive' lol"), /wants to end it all/);
    assert.match(normalise('she wants to unalive herself'), /kill herself/);
    assert.equal(normalise("the world'd be better"), 'the world would be better');
  });

  it('gives the classifier word classes for the parts new voices used', () => {
    assert.equal(wordClass('skipped'), 'withdraw');
    assert.equal(wordClass('sponsor'), 'support');
    assert.equal(wordClass('naloxone'), 'kit');
    assert.equal(wordClass('sleeves'), 'cover');
    assert.equal(wordClass('closet'), 'confine');
    assert.equal(wordClass('shotgun'), 'weapon');
    // A supervisor's note names the worker: their own distress, not a client's.
    assert.ok(clauseMarks(['supervisee', 'has', 'been', 'drinking']).includes('s:1'));
    // Pairs of classes in one sentence, at any distance, when asked for.
    const f = features('out of detox friday and going back to his usual amount', { bigrams: false, chars: [], stems: true, classes: true, pairs: true });
    assert.ok(f.includes('p:setting+useintent'), JSON.stringify(f.filter((x) => x.startsWith('p:'))));
    assert.ok(!features('out of detox friday and going back to his usual amount', { bigrams: false, chars: [], stems: true, classes: true }).some((x) => x.startsWith('p:')));
  });
});

// Round 7: general frames for what new voices lost (content/risk-terms.json, services/safety/screen): asking where
// the means are kept, a pact, "you'll need it more than me", having "figured out how to fix everything"; release told
// with "finished" or "left AMA" then use; a lost tolerance said at length; sharp things with blood, covering up where
// others do not; a weapon carried around, violent drawings of a real person; patterned injuries, children fending
// for themselves, a cheque cashed by a relative, a partner calling dozens of times; the worker checking on a client
// at night or catching themselves at the pills. Each with everyday sentences that share its words. Every sentence
// here is invented. Figures: docs/history/SAFETY-rounds.md (round 7).
describe('risk screen: wordings of new voices — the means kept, a pact, release then use, injuries, the worker at night', () => {
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
