// `flags` (supervisors): what the team flagged for supervision and the safety alerts not yet acknowledged, each with
// the conversation it invites; pick one to mark it talked through (a stall) or acknowledged (an alert), with an
// optional short note. The note is de-identified as it arrives, through the same redactor as every answer; what is
// open, who may close it and the record are decided in services/supervision/agenda.ts. Buttons carry a number, never
// an id: the flags' keys stay in dialog state, and access is decided again when one is closed.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { flagDetail, flagTitle } from '../../cards/summary';
import type { AppServices } from '../../services/app';
import { log } from '../../services/log';
import type { CloseResult } from '../../services/supervision/agenda';
import { t } from '../../services/catalogue';
import { commandMidDialog, commandsFor, type Command } from '../commands';
import { ChoiceStep, FreeTextStep, redactorFor, type ChoiceResult, type FreeTextAnswer } from '../prompts';
import { personOf } from '../turn';

export const FLAGS_DIALOG = 'supervision.flags';
const CHOICE = 'supervision.flags.choice';
const NOTE = 'supervision.flags.note';
const NONE = 'none';
/** At most this many flags in one list (one message and card within Teams' limits); the rest come next time. */
export const MAX_LISTED = 12;
/** A short note: a line or two about the conversation, not a case record. */
export const NOTE_MAX_CHARS = 500;

/** Every sentence `flags` says (content/locales/en.json, supervision.flags.*), for tests that look for one. */
export const words = {
  flagsNone: () => t('supervision.flags.none'),
  flagsPick: (count: number) => t('supervision.flags.pick', { count }),
  flagsNotNow: () => t('supervision.flags.notNow'),
};

interface Picked {
  key: string;
  title: string;
  alert: boolean;
  /** How many were open when the list was shown. */
  open: number;
}

export class FlagsDialog extends ComponentDialog {
  constructor(
    private readonly app: AppServices,
    /** The command table: a command typed where a note is asked for ends `flags` instead of becoming the note. */
    private readonly commands: readonly Command[] = [],
  ) {
    super(FLAGS_DIALOG);
    this.addDialog(new ChoiceStep(CHOICE));
    // A supervisor's note about a conversation already had: de-identified like any answer; the PSW safety screen
    // (risk language in a debrief) does not apply to it.
    this.addDialog(new FreeTextStep(NOTE, { maxLength: Math.min(NOTE_MAX_CHARS, app.config.maxTextLength), redact: redactorFor(app), screen: [] }));
    this.addDialog(new WaterfallDialog(`${FLAGS_DIALOG}.main`, [this.list.bind(this), this.picked.bind(this), this.noted.bind(this)]));
    this.initialDialogId = `${FLAGS_DIALOG}.main`;
  }

  private async list(step: WaterfallStepContext) {
    const viewer = personOf(step.context);
    const r = await this.app.supervision.agenda.open(viewer.id, this.app.now());
    if (!r.ok) {
      await step.context.sendActivity(t('router.notAllowed'));
      return step.endDialog();
    }
    log.info('flags.listed', { person: viewer.id.slice(0, 8), count: r.items.length });
    if (!r.items.length) {
      await step.context.sendActivity(words.flagsNone());
      return step.endDialog();
    }
    const shown = r.items.slice(0, MAX_LISTED).map((i) => ({ key: i.key, title: flagTitle(i, viewer.timeZone), alert: i.about.type === 'alert', detail: flagDetail(i) }));
    state(step).shown = shown.map(({ key, title, alert }) => ({ key, title, alert }));
    state(step).total = r.items.length;
    return step.beginDialog(CHOICE, {
      step: 'flags-pick',
      prompt: words.flagsPick(r.items.length) + (r.items.length > shown.length ? ` ${t('supervision.flags.showingFirst', { shown: shown.length })}` : ''),
      choices: [...shown.map((s, i) => ({ value: String(i), title: s.title, detail: s.detail })), { value: NONE, title: t('prompts.notNow'), synonyms: ['none', 'no', 'later'] }],
    });
  }

  private async picked(step: WaterfallStepContext) {
    const choice = step.result as ChoiceResult;
    const shown = state(step).shown as Omit<Picked, 'open'>[];
    const item = choice.value === NONE ? undefined : shown[Number(choice.value)];
    if (!item) {
      await step.context.sendActivity(words.flagsNotNow());
      return step.endDialog();
    }
    state(step).picked = { ...item, open: state(step).total as number } satisfies Picked;
    return step.beginDialog(NOTE, { step: 'flags-note', prompt: t(item.alert ? 'supervision.flags.noteAlert' : 'supervision.flags.noteStall'), skippable: true });
  }

  private async noted(step: WaterfallStepContext) {
    const note = step.result as FreeTextAnswer;
    const picked = state(step).picked as Picked;
    const viewer = personOf(step.context);
    // `summary` or `what helps` typed at the note is a command, not a note (issue 14): nothing is recorded.
    if (!note.skipped && commandMidDialog(note.text, commandsFor(viewer.role, this.commands))) {
      await step.context.sendActivity(t('supervision.flags.commandNotNote'));
      return step.endDialog();
    }
    const result: CloseResult = await this.app.supervision.agenda.close(viewer.id, picked.key, note.skipped ? undefined : { text: note.text, redactions: note.redactions }, this.app.now());
    log.info('flags.closed', { person: viewer.id.slice(0, 8), status: result });
    const recorded = t('supervision.flags.recorded', { kind: picked.alert ? 'alert' : 'stall', title: picked.title, noted: note.skipped ? 'no' : 'yes' });
    const said: Record<CloseResult, () => string> = {
      recorded: () => recorded + t('supervision.flags.left', { count: picked.open - 1 }),
      already: () => t('supervision.flags.already'),
      gone: () => t('supervision.flags.gone'),
      not_allowed: () => t('supervision.flags.notYours'),
    };
    await step.context.sendActivity(said[result]());
    return step.endDialog();
  }
}

/** The waterfall's own values (dialog state): the flags' keys and titles, never a note's raw words. */
function state(step: WaterfallStepContext): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}
