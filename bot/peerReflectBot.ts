// The activity handler: resolves who is speaking, runs the dialog router, and saves state after every turn.
import { type ConversationState, DeliveryModes, TeamsActivityHandler, type InvokeResponse, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import type { BuiltDialogs } from '../dialogs';
import type { CommandTable } from '../dialogs/commands';
import { routeTurn } from '../dialogs/router';
import { welcome } from '../dialogs/messages';
import { PERSON_KEY } from '../dialogs/turn';
import type { AppServices } from '../services/app';
import { inLocale, t } from '../services/catalogue';
import { log } from '../services/log';
import type { Person } from '../services/people';
import { createTurnQueue, runHeld } from './turnGate';
import { rescueSave } from './saveRescue';
import type { EtagCheckedStorage } from './stateStorage';
import { invokeAnswer } from './invokes';
import { deliveryKeyOf, RecentAnswers, RedeliveryGuard } from './redelivery';
import { addressOf, isSharedConversation } from './references';
import { stripInvisible } from './invisibleText';
import { answerInSharedChat, stripOwnMention } from './sharedChats';

export class PeerReflectBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;
  private readonly commands: CommandTable;
  /** The pseudonymous id of the person whose turn last ran here: the owner of any dialog open in it. */
  private readonly owner: StatePropertyAccessor<string | undefined>;
  private readonly oneAtATime = createTurnQueue();
  private readonly redelivery: RedeliveryGuard;
  /** Answers of recent expectReplies turns, in memory: what a repeat of the message gets (bot/redelivery.ts). */
  private readonly answers = new RecentAnswers();

  constructor(private readonly app: AppServices, private readonly conversationState: ConversationState, built: BuiltDialogs, private readonly stateStorage?: EtagCheckedStorage) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    this.owner = conversationState.createProperty<string | undefined>('owner');
    this.redelivery = new RedeliveryGuard(conversationState);
    for (const d of built.dialogs) this.dialogs.add(d);
    this.commands = built.commands;

    this.onMessage(async (context, next) => {
      stripOwnMention(context.activity);
      stripInvisible(context.activity);
      const person = await this.resolvePerson(context);
      // A team channel or group chat: everyone there reads the answer, so nothing personal runs (bot/sharedChats.ts).
      if (isSharedConversation(context.activity)) {
        await answerInSharedChat(context, this.app, person, this.commands.commands);
        return next();
      }
      await this.rememberAddress(context, person);
      const dc = await this.dialogs.createContext(context);
      // Dialog state is per conversation. A personal chat has one person, but a team chat (or a forged
      // activity) could carry another person's message — or card — into someone's open debrief: refused, and
      // the open dialog is left exactly as it was.
      const owner = await this.owner.get(context);
      if (dc.activeDialog && owner && owner !== person.id) {
        log.warn('turn.other_person', { activityType: context.activity.type });
        await context.sendActivity(t('bot.notYourConversation'));
        return next();
      }
      await routeTurn(dc, this.commands);
      await this.owner.set(context, person.id);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      // Only a one-to-one chat is the person's own; a team or group chat gets no welcome and is no address.
      if (addressOf(context.activity)) {
        for (const member of context.activity.membersAdded ?? []) {
          // Teams announces a personal install as the bot joining; the person is then the sender.
          const isBot = member.id === context.activity.recipient.id;
          const person = await this.resolvePerson(context, isBot ? undefined : member.aadObjectId ?? member.id);
          await this.rememberAddress(context, person, true);
          await this.welcomeOnce(context, person);
        }
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      if (addressOf(context.activity)) {
        const person = await this.resolvePerson(context);
        await this.rememberAddress(context, person, true);
        await this.welcomeOnce(context, person);
      }
      await next();
    });

    // Uninstalled, or the bot removed from the chat: forget this conversation as the person's address.
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forgetAddress(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if ((context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient.id)) await this.forgetAddress(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // One turn per conversation at a time; replies go out once the dialog state is stored (bot/turnGate.ts).
    const key = `${context.activity.channelId}|${context.activity.conversation.id}`;
    // When the answer travels in the HTTP response (expectReplies: the local web chat), a repeat of the message may
    // mean the client lost it, so the repeat gets the same answer; otherwise (Teams) the answer went to the channel.
    const delivery = deliveryKeyOf(context.activity);
    const answerKey = delivery && context.activity.deliveryMode === DeliveryModes.ExpectReplies ? `${key}|${delivery}` : undefined;
    // Another instance may store this conversation's state first: then the turn is run again on what it stored.
    // A redelivered activity (same id, or same client send id: a Web Chat Retry) is answered without running again;
    // its key is stored with the state the first run stored, so a re-run after a conflict with another instance
    // taking the same activity stops here too. A repeat that arrives while the first run is still going waits for it
    // (one turn per conversation at a time, below) and then finds the key.
    const turn = async () => {
      if (!(await this.redelivery.seenBefore(context))) return super.run(context);
      const earlier = answerKey ? this.answers.recall(answerKey) : undefined;
      log.info('turn.redelivered', { activityType: context.activity.type, status: earlier ? 'answered_again' : answerKey ? 'told' : 'silent' });
      if (earlier) await context.sendActivities(earlier);
      // Answered on another instance, or too long ago: say kindly that it was taken once, rather than nothing.
      else if (answerKey) await context.sendActivity(t('bot.alreadyReceived'));
    };
    // Storage down from the start: a tapped Save of a review this instance showed is still kept (bot/saveRescue.ts).
    const rescue = async () => (this.stateStorage ? rescueSave(context, this.app, this.stateStorage, stateKeyOf(this.conversationState, context)) : undefined);
    // Every sentence of the turn is in the person's locale (Teams and Web Chat send it), looked up by t().
    await inLocale(context.activity.locale, () => this.oneAtATime(key, async () => {
      const sent = await runHeld(context, turn, () => this.conversationState.saveChanges(context, false),
        async () => { await this.conversationState.load(context, true); }, rescue);
      if (answerKey && sent.length) this.answers.remember(answerKey, sent);
    }));
  }

  /** Invokes are answered in the HTTP response with what their kind expects — never botbuilder's 501 (bot/invokes.ts). */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    return invokeAnswer(context.activity);
  }

  /** Stores where to reach the person proactively; cheap on every message (writes only on a change). */
  private async rememberAddress(context: TurnContext, person: Person, force = false): Promise<void> {
    const address = addressOf(context.activity);
    if (!address) return;
    const result = await this.app.references.remember(person.id, address, this.app.now(), force);
    if (result !== 'unchanged') log.info('reference.stored', { person: person.id.slice(0, 8), status: result, channelId: address.channelId });
  }

  private async forgetAddress(context: TurnContext): Promise<void> {
    const from = context.activity.from;
    const personId = this.app.personIdFor(from.aadObjectId ?? from.id);
    const removed = await this.app.references.remove(personId, context.activity.conversation.id);
    log.info('reference.removed', { person: personId.slice(0, 8), status: removed ? 'removed' : 'none' });
  }

  /** The welcome (different for new hires) is said once per person, however many install events arrive. */
  private async welcomeOnce(context: TurnContext, person: Person): Promise<void> {
    if (person.welcomedAt) return;
    await context.sendActivity(welcome(person));
    const welcomedAt = this.app.now().toISOString();
    await this.app.people.update(person.id, (p) => ({ ...p, welcomedAt }));
    log.info('member.welcomed', { person: person.id.slice(0, 8) });
  }

  /** Maps the channel identity to the stored pseudonymous person and puts it in turnState. */
  private async resolvePerson(context: TurnContext, channelId?: string): Promise<Person> {
    const from = context.activity.from;
    const id = this.app.personIdFor(channelId ?? from.aadObjectId ?? from.id);
    const { person } = await this.app.people.forTurn(id, this.app.now());
    context.turnState.set(PERSON_KEY, person);
    return person;
  }
}

/** The storage key ConversationState uses for this turn's conversation. */
function stateKeyOf(state: ConversationState, context: TurnContext): string {
  return (state as unknown as { getStorageKey(c: TurnContext): string }).getStorageKey(context);
}
