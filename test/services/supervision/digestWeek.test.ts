// The weekly digest and `summary` agree on what a week is (services/supervision/period.ts, digest.ts): the digest
// reports the last full week before it is sent — the weeks `summary` uses, starting at local midnight on WEEK_START in
// the supervisor's zone — and names it the same ("week of …"), whatever day it is sent on, across DST changes.
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import sinon from 'sinon';
import { createDigestHandler, digestJobId, digestPeriod, nextDigestDue } from '../../../services/supervision/digest';
import { parsePeriod, startOfWeek, weekPeriod, weeksEndingWith } from '../../../services/supervision/period';
import type { PswSummary } from '../../../services/supervision/summaries';
import { closeStores } from '../../helpers/store';
import { putReflections, reflection, rosterApp, type Team } from './fixtures';

const ZONES = ['America/Toronto', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Auckland'];

describe('weeks: one meaning for the digest and `summary`', () => {
  describe('the week a digest reports', () => {
    // Eight weeks of digests around each season's changes (North America and Europe in March, Australia and New
    // Zealand in April; the other way round from late September to November), every weekday, the hours at a day's
    // edges and in a spring-forward gap, weeks from Monday and from Sunday; a half-hour zone with no DST.
    const windows = ['2026-02-20T00:00:00Z', '2026-09-20T00:00:00Z'];
    const schedules = [1, 7].flatMap((weekStart) => [1, 2, 3, 4, 5, 6, 7].flatMap((digestWeekday) => [0, 2, 23].map((digestHour) => ({ digestWeekday, digestHour, weekStart }))));
    for (const zone of ZONES) {
      it(`is \`summary last week\` at the moment it is sent, for every weekday and week start (${zone})`, () => {
        for (const config of schedules) {
          for (const window of windows) {
            let due = new Date(window);
            for (let week = 0; week < 8; week++) {
              due = nextDigestDue({ timeZone: zone }, due, config);
              checkDigestWeek(zone, config, due);
            }
          }
        }
      });
    }
  });

  describe('weeks themselves', () => {
    it('start on WEEK_START at local midnight, DST or not', () => {
      // Toronto springs forward on Sun 8 March 2026 at 02:00 and falls back on Sun 1 November 2026.
      const toronto = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Toronto' });
      assert.equal(startOfWeek(toronto('2026-03-08T12:00:00'), 1).toISO(), '2026-03-02T00:00:00.000-05:00');
      assert.equal(startOfWeek(toronto('2026-03-08T12:00:00'), 7).toISO(), '2026-03-08T00:00:00.000-05:00');
      assert.equal(startOfWeek(toronto('2026-03-09T00:00:00'), 1).toISO(), '2026-03-09T00:00:00.000-04:00');
      assert.equal(startOfWeek(toronto('2026-11-01T23:59:00'), 7).toISO(), '2026-11-01T00:00:00.000-04:00');
      // Spring: the week of 2 March is an hour short; autumn: the week of 26 October an hour long.
      const spring = weekPeriod('America/Toronto', new Date('2026-03-05T12:00:00Z'));
      assert.deepEqual([spring.from, spring.to], ['2026-03-02T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
      const autumn = weekPeriod('America/Toronto', new Date('2026-10-28T12:00:00Z'));
      assert.deepEqual([autumn.from, autumn.to], ['2026-10-26T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    });

    it('`this week`, `last week` and `N weeks` follow WEEK_START; a Sunday start makes Sunday the first day', () => {
      const wed = new Date('2026-03-11T13:00:00Z'); // Wednesday 09:00 in Toronto
      assert.equal(parsePeriod('this week', 'America/Toronto', wed)!.label.date, '2026-03-09');
      assert.equal(parsePeriod('last week', 'America/Toronto', wed)!.label.date, '2026-03-02');
      assert.equal(parsePeriod('this week', 'America/Toronto', wed, 7)!.label.date, '2026-03-08');
      assert.equal(parsePeriod('last week', 'America/Toronto', wed, 7)!.label.date, '2026-03-01');
      const four = parsePeriod('4 weeks', 'America/Toronto', wed, 3)!;
      assert.deepEqual(four.label, { kind: 'weeksFrom', date: '2026-02-18', weeks: 4 });
      assert.equal(four.to, '2026-03-18T04:00:00.000Z', 'the end of this week, Wednesday to Wednesday');
    });

    it('a summary’s trend weeks are the weeks ending with its period, with the same start', () => {
      const last = parsePeriod('last week', 'America/Toronto', new Date('2026-03-11T13:00:00Z'), 3)!;
      const weeks = weeksEndingWith(last, 'America/Toronto', 4);
      assert.deepEqual(weeks[3], last);
      assert.deepEqual(weeks.map((w) => w.label.date), ['2026-02-11', '2026-02-18', '2026-02-25', '2026-03-04']);
      for (let i = 1; i < 4; i++) assert.equal(weeks[i]!.from, weeks[i - 1]!.to);
    });
  });

  describe('the digest job on a Wednesday after the spring change (sinon clock)', () => {
    let t: Team;
    let clock: sinon.SinonFakeTimers;
    const WEDNESDAY_9 = { digestWeekday: 3, digestHour: 9, weekStart: 1 };
    beforeEach(async () => {
      clock = sinon.useFakeTimers({ now: new Date('2026-03-05T12:00:00Z'), toFake: ['Date'] });
      t = await rosterApp({ digestWeekday: 3 });
      // Around the edges of the week of Mon 2 March (Toronto; EDT from Sun 8 March 02:00).
      await putReflections(t.app, [
        reflection(t.pswA1.id, '2026-03-02T04:30:00Z'), // Sun 1 March 23:30 EST: the week before
        reflection(t.pswA1.id, '2026-03-02T05:30:00Z'), // Mon 2 March 00:30 EST: in
        reflection(t.pswA1.id, '2026-03-09T03:30:00Z'), // Sun 8 March 23:30 EDT: in
        reflection(t.pswA1.id, '2026-03-09T04:30:00Z'), // Mon 9 March 00:30 EDT: this week
        reflection(t.pswA1.id, '2026-03-10T14:00:00Z'), // Tue 10 March: this week
      ]);
    });
    afterEach(async () => {
      clock.restore();
      await closeStores();
    });

    const countFor = (psws: { psws: PswSummary[] }[], id: string) => psws.flatMap((g) => g.psws).find((p) => p.person.id === id)!.reflections.total;

    it('reports the week `summary last week` shows then, with the same name and the same figures', async () => {
      const job = (await t.app.jobs.get(digestJobId(t.supA.id)))!;
      assert.equal(job.due, '2026-03-11T13:00:00.000Z', 'Wednesday 09:00 EDT');
      clock.setSystemTime(new Date(job.due));
      const handler = createDigestHandler({ people: t.app.people, schedules: t.app.store.containers.schedules, summaries: t.app.supervision.summaries, agenda: t.app.supervision.agenda, config: WEDNESDAY_9, instanceId: 'one' });
      const out = await handler(job, new Date());
      const notice = out.messages[0]!.notice!;
      assert.equal(notice.kind, 'digest');
      if (notice.kind !== 'digest') return;
      const lastWeek = parsePeriod('last week', 'America/Toronto', new Date(), 1)!;
      assert.deepEqual(notice.summary.period, lastWeek);
      assert.deepEqual(notice.summary.period.label, { kind: 'weekOf', date: '2026-03-02' });
      const summary = await t.app.supervision.summaries.team(t.supA, lastWeek, new Date());
      assert.ok(summary.ok);
      if (!summary.ok) return;
      assert.equal(countFor(notice.summary.teams, t.pswA1.id), 2, 'Monday 00:30 to Sunday 23:30, nothing of this week');
      assert.equal(countFor(summary.summary.teams, t.pswA1.id), 2);
      // The next one: Wednesday a week later, reporting the week of 9 March.
      clock.setSystemTime(new Date(out.next!));
      const next = await handler({ ...job, due: out.next!, payload: out.payload! }, new Date());
      const n = next.messages[0]!.notice!;
      assert.ok(n.kind === 'digest' && n.summary.period.label.date === '2026-03-09');
    });
  });
});

/** The week a digest sent at `due` reports is `summary last week` then: whole local weeks from WEEK_START, the latest ended. */
function checkDigestWeek(zone: string, config: { digestWeekday: number; digestHour: number; weekStart: number }, due: Date): void {
  const at = `${zone} ${JSON.stringify(config)} ${due.toISOString()}`;
  const period = digestPeriod(due.toISOString(), zone, config);
  assert.deepEqual(period, parsePeriod('last week', zone, due, config.weekStart), at);
  const from = DateTime.fromISO(period.from, { zone });
  const to = DateTime.fromISO(period.to, { zone });
  // Local midnights on the week's first day, seven calendar days apart (167 or 169 hours across a change).
  assert.equal(from.weekday, config.weekStart, at);
  assert.equal(to.weekday, config.weekStart, at);
  assert.equal(from.toFormat('HH:mm'), '00:00', at);
  assert.equal(to.toFormat('HH:mm'), '00:00', at);
  assert.equal(to.diff(from, 'days').days, 7, at);
  // The most recent week that has ended: nothing after the send, nothing skipped.
  assert.ok(Date.parse(period.to) <= due.getTime(), at);
  assert.ok(due.getTime() - Date.parse(period.to) < 7 * 86_400_000 + 3_600_000, at);
  assert.deepEqual(period.label, { kind: 'weekOf', date: from.toISODate() }, at);
}
