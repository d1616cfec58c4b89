// Round 10: every rule that rules risk OUT, tested against the warning signs it must not swallow (a give-away with
// finality, a joke then a real plan, "denies SI" then a plan, a past overdose plus using alone tonight, "handled" but
// the person alone again, a prescribed routine beside a stockpile…), each beside the hard negative the rule is for,
// and the small window across sentences of one note (a screening question answered in the next sentence; a plan or a
// means said next door lifts a laugh or a handled event). Every sentence here is invented. Figures: docs/history/SAFETY-rounds.md
// ("Round 10: rules that rule risk out, tested against warning signs").
import assert from 'node:assert/strict';
import { content } from '../../../services/content';
import { gatedScore, riskCategories, screenRisk } from '../../../services/safety/screen';
import { shippedModel } from '../../../services/safety/screen/classifier';
import { inScope } from '../../../services/safety/screen/lexicon';
import { normalise } from '../../../services/safety/screen/normalise';
import { screen, keeps, rulesOut } from '../../helpers/screenAsserts';

const c = content();

describe('risk screen round 10: rules that rule risk out, against the warning signs they must not swallow', () => {
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

describe('risk screen round 10: false alarms by kind of wording, each with the warning signs it must keep', () => {
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

  it('"has not had a <thing> since …" dates that thing, not a means bought beside it (lead, round 10)', () => {
    // The cue with its own object ("a tent") says nothing of the rope: an excuse the next clause contradicts.
    keeps([
      ['suicide', 'he bought a rope for the tent but he has not had a tent since august'],
      ['suicide', 'he bought a rope for camping but he has not had a tent in two years'],
    ]);
    rulesOut('suicide', ['he had thoughts of suicide last winter and has not had them since spring', 'tried to hang himself in 2015 and has not had a relapse since june']);
  });
});

describe("risk screen round 10: the worker's own strand (reflect me)", () => {
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

describe('risk screen round 10: the window across sentences of one note', () => {
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
