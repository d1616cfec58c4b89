// A supervisor's open flags and their records (issue 14): what is listed, who may close it, a record per flag, its
// ttl and the embedded store's sweep.
import assert from 'node:assert/strict';
import type { AppServices } from '../../../services/app';
import { content } from '../../../services/content';
import { safetyAlertText } from '../../../cards/words/safetyAlert';
import { safetyAlertId, type SafetyAlertPayload } from '../../../services/safety/alerts';
import { closeStores } from '../../helpers/store';
import { putRelationship, rosterApp, type Team } from './fixtures';

async function alert(app: AppServices, debrief: string, psw: string, to: string, state: SafetyAlertPayload['state'] = 'delivered'): Promise<void> {
  const payload: SafetyAlertPayload = { psw, categories: ['self_harm'], clientCode: 'K-2', chain: [to], primary: true, at: 0, since: new Date().toISOString(), state };
  await app.store.containers.schedules.items.create({ id: safetyAlertId(debrief), kind: 'safety_alert', personId: to, due: new Date().toISOString(), payload, attempts: 0, createdAt: new Date().toISOString(), ttl: 604_800 });
}

describe('supervision agenda and records', () => {
  let t: Team;
  const now = new Date();
  const since = new Date(now.getTime() - 9 * 86_400_000).toISOString();
  before(async () => {
    t = await rosterApp({ reflectionTtlDays: 30 });
    await putRelationship(t.app, t.pswA1.id, { clientCode: 'C-1', stall: { stage: 'bridging', since, source: 'reported', strategiesTried: [], flaggedForSupervision: true } });
    await alert(t.app, 'a-1', t.pswA2.id, t.supA.id);
    await alert(t.app, 'a-2', t.pswA2.id, t.supA.id, 'sending'); // not yet delivered: nothing to acknowledge
    await alert(t.app, 'b-1', t.pswB1.id, t.supB.id);
  });
  after(closeStores);

  it('lists the supervisor’s own team only: delivered alerts, then flagged open stalls, each with its framing', async () => {
    const r = await t.app.supervision.agenda.open(t.supA.id, now);
    assert.ok(r.ok);
    assert.deepEqual(r.items.map((i) => [i.alias, i.about.type, i.framing.function]), [['PSW 2', 'alert', 'normative'], ['PSW 1', 'stall', 'formative']]);
    assert.equal(r.items[1]!.days, 9);
    assert.deepEqual(await t.app.supervision.agenda.open(t.pswA1.id, now), { ok: false, reason: 'role' });
  });

  it('closes a flag once, only for the PSW’s own supervisor, only while it is open', async () => {
    const { agenda } = t.app.supervision;
    const r = await agenda.open(t.supA.id, now);
    assert.ok(r.ok);
    const stall = r.items.find((i) => i.about.type === 'stall')!;
    assert.equal(await agenda.close(t.supB.id, stall.key, undefined, now), 'not_allowed');
    assert.equal(await agenda.close(t.supA.id, `stall|${t.pswA1.id}|c-1|2020-01-01T00:00:00.000Z`, undefined, now), 'gone', 'a stall begun at another time is another flag');
    assert.equal(await agenda.close(t.supA.id, 'alert|safety_alert|a-2', undefined, now), 'gone', 'an alert still on its way');
    assert.equal(await agenda.close(t.supA.id, 'made-up', undefined, now), 'gone');
    assert.equal(await agenda.close(t.supA.id, stall.key, { text: 'Talked about [NAME]', redactions: { NAME: 1 } }, now), 'recorded');
    assert.equal(await agenda.close(t.supA.id, stall.key, undefined, now), 'already');
    const after = await agenda.open(t.supA.id, now);
    assert.ok(after.ok);
    assert.deepEqual(after.items.map((i) => i.about.type), ['alert']);
    assert.deepEqual((await agenda.unacknowledgedAlerts([t.pswA2])).map((i) => i.key), ['alert|safety_alert|a-1']);
  });

  it('tells the PSW’s own supervisor how to acknowledge an alert; not the next in line, who has no list to do it in', () => {
    const protocol = content().safetyProtocol;
    // The alert as the person alerted reads it (data from the delivery, said by cards/words/safetyAlert.ts).
    const alertText = (_: typeof protocol, who: string, categories: SafetyAlertPayload['categories'], clientCode?: string, forwarded = false) =>
      safetyAlertText(protocol, { who, categories, ...(clientCode ? { clientCode } : {}), forwarded });
    assert.match(alertText(protocol, 'PSW 2', ['overdose'], 'K-2'), /Please check in with them soon, then type `flags` to mark it acknowledged\.$/);
    assert.match(alertText(protocol, 'PSW 2', ['psw_distress']), /then type `flags` to mark it acknowledged\.$/);
    assert.doesNotMatch(alertText(protocol, 'PSW 2', ['overdose'], 'K-2', true), /flags/);
  });

  it('keeps each record as long as a reflection, and the embedded store’s sweep removes it after', async () => {
    const { records } = t.app.supervision;
    const [kept] = await records.ofPsw(t.pswA1.id);
    assert.equal(kept?.ttl, 30 * 86_400);
    assert.equal(await records.sweepExpired(new Date(now.getTime() + 29 * 86_400_000)), 0);
    assert.equal(await records.sweepExpired(new Date(now.getTime() + 31 * 86_400_000)), 1);
    assert.deepEqual(await records.ofPsw(t.pswA1.id), []);
  });
});
