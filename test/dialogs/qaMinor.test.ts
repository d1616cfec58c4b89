// Small QA fixes, through the real bot over HTTP: one "Invites" title on the summary card, one wording for a week
// in the digest and in `summary`, `skip` at a required choice said plainly, `reflect C-3` at reflect's own "Which
// client?" taken as the answer, `my data` saying what is kept as what it is.
import assert from 'node:assert/strict';
import type { AppServices } from '../../services/app';
import { noticeRenderer } from '../../bot/notices';
import { digestJobId } from '../../services/supervision/digest';
import { asRole, Conversation, useBot, visibleText } from '../helpers/bot';
import { putReflections, reflection } from '../services/supervision/fixtures';

/** The fact titles of every FactSet in the replies' cards, in order. */
function factTitles(card: unknown): string[] {
  const titles: string[] = [];
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (o.type === 'FactSet') for (const f of o.facts as { title: string }[]) titles.push(f.title);
    for (const v of Array.isArray(x) ? x : Object.values(o)) walk(v);
  };
  walk(card);
  return titles;
}

describe('small QA fixes over HTTP', () => {
  const bot = useBot();
  let app: AppServices;
  const sup = () => new Conversation(bot().url, 'qm-sup');

  before(async () => {
    app = bot().app;
    const { roster } = app.supervision;
    await roster.add({ channelId: 'qm-sup', role: 'supervisor', alias: 'Sup QM' });
    await roster.add({ channelId: 'qm-psw', role: 'psw', alias: 'PSW QM', supervisor: 'Sup QM' });
    // A low self-check and a client-safety topic: two conversations invited.
    const psw = app.personIdFor('qm-psw');
    await putReflections(app, [reflection(psw, new Date(Date.now() - 3600_000).toISOString(), { selfCheck: { score: 1, note: '' }, riskFlags: ['overdose'] })]);
  });

  it('the summary card shows "Invites" once, with each invited conversation on its own line', async () => {
    const replies = await sup().say('summary');
    const card = replies.find((r) => r.attachments?.length)?.attachments?.[0]?.content;
    const titles = factTitles(card);
    assert.equal(titles.filter((x) => x === 'Invites').length, 1, titles.join(' / '));
    const invites = JSON.stringify(card).match(/"title":"Invites","value":"([^"]*)"/)?.[1] ?? '';
    assert.equal(invites.split('\\n').length, 2, `two conversations under one title: ${invites}`);
  });

  it('the digest names its week as `summary` does: "week of", never "week to"', async () => {
    const id = app.personIdFor('qm-sup');
    const job = await app.jobs.get(digestJobId(id));
    assert.ok(job, 'a digest job exists for the supervisor');
    const out = await app.supervision.digest.handler(job!, new Date(job!.due));
    const notice = out.messages[0]?.notice;
    assert.ok(notice, 'the digest is sent');
    const shown = noticeRenderer(app)(notice!);
    const text = `${shown.text} ${JSON.stringify(shown.card)}`;
    assert.match(text, /week of \d{1,2} \w{3} \d{4}/);
    assert.doesNotMatch(text, /week to/);
    assert.match(visibleText(await sup().say('summary')), /week of \d{1,2} \w{3} \d{4}/);
  });

  it('`skip` at a required choice says it can’t be skipped and asks again; the debrief goes on', async () => {
    const c = new Conversation(bot().url, 'qm-skip');
    await asRole(bot(), c.userId, 'psw');
    await c.say('reflect C-61');
    await c.say('skip'); // names to hide: skippable
    const again = visibleText(await c.say('skip')); // the stage: required
    assert.match(again, /This one can't be skipped/);
    assert.doesNotMatch(again, /didn't catch/);
    assert.match(again, /Building trust/, 'the choices shown again');
    const next = visibleText(await c.say('building trust'));
    assert.doesNotMatch(next, /can't be skipped|didn't catch/);
    assert.ok(next.length > 0, 'the next question follows');
  });

  it('`reflect c-3` typed at reflect’s own "Which client?" is the answer, not "carry on, or switch?"', async () => {
    const c = new Conversation(bot().url, 'qm-code');
    await asRole(bot(), c.userId, 'psw');
    assert.match(visibleText(await c.say('reflect')), /Which client is this about\?/);
    const next = visibleText(await c.say('reflect c-3'));
    assert.doesNotMatch(next, /carry on, or switch|Which client/);
    await c.say('skip'); // names to hide
    await c.say('building trust');
    // The debrief is about C-3 now: a command typed mid-way says so.
    assert.match(visibleText(await c.say('history')), /in the middle of a reflection on C-3/i);
  });

  it('a name typed that way is refused like any typed code, and the question asked again', async () => {
    const c = new Conversation(bot().url, 'qm-code-name');
    await asRole(bot(), c.userId, 'psw');
    await c.say('reflect');
    const next = visibleText(await c.say('reflect Jordan Smith'));
    assert.doesNotMatch(next, /carry on, or switch|Jordan/);
    assert.match(next, /Which client code shall I use\?/);
  });

  it('a supervisor’s `my data` counts the weekly digest as the digest, not as a reminder', async () => {
    const text = visibleText(await sup().say('my data'));
    assert.match(text, /0 reminders and check-ins/);
    assert.match(text, /when to send your weekly digest/);
    assert.match(visibleText(await sup().say('reminders')), /no reminder/i);
  });

  it('`my data` says a debrief is in progress only when one is', async () => {
    const user = 'qm-data';
    await asRole(bot(), user, 'psw');
    const debrief = new Conversation(bot().url, user);
    await debrief.say('reflect C-8');
    const other = new Conversation(bot().url, user);
    const during = visibleText(await other.say('my data'));
    assert.match(during, /a debrief in progress/);
    await other.say('delete my data');
    await other.say('Yes, delete everything');
    const after = visibleText(await other.say('my data'));
    assert.doesNotMatch(after, /debrief in progress|partway/);
    assert.match(after, /1 chat with nothing in progress/);
  });
});

