// Roster changes are audited and loud (issue 15, item 6): an admin could otherwise read reflections by adding a
// second account as a supervisor and moving a PSW under it, and a rename would hide who read.
import assert from 'node:assert/strict';
import { monthOf, type AuditDoc } from '../../../services/audit';
import { ROSTER_FILE_ACTOR, type RosterNotice } from '../../../services/roster';
import { rosterNoticeText } from '../../../cards/words/rosterNotice';
import { noticeHandler } from '../../../services/scheduler/handlers';
import type { Job } from '../../../services/scheduler/job';
import { closeStores } from '../../helpers/store';
import { rosterApp, type Team } from './fixtures';

async function rosterRecords(t: Team): Promise<AuditDoc[]> {
  return (await t.app.supervision.audit.list(monthOf(t.app.now()), 200)).items.filter((a) => a.view === 'roster');
}

async function notices(t: Team): Promise<Job[]> {
  const { resources } = await t.app.store.containers.schedules.items.query<Job>("SELECT * FROM c WHERE c.kind = 'notice'").fetchAll();
  return resources;
}

describe('roster changes: audited, loud, and never a self-grant', () => {
  let t: Team;
  beforeEach(async () => { t = await rosterApp(); });
  afterEach(closeStores);

  it('records every change with who made it, what changed (from → to) and when', async () => {
    const { roster } = t.app.supervision;
    const by = t.admin.id;
    const before = (await rosterRecords(t)).length;
    assert.ok((await roster.add({ channelId: 'aad-new', role: 'psw', alias: 'PSW 7', team: 'North' }, by)).ok);
    assert.ok((await roster.setRole('PSW 7', 'newhire', by)).ok);
    assert.ok((await roster.setSupervisor('PSW 7', 'Sup S', by)).ok);
    assert.ok((await roster.setTeam('PSW 7', 'South', by)).ok);
    assert.ok((await roster.setTimeZone('PSW 7', 'America/Halifax', by)).ok);
    assert.ok((await roster.setAlias('PSW 7', 'PSW 8', by)).ok);
    const newId = t.app.personIdFor('aad-new');
    const records = (await rosterRecords(t)).filter((r) => r.subjects.includes(newId));
    assert.equal((await rosterRecords(t)).length - before, 6);
    assert.deepEqual(records.map((r) => r.detail?.change).sort(), ['add', 'alias', 'role', 'supervisor', 'team', 'timezone']);
    const of = (change: string) => records.find((r) => r.detail?.change === change)!;
    for (const r of records) {
      assert.equal(r.actor, by);
      assert.equal(r.actorAlias, 'Admin');
      assert.deepEqual(r.subjects, [newId]);
      assert.ok(Date.parse(r.at) > 0);
    }
    assert.deepEqual(of('role').detail, { change: 'role', roleFrom: 'psw', roleTo: 'newhire' });
    assert.deepEqual(of('supervisor').detail, { change: 'supervisor', supervisorFrom: 'none', supervisorTo: 'Sup S' });
    assert.deepEqual(of('team').detail, { change: 'team', teamFrom: 'North', teamTo: 'South' });
    assert.deepEqual(of('alias').detail, { change: 'alias', aliasFrom: 'PSW 7', aliasTo: 'PSW 8' });
    // The roster file's own entries are recorded too, under the file.
    assert.ok((await rosterRecords(t)).some((r) => r.actor === ROSTER_FILE_ACTOR && r.detail?.change === 'add'));
  });

  it('an admin cannot make themselves a supervisor; another admin can', async () => {
    const { roster } = t.app.supervision;
    assert.deepEqual(await roster.setRole('Admin', 'supervisor', t.admin.id), { ok: false, problem: 'needs_second_admin' });
    assert.deepEqual(await roster.add({ channelId: 'aad-admin', role: 'supervisor', alias: 'Admin' }, t.admin.id), { ok: false, problem: 'needs_second_admin' });
    assert.equal((await t.app.people.get(t.admin.id))?.role, 'admin');
    const second = await roster.add({ channelId: 'aad-admin-2', role: 'admin', alias: 'Admin 2' });
    assert.ok(second.ok);
    assert.ok((await roster.setRole('Admin', 'supervisor', second.person.id)).ok);
  });

  it("moving a PSW under an admin's second account is told at once to the PSW and to both supervisors", async () => {
    const { roster } = t.app.supervision;
    const by = t.admin.id;
    const second = await roster.add({ channelId: 'aad-admins-other-account', role: 'supervisor', alias: 'Sup X' }, by);
    assert.ok(second.ok);
    assert.equal((await notices(t)).length, 0, 'a new supervisor with no one to read is not yet a notice');
    assert.ok((await roster.setSupervisor('PSW 1', 'Sup X', by)).ok);
    const sent = await notices(t);
    // Stored as data (aliases only), said in the reader's words when sent (cards/words/rosterNotice.ts).
    const to = (id: string) => sent.filter((j) => j.personId === id).map((j) => rosterNoticeText(j.payload.roster as RosterNotice));
    assert.match(to(t.pswA1.id).join(), /your supervisor is now Sup X \(set by Admin\)/);
    assert.match(to(t.supA.id).join(), /PSW 1 is no longer in your team; Admin moved them to Sup X/);
    assert.match(to(second.person.id).join(), /PSW 1 is now in your team \(set by Admin\)/);
    assert.equal(sent.length, 3);
    assert.ok(sent.every((j) => Date.parse(j.due) <= t.app.now().getTime()), 'due now');
    // The scheduler sends each as it is (one message, then the job ends).
    const out = await noticeHandler(sent.find((j) => j.personId === t.pswA1.id)!, t.app.now());
    assert.equal(out.next, undefined);
    assert.deepEqual(out.messages[0]!.notice, { kind: 'roster', notice: { change: 'supervisorNow', supervisor: 'Sup X', by: 'Admin' } });
    // A notice stored as text before notices were data is still sent as it is.
    const old = await noticeHandler({ ...sent[0]!, payload: { text: 'A roster change: …' } }, t.app.now());
    assert.equal(old.messages[0]!.text, 'A roster change: …');
    // And the move is in the audit trail, naming the supervisors as they were called then.
    const move = (await rosterRecords(t)).find((r) => r.detail?.change === 'supervisor');
    assert.deepEqual(move?.detail, { change: 'supervisor', supervisorFrom: 'Sup S', supervisorTo: 'Sup X' });
  });

  it("keeps the reader's alias of the moment on every audit record", async () => {
    await t.app.supervision.audit.record({ actor: t.supA.id, subjects: [t.pswA1.id], view: 'summary_psw' });
    await t.app.supervision.roster.setAlias('Sup S', 'Sup Z', t.admin.id);
    const read = (await t.app.supervision.audit.list(monthOf(t.app.now()), 200)).items.find((a) => a.view === 'summary_psw');
    assert.equal(read?.actorAlias, 'Sup S');
  });

  it('refuses aliases and team names that identify someone', async () => {
    const { roster } = t.app.supervision;
    assert.deepEqual(await roster.add({ channelId: 'aad-z', role: 'psw', alias: 'Maria Lopez' }, t.admin.id), { ok: false, problem: 'identifying_alias' });
    assert.deepEqual(await roster.add({ channelId: 'aad-z', role: 'psw', alias: 'PSW 9', team: '416 555 0199' }, t.admin.id), { ok: false, problem: 'identifying_team' });
    assert.deepEqual(await roster.setAlias('PSW 1', 'Jo 1987', t.admin.id), { ok: false, problem: 'identifying_alias' });
    assert.deepEqual(await roster.setTeam('PSW 1', 'Sam', t.admin.id), { ok: false, problem: 'identifying_team' });
    assert.ok((await roster.setTeam('PSW 1', 'Harbour', t.admin.id)).ok);
  });
});
