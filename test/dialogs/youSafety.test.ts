// The safety screen in the worker's own strand (`reflect me`), over HTTP against the real bot: what a PSW writes
// about their own past use, a client's death or a meeting does not pause it; their own risk now pauses it with a
// response spoken to them (their supports: supervisor, EAP, 9-8-8, 911), flagged as their own distress, never the
// client crisis script; a client's risk told there keeps the client's response.
import assert from 'node:assert/strict';
import { t } from '../../services/catalogue';
import { content, type RiskCategory } from '../../services/content';
import { setLogLevel } from '../../services/log';
import type { SelfReflectionDoc } from '../../services/you/model';
import { Conversation, useBot, visibleText } from '../helpers/bot';

const protocol = content().safetyProtocol;
const kinds = protocol.kinds;
const you = content().you;

describe("the safety screen in the worker's own strand (`reflect me`)", () => {
  before(() => setLogLevel('silent'));
  const bot = useBot();

  async function selfDocs(userId: string): Promise<SelfReflectionDoc[]> {
    const { resources } = await bot().store.containers.reflections.items
      .query<SelfReflectionDoc>({ query: "SELECT * FROM c WHERE c.psw = @p AND c.kind = 'self'", parameters: [{ name: '@p', value: bot().app.personIdFor(userId) }] })
      .fetchAll();
    return resources;
  }

  /** From the need question to the Save. */
  async function save(c: Conversation): Promise<void> {
    let review = visibleText(await c.say(you.supervision.none));
    for (let i = 0; i < 3 && /a person\? If so/.test(review); i++) review = visibleText(await c.say('keep'));
    assert.match(review, /Save/);
    assert.ok(visibleText(await c.say('save')).includes(you.texts.saved.text));
  }

  it('their past, a memory, a meeting: no pause; their own risk now: a pause spoken to them, flagged as their own', async () => {
    const c = new Conversation(bot().url);
    await c.say('reflect me');
    assert.match(visibleText(await c.say('My own recovery')), /\(1\/3\)/);
    const memory = visibleText(await c.say('it brought back memories of my own using days'));
    assert.doesNotMatch(memory, /pause/i);
    assert.match(memory, /\(2\/3\)/);

    const shown = visibleText(await c.say("honestly i used again last night and i don't want to be here"));
    assert.ok(protocol.pauseSelf && shown.includes(protocol.pauseSelf), shown);
    assert.ok(!shown.includes(protocol.pause), 'not "pause the debrief"');
    assert.ok(shown.includes(kinds.psw_distress.text));
    for (const re of [/supervisor/, /EAP/, /9-8-8/, /911/]) assert.match(shown, re);
    for (const other of ['suicide', 'overdose', 'self_harm'] as RiskCategory[]) assert.ok(!shown.includes(kinds[other].text), `shows the client ${other} script`);
    assert.doesNotMatch(shown, /client|Overdose Response|Kids Help/i, 'spoken to the PSW, not about a client');
    assert.ok(shown.includes(t('safety.noSupervisor')), 'no supervisor on the roster: said kindly, no offer');
    assert.match(visibleText(await c.say(t('prompts.carryOn'))), /\(3\/3\)/, 'carries on where it paused');

    const meeting = visibleText(await c.say('i needed a meeting after that, called my sponsor too'));
    assert.doesNotMatch(meeting, /pause/i);
    assert.ok(meeting.includes(you.supervision.question.text), meeting);
    await save(c);
    const [doc] = await selfDocs(c.userId);
    assert.deepEqual(doc?.riskFlags, ['psw_distress']);
  });

  it("a client's death told as grief does not pause; a client's risk told there gets the client's response", async () => {
    const c = new Conversation(bot().url);
    await c.say('reflect me');
    assert.match(visibleText(await c.say("A client's death")), /\(1\/3\)/);
    const grief = visibleText(await c.say("one of my clients died of an overdose on the weekend and i'm still processing it"));
    assert.doesNotMatch(grief, /pause/i);
    assert.match(grief, /\(2\/3\)/);
    const client = visibleText(await c.say('and another client of mine told me tonight she has a plan to kill herself'));
    assert.ok(client.includes(protocol.pause), 'a client risk: the ordinary pause');
    assert.ok(client.includes(kinds.suicide.text));
    assert.ok(!client.includes(kinds.psw_distress.text));
    assert.match(visibleText(await c.say(t('prompts.carryOn'))), /\(3\/3\)/);
    await c.say('skip');
    await save(c);
    const [doc] = await selfDocs(c.userId);
    assert.deepEqual(doc?.riskFlags, ['suicide']);
  });
});
