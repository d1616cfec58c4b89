// Commands and `stop` typed in the middle of a debrief (issue 14). A known command (or a close misspelling) typed
// at a question is not taken as its answer: "You're in the middle of a reflection on E-1 — carry on, or switch?".
// `stop`/`cancel` on a debrief that already holds answers asks once before throwing them away; a second `cancel`
// at that question stops at once (dialogs/router.ts). Carrying on ends these dialogs, and the debrief asks its
// question again (ComponentDialog.resumeDialog reprompts). A command typed at the stop or switch question is that
// command's switch question in turn (askingAbout; dialogs/router.ts), never "I didn't catch that" again.
import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { t } from '../services/catalogue';
import { log } from '../services/log';
import { ChoiceStep, type ChoiceResult } from './prompts';

export const SWITCH_DIALOG = 'midDebrief.switch';
export const STOP_DIALOG = 'midDebrief.stop';

/** What a debrief says about itself to the router: its client code and whether anything has been answered yet. */
export interface DebriefProgress {
  clientCode?: string;
  answered: boolean;
}

export interface SwitchOptions extends DebriefProgress {
  /** The dialog the command starts, and what was typed after it (a client code or a few words, never an answer). */
  dialogId: string;
  args: string;
  /** The command as it will run, for the button: `history C-21`. */
  label: string;
}

/** Where the stop and switch questions keep the debrief they ask about, so a command typed at them can switch. */
const ASKED = 'midDebrief.asked';

/** At the stop or switch question: the debrief it is about (a command typed here is a switch, not a wrong answer). */
export function askingAbout(dc: DialogContext): DebriefProgress | undefined {
  const active = dc.activeDialog;
  if (active?.id !== STOP_DIALOG && active?.id !== SWITCH_DIALOG) return undefined;
  return active.state[ASKED] as DebriefProgress | undefined;
}

/**
 * `reflect C-3` typed at that same debrief's own "Which client?" question answers it: the code typed after the
 * command (and after `quick`), or undefined when this is not that question or nothing follows the command.
 */
export function codeAnswered(dc: DialogContext, typed: { command: { dialogId: string }; args: string }): string | undefined {
  if (typed.command.dialogId !== dc.activeDialog?.id) return undefined;
  let inner: DialogContext | undefined = dc;
  let last = dc;
  while (inner?.activeDialog) {
    last = inner;
    inner = inner.child;
  }
  if ((last.activeDialog?.state as { options?: { step?: string } } | undefined)?.options?.step !== 'code') return undefined;
  return typed.args.replace(/^quick\b\s*/i, '') || undefined;
}

/** Keeps the debrief's progress beside the component's own state (ComponentDialog keeps only its inner stack there). */
function remember(outer: DialogContext, options: DebriefProgress | undefined): void {
  if (outer.activeDialog && options) outer.activeDialog.state[ASKED] = { clientCode: options.clientCode, answered: options.answered } satisfies DebriefProgress;
}

const carryOn = () => ({ value: 'carry', title: t('prompts.carryOn'), synonyms: ['carry on', 'continue', 'stay', 'keep going', 'no', 'back'] });

function onWhat(p: DebriefProgress): string {
  return p.clientCode ? t('midDebrief.reflectionOn', { clientCode: p.clientCode }) : t('midDebrief.reflection');
}

/** A question about the debrief in progress: one choice, then its answer; remembers the debrief it asks about. */
abstract class MidDebriefQuestion extends ComponentDialog {
  constructor(id: string) {
    super(id);
    this.addDialog(new ChoiceStep(`${id}.choice`));
    this.addDialog(new WaterfallDialog(`${id}.main`, [this.ask.bind(this), this.answered.bind(this)]));
    this.initialDialogId = `${id}.main`;
  }

  override async beginDialog(outer: DialogContext, options?: DebriefProgress): Promise<DialogTurnResult> {
    remember(outer, options);
    return super.beginDialog(outer, options);
  }

  protected abstract ask(step: WaterfallStepContext): Promise<DialogTurnResult>;
  protected abstract answered(step: WaterfallStepContext): Promise<DialogTurnResult>;
}

export class SwitchDialog extends MidDebriefQuestion {
  constructor() {
    super(SWITCH_DIALOG);
  }

  protected async ask(step: WaterfallStepContext) {
    const o = step.options as SwitchOptions;
    return step.beginDialog(`${SWITCH_DIALOG}.choice`, {
      step: 'switch',
      prompt: o.answered ? t('midDebrief.switchPromptAnswered', { what: onWhat(o) }) : t('midDebrief.switchPrompt', { what: onWhat(o) }),
      choices: [carryOn(), { value: 'switch', title: t('midDebrief.switchTo', { command: o.label }), synonyms: ['switch', 'yes', 'switch to it'] }],
    });
  }

  protected async answered(step: WaterfallStepContext) {
    const o = step.options as SwitchOptions;
    if ((step.result as ChoiceResult).value !== 'switch') return step.endDialog();
    log.info('command.switch', { command: o.dialogId });
    const root = rootOf(step);
    await root.cancelAllDialogs(true);
    return root.beginDialog(o.dialogId, { args: o.args });
  }
}

export class StopDialog extends MidDebriefQuestion {
  constructor() {
    super(STOP_DIALOG);
  }

  protected async ask(step: WaterfallStepContext) {
    const o = step.options as DebriefProgress;
    return step.beginDialog(`${STOP_DIALOG}.choice`, {
      step: 'stop',
      prompt: t('midDebrief.stopPrompt', { what: onWhat(o) }),
      choices: [{ value: 'stop', title: t('midDebrief.stop'), synonyms: ['stop', 'yes', 'dont save', 'throw it away'] }, carryOn()],
    });
  }

  protected async answered(step: WaterfallStepContext) {
    if ((step.result as ChoiceResult).value !== 'stop') return step.endDialog();
    const root = rootOf(step);
    await root.cancelAllDialogs(true);
    log.info('dialog.cancelled', { command: 'stop' });
    await step.context.sendActivity(t('router.cancelled'));
    return step.endDialog();
  }
}

function rootOf(dc: DialogContext): DialogContext {
  let root = dc;
  while (root.parent) root = root.parent;
  return root;
}
