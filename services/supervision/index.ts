// The supervision services wired together: roster, access, audit, summaries, export and the weekly digest.
import { randomUUID } from 'node:crypto';
import { AccessService } from '../access';
import { AuditService } from '../audit';
import type { Config } from '../config';
import type { OnboardingStatusReader } from '../onboarding';
import type { PeopleService, Person } from '../people';
import { errorFields, log } from '../log';
import { parseRosterFile, RosterService, type RosterNotice } from '../roster';
import { readFileSync } from 'node:fs';
import type { JobHandler } from '../scheduler/job';
import { JobStore } from '../scheduler/jobs';
import type { Store } from '../storage/cosmos';
import { SupervisionAgenda } from './agenda';
import { createDigestHandler, ensureDigestJob } from './digest';
import { ExportService } from './export';
import { OpenAlertsStore } from './openAlerts';
import type { RollupStore } from './rollups';
import { SupervisionRecords } from './records';
import { WhatHelpsService } from './whatHelps';
import { SummaryService } from './summaries';

/** A roster notice not delivered in a week (no chat address yet) is dropped by Cosmos TTL. */
const NOTICE_TTL_S = 7 * 24 * 3600;

export interface Supervision {
  roster: RosterService;
  access: AccessService;
  audit: AuditService;
  summaries: SummaryService;
  exports: ExportService;
  /** Per-PSW weekly roll-ups of reflections: what summaries and digests read (rollups.ts). */
  rollups: RollupStore;
  /** Per PSW, the safety alerts delivered and not yet acknowledged, read by the digest with the roll-ups (openAlerts.ts). */
  openAlerts: OpenAlertsStore;
  /** A supervisor's open flags (stalls flagged for supervision, unacknowledged safety alerts) and closing them. */
  agenda: SupervisionAgenda;
  /** What supervisors recorded about each supervisee (kept in the supervisee's partition; deleted with their data). */
  records: SupervisionRecords;
  /** Per stage and strategy, how often the team tried what they planned at a stall and how often it helped (counts only). */
  whatHelps: WhatHelpsService;
  /**
   * At start: adds ROSTER_FILE's people not stored yet (throws RosterFileError on a bad file), and makes sure every
   * supervisor has a digest job (people made supervisors before this feature, or by a restored backup). Brings the
   * roll-ups up to date: a crash between a reflection's write and its roll-up's is repaired here (a store from before
   * roll-ups is rebuilt once), the open alerts are rebuilt from the alerts and their acknowledgements (a week's), and
   * the flagged stalls' talked-through marks are brought in line with the records.
   */
  startup(): Promise<void>;
  digest: {
    /** The JobHandler for kind 'digest' (register it with the scheduler). */
    handler: JobHandler;
    /** Makes sure a supervisor has their digest job (called on every roster change that leaves someone a supervisor). */
    ensureJob(person: Person): Promise<void>;
  };
}

export function createSupervision(deps: {
  config: Config;
  store: Store;
  people: PeopleService;
  personIdFor(channelId: string): string;
  now(): Date;
  onboarding?: OnboardingStatusReader;
  rollups: RollupStore;
}): Supervision {
  const { config, store, people, now } = deps;
  const schedules = store.containers.schedules;
  const ensureJob = async (person: Person) => {
    if (person.role === 'supervisor') await ensureDigestJob(schedules, person, now(), config);
  };
  // Every record keeps the actor's alias of the moment (a rename must not hide who read).
  const audit = new AuditService(store.containers.audit, now, async (id) => (await people.get(id))?.alias);
  // A roster change that moves whose reflections a supervisor reads is told at once to everyone it concerns.
  const notify = async (personId: string, roster: RosterNotice) => {
    await new JobStore(schedules).put({ id: `notice|${randomUUID()}`, kind: 'notice', personId, due: now().toISOString(), payload: { roster }, ttl: NOTICE_TTL_S }, now());
  };
  const roster = new RosterService(people, store.containers.people, deps.personIdFor, now, config.defaultTimeZone, { onChanged: ensureJob, audit, notify });
  const access = new AccessService(people, roster);
  const summaries = new SummaryService(store.containers.reflections, store.containers.relationships, deps.rollups, access, audit, config.idSecret, deps.onboarding);
  // Not named `exports`: that name is CommonJS's own, and compiled code would then reach the wrong object.
  const exportService = new ExportService(store.containers.reflections, access, audit, config.idSecret);
  const records = new SupervisionRecords(store.containers.supervision, config.reflectionTtlDays);
  const openAlerts = new OpenAlertsStore(store.containers.rollups, now);
  const agenda = new SupervisionAgenda(store.containers.relationships, schedules, records, access, audit, openAlerts);
  const whatHelps = new WhatHelpsService(store.containers.reflections, people, roster, access, audit);
  const handler = createDigestHandler({
    people,
    schedules,
    summaries,
    agenda,
    config,
    instanceId: randomUUID().slice(0, 8),
  });
  const startup = async () => {
    if (config.rosterFile) {
      const { applied, problems } = await roster.seedMissing(parseRosterFile(readFileSync(config.rosterFile, 'utf8')));
      log.info('roster.seeded', { count: applied, pending: problems.length });
      for (const p of problems) log.warn('roster.seed_entry_refused', { step: p.index, status: p.problem });
    }
    for (const s of await roster.supervisors()) await ensureJob(s);
    // Not a reason to refuse to start: the watermark stays where it was, so the next start looks again.
    try {
      const r = await deps.rollups.reconcile(store.containers.reflections);
      if (r.applied || r.rebuilt) log.info('rollups.reconciled', { count: r.applied, status: r.rebuilt ? 'rebuilt' : 'repaired' });
    } catch (err) {
      log.warn('rollups.reconcile_failed', errorFields(err));
    }
    try {
      const a = await openAlerts.rebuild(schedules, (keys) => records.recorded(keys));
      if (a.written || a.removed) log.info('open_alerts.rebuilt', { count: a.written, pending: a.removed });
      const s = await agenda.syncTalkedThrough();
      if (s.marked || s.cleared) log.info('talked_through.synced', { count: s.marked, pending: s.cleared });
    } catch (err) {
      log.warn('open_alerts.rebuild_failed', errorFields(err));
    }
  };
  return { roster, access, audit, summaries, exports: exportService, agenda, records, whatHelps, rollups: deps.rollups, openAlerts, startup, digest: { handler, ensureJob } };
}
