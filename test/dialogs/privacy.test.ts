// `my data` and `delete my data` over HTTP: the export holds everything stored about the person (and only
// theirs), inline or behind a signed link; deletion asks first, removes everything of theirs in their
// partitions, keeps a managed roster entry minimal, leaves others untouched and is audited with counts only.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { myDataRoute } from '../../bot/myDataRoute';
import type { AppServices } from '../../services/app';
import { setLogLevel } from '../../services/log';
import type { MyData } from '../../services/privacy/dataRights';
import { signToken } from '../../services/signedToken';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { closeStores } from '../helpers/store';

async function stalledDebrief(c: Conversation, code: string): Promise<void> {
  await c.say(`reflect ${code}`);
  await c.say('skip');
  await c.say('1');
  await c.say('Met at the cafe, talked about music');
  for (let i = 1; i < 5; i++) await c.say('skip');
  await c.say('stalling');
  await c.say('1');
  await c.say('no');
  await c.say('4 okay');
  await c.say('no'); // the safety question that ends every debrief
  assert.match(visibleText(await c.say('save')), /Saved/);
}

async function privateDebrief(c: Conversation, code: string): Promise<void> {
  await c.say(`reflect ${code}`);
  await c.say('skip');
  await c.say('2');
  for (let i = 0; i < 5; i++) await c.say('skip');
  await c.say('progressing');
  await c.say('5');
  await c.say('no'); // the safety question that ends every debrief
  await c.say('keep it private');
  assert.match(visibleText(await c.say('save')), /Saved/);
}

function attachedJson(replies: Activity[]): MyData {
  const file = replies.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'application/json');
  assert.ok(file?.contentUrl?.startsWith('data:application/json'), 'the JSON file is attached');
  return JSON.parse(Buffer.from(file!.contentUrl!.split(',')[1]!, 'base64').toString('utf8')) as MyData;
}

async function countIn(bot: RunningBot, container: 'reflections' | 'relationships', psw: string): Promise<number> {
  const { resources } = await bot.app.store.containers[container].items.query<number>({ query: 'SELECT VALUE COUNT(1) FROM c WHERE c.psw = @p', parameters: [{ name: '@p', value: psw }] }, { partitionKey: psw }).fetchAll();
  return resources[0] ?? 0;
}

async function jobsFor(bot: RunningBot, personId: string): Promise<string[]> {
  const { resources } = await bot.app.store.containers.schedules.items.query<{ id: string }>({ query: 'SELECT c.id FROM c WHERE c.personId = @p', parameters: [{ name: '@p', value: personId }] }).fetchAll();
  return resources.map((r) => r.id);
}

describe('my data and delete my data (issue 8)', () => {
  let bot: RunningBot;
  let captured: AppServices | undefined;
  before(async () => {
    setLogLevel('silent');
    // Its own DATA_DIR: the outbox spool test must not touch anyone else's.
    bot = await startBot({ config: { dataDir: mkdtempSync(path.join(tmpdir(), 'privacy-')) }, tweak: (a) => (captured = a), extraRoutes: [(server, b) => myDataRoute(captured!)(server, b)] });
  });
  after(async () => {
    await bot.stop();
    await closeStores();
  });

  it('exports everything stored about the person as JSON, inline, with a summary of counts', async () => {
    const a = new Conversation(bot.url);
    const b = new Conversation(bot.url);
    await stalledDebrief(a, 'C-1');
    await privateDebrief(a, 'C-2');
    await stalledDebrief(b, 'C-1');
    const aId = bot.app.personIdFor(a.userId);
    await bot.app.onboarding.begin(aId, new Date());
    await a.say('remind me at 16:30 on weekdays');

    const replies = await a.say('my data');
    const text = visibleText(replies);
    assert.match(text, /2 reflections \(1 private\)/);
    assert.match(text, /2 client relationships/);
    assert.match(text, /2 reminders and check-ins/);
    assert.match(text, /your onboarding progress/);
    const data = attachedJson(replies);
    assert.equal(data.person?.id, aId);
    assert.equal(data.reflections.length, 2);
    assert.ok(data.reflections.every((r) => r.psw === aId));
    assert.deepEqual(data.reflections.map((r) => r.visibility).sort(), ['private', 'shared']);
    assert.equal(data.relationships.length, 2);
    assert.deepEqual(data.jobs.map((j) => j.kind).sort(), ['followup', 'reminder']);
    assert.equal(data.conversationReference?.id, aId);
    assert.equal(data.onboarding?.id, aId);
    assert.doesNotMatch(JSON.stringify(data), new RegExp(bot.app.personIdFor(b.userId)), 'nothing of anyone else');
  });

  it('gives a signed download link when the bot has a public address; forged or other-purpose tokens get 404', async () => {
    const a = new Conversation(bot.url);
    await privateDebrief(a, 'L-1');
    bot.app.config.publicBaseUrl = bot.url;
    try {
      const replies = await a.say('my data');
      const url = JSON.stringify(replies).match(/"url":"([^"]+)"/)?.[1];
      assert.ok(url?.startsWith(`${bot.url}/my-data?token=`));
      const res = await fetch(url!);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const data = (await res.json()) as MyData;
      assert.equal(data.reflections.length, 1);
      const token = new URL(url!).searchParams.get('token')!;
      assert.equal((await fetch(`${bot.url}/my-data?token=${encodeURIComponent(`${token}x`)}`)).status, 404);
      const exportToken = signToken(bot.app.config.idSecret, 'export', { v: bot.app.personIdFor(a.userId) }, new Date(Date.now() + 60_000));
      assert.equal((await fetch(`${bot.url}/my-data?token=${encodeURIComponent(exportToken)}`)).status, 404);
      const expired = signToken(bot.app.config.idSecret, 'my-data', { v: bot.app.personIdFor(a.userId) }, new Date(Date.now() - 1));
      assert.equal((await fetch(`${bot.url}/my-data?token=${encodeURIComponent(expired)}`)).status, 404);
    } finally {
      bot.app.config.publicBaseUrl = '';
    }
  });

  it('deletes only after confirmation; nothing of theirs is left, others are untouched, the audit has counts only', async () => {
    const a = new Conversation(bot.url);
    const b = new Conversation(bot.url);
    await stalledDebrief(a, 'D-1');
    await privateDebrief(a, 'D-2');
    await stalledDebrief(b, 'D-1');
    const aId = bot.app.personIdFor(a.userId);
    const bId = bot.app.personIdFor(b.userId);
    await bot.app.onboarding.begin(aId, new Date());
    await a.say('remind me at 9:00 on weekdays');
    const bBefore = { reflections: await countIn(bot, 'reflections', bId), relationships: await countIn(bot, 'relationships', bId), jobs: await jobsFor(bot, bId) };

    assert.match(visibleText(await a.say('delete my data')), /cannot be undone/);
    assert.match(visibleText(await a.say('no')), /nothing was deleted/);
    assert.equal(await countIn(bot, 'reflections', aId), 2);

    await a.say('delete my data');
    const done = visibleText(await a.say('Yes, delete everything'));
    assert.match(done, /deleted 2 reflections, 2 client relationships, 2 reminders and check-ins, your onboarding progress/);
    assert.match(done, /profile is gone/);

    assert.equal(await countIn(bot, 'reflections', aId), 0);
    assert.equal(await countIn(bot, 'relationships', aId), 0);
    assert.deepEqual(await jobsFor(bot, aId), []);
    assert.equal(await bot.app.references.get(aId), undefined);
    assert.equal(await bot.app.onboarding.get(aId), undefined);
    assert.equal(await bot.app.people.get(aId), undefined);

    assert.equal(await countIn(bot, 'reflections', bId), bBefore.reflections);
    assert.equal(await countIn(bot, 'relationships', bId), bBefore.relationships);
    assert.deepEqual(await jobsFor(bot, bId), bBefore.jobs);
    assert.ok(await bot.app.references.get(bId));

    const { resources: audit } = await bot.app.store.containers.audit.items.query<{ view: string; actor: string; subjects: string[]; detail: Record<string, unknown> }>({ query: "SELECT * FROM c WHERE c.view = 'delete' AND c.actor = @a", parameters: [{ name: '@a', value: aId }] }).fetchAll();
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]!.subjects, [aId]);
    assert.deepEqual(audit[0]!.detail, { reflections: 2, relationships: 2, jobs: 2, references: 1, onboarding: 1, conversations: 0, spooled: 0, supervision: 0, person: 'deleted' });
    assert.doesNotMatch(JSON.stringify(audit), /D-1|D-2|cafe|music/);
  });

  it('keeps a minimal roster entry for a person an admin manages', async () => {
    const c = new Conversation(bot.url);
    await privateDebrief(c, 'M-1');
    const id = bot.app.personIdFor(c.userId);
    await bot.app.people.update(id, (p) => ({ ...p, alias: 'PSW 9', team: 'North', welcomedAt: new Date().toISOString() }));
    await c.say('delete my data');
    assert.match(visibleText(await c.say('1')), /roster entry .* stays/);
    const kept = await bot.app.people.get(id);
    assert.deepEqual(Object.keys(kept!).sort(), ['alias', 'aliasKey', 'createdAt', 'id', 'role', 'team', 'timeZone']); // aliasKey: the alias's lookup form, written with it
    assert.equal(await countIn(bot, 'reflections', id), 0);
  });

  it('removes reflections waiting in the outbox spool', async () => {
    const c = new Conversation(bot.url);
    await c.say('hi');
    const id = bot.app.personIdFor(c.userId);
    const doc = { id: 'spooled-1', kind: 'reflection', psw: id } as never;
    const other = { id: 'spooled-2', kind: 'reflection', psw: 'someone-else' } as never;
    bot.app.outbox.keep(doc);
    bot.app.outbox.keep(other);
    const counts = await bot.app.dataRights.deleteAll(id);
    assert.equal(counts.spooled, 1);
    assert.deepEqual(bot.app.outbox.waiting(), ['spooled-2']);
  });
});
