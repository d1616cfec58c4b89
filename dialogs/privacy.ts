// Data rights (issue 8), for every role: `my data` shows what is stored about you, with the whole of it as a
// JSON file (a short-lived signed download link when the bot has a public address, else attached inline);
// `delete my data` asks for a confirmation, then deletes (services/privacy/dataRights.ts) and says what went.
import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, WaterfallDialog, type Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { adaptiveCard, cardAttachment, textBlock } from '../cards/card';
import type { AppServices } from '../services/app';
import { t } from '../services/catalogue';
import { log } from '../services/log';
import { myDataFilename, type ConversationStateDoc, type DeletionCounts, type MyDataCounts } from '../services/privacy/dataRights';
import { signToken } from '../services/signedToken';
import { OneTurnDialog } from './oneTurn';
import { ChoiceStep, type ChoiceResult } from './prompts';
import { REFLECTION_DIALOG } from './reflectionState';
import { personOf } from './turn';

export const MY_DATA_DIALOG = 'privacy.myData';
export const DELETE_MY_DATA_DIALOG = 'privacy.delete';
const CHOICE = 'privacy.choice';
const MAIN = 'privacy.delete.main';
/** How long a `my data` download link works. */
export const MY_DATA_LINK_MINUTES = 10;

/** What `my data` says is kept, line by line. */
function summary(n: MyDataCounts, chats: ConversationStateDoc[]): string {
  const other = n.jobs - n.reminders - n.digest;
  return [
    t('privacy.summaryIntro'),
    t('privacy.reflections', { count: n.reflections, privateCount: n.privateReflections }),
    t('privacy.relationships', { count: n.relationships }),
    t('privacy.jobs', { count: n.reminders }),
    ...(n.digest ? [t('privacy.digest')] : []),
    ...(other > 0 ? [t('privacy.otherJobs', { count: other })] : []),
    n.onboarding ? t('privacy.onboarding') : t('privacy.noOnboarding'),
    n.conversationReference ? t('privacy.address') : t('privacy.noAddress'),
    ...chatLines(chats),
    ...(n.supervision ? [t('privacy.supervision', { count: n.supervision })] : []),
    n.audit ? t('privacy.rosterAndAudit', { count: n.audit }) : t('privacy.roster'),
    t('privacy.identifiersRemoved'),
  ].join('\n');
}

/**
 * What the remembered chats hold, said as what it is: a debrief partway through, another question partway through
 * (the `reflect me` offer after a Save, a reminder's time...), or nothing in progress (only which messages were answered).
 */
function chatLines(chats: ConversationStateDoc[]): string[] {
  const roots = chats.map((c) => (c.document.dialogState as { dialogStack?: { id: string }[] } | undefined)?.dialogStack?.at(-1)?.id);
  const debriefs = roots.filter((r) => r === REFLECTION_DIALOG).length;
  const partway = roots.filter((r) => r && r !== REFLECTION_DIALOG).length;
  const idle = roots.length - debriefs - partway;
  return [
    ...(debriefs ? [t('privacy.debriefs', { count: debriefs })] : []),
    ...(partway ? [t('privacy.partway', { count: partway })] : []),
    ...(idle ? [t('privacy.idle', { count: idle })] : []),
  ];
}

/** What `delete my data` says went. */
function deleted(c: DeletionCounts): string {
  return [
    t('privacy.deleted', { reflections: c.reflections + c.spooled, relationships: c.relationships, jobs: c.jobs, onboarding: c.onboarding ? 'yes' : 'no', supervision: c.supervision }),
    c.person === 'kept' ? t('privacy.rosterKept') : t('privacy.profileGone'),
    t('privacy.auditNote'),
  ].join('\n');
}

export function createPrivacyDialogs(app: AppServices): Dialog[] {
  return [
    new OneTurnDialog(MY_DATA_DIALOG, async (context) => {
      const me = personOf(context);
      const now = app.now();
      const data = await app.dataRights.collect(me.id);
      const counts = app.dataRights.counts(data);
      await context.sendActivity(summary(counts, data.conversations));
      const base = app.config.publicBaseUrl;
      if (base) {
        // The token names the person; the download collects afresh, so it shows what is stored then.
        const token = signToken(app.config.idSecret, 'my-data', { v: me.id }, new Date(now.getTime() + MY_DATA_LINK_MINUTES * 60_000));
        await sendCard(context, adaptiveCard([textBlock(t('privacy.link', { minutes: MY_DATA_LINK_MINUTES }))], [{ type: 'Action.OpenUrl', title: t('privacy.download'), url: `${base}/my-data?token=${encodeURIComponent(token)}` }]));
        log.info('mydata.link', { count: counts.reflections });
        return;
      }
      const json = JSON.stringify(data, null, 2);
      await context.sendActivity({
        type: 'message',
        text: t('privacy.attached'),
        attachments: [{ contentType: 'application/json', name: myDataFilename(now), contentUrl: `data:application/json;charset=utf-8;base64,${Buffer.from(json, 'utf8').toString('base64')}` }],
      });
      log.info('mydata.inline', { count: counts.reflections, bytes: json.length });
    }),
    new DeleteMyDataDialog(app),
  ];
}

class DeleteMyDataDialog extends ComponentDialog {
  constructor(private readonly app: AppServices) {
    super(DELETE_MY_DATA_DIALOG);
    this.addDialog(new ChoiceStep(CHOICE));
    this.addDialog(new WaterfallDialog(MAIN, [this.ask.bind(this), this.answered.bind(this)]));
    this.initialDialogId = MAIN;
  }

  private async ask(step: WaterfallStepContext) {
    return step.beginDialog(CHOICE, {
      step: 'delete-my-data',
      prompt: t('privacy.confirm'),
      // Nothing fuzzy for a deletion: the title, `delete`, or the number.
      choices: [
        { value: 'delete', title: t('privacy.deleteYes'), synonyms: ['delete', 'delete everything', 'yes delete'] },
        { value: 'keep', title: t('privacy.deleteNo'), synonyms: ['no', 'keep', 'keep it'] },
      ],
    });
  }

  /** Nothing typed after `delete my data` is used, so none of it is kept in the dialog's state. */
  override async beginDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    return super.beginDialog(outerDc, undefined);
  }

  private async answered(step: WaterfallStepContext) {
    if ((step.result as ChoiceResult).value !== 'delete') {
      await step.context.sendActivity(t('privacy.kept'));
      return step.endDialog();
    }
    // Other chats' state goes in the service; this chat's state is being written by this very turn, so whatever
    // else is open here (a debrief under this question) is ended instead: nothing of it can be saved afterwards.
    const counts = await this.app.dataRights.deleteAll(personOf(step.context).id, conversationStateKey(step.context));
    let root: DialogContext = step;
    while (root.parent) root = root.parent;
    await root.cancelAllDialogs(true);
    log.info('mydata.deleted', { count: counts.reflections, status: counts.person });
    await step.context.sendActivity(deleted(counts));
    return { status: DialogTurnStatus.complete };
  }
}

const stateKeys = new ConversationState(new MemoryStorage());

/** The bot-state key of this conversation, as ConversationState stores it. */
function conversationStateKey(context: TurnContext): string {
  return stateKeys.getStorageKey(context) as string;
}

async function sendCard(context: TurnContext, card: ReturnType<typeof adaptiveCard>): Promise<void> {
  await context.sendActivity({ type: 'message', attachments: [cardAttachment(card)] });
}
