// Round 12 (a new writer's false alarms): kinds of everyday wording that shared a risk word on `av…` — a time clause
// ("when I'm done with group"), a count of none ("zero overdoses"), overwork said as "killing himself working doubles",
// suicide as a topic (rates, a panel) — each rule beside the warning signs it must not swallow, in the same sentence and
// in the next. Every sentence here is invented. Figures: docs/history/SAFETY-rounds.md ("Round 12").
import { screen, keeps, rulesOut } from '../../helpers/screenAsserts';

describe('risk screen round 12: false alarms ruled out, against the warning signs they must not swallow', () => {
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
