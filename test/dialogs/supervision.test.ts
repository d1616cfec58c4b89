import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { parse } from 'csv-parse/sync';
import { exportRoute } from '../../bot/exportRoute';
import type { AppServices } from '../../services/app';
import { monthOf } from '../../services/audit';
import { Conversation, startBot, visibleText, type RunningBot } from '../helpers/bot';
import { closeStores } from '../helpers/store';
import { putReflections, reflection } from '../services/supervision/fixtures';

function buttons(activities: Partial<Activity>[]): { title: string; data?: Record<string, unknown>; url?: string }[] {
  const out: { title: string; data?: Record<string, unknown>; url?: string }[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) {
      n.forEach(walk);
      return;
    }
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push({ title: String(o.title), data: o.data as Record<string, unknown>, url: o.url as string });
    Object.values(o).forEach(walk);
  };
  walk(activities.map((a) => a.attachments?.map((x) => x.content)));
  return out;
}

describe('supervision commands over HTTP', () => {
  let bot: RunningBot;
  let app: AppServices;
  const sup = () => new Conversation(bot.url, 'web-sup');
  const supOther = () => new Conversation(bot.url, 'web-sup2');
  const psw1 = () => new Conversation(bot.url, 'web-psw1');
  const admin = () => new Conversation(bot.url, 'web-admin');

  before(async () => {
    let captured: AppServices | undefined;
    bot = await startBot({ tweak: (a) => (captured = a), extraRoutes: [(server, b) => exportRoute(captured!)(server, b)] });
    app = bot.app;
    const { roster } = app.supervision;
    await roster.add({ channelId: 'web-sup', role: 'supervisor', alias: 'Sup S', team: 'North' });
    await roster.add({ channelId: 'web-sup2', role: 'supervisor', alias: 'Sup R', team: 'South' });
    await roster.add({ channelId: 'web-psw1', role: 'psw', alias: 'PSW 1', supervisor: 'Sup S', team: 'North' });
    await roster.add({ channelId: 'web-psw2', role: 'psw', alias: 'PSW 2', supervisor: 'Sup S', team: 'North' });
    await roster.add({ channelId: 'web-psw3', role: 'psw', alias: 'PSW 3', supervisor: 'Sup R', team: 'South' });
    await roster.add({ channelId: 'web-admin', role: 'admin', alias: 'Admin' });
    const now = Date.now();
    const at = (h: number) => new Date(now - h * 3600_000).toISOString();
    const p1 = app.personIdFor('web-psw1');
    const p3 = app.personIdFor('web-psw3');
    await putReflections(app, [
      ...Array.from({ length: 7 }, (_, i) => reflection(p1, at(i + 1), { answers: [{ promptId: 'x', text: `Shared thought ${i}`, skipped: false, redactions: {} }] })),
      reflection(p1, at(2), { visibility: 'private', answers: [{ promptId: 'x', text: 'MY PRIVATE WORDS', skipped: false, redactions: {} }] }),
      reflection(p3, at(1), { answers: [{ promptId: 'x', text: 'OTHER TEAM WORDS', skipped: false, redactions: {} }] }),
    ]);
  });
  after(async () => {
    await bot.stop();
    await closeStores();
  });

  it('shows a supervisor their team as a card with chart elements and a text fallback', async () => {
    const replies = await sup().say('summary');
    const text = visibleText(replies);
    assert.match(text, /Your team/);
    assert.match(text, /PSW 1/);
    assert.match(text, /PSW 2/);
    assert.doesNotMatch(text, /PSW 3/);
    const card = JSON.stringify(replies[0].attachments?.[0].content);
    assert.match(card, /"type":"Chart.Line"/);
    assert.match(card, /"fallback":\{"type":"TextBlock"/);
    assert.match(card, /Private reflections show as counts only/);
  });

  it('drills into one supervisee’s shared reflections, paged, and refuses the other team', async () => {
    const convo = sup();
    const first = await convo.say('summary psw 1');
    assert.match(visibleText(first), /Shared thought 0/);
    assert.doesNotMatch(visibleText(first), /MY PRIVATE WORDS/);
    const more = buttons(first).find((b) => b.title === 'Show more')!;
    assert.ok(more.data?.page);
    const second = await convo.say(more.data!);
    assert.match(visibleText(second), /Shared thought 5/);
    assert.doesNotMatch(visibleText(second), /Shared thought 0/);
    assert.match(visibleText(await convo.say('summary PSW 3')), /couldn't find "PSW 3" among the people you supervise/);
    assert.match(visibleText(await supOther().say('summary PSW 1')), /couldn't find/);
    // Robin pressing Sam's button gets nothing.
    assert.match(visibleText(await supOther().say(more.data!)), /expired/);
  });

  it('ignores forged ids in card payloads', async () => {
    const p3 = app.personIdFor('web-psw3');
    const forged = await sup().say({ command: 'summary', psw: p3, personId: p3, alias: 'PSW 3' });
    assert.doesNotMatch(visibleText(forged), /PSW 3|OTHER TEAM WORDS/);
    assert.match(visibleText(await sup().say({ command: 'summary', page: 'eyJ2IjoiYSJ9.forged' })), /expired/);
    assert.match(visibleText(await psw1().say({ command: 'summary', psw: p3 })), /isn't available for your role/);
    assert.match(visibleText(await psw1().say({ command: 'summary PSW 3' })), /isn't available for your role/);
    const mine = await psw1().say({ command: 'my summary', page: 'first', psw: p3 });
    assert.match(visibleText(mine), /MY PRIVATE WORDS/);
    assert.doesNotMatch(visibleText(mine), /OTHER TEAM WORDS/);
  });

  it('gives a PSW their own summary and an inline CSV export', async () => {
    const summary = await psw1().say('my summary');
    assert.match(visibleText(summary), /Your work/);
    assert.match(JSON.stringify(summary[0].attachments?.[0].content), /"title":"Reflections","value":"8 \(1 private\)"/);
    const replies = await psw1().say('export');
    const file = replies.find((a) => a.attachments?.some((x) => x.contentType === 'text/csv'))!;
    assert.ok(file, visibleText(replies));
    const url = file.attachments![0].contentUrl!;
    const csv = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
    const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 8);
    assert.ok(rows.some((r) => r.answers.includes('MY PRIVATE WORDS')));
    assert.match(visibleText(await psw1().say('export PSW 2')), /export your own reflections/);
  });

  it('sends a supervisor a short-lived download link when a public address is set, and audits the download', async () => {
    app.config.publicBaseUrl = bot.url;
    try {
      const replies = await sup().say('export last 2 weeks');
      const link = buttons(replies).find((b) => b.title === 'Download CSV')!;
      assert.ok(link.url?.startsWith(`${bot.url}/exports?token=`));
      const res = await fetch(link.url!);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="peerreflect-reflections-/);
      const csv = await res.text();
      assert.match(csv, /Shared thought 3/);
      assert.doesNotMatch(csv, /MY PRIVATE WORDS|OTHER TEAM WORDS/);
      const tampered = await fetch(link.url!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
      assert.equal(tampered.status, 404);
      const audit = await app.supervision.audit.list(monthOf(new Date()), 100);
      assert.ok(audit.items.some((a) => a.view === 'export' && a.actor === app.personIdFor('web-sup')));
    } finally {
      app.config.publicBaseUrl = '';
    }
  });

  it('lets an admin manage the roster and read the audit trail, but no reflections', async () => {
    const a = admin();
    assert.match(visibleText(await a.say('roster')), /PSW 1 — PSW, supervisor Sup S, team North/);
    assert.match(visibleText(await a.say('roster timezone PSW 2 to America/Halifax')), /Done\. PSW 2 — PSW, .*America\/Halifax/);
    assert.match(visibleText(await a.say('roster supervisor PSW 2 to PSW 1')), /not a supervisor/);
    assert.match(visibleText(await a.say('roster add web-new newhire New 1')), /Done\. New 1 — new hire/);
    assert.match(visibleText(await a.say('roster role Nobody to psw')), /couldn't find anyone/);
    const audit = visibleText(await a.say('audit'));
    assert.match(audit, new RegExp(`Audit trail — ${new Date().toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`));
    assert.match(audit, /Sup S · team summary/);
    assert.match(visibleText(await a.say('audit 1999-01')), /No reads recorded in January 1999/);
    assert.match(audit, /Sup S · read shared reflections · PSW 1/);
    assert.match(visibleText(await a.say('summary PSW 1')), /isn't available for your role/);
    assert.doesNotMatch(visibleText(await sup().say('summary psw1')), /couldn't find/, 'aliases match without case or spaces');
    assert.match(visibleText(await a.say('export PSW 1')), /isn't available for your role/);
    assert.match(visibleText(await psw1().say('roster')), /isn't available for your role/);
    assert.match(visibleText(await psw1().say('audit')), /isn't available for your role/);
  });

  it('moves a supervisor’s digest to their new time zone as soon as they set it', async () => {
    const id = app.personIdFor('web-sup2');
    const before = await app.jobs.get(`digest|${id}`);
    assert.ok(before, 'a digest job exists for every supervisor');
    assert.match(visibleText(await supOther().say('timezone Asia/Kolkata')), /Asia\/Kolkata/);
    const after = await app.jobs.get(`digest|${id}`);
    assert.notEqual(after!.due, before!.due);
    const local = new Date(after!.due).toLocaleString('en-GB', { timeZone: 'Asia/Kolkata', weekday: 'long', hour: '2-digit', minute: '2-digit' });
    assert.equal(local, 'Monday 09:00');
  });
});
