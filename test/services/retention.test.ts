// Retention (issue 8): every saved reflection carries a ttl of REFLECTION_TTL_DAYS — through the debrief,
// through the outbox when storage was down, and even when a caller left it out. The embedded server ignores
// TTL, so the field is what is asserted; the container's defaultTtl -1 (storage.test.ts) makes Azure honour it.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServices } from '../../services/app';
import { setLogLevel } from '../../services/log';
import type { ReflectionDoc } from '../../services/reflections/model';
import { Conversation, startBot } from '../helpers/bot';
import { testConfig } from '../helpers/config';
import { closeStores, freshStore } from '../helpers/store';

const DAYS = 30;
const SECONDS = DAYS * 86400;

function doc(psw: string, id: string, over: Partial<ReflectionDoc> = {}): ReflectionDoc {
  return {
    id, kind: 'reflection', psw, clientCode: 'C-1', stage: 'trust', stageChosenBy: 'psw', movement: 'steady', answers: [],
    selfCheck: { score: 3, note: '' }, riskFlags: [], visibility: 'shared', practice: false, createdAt: new Date().toISOString(), ttl: SECONDS, ...over,
  };
}

async function storedTtl(container: import('@azure/cosmos').Container, psw: string, id: string): Promise<unknown> {
  const { resource } = await container.item(id, psw).read<{ id: string; ttl?: number }>();
  return resource?.ttl;
}

describe('retention: reflections carry ttl from REFLECTION_TTL_DAYS', () => {
  before(() => setLogLevel('silent'));
  after(() => closeStores());

  it('defaults to 730 days (two years)', () => {
    assert.equal(testConfig().reflectionTtlDays, 730);
  });

  it('sets ttl on a debrief saved over HTTP', async () => {
    const bot = await startBot({ config: { reflectionTtlDays: DAYS } });
    try {
      const c = new Conversation(bot.url);
      await c.say('reflect R-1');
      await c.say('skip');
      await c.say('1');
      for (let i = 0; i < 5; i++) await c.say('skip');
      await c.say('steady');
      await c.say('3');
      await c.say('no'); // the safety question that ends every debrief
      await c.say('save');
      const psw = bot.app.personIdFor(c.userId);
      const [saved] = (await bot.app.reflections.listByPsw(psw)).items;
      assert.equal(await storedTtl(bot.store.containers.reflections, psw, saved!.id), SECONDS);
    } finally {
      await bot.stop();
    }
  });

  it('sets ttl on reflections delivered by the outbox, and on a document that lacks one', async () => {
    const store = await freshStore();
    const app = createServices(testConfig({ reflectionTtlDays: DAYS, dataDir: mkdtempSync(path.join(tmpdir(), 'retention-')) }), store);
    app.outbox.keep(doc('psw-r', 'spooled-ttl'));
    assert.equal(await app.outbox.flush(), 0);
    assert.equal(await storedTtl(store.containers.reflections, 'psw-r', 'spooled-ttl'), SECONDS);
    const { ttl: _drop, ...withoutTtl } = doc('psw-r', 'no-ttl');
    assert.equal(await app.outbox.submit(withoutTtl as ReflectionDoc), 'saved');
    assert.equal(await storedTtl(store.containers.reflections, 'psw-r', 'no-ttl'), SECONDS);
    await app.reflections.save(doc('psw-r', 'zero-ttl', { ttl: 0 }));
    assert.equal(await storedTtl(store.containers.reflections, 'psw-r', 'zero-ttl'), SECONDS);
  });
});
