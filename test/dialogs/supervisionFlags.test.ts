// Supervision that closes the loop (issue 14) and Proctor's framing (issue 18), through the real dialog over HTTP: a
// supervisor's `flags` lists the relationships flagged for supervision and the safety alerts not yet acknowledged,
// each with the conversation it invites; picking one marks it talked through or acknowledged, with an optional note
// de-identified on arrival; the record is kept with a TTL, audited, shown in the PSW's `my data` and deleted with it.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { noticeRenderer } from '../../bot/notices';
import { actionCount, jsonBytes, MAX_ACTIONS, MAX_CARD_BYTES, MAX_MESSAGE_BYTES } from '../../cards/limits';
import type { AppServices } from '../../services/app';
import { monthOf } from '../../services/audit';
import { safetyAlertId, type SafetyAlertPayload } from '../../services/safety/alerts';
import { openAlertOf } from '../../services/supervision/openAlerts';
import { Conversation, useBot, visibleText } from '../helpers/bot';
import { putRelationship } from '../services/supervision/fixtures';

/** A safety alert as the delivery handler leaves it once it has reached the supervisor (services/safety/delivery.ts). */
async function deliveredAlert(app: AppServices, debrief: string, psw: string, to: string, categories: SafetyAlertPayload['categories'], at: Date): Promise<void> {
  const payload: SafetyAlertPayload = { psw, categories, clientCode: 'K-9', chain: [to], primary: true, at: 0, since: at.toISOString(), state: 'delivered' };
  const due = new Date(at.getTime() + 7 * 86_400_000).toISOString();
  await app.store.containers.schedules.items.create({ id: safetyAlertId(debrief), kind: 'safety_alert', personId: to, due, payload, attempts: 0, createdAt: at.toISOString(), ttl: 7 * 86_400 });
  // …and its PSW's open alerts, which the weekly digest reads (services/supervision/openAlerts.ts).
  await app.supervision.openAlerts.delivered(openAlertOf(safetyAlertId(debrief), payload, due));
}

function choiceData(replies: Partial<Activity>[], title: RegExp): Record<string, unknown> {
  const card = replies.flatMap((a) => a.attachments ?? []).map((x) => x.content as { actions?: { title: string; data: Record<string, unknown> }[] }).pop();
  const action = card?.actions?.find((a) => title.test(a.title));
  assert.ok(action, `a button matching ${title}`);
  return action!.data;
}

describe('supervision flags over HTTP (talked through, acknowledged, noted)', () => {
  const bot = useBot();
  let app: AppServices;
  let sup: string;
  let psw1: string;
  let psw2: string;
  const supervisor = () => new Conversation(bot().url, 'fl-sup');

  before(async () => {
    app = bot().app;
    const { roster } = app.supervision;
    await roster.add({ channelId: 'fl-sup', role: 'supervisor', alias: 'Sup F', team: 'East' });
    await roster.add({ channelId: 'fl-sup2', role: 'supervisor', alias: 'Sup G', team: 'West' });
    await roster.add({ channelId: 'fl-psw1', role: 'psw', alias: 'PSW F1', supervisor: 'Sup F', team: 'East' });
    await roster.add({ channelId: 'fl-psw2', role: 'psw', alias: 'PSW F2', supervisor: 'Sup F', team: 'East' });
    sup = app.personIdFor('fl-sup');
    psw1 = app.personIdFor('fl-psw1');
    psw2 = app.personIdFor('fl-psw2');
    const since = new Date(Date.now() - 15 * 86_400_000).toISOString();
    await putRelationship(app, psw1, {
      clientCode: 'T-4', stage: 'trust', lastReflectionAt: new Date().toISOString(),
      stall: { stage: 'trust', since, source: 'reported', strategiesTried: ['trust-s-name-reconnect'], flaggedForSupervision: true },
    });
    // Not flagged: a supervisor is not asked about it.
    await putRelationship(app, psw2, { clientCode: 'B-2', stage: 'bridging', stall: { stage: 'bridging', since, source: 'reported', strategiesTried: [], flaggedForSupervision: false } });
    await deliveredAlert(app, 'deb-fl-1', psw2, sup, ['overdose'], new Date(Date.now() - 3600_000));
  });

  it('lists each open flag with the conversation it invites, and no ids on the card', async () => {
    const replies = await supervisor().say('flags');
    const text = visibleText(replies);
    assert.match(text, /2 things are waiting for you/);
    assert.match(text, /PSW F1 · T-4: stuck at Building trust/);
    assert.match(text, /Stuck for 2 weeks; planned “Name it and reconnect”; they asked to talk it through\. Invites a learning conversation \(formative\)/);
    assert.match(text, /PSW F2: safety alert/);
    assert.match(text, /About overdose \(client K-9\) — topics only, none of their words\. Invites a safety and standards conversation \(normative\)/);
    assert.doesNotMatch(text, /B-2/, 'a stall not flagged for supervision is not listed');
    const wire = JSON.stringify(replies);
    for (const id of [psw1, psw2, sup]) assert.ok(!wire.includes(id), 'no person id on the card');
  });

  it('acknowledges an alert with a note de-identified on arrival, audited and kept with a TTL', async () => {
    const c = supervisor();
    await c.say('flags');
    assert.match(visibleText(await c.say('1')), /Anything to note from checking in\?/);
    const done = visibleText(await c.say('Called Maria Lopez on 416-555-0199, she is safe and has naloxone now'));
    assert.match(done, /Acknowledged: PSW F2: safety alert, \d+ \w+, with your note\. 1 more waiting/);
    const [record] = await app.supervision.records.ofPsw(psw2);
    assert.equal(record?.action, 'acknowledged');
    assert.equal(record?.by, sup);
    assert.equal(record?.ttl, app.config.reflectionTtlDays * 86_400);
    assert.doesNotMatch(record!.note!.text, /Maria|Lopez|416|555|0199/);
    assert.match(record!.note!.text, /she is safe and has naloxone now/);
    const { resources } = await app.store.containers.audit.items.query({ query: "SELECT * FROM c WHERE c.view = 'supervision_record'" }, { partitionKey: monthOf(new Date()) }).fetchAll();
    assert.ok(resources.some((r: { subjects: string[]; detail?: { action?: string } }) => r.subjects.includes(psw2) && r.detail?.action === 'acknowledged'));
    assert.ok(!JSON.stringify(resources).includes('naloxone'), 'the audit record holds no words');
  });

  it('does not keep a command typed at the note as the note', async () => {
    const c = supervisor();
    await c.say('flags');
    assert.match(visibleText(await c.say('1')), /Anything to note from the conversation\?/);
    assert.match(visibleText(await c.say('summary')), /That looks like a command, so I haven't kept it as a note and nothing was marked/);
    assert.deepEqual(await app.supervision.records.ofPsw(psw1), []);
    // A note that merely starts with a command word is a note.
    await c.say('flags');
    await c.say('1');
    assert.match(visibleText(await c.say('summary of what we agreed: one check-in a week')), /with your note/);
    const [record] = await app.supervision.records.ofPsw(psw1);
    assert.equal(record?.note?.text, 'summary of what we agreed: one check-in a week');
    await app.store.containers.supervision.item(record!.id, psw1).delete(); // the next test marks it afresh
  });

  it('marks a flagged relationship talked through by card, without a note; then nothing is waiting', async () => {
    const c = supervisor();
    const list = await c.say('flags');
    assert.match(visibleText(list), /One thing is waiting/);
    assert.doesNotMatch(visibleText(list), /safety alert/, 'the acknowledged alert is gone from the list');
    const note = await c.say(choiceData(list, /PSW F1/));
    assert.match(visibleText(await c.say(choiceData(note, /Skip/))), /Marked as talked through: PSW F1 · T-4: stuck at Building trust\. Nothing else is waiting\./);
    assert.match(visibleText(await supervisor().say('flags')), /Nothing is waiting for you right now/);
    // The summary says so too, instead of asking again.
    const summary = JSON.stringify(await supervisor().say('summary'));
    assert.match(summary, /T-4: stalled at Building trust for 2 weeks; planned Name it and reconnect — talked through with you/);
    assert.match(summary, /"title":"To talk through","value":"none open; 1 talked through"/);
    assert.doesNotMatch(summary, /a learning conversation/, 'nothing left to invite');
    const [record] = await app.supervision.records.ofPsw(psw1);
    assert.equal(record?.action, 'discussed');
    assert.equal(record?.note, undefined);
  });

  it('is for supervisors, about their own team only', async () => {
    assert.match(visibleText(await new Conversation(bot().url, 'fl-psw1').say('flags')), /isn't available for your role/);
    await deliveredAlert(app, 'deb-fl-2', psw1, sup, ['psw_distress'], new Date());
    assert.match(visibleText(await new Conversation(bot().url, 'fl-sup2').say('flags')), /Nothing is waiting/);
    // The PSW's own distress invites support, not the protocol.
    assert.match(visibleText(await supervisor().say('flags')), /About their own wellbeing — topics only, none of their words\. Invites a support conversation \(restorative\)/);
  });

  it('lists alerts not yet acknowledged in the weekly digest, first, with a button to the flags', async () => {
    const job = { id: `digest|${sup}`, kind: 'digest' as const, personId: sup, due: new Date().toISOString(), payload: {}, attempts: 0, createdAt: new Date().toISOString() };
    const outcome = await app.supervision.digest.handler(job, new Date());
    const notice = outcome.messages[0]!.notice!;
    assert.equal(notice.kind, 'digest');
    const shown = noticeRenderer(app)(notice);
    const card = JSON.stringify(shown.card);
    assert.match(shown.text!, /1 safety alert is waiting for you to acknowledge/);
    assert.match(card, /⚠ 1 safety alert not yet acknowledged/);
    assert.match(card, /PSW F1: safety alert/);
    assert.doesNotMatch(card, /PSW F2: safety alert/, 'the acknowledged one is not listed');
    assert.match(card, /"title":"Flags to talk through","data":\{"command":"flags"\},"associatedInputs":"none"/);
  });

  it('lists at most 12 at a time, within Teams’ limits', async () => {
    await app.supervision.roster.add({ channelId: 'fl-sup3', role: 'supervisor', alias: 'Sup H', team: 'North' });
    await app.supervision.roster.add({ channelId: 'fl-psw3', role: 'psw', alias: 'PSW H1', supervisor: 'Sup H', team: 'North' });
    const psw3 = app.personIdFor('fl-psw3');
    const since = new Date(Date.now() - 3 * 86_400_000).toISOString();
    for (let i = 1; i <= 14; i++) {
      await putRelationship(app, psw3, { clientCode: `M-${i}`, stall: { stage: 'bridging', since, source: 'reported', strategiesTried: ['bridging-s-warm-handoff'], flaggedForSupervision: true } });
    }
    const replies = await new Conversation(bot().url, 'fl-sup3').say('flags');
    const text = visibleText(replies);
    assert.match(text, /14 things are waiting for you\. Pick one once you've talked it through or checked in: \(The first 12 are here; type `flags` again for the rest\.\)/);
    assert.equal((text.match(/^\d+\. \*\*PSW H1 · M-\d+/gm) ?? []).length, 12);
    for (const a of replies) {
      assert.ok(jsonBytes(a) <= MAX_MESSAGE_BYTES);
      for (const card of (a.attachments ?? []).map((x) => x.content)) {
        assert.ok(jsonBytes(card) <= MAX_CARD_BYTES);
        assert.ok(actionCount(card) <= MAX_ACTIONS);
      }
    }
  });

  it('shows the PSW what was recorded in `my data`, and deletes it with their data', async () => {
    const mine = new Conversation(bot().url, 'fl-psw2');
    assert.match(visibleText(await mine.say('my data')), /1 supervision record: your supervisor marking a flag talked through or an alert acknowledged/);
    await mine.say('delete my data');
    assert.match(visibleText(await mine.say('Yes, delete everything')), /1 supervision record/);
    assert.deepEqual(await app.supervision.records.ofPsw(psw2), []);
    // The finished alert about them goes too, so it cannot come back as not yet acknowledged.
    assert.equal((await app.store.containers.schedules.item(safetyAlertId('deb-fl-1'), safetyAlertId('deb-fl-1')).read()).resource, undefined);
    assert.doesNotMatch(visibleText(await supervisor().say('flags')), /PSW F2/);
  });
});
