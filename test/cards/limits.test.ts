// Every card the bot can send, with the largest data the limits allow, held to Teams' limits (cards/limits.ts):
// at most 28 KB a card, 100 KB a message, six actions a card; and each is version 1.5 with Action.Submit only. Two halves: the card builders fed the biggest data
// that can exist (a 50-person team, answers at MAX_TEXT_LENGTH in 3-byte characters), and whole conversations
// over HTTP (debriefs at the length limit, a stall at trust and at bridging, the stage finder, the review's edits,
// onboarding to the end, a supervisor with a 50-person team paging through everything, the proactive messages).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { fullReflectionCards, reflectionPageCard, teamSummaryCard, ownSummaryCard } from '../../cards/summary';
import { choiceCard } from '../../cards/card';
import { actionCount, jsonBytes, MAX_ACTIONS, MAX_CARD_BYTES, MAX_MESSAGE_BYTES } from '../../cards/limits';
import { content } from '../../services/content';
import { setLogLevel } from '../../services/log';
import type { ReflectionDoc } from '../../services/reflections/model';
import { noticeRenderer } from '../../bot/notices';
import type { AppServices } from '../../services/app';
import { followUpHandler, reminderHandler } from '../../services/scheduler/handlers';
import type { Job } from '../../services/scheduler/job';
import type { PswSummary, TeamSummary } from '../../services/supervision/summaries';
import { weekPeriod } from '../../services/supervision/period';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { closeStores, freshStore } from '../helpers/store';
import { putReflections, putRelationship, reflection } from '../services/supervision/fixtures';

const MAX_TEXT = 2000; // the default MAX_TEXT_LENGTH
const WIDE = '漢'; // 3 bytes in UTF-8: the heaviest text an answer at the length limit can be

type Card = Record<string, unknown>;
const cardsOf = (a: Partial<Activity>): Card[] => (a.attachments ?? []).filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => x.content as Card);

/** Problems of one message against Teams' limits; [] when it keeps them. */
function problems(a: Partial<Activity>, where: string): string[] {
  const out: string[] = [];
  const bytes = jsonBytes(a);
  if (bytes > MAX_MESSAGE_BYTES) out.push(`${where}: message ${bytes} B > ${MAX_MESSAGE_BYTES}`);
  for (const card of cardsOf(a)) {
    const size = jsonBytes(card);
    if (size > MAX_CARD_BYTES) out.push(`${where}: card ${size} B > ${MAX_CARD_BYTES}`);
    const n = actionCount(card);
    if (n > MAX_ACTIONS) out.push(`${where}: ${n} actions > ${MAX_ACTIONS}`);
    // Adaptive Cards 1.5 (what Teams renders on every client), and Action.Submit the only action.
    if (card.version !== '1.5') out.push(`${where}: card version ${String(card.version)}`);
    const kinds = new Set(JSON.stringify(card).match(/"type":"Action\.[A-Za-z]+"/g) ?? []);
    kinds.delete('"type":"Action.Submit"');
    if (kinds.size) out.push(`${where}: ${[...kinds].join(', ')}`);
  }
  return out;
}

const message = (cards: Card[]): Partial<Activity> => ({ type: 'message', attachments: cards.map((content) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content })) });

function widePerson(i: number, period = weekPeriod('America/Toronto', new Date('2026-11-24T12:00:00Z'))): PswSummary {
  const strategies = [...content().stalls.trust.strategies, ...content().stalls.bridging.strategies].map((s) => s.id);
  return {
    person: { id: `p${i}`, alias: `Peer support worker number ${String(i).padStart(3, '0')}`.slice(0, 30), team: `Team ${i % 3}`, role: i % 5 ? 'psw' : 'newhire' },
    scope: 'supervisee',
    reflections: { total: 999, shared: 900, private: 99 },
    movement: { progressing: 99, steady: 99, stalling: 99, setback: 99 },
    stages: { trust: 99, fostering: 99, bridging: 99, launching: 99 },
    // As many stalls as the service reads (TOP 500 relationships), every one flagged, named and with every strategy tried.
    stalls: Array.from({ length: 500 }, (_, k) => ({
      stage: k % 2 ? 'trust' : 'bridging', days: 400 + k, strategiesTried: strategies, flaggedForSupervision: true, clientCode: `CLIENT-CODE-${k}-XXXXXXXX`.slice(0, 24),
    })),
    flaggedForSupervision: 500,
    riskFlags: Object.fromEntries(content().riskTerms.map((c) => [c.id, 99])),
    selfCheck: { weekly: Array.from({ length: 4 }, (_, w) => ({ week: `${w + 1} Nov`, average: 1.5, count: 9 })), average: 1.5, previousAverage: 4.5, low: true, falling: true },
    onboarding: i % 5 ? undefined : { started: true, completed: false, step: 9, total: 12, checksRight: 3, checksAnswered: 9, restarted: true },
    ...(period ? {} : {}),
  };
}

function wideTeam(n: number): TeamSummary {
  const period = weekPeriod('America/Toronto', new Date('2026-11-24T12:00:00Z'));
  const psws = Array.from({ length: n }, (_, i) => widePerson(i, period));
  const teams = ['Team 0', 'Team 1', 'Team 2'].map((team) => ({ team, psws: psws.filter((p) => p.person.team === team) }));
  return { viewer: { id: 'sup', role: 'supervisor', timeZone: 'America/Toronto', alias: 'Sam' } as TeamSummary['viewer'], period, teams };
}

function longReflection(i: number, char = WIDE): ReflectionDoc {
  const text = `${char}${'"\\ '.repeat(3)}${char.repeat(MAX_TEXT)}`.slice(0, MAX_TEXT);
  const prompts = content().stageById.trust.prompts.slice(0, 5);
  return reflection('psw-x', new Date(Date.UTC(2026, 10, 20, i)).toISOString(), {
    answers: prompts.map((p) => ({ promptId: p.id, text, skipped: false, redactions: {} })),
    selfCheck: { score: 2, note: text, noteShared: true }, // shared, so a supervisor's card carries it too (the largest case)
    stall: { stage: 'trust', source: 'reported', strategyId: content().stalls.trust.strategies[0]!.id, flaggedForSupervision: true },
    riskFlags: ['substance'],
  });
}

describe('Teams limits: every card the bot can send (cards/limits.ts)', () => {
  before(() => setLogLevel('silent'));

  describe('the card builders with the largest data', () => {
    it('a 50-person team summary and weekly digest: every page within the limits, everyone shown once', () => {
      const team = wideTeam(50);
      for (const heading of ['Your team', 'Your weekly digest']) {
        const seen: string[] = [];
        let offset = 0;
        for (let pages = 0; pages < 60; pages++) {
          const card = teamSummaryCard(team, heading, { offset, more: (o) => ({ command: 'summary', team: `token-${o}` }) }) as unknown as Card;
          const token = /"team":"token-(\d+)"/.exec(JSON.stringify(card))?.[1];
          const next = token === undefined ? undefined : Number(token);
          assert.deepEqual(problems(message([card]), `${heading} page ${pages + 1}`), []);
          seen.push(...[...JSON.stringify(card).matchAll(/"text":"(Peer support worker number \d+)"/g)].map((m) => m[1]!));
          if (next === undefined) break;
          offset = next;
        }
        assert.equal(seen.length, 50, 'each person on exactly one page');
        assert.equal(new Set(seen).size, 50);
      }
    });

    it('the team card names the person in its reading picker, and lists at most three stalls a person', () => {
      const card = JSON.stringify(teamSummaryCard(wideTeam(3), 'Your team'));
      assert.match(card, /"type":"Input.ChoiceSet","id":"command"/);
      assert.match(card, /"value":"summary Peer support worker number 000"/);
      assert.match(card, /and 497 more at Building trust or Bridging to services/);
    });

    it('a page of five reflections at the length limit, and each one read whole', () => {
      const items = Array.from({ length: 5 }, (_, i) => longReflection(i));
      for (const scope of ['supervisee', 'own'] as const) {
        const page = { subject: { id: 'psw-x', alias: 'Peer support worker number 001' }, scope, items, next: 'n'.repeat(600) };
        const card = reflectionPageCard(page, 'America/Toronto', 'summary', false, (r) => ({ command: 'summary', full: `${r.id}${'t'.repeat(300)}` })) as unknown as Card;
        assert.deepEqual(problems(message([card]), `reflection page (${scope})`), []);
        assert.equal((JSON.stringify(card).match(/"title":"Read all of /g) ?? []).length, 5, 'a Read all for each reflection cut short');
        for (const [char, label] of [[WIDE, 'wide'], ['a', 'ascii']] as const) {
          const cards = fullReflectionCards(longReflection(1, char), 'America/Toronto', scope === 'own') as unknown as Card[];
          assert.deepEqual(problems(message(cards), `read all (${label}, ${scope})`), []);
          const all = JSON.stringify(cards);
          assert.equal((all.match(new RegExp(char === 'a' ? 'a{1990}' : `${WIDE}{1990}`, 'g')) ?? []).length, 6, 'every answer and the note, whole');
        }
      }
    });

    it('a person’s own summary with the largest data', () => {
      const card = ownSummaryCard({ ...widePerson(1), scope: 'own' }, weekPeriod('America/Toronto', new Date())) as unknown as Card;
      assert.deepEqual(problems(message([card]), 'my summary'), []);
    });

    it('a choice with more than six options becomes one choice set and a Choose button', () => {
      const choices = Array.from({ length: 12 }, (_, i) => ({ value: `v${i}`, title: `Strategy number ${i}` }));
      const card = choiceCard({ step: 's', nonce: 'n', prompt: 'Pick', choices }) as unknown as Card;
      assert.equal(actionCount(card), 1);
      const six = choiceCard({ step: 's', nonce: 'n', prompt: 'Pick', choices: choices.slice(0, 6) }) as unknown as Card;
      assert.equal(actionCount(six), 6, 'up to six stay buttons');
    });

    it('reminders and follow-ups', async () => {
      const job = (kind: Job['kind'], payload: Record<string, unknown>): Job => ({ id: 'j', kind, personId: 'p', due: new Date().toISOString(), payload, attempts: 0, createdAt: '' });
      const people = { get: async () => ({ id: 'p', timeZone: 'America/Toronto' }) } as unknown as Parameters<typeof reminderHandler>[0];
      const outcomes = [
        await reminderHandler(people)(job('reminder', { time: '16:30', days: [1, 2, 3, 4, 5] }), new Date()),
        await followUpHandler(job('followup', { clientCode: 'X'.repeat(24) }), new Date()),
      ];
      // Rendered as the Sender renders them (a reminder or follow-up needs nothing of the services).
      const render = noticeRenderer({ now: () => new Date() } as unknown as AppServices);
      for (const o of outcomes) for (const m of o.messages) assert.deepEqual(problems(message([render(m.notice!).card as unknown as Card]), 'proactive'), []);
    });
  });

  describe('whole conversations over HTTP', function () {
    this.timeout(180_000); // long answers through the de-identifier and a 50-person team on a shared 2-core machine
    let bot: RunningBot;
    const checked: string[] = [];
    const found: string[] = [];
    /** Says something and holds every reply to the limits. */
    const say = async (c: Conversation, what: string | Record<string, unknown>): Promise<Activity[]> => {
      const replies = await c.say(what);
      for (const a of replies) {
        found.push(...problems(a, typeof what === 'string' ? what.slice(0, 40) : JSON.stringify(what).slice(0, 60)));
        for (const card of cardsOf(a)) checked.push(JSON.stringify(card).match(/"step":"([^"]+)"/)?.[1] ?? JSON.stringify(card).match(/"command":"([a-z ]+)/)?.[1] ?? 'card');
      }
      return replies;
    };
    /** Answers each card as a person tapping its first button would (filling its inputs), until no card comes. */
    const crawl = async (c: Conversation, replies: Activity[], turns: number): Promise<Activity[]> => {
      for (let i = 0; i < turns; i++) {
        const card = replies.flatMap(cardsOf).at(-1);
        const walk = (n: unknown, out: Record<string, unknown>[]): Record<string, unknown>[] => {
          if (Array.isArray(n)) for (const x of n) walk(x, out);
          else if (n && typeof n === 'object') {
            out.push(n as Record<string, unknown>);
            for (const x of Object.values(n)) walk(x, out);
          }
          return out;
        };
        const nodes = walk(card, []);
        const submit = nodes.find((n) => n.type === 'Action.Submit');
        if (!submit) return replies;
        const inputs: Record<string, unknown> = {};
        for (const n of nodes) {
          if (n.type === 'Input.ChoiceSet') inputs[n.id as string] = (n.choices as { value: string }[])[0]!.value;
          if (n.type === 'Input.Text') inputs[n.id as string] = n.isRequired ? 'ok' : '';
        }
        replies = await say(c, { ...(submit.data as object), ...inputs });
      }
      return replies;
    };

    before(async () => {
      // A 50-person summary asks the store ~250 queries at once; on this shared 2-core machine the embedded server can
      // take longer than the default 5 s a request, which is not what this test measures.
      bot = await startBot({ store: await freshStore({ requestTimeoutMs: 60_000 }) });
    });
    after(async () => {
      await bot.stop();
      await closeStores();
    });

    const long = (seed: string) => `${seed} `.repeat(Math.ceil(MAX_TEXT / (seed.length + 1))).slice(0, MAX_TEXT).trim();

    it('debriefs with every answer at the length limit: stalls at trust and bridging, the stage finder, every review action', async () => {
      for (const [stage, movement] of [['building trust', 'stalling'], ['bridging', 'setback'], ['not sure', 'stalling']] as const) {
        const c = new Conversation(bot.url);
        await say(c, 'reflect C-14');
        await say(c, 'skip');
        let replies = await say(c, stage);
        if (stage === 'not sure') replies = await crawl(c, replies, 12); // the stage finder's questions
        for (let i = 0; i < 5 && /\(\d\/\d\)/.test(visibleText(replies)); i++) replies = await say(c, long('We sat by the window and talked about the week, slowly'));
        await say(c, movement);
        if (stage === 'building trust') await say(c, 'more ideas'); // the rest of trust's strategies: a choice set
        await say(c, '1');
        await say(c, 'yes');
        let review = await say(c, `3 ${long('calm and steady after the visit')}`.slice(0, MAX_TEXT));
        if (/anyone's safety/.test(visibleText(review))) review = await say(c, 'No, all good');
        // The review may first ask whether a word said again and again is a person ("calm and steady … calm and steady
        // …": the openers' model reads a word said again as a name would be, round 17): kept.
        for (let i = 0; i < 3 && /(?:a person|part of a name)\? If so/.test(visibleText(review)); i++) review = await say(c, 'keep');
        await say(c, 'edit an answer');
        await say(c, '1');
        await say(c, long('A new answer about the drop-in and the coffee there'));
        await say(c, 'hide more words');
        await say(c, 'coffee');
        await say(c, 'keep it private');
        assert.match(visibleText(await say(c, 'save')), /Saved/);
      }
    });

    it("the worker's own side: reflect me with every answer at the length limit, and the offer after a rough debrief", async () => {
      const c = new Conversation(bot.url);
      await say(c, 'reflect me');
      await say(c, 'Boundaries');
      for (let i = 0; i < 3; i++) await say(c, long('We met at the corner shop and talked about the weekend'));
      await say(c, 'Support for me');
      await say(c, long('Some time to talk it through this week'));
      await say(c, 'share my request');
      await say(c, 'hide more words');
      await say(c, 'corner');
      assert.match(visibleText(await say(c, 'save')), /Saved, just for you/);
      // A rough debrief offers it, after its Save.
      await say(c, 'reflect C-77');
      await say(c, 'skip');
      await say(c, 'building trust');
      for (let i = 0; i < 5; i++) await say(c, 'skip');
      await say(c, 'steady');
      await say(c, '2 tired');
      await say(c, 'No, all good');
      assert.match(visibleText(await say(c, 'save')), /a few minutes/);
      await say(c, 'not now');
      for (const step of ['you-topic', 'you-need', 'you-review', 'you-offer']) assert.ok(checked.includes(step), `a ${step} card was checked`);
    });

    it('onboarding from start to end', async () => {
      const id = `hire-${randomUUID().slice(0, 6)}`;
      await bot.app.supervision.roster.add({ channelId: id, role: 'newhire', alias: 'New hire L' });
      const c = new Conversation(bot.url, id);
      await crawl(c, await say(c, 'onboarding'), 120);
      assert.match(visibleText(await say(c, 'onboarding')), /./);
    });

    it('a supervisor with a 50-person team reads the summary, every page, someone’s reflections whole, and the audit', async () => {
      const { roster } = bot.app.supervision;
      const supId = `sup-${randomUUID().slice(0, 6)}`;
      const lead = await roster.add({ channelId: supId, role: 'supervisor', alias: 'Lead50' });
      assert.ok(lead.ok, lead.ok ? '' : lead.problem);
      const now = Date.now();
      for (let i = 0; i < 50; i++) {
        const r = await roster.add({ channelId: `w-${supId}-${i}`, role: 'psw', alias: `Peer-support-worker ${i}`, supervisor: 'Lead50', team: `Team ${i % 3}` });
        assert.ok(r.ok, r.ok ? '' : r.problem);
        const psw = r.person.id;
        if (i < 3) {
          await putReflections(bot.app, Array.from({ length: 6 }, (_, k) => ({ ...longReflection(k, 'a'), id: randomUUID(), psw, createdAt: new Date(now - (k + 1) * 3600_000).toISOString() })));
          for (let k = 0; k < 8; k++) {
            await putRelationship(bot.app, psw, { clientCode: `C-${k}-LONGCODE-XXXXXXX`, stage: k % 2 ? 'trust' : 'bridging', lastReflectionAt: new Date(now).toISOString(), stall: { stage: k % 2 ? 'trust' : 'bridging', since: '2026-01-01T00:00:00Z', source: 'reported', strategiesTried: content().stalls.trust.strategies.map((s) => s.id), flaggedForSupervision: true } });
          }
        }
      }
      const sup = new Conversation(bot.url, supId);
      let replies = await say(sup, 'summary 12 weeks');
      let pages = 1;
      for (;;) {
        const more = replies.flatMap(cardsOf).flatMap((card) => (card.actions as { title: string; data: Record<string, unknown> }[] | undefined) ?? []).find((a) => a.title.startsWith('Show more'));
        if (!more) break;
        replies = await say(sup, more.data);
        pages++;
      }
      assert.ok(pages >= 5, `50 people over ${pages} pages`);
      replies = await say(sup, { command: 'summary Peer-support-worker 1' });
      assert.match(visibleText(replies), /Peer-support-worker 1 — shared reflections/);
      const readAll = replies.flatMap(cardsOf).flatMap((card) => JSON.stringify(card).match(/"title":"Read all of [^"]+","data":(\{[^}]+\})/g) ?? []);
      assert.ok(readAll.length >= 1, 'answers at the limit are cut short with a Read all');
      const data = JSON.parse(readAll[0]!.replace(/^"title":"[^"]+","data":/, '')) as Record<string, unknown>;
      const whole = await say(sup, data);
      assert.ok(visibleText(whole).includes('a'.repeat(1990)), 'the whole answer');
      await crawl(sup, replies, 3); // Show more of the reflections
      await say(sup, 'my summary');
      await say(sup, 'help');
    });

    it('a PSW’s own pages, history, reminders, privacy, and every check passed', async () => {
      const c = new Conversation(bot.url);
      for (const text of ['help', 'my summary', 'history C-14', 'remind me at 16:30 on weekdays', 'reminders', 'my data', 'timezone']) await say(c, text);
      await crawl(c, await say(c, 'my summary'), 4);
      await crawl(c, await say(c, 'delete my data'), 1);
      assert.deepEqual(found, []);
      for (const step of ['stage', 'stall-strategy-1', 'stall-strategy-2', 'stall-flag', 'selfcheck', 'review', 'edit-which', 'movement']) assert.ok(checked.includes(step), `a ${step} card was checked`);
      assert.ok(checked.length > 80, `${checked.length} cards checked`);
    });
  });
});
