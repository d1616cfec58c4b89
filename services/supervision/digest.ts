// The weekly digest: when it is due (the supervisor's local weekday and hour, DST-correct), the job handler
// that builds it, and the idempotency record that makes it one digest per supervisor per week.
//
// Exactly once: the scheduler's lease keeps one instance on a job; in case two instances still run the same
// week (a lease lost mid-run, a clock skew), each first *creates* `digest-sent|<supervisor>|<week>` in the
// schedules container. Create is atomic: one instance gets 201 and builds the digest, the other gets 409 and
// sends nothing. None lost: the record is a claim with an expiry. If the winner died before the scheduler
// recorded the send (the job is still due for that week when run again), a later run takes the expired claim
// over with If-Match on its etag — again only one instance can — and sends it.
import type { Container } from '@azure/cosmos';
import { DateTime } from 'luxon';
import type { Config } from '../config';
import { errorFields, log } from '../log';
import type { Person } from '../people';
import type { PeopleService } from '../people';
import type { Job, JobHandler, JobOutcome } from '../scheduler/job';
import type { SupervisionAgenda } from './agenda';
import { weekPeriod, type Period } from './period';
import type { SummaryService } from './summaries';
import { deleteDoc } from '../storage/documents';

/** How long a claim holds before another run may take it over (longer than any send takes). */
export const CLAIM_MINUTES = 15;
/** Idempotency records clean themselves up after this (Cosmos TTL; the embedded server ignores TTL). */
export const SENT_RECORD_TTL_SECONDS = 60 * 86_400;

/** When digests are sent; `weekStart` (WEEK_START, default Monday) says which week they report. */
export type DigestSchedule = Pick<Config, 'digestWeekday' | 'digestHour'> & Partial<Pick<Config, 'weekStart'>>;

/**
 * The first digest time strictly after `after`: weekday `digestWeekday` (1 = Monday … 7 = Sunday) at
 * `digestHour`:00 in the person's own time zone. If that local time does not exist (a spring-forward gap),
 * luxon moves it forward to the next real instant; an ambiguous fall-back hour resolves to the first one.
 */
export function nextDigestDue(person: Pick<Person, 'timeZone'>, after: Date, config: DigestSchedule): Date {
  const local = DateTime.fromJSDate(after, { zone: person.timeZone });
  let candidate = local.set({ weekday: config.digestWeekday as 1, hour: config.digestHour, minute: 0, second: 0, millisecond: 0 });
  // set({weekday}) stays within the ISO week; step weeks until strictly after.
  for (let i = 0; candidate.toMillis() <= after.getTime() && i < 3; i++) {
    candidate = local.plus({ weeks: i + 1 }).set({ weekday: config.digestWeekday as 1, hour: config.digestHour, minute: 0, second: 0, millisecond: 0 });
  }
  return candidate.toJSDate();
}

/** The occurrence a digest run belongs to: its scheduled local date (YYYY-MM-DD in the person's zone). */
export function digestWeekKey(due: string, zone: string): string {
  return DateTime.fromISO(due, { zone }).toISODate()!;
}

/**
 * The week a digest reports: the last full week before its scheduled time, in the supervisor's zone, with the weeks
 * `summary` uses (WEEK_START) — exactly what `summary last week` shows at that moment, named the same ("week of …"),
 * whatever day the digest is sent on. (It used to be the seven days before the send time: on a Wednesday, a week
 * from Wednesday 09:00 that no summary ever showed.)
 */
export function digestPeriod(due: string, zone: string, config: DigestSchedule): Period {
  return weekPeriod(zone, new Date(due), 1, config.weekStart);
}

export function digestJobId(supervisorId: string): string {
  return `digest|${supervisorId}`;
}

export interface DigestSentRecord {
  id: string;
  type: 'idempotency';
  kind: 'digest';
  personId: string;
  week: string;
  claimedBy: string;
  claimedUntil: string;
  claims: number;
  ttl: number;
}

/** Creates the digest job for a supervisor if it does not exist yet (409 = it does). Returns the job. */
export async function ensureDigestJob(schedules: Container, supervisor: Person, now: Date, config: DigestSchedule): Promise<Job> {
  const job: Job = {
    id: digestJobId(supervisor.id),
    kind: 'digest',
    personId: supervisor.id,
    due: nextDigestDue(supervisor, now, config).toISOString(),
    payload: {},
    attempts: 0,
    createdAt: now.toISOString(),
  };
  try {
    await schedules.items.create(job);
    log.info('digest.job_created', { person: supervisor.id.slice(0, 8), due: job.due });
    return job;
  } catch (err) {
    if ((err as { code?: number }).code !== 409) throw err;
  }
  // It exists. A changed time zone (or schedule) moves a future due time; a due or running job is left alone,
  // so the digest it is about to send is not skipped. If-Match: a scheduler's write in between wins.
  const { resource: existing } = await schedules.item(job.id, job.id).read<Job & { _etag: string }>();
  if (!existing) return ensureDigestJob(schedules, supervisor, now, config);
  const future = Date.parse(existing.due) > now.getTime() && !(existing.leaseUntil && Date.parse(existing.leaseUntil) > now.getTime());
  // A job waiting to retry (a digest built but not yet delivered, or a build that failed) keeps its retry time: moving
  // it to the next week would skip this week's digest. What follows it moves with the new zone.
  const pending = existing.attempts > 0 || (existing as { outbox?: unknown }).outbox !== undefined;
  if (future && pending) {
    const outbox = (existing as { outbox?: { next?: string } }).outbox;
    if (!outbox?.next || outbox.next === job.due) return existing;
    const { _etag, ...rest } = existing;
    try {
      await schedules.item(job.id, job.id).replace({ ...rest, outbox: { ...outbox, next: job.due } }, { accessCondition: { type: 'IfMatch', condition: _etag } });
    } catch (err) {
      if ((err as { code?: number }).code !== 412) throw err;
    }
    return existing;
  }
  if (future && existing.due !== job.due) {
    const { _etag, ...rest } = existing;
    const moved: Job = { ...rest, due: job.due };
    try {
      await schedules.item(job.id, job.id).replace(moved, { accessCondition: { type: 'IfMatch', condition: _etag } });
      return moved;
    } catch (err) {
      if ((err as { code?: number }).code !== 412) throw err;
    }
  }
  return existing;
}

export type Claim = { claimed: true; id: string } | { claimed: false; until: string };

/** Claims the week for one instance. `claimed`: this caller builds and sends the digest; else try after `until`. */
export async function claimDigestWeek(schedules: Container, personId: string, week: string, owner: string, now: Date): Promise<Claim> {
  const id = `digest-sent|${personId}|${week}`;
  const record: DigestSentRecord = {
    id, type: 'idempotency', kind: 'digest', personId, week, claimedBy: owner,
    claimedUntil: new Date(now.getTime() + CLAIM_MINUTES * 60_000).toISOString(), claims: 1, ttl: SENT_RECORD_TTL_SECONDS,
  };
  try {
    await schedules.items.create(record);
    return { claimed: true, id };
  } catch (err) {
    if ((err as { code?: number }).code !== 409) throw err;
  }
  const { resource: existing } = await schedules.item(id, id).read<DigestSentRecord & { _etag: string }>();
  if (!existing) return { claimed: false, until: record.claimedUntil };
  if (Date.parse(existing.claimedUntil) > now.getTime()) return { claimed: false, until: existing.claimedUntil };
  // The earlier claim expired without the job moving on: its send never completed. Take it over, once.
  try {
    await schedules.item(id, id).replace({ ...record, claims: existing.claims + 1 }, { accessCondition: { type: 'IfMatch', condition: existing._etag } });
    log.warn('digest.claim_taken_over', { person: personId.slice(0, 8), attempt: existing.claims + 1 });
    return { claimed: true, id };
  } catch (err) {
    if ((err as { code?: number }).code === 412) return { claimed: false, until: record.claimedUntil };
    throw err;
  }
}

/** Gives a claim back when the digest could not be built, so the scheduler's retry can claim it at once. */
export async function releaseClaim(schedules: Container, id: string): Promise<void> {
  await deleteDoc(schedules, id);
}

export interface DigestDeps {
  people: PeopleService;
  schedules: Container;
  summaries: SummaryService;
  /** Safety alerts not yet acknowledged, listed in the digest until they are; flags already talked through, said so. */
  agenda: Pick<SupervisionAgenda, 'openItems'>;
  config: DigestSchedule;
  /** Names this instance in claims (for the log and takeovers). */
  instanceId: string;
}

/** The JobHandler for kind 'digest'. Returns the next due time; a person no longer a supervisor ends the job. */
export function createDigestHandler(deps: DigestDeps): JobHandler {
  return async (job: Job, now: Date): Promise<JobOutcome> => {
    const person = await deps.people.get(job.personId);
    if (person?.role !== 'supervisor') return { messages: [] };
    const next = nextDigestDue(person, now, deps.config).toISOString();
    const week = digestWeekKey(job.due, person.timeZone);
    if (job.payload.lastWeek === week) return { messages: [], next, payload: job.payload };
    const claim = await claimDigestWeek(deps.schedules, person.id, week, deps.instanceId, now);
    if (!claim.claimed) {
      // Another run holds this week. Come back when its claim ends: by then it has sent (and the job moved on,
      // so this run never comes) or it died (and this run takes over). Nothing is sent twice, nothing lost.
      log.info('digest.already_claimed', { person: person.id.slice(0, 8), jobId: job.id });
      return { messages: [], next: new Date(Date.parse(claim.until) + 60_000).toISOString() };
    }
    const period = digestPeriod(job.due, person.timeZone, deps.config);
    try {
      const result = await deps.summaries.team(person, period, now, 'digest'); // the person just read: not read again
      if (!result.ok) return { messages: [], next, payload: { lastWeek: week } };
      // Every alert about the team still waiting to be acknowledged, whenever it came (alerts are kept a week): read
      // with the roll-ups (openAlerts.ts), so no query of its own.
      const alerts = deps.agenda.openItems(result.summary.teams.flatMap((t) => t.psws.map((p) => p.person)), result.alerts);
      log.info('digest.built', { person: person.id.slice(0, 8), count: result.summary.teams.reduce((n, t) => n + t.psws.length, 0), pending: alerts.length });
      // The summary as data; the bot renders the card when it sends it (bot/notices.ts).
      return { messages: [{ personId: person.id, notice: { kind: 'digest', summary: result.summary, alerts } }], next, payload: { lastWeek: week } };
    } catch (err) {
      log.error('digest.build_failed', { person: person.id.slice(0, 8), ...errorFields(err) });
      await releaseClaim(deps.schedules, claim.id).catch(() => undefined);
      throw err;
    }
  };
}
