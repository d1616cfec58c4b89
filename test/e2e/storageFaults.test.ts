// Storage down mid-debrief, over HTTP, with a fault-injecting proxy in front of the in-process Cosmos server:
// the PSW is told clearly, nothing is lost, and the debrief carries on (and is saved) once storage is back.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { content } from '../../services/content';
import { t } from '../../services/catalogue';
import type { ReflectionDoc } from '../../services/reflections/model';
import { cardData, Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { faultProxy, type FaultProxy } from '../helpers/faultProxy';
import { closeStores, freshStore } from '../helpers/store';

const STORAGE_DOWN = t('bot.storageDown');
const REFLECTION_KEPT = t('router.reflectionKept');

const REFLECTION_WRITES = /colls\/reflections\/docs/;

async function toReview(c: Conversation, code: string, first: string): Promise<string> {
  await c.say(`reflect ${code}`);
  await c.say('skip');
  await c.say('building trust');
  await c.say(first);
  for (let i = 1; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await c.say('skip');
  await c.say('progressing');
  await c.say('4');
  return visibleText(await c.say('no')); // the safety question that ends every debrief
}

describe('storage faults mid-debrief (fault proxy)', function () {
  this.timeout(30_000);
  let proxy: FaultProxy;
  let bot: RunningBot;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pr-faults-'));
    proxy = faultProxy();
    const store = await freshStore({ interpose: proxy.interpose, requestTimeoutMs: 500, backoff: { baseMs: 20, maxMs: 100, budgetMs: 300 } });
    bot = await startBot({ store, config: { dataDir } });
  });
  afterEach(() => proxy.up());
  after(async () => {
    await bot.stop();
    await closeStores();
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const mine = async (c: Conversation): Promise<ReflectionDoc[]> =>
    (await bot.app.reflections.listByPsw(bot.app.personIdFor(c.userId), { includePractice: true })).items;
  const spool = () => readdirSync(path.join(dataDir, 'outbox')).filter((f) => f.endsWith('.json'));

  it('storage down during an answer: the PSW is told plainly (not the generic apology) and the debrief resumes after', async () => {
    const c = new Conversation(bot.url);
    await c.say('reflect D-1');
    await c.say('skip');
    const firstPrompt = visibleText(await c.say('building trust'));
    proxy.down();
    const down = visibleText(await c.say('We talked about her sister'));
    assert.equal(down, STORAGE_DOWN);
    proxy.down('drop');
    assert.equal(visibleText(await c.say('We talked about her sister')), STORAGE_DOWN);
    proxy.up();
    // The next turn continues from the last stored step: the same question takes the answer.
    const next = visibleText(await c.say('We talked about her sister'));
    assert.notEqual(next, STORAGE_DOWN);
    // …exactly as a conversation that never saw the fault does.
    const control = new Conversation(bot.url);
    await control.say('reflect D-1');
    await control.say('skip');
    assert.equal(visibleText(await control.say('building trust')), firstPrompt);
    assert.equal(next, visibleText(await control.say('We talked about her sister')));
    for (let i = 1; i < Math.min(content().stageById.trust.prompts.length, 5); i++) await c.say('skip');
    await c.say('progressing');
    await c.say('4');
    await c.say('no'); // the safety question that ends every debrief
    assert.match(visibleText(await c.say('save')), /Saved/);
    const docs = await mine(c);
    assert.equal(docs.length, 1);
    assert.match(docs[0]!.answers[0]!.text, /talked about/);
  });

  it('reflections container down at Save: the reflection is kept in the outbox and saved when storage answers', async () => {
    const c = new Conversation(bot.url);
    await toReview(c, 'K-2', 'We walked to the clinic');
    proxy.add({ method: 'POST', path: REFLECTION_WRITES, status: 503 });
    const reply = visibleText(await c.say('save'));
    assert.equal(reply, REFLECTION_KEPT);
    const files = spool();
    assert.equal(files.length, 1);
    const kept = JSON.parse(readFileSync(path.join(dataDir, 'outbox', files[0]!), 'utf8')) as ReflectionDoc;
    assert.equal(kept.kind, 'reflection');
    assert.equal(kept.psw, bot.app.personIdFor(c.userId)); // pseudonymous id, never the channel id
    assert.ok(!JSON.stringify(kept).includes(c.userId));
    assert.equal(await bot.app.outbox.flush(), 1, 'still down: still kept');
    proxy.up();
    assert.equal(await bot.app.outbox.flush(), 0);
    assert.deepEqual(spool(), []);
    const docs = await mine(c);
    assert.equal(docs.length, 1);
    assert.equal(docs[0]!.id, kept.id);
    // The relationship bookkeeping ran too, once.
    const rel = await bot.app.relationships.get(kept.psw, 'K-2');
    assert.equal(rel?.history.filter((e) => e.reflectionId === kept.id).length, 1);
  });

  it('storage failing during Save (reflection and dialog state writes): told it is kept, not to send again; then one reflection, never two', async () => {
    const c = new Conversation(bot.url);
    await toReview(c, 'K-3', 'She came to group');
    proxy.add({ method: 'POST', path: /colls\/reflections\/docs/, status: 503 });
    proxy.add({ method: 'PUT', path: /colls\/botstate\/docs/, status: 503 }); // bot state: replace If-Match
    assert.equal(visibleText(await c.say('save')), REFLECTION_KEPT, 'spooled, so kept — never "send your last message again"');
    assert.equal(spool().length, 1, 'the finished reflection is on disk');
    proxy.up();
    await bot.app.outbox.flush(); // what the outbox timer does once storage answers
    assert.match(visibleText(await c.say('save')), /Saved/); // the dialog's own save: a 409, treated as done
    assert.equal((await mine(c)).length, 1);
    assert.deepEqual(spool(), []);
  });

  it('reflection saved but its dialog step not stored: the PSW is told it is saved', async () => {
    const c = new Conversation(bot.url);
    await toReview(c, 'K-5', 'We met at the library');
    const rule = proxy.add({ method: 'PUT', path: /colls\/botstate\/docs/, status: 503 });
    const reply = visibleText(await c.say('save'));
    assert.match(reply, /^Saved\./);
    assert.notEqual(reply, STORAGE_DOWN);
    assert.equal((await mine(c)).length, 1);
    proxy.rules.splice(proxy.rules.indexOf(rule), 1);
  });

  it('storage down from the start of the Save turn: a tapped Save is still kept in the outbox; a typed one is asked again', async () => {
    const c = new Conversation(bot.url);
    await toReview(c, 'K-6', 'We planned the week together');
    const card = await c.say('help'); // the review asked again: its card, with the Save button the PSW taps
    proxy.down();
    assert.equal(visibleText(await c.say('save')), STORAGE_DOWN, 'typed: no way to tell which review it answers');
    assert.equal(spool().length, 0);
    assert.equal(visibleText(await c.say(cardData(card, 'Save'))), REFLECTION_KEPT);
    const files = spool();
    assert.equal(files.length, 1, 'the reflection on that card is on disk');
    const kept = JSON.parse(readFileSync(path.join(dataDir, 'outbox', files[0]!), 'utf8')) as ReflectionDoc;
    assert.equal(kept.clientCode, 'K-6');
    assert.match(kept.answers[0]!.text, /planned the week/);
    proxy.up();
    assert.equal(await bot.app.outbox.flush(), 0);
    assert.equal((await mine(c)).length, 1);
    // Someone else's tap on that card (a forged activity in the same conversation) keeps nothing.
    proxy.down();
    const other = new Conversation(bot.url, 'someone-else', c.conversationId);
    assert.equal(visibleText(await other.say(cardData(card, 'Save'))), STORAGE_DOWN);
    proxy.up();
  });

  it('the outbox timer delivers by itself with backoff once storage is back', async () => {
    const c = new Conversation(bot.url);
    await toReview(c, 'K-4', 'We made a plan');
    const rule = proxy.add({ method: 'POST', path: REFLECTION_WRITES, status: 503 });
    assert.equal(visibleText(await c.say('save')), REFLECTION_KEPT);
    setTimeout(() => proxy.rules.splice(proxy.rules.indexOf(rule), 1), 300);
    const deadline = Date.now() + 10_000;
    while (spool().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(spool(), []);
    assert.equal((await mine(c)).length, 1);
  });
});
