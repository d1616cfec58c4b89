// Channels redeliver an activity when our answer was slow or lost on the way back; the same activity id must
// not become a second answer (an answer to the next question, a second "save"). The ids a conversation has taken
// are kept in its own bot state, so they are written in the same etag-guarded save as the step they produced
// (bot/stateStorage.ts): of two instances taking the same activity at once, the loser's re-run finds the id
// and stops. Kept as short hashes, the last TAKEN_IDS per conversation — redeliveries come within minutes.
import { createHash } from 'node:crypto';
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';

export const TAKEN_IDS = 64;

export class RedeliveryGuard {
  private readonly taken: StatePropertyAccessor<string[]>;

  constructor(conversationState: ConversationState) {
    this.taken = conversationState.createProperty<string[]>('takenActivityIds');
  }

  /**
   * True when this activity id was already taken in this conversation (the turn must not run). Otherwise notes it
   * in the turn's state — stored only if the turn's state is stored, so a turn that failed can be delivered again.
   * Only messages run dialogs: other kinds are idempotent already (a welcome is said once per person, an invoke
   * is answered and stores nothing) and are not worth a state write each. Activities without an id cannot be told apart.
   */
  async seenBefore(context: TurnContext): Promise<boolean> {
    const { id, type } = context.activity;
    if (!id || type !== 'message') return false;
    const key = createHash('sha256').update(id, 'utf8').digest('base64url').slice(0, 16);
    const taken = (await this.taken.get(context)) ?? [];
    if (taken.includes(key)) return true;
    await this.taken.set(context, [...taken.slice(-(TAKEN_IDS - 1)), key]);
    return false;
  }
}
