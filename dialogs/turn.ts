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

/** The typed text of a message, trimmed; '' for card submissions without text. */
export function textOf(context: TurnContext): string {
  return (context.activity.text ?? '').trim();
}

export type { AppServices };
