// The debrief run as onboarding practice, and the free-text seam the safety screen plugs into.
import assert from 'node:assert/strict';
import { buildDialogs, freeTextSettings } from '../../dialogs';
import { ReflectionDialog } from '../../dialogs/reflection';
import type { FreeTextHook } from '../../dialogs/prompts';
import { DialogTestClient } from 'botbuilder-testing';
import { PERSON_KEY } from '../../dialogs/turn';
import { createServices } from '../../services/app';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { testConfig } from '../helpers/config';
import { closeStores, freshStore } from '../helpers/store';

describe('reflection as onboarding practice, and onFreeText hooks', () => {
  const seen: string[] = [];
  // A screen hook of the test's own, run after the safety screen on every free-text answer.
  const spy: FreeTextHook = async (_dc, answer) => {
    seen.push(answer.text);
    return answer.text.includes('overdose') ? { riskFlags: ['overdose'] } : undefined;
  };
  let bot: RunningBot;
  before(async () => {
    bot = await startBot({ dialogs: (app) => buildDialogs(app, { ...freeTextSettings(app), screen: [...freeTextSettings(app).screen, spy] }) });
  });
  after(async () => { await bot.stop(); await closeStores(); });

  it('runs as onboarding practice: saved with practice true, no relationship, no follow-up (DialogTestClient)', async () => {
    const app = createServices(testConfig(), await freshStore());
    const person = { id: 'psw-practice', role: 'newhire' as const, timeZone: 'America/Toronto', createdAt: new Date().toISOString() };
    const client = new DialogTestClient('test', new ReflectionDialog(app, freeTextSettings(app)), { practice: true, clientCode: 'PRACTICE' }, [
      { onTurn: async (context, next) => { context.turnState.set(PERSON_KEY, person); await next(); } },
    ]);
    let reply = await client.sendActivity('hi');
    assert.match(reply.text ?? '', /practise/);
    await client.sendActivity('skip'); // names to hide
    await client.sendActivity('Building trust');
    for (let i = 0; i < 5; i++) await client.sendActivity(i === 0 ? 'We talked about music' : 'skip');
    await client.sendActivity('stalling');
    await client.sendActivity('2');
    await client.sendActivity('no');
    await client.sendActivity('3');
    reply = await client.sendActivity('save');
    while (client.getNextReply()) { /* drain */ }
    const [doc] = (await app.reflections.listByPsw(person.id, { includePractice: true })).items;
    assert.equal(doc!.practice, true);
    assert.equal(doc!.clientCode, 'PRACTICE');
    assert.equal(doc!.stall?.source, 'reported');
    assert.equal(await app.relationships.get(person.id, 'PRACTICE'), undefined);
    const { resources } = await app.store.containers.schedules.items.readAll().fetchAll();
    assert.equal(resources.length, 0);
    assert.equal(client.dialogTurnResult.status, 'complete');
    assert.equal(client.dialogTurnResult.result, doc!.id);
  });

  it('runs a hook on every free-text answer with redacted text, and keeps its risk flags', async () => {
    const c = new Conversation(bot.url);
    await c.say('reflect C-1');
    await c.say('skip');
    await c.say('1');
    // The safety screen pauses on "overdose" too; the PSW carries on when ready.
    assert.match(visibleText(await c.say('Talked about an overdose last week, call 613-555-0199')), /Carry on/);
    await c.say('carry on');
    for (let i = 1; i < 5; i++) await c.say('skip');
    await c.say('progressing');
    await c.say('4');
    await c.say('no'); // the safety question that ends every debrief
    assert.match(visibleText(await c.say('save')), /Saved/);
    assert.ok(seen.length >= 1 && seen.every((t) => !t.includes('555-0199')));
    const psw = bot.app.personIdFor(c.userId);
    const [doc] = (await bot.app.reflections.listByPsw(psw)).items;
    assert.deepEqual(doc!.riskFlags, ['overdose']);
  });
});
