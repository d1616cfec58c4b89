// The worker's own side (issue 18) over HTTP, through the real dialogs and store: `reflect me` (topic, questions,
// what they'd like from supervision, review, Save as a private reflection of kind 'self', no client code, words
// de-identified); a debrief offering it — for its words, a rough self-check, a second rough one — with one yes/no
// after the Save, never forced, the debrief itself within 15 turns; what a supervisor may learn of it (a count,
// and only the need the PSW shares); and that `my data` / `delete my data` include it.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import sinon from 'sinon';
import { content } from '../../services/content';
import { checkInJobId } from '../../services/you/checkIn';
import type { SelfReflectionDoc } from '../../services/you/model';
import { SelfReflections } from '../../services/you/selfReflections';
import { cardData, Conversation, useBot, visibleText } from '../helpers/bot';

const you = content().you;
const topic = (id: string) => you.topics.find((t) => t.id === id)!;

describe("the worker's own side: `reflect me` and the debrief's offer", () => {
  const bot = useBot();
  let self: SelfReflections;
  before(async () => {
    self = new SelfReflections(bot().store.containers.reflections);
    const { roster } = bot().app.supervision;
    await roster.add({ channelId: 'you-sup', role: 'supervisor', alias: 'Sup Y', team: 'North' });
    await roster.add({ channelId: 'you-psw', role: 'psw', alias: 'PSW Y', supervisor: 'Sup Y', team: 'North' });
    await roster.add({ channelId: 'you-psw2', role: 'psw', alias: 'PSW Y2', supervisor: 'Sup Y', team: 'North' });
    await roster.add({ channelId: 'you-psw3', role: 'psw', alias: 'PSW Y3', supervisor: 'Sup Y', team: 'North' });
  });

  const psw = (channel: string) => bot().app.personIdFor(channel);
  async function selfDocs(channel: string): Promise<SelfReflectionDoc[]> {
    const { resources } = await bot().store.containers.reflections.items
      .query<SelfReflectionDoc>({ query: "SELECT * FROM c WHERE c.psw = @p AND c.kind = 'self' ORDER BY c.createdAt ASC", parameters: [{ name: '@p', value: psw(channel) }] })
      .fetchAll();
    return resources;
  }

  /** A debrief on a new client code up to its Save, counting turns; returns what the Save answered. */
  async function debrief(c: Conversation, code: string, firstAnswer: string, selfCheck: string): Promise<{ saved: Activity[]; turns: number }> {
    let turns = 0;
    const say = async (text: string) => {
      turns++;
      return c.say(text);
    };
    await say(`reflect ${code}`);
    await say('skip'); // names to hide
    await say('building trust');
    for (let i = 0; i < 5; i++) await say(i === 0 ? firstAnswer : 'skip');
    await say('steady');
    await say(selfCheck);
    let review = visibleText(await say('no')); // the closing safety question
    for (let i = 0; i < 3 && /a person\? If so/.test(review); i++) review = visibleText(await say('keep'));
    assert.match(review, /Save this\?/);
    return { saved: await say('save'), turns };
  }

  it('`reflect me`: a topic, its questions, a need for supervision, the review — saved private, de-identified, no client code', async () => {
    const c = new Conversation(bot().url, 'you-psw');
    const opened = visibleText(await c.say('reflect me'));
    assert.ok(opened.includes(you.texts.intro.text), opened);
    assert.match(opened, /A client's death/);
    assert.match(opened, /Boundaries/);
    assert.match(opened, /Sharing my story/);
    const first = visibleText(await c.say('Boundaries'));
    assert.match(first, /\(1\/3\) What happened\? Running into them in the community/);
    await c.say('Ran into Maria Lopez at church on Sunday, then she sent me a friend request');
    assert.match(visibleText(await c.say('skip')), /\(3\/3\) If it comes up again/);
    const need = visibleText(await c.say('I said I would check the policy'));
    assert.ok(need.includes(you.supervision.question.text), need);
    assert.match(need, /Support for me/);
    assert.match(need, /A policy or role question/);
    assert.ok(visibleText(await c.say('A policy or role question')).includes(you.supervision.detail.text));
    const review = visibleText(await c.say('whether I can accept friend requests at all'));
    assert.match(review, /just for you — \*\*Boundaries\*\*/);
    assert.match(review, /\[NAME\]/);
    assert.ok(!review.includes('Maria'), review);
    assert.match(review, /What you'd like from supervision: \*\*A policy or role question\*\* — "whether I can accept friend requests at all"/);
    assert.ok(review.includes(you.texts.privacy.text), 'says who sees what');
    assert.match(review, /Share my request/);
    assert.ok(visibleText(await c.say('save')).includes(you.texts.saved.text));

    const [doc] = await selfDocs('you-psw');
    assert.ok(doc);
    assert.equal(doc.kind, 'self');
    assert.equal(doc.topic, 'you-boundaries');
    assert.equal(doc.visibility, 'private');
    assert.equal(doc.origin, 'command');
    assert.equal((doc as unknown as { clientCode?: string }).clientCode, undefined);
    assert.deepEqual(doc.answers.map((a) => a.skipped), [false, true, false]);
    assert.ok(!JSON.stringify(doc).includes('Maria') && !JSON.stringify(doc).includes('Lopez'));
    assert.deepEqual(doc.need && { id: doc.need.id, shared: doc.need.shared }, { id: 'you-need-role', shared: false });
    assert.ok(doc.ttl > 0, 'retention like every reflection');
    // Not a client reflection: history, summaries and exports never read it.
    assert.equal((await bot().app.reflections.listByPsw(psw('you-psw'), {})).items.length, 0);
  });

  it('shares only the need, only when the PSW chooses; a supervisor otherwise learns a count', async () => {
    const c = new Conversation(bot().url, 'you-psw');
    await c.say('reflect me');
    await c.say('Carrying their stories');
    await c.say('what she told me about her kids keeps coming back at night');
    await c.say('skip');
    await c.say('skip');
    await c.say('Support for me');
    await c.say('some time this week');
    const shared = visibleText(await c.say('Share my request'));
    assert.ok(shared.includes(you.texts.privacyShared.text), shared);
    assert.match(shared, /Keep my request private/);
    assert.match(visibleText(await c.say('save')), /I've let your supervisor know what you'd like/);
    // The supervisor is told at once: the alias and the need's title, never the words.
    const notices = await bot().app.jobs.listFor(psw('you-sup'), 'notice');
    assert.deepEqual(notices.map((n) => n.payload.text), ['PSW Y would like from supervision: **Support for me**. Type `summary PSW Y` to see it.']);

    const from = '2000-01-01T00:00:00.000Z';
    const to = '2999-01-01T00:00:00.000Z';
    assert.equal(await self.count(psw('you-psw'), from, to), 2);
    const needs = await self.sharedNeeds(psw('you-psw'), from, to);
    assert.deepEqual(needs.map((n) => [n.title, n.text]), [['Support for me', 'some time this week']]);
    // What is shared holds no answer.
    assert.ok(!JSON.stringify(needs).includes('kids'));

    // The supervisor's drill-down: the count and the shared need, never the answers or the unshared need.
    const sup = new Conversation(bot().url, 'you-sup');
    const seen = visibleText(await sup.say('summary PSW Y'));
    assert.match(seen, /On their own side \(private; you see the count only\): 2 reflections in the last 90 days\./);
    assert.match(seen, /They'd like from supervision: \*\*Support for me\*\* — "some time this week"/);
    for (const w of ['kids', 'friend request', 'policy', 'Boundaries']) assert.ok(!seen.includes(w), `${w} in ${seen}`);
    // The team summary counts client reflections only, and a roll-up rebuild (what summaries read) finds none here.
    const team = visibleText(await sup.say('summary'));
    assert.ok(!/On their own side/.test(team));
    await bot().app.supervision.rollups.rebuild(bot().store.containers.reflections);
    const lines = await bot().app.supervision.rollups.forPeople([psw('you-psw')], from, to);
    assert.deepEqual(lines.get(psw('you-psw')), []);
  });

  it('a debrief whose words touch the worker offers that topic after its Save: one yes/no, "not now" respected', async () => {
    const c = new Conversation(bot().url, 'you-psw2');
    const { saved, turns } = await debrief(c, 'Y-1', 'I shared my story about detox and she opened up', '4 good');
    assert.ok(turns <= 15, `debrief in ${turns} turns`);
    const said = visibleText(saved);
    assert.match(said, /Saved\. Thank you/);
    assert.ok(said.includes(topic('you-disclosure').offer!.text), said);
    assert.match(said, /Yes, a few minutes/);
    assert.match(said, /Not now/);
    assert.ok(visibleText(await c.say('not now')).includes(you.texts.declined.text));
    // Nothing is left running: the next words are a command again.
    assert.match(visibleText(await c.say('help')), /reflect me/);
    assert.equal((await selfDocs('you-psw2')).length, 0);
  });

  it("an answer to the debrief's disclosure question offers that topic; a command typed at the offer simply runs", async () => {
    const c = new Conversation(bot().url, 'you-psw2');
    await c.say('reflect Y-6');
    await c.say('skip');
    await c.say('building trust');
    for (let i = 0; i < 5; i++) await c.say(i === 2 ? 'Yes, a little, about my first detox' : 'skip');
    await c.say('steady');
    await c.say('4 fine');
    let review = visibleText(await c.say('no'));
    for (let i = 0; i < 3 && /a person\? If so/.test(review); i++) review = visibleText(await c.say('keep'));
    assert.ok(visibleText(await c.say('save')).includes(topic('you-disclosure').offer!.text));
    const history = visibleText(await c.say('history Y-6'));
    assert.ok(!/in the middle of/.test(history), history);
    assert.match(history, /Y-6/);
    // A card's command button tapped at the offer runs too.
    await c.say('reflect Y-7');
    await c.say('skip');
    await c.say('building trust');
    for (let i = 0; i < 5; i++) await c.say(i === 2 ? 'Yes, I shared a bit about my recovery' : 'skip');
    await c.say('steady');
    await c.say('4 fine');
    review = visibleText(await c.say('no'));
    for (let i = 0; i < 3 && /a person\? If so/.test(review); i++) review = visibleText(await c.say('keep'));
    assert.match(visibleText(await c.say('save')), /a few minutes/);
    assert.ok(visibleText(await c.say({ command: 'reflect me' })).includes(you.texts.intro.text));
    await c.say('cancel');
  });

  it('taking the offer opens at its topic (by card tap too) and saves it as offered', async () => {
    const c = new Conversation(bot().url, 'you-psw2');
    const { saved } = await debrief(c, 'Y-2', 'Found out that he passed away on the weekend', '3 sad');
    assert.ok(visibleText(saved).includes(topic('you-grief').offer!.text));
    const first = visibleText(await c.say(cardData(saved, 'Yes, a few minutes')));
    assert.match(first, /\*\*A client's death\.\*\*/);
    assert.match(first, /\(1\/3\) How has losing them been for you\?/);
    await c.say('numb, he was part of my home group too');
    await c.say('skip');
    await c.say('skip');
    await c.say('nothing for now');
    assert.match(visibleText(await c.say('save')), /Saved, just for you/);
    const docs = await selfDocs('you-psw2');
    assert.deepEqual(docs.map((d) => [d.topic, d.origin, d.need]), [['you-grief', 'offer-topic', undefined]]);
  });

  it('a rough self-check: the self-care step as before, then the offer; a second rough one in a row says so and names supervision', async () => {
    const c = new Conversation(bot().url, 'you-psw3');
    // No words that touch the worker, a self-check of 2.
    let turns = 0;
    await c.say('reflect Y-3');
    await c.say('skip');
    await c.say('building trust');
    for (let i = 0; i < 5; i++) await c.say(i === 0 ? 'We walked to the shop' : 'skip');
    await c.say('steady');
    const care = visibleText(await c.say('2 long day'));
    assert.ok(care.includes(bot().app.safetyAlerts.protocol.selfCare.text), 'the existing self-care step, once');
    turns = 10;
    await c.say('no');
    const saved = visibleText(await c.say('save'));
    turns += 2;
    assert.ok(turns <= 15);
    assert.ok(saved.includes(you.lowSelfCheck.offer), saved);
    assert.ok(!saved.includes(bot().app.safetyAlerts.protocol.selfCare.text), 'the self-care step is not repeated');
    const pick = visibleText(await c.say('yes'));
    assert.ok(pick.includes(you.texts.pick.text), 'no topic in the words: the PSW picks');
    await c.say('Something else');
    await c.say('just tired of the caseload');
    await c.say('skip');
    await c.say('skip');
    await c.say('Support for me');
    await c.say('skip');
    await c.say('save');

    const again = await debrief(c, 'Y-4', 'We made a plan for the week', '2 still rough');
    const offered = visibleText(again.saved);
    assert.ok(offered.includes(you.lowSelfCheck.again), offered);
    assert.match(offered, /Check in with me tomorrow/);
    // A check-in tomorrow morning instead: one notice job in our words, at 10:00 in their zone.
    assert.match(visibleText(await c.say('Check in with me tomorrow')), /I'll check in with you tomorrow morning/);
    const job = await bot().app.jobs.get(checkInJobId(psw('you-psw3')));
    assert.equal(job?.kind, 'notice');
    assert.deepEqual(job?.payload, { text: you.lowSelfCheck.checkIn });
    const zone = (await bot().app.people.get(psw('you-psw3')))!.timeZone;
    const due = DateTime.fromISO(job!.due).setZone(zone);
    assert.equal(due.hour, 10);
    assert.equal(due.startOf('day').diff(DateTime.fromJSDate(bot().app.now()).setZone(zone).startOf('day'), 'days').days, 1);
    assert.deepEqual((await selfDocs('you-psw3')).map((d) => d.origin), ['offer-low']);
  });

  it('a good debrief with ordinary words offers nothing', async () => {
    const c = new Conversation(bot().url, 'you-psw3');
    const { saved } = await debrief(c, 'Y-5', 'We walked to the shop and talked about housing', '5 good');
    const said = visibleText(saved);
    assert.match(said, /Saved\. Thank you/);
    assert.ok(!/a few minutes/.test(said), said);
  });

  it('storage failing at Save: says so, shows the review again, and a second Save keeps it (nothing lost)', async () => {
    const c = new Conversation(bot().url, 'you-psw2');
    await c.say('reflect me');
    await c.say('Something else');
    await c.say('a heavy week, lots of paperwork');
    await c.say('skip');
    await c.say('skip');
    await c.say('nothing for now');
    const items = bot().store.containers.reflections.items;
    const create = sinon.stub(items, 'create');
    create.callThrough();
    create.onFirstCall().rejects(Object.assign(new Error('storage down'), { code: 503 }));
    try {
      const failed = visibleText(await c.say('save'));
      assert.match(failed, /couldn't save that just now/);
      assert.match(failed, /Save this\?/);
      assert.match(visibleText(await c.say('save')), /Saved, just for you/);
    } finally {
      create.restore();
    }
    const docs = await selfDocs('you-psw2');
    assert.equal(docs.filter((d) => d.topic === 'you-other').length, 1);
    assert.match(docs.find((d) => d.topic === 'you-other')!.answers[0]!.text, /heavy week/);
  });

  it("onboarding's introduction tells a new hire the strand exists, and `reflect me` works for them", async () => {
    await bot().app.supervision.roster.add({ channelId: 'you-new', role: 'newhire', alias: 'New Y', supervisor: 'Sup Y', team: 'North' });
    const c = new Conversation(bot().url, 'you-new');
    assert.match(visibleText(await c.say('onboarding')), /type `reflect me` for a few minutes on you/);
    await c.say('cancel');
    assert.ok(visibleText(await c.say('reflect me')).includes(you.texts.intro.text));
  });

  it('stop mid-way asks first once something is written; `my data` counts it and `delete my data` removes it', async () => {
    const c = new Conversation(bot().url, 'you-psw');
    await c.say('reflect me');
    await c.say('My own recovery');
    await c.say('it stirred up some old stuff for me');
    const stop = visibleText(await c.say('stop'));
    assert.match(stop, /a reflection/, stop);
    await c.say('stop');

    const before = await bot().app.dataRights.collect(psw('you-psw'));
    assert.equal(before.reflections.filter((r) => (r as unknown as { kind: string }).kind === 'self').length, 2);
    await bot().app.dataRights.deleteAll(psw('you-psw'));
    assert.equal((await selfDocs('you-psw')).length, 0);
  });
});
