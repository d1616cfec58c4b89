// False alarms ruled out: each rule that rules risk out beside the warning signs it must not swallow, in the same
// sentence and in the next (rounds 10, 11 and 12; each part's own note is above it).
import assert from 'node:assert/strict';
import { content } from '../../../services/content';
import { gatedScore, riskCategories, screenRisk } from '../../../services/safety/screen';
import { shippedModel } from '../../../services/safety/screen/classifier';
import { contextRulesOut, inScope } from '../../../services/safety/screen/lexicon';
import { normalise } from '../../../services/safety/screen/normalise';
import { screen, keeps, rulesOut } from '../../helpers/screenAsserts';

const c = content();

// Round 10: every rule that rules risk OUT, tested against the warning signs it must not swallow (a give-away with
// finality, a joke then a real plan, "denies SI" then a plan, a past overdose plus using alone tonight, "handled" but
// the person alone again, a prescribed routine beside a stockpile…), each beside the hard negative the rule is for,
// and the small window across sentences of one note (a screening question answered in the next sentence; a plan or a
// means said next door lifts a laugh or a handled event). Every sentence here is invented. Figures: docs/history/SAFETY-rounds.md
// ("Round 10: rules that rule risk out, tested against warning signs").
describe('risk screen: rules that rule risk out, against the warning signs they must not swallow', () => {
  it('negation: a denial covers what it lists, not a new predicate joined by "and"', () => {
    // Before: "denies" anywhere earlier in the clause dropped both of these.
    keeps([
      ['overdose', 'client denies SI and has been saving up her pills'],
      ['suicide', 'she denies suicidal thoughts and has been stockpiling her pills in a sock'],
      ['self_harm', 'she denied thoughts of self harm and showed me fresh cuts on her thigh'],
    ]);
    // What a denial lists stays denied.
    rulesOut('suicide', ['client denies SI and HI', 'denies suicidal thoughts, plan or intent', 'client denies si and has no plan']);
    rulesOut('self_harm', ['denies self harm and is future oriented']);
  });

  it('jokes and laughter: a threat with a means, a victim placed in it, or where someone parks is not cancelled by a laugh', () => {
    // Before: both were dropped by ctx-hyperbole.
    keeps([
      ['harm_to_others', "he said he'd burn the place down with her in it, then laughed, said just joking"],
      ['harm_to_others', 'he joked about killing his landlord and asked me where the landlord parks his car'],
    ]);
    rulesOut('harm_to_others', ['she said i will kill him then laughed and called him on speaker', 'i could strangle my brother, laughing, about holiday plans']);
  });

  it("someone else's overdose handled: the client's own use alone in the same sentence stays", () => {
    // Before: ctx-other-od-handled dropped the whole sentence for overdose.
    keeps([
      ['overdose', 'her friend overdosed and survived, now she is using alone in her room'],
      ['overdose', 'her neighbour overdosed and is in rehab now, she has been using alone since'],
      // The client's own signs or intent beside someone else's handled overdose.
      ['overdose', 'her neighbour overdosed and survived, she went blue too and we narcanned her'],
      ['overdose', 'the guy she was with overdosed and is stable now, she was nodding off when i got there'],
      ['overdose', 'her friend overdosed and is in rehab now, she took the rest of his pills'],
      ['overdose', 'a stranger overdosed at the bus stop and survived, she says she wants to take what he took'],
    ]);
    rulesOut('overdose', ['a stranger at the bus shelter overdosed, the paramedics brought him back and he survived', "her cousin overdosed last month and he is in rehab now, she is not using alone anymore"]);
  });

  it('harm-reduction talk: carrying a kit or a training does not cancel using alone', () => {
    // Before: all three were dropped by ctx-harm-reduction.
    keeps([
      ['overdose', 'she did the naloxone training last month and now she is using alone in her tent'],
      ['overdose', 'he picked up a kit because he is planning to use alone at the motel after release'],
      ['overdose', 'she carries narcan but uses alone every night in her room'],
    ]);
    rulesOut('overdose', ['he is not using alone anymore, he calls the overdose line every time', 'we handed out narcan at the outreach van', 'we talked about never using alone at group']);
  });

  it('a non-drug cause of passing out does not cancel a needle or blue lips beside it', () => {
    keeps([['overdose', 'he said it was low blood sugar but i found him with a needle next to him, blue lips']]);
    rulesOut('overdose', ['he passed out at the job site from heat exhaustion and the medic checked him']);
  });

  it('accidents: an account contradicted by fresh, patterned or repeated injuries is not an accident', () => {
    // Before: ctx-accident dropped both.
    keeps([
      ['self_harm', 'she said it was an accident but there are fresh cuts on both her arms in rows'],
      ['self_harm', 'scratches on her arms from the cat, she said, but she has been cutting again'],
    ]);
    rulesOut('self_harm', ['he cut his hand by accident opening a can', 'scratches on her arms from the kitten', 'she burned her hand on the stove but she is fine']);
  });

  it("a child's everyday knocks: a hand-shaped mark or a child's fear beside them is not", () => {
    keeps([
      ['abuse', 'the toddler has a bruise from learning to walk and another shaped like a hand on his arm'],
      ['abuse', 'bruise on her arm from soccer practice, and she flinched when her dad raised his voice'],
    ]);
    rulesOut('abuse', ['the toddler has a bruise on his forehead from learning to walk', 'bruised shin from soccer practice']);
  });

  it('a story on a screen: the person saying it will be them, or doing the same, is not a story', () => {
    keeps([
      ['overdose', 'we watched a movie about a guy who overdosed and she said that is going to be her this weekend'],
      ['suicide', 'she was reading a book about suicide and said she has been thinking of doing the same'],
    ]);
    rulesOut('overdose', ['we watched a show about a guy who overdosed']);
  });

  it('a threat handled by police or security: knowing where someone parks keeps it', () => {
    keeps([['harm_to_others', 'security walked him out after he threatened staff, he said he knows where the nurse parks']]);
    rulesOut('harm_to_others', ['crisis team and police took the man who was threatening staff up to the unit']);
  });

  it('medication as prescribed: keeping doses back is a stockpile', () => {
    keeps([['overdose', 'she uses a dosette but said she has been skipping and stockpiling them']], screen);
    rulesOut('overdose', ['she keeps her pills in a lockbox and takes them how the doctor said', 'he took his pills on time all week'], screen);
  });

  it('a benign plan (a move, surgery, a bus pass): finality said beside it keeps the give-away', () => {
    keeps([
      // Before: "won't be coming back" was not read as finality ("come" only), so the surgery made it benign.
      ['suicide', "she gave her cat to her sister before her surgery and said she won't be coming back"],
      ['suicide', "she gave away her good boots and her bus pass, said she's done with them"],
      ['suicide', "he is moving to a new place and gave away all his things, said he won't need them anymore"],
    ]);
    rulesOut('suicide', ['affairs in order ahead of his hip surgery next week', 'she is giving away her couch because she is moving into a furnished place']);
  });

  it('past and resolved: help that worked does not date a plan someone has now', () => {
    // Before: "counselling helped" made the whole sentence past, the plan's part being in the past tense ("told me").
    keeps([
      ['suicide', 'counselling helped but he told me he has a plan to hang himself'],
      ['suicide', 'she has a safety plan but told me she has the pills saved up in her drawer'],
      ['overdose', 'she overdosed years ago and is doing well now, but tonight she is going to use alone to celebrate'],
    ]);
    rulesOut('suicide', ['she tried to kill herself back then and therapy helped, she talks about it openly', 'he attempted suicide in his 20s and now he has a good job']);
  });

  it('a screening answer after the word: a risk said before it in the sentence is not answered', () => {
    // Before: the answer ruled out its whole sentence.
    keeps([
      ['suicide', 'she told me she wants to die, si denied'],
      ['suicide', 'asked about suicide, she said no, then asked me how many tylenol would be too many'],
    ], screen);
    rulesOut('suicide', ['SI denied, HI denied, safety plan reviewed', 'asked her straight about suicide, no thoughts no plan'], screen);
  });

  it('figures of speech: an exclusion removes its own words only', () => {
    keeps([
      ['suicide', 'killing it at work but says he wants to kill himself'],
      ['suicide', "he'd rather die than go back to that job, he has been looking up how many pills it takes"],
    ]);
  });
});

describe('risk screen: false alarms by kind of wording, each with the warning signs it must keep', () => {
  it('recovery that goes on ("still clean"), a denied "currently" and a keepsake are not a current risk', () => {
    rulesOut('overdose', ['her son overdosed in 2020, she keeps his picture by the door', 'he is still clean after his overdose in 2019', "her brother's overdose in 2015 is what she meant, she is not currently using"]);
    // Still using, keeps using, a means kept now, "currently using": current.
    keeps([
      ['overdose', 'she overdosed years ago and is still using'],
      ['overdose', 'he overdosed years ago and he is still not clean'],
      ['overdose', 'she overdosed in 2020 and keeps using alone'],
      ['overdose', 'he overdosed years ago, currently using daily'],
      ['suicide', 'she tried to kill herself in 2020 and keeps the pills she saved in her drawer'],
    ]);
  });

  it("a worker's coping said plainly ('I feel okay today', 'I've got my circle') gates their distress; using, a means or a wish to die beside it does not", () => {
    const m = shippedModel();
    for (const t of ["cried a little after my client's funeral, but I've got my circle and my kookum's tea and I feel held", 'I dreamt about the client who died and went for a run. I feel okay today.']) {
      assert.ok(gatedScore(normalise(t), 'psw_distress', c, m) < m.thresholds.psw_distress, t);
    }
    keeps([
      ['psw_distress', 'I feel okay today but I have been drinking every night after shift'],
      ['psw_distress', 'I have my sponsor but I picked up last night'],
      ['psw_distress', 'I keep seeing his face when I close my eyes. I feel okay today.'],
      ['suicide', 'I feel fine now, I just want to disappear'],
    ], screen);
  });

  it('"hx" is a history, and "has not … since spring" a past, unless it is back', () => {
    rulesOut('suicide', ['client hx stockpiling meds 2019. now blister packed weekly by pharmacy, no current concerns', 'he had thoughts of suicide last winter, used his safety plan and has not had them since spring']);
    keeps([
      ['overdose', 'hx of overdose 2019, using alone again since friday'],
      ['self_harm', 'he has not cut since spring, but he cut again last night'],
    ]);
  });

  // Found by the lead in round 10.
  it('"has not had a <thing> since …" dates that thing, not a means bought beside it', () => {
    // The cue with its own object ("a tent") says nothing of the rope: an excuse the next clause contradicts.
    keeps([
      ['suicide', 'he bought a rope for the tent but he has not had a tent since august'],
      ['suicide', 'he bought a rope for camping but he has not had a tent in two years'],
    ]);
    rulesOut('suicide', ['he had thoughts of suicide last winter and has not had them since spring', 'tried to hang himself in 2015 and has not had a relapse since june']);
  });
});

describe("risk screen: the worker's own strand (reflect me), against the warning signs it must not swallow", () => {
  const own = (text: string) => riskCategories(screenRisk(text, c, {}, { self: true }));

  it('a memory or a story rules out its own part, not a part where the worker does something now', () => {
    // Before: the reflective cue ruled out the whole sentence.
    keeps([
      ['psw_distress', 'her story stays with me and i have been looking up how many it would take'],
      ['psw_distress', 'my sponsor says call him but i picked up on the way home'],
    ], own);
    for (const t of ["i was the one who found him after he od'd and i keep replaying it", 'we lost him to fentanyl last week, i keep thinking about our last coffee together', 'it brought back memories of my own using days']) {
      assert.deepEqual(own(t), [], t);
    }
  });
});

describe('risk screen: the window across sentences of one note', () => {
  it('a screening question answered no in the next sentence raises nothing', () => {
    for (const t of ['I asked about suicide. She said no.', 'I asked him about suicide. No.', 'Asked about self harm. She denied.']) assert.deepEqual(screen(t), [], t);
  });

  it('...but a yes, a "but", or a risk in the answer or after it stays', () => {
    keeps([
      ['suicide', 'I asked her about suicide. She said yes, she has been thinking about it.'],
      ['suicide', 'I asked about suicide. She said no, but she gave away her cat yesterday.'],
      ['suicide', 'I asked about suicide. She said no. Later she told me she has a rope in the closet.'],
      ['suicide', 'screened for si, denies. then said she had written letters to her kids.'],
      ['suicide', 'SI denied. Has been giving away her things and said goodbye to her sister.'],
    ]);
    // The answer reaches back only to its question: a risk said before the question is not answered.
    keeps([['suicide', 'She wants to die. I asked about suicide. She said no.']]);
  });

  it('a laugh does not cancel a plan or a means said in the next sentence, nor a warning sign after "lol"', () => {
    // Before the window, the first three read nothing: the laugh dropped the threat, the plan next door has no hit.
    keeps([
      ['harm_to_others', 'she joked she would kill him haha. she has been planning it for weeks.'],
      ['harm_to_others', "he laughed about killing his boss. he said he's serious this time."],
      ['harm_to_others', 'he joked he would kill his landlord lol. he asked me where the landlord parks.'],
      ['suicide', "said she's fine lol. already wrote the letters"],
      ['suicide', 'said she is fine haha. gave her dog to her sister this morning'],
    ]);
    rulesOut('harm_to_others', ['she said i will kill him then laughed and called him on speaker. they made up by dinner.']);
  });

  it('a handled threat is lifted by a release said next door', () => {
    // Before the window: read nothing (the arrest handled the threat; "out tomorrow" was in the next sentence).
    keeps([['harm_to_others', 'police took him away after he threatened the nurse. he will be out tomorrow.']]);
  });

  it('the classifier reads what the answer leaves: the question and its answer are out of scope, the rest stays', () => {
    const norm = normalise('she wants to die . i asked about suicide . she said no');
    assert.equal(inScope(norm, 'suicide', c), 'she wants to die');
    assert.ok(gatedScore(normalise('I asked about suicide. She said no.'), 'suicide', c, shippedModel()) < shippedModel().thresholds.suicide);
  });
});

// Round 11 (false alarms): everyday sentences that share a risk word — a hit explained in the next sentence, harm-reduction
// teaching, idioms, a plot on a screen, a tool carried for work, a client's shaking hands, a worker who coped — each rule
// beside the warning signs it must not swallow, in the same sentence and in the next. Every sentence here is invented.
// Figures: docs/history/SAFETY-rounds.md ("Round 11 (false alarms)").
describe('risk screen: everyday sentences that share a risk word, against the warning signs they must not swallow', () => {
  it("a tool carried for work or chores (ctx-tool-use), said in its sentence or the next", () => {
    rulesOut('harm_to_others', ['security found a blade in her backpack. She says it is for her job as a landscaper.', 'he keeps a box cutter to open boxes at the warehouse'], screen);
    rulesOut('self_harm', ['she keeps a box cutter for her cardboard signs, never pulled it on anyone'], screen);
    keeps([
      ['harm_to_others', 'he carries a knife for his work and said he will stab the guy who stole his bike'],
      ['harm_to_others', 'he bought a knife for his work. He told me he wants to hurt the foreman.'],
      ['self_harm', 'she carries razor blades for her job. She has fresh cuts on her arms.'],
      ['self_harm', 'she has a box cutter for her signs and she told me she has been cutting herself again'],
    ]);
  });

  it("someone else's overdose handled, told over two sentences (ctx-other-od-handled, next)", () => {
    rulesOut('overdose', ['My cousin overdosed at a party. He survived and is in detox now.', 'a stranger overdosed in the stairwell, the nurse narcanned him and he is awake now'], screen);
    keeps([
      ['overdose', 'Her neighbour overdosed. He survived. Now she is using alone every night.'],
      ['overdose', 'Her neighbour overdosed. He survived. She says she wants to take what he took.'],
    ]);
  });

  it('coping said in the next sentence (ctx-coped, next) does not cancel a worker who cannot sleep or stop seeing it', () => {
    rulesOut('psw_distress', ['I cried in my car after the visit. Talked it through with my sponsor and slept well.']);
    keeps([
      ['psw_distress', 'I cried in the car after the session. Talked it through with my supervisor but I still can not sleep.'],
      ['psw_distress', 'I can not stop seeing his face. Slept fine though.'],
    ]);
  });

  it('a benign plan: retirement, a career, a gift meant to be worn (ctx-benign-plan, next); finality anywhere keeps it', () => {
    rulesOut('suicide', [
      'He left goodbye notes on every desk. He retires from the mill on Friday.',
      'Auntie is giving all her jewelry to the nieces this Christmas. She is healthy, she wants to see them wearing it.',
    ], screen);
    // A career plan gates the classifier's suicide (no pattern fires on it): the context rules rule the kind out.
    const gated = (t: string) => contextRulesOut(normalise(t), 'suicide', c);
    assert.ok(gated('he wants to become a firefighter and we made a plan together for the fitness test'));
    assert.ok(!gated('he wants to become a firefighter but says he has it all planned and will not be around next year'));
    keeps([
      ['suicide', "She gave away her guitar to her niece. She retires Friday and says she won't need anything after that."],
      ['suicide', "He gave away his dogs. He's retiring and says he won't be around next year."],
      ['suicide', 'She wrote goodbye letters to her kids. She retires from life, she says.'],
      ['suicide', 'she wants to be a nurse but she told me she has it all planned and wrote goodbye letters'],
    ]);
  });

  it('a screening answer given before the question drops only what it answers', () => {
    rulesOut('suicide', ['he said no when I asked him if he was thinking about ending things, and talked about his fishing trip'], screen);
    keeps([
      ['suicide', 'Said no when I asked if he is thinking of ending things, but then said he has the pills saved.'],
      ['suicide', 'She wants to die. Said no when I asked about suicide.'],
    ]);
  });

  it('harm-reduction teaching (ctx-harm-reduction) does not cancel using alone', () => {
    rulesOut('overdose', ['the youth went to an overdose response class and showed her mom how to recognize an overdose', 'we did a narcan workshop at the drop in and people taught each other']);
    keeps([
      ['overdose', 'We did a naloxone session but she told me she is using alone in her tent tonight.'],
      ['overdose', 'She taught her sister how to use narcan and then went off to use alone.'],
    ]);
  });

  it('a non-drug cause: a diabetic low does not cancel a needle or fentanyl', () => {
    rulesOut('overdose', ['people said he overdosed on the bus but it was a diabetic low, he ate something and he is fine'], screen);
    keeps([['overdose', 'It was a diabetic low, but I found him with a needle next to him and blue lips.']]);
    keeps([['overdose', 'His sugar dropped he said, but he was using fent all night.']], screen);
  });

  it('a plot on a screen (ctx-fiction); saying it will be them, next door too, keeps it', () => {
    rulesOut('harm_to_others', ['told me the soap opera plot where the wife poisons her sister, she loves that show']);
    keeps([
      ['overdose', 'We watched a show about a guy who overdosed. She said that is going to be her this weekend.'],
      ['suicide', 'The drama plot was about a man who kills himself and she said she has been thinking about doing the same.'],
    ]);
  });

  it('a history at a young age is past; again or new cuts keep it', () => {
    rulesOut('self_harm', ['history of self harm at 14, nothing since'], screen);
    keeps([
      ['self_harm', 'History of self harm at 15, cutting again this week.'],
      ['self_harm', 'History of self harm at 15. She showed me new cuts on her arms yesterday.'],
    ]);
  });

  it("figures of speech and narrowings: sending something, a long drive, a topic, a thief, a client's hands", () => {
    rulesOut('harm_to_others', ['can you shoot me the forms before noon', 'the drive to kamloops killed me']);
    rulesOut('psw_distress', ['we had a good in service on vicarious trauma and I signed up for peer debriefs', 'her hands were shaking, she had skipped breakfast before the interview']);
    rulesOut('abuse', ['he says someone took his phone at the shelter and he wants it back']);
    keeps([
      ['harm_to_others', 'He said he would shoot me in the head if I told anyone.'],
      ['harm_to_others', "The drive to his ex's place, he says he is going to kill her when he gets there."],
      ['psw_distress', 'I read an article about compassion fatigue and I can not stop seeing his face at night.'],
      ['psw_distress', 'My hands were shaking the whole drive home after the code.'],
      ['abuse', "Her boyfriend took her phone again and won't let her leave the house."],
    ]);
  });

  it('her own phone and money (ctx-own-means): a controlling or violent partner said anywhere in the sentence keeps it', () => {
    // It gates the classifier's abuse (no pattern fires on such a sentence): the context rules rule the kind out.
    const gated = (t: string) => contextRulesOut(normalise(t), 'abuse', c);
    assert.ok(gated('her partner picks her up after group since her car broke down, she keeps her own bank card and phone and talks freely with us'));
    assert.ok(!gated('her partner picks her up after group, she has her own phone but she has to ask him permission to use it'));
    keeps([
      ['abuse', 'She has her own phone and money but he checks her texts every night.'],
      ['abuse', "She has her own bank card, but he took her keys and won't let her leave."],
      ['abuse', 'Each of them has their own account, she says he hits her when the bills are late.'],
    ]);
  });

  it("a child's knocks from games, and a bruise explained in the next sentence (ctx-child-accident, next)", () => {
    rulesOut('abuse', ['black eye from a dodgeball in gym class, the coach called his mom', 'She asked about the bruises on her arms. They are from her blood thinners, the pharmacist confirmed it.'], screen);
    keeps([
      ['abuse', 'Black eye from dodgeball in PE, he says, but he flinched when his dad came in.'],
      ['abuse', 'Bruise on his arm from paintball. Another bruise shaped like a hand on his neck.'],
    ]);
  });

  it('a wish to die said over a game and laughed at (ctx-game-joke); a means, a plan or "every night" keeps it', () => {
    rulesOut('suicide', ['my cousin said he would shoot himself if the oilers lose again and we all cracked up', 'she lost at bingo and said she wanted to die, laughing with the table'], screen);
    keeps([
      ['suicide', 'His team lost the final and he said he wants to die, laughing, but he told me he has the pills saved.'],
      ['suicide', 'She said she wants to die after karaoke, laughing, then said she has been thinking about it every night.'],
      ['suicide', 'The Leafs lost again and he joked he would kill himself, but later said he has a rope in the shed.'],
    ]);
  });

  it('a firearm stored locked for the stock (ctx-tool-use) does not cancel a threat or a plan with it', () => {
    rulesOut('harm_to_others', ['everyone out on the farm has a rifle for the coyotes, his is locked in the safe and he mostly talks about his horses'], screen);
    keeps([
      ['harm_to_others', 'He has a rifle locked in the safe for the coyotes and says he will shoot his brother.'],
      ['suicide', 'He keeps his rifle unloaded in the rack. He told me he is going to kill himself with it.'],
    ]);
  });

  it('everyday figures of speech (exclusions) leave a real wish or a real overdose beside them', () => {
    rulesOut('suicide', ['he wants to die his hair blue for the game', 'she wanted to disappear from the wedding, too shy to dance, and went home early', "she'd rather die than go back to that city, then showed me the lease for her new place", 'grandpa wants to die in his own bed, the hospice team comes every morning']);
    rulesOut('abuse', ['the upstairs tenant molests them all night with loud music, she will call the landlord']);
    rulesOut('overdose', ['he overdosed on coffee before the exam']);
    keeps([
      ['suicide', "She wants to disappear. Off Facebook too, she says, she doesn't want to be alive."],
      ['suicide', 'She said she wants to die in her own bed, palliative nurse comes daily, and she has been saving her morphine.'],
      ['overdose', 'She overdosed on sleeping pills and chocolate.'],
      ['overdose', 'The guy who od\'d at the shelter is in treatment now and he is still using alone.'],
      ['overdose', 'Her neighbour overdosed. Client called 911 and gave naloxone. He survived. Client is using alone again tonight.'],
    ]);
  });
});

// Round 12 (a new writer's false alarms): kinds of everyday wording that shared a risk word on `av…` — a time clause
// ("when I'm done with group"), a count of none ("zero overdoses"), overwork said as "killing himself working doubles",
// suicide as a topic (rates, a panel) — each rule beside the warning signs it must not swallow, in the same sentence and
// in the next. Every sentence here is invented. Figures: docs/history/SAFETY-rounds.md ("Round 12").
describe('risk screen: a time clause, a count of none, overwork and suicide as a topic, against the warning signs they must not swallow', () => {
  it("'done' in a time clause is when, not the worker's distress (pd-x-figurative)", () => {
    rulesOut('psw_distress', ['my sister said call her when i am done with supervision so we can get tacos', 'once im done with the group notes i am heading to the gym'], screen);
    keeps([
      ['psw_distress', 'when i am done with this shift i am going home, i am done, i feel empty and numb'],
      ['psw_distress', 'i will call you when i am done with group. honestly i am done, i can not keep doing this job'],
      ['psw_distress', 'after i am done with work i sit in my car and can not stop seeing his face'],
    ]);
  });

  it("a count of none ('zero overdoses') negates like 'no' (ctx-negation)", () => {
    rulesOut('overdose', ['the outreach van did 30 contacts and zero overdoses tonight', 'zero ods at the site this week, great team'], screen);
    keeps([
      ['overdose', 'zero overdoses on shift but he is using alone in his tent tonight'],
      ['overdose', 'zero overdoses at the site this week. He was found blue and not breathing in the bathroom last night.'],
      ['overdose', 'he has zero tolerance after six months inside and he is using alone tonight'],
    ]);
    keeps([['suicide', 'she has zero support at home and she wants to die']]);
  });

  it("overwork said as 'killing himself working doubles' is a figure of speech (sui-x-figurative)", () => {
    rulesOut('suicide', ['he is killing himself working doubles to send money home', 'she has been killing herself working two jobs since the baby'], screen);
    keeps([
      ['suicide', 'he is working doubles and told me he wants to kill himself'],
      ['suicide', 'he is killing himself working overtime. He also said he has been thinking about ending his life.'],
      ['suicide', 'she is killing herself working nights, and she gave her dog away and wrote letters to her kids'],
    ]);
  });

  it('suicide as a topic — rates, research, a panel about it — is not a person at risk (sui-x-training)', () => {
    rulesOut('suicide', ['we had a panel about suicide rates in trans youth, good turnout', 'she is reading suicide research for her nursing degree', 'a presentation on youth suicide at the conference'], screen);
    keeps([
      ['suicide', 'after the panel about suicide rates she told me she has a plan to kill herself'],
      ['suicide', 'she went to a presentation on suicide. She said she has been looking up how many pills it would take.'],
      ['suicide', 'he reads suicide statistics every night and says he wants to die'],
    ]);
  });

  it("medication taken as prescribed by name ('taking the prescribed tylenol 3') rules out overdose; mixing, doubling or buying on top keeps it (ctx-adherence)", () => {
    rulesOut('overdose', ['healing well after surgery, taking the prescribed tylenol 3 for pain and tapering off this week', 'he is on his prescribed suboxone and doing well at work'], screen);
    keeps([
      ['overdose', 'he takes his meds as prescribed and drank a bottle of vodka on top'],
      ['overdose', 'he takes his pills on time but mixes them with xanax and passes out'],
      ['overdose', 'she is taking her prescribed zopiclone with wine at night. says one pill is not enough anymore.'],
      ['overdose', 'she is on her prescribed suboxone. She was found blue and not breathing last night.'],
    ]);
  });

  it("someone else's overdose handled by paramedics or a hospital (ctx-other-od-handled); the client's own intent next door keeps it (around)", () => {
    rulesOut('overdose', ['a stranger overdosed in the lobby, naloxone given and he was transported', 'the guy in the next tent overdosed last night, paramedics took him, he is in the icu'], screen);
    keeps([
      ['overdose', 'her friend overdosed and was taken to hospital. She took the rest of his pills.'],
      ['overdose', 'her roommate overdosed and is in the icu, and she is using alone in the room now'],
      ['overdose', 'his cousin overdosed and is stable now. He wants to take what his cousin took.'],
      ['overdose', 'his brother overdosed last week and is in hospital. He says he wants to use what his brother had.'],
      ['overdose', 'my client overdosed and was taken to hospital'],
    ]);
  });

  it("a wish to die on a game's result ('if the mariners lose') is a figure of speech (ctx-game-joke); a plan, a means or a giving away, here or next door, keeps it", () => {
    rulesOut('suicide', ["the dude said he'd off himself if the mariners lose again lmao", 'she wants to die if her team loses the final again'], screen);
    keeps([
      ['suicide', 'he said he would kill himself if the leafs lose tonight, and he has been giving away his stuff'],
      ['suicide', 'if they lose he wants to die. he has been thinking about it every night'],
      ['suicide', 'his team lost and he said he wants to die lol. he wrote a note to his mom last night'],
    ]);
  });

  it("a secret is no denial: a cue on telling negates the telling, not the clause told (negation scope)", () => {
    keeps([
      ['psw_distress', "I haven't told anyone I started using again on weekends. Just a little."],
      ['self_harm', 'nobody knows she has been cutting again'],
      ['self_harm', 'she has not told her mom that she has been cutting again'],
    ]);
    // A denial of the saying or of the thing itself stays a denial.
    rulesOut('suicide', ['he has not mentioned suicide', 'she did not say she wanted to die', 'client denies si, has not told anyone about any plan']);
    rulesOut('self_harm', ['she never told me about self harm because there has been none']);
  });

  it('control told as a routine or as medication held over someone (ab-control-2): the care and the checks that stay', () => {
    keeps([
      ['abuse', 'her husband drives her to work and picks her up, and she has to show him receipts for everything she buys'],
      ['abuse', 'her boyfriend calls her work every hour to make sure she is there'],
      ['abuse', 'his wife gives him his pills only when he agrees with her'],
      ['abuse', 'her spouse confiscated her hormones after the argument'],
      ['abuse', 'her boyfriend hides her insulin when they fight'],
    ]);
    rulesOut('abuse', [
      'his daughter handles his pills since the stroke and gives them to him every morning',
      'the nurse confiscated his meds at intake and gives them out at the med window',
      'the pharmacist took away her old inhaler and gave her a new one',
      'she has to show the receipts for the petty cash to her manager',
      'her mom calls every hour from the hospital to check on the baby',
    ]);
  });

  it('affairs put in order with no risk word — a debt paid off beside things returned, a goodbye or "thanks for everything" (sui-goodbye-behaviour); a plan ahead stays', () => {
    keeps([
      ['suicide', 'he paid off his tab, returned his brother s tools and called his dad just to say thanks for everything'],
      ['suicide', 'she paid off all her debts and said goodbye to her sister, said she is tired of it all'],
    ]);
    rulesOut('suicide', [
      'she paid off her car loan this month, so proud of her',
      'he paid off his fines and returned his library books, getting his licence back next week',
      'she paid off her loans and gave her guitar away so she can move to vancouver in june',
    ]);
  });

  it('lost tolerance told in the past tense — inside, then "got out" or "came home", then using (od-tolerance-3); a stay that ended in clean time or ordinary life stays', () => {
    keeps([
      ['overdose', 'he has been inside since spring, just got out friday, and he bought a point off the first guy he saw'],
      ['overdose', 'she was in detox for two weeks, came home yesterday and went straight back to her old dealer'],
    ]);
    rulesOut('overdose', [
      'he was in jail in 2015, got out and used for two years, he has been clean since 2018',
      'she was in the hospital for her hip and came home tuesday, her daughter is staying with her',
    ]);
  });
});
