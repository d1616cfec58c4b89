import assert from 'node:assert/strict';
import { csvWords } from '../../../cards/words/csv';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { monthOf } from '../../../services/audit';
import { parseRosterFile } from '../../../services/roster';
import { signToken } from '../../../services/signedToken';
import { weekPeriod } from '../../../services/supervision/period';
import { createServices } from '../../../services/app';
import { testConfig } from '../../helpers/config';
import { closeStores, freshStore } from '../../helpers/store';
import { putReflections, putRelationship, reflection, rosterApp, type Team } from './fixtures';

const NOW = new Date('2025-03-12T15:00:00Z'); // a Wednesday
const THIS_WEEK = '2025-03-11T14:00:00.000Z';

describe('supervision: roster, access, summaries, paging, export, audit', () => {
  let t: Team;
  before(async () => {
    t = await rosterApp();
    t.app.now = () => NOW;
    const { pswA1, pswA2, hireA, pswB1 } = t;
    const docs = [];
    for (let i = 0; i < 12; i++) docs.push(reflection(pswA1.id, new Date(Date.parse(THIS_WEEK) - i * 3600_000).toISOString(), { selfCheck: { score: 2, note: `shared ${i}` } }));
    for (let i = 0; i < 3; i++) docs.push(reflection(pswA1.id, new Date(Date.parse(THIS_WEEK) + i * 60_000).toISOString(), { visibility: 'private', movement: 'setback', selfCheck: { score: 5, note: 'private note' }, answers: [{ promptId: 'p', text: 'PRIVATE TEXT', skipped: false, redactions: {} }] }));
    docs.push(reflection(pswA1.id, THIS_WEEK, { practice: true }));
    // Earlier weeks for the trend: PSW 1 was at 4.5, so 2 this week is low and falling.
    docs.push(reflection(pswA1.id, '2025-03-04T14:00:00.000Z', { selfCheck: { score: 5, note: '' } }));
    docs.push(reflection(pswA1.id, '2025-02-26T14:00:00.000Z', { selfCheck: { score: 4, note: '' } }));
    docs.push(reflection(pswA2.id, THIS_WEEK, { movement: 'progressing', stage: 'bridging' }));
    docs.push(reflection(hireA.id, THIS_WEEK, { practice: true }));
    docs.push(reflection(pswB1.id, THIS_WEEK, { answers: [{ promptId: 'p', text: 'OTHER TEAM TEXT', skipped: false, redactions: {} }] }));
    await putReflections(t.app, docs);
    await putRelationship(t.app, pswA1.id, { clientCode: 'K7', stage: 'trust', stall: { stage: 'trust', since: '2025-02-12T00:00:00Z', source: 'reported', strategiesTried: ['s1'], flaggedForSupervision: false } });
    await putRelationship(t.app, pswA1.id, { clientCode: 'Q2', stage: 'bridging', stall: { stage: 'bridging', since: '2025-03-05T00:00:00Z', source: 'inferred_duration', strategiesTried: [], flaggedForSupervision: true } });
    await putRelationship(t.app, pswA1.id, { clientCode: 'Z9', stage: 'fostering' });
    // Long quiet: one ended (not counted), one still stuck (counted).
    await putRelationship(t.app, pswA1.id, { clientCode: 'OLD1', stage: 'bridging', lastReflectionAt: '2024-06-01T00:00:00.000Z' });
    await putRelationship(t.app, pswA1.id, { clientCode: 'OLD2', stage: 'launching', lastReflectionAt: '2024-06-01T00:00:00.000Z', stall: { stage: 'launching', since: '2024-06-01T00:00:00Z', source: 'reported', strategiesTried: [], flaggedForSupervision: false } });
  });
  after(closeStores);

  describe('roster', () => {
    it('stores people under their pseudonymous id, never the channel id', async () => {
      assert.equal(t.pswA1.id, t.app.personIdFor('aad-a1'));
      assert.notEqual(t.pswA1.id, 'aad-a1');
      assert.equal(t.pswA1.supervisorId, t.supA.id);
    });

    it('refuses a taken alias, a supervisor who is not one, and a bad time zone', async () => {
      const { roster } = t.app.supervision;
      assert.deepEqual(await roster.add({ channelId: 'aad-x', role: 'psw', alias: 'psw 1' }), { ok: false, problem: 'alias_taken' });
      assert.deepEqual(await roster.add({ channelId: 'aad-y', role: 'psw', alias: 'PSW1' }), { ok: false, problem: 'alias_taken' }, 'spaces do not make a new alias');
      assert.equal((await roster.byAlias('psw1'))?.alias, 'PSW 1');
      assert.deepEqual(await roster.add({ channelId: 'aad-x', role: 'psw', alias: 'X', supervisor: 'PSW 2' }), { ok: false, problem: 'not_a_supervisor' });
      assert.deepEqual(await roster.setTimeZone('PSW 2', 'Mars/Olympus'), { ok: false, problem: 'bad_zone' });
      assert.deepEqual(await roster.setRole('Nobody', 'psw'), { ok: false, problem: 'unknown_person' });
    });

    it('gives every supervisor a digest job', async () => {
      const job = await t.app.jobs.get(`digest|${t.supA.id}`);
      assert.equal(job?.kind, 'digest');
      assert.equal(job?.personId, t.supA.id);
      assert.equal(await t.app.jobs.get(`digest|${t.pswA1.id}`), undefined);
    });

    it('validates a roster file with ajv and names the problem', () => {
      assert.throws(() => parseRosterFile('{"people":[{"channelId":"a","role":"boss","alias":"A"}]}'), /people\/0\/role/);
      assert.throws(() => parseRosterFile('{"people":[{"channelId":"a","role":"psw","alias":"A","timeZone":"Nowhere/City"}]}'), /timeZone/);
      assert.throws(() => parseRosterFile('{"people":[{"channelId":"a","role":"psw","alias":"A"},{"channelId":"b","role":"psw","alias":"a"}]}'), /alias used twice/);
      assert.throws(() => parseRosterFile('not json'), /not valid JSON/);
    });

    it('at start adds ROSTER_FILE people not stored yet, keeps admin changes, and ensures digest jobs', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'roster-'));
      const file = path.join(dir, 'roster.json');
      writeFileSync(file, JSON.stringify({ people: [
        { channelId: 's', role: 'supervisor', alias: 'Sup L', timeZone: 'Europe/London' },
        { channelId: 'p', role: 'psw', alias: 'P1', supervisor: 'Sup L' },
      ] }));
      const app = createServices(testConfig({ rosterFile: file }), await freshStore());
      await app.supervision.startup();
      await app.supervision.roster.setTeam('P1', 'East');
      await app.supervision.startup(); // a restart
      const p1 = (await app.supervision.roster.byAlias('p1'))!;
      assert.equal(p1.team, 'East');
      assert.equal(p1.supervisorId, app.personIdFor('s'));
      assert.ok(await app.jobs.get(`digest|${app.personIdFor('s')}`));
      writeFileSync(file, '{"people":[{"channelId":"x","role":"chief","alias":"X"}]}');
      await assert.rejects(app.supervision.startup(), /Roster file: \/people\/0\/role/);
    });

    it('seeds from the sample roster file, supervisors first', async () => {
      const app = createServices(testConfig(), await freshStore());
      const result = await app.supervision.roster.seedFromFile(path.join(__dirname, '../../../content/roster.sample.json'));
      assert.deepEqual(result.problems, []);
      const people = await app.supervision.roster.list();
      const sup = people.find((p) => p.role === 'supervisor' && p.alias === 'Supervisor 1')!;
      assert.ok(people.filter((p) => p.supervisorId === sup.id).length >= 2);
      // Applying it again changes nothing and fails nothing.
      const dir = mkdtempSync(path.join(tmpdir(), 'roster-'));
      writeFileSync(path.join(dir, 'r.json'), JSON.stringify({ people: [{ channelId: 'new-one', role: 'psw', alias: 'Late', supervisor: 'Supervisor 1' }] }));
      assert.equal((await app.supervision.roster.seedFromFile(path.join(dir, 'r.json'))).applied, 1);
    });
  });

  describe('access', () => {
    it('lets a PSW read only their own reflections', async () => {
      const { access } = t.app.supervision;
      assert.equal((await access.decide(t.pswA1.id, t.pswA1.id)).allowed, true);
      assert.deepEqual(await access.decide(t.pswA1.id, t.pswA2.id), { allowed: false, reason: 'not_found' });
      assert.deepEqual(await access.decideByAlias(t.pswA1.id, 'PSW 2'), { allowed: false, reason: 'not_found' });
    });

    it('lets a supervisor read their own supervisees only — the other team looks like no one', async () => {
      const { access } = t.app.supervision;
      const mine = await access.decideByAlias(t.supA.id, 'psw 1');
      assert.ok(mine.allowed && mine.scope === 'supervisee');
      assert.deepEqual(await access.decideByAlias(t.supA.id, 'PSW 3'), { allowed: false, reason: 'not_found' });
      assert.deepEqual(await access.decideByAlias(t.supA.id, 'Nobody At All'), { allowed: false, reason: 'not_found' });
      assert.deepEqual(await access.decide(t.supB.id, t.pswA1.id), { allowed: false, reason: 'not_found' });
      assert.deepEqual(await access.decide(t.supA.id, t.supB.id), { allowed: false, reason: 'not_found' });
    });

    it('gives an admin no one’s reflections, and an unknown viewer nothing', async () => {
      const { access } = t.app.supervision;
      assert.deepEqual(await access.decide(t.admin.id, t.pswA1.id), { allowed: false, reason: 'role' });
      assert.deepEqual(await access.decide('forged-id', t.pswA1.id), { allowed: false, reason: 'no_viewer' });
    });
  });

  describe('summaries', () => {
    it('shows a supervisor their team, counts only for private reflections, and audits the read', async () => {
      const period = weekPeriod('America/Toronto', NOW);
      const r = await t.app.supervision.summaries.team(t.supA.id, period, NOW);
      assert.ok(r.ok);
      const all = r.summary.teams.flatMap((x) => x.psws);
      assert.deepEqual(all.map((p) => p.person.alias).sort(), ['New 1', 'PSW 1', 'PSW 2']);
      const a1 = all.find((p) => p.person.alias === 'PSW 1')!;
      assert.deepEqual(a1.reflections, { total: 15, shared: 12, private: 3 }); // practice never counts
      assert.equal(a1.movement.setback, 0, 'movement of private reflections is not read');
      assert.equal(a1.movement.steady, 12);
      assert.equal(a1.selfCheck.average, 2);
      assert.equal(a1.selfCheck.previousAverage, 4.5);
      assert.ok(a1.selfCheck.low && a1.selfCheck.falling);
      assert.deepEqual(a1.stages, { trust: 1, fostering: 1, bridging: 1, launching: 1 }, 'a relationship quiet for ACTIVE_WEEKS is not counted unless stalled');
      assert.equal(a1.flaggedForSupervision, 1);
      assert.equal(a1.stalls.find((s) => s.stage === 'trust')!.clientCode, undefined, 'unflagged stall: no client code');
      assert.equal(a1.stalls.find((s) => s.stage === 'bridging')!.clientCode, 'Q2');
      assert.equal(a1.stalls.find((s) => s.stage === 'trust')!.days, 28);
      const hire = all.find((p) => p.person.alias === 'New 1')!;
      assert.equal(hire.reflections.total, 0);
      assert.deepEqual(hire.onboarding && { started: hire.onboarding.started, completed: hire.onboarding.completed }, { started: false, completed: false });
      const audit = await t.app.supervision.audit.list(monthOf(NOW));
      const rec = audit.items.find((a) => a.view === 'summary' && a.actor === t.supA.id)!;
      assert.deepEqual([...rec.subjects].sort(), [t.pswA1.id, t.pswA2.id, t.hireA.id].sort());
    });

    it('refuses the team summary to a PSW and an admin', async () => {
      const period = weekPeriod('America/Toronto', NOW);
      assert.deepEqual(await t.app.supervision.summaries.team(t.pswA1.id, period, NOW), { ok: false, reason: 'role' });
      assert.deepEqual(await t.app.supervision.summaries.team(t.admin.id, period, NOW), { ok: false, reason: 'role' });
    });

    it('shows a PSW their own work with private reflections read in full', async () => {
      const r = await t.app.supervision.summaries.own(t.pswA1.id, weekPeriod('America/Toronto', NOW), NOW);
      assert.ok(r.ok);
      assert.equal(r.summary.movement.setback, 3);
      assert.equal(r.summary.stalls.find((s) => s.stage === 'trust')!.clientCode, 'K7');
    });
  });

  describe('drill-down paging', () => {
    it('pages a supervisee’s shared reflections newest first, never the private ones, each page audited', async () => {
      const { summaries, audit } = t.app.supervision;
      const before = (await audit.list(monthOf(NOW), 100)).items.filter((a) => a.view === 'summary_psw').length;
      const seen: string[] = [];
      let r = await summaries.firstPage(t.supA.id, 'PSW 1', NOW);
      let pages = 0;
      for (;;) {
        assert.ok(r.ok);
        pages++;
        for (const item of r.page.items) {
          assert.equal(item.visibility, 'shared');
          seen.push(item.createdAt);
        }
        if (!r.page.next) break;
        r = await summaries.nextPage(t.supA.id, r.page.next, NOW);
      }
      assert.equal(pages, 3);
      assert.equal(seen.length, 14); // 12 this week + 2 earlier, all shared
      assert.deepEqual(seen, [...seen].sort().reverse());
      const after = (await audit.list(monthOf(NOW), 100)).items.filter((a) => a.view === 'summary_psw').length;
      assert.equal(after - before, 3);
    });

    it('includes private reflections in a PSW’s own pages', async () => {
      const r = await t.app.supervision.summaries.firstPage(t.pswA1.id, undefined, NOW);
      assert.ok(r.ok);
      assert.ok(r.page.items.some((i) => i.visibility === 'private'));
    });

    it('refuses forged, edited, borrowed and stale page tokens', async () => {
      const { summaries, roster } = t.app.supervision;
      const first = await summaries.firstPage(t.supA.id, 'PSW 1', NOW);
      assert.ok(first.ok && first.page.next);
      const token = first.page.next!;
      // Another supervisor cannot use it.
      assert.deepEqual(await summaries.nextPage(t.supB.id, token, NOW), { ok: false, reason: 'bad_token' });
      // A token naming the other team, signed with a wrong key, is refused.
      const forged = signToken('not-the-secret-not-the-secret-0000', 'page', { v: t.supA.id, s: t.pswB1.id, f: '2000-01-01', c: '' }, new Date(NOW.getTime() + 60_000));
      assert.deepEqual(await summaries.nextPage(t.supA.id, forged, NOW), { ok: false, reason: 'bad_token' });
      const [body, sig] = token.split('.');
      const edited = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), s: t.pswB1.id })).toString('base64url');
      assert.deepEqual(await summaries.nextPage(t.supA.id, `${edited}.${sig}`, NOW), { ok: false, reason: 'bad_token' });
      // An export token is not a page token.
      const exp = await t.app.supervision.exports.request(t.supA.id, 'PSW 1', weekPeriod('America/Toronto', NOW), NOW);
      assert.ok(exp.ok);
      assert.deepEqual(await summaries.nextPage(t.supA.id, exp.token, NOW), { ok: false, reason: 'bad_token' });
      // Expired.
      assert.deepEqual(await summaries.nextPage(t.supA.id, token, new Date(NOW.getTime() + 2 * 3600_000)), { ok: false, reason: 'bad_token' });
      // Access is decided again: once PSW 2 leaves Sam's team, Sam's token for them reads nothing.
      await putReflections(t.app, Array.from({ length: 6 }, (_, i) => reflection(t.pswA2.id, `2025-03-0${i + 1}T10:00:00.000Z`)));
      const p2 = await summaries.firstPage(t.supA.id, 'PSW 2', NOW);
      assert.ok(p2.ok && p2.page.next);
      await roster.setSupervisor('PSW 2', 'Sup R');
      assert.deepEqual(await summaries.nextPage(t.supA.id, p2.page.next, NOW), { ok: false, reason: 'not_found' });
      await roster.setSupervisor('PSW 2', 'Sup S');
    });
  });

  describe('export', () => {
    it('writes a CSV of a supervisee’s shared reflections with per-file client labels, audited', async () => {
      const { exports, audit } = t.app.supervision;
      await putReflections(t.app, [reflection(t.pswA1.id, '2025-03-12T12:00:00.000Z', { clientCode: 'ZZ1', selfCheck: { score: 3, note: '=HYPERLINK("x")', noteShared: true } })]);
      const req = await exports.request(t.supA.id, 'PSW 1', weekPeriod('America/Toronto', NOW), NOW);
      assert.ok(req.ok);
      const out = await exports.csv(req.token, NOW, csvWords());
      assert.ok(out.ok);
      assert.match(out.filename, /^peerreflect-reflections-2025-03-10\.csv$/);
      const rows = parse(out.csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      assert.equal(rows.length, 13);
      assert.deepEqual(Object.keys(rows[0]).slice(0, 5), ['reflection', 'date', 'psw', 'client', 'stage']);
      assert.ok(rows.every((r) => r.visibility === 'shared' && r.psw === 'PSW 1'));
      assert.ok(!out.csv.includes('PRIVATE TEXT'));
      assert.ok(!out.csv.includes('ZZ1') && !out.csv.includes('K7'), 'client codes become labels');
      assert.deepEqual([...new Set(rows.map((r) => r.client))].sort(), ['C1', 'C2']);
      assert.ok(rows.some((r) => r.self_check_note === `'=HYPERLINK("x")`), 'formula cells are neutralised');
      // Words, never internal ids (issue 14): a prompt id the content does not hold reads as a question no longer in use.
      assert.match(rows[0].answers, /^Question \(no longer in use\): We talked about \[NAME\] and the bus pass\./);
      assert.doesNotMatch(out.csv, /trust-1|,trust,|[a-z]-s-[a-z]/);
      assert.equal(rows[0].stage, 'Building trust');
      assert.ok(rows.some((r) => r.date === '2025-03-11 10:00'), 'dates in the viewer’s zone (EDT after 9 March)');
      assert.deepEqual(rows.map((r) => r.date), rows.map((r) => r.date).sort(), 'oldest first');
      const rec = (await audit.list(monthOf(NOW), 100)).items.find((a) => a.view === 'export');
      assert.deepEqual(rec?.subjects, [t.pswA1.id]);
    });

    it('a PSW’s self-check words reach a supervisor’s export only when the PSW shared them; safety topics are a column', async () => {
      const { exports } = t.app.supervision;
      await putReflections(t.app, [reflection(t.pswA1.id, '2025-03-12T13:00:00.000Z', { clientCode: 'W-1', selfCheck: { score: 1, note: 'WORN OUT WORDS' }, riskFlags: ['psw_distress'] })]);
      const req = await exports.request(t.supA.id, 'PSW 1', weekPeriod('America/Toronto', NOW), NOW);
      assert.ok(req.ok);
      const out = await exports.csv(req.token, NOW, csvWords());
      assert.ok(out.ok);
      assert.ok(!out.csv.includes('WORN OUT WORDS'));
      const rows = parse(out.csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      const row = rows.find((r) => r.self_check === '1' && r.risk_flags === 'their own wellbeing');
      assert.equal(row?.self_check_note, '(not shared)');
      const own = await exports.request(t.pswA1.id, undefined, weekPeriod('America/Toronto', NOW), NOW);
      assert.ok(own.ok);
      const mine = await exports.csv(own.token, NOW, csvWords());
      assert.ok(mine.ok && mine.csv.includes('WORN OUT WORDS'), 'the PSW’s own export keeps their words');
    });

    it('exports a PSW’s own reflections, private ones included, and nobody else’s', async () => {
      const { exports } = t.app.supervision;
      const own = await exports.request(t.pswA1.id, undefined, weekPeriod('America/Toronto', NOW), NOW);
      assert.ok(own.ok);
      const out = await exports.csv(own.token, NOW, csvWords());
      assert.ok(out.ok && out.csv.includes('PRIVATE TEXT'));
      assert.deepEqual(await exports.request(t.pswA1.id, 'PSW 2', weekPeriod('America/Toronto', NOW), NOW), { ok: false, reason: 'not_found' });
      assert.deepEqual(await exports.request(t.supA.id, 'PSW 3', weekPeriod('America/Toronto', NOW), NOW), { ok: false, reason: 'not_found' });
      assert.deepEqual(await exports.request(t.admin.id, undefined, weekPeriod('America/Toronto', NOW), NOW), { ok: false, reason: 'role' });
      assert.deepEqual(await exports.csv('garbage.token', NOW, csvWords()), { ok: false, reason: 'bad_token' });
    });

    it('a team export covers the supervisor’s own people only', async () => {
      const req = await t.app.supervision.exports.request(t.supB.id, undefined, weekPeriod('America/Toronto', NOW), NOW);
      assert.ok(req.ok);
      const out = await t.app.supervision.exports.csv(req.token, NOW, csvWords());
      assert.ok(out.ok);
      assert.ok(out.csv.includes('OTHER TEAM TEXT'));
      assert.ok(!out.csv.includes('PSW 1'));
    });
  });

  describe('audit listing', () => {
    it('lists a month newest first in pages, and records deletions for the privacy flow', async () => {
      const { audit } = t.app.supervision;
      await audit.record({ actor: t.pswA2.id, subjects: [t.pswA2.id], view: 'delete' });
      const first = await audit.list(monthOf(NOW), 2);
      assert.equal(first.items.length, 2);
      assert.ok(first.continuation);
      const second = await audit.list(monthOf(NOW), 2, first.continuation);
      assert.ok(second.items.length >= 1);
      assert.ok(first.items[0].at >= second.items[0].at);
      assert.deepEqual(await audit.list('1999-01'), { items: [], continuation: undefined });
    });
  });
});
