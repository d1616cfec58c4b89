// A client code is said back as it was first stored: "b2", "B 2" and "B-2" name one relationship, and every line
// of a debrief about it — the quick intro, the stage question, a stall's check-in, the saved reflection — says "B-2".
import assert from 'node:assert/strict';
import type { ReflectionDoc } from '../../services/reflections/model';
import { Conversation, useBot, visibleText } from '../helpers/bot';

describe('a client code typed another way is said back as stored', () => {
  const bot = useBot();

  async function saved(c: Conversation): Promise<ReflectionDoc[]> {
    return (await bot().app.reflections.listByPsw(bot().app.personIdFor(c.userId))).items;
  }

  /** A first quick debrief for B-2, so the relationship is stored as "B-2". */
  async function first(c: Conversation): Promise<void> {
    assert.match(visibleText(await c.say('reflect quick B-2')), /A quick one about B-2/);
    await c.say('building trust');
    await c.say('skip');
    await c.say('skip');
    await c.say('steady');
    await c.say('4');
    assert.match(visibleText(await c.say('save')), /Saved/);
  }

  it('reflect quick b2: the intro, the stage question and the saved reflection say B-2', async () => {
    const c = new Conversation(bot().url);
    await first(c);
    const intro = visibleText(await c.say('reflect quick b2'));
    assert.match(intro, /A quick one about B-2/);
    assert.match(intro, /relationship with B-2 stand/);
    assert.doesNotMatch(intro, /\bb2\b/);
    await c.say('1');
    await c.say('skip');
    await c.say('skip');
    assert.match(visibleText(await c.say('stalling')), /`reflect B-2`/);
    await c.say('3');
    const review = visibleText(await c.say('save'));
    assert.match(review, /check in about B-2/);
    assert.deepEqual((await saved(c)).map((r) => r.clientCode), ['B-2', 'B-2']);
  });

  it('reflect b 2 (full) and a code typed at the question say B-2 too; a new code is kept as typed', async () => {
    const c = new Conversation(bot().url);
    await first(c);
    await c.say('reflect b 2');
    assert.match(visibleText(await c.say('skip')), /relationship with B-2 stand/, 'after the names question');
    assert.match(visibleText(await c.say('cancel')), /stopped/i);

    await c.say('reflect');
    await c.say('b-2');
    const asked = visibleText(await c.say('skip'));
    assert.match(asked, /relationship with B-2 stand/);
    assert.doesNotMatch(asked, /\bb-2\b/);
    await c.say('cancel');

    assert.match(visibleText(await c.say('reflect quick d7')), /A quick one about d7/);
  });
});
