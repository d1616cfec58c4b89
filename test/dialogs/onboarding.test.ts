import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { PROMPTS_PER_DEBRIEF } from '../../dialogs/reflection';
import { content } from '../../services/content';
import { asRole, Conversation, useBot, visibleText } from '../helpers/bot';

const onboarding = content().onboarding;

/** The Action.Submit data of every button in the replies. */
function buttons(activities: Partial<Activity>[]): { title: string; data: Record<string, unknown> }[] {
  const out: { title: string; data: Record<string, unknown> }[] = [];
  for (const a of activities) {
    for (const att of a.attachments ?? []) {
      const actions = (att.content as { actions?: { type: string; title: string; data: Record<string, unknown> }[] }).actions ?? [];
      for (const x of actions) if (x.type === 'Action.Submit') out.push({ title: x.title, data: x.data });
    }
  }
  return out;
}

/** Presses the button with this title, as Teams would submit it. */
async function press(convo: Conversation, replies: Partial<Activity>[], title: string): Promise<Activity[]> {
  const button = buttons(replies).find((b) => b.title === title);
  assert.ok(button, `a button "${title}" among ${buttons(replies).map((b) => b.title).join(' | ')}`);
  return convo.say(button.data);
}

describe('onboarding over HTTP', () => {
  const bot = useBot();

  it('welcomes a new hire with a button that starts onboarding', async () => {
    const convo = new Conversation(bot().url);
    await asRole(bot(), convo.userId, 'newhire');
    const { activities } = await convo.post({
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'peerreflect-bot', name: 'PeerReflect' }, { id: convo.userId, name: 'Tester' }],
    });
    assert.equal(activities.length, 1);
    assert.match(activities[0]!.text ?? '', /learn the Creating Connection model/);
    const replies = await press(convo, activities, 'Start onboarding');
    const text = visibleText(replies);
    assert.match(text, new RegExp(onboarding.intro.title));
    assert.match(text, /Trust comes first/);
    assert.match(text, /Ready to look at the first stage\?/);
  });

  it('offers onboarding when a new hire first says anything that is not a command; a PSW is not offered it', async () => {
    const newHire = new Conversation(bot().url);
    await asRole(bot(), newHire.userId, 'newhire');
    const replies = await newHire.say('hello');
    assert.match(visibleText(replies), /Welcome to PeerReflect/);
    assert.deepEqual(buttons(replies).map((b) => b.data), [{ command: 'onboarding' }]);
    const psw = new Conversation(bot().url);
    const hello = visibleText(await psw.say('hello'));
    assert.doesNotMatch(hello, /Welcome to PeerReflect|didn't catch that/);
    assert.match(hello, /good to see you/);
  });

  it('teaches a stage: practice, vignette, check question; a wrong answer gets its feedback and the right answer', async () => {
    const convo = new Conversation(bot().url);
    const personId = await asRole(bot(), convo.userId, 'newhire');
    await convo.say('onboarding');
    const stage1 = await convo.say("let's go");
    const trust = onboarding.modules[0]!;
    const text1 = visibleText(stage1);
    assert.match(text1, /\*\*Module 1: Early days\*\* \(1 of 4\)/);
    assert.match(text1, /Show up when you said you would/);
    assert.match(text1, /You've met C-21 twice/);
    assert.match(text1, /Which stage is this relationship in\?/);
    const card = stage1.flatMap((a) => a.attachments ?? []).map((x) => x.content as { fallbackText?: string; actions?: { title: string }[] }).pop()!;
    assert.deepEqual(card.actions!.map((a) => a.title).slice(0, 2), ['Building trust', 'Fostering the relationship']);
    assert.match(card.fallbackText!, /1\. Building trust\n2\. Fostering the relationship/, 'clients without cards get a numbered list');

    // The wrong answer, from the card button: its own feedback, the right answer named, and why.
    const after = await press(convo, stage1, 'Fostering the relationship');
    const feedback = visibleText(after);
    assert.match(feedback, /Not quite\. Not yet\. They're still checking what you do with what they tell you\./);
    assert.match(feedback, /The best answer: \*\*Building trust\*\*/);
    // The why, without naming the answer a second time ("Building trust. They're…" → "They're…").
    const why = trust.check.feedback.replace(/^Building trust[.!:]\s*/i, '');
    assert.ok(feedback.includes(why));
    assert.doesNotMatch(feedback, /\*\*Building trust\*\*\n\nBuilding trust/);
    assert.match(feedback, new RegExp(`Take a moment with this one: ${trust.reflect.text.replace(/[?.]/g, '\\$&')}`));

    // The reflective answer is de-identified on arrival and not kept.
    const thanks = visibleText(await convo.say('My aunt Margaret Okafor did, she kept every promise.'));
    assert.match(thanks, /I don't keep these answers/);
    assert.match(thanks, /I took out 1 name/);
    assert.match(thanks, /\*\*Module 2: Fostering the relationship\*\* \(2 of 4\)/);

    // A right answer, typed by its number.
    const right = visibleText(await convo.say('2'));
    assert.match(right, /✅ That's right\. Curiosity about their view/);

    const status = await bot().app.onboarding.onboardingStatus(personId);
    assert.deepEqual(status, { started: true, completed: false, step: 4, total: 10, checksRight: 1, checksAnswered: 2, restarted: false });
    const progress = JSON.stringify(await bot().app.onboarding.get(personId));
    assert.doesNotMatch(progress, /Margaret|Okafor|promise/, 'reflective answers are not stored');
  });

  it('resumes where the person left off in a new conversation, on another day or device', async () => {
    const first = new Conversation(bot().url);
    const personId = await asRole(bot(), first.userId, 'newhire');
    await first.say('onboarding');
    await first.say('ok');
    await first.say('Building trust'); // stage 1 check, typed by its title
    await first.say('skip'); // stage 1 reflection
    // Left halfway through stage 2: the question is showing; no answer.

    const second = new Conversation(bot().url, first.userId); // same person, new conversation (new dialog state)
    assert.notEqual(second.conversationId, first.conversationId);
    const offer = await second.say('hi');
    assert.match(visibleText(offer), /partway through onboarding \(step 4 of 10\)/);
    const resumed = await press(second, offer, 'Pick up where I left off');
    const text = visibleText(resumed);
    assert.match(text, /Welcome back! Picking up where you left off: Module 2: Fostering the relationship \(step 4 of 10\)/);
    assert.match(text, /C-08 now texts you/);
    assert.match(visibleText(await second.say('Ask how they see it, and share your own experience if they want it.')), /That's right/);
    assert.equal((await bot().app.onboarding.get(personId))!.step, 4);

    // The old conversation still shows stage 2's question, answered elsewhere: no second answer, no double step.
    const old = visibleText(await first.say('1'));
    assert.match(old, /already moved past that one/);
    assert.match(old, /Take a moment with this one: When do you feel the pull to fix things/);
    const progress = (await bot().app.onboarding.get(personId))!;
    assert.equal(progress.step, 4);
    assert.equal(progress.checks['onb-fostering-check']!.choiceId, 'curious');
  });

  it('`onboarding restart` starts over from the introduction; `onboarding` when finished says so', async () => {
    const convo = new Conversation(bot().url);
    const personId = await asRole(bot(), convo.userId, 'newhire');
    await convo.say('onboarding');
    await convo.say('ok');
    assert.match(visibleText(await convo.say('cancel')), /Your place is kept/);
    assert.equal((await bot().app.onboarding.get(personId))!.step, 1);
    const restarted = visibleText(await convo.say('onboarding restart'));
    assert.match(restarted, /starting onboarding over/);
    assert.match(restarted, /Ready to look at the first stage\?/);
    assert.equal((await bot().app.onboarding.get(personId))!.step, 0);
    await convo.say('cancel');
    await bot().app.onboarding.complete(personId, new Date());
    assert.match(visibleText(await convo.say('onboarding')), /already finished onboarding/);
  });

  it('understands `onboarding restart` typed inside onboarding (at a check, a reflective question, the practice debrief), and `onboarding` shows where they are', async () => {
    const convo = new Conversation(bot().url);
    const personId = await asRole(bot(), convo.userId, 'newhire');
    await convo.say('onboarding');
    await convo.say('ok');
    // At the first check question: `onboarding` is not an answer; the same question is shown again.
    const again = visibleText(await convo.say('onboarding'));
    assert.doesNotMatch(again, /didn't catch that/);
    assert.match(again, /Picking up where you left off: Module 1: Early days/);
    assert.match(again, /Which stage is this relationship in\?/);
    assert.deepEqual((await bot().app.onboarding.get(personId))!.checks, {});
    await convo.say('Building trust');
    // At a reflective question: typed restart is the command, not an answer.
    const fromReflect = visibleText(await convo.say('onboarding restart'));
    assert.match(fromReflect, /starting onboarding over/);
    assert.doesNotMatch(fromReflect, /Thanks for sharing that/);
    assert.match(fromReflect, /Ready to look at the first stage\?/);
    assert.equal((await bot().app.onboarding.get(personId))!.step, 0);
    // Through to the practice debrief, then restart from inside it (typed with a capital and a full stop).
    await convo.say('ok');
    for (const m of onboarding.modules) {
      await convo.say(m.check.choices.find((c) => c.id === m.check.answer)!.text);
      await convo.say('skip');
    }
    assert.equal((await bot().app.onboarding.get(personId))!.step, 9);
    await convo.say('skip'); // names to hide, in the practice debrief
    const fromPractice = visibleText(await convo.say('Onboarding restart.'));
    assert.match(fromPractice, /starting onboarding over/);
    assert.equal((await bot().app.onboarding.get(personId))!.step, 0);
    const saved = await bot().app.reflections.listByPsw(personId, { includePractice: true });
    assert.equal(saved.items.length, 0, 'the practice debrief left unsaved');
  });

  it('after a restart the old answers no longer count in what the supervisor sees', async () => {
    const { roster } = bot().app.supervision;
    await roster.add({ channelId: 'onb-sup-r', role: 'supervisor', alias: 'Sup R', team: 'Team R' });
    await roster.add({ channelId: 'onb-newhire-r', role: 'newhire', alias: 'New R', supervisor: 'Sup R', team: 'Team R' });
    const supervisor = new Conversation(bot().url, 'onb-sup-r');
    const convo = new Conversation(bot().url, 'onb-newhire-r');
    await convo.say('onboarding');
    await convo.say('ok');
    // Two wrong answers in the first go.
    await convo.say('Fostering the relationship');
    await convo.say('skip');
    await convo.say('Change the subject to keep things light.');
    await convo.say('skip');
    assert.match(JSON.stringify(await supervisor.say('summary')), /"title":"Onboarding","value":"step 5 of 10, 0\/2 checks right so far"/);
    await convo.say('onboarding restart');
    assert.match(JSON.stringify(await supervisor.say('summary')), /"title":"Onboarding","value":"step 0 of 10, started over"/);
    await convo.say('ok');
    await convo.say('Building trust');
    const summary = JSON.stringify(await supervisor.say('summary'));
    assert.match(summary, /"title":"Onboarding","value":"step 2 of 10, started over, 1\/1 checks right so far"/);
    assert.doesNotMatch(summary, /0\/2/);
  });

  it('tells a new hire plainly, once, what their supervisor sees', async () => {
    const TOLD = /Good to know: Your supervisor sees how far you've got and how many of the quiz questions you got right\. If you start over, only your new answers count\. They never see what you write to the reflective questions/;
    const { roster } = bot().app.supervision;
    await roster.add({ channelId: 'onb-sup-t', role: 'supervisor', alias: 'Sup T', team: 'Team T' });
    await roster.add({ channelId: 'onb-newhire-t', role: 'newhire', alias: 'New T', supervisor: 'Sup T', team: 'Team T' });
    const convo = new Conversation(bot().url, 'onb-newhire-t');
    const first = visibleText(await convo.say('onboarding'));
    assert.match(first, TOLD);
    assert.ok(first.indexOf('Trust comes first') < first.search(TOLD), 'after the introduction');
    assert.doesNotMatch(visibleText(await convo.say('ok')), /Good to know/);
    // Not again: resuming in another conversation, or starting over.
    const other = new Conversation(bot().url, 'onb-newhire-t');
    assert.doesNotMatch(visibleText(await other.say('onboarding')), /Good to know/);
    assert.doesNotMatch(visibleText(await other.say('onboarding restart')), /Good to know/);
    // Someone who began before this was said hears it wherever they resume; without a supervisor, it says so.
    const late = new Conversation(bot().url);
    const lateId = await asRole(bot(), late.userId, 'newhire');
    await bot().app.onboarding.begin(lateId, new Date());
    await bot().app.onboarding.completeStep(lateId, 0, new Date());
    const resumed = visibleText(await late.say('onboarding'));
    assert.match(resumed, /Good to know: When you have a supervisor here, they will see how far you've got/);
    assert.match(resumed, /Module 1: Early days/);
  });

  it('runs the whole module: four stages, then a practice debrief that is saved as practice, and the supervisor sees completion', async () => {
    const { roster } = bot().app.supervision;
    await roster.add({ channelId: 'onb-sup', role: 'supervisor', alias: 'Sup O', team: 'Team O' });
    await roster.add({ channelId: 'onb-newhire', role: 'newhire', alias: 'New 1', supervisor: 'Sup O', team: 'Team O' });
    const personId = bot().app.personIdFor('onb-newhire');
    const supervisor = new Conversation(bot().url, 'onb-sup');
    assert.match(JSON.stringify(await supervisor.say('summary')), /"title":"Onboarding","value":"not started"/);

    const convo = new Conversation(bot().url, 'onb-newhire');
    await convo.say('onboarding');
    let replies = await convo.say("let's go");
    // Right answers for three stages, one wrong (fostering), each reflection answered or skipped.
    for (const m of onboarding.modules) {
      const choice = m.stage === 'fostering' ? m.check.choices.find((c) => c.id !== m.check.answer)! : m.check.choices.find((c) => c.id === m.check.answer)!;
      assert.match(visibleText(replies), new RegExp(m.title));
      replies = await press(convo, replies, choice.text);
      assert.match(visibleText(replies), m.stage === 'fostering' ? /Not quite/ : /That's right/);
      replies = await convo.say(m.stage === 'trust' ? 'A teacher who showed up every week.' : 'skip');
    }
    let text = visibleText(replies);
    assert.match(text, /\*\*Practice debrief\*\*/);
    assert.match(text, /C-99 agreed to a detox referral/);
    assert.match(text, /marked as practice/);
    assert.deepEqual(await bot().app.onboarding.onboardingStatus(personId), {
      started: true, completed: false, step: 9, total: 10, checksRight: 3, checksAnswered: 4, restarted: false,
    });

    // The real debrief, with a made-up name and street typed on purpose.
    replies = await convo.say('skip'); // names to hide
    assert.match(visibleText(replies), /\(1\/\d\)/, 'the stage comes from the practice case; prompts start');
    replies = await convo.say('I waited for Jordan Smith outside 42 Wellesley Street East and felt let down.');
    const prompts = Math.min(content().stageById[onboarding.practice.stage].prompts.length, PROMPTS_PER_DEBRIEF);
    for (let i = 1; i < prompts; i++) replies = await convo.say('skip');
    assert.match(visibleText(replies), /how is the relationship moving/);
    replies = await convo.say('Steady');
    replies = await convo.say('3 okay');
    text = visibleText(replies);
    assert.match(text, /Here's exactly what I'll save \(practice\) for \*\*PRACTICE\*\*/);
    assert.match(text, /\[NAME\]/);
    assert.doesNotMatch(text, /Jordan|Wellesley/);
    assert.match(text, /I hid /);

    text = visibleText(await convo.say('Save'));
    assert.match(text, /saved as practice only: it never counts as a real reflection/);
    assert.match(text, /I took out 1 name and 1 street address/);
    assert.match(text, /You've finished onboarding/);

    // Stored as practice, and never counted as real.
    const real = await bot().app.reflections.listByPsw(personId);
    assert.equal(real.items.length, 0, 'not listed as a real reflection');
    const all = await bot().app.reflections.listByPsw(personId, { includePractice: true });
    assert.equal(all.items.length, 1);
    assert.equal(all.items[0]!.practice, true);
    assert.equal(all.items[0]!.clientCode, 'PRACTICE');
    assert.doesNotMatch(JSON.stringify(all.items[0]), /Jordan|Wellesley/);
    assert.equal(await bot().app.relationships.get(personId, 'PRACTICE'), undefined, 'no relationship history from practice');

    assert.deepEqual(await bot().app.onboarding.onboardingStatus(personId), {
      started: true, completed: true, step: 10, total: 10, checksRight: 3, checksAnswered: 4, restarted: false,
    });
    const summary = JSON.stringify(await supervisor.say('summary'));
    assert.match(summary, /"title":"Onboarding","value":"done \(3\/4 checks right\)"/);
    assert.match(summary, /"title":"Reflections","value":"none yet"/, 'the practice debrief is not counted');
  });
});
