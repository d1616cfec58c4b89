// Safety in the conversation (issues 8 and 12). Three ways in, one response:
//  - the screen: a hook on every free-text answer screens it for client risk and the PSW's own distress, reading the
//    words as typed (in this turn only) and de-identified (services/safety/turn.ts); on a kind this debrief has not raised yet, the step that asked pauses for SafetyDialog. If the
//    screen fails, the answer is kept and the PSW is asked the safety question instead: never unscreened in silence.
//  - the closing question of every debrief ("Anything worrying you about anyone's safety?"), one tap for "no";
//  - `worried` (or "I'm worried about someone"), from anywhere, mid-debrief included.
// A "yes" asks which kind and shows the same pause. The pause shows that kind's response from the protocol
// (crisis lines; child-protection and family-violence lines and the duty to report; the duty to warn; the PSW's
// own supports, spoken to them), the contacts for the PSW's country, and offers one alert for the debrief
// (services/safety/alerts.ts), then the debrief carries on where it was. Words typed at the pause instead of a tap
// ("he also said he has a rope") are de-identified in the turn they arrive, screened as typed and de-identified, and kept with the debrief as
// the answer to that step; a kind they raise gets its response and joins the debrief's flags and its one alert (the
// offer again, or "already has an alert" once it arrived). The pause ends with what it added
// (services/reflections/pauseNotes.ts) for the debrief to keep. The screen is a first layer: a person decides; the
// bot only makes room for that.
import { ComponentDialog, WaterfallDialog, type Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { randomUUID } from 'node:crypto';
import type { AppServices } from '../services/app';
import { RISK_CATEGORIES, type RiskCategory, type SafetyProtocol } from '../services/content';
import { t } from '../services/catalogue';
import { errorFields, log } from '../services/log';
import type { HiddenNames } from '../services/reflections/hiddenNames';
import type { PauseAdded } from '../services/reflections/pauseNotes';
import { isRiskKind, protocolFor, screening } from '../services/safety/protocol';
import { regionOf, type Region } from '../services/safety/region';
import { ChoiceStep, redactorFor, WORDS, type ChoiceResult, type FreeTextHook, type Redactor, type ScreenContext } from './prompts';
import { personOf } from './turn';

export const SAFETY_DIALOG = 'safety.pause';
/** The closing question, `worried`, and the question asked when the screen fails. */
export const SAFETY_CHECK_DIALOG = 'safety.check';
const MAIN = 'safety.main';
const CHOICE = 'safety.choice';

export interface SafetyPauseOptions {
  /** The kinds to respond to now. */
  categories: RiskCategory[];
  /** Every kind found in this debrief so far (the alert names them all). */
  found?: RiskCategory[];
  debriefId?: string;
  clientCode?: string;
  /** The PSW named the concern (closing question, `worried`): no "something you wrote" preamble. */
  asked?: boolean;
  /** Not inside a debrief (`worried` on its own): nothing to carry on with. */
  outside?: boolean;
  /** Found in the worker's own strand (`reflect me`): the pause speaks about them. */
  self?: boolean;
  /** The debrief's names to hide (salted hashes): words typed at the pause are de-identified with them. */
  hidden?: HiddenNames;
  /** What words typed at this pause have added so far: de-identified text and kinds only. */
  added?: PauseAdded;
  /** Asked again after words that raised nothing new: the protocol is not shown twice. */
  again?: boolean;
}

export interface SafetyCheckOptions {
  /** The closing question of a debrief (asks yes/no first). */
  closing?: boolean;
  /** The screen failed on an answer: say so, then ask yes/no. */
  failed?: boolean;
  debriefId?: string;
  clientCode?: string;
  raised?: string[];
  /** From the router (`worried …`): ignored; the kind is asked. */
  args?: string;
  /** `worried` typed inside another dialog, which carries on afterwards. */
  inDialog?: boolean;
  /** The debrief's names to hide, for words typed at the pause (see SafetyPauseOptions). */
  hidden?: HiddenNames;
}


/** Whose protocol, which contacts: the person's country from their time zone. */
function regionOfTurn(step: WaterfallStepContext): Region | undefined {
  return regionOf(personOf(step.context).timeZone);
}

/**
 * The screen: flags every kind hit; asks for a pause for kinds this debrief hasn't raised yet. It reads the answer as
 * typed (this turn only) and de-identified; an answer held across turns, de-identified, with the kinds found in its
 * words when they arrived. If the screen itself fails, the answer is kept (the hook adds nothing to it) and the PSW
 * is asked the safety question.
 */
export const safetyScreen: FreeTextHook = async (_dc, answer, screen, typed) => {
  if (answer.skipped || !answer.text) return undefined;
  let hit: { all: RiskCategory[]; fresh: RiskCategory[] };
  try {
    const read = screening.answer({ raw: typed?.raw, redacted: answer.text }, screen.raised, { self: screen.self });
    const all = RISK_CATEGORIES.filter((k) => read.all.includes(k) || (typed?.found ?? []).includes(k));
    hit = { all, fresh: all.filter((k) => !(screen.raised ?? []).includes(k)) };
  } catch (err) {
    log.error('safety.screen_failed', errorFields(err));
    const options: SafetyCheckOptions = { failed: true, inDialog: true, debriefId: screen.debriefId, clientCode: screen.clientCode, raised: screen.raised, hidden: screen.hidden };
    return { pause: { dialogId: SAFETY_CHECK_DIALOG, options: { ...options } } };
  }
  const { all, fresh } = hit;
  if (!all.length) return undefined;
  log.info('safety.hit', { count: all.length, pending: fresh.length, kind: all.join('+') });
  if (!fresh.length) return { riskFlags: all };
  const found = [...new Set([...(screen.raised ?? []).filter(isRiskKind), ...all])];
  const options: SafetyPauseOptions = { categories: fresh, found, debriefId: screen.debriefId, clientCode: screen.clientCode, self: screen.self, hidden: screen.hidden };
  return { riskFlags: all, pause: { dialogId: SAFETY_DIALOG, options: { ...options } } };
};

/** The kinds the screen finds in an answer about to wait across turns (FreeTextSettings.read): kinds only are kept. */
export function readRisk(words: { raw: string; redacted: string }, screen: ScreenContext): string[] {
  return screening.answer(words, [], { self: screen.self }).all;
}

/**
 * Words typed outside any dialog that are not a command are screened too (as typed and de-identified): "my client said he'd kill himself" must
 * reach the protocol, never "I didn't catch that". Nothing is kept; the kinds found open the pause, as `worried` does.
 */
export async function screenOutside(dc: DialogContext, text: string): Promise<boolean> {
  if (!text.trim()) return false;
  let all: RiskCategory[];
  try {
    all = screening.answer(text).all;
  } catch (err) {
    log.error('safety.screen_failed', errorFields(err));
    return false;
  }
  if (!all.length) return false;
  log.info('safety.hit', { count: all.length, kind: all.join('+'), step: 'outside' });
  await dc.beginDialog(SAFETY_DIALOG, { categories: all, found: all, asked: true, outside: true } satisfies SafetyPauseOptions);
  return true;
}

/** The protocol as one plain message: (why we paused,) each kind's response and duties, the contacts, what we are not. */
export function protocolMessage(protocol: SafetyProtocol, categories: readonly RiskCategory[], opts: { region?: Region; asked?: boolean; self?: boolean } = {}): string {
  const view = protocolFor(protocol, categories, opts.region);
  // In the worker's own strand, a pause for their own risk speaks about them; a client's risk told there does not.
  const own = opts.self && protocol.pauseSelf && view.sections.every((s) => s.audience === 'psw');
  const parts = opts.asked ? [] : [own ? protocol.pauseSelf : view.pause];
  for (const s of view.sections) {
    parts.push([s.text, ...s.steps.map((step) => `• ${step}`), ...s.duties.map((d) => `• **${d.title}**: ${d.text}`)].join('\n'));
  }
  if (view.contacts.length) parts.push(view.contacts.map((k) => `**${k.label}**: ${k.detail}`).join('\n'));
  parts.push(view.notACrisisService);
  return parts.join('\n\n');
}

/** For a self-check of 1 or 2: a short step for the PSW, never the crisis script. */
export function selfCareMessage(protocol: SafetyProtocol): string {
  const c = protocol.selfCare;
  return [c.text, ...c.steps.map((s) => `• ${s}`), c.more].join('\n');
}

/** The pause: the response for these kinds, then one alert for the debrief, offered; then carry on. */
export class SafetyDialog extends ComponentDialog {
  private readonly protocol: SafetyProtocol;
  private readonly redact: Redactor;

  constructor(private readonly app: AppServices) {
    super(SAFETY_DIALOG);
    this.protocol = app.safetyAlerts.protocol;
    this.redact = redactorFor(app);
    this.addDialog(new ChoiceStep(CHOICE));
    this.addDialog(new WaterfallDialog(MAIN, [this.show.bind(this), this.answered.bind(this)]));
    this.initialDialogId = MAIN;
  }

  private async show(step: WaterfallStepContext) {
    const o = step.options as SafetyPauseOptions;
    if (!o.again) {
      log.info('safety.paused', { kind: o.categories.join('+') });
      await step.context.sendActivity(protocolMessage(this.protocol, o.categories, { region: regionOfTurn(step), asked: o.asked, self: o.self }));
    }
    // One alert per debrief: once it has arrived, there is nothing more to offer.
    if (o.debriefId && (await this.app.safetyAlerts.status(o.debriefId)) === 'delivered') return this.carryOn(step, this.protocol.supervisorAlert.alreadyDelivered);
    const target = await this.app.safetyAlerts.target(personOf(step.context).id);
    if (!target.chain.length) return this.carryOn(step, target.reason === 'unreachable' ? t('safety.unreachable') : t('safety.noSupervisor'));
    return step.beginDialog(CHOICE, {
      step: 'safety-alert',
      prompt: target.primary ? this.protocol.supervisorAlert.offer : this.protocol.supervisorAlert.offerNextInLine,
      words: true,
      choices: [
        { value: 'alert', title: t('safety.alertYes'), synonyms: ['yes', 'alert', 'yes please', 'alert them'] },
        { value: 'no', title: t('prompts.notNow'), synonyms: ['no', 'no thanks', 'not now', 'skip'] },
      ],
    });
  }

  /** Still a pause: the PSW carries on when they are ready, not in the same breath as the protocol. */
  private async carryOn(step: WaterfallStepContext, said: string) {
    return step.beginDialog(CHOICE, {
      step: 'safety-continue',
      prompt: `${said} ${t('safety.whenReady')}`,
      words: true,
      choices: [{ value: 'continue', title: t('prompts.carryOn'), synonyms: ['continue', 'ok', 'okay', 'ready', 'go on', 'carry on', 'keep going', "let's go", 'lets go', 'ok thanks', 'okay thanks', "i'm ready", 'im ready'] }],
    });
  }

  private async answered(step: WaterfallStepContext) {
    const o = step.options as SafetyPauseOptions;
    const { value: choice, via } = step.result as ChoiceResult;
    // A short reply read as a choice by its first words ("yes he has a gun") is words to read when the rest raises a
    // kind not answered yet: its response comes first, then the same question; the typed words are kept.
    if (choice === WORDS || (via === 'title' && this.screenTyped(step, o).hit.fresh.length)) return this.heard(step);
    if (choice === 'continue') return this.resume(step);
    if (choice !== 'alert') {
      await step.context.sendActivity(t('safety.declined'));
      return this.resume(step);
    }
    const psw = personOf(step.context);
    const said = this.protocol.supervisorAlert;
    try {
      // One alert per debrief, naming every kind found in it; delivered on its own path, and the PSW is told then.
      const categories = [...new Set([...(o.found ?? []), ...o.categories])];
      const r = await this.app.safetyAlerts.request({ psw: psw.id, debriefId: o.debriefId ?? randomUUID(), clientCode: o.clientCode, categories, region: regionOf(psw.timeZone) }, this.app.now());
      log.info('safety.alert', { kind: categories.join('+'), status: r });
      await step.context.sendActivity(r === 'sending' ? said.sending : r === 'added' ? said.added : r === 'already' ? said.alreadyDelivered : t('safety.alertFailed'));
    } catch (err) {
      log.error('safety.alert_failed', errorFields(err));
      await step.context.sendActivity(t('safety.alertFailed'));
    }
    return this.resume(step);
  }

  /**
   * Words typed at the pause instead of a tap: de-identified here, in the turn they arrived (the raw words go no
   * further), screened, and — inside a debrief — kept with it. A kind not shown yet gets its response and the pause
   * goes on from there (the offer, or "already has an alert"); otherwise the same question is asked again.
   */
  /** This turn's words, de-identified, and what the screen finds in them beside the kinds already shown. */
  private screenTyped(step: WaterfallStepContext, o: SafetyPauseOptions) {
    const raw = step.context.activity.text ?? '';
    const redacted = this.redact(raw, o.hidden);
    let hit = { all: [] as RiskCategory[], fresh: [] as RiskCategory[] };
    try {
      hit = screening.answer({ raw, redacted: redacted.text }, o.found ?? o.categories, { self: o.self });
    } catch (err) {
      // The words are still kept; the pause is showing the protocol already.
      log.error('safety.screen_failed', errorFields(err));
    }
    return { redacted, hit };
  }

  private async heard(step: WaterfallStepContext) {
    const o = step.options as SafetyPauseOptions;
    const shown = o.found ?? o.categories;
    const { redacted, hit } = this.screenTyped(step, o);
    const keep = !!o.debriefId && !o.outside;
    const added: PauseAdded = {
      riskFlags: [...new Set([...(o.added?.riskFlags ?? []), ...hit.all])],
      notes: [...(o.added?.notes ?? []), ...(keep ? [{ text: redacted.text, redactions: redacted.redactions }] : [])],
    };
    log.info('safety.pause_words', { kept: keep, count: hit.all.length, pending: hit.fresh.length, kind: hit.fresh.join('+') });
    if (keep) await step.context.sendActivity(t('safety.pauseKept'));
    if (hit.fresh.length) {
      return step.replaceDialog(MAIN, { ...o, categories: hit.fresh, found: [...new Set([...shown, ...hit.fresh])], added, again: false } satisfies SafetyPauseOptions);
    }
    if (!keep) await step.context.sendActivity(t('safety.pauseHeard'));
    return step.replaceDialog(MAIN, { ...o, added, again: true } satisfies SafetyPauseOptions);
  }

  /** Carry on: what words typed here added goes back to the step or dialog that paused (the debrief keeps it). */
  private async resume(step: WaterfallStepContext) {
    const o = step.options as SafetyPauseOptions;
    await step.context.sendActivity(o.outside ? t('safety.outsideDone') : this.protocol.resume);
    return step.endDialog(o.added satisfies PauseAdded | undefined);
  }
}

/**
 * The safety question, asked whatever was written: at the end of every debrief (yes/no, one tap for no), when
 * the screen fails on an answer, and for `worried` (straight to "which is closest?"). A kind chosen gets the
 * same pause as a screen hit; the dialog ends with that kind and what the pause added (PauseAdded: the debrief flags
 * the kinds and keeps the words), or undefined.
 */
export class SafetyCheckDialog extends ComponentDialog {
  private readonly protocol: SafetyProtocol;

  constructor(app: AppServices) {
    super(SAFETY_CHECK_DIALOG);
    this.protocol = app.safetyAlerts.protocol;
    this.addDialog(new ChoiceStep(CHOICE));
    // Its own pause: a reprompt (after `help`, or "Carry on") looks in a context without a parent (safetyDialogs).
    this.addDialog(new SafetyDialog(app));
    this.addDialog(new WaterfallDialog(MAIN, [this.ask.bind(this), this.which.bind(this), this.chosen.bind(this), this.done.bind(this)]));
    this.initialDialogId = MAIN;
  }

  /** What the router passes after `worried` is raw text and unused: none of it is kept in the dialog's state. */
  override async beginDialog(outerDc: DialogContext, options?: SafetyCheckOptions): Promise<DialogTurnResult> {
    const { args: _unused, ...kept } = options ?? {};
    return super.beginDialog(outerDc, kept);
  }

  private async ask(step: WaterfallStepContext) {
    const o = (step.options ?? {}) as SafetyCheckOptions;
    if (!o.closing && !o.failed) return step.next({ value: 'yes' } satisfies Partial<ChoiceResult>);
    log.info('safety.check', { mode: o.failed ? 'screen_failed' : 'closing' });
    if (o.failed) await step.context.sendActivity(t('safety.screenFailed'));
    return step.beginDialog(CHOICE, {
      step: 'safety-check',
      prompt: this.protocol.check.question,
      // "Yes" first: typing a number by habit should err towards asking which.
      choices: [
        { value: 'yes', title: t('prompts.yes'), synonyms: ['y', 'yeah', 'yep', 'yes please', 'i am', "i'm worried", 'worried'] },
        { value: 'no', title: t('safety.checkNo'), synonyms: ['no', 'n', 'nope', 'nothing', 'all good', 'no thanks', 'none', 'skip'] },
      ],
    });
  }

  private async which(step: WaterfallStepContext) {
    if ((step.result as ChoiceResult).value !== 'yes') {
      await step.context.sendActivity(t('safety.checkedNo'));
      return step.endDialog(undefined);
    }
    return step.beginDialog(CHOICE, {
      step: 'safety-which',
      prompt: this.protocol.check.which,
      choices: [
        ...RISK_CATEGORIES.map((k) => ({ value: k, title: this.protocol.kinds[k].choice })),
        { value: 'none', title: t('safety.noneOfThese'), synonyms: ['none', 'nothing', 'not sure', 'no'] },
      ],
    });
  }

  private async chosen(step: WaterfallStepContext) {
    const o = (step.options ?? {}) as SafetyCheckOptions;
    const kind = (step.result as ChoiceResult).value;
    if (!isRiskKind(kind)) {
      await step.context.sendActivity(t('safety.noneChosen'));
      return step.endDialog(undefined);
    }
    log.info('safety.named', { kind });
    v(step).kind = kind;
    const found = [...new Set([...(o.raised ?? []).filter(isRiskKind), kind])];
    const pause: SafetyPauseOptions = { categories: [kind], found, debriefId: o.debriefId, clientCode: o.clientCode, asked: true, outside: !o.debriefId && !o.inDialog, hidden: o.hidden };
    return step.beginDialog(SAFETY_DIALOG, pause);
  }

  /** Ends with the kind named and what the pause added (PauseAdded), for the debrief to flag and keep. */
  private async done(step: WaterfallStepContext) {
    const kind = v(step).kind as RiskCategory;
    const more = step.result as PauseAdded | undefined;
    return step.endDialog({ riskFlags: [...new Set([kind, ...(more?.riskFlags ?? [])])], notes: more?.notes ?? [] } satisfies PauseAdded);
  }
}

/**
 * The safety dialogs for a dialog that opens them from inside (a debrief, `reflect me`, onboarding): the bot's own,
 * at the root, are found while a turn continues, but not by ComponentDialog.repromptDialog (after `help`, or
 * "Carry on" at a switch question), whose inner context has no parent.
 */
export function safetyDialogs(app: AppServices): Dialog[] {
  return [new SafetyDialog(app), new SafetyCheckDialog(app)];
}

function v(step: WaterfallStepContext): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}
