// SIGKILL mid-debrief and restart: the real server in its own process (as `npm start` runs it) on a temp
// DATA_DIR, killed with no chance to clean up, started again on the same directory. The debrief carries on
// from the step it was at, and every finished reflection is stored exactly once — including when the kill
// lands in the Save turn, and when a reflection was waiting in the outbox spool.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServices, type AppServices } from '../../services/app';
import { content } from '../../services/content';
import { pseudonymousId } from '../../services/identity';
import { ReflectionOutbox } from '../../services/reflections/outbox';
import type { ReflectionDoc } from '../../services/reflections/model';
import { localIdSecret } from '../../services/secret';
import { openStore, type Store } from '../../services/storage/cosmos';
import { Conversation, visibleText } from '../helpers/bot';
import { testConfig } from '../helpers/config';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';

const PROMPTS = Math.min(content().stageById.trust.prompts.length, 5);

async function kill9(p: ServerProcess): Promise<void> {
  p.signal('SIGKILL');
  assert.equal(await p.exited, null, 'killed by the signal, not exited');
  // Nothing of it is left: no server process still answering on the old port or writing DATA_DIR.
  assert.equal(await fetch(`${p.url}/healthz`).then(() => 'answered', () => 'gone'), 'gone');
}

/** Opens what the server stored (after it has stopped), with the same pseudonymous ids it uses. */
async function openStored(dir: string): Promise<{ app: AppServices; store: Store }> {
  const store = await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir: dir });
  return { app: createServices(testConfig({ dataDir: dir, idSecret: localIdSecret(dir) }), store), store };
}

/** From `reflect <code>` to the review, with one answer per prompt. */
async function toReview(c: Conversation, code: string): Promise<string[]> {
  const answers = Array.from({ length: PROMPTS }, (_, i) => `${code} answer ${i + 1}`);
  await c.say(`reflect ${code}`);
  await c.say('skip');
  await c.say('building trust');
  for (const a of answers) await c.say(a);
  await c.say('progressing');
  assert.match(visibleText(await c.say('4 fine')), /anyone's safety/);
  assert.match(visibleText(await c.say('no')), /Save this\?/); // the safety question that ends every debrief
  return answers;
}

describe('SIGKILL mid-debrief and restart (real server process)', function () {
  this.timeout(120000);
  let dir: string;
  let env: Record<string, string>;
  let running: ServerProcess | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pr-crash-'));
    env = { PORT: '0', DATA_DIR: dir };
  });
  afterEach(async () => {
    running?.signal('SIGKILL');
    if (running) await running.exited;
    running = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('killed halfway through the prompts: resumes at the same step, and Save stores one reflection with every answer', async () => {
    running = await startServerProcess(env);
    const before = new Conversation(running.url, 'crash-user-1');
    await before.say('reflect K-1');
    await before.say('skip');
    await before.say('building trust');
    await before.say('First answer, before the crash');
    const asked = visibleText(await before.say('Second answer, before the crash'));
    assert.match(asked, new RegExp(`\\(3/${PROMPTS}\\)`));
    await kill9(running);

    running = await startServerProcess(env);
    const after = new Conversation(running.url, before.userId, before.conversationId);
    // `help` shows the question the debrief is waiting on: the same one as before the kill.
    const reprompt = visibleText(await after.say('help'));
    assert.ok(reprompt.includes(asked), `not the same step after restart:\n${reprompt}`);
    assert.match(visibleText(await after.say('Third answer, after the restart')), new RegExp(`\\(4/${PROMPTS}\\)`));
    for (let i = 3; i < PROMPTS; i++) await after.say(`Answer ${i + 1}, after the restart`);
    await after.say('progressing');
    await after.say('4 tired but fine');
    await after.say('no'); // the safety question that ends every debrief
    assert.match(visibleText(await after.say('save')), /Saved/);
    running.signal('SIGTERM');
    assert.equal(await running.exited, 0);

    const { app, store } = await openStored(dir);
    try {
      const docs = (await app.reflections.listByPsw(app.personIdFor(before.userId))).items;
      assert.equal(docs.length, 1);
      assert.deepEqual(docs[0]!.answers.map((a) => a.text), [
        'First answer, before the crash', 'Second answer, before the crash', 'Third answer, after the restart',
        ...Array.from({ length: PROMPTS - 3 }, (_, i) => `Answer ${i + 4}, after the restart`),
      ]);
      assert.deepEqual(docs[0]!.selfCheck, { score: 4, note: 'tired but fine' });
    } finally {
      await store.close();
    }
  });

  it('killed during the Save turn (three timings): after restart and a repeated "save", each reflection is stored once', async () => {
    const user = 'crash-user-2';
    // When to kill, counted from posting "save": on the log line that says the reflection was committed (state
    // not yet stored, or just stored), at once, and a few milliseconds in.
    const timings: { code: string; kill: (p: ServerProcess) => Promise<void> }[] = [
      { code: 'S-1', kill: (p) => p.printed(/"event":"reflection.saved"/) },
      { code: 'S-2', kill: async () => undefined },
      { code: 'S-3', kill: () => new Promise((r) => setTimeout(r, 15)) },
    ];
    const expected = new Map<string, string[]>();
    const outcomes: string[] = [];
    running = await startServerProcess(env);
    for (const t of timings) {
      const c = new Conversation(running.url, user);
      expected.set(t.code, await toReview(c, t.code));
      const posted = c.say('save').then(visibleText, () => 'no reply (killed)');
      await t.kill(running);
      await kill9(running);
      const firstReply = await posted;
      running = await startServerProcess(env);
      // The PSW did not see "Saved" (or did, just before): they send it again, as they would.
      const after = new Conversation(running.url, user, c.conversationId);
      const again = visibleText(await after.say('save'));
      // Killed after the Save turn had finished but before its reply left: nothing is waiting, and the reply says how
      // to check — `history`, whose recent codes hold this one.
      const checked = /Saved/.test(firstReply) || /Saved/.test(again) ? '' : visibleText(await after.say('history'));
      outcomes.push(`${t.code}: ${/Saved/.test(firstReply) ? 'saved before kill' : 'no reply'}, then ${/Saved/.test(again) ? 'saved on repeat' : 'repeat found the debrief finished'}`);
      assert.ok(/Saved/.test(firstReply) || /Saved/.test(again) || (/nothing waiting to be saved/.test(again) && checked.includes(t.code)), `${t.code}: never told it was saved (first: ${firstReply.slice(0, 120)} / again: ${again.slice(0, 200)} / history: ${checked.slice(0, 200)})`);
    }
    running.signal('SIGTERM');
    assert.equal(await running.exited, 0);

    const { app, store } = await openStored(dir);
    try {
      const docs = (await app.reflections.listByPsw(app.personIdFor(user))).items;
      for (const [code, answers] of expected) {
        const mine = docs.filter((d) => d.clientCode === code);
        assert.equal(mine.length, 1, `${code}: ${mine.length} reflections (${outcomes.join('; ')})`);
        assert.deepEqual(mine[0]!.answers.map((a) => a.text), answers);
      }
      assert.equal(docs.length, timings.length);
    } finally {
      await store.close();
    }
  });

  it('a reflection waiting in the outbox spool when the process is killed is delivered by the next start, once', async () => {
    running = await startServerProcess(env);
    const c = new Conversation(running.url, 'crash-user-3');
    await toReview(c, 'O-1');
    await kill9(running);
    // What a run whose storage was down at Save leaves behind: the finished, de-identified document in the spool.
    const psw = pseudonymousId(localIdSecret(dir), c.userId);
    const doc: ReflectionDoc = {
      id: 'r-spooled-before-kill', kind: 'reflection', psw, clientCode: 'O-2', stage: 'trust', stageChosenBy: 'psw', movement: 'steady',
      answers: [{ promptId: content().stageById.trust.prompts[0]!.id, text: 'kept while storage was down', skipped: false, redactions: {} }],
      selfCheck: { score: 3, note: '' }, riskFlags: [], visibility: 'shared', practice: false, createdAt: new Date().toISOString(), ttl: 3600,
    };
    new ReflectionOutbox(path.join(dir, 'outbox'), async () => { throw new Error('not delivered here'); }).keep(doc);

    running = await startServerProcess(env);
    await running.printed(/"event":"outbox.delivered"/);
    assert.deepEqual(readdirSync(path.join(dir, 'outbox')).filter((f) => f.endsWith('.json')), []);
    // The debrief killed at its review also carries on and saves.
    assert.match(visibleText(await new Conversation(running.url, c.userId, c.conversationId).say('save')), /Saved/);
    running.signal('SIGTERM');
    assert.equal(await running.exited, 0);

    const { app, store } = await openStored(dir);
    try {
      const docs = (await app.reflections.listByPsw(psw)).items;
      assert.deepEqual(docs.map((d) => d.clientCode).sort(), ['O-1', 'O-2']);
      assert.equal(docs.find((d) => d.clientCode === 'O-2')!.answers[0]!.text, 'kept while storage was down');
    } finally {
      await store.close();
    }
  });
});
