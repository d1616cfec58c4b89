// The project's own Cosmos containers and how each is partitioned. Bot state (dialog, conversation, user)
// lives in `botstate`, created by botbuilder-azure's CosmosDbPartitionedStorage (partition /id).
export const CONTAINERS = {
  /** De-identified reflections; one partition per PSW, so "my data", deletion and per-PSW summaries stay in one partition. Per-item ttl (retention). */
  reflections: { partitionKey: '/psw', ttl: true },
  /** One document per PSW + client code: current stage, stall state, strategies tried. */
  relationships: { partitionKey: '/psw', ttl: false },
  /** The roster: people, roles, supervisor, time zone. Small; cross-partition queries are fine. */
  people: { partitionKey: '/id', ttl: false },
  /** Onboarding progress, one document per person (id = person id); apart from the roster so neither overwrites the other. */
  onboarding: { partitionKey: '/id', ttl: false },
  /** Conversation references for proactive messages, one per person. */
  references: { partitionKey: '/id', ttl: false },
  /** Scheduled jobs (reminders, follow-ups, digests) and their idempotency records. */
  schedules: { partitionKey: '/id', ttl: true },
  /** Who read whose reflections, and deletions; partitioned by month so listing stays bounded. */
  audit: { partitionKey: '/month', ttl: false },
  /** Per-PSW weekly roll-ups of reflections (services/supervision/rollups.ts): what summaries and digests read. Per-item ttl. */
  rollups: { partitionKey: '/psw', ttl: true },
  /** What a supervisor records about a supervisee: a flag talked through, a safety alert acknowledged, a short note. Per-item ttl (retention). */
  supervision: { partitionKey: '/psw', ttl: true },
} as const;

export type ContainerName = keyof typeof CONTAINERS;
export const CONTAINER_NAMES = Object.keys(CONTAINERS) as ContainerName[];
export const BOT_STATE_CONTAINER = 'botstate';
