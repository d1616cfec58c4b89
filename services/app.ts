// The services one bot process uses, built once from configuration and storage. Plain TypeScript:
// no botbuilder imports below this line (see ARCHITECTURE.md).
import type { Config } from './config';
import { content } from './content';
import { pseudonymousId } from './identity';
import { OnboardingService } from './onboarding';
import { PeopleService } from './people';
import { RelationshipsService } from './reflections/relationships';
import { ReflectionsService } from './reflections/service';
import { ReferenceStore } from './references';
import { ReminderService } from './reminders/reminders';
import { JobStore } from './scheduler/jobs';
import type { Store } from './storage/cosmos';

export interface AppServices {
  config: Config;
  store: Store;
  people: PeopleService;
  reflections: ReflectionsService;
  relationships: RelationshipsService;
  /** New hires' onboarding progress; also the supervisor summary's OnboardingStatusReader. */
  onboarding: OnboardingService;
  /** Where to reach each person for proactive messages. */
  references: ReferenceStore;
  /** Scheduled jobs (the scheduler runs them; see services/scheduler). */
  jobs: JobStore;
  reminders: ReminderService;
  /** Maps a channel identity (AAD object id, or the web chat's chosen id) to the stored pseudonymous id. */
  personIdFor(channelId: string): string;
  /** The clock every service reads; tests replace it with sinon's fake timers. */
  now(): Date;
}

export function createServices(config: Config, store: Store): AppServices {
  const reflections = new ReflectionsService(store.containers.reflections, config.reflectionTtlDays);
  const people = new PeopleService(store.containers.people, config.defaultTimeZone);
  const jobs = new JobStore(store.containers.schedules);
  return {
    config,
    store,
    people,
    references: new ReferenceStore(store.containers.references),
    jobs,
    reminders: new ReminderService(jobs, people),
    reflections,
    relationships: new RelationshipsService(store.containers.relationships),
    onboarding: new OnboardingService(store.containers.onboarding, content().onboarding, reflections),
    personIdFor: (channelId) => pseudonymousId(config.idSecret, channelId),
    now: () => new Date(),
  };
}
