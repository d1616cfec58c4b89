// The cards of the messages the bot starts on its own: a reminder to reflect and a follow-up after a stall.
// (The weekly digest is a team summary card, cards/summary.ts.) Plain JSON, like every card.
import { adaptiveCard, commandButton, submit, textBlock, type AdaptiveCard } from './card';

export const REMINDER_TEXT = "Hi, it's your reflection reminder. If today had a moment worth a second look, a short reflection takes about 5 minutes.";
export const REMINDER_BUTTON = 'Start a reflection';
export const followUpText = (clientCode: string) => `How are things going with ${clientCode}? If you'd like, we can reflect on it together.`;
export const FOLLOW_UP_BUTTON = 'Reflect now';

/** What a phone's notification shows for each: the message's own short text (a card alone reads "sent a card"). */
export const REMINDER_SHORT = 'Time for a short reflection?';
export const followUpShort = (clientCode: string) => `Checking in about ${clientCode}`;

export function reminderCard(): AdaptiveCard {
  return { ...adaptiveCard([textBlock(REMINDER_TEXT)], [commandButton(REMINDER_BUTTON, 'reflect')]), fallbackText: `${REMINDER_TEXT} Type \`reflect\` to start.` };
}

export function followUpCard(clientCode: string): AdaptiveCard {
  return {
    ...adaptiveCard([textBlock(followUpText(clientCode))], [submit(FOLLOW_UP_BUTTON, { command: 'reflect', clientCode })]),
    fallbackText: `${followUpText(clientCode)} Type \`reflect ${clientCode}\` to start.`,
  };
}

/**
 * A message the bot starts on its own always has both: a short text (what a notification shows) and the card's
 * fallbackText (what a client without cards shows); each stands in for the other when one is missing.
 */
export function proactiveMessage(text: string | undefined, card: AdaptiveCard): { text: string; card: AdaptiveCard } {
  const firstWords = (card.body.find((e) => e.type === 'TextBlock')?.text as string | undefined) ?? 'A message from PeerReflect';
  const shortText = text || card.fallbackText || firstWords;
  return { text: shortText, card: card.fallbackText ? card : { ...card, fallbackText: shortText } };
}
