// Commands and `stop` typed in the middle of a debrief (issue 14). A known command (or a close misspelling) typed
// at a question is not taken as its answer: "You're in the middle of a reflection on E-1 — carry on, or switch?".
// `stop`/`cancel` on a debrief that already holds answers asks once before throwing them away; a second `cancel`
// at that question stops at once (dialogs/router.ts). Carrying on ends these dialogs, and the debrief asks its
// question again (ComponentDialog.resumeDialog reprompts).
import { ComponentDialog, WaterfallDialog, type DialogContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { log } from '../services/log';
import { CANCELLED } from './messages';
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

const CARRY_ON = { value: 'carry', title: 'Carry on', synonyms: ['carry on', 'continue', 'stay', 'keep going', 'no', 'back'] };

function onWhat(p: DebriefProgress): string {
  return p.clientCode ? `a reflection on ${p.clientCode}` : 'a reflection';
}

export class SwitchDialog extends ComponentDialog {
  constructor() {
    super(SWITCH_DIALOG);
    this.addDialog(new ChoiceStep(`${SWITCH_DIALOG}.choice`));
    this.addDialog(new WaterfallDialog(`${SWITCH_DIALOG}.main`, [this.ask.bind(this), this.answered.bind(this)]));
    this.initialDialogId = `${SWITCH_DIALOG}.main`;
  }

  private async ask(step: WaterfallStepContext) {
    const o = step.options as SwitchOptions;
    const lost = o.answered ? ' Switching ends this reflection without saving it.' : '';
    return step.beginDialog(`${SWITCH_DIALOG}.choice`, {
      step: 'switch',
      prompt: `You're in the middle of ${onWhat(o)} — carry on, or switch?${lost}`,
      choices: [CARRY_ON, { value: 'switch', title: `Switch to ${o.label}`, synonyms: ['switch', 'yes', 'switch to it'] }],
    });
  }

  private async answered(step: WaterfallStepContext) {
    const o = step.options as SwitchOptions;
    if ((step.result as ChoiceResult).value !== 'switch') return step.endDialog();
    log.info('command.switch', { command: o.dialogId });
    const root = rootOf(step);
    await root.cancelAllDialogs(true);
    return root.beginDialog(o.dialogId, { args: o.args });
  }
}

export class StopDialog extends ComponentDialog {
  constructor() {
    super(STOP_DIALOG);
    this.addDialog(new ChoiceStep(`${STOP_DIALOG}.choice`));
    this.addDialog(new WaterfallDialog(`${STOP_DIALOG}.main`, [this.ask.bind(this), this.answered.bind(this)]));
    this.initialDialogId = `${STOP_DIALOG}.main`;
  }

  private async ask(step: WaterfallStepContext) {
    const o = step.options as DebriefProgress;
    return step.beginDialog(`${STOP_DIALOG}.choice`, {
      step: 'stop',
      prompt: `Stop ${onWhat(o)}? What you've written so far won't be saved.`,
      choices: [{ value: 'stop', title: "Stop, don't save", synonyms: ['stop', 'yes', 'dont save', 'throw it away'] }, CARRY_ON],
    });
  }

  private async answered(step: WaterfallStepContext) {
    if ((step.result as ChoiceResult).value !== 'stop') return step.endDialog();
    const root = rootOf(step);
    await root.cancelAllDialogs(true);
    log.info('dialog.cancelled', { command: 'stop' });
    await step.context.sendActivity(CANCELLED);
    return step.endDialog();
  }
}

function rootOf(dc: DialogContext): DialogContext {
  let root = dc;
  while (root.parent) root = root.parent;
  return root;
}
