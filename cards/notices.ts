// The cards of the messages the bot starts on its own: a reminder to reflect and a follow-up after a stall.
// (The weekly digest is a team summary card, cards/summary.ts.) Plain JSON, like every card.
import { adaptiveCard, commandButton, submit, textBlock, type AdaptiveCard } from './card';

export const REMINDER_TEXT = "Hi, it's your reflection reminder. If today had a moment worth a second look, a short reflection takes about 5 minutes.";
export const REMINDER_BUTTON = 'Start a reflection';
export const followUpText = (clientCode: string) => `How are things going with ${clientCode}? If you'd like, we can reflect on it together.`;
export const FOLLOW_UP_BUTTON = 'Reflect now';

export function reminderCard(): AdaptiveCard {
  return adaptiveCard([textBlock(REMINDER_TEXT)], [commandButton(REMINDER_BUTTON, 'reflect')]);
}

export function followUpCard(clientCode: string): AdaptiveCard {
  return adaptiveCard([textBlock(followUpText(clientCode))], [submit(FOLLOW_UP_BUTTON, { command: 'reflect', clientCode })]);
}
