// The activity handler: resolves who is speaking, runs the dialog router, and saves state after every turn.
import { ConversationState, TeamsActivityHandler, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { routeTurn } from '../dialogs/router';
import * as messages from '../dialogs/messages';
import { PERSON_KEY } from '../dialogs/turn';
import type { AppServices } from '../services/app';
import { log } from '../services/log';
import type { Person } from '../services/people';
import { oneAtATime, runHeld } from './turnGate';

export class PeerReflectBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(private readonly app: AppServices, private readonly conversationState: ConversationState, dialogs: Dialog[]) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    for (const d of dialogs) this.dialogs.add(d);

    this.onMessage(async (context, next) => {
      await this.resolvePerson(context);
      const dc = await this.dialogs.createContext(context);
      await routeTurn(dc);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id === context.activity.recipient.id) continue;
        // In a personal chat the added member is the person; welcome them once.
        const person = await this.resolvePerson(context, member.aadObjectId ?? member.id);
        await context.sendActivity(messages.welcome(person));
        log.info('member.welcomed', { person: person.id.slice(0, 8) });
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // One turn per conversation at a time; replies go out once the dialog state is stored (bot/turnGate.ts).
    const key = `${context.activity.channelId}|${context.activity.conversation.id}`;
    await oneAtATime(key, () => runHeld(context, () => super.run(context), () => this.conversationState.saveChanges(context, false)));
  }

  /** Maps the channel identity to the stored pseudonymous person and puts it in turnState. */
  private async resolvePerson(context: TurnContext, channelId?: string): Promise<Person> {
    const from = context.activity.from;
    const id = this.app.personIdFor(channelId ?? from.aadObjectId ?? from.id);
    const { person } = await this.app.people.getOrCreate(id, this.app.now());
    context.turnState.set(PERSON_KEY, person);
    return person;
  }
}
