// Teams channels and group chats: everyone in them reads what the bot says, so nothing personal runs there —
// no debrief, history, summary, drill-down, export, `my data` or onboarding. `help` still lists the commands;
// anything else gets one line and a button that opens the one-to-one chat, which the bot starts itself so the
// person finds it waiting. In a channel Teams puts the bot's @mention in the text ("<at>PeerReflect</at> help"); only the
// bot's own mention is taken out, so commands are read the same everywhere.
import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';
import { adaptiveCard, cardAttachment, textBlock } from '../cards/card';
import { matchCommand, type Command } from '../dialogs/commands';
import { help } from '../dialogs/messages';
import { HELP } from '../dialogs/router';
import { t } from '../services/catalogue';
import type { AppServices } from '../services/app';
import { errorFields, log } from '../services/log';
import type { Person } from '../services/people';
import type { ConversationAddress } from '../services/references';

/**
 * The whole answer in a shared chat. `help` lists what the person can do (nothing personal in a list of
 * commands) and points to the one-to-one chat; anything else — a command, an answer, a card button — starts
 * that chat and says so in one line.
 */
export async function answerInSharedChat(context: TurnContext, app: AppServices, person: Person, commands: readonly Command[]): Promise<void> {
  const text = (context.activity.text ?? '').trim();
  if (HELP.test(text)) {
    await context.sendActivity(help(person, commands));
    return pointToPersonalChat(context, t('sharedChat.helpThere'));
  }
  const asked = text ? matchCommand(text, commands)?.command : undefined;
  const started = await startPersonalChat(context, app, person, asked?.phrases[0]);
  log.info('shared_chat.redirected', { command: asked?.dialogId ?? 'none', status: started ? 'started' : 'not_started' });
  await pointToPersonalChat(context, started ? t('sharedChat.movedThere') : t('sharedChat.goThere'));
}

/** Removes the bot's own @mention (and only its own) from the text; other people's mentions stay. */
export function stripOwnMention(activity: Partial<Activity>): void {
  if (typeof activity.text !== 'string' || !Array.isArray(activity.entities)) return;
  const botId = activity.recipient?.id;
  let text = activity.text;
  for (const e of activity.entities as { type?: unknown; text?: unknown; mentioned?: { id?: unknown } }[]) {
    if (e?.type !== 'mention' || typeof e.text !== 'string' || !e.text || e.mentioned?.id !== botId) continue;
    text = text.split(e.text).join(' ');
  }
  if (text === activity.text) return;
  // Teams may pad the mention with a non-breaking space.
  activity.text = text.replace(/&nbsp;|\u00a0/g, ' ').replace(/^\s+|\s+$/g, '').replace(/ {2,}/g, ' ');
}

/** Teams' link that opens the one-to-one chat with a bot ("28:<app id>"); none for other channels. */
export function personalChatLink(activity: Pick<Activity, 'channelId' | 'recipient'>): string | undefined {
  const botId = activity.recipient?.id ?? '';
  if (activity.channelId !== 'msteams' || !/^28:[\w-]{1,100}$/.test(botId)) return undefined;
  return `https://teams.microsoft.com/l/chat/0/0?users=${botId}`;
}

/** One line, with a button that opens the one-to-one chat where the channel has such a link. */
async function pointToPersonalChat(context: TurnContext, line: string): Promise<void> {
  const link = personalChatLink(context.activity);
  if (!link) return void (await context.sendActivity(line));
  const card = adaptiveCard([textBlock(line)], [{ type: 'Action.OpenUrl', title: t('sharedChat.openButton'), url: link }]);
  await context.sendActivity({ type: 'message', text: line, attachments: [cardAttachment(card)] });
}

/**
 * Creates (or, in Teams, finds) the one-to-one conversation with the sender, says hello there and keeps it as the
 * person's address. False when the channel would not: e.g. the person has not installed the app personally.
 */
async function startPersonalChat(context: TurnContext, app: AppServices, person: Person, command?: string): Promise<boolean> {
  const a = context.activity;
  const tenantId = (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id ?? a.conversation.tenantId;
  const params: ConversationParameters = {
    isGroup: false,
    bot: { id: a.recipient.id, name: a.recipient.name ?? 'PeerReflect' },
    members: [{ id: a.from.id, name: '' }],
    activity: undefined as unknown as Activity,
    channelData: typeof tenantId === 'string' ? { tenant: { id: tenantId } } : {},
    ...(typeof tenantId === 'string' ? { tenantId } : {}),
  };
  try {
    await context.adapter.createConversationAsync(app.config.microsoftAppId, a.channelId, a.serviceUrl, undefined as unknown as string, params, async (personal) => {
      const address: ConversationAddress = {
        channelId: a.channelId,
        serviceUrl: a.serviceUrl,
        conversation: { id: personal.activity.conversation.id, conversationType: 'personal', ...(typeof tenantId === 'string' ? { tenantId } : {}) },
        bot: { id: a.recipient.id },
        ...(a.locale ? { locale: a.locale } : {}),
      };
      // The "conversation created" event carries the conversation's id as its own: not a message to reply to.
      personal.activity.id = undefined;
      await personal.sendActivity(command ? t('sharedChat.openerCommand', { command }) : t('sharedChat.opener'));
      await app.references.remember(person.id, address, app.now(), true);
    });
    return true;
  } catch (err) {
    log.warn('shared_chat.not_moved', { person: person.id.slice(0, 8), ...errorFields(err) });
    return false;
  }
}
