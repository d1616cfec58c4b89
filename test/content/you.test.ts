// The worker's own side (issue 18): content/you.json — the topics a supervisor would expect, each prompt sourced
// (our own wording marked as such), nothing that asks about a client's identity, offer words that match what PSWs
// write and not everyday sentences, and supervision needs that name Proctor's three functions.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONTENT_FILES, ContentError, DEFAULT_CONTENT_DIR, loadContent, OWN_SOURCE, type Content } from '../../services/content';
import { checkInJob, checkInJobId } from '../../services/you/checkIn';
import { offerAfterDebrief, topicIn } from '../../services/you/offer';

describe("content: the worker's own side (content/you.json)", () => {
  let c: Content;
  before(() => {
    c = loadContent();
  });

  it('covers grief, own recovery, vicarious trauma, boundaries and self-disclosure, with 2–3 prompts each and at most six topics', () => {
    const ids = c.you.topics.map((t) => t.id);
    for (const id of ['you-grief', 'you-recovery', 'you-vicarious', 'you-boundaries', 'you-disclosure']) assert.ok(ids.includes(id), id);
    assert.ok(ids.length <= 6, 'six buttons at most');
    for (const t of c.you.topics) {
      assert.ok(t.prompts.length >= 2 && t.prompts.length <= 3, t.id);
      assert.ok(t.title.length <= 30, t.title);
    }
    // Boundaries names the four situations the issue lists; disclosure asks whose need it met.
    const boundaries = c.you.topics.find((t) => t.id === 'you-boundaries')!;
    const said = [boundaries.summary, ...boundaries.prompts.map((p) => p.text)].join(' ');
    for (const w of [/community/, /friend request|social media/, /money/, /gift/, /friends?\b/]) assert.match(said, w);
    assert.match(c.you.topics.find((t) => t.id === 'you-disclosure')!.prompts.map((p) => p.text).join(' '), /Whose need did it meet/);
  });

  it('sources every prompt, offer and need in sources.json with a kind, and marks our own wording as PeerReflect', () => {
    const cited: string[] = [];
    for (const t of c.you.topics) {
      cited.push(t.source, ...t.prompts.map((p) => p.source));
      if (t.offer) cited.push(t.offer.source);
    }
    cited.push(...Object.values(c.you.texts).map((x) => x.source), c.you.supervision.question.source, c.you.supervision.detail.source, ...c.you.supervision.needs.map((n) => n.source), c.you.lowSelfCheck.source);
    for (const s of cited) assert.ok(c.sourceById.get(s)?.kind, `source ${s} with a kind`);
    // The literature the brief asked for is what the prompts stand on.
    for (const s of ['white2019', 'marino2016', 'moran2013', 'mamdani2021', 'kolla2024', 'ovc-vtt', 'dual-relationships2023', 'wra-ethics', 'proctor1986']) assert.ok(cited.includes(s), s);
    // Offers and the strand's own sentences are ours, and say so.
    for (const t of c.you.topics) if (t.offer) assert.equal(t.offer.source, OWN_SOURCE, t.id);
    assert.equal(c.sourceById.get(OWN_SOURCE)!.kind, 'own-wording');
  });

  it('asks about the worker, never for anything that identifies a client', () => {
    const texts = c.you.topics.flatMap((t) => t.prompts.map((p) => p.text));
    for (const t of texts) {
      assert.doesNotMatch(t, /\b(name|address|phone|date of birth|age|where (do|does) they live)\b/i, t);
      assert.ok(t.length <= 160, `brief: ${t}`);
    }
  });

  it('onboarding teaches that the strand exists (the introduction names `reflect me`)', () => {
    const said = c.onboarding.intro.sections.find((s) => s.text.includes('`reflect me`'));
    assert.ok(said, 'an introduction section names reflect me');
    assert.equal(said.source, OWN_SOURCE);
  });

  it("offers supervision needs by Proctor's three functions", () => {
    assert.deepEqual(new Set(c.you.supervision.needs.map((n) => n.function)), new Set(['restorative', 'formative', 'normative']));
    assert.equal(c.you.supervision.needs[0]!.function, 'restorative', 'support for the worker comes first');
  });

  it('finds a topic in what PSWs write, and none in everyday debrief sentences', () => {
    const found = (s: string) => topicIn([s], c)?.id;
    assert.equal(found('Found out on Monday that he passed away, going to the memorial'), 'you-grief');
    assert.equal(found('it triggered me a bit, brought back memories'), 'you-recovery');
    assert.equal(found("I can't stop thinking about what she told me"), 'you-vicarious');
    assert.equal(found('she sent me a friend request on facebook'), 'you-boundaries');
    assert.equal(found('asked me for money again'), 'you-boundaries');
    assert.equal(found('ran into her at the grocery store'), 'you-boundaries');
    assert.equal(found('I shared my story about detox, whose need was that'), 'you-disclosure');
    for (const s of ['We walked to the shop and talked about housing', 'she shared her story about detox', 'his phone died so he was late', 'the referral fell through', 'talked about her cravings and a plan', 'we made a friend list of who she can call']) {
      assert.equal(found(s), undefined, s);
    }
    // When several fit, the first in content order (a death before the rest).
    assert.equal(found('she died last week. I shared my story at the memorial'), 'you-grief');
  });

  it("an answer to the debrief's disclosure question offers that topic, unless it is a no or skipped", () => {
    const a = (text: string, skipped = false) => [{ promptId: 'trust-disclosure', text, skipped }];
    assert.equal(topicIn([], c, a('Yes, a little, about my first detox'))?.id, 'you-disclosure');
    assert.equal(topicIn([], c, a('No, I kept it about her')), undefined);
    assert.equal(topicIn([], c, a("didn't this time")), undefined);
    assert.equal(topicIn([], c, a('', true)), undefined);
    assert.equal(topicIn([], c, [{ promptId: 'trust-connection', text: 'Yes, we talked', skipped: false }]), undefined);
  });

  it('refuses an offer that names a prompt the debrief does not have', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerreflect-you-'));
    for (const f of Object.values(CONTENT_FILES)) fs.copyFileSync(path.join(DEFAULT_CONTENT_DIR, f), path.join(dir, f));
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'you.json'), 'utf8'));
    const i = data.topics.findIndex((t: { id: string }) => t.id === 'you-disclosure');
    data.topics[i].offer.afterPrompts = ['trust-nope'];
    fs.writeFileSync(path.join(dir, 'you.json'), JSON.stringify(data));
    assert.throws(() => loadContent(dir), (err: unknown) => err instanceof ContentError && err.pointer === `/topics/${i}/offer/afterPrompts/0` && /not a debrief prompt/.test(err.detail));
  });

  it('offers in proportion: words, a rough self-check, a second rough one or a 1', () => {
    assert.equal(offerAfterDebrief({ texts: ['we walked and talked'], score: 4 }, c), undefined);
    assert.equal(offerAfterDebrief({ texts: ['we walked and talked'], score: 3, previousScore: 1 }, c), undefined);
    assert.deepEqual(offerAfterDebrief({ texts: ['she sent me a friend request'], score: 4 }, c), { topic: 'you-boundaries', text: c.you.topics.find((t) => t.id === 'you-boundaries')!.offer!.text, origin: 'offer-topic' });
    assert.deepEqual(offerAfterDebrief({ texts: ['long day'], score: 2 }, c), { text: c.you.lowSelfCheck.offer, origin: 'offer-low' });
    assert.deepEqual(offerAfterDebrief({ texts: ['long day'], score: 2, previousScore: 2 }, c), { text: c.you.lowSelfCheck.again, origin: 'offer-low-again', checkIn: true });
    assert.deepEqual(offerAfterDebrief({ texts: ['long day'], score: 1 }, c), { text: c.you.lowSelfCheck.again, origin: 'offer-low-again', checkIn: true });
    assert.deepEqual(offerAfterDebrief({ texts: ['', 'he passed away'], score: 2, previousScore: 5 }, c), { topic: 'you-grief', text: c.you.topics.find((t) => t.id === 'you-grief')!.offer!.text, origin: 'offer-low' });
    assert.match(c.you.lowSelfCheck.again, /supervisor/);
  });

  it('a check-in asked for is one notice job, due at 10:00 tomorrow in their own zone, with our words only', () => {
    const now = new Date('2026-03-07T23:30:00Z'); // 15:30 on 7 March in Vancouver; DST starts on the 8th
    const job = checkInJob('p-1', 'America/Vancouver', now, c.you.lowSelfCheck.checkIn);
    assert.equal(job.id, checkInJobId('p-1'));
    assert.equal(job.kind, 'notice');
    assert.equal(job.due, '2026-03-08T17:00:00.000Z', '10:00 PDT');
    assert.deepEqual(job.payload, { text: c.you.lowSelfCheck.checkIn });
    assert.ok(job.ttl && job.ttl > 0);
    // A zone we cannot read falls back to UTC rather than failing.
    assert.equal(checkInJob('p-1', 'Not/AZone', now, 'x').due, '2026-03-08T10:00:00.000Z');
  });
});
