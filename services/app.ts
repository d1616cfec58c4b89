// The services one bot process uses, built once from configuration and storage. Plain TypeScript:
// no botbuilder imports below this line (see ARCHITECTURE.md).
import type { Config } from './config';
import { pseudonymousId } from './identity';
import { PeopleService } from './people';
import { RelationshipsService } from './reflections/relationships';
import { ReflectionsService } from './reflections/service';
import type { Store } from './storage/cosmos';

export interface AppServices {
  config: Config;
  store: Store;
  people: PeopleService;
  reflections: ReflectionsService;
  relationships: RelationshipsService;
  /** Maps a channel identity (AAD object id, or the web chat's chosen id) to the stored pseudonymous id. */
  personIdFor(channelId: string): string;
  /** The clock every service reads; tests replace it with sinon's fake timers. */
  now(): Date;
}

export function createServices(config: Config, store: Store): AppServices {
  return {
    config,
    store,
    people: new PeopleService(store.containers.people, config.defaultTimeZone),
    reflections: new ReflectionsService(store.containers.reflections, config.reflectionTtlDays),
    relationships: new RelationshipsService(store.containers.relationships),
    personIdFor: (channelId) => pseudonymousId(config.idSecret, channelId),
    now: () => new Date(),
  };
}
