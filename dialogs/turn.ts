// What a dialog may know about the current turn: the person (resolved by the bot from the channel identity)
// and the services. Both ride in turnState, so dialogs never re-derive identity from activity fields.
import type { TurnContext } from 'botbuilder';
import type { AppServices } from '../services/app';
import type { Person } from '../services/people';

export const PERSON_KEY = Symbol('peerreflect.person');

export function personOf(context: TurnContext): Person {
  const person = context.turnState.get(PERSON_KEY) as Person | undefined;
  if (!person) throw new Error('No person resolved for this turn');
  return person;
}

/**
 * Set by a turn whose outcome no longer depends on its dialog state being stored (a reflection saved, or kept in the
 * outbox): the words to say if storage then fails to store the step, instead of "send your last message again".
 */
export const DURABLE_REPLY_KEY = Symbol('peerreflect.durableReply');

export function markDurable(context: TurnContext, reply: string): void {
  context.turnState.set(DURABLE_REPLY_KEY, reply);
}

/** The typed text of a message, trimmed; '' for card submissions without text. */
export function textOf(context: TurnContext): string {
  return (context.activity.text ?? '').trim();
}

export type { AppServices };
