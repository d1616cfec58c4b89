// The safety pause (issue 8). A screen hook on every free-text answer (the text it sees is already de-identified)
// screens it for client risk and the PSW's own distress (content/risk-terms.json). On a category this debrief
// has not raised yet, the step that asked pauses for this dialog: the organisation's protocol (client wording
// or the PSW's own: 9-8-8, EAP, supervisor), an offer to alert the PSW's supervisor now (client code only),
// then the step ends with its answer and the debrief carries on exactly where it was. The categories become
// the reflection's riskFlags. The screen is a first layer: a person decides; the bot only makes room for that.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { randomUUID } from 'node:crypto';
import type { AppServices } from '../services/app';
import type { SafetyProtocol } from '../services/content';
import { errorFields, log } from '../services/log';
import { loadProtocol, protocolFor, screenAnswer } from '../services/safety/protocol';
import type { RiskCategory } from '../services/safety/screen';
import { ChoiceStep, type ChoiceResult, type FreeTextHook } from './prompts';
import { personOf } from './turn';

export const SAFETY_DIALOG = 'safety.pause';
const MAIN = 'safety.main';
const CHOICE = 'safety.choice';

export interface SafetyPauseOptions {
  categories: RiskCategory[];
  debriefId?: string;
  clientCode?: string;
}

export const words = {
  alertYes: 'Yes, alert them now',
  alertNo: 'Not now',
  declined: "Okay, I won't alert anyone. You can still reach your supervisor directly whenever you're ready.",
  noSupervisor: "You don't have a supervisor set up in PeerReflect yet, so I can't alert anyone from here. Please reach your supervisor or on-call lead directly.",
  unreachable: "Your supervisor hasn't connected with PeerReflect yet, so I can't reach them from here. Please call or message them directly.",
  alertFailed: "Sorry, I couldn't send the alert just now. Please reach your supervisor directly.",
  whenReady: 'Take the time you need. When you’re ready, tap Carry on.',
  carryOn: 'Carry on',
};

/** The screen: flags every category hit; asks for a pause for categories this debrief hasn't raised yet. */
export const safetyScreen: FreeTextHook = async (_dc, answer, screen) => {
  if (answer.skipped || !answer.text) return undefined;
  const { all, fresh } = screenAnswer(answer.text, screen.raised);
  if (!all.length) return undefined;
  log.info('safety.hit', { count: all.length, pending: fresh.length, kind: all.join('+') });
  if (!fresh.length) return { riskFlags: all };
  const options: SafetyPauseOptions = { categories: fresh, debriefId: screen.debriefId, clientCode: screen.clientCode };
  return { riskFlags: all, pause: { dialogId: SAFETY_DIALOG, options: { ...options } } };
};

/** The protocol as one plain message: pause, guidance for whoever is at risk, the contacts, what we are not. */
export function protocolMessage(protocol: SafetyProtocol, categories: readonly RiskCategory[]): string {
  const view = protocolFor(protocol, categories);
  const parts = [view.pause];
  for (const s of view.sections) parts.push([s.text, ...s.steps.map((step) => `• ${step}`)].join('\n'));
  if (view.contacts.length) parts.push(view.contacts.map((k) => `**${k.label}**: ${k.detail}`).join('\n'));
  parts.push(view.notACrisisService);
  return parts.join('\n\n');
}

export class SafetyDialog extends ComponentDialog {
  private readonly protocol: SafetyProtocol;

  constructor(private readonly app: AppServices) {
    super(SAFETY_DIALOG);
    // SAFETY_PROTOCOL_FILE, validated now: a bad file stops the start rather than failing someone at risk.
    this.protocol = loadProtocol(app.config.safetyProtocolFile);
    this.addDialog(new ChoiceStep(CHOICE));
    this.addDialog(new WaterfallDialog(MAIN, [this.show.bind(this), this.answered.bind(this)]));
    this.initialDialogId = MAIN;
  }

  private async show(step: WaterfallStepContext) {
    const o = step.options as SafetyPauseOptions;
    log.info('safety.paused', { kind: o.categories.join('+') });
    await step.context.sendActivity(protocolMessage(this.protocol, o.categories));
    const target = await this.app.safetyAlerts.target(personOf(step.context).id);
    if (!target.ok) {
      // Still a pause: the PSW carries on when they are ready, not in the same breath as the protocol.
      return step.beginDialog(CHOICE, {
        step: 'safety-continue',
        prompt: `${target.reason === 'no_supervisor' ? words.noSupervisor : words.unreachable} ${words.whenReady}`,
        choices: [{ value: 'continue', title: words.carryOn, synonyms: ['continue', 'ok', 'okay', 'ready', 'go on'] }],
      });
    }
    return step.beginDialog(CHOICE, {
      step: 'safety-alert',
      prompt: this.protocol.supervisorAlert.offer,
      choices: [
        { value: 'alert', title: words.alertYes, synonyms: ['yes', 'alert', 'yes please', 'alert them'] },
        { value: 'no', title: words.alertNo, synonyms: ['no', 'no thanks', 'not now', 'skip'] },
      ],
    });
  }

  private async answered(step: WaterfallStepContext) {
    const o = step.options as SafetyPauseOptions;
    const choice = (step.result as ChoiceResult).value;
    if (choice === 'continue') return this.resume(step);
    if (choice !== 'alert') {
      await step.context.sendActivity(words.declined);
      return this.resume(step);
    }
    const psw = personOf(step.context);
    try {
      const target = await this.app.safetyAlerts.target(psw.id);
      if (!target.ok) throw Object.assign(new Error('no alert target'), { code: target.reason });
      const debriefId = o.debriefId ?? randomUUID();
      for (const category of o.categories) {
        const r = await this.app.safetyAlerts.schedule({ psw: psw.id, supervisorId: target.supervisor.id, debriefId, clientCode: o.clientCode, category }, this.app.now());
        log.info('safety.alert', { kind: category, status: r });
      }
      await step.context.sendActivity(this.protocol.supervisorAlert.sent);
    } catch (err) {
      log.error('safety.alert_failed', errorFields(err));
      await step.context.sendActivity(words.alertFailed);
    }
    return this.resume(step);
  }

  private async resume(step: WaterfallStepContext) {
    await step.context.sendActivity(this.protocol.resume);
    return step.endDialog();
  }
}
