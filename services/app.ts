// The services one bot process uses, built once from configuration and storage. Plain TypeScript:
// no botbuilder imports below this line (see ARCHITECTURE.md).
import type { Config } from './config';
import { content } from './content';
import { pseudonymousId } from './identity';
import { OnboardingService } from './onboarding';
import { PeopleService } from './people';
import path from 'node:path';
import { commitReflection } from './reflections/commit';
import { ReflectionOutbox } from './reflections/outbox';
import { RelationshipsService } from './reflections/relationships';
import { ReflectionsService } from './reflections/service';
import { ReferenceStore } from './references';
import { ReminderService } from './reminders/reminders';
import { JobStore } from './scheduler/jobs';
import { DataRights } from './privacy/dataRights';
import { SafetyAlerts } from './safety/alerts';
import { loadProtocol } from './safety/protocol';
import { createSupervision, type Supervision } from './supervision';
import { RollupStore } from './supervision/rollups';
import type { Store } from './storage/cosmos';

export interface AppServices {
  config: Config;
  store: Store;
  people: PeopleService;
  reflections: ReflectionsService;
  relationships: RelationshipsService;
  /** Saves a finished reflection, or keeps it in a spool under DATA_DIR while storage is down and saves it later. */
  outbox: ReflectionOutbox;
  /** New hires' onboarding progress; also the supervisor summary's OnboardingStatusReader. */
  onboarding: OnboardingService;
  /** Where to reach each person for proactive messages. */
  references: ReferenceStore;
  /** Scheduled jobs (the scheduler runs them; see services/scheduler). */
  jobs: JobStore;
  reminders: ReminderService;
  /** Roster, access decisions, audit trail, summaries, export and the weekly digest (services/supervision). */
  supervision: Supervision;
  /** The safety protocol in force and the alerts after a concern (job kind 'safety_alert', delivered by services/safety/delivery.ts). */
  safetyAlerts: SafetyAlerts;
  /** `my data` and `delete my data`. */
  dataRights: DataRights;
  /** Maps a channel identity (AAD object id, or the web chat's chosen id) to the stored pseudonymous id. */
  personIdFor(channelId: string): string;
  /** The clock every service reads; tests replace it with sinon's fake timers. */
  now(): Date;
}

export function createServices(config: Config, store: Store): AppServices {
  const reflections = new ReflectionsService(store.containers.reflections, config.reflectionTtlDays);
  const people = new PeopleService(store.containers.people, config.defaultTimeZone);
  const jobs = new JobStore(store.containers.schedules);
  const onboarding = new OnboardingService(store.containers.onboarding, content().onboarding);
  const relationships = new RelationshipsService(store.containers.relationships);
  const rollups = new RollupStore(store.containers.rollups, () => app.now());
  const commitDeps = { reflections, relationships, people, schedules: store.containers.schedules, rollups, followUpDays: config.followUpDays, defaultTimeZone: config.defaultTimeZone };
  const outbox = new ReflectionOutbox(path.join(config.dataDir, 'outbox'), async (doc, extras) => void (await commitReflection(commitDeps, doc, extras)));
  // Every turn maps its sender; the HMAC is cheap but not free, and a process sees the same few people again and again.
  const ids = new Map<string, string>();
  const personIdFor = (channelId: string) => {
    let id = ids.get(channelId);
    if (id === undefined) {
      if (ids.size >= 10_000) ids.clear();
      id = pseudonymousId(config.idSecret, channelId);
      ids.set(channelId, id);
    }
    return id;
  };
  // Reads app.now() at call time, so a test that replaces the clock reaches the supervision services too.
  const supervision = createSupervision({ config, store, people, personIdFor, now: () => app.now(), onboarding, rollups });
  const references = new ReferenceStore(store.containers.references);
  const app: AppServices = {
    config,
    store,
    people,
    references,
    jobs,
    reminders: new ReminderService(jobs, people),
    reflections,
    relationships,
    outbox,
    onboarding,
    personIdFor,
    now: () => new Date(),
    supervision,
    // SAFETY_PROTOCOL_FILE, validated now: a bad file stops the start rather than failing someone at risk.
    safetyAlerts: new SafetyAlerts(people, references, store.containers.schedules, store.containers.people, loadProtocol(config.safetyProtocolFile)),
    dataRights: new DataRights(store, people, references, supervision.audit, outbox, () => app.now()),
  };
  return app;
}
