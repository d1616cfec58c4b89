// Whole debriefs over HTTP against the real bot and the in-process Cosmos server.
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import type { ReflectionDoc } from '../../services/reflections/model';
import { cardData, Conversation, type RunningBot, useBot, visibleText } from '../helpers/bot';
import { everyDocument, holdsWord } from '../helpers/store';



async function reflections(bot: RunningBot, userId: string): Promise<ReflectionDoc[]> {
  const psw = bot.app.personIdFor(userId);
  return (await bot.app.reflections.listByPsw(psw, { includePractice: true })).items;
}

/** Runs a debrief up to the movement question, skipping every prompt except the first. */
async function toMovement(c: Conversation, code: string, stage: string, firstAnswer = 'skip'): Promise<void> {
  await c.say(`reflect ${code}`);
  await c.say('skip'); // names to hide
  await c.say(stage);
  const n = content().stageById[stage === 'bridging' ? 'bridging' : 'trust'].prompts.length;
  await c.say(firstAnswer);
  for (let i = 1; i < Math.min(n, 5); i++) await c.say('skip');
}

const strategyTitles = (stage: 'trust' | 'bridging') => content().stalls[stage].strategies.map((s) => s.title);

describe('reflection debrief over HTTP', () => {
  const bot = useBot();

  it('a trust stall surfaces trust prompts, records the strategy and the flag, and schedules a follow-up', async () => {
    const c = new Conversation(bot().url);
    await toMovement(c, 'C-14', 'building trust');
    const stall = visibleText(await c.say('stalling'));
    // Three at a time, with "More ideas" (the rest: test/dialogs/stall.test.ts).
    for (const t of strategyTitles('trust').slice(0, 3)) assert.ok(stall.includes(t), t);
    assert.ok(!strategyTitles('bridging').some((t) => stall.includes(t)));
    assert.ok(stall.includes(content().stalls.trust.questions[0]!.text));
    await c.say('1');
    await c.say('yes');
    await c.say('4 okay');
    await c.say('no'); // the safety question that ends every debrief
    const saved = visibleText(await c.say('save'));
    assert.match(saved, /Saved/);
    const [doc] = await reflections(bot(), c.userId);
    assert.deepEqual(doc!.stall, { stage: 'trust', source: 'reported', strategyId: content().stalls.trust.strategies[0]!.id, flaggedForSupervision: true });
    assert.equal(doc!.visibility, 'shared');
    const psw = bot().app.personIdFor(c.userId);
    const { resource: job } = await bot().store.containers.schedules.item(`followup|${psw}|C14`, `followup|${psw}|C14`).read();
    assert.equal(job.kind, 'followup');
    assert.deepEqual(job.payload, { clientCode: 'C-14' });
    const history = visibleText(await c.say('history c-14'));
    assert.match(history, /Building trust, stalling · stuck, planned "Name it and reconnect"/);
    assert.match(history, /Open stall at Building trust since .*; 1 strategy planned for it: "Name it and reconnect"/);
  });

  it('a bridging stall surfaces bridging prompts (a setback is not a stall: test/dialogs/stall.test.ts)', async () => {
    const c = new Conversation(bot().url);
    await toMovement(c, 'B7', '3');
    const stall = visibleText(await c.say('stalling'));
    for (const t of strategyTitles('bridging').slice(0, 3)) assert.ok(stall.includes(t), t);
    assert.ok(!strategyTitles('trust').some((t) => stall.includes(t) && !strategyTitles('bridging').includes(t)));
  });

  it('a progressing debrief surfaces no stall prompts and saves privately when asked', async () => {
    const c = new Conversation(bot().url);
    await toMovement(c, 'P-1', 'building trust', 'We laughed about the weather');
    const after = visibleText(await c.say('progressing'));
    assert.doesNotMatch(after, /try next time|feel stuck/);
    assert.match(after, /1 \(rough\) to 5/);
    await c.say('5');
    await c.say('no'); // the safety question that ends every debrief
    await c.say('keep it private');
    await c.say('save');
    const [doc] = await reflections(bot(), c.userId);
    assert.equal(doc!.stall, undefined);
    assert.equal(doc!.visibility, 'private');
    assert.equal(doc!.answers[0]!.text, 'We laughed about the weather');
    assert.equal(doc!.selfCheck.score, 5);
  });

  it('an inferred stall (stall language) asks first, and a "no" labels nothing', async () => {
    const c = new Conversation(bot().url);
    await toMovement(c, 'L-2', 'building trust', 'Another no-show today');
    const asked = visibleText(await c.say('steady'));
    assert.match(asked, /feel stuck/);
    assert.ok(!strategyTitles('trust').some((t) => asked.includes(t)), 'no prompts before the PSW agrees');
    assert.match(visibleText(await c.say('no')), /won't mark it as stuck/);
    await c.say('3');
    await c.say('no'); // the safety question that ends every debrief
    await c.say('save');
    assert.equal((await reflections(bot(), c.userId))[0]!.stall, undefined);
  });

  it('an inferred stall from repeated reflections at one stage, confirmed, surfaces the prompts', async () => {
    const c = new Conversation(bot().url);
    for (let i = 0; i < 2; i++) {
      await toMovement(c, 'R-9', 'building trust');
      await c.say('steady');
      await c.say('3');
      await c.say('no'); // the safety question
      await c.say('save');
    }
    await toMovement(c, 'R-9', 'building trust');
    const asked = visibleText(await c.say('steady'));
    assert.match(asked, /reflection 3 at this stage/);
    const prompts = visibleText(await c.say('yes'));
    for (const t of strategyTitles('trust').slice(0, 3)) assert.ok(prompts.includes(t), t);
    await c.say('none for now');
    await c.say('no');
    await c.say('3');
    await c.say('no'); // the safety question that ends every debrief
    await c.say('save');
    const docs = await reflections(bot(), c.userId);
    assert.deepEqual(docs[0]!.stall, { stage: 'trust', source: 'inferred_repeat', flaggedForSupervision: false });
  });

  it('cards and typed answers are interchangeable; stale and invalid submissions are refused and re-asked', async () => {
    const c = new Conversation(bot().url);
    await c.say('reflect');
    await c.say('C-20');
    const stageAsk = await c.say('skip');
    const stageCard = cardData(stageAsk, 'Bridging to services');
    const first = await c.say(stageCard);
    assert.match(visibleText(first), /Bridging to services/);
    // The stage card again, now stale: refused, and the current question asked again with state intact.
    const stale = visibleText(await c.say(stageCard));
    assert.match(stale, /earlier question/);
    assert.ok(stale.includes(content().stageById.bridging.prompts[0]!.text));
    const n = Math.min(content().stageById.bridging.prompts.length, 5);
    for (let i = 0; i < n - 1; i++) await c.say('skip');
    const nowAsk = await c.say('skip');
    assert.equal((await reflections(bot(), c.userId)).length, 0, 'nothing stored before Save');
    const good = cardData(nowAsk, 'Steady');
    const invalid = visibleText(await c.say({ ...good, choice: 'sideways' }));
    assert.match(invalid, /couldn't read that card/);
    assert.match(invalid, /how is the relationship moving/);
    const forged = visibleText(await c.say({ ...good, nonce: 'from-another-debrief' }));
    assert.match(forged, /earlier question/);
    const selfCheckAsk = await c.say(good);
    assert.match(visibleText(selfCheckAsk), /1 \(rough\) to 5/);
    const form = cardData(selfCheckAsk);
    assert.match(visibleText(await c.say({ ...form, score: '2', note: 'long day' })), /anyone's safety/);
    const review = visibleText(await c.say('no')); // the safety question that ends every debrief
    assert.match(review, /2\/5 — "long day"/);
    await c.say(cardData(await c.say('help'), 'Save'));
    const [doc] = await reflections(bot(), c.userId);
    assert.equal(doc!.stage, 'bridging');
    assert.equal(doc!.movement, 'steady');
  });

  it('cancel at any point stores nothing', async () => {
    const c = new Conversation(bot().url);
    await toMovement(c, 'X-1', 'building trust', 'Some words');
    await c.say('stalling');
    // A debrief with answers asks once before throwing them away (issue 14); a second cancel stops.
    assert.match(visibleText(await c.say('cancel')), /Stop a reflection on X-1\?/);
    assert.match(visibleText(await c.say('cancel')), /Nothing from that was saved/);
    assert.equal((await reflections(bot(), c.userId)).length, 0);
    const psw = bot().app.personIdFor(c.userId);
    assert.equal(await bot().app.relationships.get(psw, 'X-1'), undefined);
  });

  it('refuses identifiers as codes with the reason, and over-long answers without truncating', async () => {
    const c = new Conversation(bot().url);
    assert.match(visibleText(await c.say('reflect Sarah Jones')), /looks like a name/);
    assert.match(visibleText(await c.say('613-555-0199')), /phone|number/i);
    await c.say('C-30');
    await c.say('skip');
    await c.say('1');
    const long = 'a'.repeat(bot().app.config.maxTextLength + 1);
    assert.match(visibleText(await c.say(long)), /a bit long for me/);
    assert.match(visibleText(await c.say('shorter now')), /\(2\/5\)/);
  });

  it('stores only de-identified text: names typed in answers appear in no stored document', async () => {
    const c = new Conversation(bot().url);
    await c.say('reflect D-5');
    assert.match(visibleText(await c.say('Zorblax Quint')), /hide those/);
    await c.say('1');
    await c.say('Met Zorblax at the cafe, then Sarah Jones called from 613-555-0199');
    for (let i = 1; i < 5; i++) await c.say(i === 1 ? "Quint's sister was there" : 'skip');
    await c.say('steady');
    await c.say('3 thinking about Zorblax');
    await c.say('no'); // the safety question that ends every debrief
    const review = visibleText(await c.say('hide more words'));
    assert.match(review, /Which words/);
    await c.say('cafe');
    await c.say('save');
    const [doc] = await reflections(bot(), c.userId);
    assert.match(doc!.answers[0]!.text, /\[NAME\]/);
    assert.match(doc!.answers[0]!.text, /\[REDACTED\]/);
    assert.match(doc!.answers[0]!.text, /\[PHONE\]/);
    const everything = (await everyDocument(bot().store)).join('\n');
    for (const secret of ['Zorblax', 'Quint', 'Sarah', '613-555-0199', '555-0199', 'cafe']) {
      assert.ok(!holdsWord(everything, secret), `"${secret}" was stored`);
    }
  });
});
