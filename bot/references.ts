// Between the Bot Framework's ConversationReference and the plain address services/references.ts stores.
// Only one-to-one conversations are addresses for a person: a team channel is not where their reminders go.
// The person's own channel id (from.id) is not stored: the document is already keyed by its HMAC, and a
// one-to-one conversation needs only its own id to be continued.
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationAddress } from '../services/references';

/** A team channel or group chat: everyone in it reads what the bot says there. */
export function isSharedConversation(activity: Pick<Activity, 'conversation'>): boolean {
  const conv = activity.conversation;
  return Boolean(conv?.isGroup || (conv?.conversationType && conv.conversationType !== 'personal'));
}

/** The address of the conversation this activity came from, or undefined for a group chat or team channel. */
export function addressOf(activity: Activity): ConversationAddress | undefined {
  const conv = activity.conversation;
  if (!conv?.id || !activity.serviceUrl || !activity.recipient?.id) return undefined;
  if (isSharedConversation(activity)) return undefined;
  const ref = TurnContext.getConversationReference(activity);
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversation: {
      id: conv.id,
      ...(conv.tenantId ? { tenantId: conv.tenantId } : {}),
      ...(conv.conversationType ? { conversationType: conv.conversationType } : {}),
    },
    bot: { id: ref.bot!.id },
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

export function referenceFor(address: ConversationAddress): Partial<ConversationReference> {
  return {
    channelId: address.channelId,
    serviceUrl: address.serviceUrl,
    conversation: { id: address.conversation.id, tenantId: address.conversation.tenantId, conversationType: address.conversation.conversationType ?? 'personal', isGroup: false, name: '' },
    bot: { id: address.bot.id, name: 'PeerReflect' },
    locale: address.locale,
  };
}
