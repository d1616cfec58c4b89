// What every card step shares: a nonce per asking (so an answer from an old card is refused), the activity
// that carries a card plus its text fallback, and the words for a refused submission.
import { randomBytes } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import { cardAttachment, type AdaptiveCard } from '../../cards/card';

export function newNonce(): string {
  return randomBytes(9).toString('base64url');
}

export function cardActivity(text: string, card: AdaptiveCard): Partial<Activity> {
  return { type: 'message', text, attachments: [cardAttachment(card)] };
}

/** The card submission value of this turn, if the turn is a submission (no typed text). */
export function submissionOf(context: TurnContext): unknown {
  const text = (context.activity.text ?? '').trim();
  return !text && context.activity.value !== undefined ? context.activity.value : undefined;
}

export const STALE_CARD = "That card is from an earlier question, so I've set it aside. Here's where we are now:";
export const INVALID_CARD = "Sorry, I couldn't read that card. Could you try again?";
