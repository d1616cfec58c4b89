// Channels redeliver an activity when our answer was slow or lost on the way back; the same activity id must
// not become a second answer (an answer to the next question, a second "save"). The ids a conversation has taken
// are kept in its own bot state, so they are written in the same etag-guarded save as the step they produced
// (bot/stateStorage.ts): of two instances taking the same activity at once, the loser's re-run finds the id
// and stops. Kept as short hashes, the last TAKEN_IDS per conversation — redeliveries come within minutes.
//
// A person's own retry is the same message too. Web Chat's "Send failed. Retry" posts a new activity (new id, new
// channelData.clientActivityID), so the local web chat page (web/client.js) gives each message its own send id in
// channelData.clientSendId, which a Retry keeps; when a message carries one, that is what the guard keys on.
import { createHash } from 'node:crypto';
import type { Activity, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';

export const TAKEN_IDS = 64;
/** The channelData field in which a client names a message the same way on every send of it (web/client.js). */
export const SEND_ID_FIELD = 'clientSendId';
const SEND_ID = /^[A-Za-z0-9_.:|-]{8,128}$/;

/**
 * The short hash a message is known by across deliveries: of the client's send id when it gives a well-formed one,
 * else of the activity id. Only messages run dialogs: other kinds are idempotent already (a welcome is said once per
 * person, an invoke is answered and stores nothing) and are not worth a state write each. Activities without an id
 * cannot be told apart (undefined).
 */
export function deliveryKeyOf(activity: Partial<Activity>): string | undefined {
  if (activity.type !== 'message') return undefined;
  const sendId = (activity.channelData as Record<string, unknown> | undefined)?.[SEND_ID_FIELD];
  const id = typeof sendId === 'string' && SEND_ID.test(sendId) ? `send:${sendId}` : activity.id;
  return id ? createHash('sha256').update(id, 'utf8').digest('base64url').slice(0, 16) : undefined;
}

export class RedeliveryGuard {
  private readonly taken: StatePropertyAccessor<string[]>;

  constructor(conversationState: ConversationState) {
    this.taken = conversationState.createProperty<string[]>('takenActivityIds');
  }

  /**
   * True when this message was already taken in this conversation (the turn must not run). Otherwise notes it
   * in the turn's state — stored only if the turn's state is stored, so a turn that failed can be delivered again.
   */
  async seenBefore(context: TurnContext): Promise<boolean> {
    const key = deliveryKeyOf(context.activity);
    if (!key) return false;
    const taken = (await this.taken.get(context)) ?? [];
    if (taken.includes(key)) return true;
    await this.taken.set(context, [...taken.slice(-(TAKEN_IDS - 1)), key]);
    return false;
  }
}

/** How long, and how many, answers RecentAnswers keeps: a retry comes within seconds, a lost response within minutes. */
export const ANSWER_TTL_MS = 10 * 60_000;
export const ANSWERS_KEPT = 200;

/**
 * The replies of recent turns whose answer travelled in the HTTP response (deliveryMode expectReplies: the local web
 * chat), in this process's memory only — never in bot state, which keeps only the hashes above. A client that lost
 * that response and sends the message again gets the same answer, not a second run and not silence. Keyed by
 * conversation and delivery key; the oldest is forgotten first, and none outlives ANSWER_TTL_MS.
 */
export class RecentAnswers {
  private readonly answers = new Map<string, { at: number; replies: Partial<Activity>[] }>();

  constructor(private readonly now: () => number = Date.now, private readonly limit = ANSWERS_KEPT, private readonly ttlMs = ANSWER_TTL_MS) {}

  remember(key: string, replies: Partial<Activity>[]): void {
    this.answers.delete(key);
    this.answers.set(key, { at: this.now(), replies: replies.map((a) => ({ ...a })) });
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.limit) break;
      this.answers.delete(oldest);
    }
  }

  /** Copies of the replies remembered for `key`, or undefined (never answered here, or too long ago). */
  recall(key: string): Partial<Activity>[] | undefined {
    const kept = this.answers.get(key);
    if (!kept) return undefined;
    if (this.now() - kept.at > this.ttlMs) {
      this.answers.delete(key);
      return undefined;
    }
    return kept.replies.map((a) => ({ ...a }));
  }

  get size(): number {
    return this.answers.size;
  }
}
