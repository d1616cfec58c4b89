// Commands and `stop` typed in the middle of a debrief (issue 14, item 1), over HTTP against the real bot.
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import { commandMidDialog } from '../../dialogs/commands';
import { buildCommandTable } from '../../dialogs';
import { Conversation, useBot, visibleText } from '../helpers/bot';

const firstTrustPrompt = () => content().stageById.trust.prompts[0]!.text;
const secondTrustPrompt = () => content().stageById.trust.prompts[1]!.text;

async function atFirstPrompt(c: Conversation, code: string): Promise<void> {
  await c.say(`reflect ${code}`);
  await c.say('skip'); // names to hide
  await c.say('building trust');
}

describe('commands typed mid-debrief', () => {
  const bot = useBot();

  it('recognises command-shaped text and close misspellings, and leaves sentences as answers', () => {
    const { commands } = buildCommandTable();
    const routed = (t: string) => { const r = commandMidDialog(t, commands); return r && `${r.command.phrases[0]}|${r.args}`; };
    assert.equal(routed('reflect E-2'), 'reflect|E-2');
    assert.equal(routed('history C-21'), 'history|C-21');
    assert.equal(routed('histroy C-21'), 'history|C-21');
    assert.equal(routed('summary'), 'summary|');
    assert.equal(routed('sumary last week'), 'summary|last week');
    assert.equal(routed('my summary'), 'my summary|');
    assert.equal(routed('history of abuse came up'), undefined);
    assert.equal(routed('reflection is hard for me'), undefined);
    assert.equal(routed('She talked about her week'), undefined);
    assert.equal(routed('Summer'), undefined);
  });

  it('`history C-21` at a question is not saved as the answer: carry on re-asks it, and the answer still counts', async () => {
    const c = new Conversation(bot().url);
    await atFirstPrompt(c, 'E-1');
    const asked = visibleText(await c.say('history C-21'));
    assert.match(asked, /You're in the middle of a reflection on E-1 — carry on, or switch\?/);
    const back = visibleText(await c.say('carry on'));
    assert.ok(back.includes(firstTrustPrompt()), back);
    const next = visibleText(await c.say('We talked about football'));
    assert.ok(next.includes(secondTrustPrompt()), next);
  });

  it('switching runs the command typed; `help me` shows help and the question again', async () => {
    const c = new Conversation(bot().url);
    await atFirstPrompt(c, 'E-1');
    const help = visibleText(await c.say('help me'));
    assert.match(help, /Here's what I can do/);
    assert.ok(help.includes(firstTrustPrompt()));
    await c.say('reflct E-2');
    const switched = visibleText(await c.say('switch'));
    assert.match(switched, /Any names you'd like me to always hide/);
    await c.say('skip');
    const stage = visibleText(await c.say('building trust'));
    assert.ok(stage.includes(firstTrustPrompt()));
    // The new debrief is about E-2.
    assert.match(visibleText(await c.say('my summary')), /reflection on E-2/);
  });

  it('`stop` with answers asks once: carry on keeps them, a second `cancel` throws them away', async () => {
    const c = new Conversation(bot().url);
    await atFirstPrompt(c, 'E-3');
    await c.say('She smiled when I arrived');
    const asked = visibleText(await c.say('stop'));
    assert.match(asked, /Stop a reflection on E-3\? What you've written so far won't be saved/);
    const back = visibleText(await c.say('carry on'));
    assert.ok(back.includes(secondTrustPrompt()), back);
    await c.say('cancel');
    const stopped = visibleText(await c.say('cancel'));
    assert.match(stopped, /stopped/i);
    assert.match(visibleText(await c.say('flibbertigibbet')), /I didn't catch that/);
    const psw = bot().app.personIdFor(c.userId);
    assert.equal((await bot().app.reflections.listByPsw(psw, { includePractice: true })).items.length, 0);
  });

  it('`back` at a question is not saved as its answer: it says answers can be changed at the review and asks again', async () => {
    const c = new Conversation(bot().url);
    await atFirstPrompt(c, 'E-5');
    await c.say('We went for a walk');
    const back = visibleText(await c.say('back'));
    assert.match(back, /can't go back a question[\s\S]*change any of them/);
    assert.ok(back.includes(secondTrustPrompt()), back);
    const next = visibleText(await c.say('go back'));
    assert.ok(next.includes(secondTrustPrompt()), 'still the same question');
    await c.say('She laughed at my joke');
    for (let i = 2; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await c.say('skip');
    await c.say('steady');
    await c.say('4');
    // The review shows both answers as written, and no "back" among them.
    const review = visibleText(await c.say('no'));
    assert.match(review, /1\. _[^_]+_\n\s+"We went for a walk"\n2\. _[^_]+_\n\s+"She laughed at my joke"/);
    assert.ok(!review.includes('"back"') && !review.includes('"go back"'), review);
  });

  it('a command typed at the stop question is a switch, not a loop: carry on goes back to the debrief, switch runs it', async () => {
    const c = new Conversation(bot().url);
    await atFirstPrompt(c, 'D-1');
    await c.say('She smiled when I arrived');
    assert.match(visibleText(await c.say('stop')), /Stop a reflection on D-1\?/);
    const asked = visibleText(await c.say('history C-7'));
    assert.doesNotMatch(asked, /didn't catch that/);
    assert.match(asked, /You're in the middle of a reflection on D-1 — carry on, or switch\? Switching ends this reflection/);
    assert.ok(asked.includes('Switch to `history C-7`'), asked);
    // Carry on goes back to the debrief's question, not to the stop question.
    const back = visibleText(await c.say('carry on'));
    assert.ok(back.includes(secondTrustPrompt()), back);
    assert.doesNotMatch(back, /Stop a reflection/);
    // At the switch question, another command (misspelt) takes its place; switching runs it.
    await c.say('stop');
    await c.say('summary');
    const again = visibleText(await c.say('reflct E-9'));
    assert.ok(again.includes('Switch to `reflect E-9`'), again);
    assert.match(visibleText(await c.say('switch')), /Any names you'd like me to always hide/);
    await c.say('skip');
    await c.say('building trust');
    assert.match(visibleText(await c.say('my summary')), /reflection on E-9/);
  });

  it('`stop` before anything is answered stops at once; "Stop, don\'t save" stops too', async () => {
    const c = new Conversation(bot().url);
    await atFirstPrompt(c, 'E-4');
    assert.match(visibleText(await c.say('stop')), /stopped/i);
    await atFirstPrompt(c, 'E-4');
    await c.say('He was quiet today');
    await c.say('cancel');
    assert.match(visibleText(await c.say("stop, don't save")), /Nothing from that was saved/);
  });
});
