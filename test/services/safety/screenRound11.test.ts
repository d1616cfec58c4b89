// Round 11 (false alarms): everyday sentences that share a risk word — a hit explained in the next sentence, harm-reduction
// teaching, idioms, a plot on a screen, a tool carried for work, a client's shaking hands, a worker who coped — each rule
// beside the warning signs it must not swallow, in the same sentence and in the next. Every sentence here is invented.
// Figures: docs/history/SAFETY-rounds.md ("Round 11 (false alarms)").
import assert from 'node:assert/strict';
import { content } from '../../../services/content';
import { contextRulesOut } from '../../../services/safety/screen/lexicon';
import { normalise } from '../../../services/safety/screen/normalise';
import { screen, keeps, rulesOut } from '../../helpers/screenAsserts';

const c = content();

describe('risk screen round 11: false alarms ruled out, against the warning signs they must not swallow', () => {
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
