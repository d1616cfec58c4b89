// The cards of the messages the bot starts on its own: a reminder to reflect and a follow-up after a stall.
// (The weekly digest is a team summary card, cards/summary.ts.) Plain JSON, like every card.
import { t } from '../services/catalogue';
import { adaptiveCard, commandButton, submit, textBlock, type AdaptiveCard } from './card';

/** What a phone's notification shows for each: the message's own short text (a card alone reads "sent a card"). */
export const reminderShort = () => t('notices.reminderShort');
export const followUpShort = (clientCode: string) => t('notices.followUpShort', { clientCode });

export function reminderCard(): AdaptiveCard {
  const text = t('notices.reminder');
  return { ...adaptiveCard([textBlock(text)], [commandButton(t('notices.reminderButton'), 'reflect')]), fallbackText: `${text} ${t('notices.typeReflect')}` };
}

export function followUpCard(clientCode: string): AdaptiveCard {
  const text = t('notices.followUp', { clientCode });
  return {
    ...adaptiveCard([textBlock(text)], [submit(t('notices.followUpButton'), { command: 'reflect', clientCode })]),
    fallbackText: `${text} ${t('notices.typeReflectClient', { clientCode })}`,
  };
}

/**
 * A message the bot starts on its own always has both: a short text (what a notification shows) and the card's
 * fallbackText (what a client without cards shows); each stands in for the other when one is missing.
 */
export function proactiveMessage(text: string | undefined, card: AdaptiveCard): { text: string; card: AdaptiveCard } {
  const firstWords = (card.body.find((e) => e.type === 'TextBlock')?.text as string | undefined) ?? t('notices.fromPeerReflect');
  const shortText = text || card.fallbackText || firstWords;
  return { text: shortText, card: card.fallbackText ? card : { ...card, fallbackText: shortText } };
}
