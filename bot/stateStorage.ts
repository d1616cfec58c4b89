// Bot state (dialog stacks) in Cosmos with optimistic concurrency. botbuilder's BotState.saveChanges sets
// eTag '*' on every write, so CosmosDbPartitionedStorage would overwrite blindly: with two instances behind a
// load balancer, two messages of one conversation could each save over the other (last writer wins). Here
// the etag a turn READ is remembered (against the very state object BotState caches and later writes) and the
// write is conditional on it: a replace If-Match, or a create when the turn found no state. A loser gets
// StateConflict; bot/turnGate.ts then re-runs that turn on the fresh state, before any reply has been sent.
//
// API:
//   new EtagCheckedStorage(inner: CosmosDbPartitionedStorage, container: Container)   // a botbuilder Storage
//   StateConflict, isStateConflict(err)
import type { Container } from '@azure/cosmos';
import type { Storage, StoreItems } from 'botbuilder';
import { CosmosDbKeyEscape, CosmosDbPartitionedStorage } from 'botbuilder-azure';
import { BOT_STATE_CONTAINER } from '../services/storage/containers';
import type { Store } from '../services/storage/cosmos';

/**
 * botbuilder-azure's storage for bot state, on the store's own endpoint and client options (retries included).
 * openStore has already made its container (a 409 from another instance counts as made); handing that
 * container over keeps botbuilder-azure from creating it again, which fails with 409 when two instances start
 * together and then stays failed (it remembers the rejected promise) until a restart.
 */
export function cosmosStateStorage(store: Store): CosmosDbPartitionedStorage {
  const storage = new CosmosDbPartitionedStorage({
    cosmosDbEndpoint: store.endpoint,
    authKey: store.key || undefined,
    tokenCredential: store.credential,
    databaseId: store.databaseId,
    containerId: BOT_STATE_CONTAINER,
    cosmosClientOptions: store.clientOptions,
    compatibilityMode: false,
  });
  (storage as unknown as { container: Container }).container = store.database.container(BOT_STATE_CONTAINER);
  return storage;
}

/** How long and how many conversations' last state an instance keeps in memory (EtagCheckedStorage.lastKnown). */
const RECENT_MS = 30 * 60_000;
const RECENT_MAX = 500;

export class StateConflict extends Error {
  constructor() {
    super('bot state changed since this turn read it');
    this.name = 'StateConflict';
  }
}

export function isStateConflict(err: unknown): boolean {
  return err instanceof StateConflict;
}

export class EtagCheckedStorage implements Storage {
  /** The etag each state object was read (or last written) with; weak, so a finished turn leaves nothing. */
  private readonly etags = new WeakMap<object, string>();
  private ready?: Promise<unknown>;
  /**
   * A copy of the state last read or stored for each recent conversation (redacted text only, like the store), for
   * one use: saving a reflection whose Save card is tapped while storage is down (bot/saveRescue.ts).
   */
  private readonly recent = new Map<string, { json: string; at: number }>();

  constructor(private readonly inner: CosmosDbPartitionedStorage, private readonly container: Container) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const [key, item] of Object.entries(items)) {
      if (item && typeof item === 'object' && typeof item.eTag === 'string') this.etags.set(item, item.eTag);
      if (item && typeof item === 'object') this.keep(key, item);
    }
    return items;
  }

  /** The state this instance last read or stored under `key`, if within RECENT_MS (a copy of its own). */
  lastKnown(key: string, now = Date.now()): Record<string, unknown> | undefined {
    const r = this.recent.get(key);
    return r && now - r.at < RECENT_MS ? (JSON.parse(r.json) as Record<string, unknown>) : undefined;
  }

  /**
   * Kept as JSON, parsed only in the rare turn that needs it (issue 19: every turn used to copy the state twice, a
   * stringify and a parse on its read and again on its write, for this one use).
   */
  private keep(key: string, state: object): void {
    this.recent.delete(key);
    if (this.recent.size >= RECENT_MAX) this.recent.delete(this.recent.keys().next().value as string);
    this.recent.set(key, { json: JSON.stringify(state), at: Date.now() });
  }

  async write(changes: StoreItems): Promise<void> {
    // The container is created by the inner storage on its first read (every turn reads before it writes).
    this.ready ??= this.inner.read(['peerreflect-init']);
    await this.ready;
    await Promise.all(Object.entries(changes).map(async ([key, change]) => {
      const { eTag: _ignored, ...document } = change as Record<string, unknown>;
      const id = CosmosDbKeyEscape.escapeKey(key, undefined, false);
      const body = { id, realId: key, document };
      const known = this.etags.get(change);
      try {
        const { resource } = known
          ? await this.container.item(id, id).replace(body, { accessCondition: { type: 'IfMatch', condition: known } })
          : await this.container.items.create(body);
        if (resource?._etag) this.etags.set(change, resource._etag);
        this.keep(key, document);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        // 412: someone wrote since we read; 409: someone created it since we found none; 404: deleted meanwhile.
        if (code === 412 || code === 409 || (known && code === 404)) throw new StateConflict();
        throw err;
      }
    }));
  }

  delete(keys: string[]): Promise<void> {
    for (const key of keys) this.recent.delete(key);
    return this.inner.delete(keys);
  }
}
