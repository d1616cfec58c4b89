// Round 11 (the window): an answer's sentences read together. (1) A cover story contradicted in the next sentence keeps
// the hit ("the cuts are from her cat. She does not have a cat"); (2) an event told as over in the next sentence
// ("since then … he has let it go", "nothing for ten years") is past, and a history is not past when the next sentence
// says it is back ("… started again last month"); (3) risk said across two sentences or without a risk word; (4) the
// explanation-in-the-next-sentence rules (`next`, "Round 11 (false alarms)") probed with warning signs in either
// sentence. Every sentence here is invented. Figures: docs/history/SAFETY-rounds.md ("Round 11 (the window)").
import assert from 'node:assert/strict';
import { content } from '../../../services/content';
import { gatedScore } from '../../../services/safety/screen';
import { shippedModel } from '../../../services/safety/screen/classifier';
import { inScope } from '../../../services/safety/screen/lexicon';
import { normalise } from '../../../services/safety/screen/normalise';
import { screen, keeps, rulesOut, raisesNothing } from '../../helpers/screenAsserts';

const c = content();

describe('risk screen: the window across an answer’s sentences (recall)', () => {
  it('an explanation in the next sentence: a tool for work', () => {
    rulesOut('harm_to_others', [
      'He came in with a knife in his jacket. Says it is for his job at the meat plant.',
      'she carries a box cutter for her cardboard signs',
    ]);
    // A warning sign in either sentence keeps it: a target, protection, a grievance, a threat, a "but".
    keeps([
      ['harm_to_others', 'He came in with a hunting knife in his jacket. Says it is for his job, and for the guy who jumped him if he sees him.'],
      ['harm_to_others', 'She keeps a box cutter in her coat. It is for her shift at the warehouse but she said her ex better stay away.'],
      ['harm_to_others', 'He brought a knife in his backpack. Says it is for his work, he is angry at the foreman and wants him to pay.'],
    ]);
    // "for her shift" is no explanation when nothing is explained: waiting for someone's shift to end is a warning sign
    // (the first version of the rule swallowed a development sentence of this shape; the classifier raises it).
    keeps([['harm_to_others', "He sat in the lot by the nurse's car and said he will wait for her shift to end."]], screen);
    // Said before the knife, not after it, an explanation of something else explains nothing.
    keeps([['harm_to_others', 'He starts his shift for his work at six. He has a knife in his jacket and says the landlord is going to get it.']]);
  });

  it('an explanation in the next sentence: a practical reason for a gift or a plan', () => {
    rulesOut('suicide', [
      'He is giving away his guitar. He retires next month and is moving to the coast.',
      'She gave her rings to her granddaughters. It was for christmas, she wants to see them wear them.',
    ]);
    // Finality said beside the reason keeps the hit, in either sentence.
    keeps([
      ['suicide', 'She gave her rings to her granddaughters. It was for christmas, she says she will not be around next year.'],
      ['suicide', 'He is giving away his guitar. He retires next month and says he will not need anything where he is going.'],
      ['suicide', 'She gave her guitar to her niece. It was for christmas, and she said it was her last christmas anyway.'],
    ]);
  });

  it('an explanation in the next sentence: a non-drug cause, and coping told after the feeling', () => {
    rulesOut('overdose', ['Found her passed out on the couch. It was a diabetic low, she had juice and was fine.'], screen);
    keeps([['overdose', 'Found her passed out on the couch. She said it was a diabetic low but there was a needle beside her and her lips were blue.']]);
    rulesOut('psw_distress', ['I cried in the car after the home visit. Called my supervisor, talked it through and slept fine.'], screen);
    keeps([
      ['psw_distress', 'I cried in the car after the home visit. Called my supervisor, talked it through, but I still can not sleep.'],
      // An intrusive image is a warning sign the coping rule never swallows.
      ['psw_distress', 'I keep seeing his face from the call. Called my supervisor after, talked it through and slept fine.'],
    ]);
  });

  it('a cover story contradicted in the next sentence keeps the hit', () => {
    // Before: the accident rule dropped the first sentence; the second was never read with it.
    keeps([
      ['self_harm', 'He said the cuts on his arm are from his dog. He does not have a dog.'],
      ['self_harm', 'She said the cuts on her legs are from the fence at work. She has not been to work in a month.'],
      ['self_harm', 'he has cuts on his arm, says from the fence at the farm but he has not been out to the farm all summer'],
    ]);
    // The story stands when nothing contradicts it.
    rulesOut('self_harm', ['He said the cut on his hand is from his dog. The puppy is teething and nips everyone.', 'she cut her hand by accident opening a can']);
  });

  it('an event told as over in the next sentence is past; a current cue keeps it', () => {
    rulesOut('harm_to_others', ['Last month he said he wanted to hurt the guy who robbed his cousin. Since then he went back to group and he has let it go.']);
    rulesOut('self_harm', ['History of self harm at 16. Nothing for 12 years.']);
    // A history, then "again" next door: not past.
    keeps([['self_harm', 'History of self harm at 16. She started again last month after the breakup.']]);
    rulesOut('self_harm', ['History of self harm at 16. She started college again last fall and loves it.']);
    keeps([
      // Still, again, or a means since then: not over.
      ['harm_to_others', 'Last month he said he wanted to hurt the guy who robbed his cousin. Since then he has let it go, but he still drives past his house.'],
      ['harm_to_others', 'Last month he said he wanted to hurt the guy who robbed his cousin. Since then he bought a knife.'],
      // "will not let it go" is not letting it go.
      ['harm_to_others', 'Last month he said he wanted to hurt the guy who robbed his cousin. Since then he says he will not let it go.'],
      ['self_harm', 'History of self harm at 16. Nothing for 12 years until last night.'],
      // A threat said now is not made past by the sentence after it.
      ['harm_to_others', 'He says he wants to hurt the guy who robbed his cousin. Since then he has let it go.'],
    ]);
    // The classifier reads the same scope.
    const norm = normalise('last month he said he wanted to hurt the guy . since then he has let it go');
    assert.equal(inScope(norm, 'harm_to_others', c), 'since then he has let it go');
    assert.ok(gatedScore(norm, 'harm_to_others', c, shippedModel()) < shippedModel().thresholds.harm_to_others);
  });

  it('risk told across two sentences or without a risk word', () => {
    keeps([
      ['suicide', 'She says she is going to see her dad soon. Her dad died in the spring.'],
      ['abuse', 'Dad says the kids are with their grandma. Grandma phoned the office asking where the kids are.'],
      ['abuse', 'he left the baby with his 8 year old and went out drinking all night'],
      ['abuse', 'The girl is made to sleep in the garage when her mom’s boyfriend is drunk.'],
      ['abuse', 'Three little kids in the apartment, the oldest is 7. The oldest said there has been no food in the house since Sunday.'],
      ['suicide', 'Staff found a belt looped over the closet rod in his room.'],
      ['suicide', 'He asked how long it would take to drown in the lake. He changed the subject after.'],
      ['suicide', 'She asked whether anyone would find her if she went to the ravine.'],
      ['self_harm', 'He skips every meal and runs until he gets dizzy.'],
      ['self_harm', 'She said she wants her body to hurt as much as she does.'],
      ['harm_to_others', 'He told the guard he will be waiting for the pharmacist in the parking lot after her shift.'],
      ['harm_to_others', 'If his ex goes to court he says he will make sure she never testifies.'],
      ['harm_to_others', 'he said he would end that guy lol. but he knows the guy’s shift times and which door he uses'],
    ]);
    // The words that stay ordinary.
    rulesOut('suicide', ['She is going to see her dad soon. Her dad moved to Regina in the spring.', 'He found a belt in the lost and found and tied it around his waist.']);
    rulesOut('abuse', ['Mom says the kids are at their grandma’s. Grandma called to say they got there fine.', 'she left the baby with her 16 year old sister for an hour']);
    rulesOut('self_harm', ['He runs every morning and takes it easy when he gets tired.']);
    rulesOut('harm_to_others', ['She will be waiting for the nurse in the lobby at ten for her appointment.']);
  });

  it('figures of speech and topics, with the real thing beside them', () => {
    raisesNothing([
      'the flight to winnipeg killed me. 5 hours with a screaming baby',
      'can you shoot me the schedule for next week',
      'I went to a webinar on compassion fatigue at lunch and shared the slides with my team',
      'he said he would shoot himself if the oilers lose again and everyone laughed',
      'She said she wants to disappear. Off instagram, she means, after the breakup photos.',
    ]);
    keeps([
      ['harm_to_others', 'he said he will shoot me if i tell anyone'],
      ['suicide', 'he said he would shoot himself if the judge takes the kids'],
      ['suicide', 'he said he would kill himself if he loses custody'],
      ['psw_distress', 'I went to a webinar on compassion fatigue and realised I am burnt out'],
      ['suicide', 'She said she wants to disappear. She gave her cat to her neighbour yesterday.'],
    ]);
    // A theft is not control by a partner; control still is.
    rulesOut('abuse', ['he said he would find whoever stole his bike']);
    keeps([['abuse', 'her boyfriend takes her phone and her bank card every night']]);
  });

  it('ruling-out rules that swallowed a warning sign, narrowed; each still rules out its own case', () => {
    keeps([
      // A sleeve that slips is no accident.
      ['self_harm', 'Wears a hoodie in the heat. Fresh cuts on her wrist showed when her sleeve slipped.'],
      // Harm-reduction talk with nothing left to reduce harm with.
      ['overdose', 'bad batch going around, people dropping on it, and nobody at the camp has test strips left'],
      ['overdose', 'without his safe supply he is going back to the fent and does not care if it kills him'],
      // A game is no story on a screen when weapons are being got to go back.
      ['harm_to_others', 'his cousin got jumped after the football game and they are getting guns to go back'],
      // Clean time in custody is lost tolerance, not a past; "should have done it years ago" is not past.
      ['overdose', 'out of remand monday, he was clean 6 months inside so his tolerance is gone and he asked where to score'],
      ['harm_to_others', 'he said he would kill his stepdad like he should have done years ago'],
    ]);
    rulesOut('self_harm', ['she slipped on the ice and cut her hand on the railing']);
    rulesOut('overdose', ['we handed out test strips at the drop in', 'he used to use years ago, 8 years clean now']);
    rulesOut('harm_to_others', ['we watched the football game and he said the ref should be killed lol', 'he said he would kill his stepdad years ago, he is 60 now and they golf']);
  });

  it('risk in words no pattern held: each with the ordinary words beside it', () => {
    keeps([
      ['suicide', 'he sits in his car in the bush with the engine running and the windows up for hours'],
      ['suicide', 'she refuses the antibiotics for the infection, says let it take me'],
      ['suicide', 'he wants a nice photo for his son, says it is the last picture he will get'],
      ['self_harm', 'she has been scrubbing her hands raw since the assault'],
      ['self_harm', 'he punches the wall in his room every time he gets off the phone with her, knuckles swollen'],
      ['harm_to_others', 'next time he sees the landlord at the building he is bringing a bat'],
      ['harm_to_others', 'he says when he catches her alone she will regret it'],
      ['harm_to_others', 'she reports urges to push people off the platform'],
      ['abuse', 'the little ones were home in the cold with no heat for the house all weekend'],
      ['abuse', 'her grandson cashes her pension cheque and gives her twenty dollars'],
      ['psw_distress', 'I drank alone after shift again, more than last week'],
      ['psw_distress', 'had a beer after the funeral. first one in 9 years.'],
      ['overdose', 'he lost his prescriber and now he is using whatever the guy downstairs has'],
    ]);
    raisesNothing([
      'he sits in his car with the engine running and the heat on while he waits for his daughter',
      'the last picture she took of the kids is on the fridge',
      'the kids were out in the cold for recess and came in rosy',
      'he cashes his own cheque at the credit union',
      'I had a drink with my sister after the funeral, it was good to see her',
    ]);
  });
});
