// The onboarding module for new hires: introduction, then per stage its practice and a vignette, a check question
// with feedback and a reflective prompt, then a practice debrief on the real reflection dialog.
// Progress is read from and written to storage at every step (services/onboarding.ts), never kept only in dialog
// state, so `onboarding` in any conversation, on any device, on any day picks up where the person left off.
import { ComponentDialog, Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Person } from '../services/people';
import type { AppServices } from '../services/app';
import { PRACTICE_CODE } from '../services/reflections/codes';
import { t } from '../services/catalogue';
import { log } from '../services/log';
import { totalRedactions, type OnboardingProgress, type OnboardingService, type OnboardingStep } from '../services/onboarding';
import { describeRedactions } from '../cards/words/redactions';
import type { DebriefProgress } from './midDebrief';
import * as words from './onboardingMessages';
import { REFLECTION_DIALOG, ReflectionDialog, type ReflectionOptions } from './reflection';
import { ChoiceStep, FreeTextStep, normalise, type ChoiceResult, type FreeTextAnswer, type FreeTextSettings } from './prompts';
import { safetyDialogs } from './safety';
import { personOf } from './turn';

export const ONBOARDING_DIALOG = 'onboarding';
export const ONBOARDING_OFFER_DIALOG = 'onboarding.offer';

const START = 'onboarding.start';
const STEP = 'onboarding.step';
const CHOICE = 'onboarding.choice';
const TEXT = 'onboarding.text';

interface StepValues {
  index: number;
}

/** `onboarding` or `onboarding restart` typed while onboarding is open: the command, not an answer (issue 14). */
const ONBOARDING_TYPED = /^\/?\s*onboarding(?:\s+(restart|start over|again))?\s*[.!]?$/i;

export class OnboardingDialog extends ComponentDialog {
  private readonly practice: ReflectionDialog;

  constructor(private readonly app: AppServices, private readonly onboarding: OnboardingService, answers: FreeTextSettings) {
    super(ONBOARDING_DIALOG);
    this.addDialog(new ChoiceStep(CHOICE));
    this.addDialog(new FreeTextStep(TEXT, answers));
    for (const d of safetyDialogs(app)) this.addDialog(d);
    // The practice debrief is onboarding's own: a reprompt (after `help`, or "carry on") reaches it through a context
    // without a parent, where the bot's debrief would not be found.
    this.practice = new ReflectionDialog(app, answers);
    this.addDialog(this.practice);
    this.addDialog(new WaterfallDialog(START, [(s) => this.start(s)]));
    this.addDialog(new WaterfallDialog(STEP, [(s) => this.show(s), (s) => this.handle(s)]));
    this.initialDialogId = START;
  }

  /**
   * `onboarding restart` (or `onboarding`) typed at any step — a check, a reflective prompt, the practice debrief —
   * is understood as the command: start over, or show where they are. It would otherwise be read as that step's answer.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const typed = ONBOARDING_TYPED.exec((innerDc.context.activity.text ?? '').trim());
    if (!typed) return super.onContinueDialog(innerDc);
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(START, { args: typed[1] ? 'restart' : '' });
  }

  /**
   * In the practice debrief, the debrief's own progress for the router (dialogs/midDebrief.ts), so a command typed at
   * its questions ("my summary", "reflect C-1") is asked about, not kept as the answer; `cancel` after an answer asks
   * once. Elsewhere in onboarding, and for `onboarding restart` (handled above), nothing.
   */
  progress(dc: DialogContext): DebriefProgress | undefined {
    if (ONBOARDING_TYPED.test((dc.context.activity.text ?? '').trim())) return undefined;
    const inner = this.createChildContext(dc);
    return inner.activeDialog?.id === REFLECTION_DIALOG ? this.practice.progress(inner) : undefined;
  }

  /** `onboarding` resumes (or begins); `onboarding restart` goes back to the introduction. */
  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const person = personOf(step.context);
    const args = ((step.options as { args?: string } | undefined)?.args ?? '').trim().toLowerCase();
    const now = this.app.now();
    let progress: OnboardingProgress;
    if (args === 'restart' || args === 'start over' || args === 'again') {
      progress = await this.onboarding.restart(person.id, now);
      await step.context.sendActivity(t('onboarding.restarted'));
      log.info('onboarding.restarted', { person: person.id.slice(0, 8) });
    } else {
      progress = await this.onboarding.begin(person.id, now);
      if (progress.step >= this.onboarding.total) {
        await step.context.sendActivity(t('onboarding.alreadyDone'));
        return step.endDialog();
      }
      if (progress.step > 0) {
        await step.context.sendActivity(words.welcomeBack(progress.step, this.onboarding.total, this.where(this.onboarding.plan[progress.step]!)));
      }
    }
    return step.replaceDialog(STEP);
  }

  /** Shows the person's current step, read from storage. */
  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const person = personOf(step.context);
    const progress = await this.onboarding.begin(person.id, this.app.now());
    const index = progress.step;
    const current = this.onboarding.plan[index];
    if (!current) return step.endDialog();
    const values = step.values as StepValues;
    values.index = index;
    log.info('onboarding.step', { person: person.id.slice(0, 8), step: index, kind: current.kind });
    const content = this.onboarding.content;
    // What their supervisor sees, said plainly and once: after the introduction, or before wherever they resume.
    const tell = await this.onboarding.firstSupervisorNotice(person.id, this.app.now());
    if (tell && current.kind !== 'intro') await step.context.sendActivity(supervisorView(person));

    switch (current.kind) {
      case 'intro': {
        const { intro } = content;
        await step.context.sendActivity(`**${intro.title}**\n\n${intro.sections.map((s) => s.text).join('\n\n')}`);
        if (tell) await step.context.sendActivity(supervisorView(person));
        return step.beginDialog(CHOICE, {
          step: 'onb-intro',
          prompt: t('onboarding.ready'),
          choices: [{ value: 'go', title: t('onboarding.letsGo'), synonyms: ['yes', 'ok', 'okay', 'ready', 'start', 'go', 'next', 'continue', 'sure'] }],
        });
      }
      case 'check': {
        const m = this.module(current.stage);
        const position = content.modules.indexOf(m) + 1;
        const practice = m.inPractice.map((p) => t('prompts.bullet', { text: p.text })).join('\n');
        await step.context.sendActivity(t('onboarding.module', { title: m.title, position, count: content.modules.length, practice }));
        await step.context.sendActivity(t('onboarding.story', { text: m.vignette.text }));
        return step.beginDialog(CHOICE, {
          step: m.check.id,
          prompt: m.check.question,
          choices: m.check.choices.map((c) => ({ value: c.id, title: c.text })),
        });
      }
      case 'reflect': {
        const m = this.module(current.stage);
        return step.beginDialog(TEXT, { step: m.reflect.id, prompt: words.reflectIntro(m.reflect.text), skippable: true });
      }
      case 'practice': {
        const { practice } = content;
        await step.context.sendActivity(words.practiceIntro(practice.title, practice.text));
        const options: ReflectionOptions = { practice: true, clientCode: PRACTICE_CODE, stage: practice.stage };
        return step.beginDialog(REFLECTION_DIALOG, options);
      }
    }
  }

  /** Reads the answer, records it, and moves on to the next step (or finishes). */
  private async handle(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const person = personOf(step.context);
    const values = step.values as StepValues;
    const current = this.onboarding.plan[values.index]!;
    const now = this.app.now();
    // Answered already in another conversation (another device): no second answer, just go to where they are.
    const stored = await this.onboarding.begin(person.id, now);
    if (stored.step !== values.index) {
      await step.context.sendActivity(t('onboarding.movedOn'));
      return stored.step >= this.onboarding.total ? step.endDialog() : step.replaceDialog(STEP);
    }

    switch (current.kind) {
      case 'intro':
        break;
      case 'check': {
        const choice = step.result as ChoiceResult;
        const grade = await this.onboarding.answerCheck(person.id, current.checkId, choice.value, now);
        log.info('onboarding.checked', { person: person.id.slice(0, 8), step: values.index, status: grade.right ? 'right' : 'wrong' });
        await step.context.sendActivity(words.feedback(grade));
        break;
      }
      case 'reflect': {
        // Already de-identified by FreeTextStep; kept only for this turn, never stored.
        const answer = step.result as FreeTextAnswer;
        await step.context.sendActivity(answer.skipped ? t('onboarding.reflectSkipped') : words.reflectThanks(describeRedactions(answer.redactions)));
        break;
      }
      case 'practice': {
        // The debrief returns the saved reflection's id, or undefined when the person left without saving.
        const savedId = typeof step.result === 'string' ? step.result : undefined;
        if (!savedId) {
          await step.context.sendActivity(t('onboarding.practiceNotSaved'));
          return step.endDialog();
        }
        await this.onboarding.complete(person.id, now);
        log.info('onboarding.completed', { person: person.id.slice(0, 8) });
        // Undefined only while storage is down and the outbox holds the reflection: then a general word.
        const saved = await this.app.reflections.get(person.id, savedId);
        await step.context.sendActivity(words.practiceDone(saved ? describeRedactions(totalRedactions(saved)) : undefined));
        await step.context.sendActivity(t('onboarding.finished'));
        return step.endDialog();
      }
    }
    const progress = await this.onboarding.completeStep(person.id, values.index, now);
    if (progress.step >= this.onboarding.total) return step.endDialog();
    return step.replaceDialog(STEP);
  }

  private module(stage: string) {
    return this.onboarding.content.modules.find((m) => m.stage === stage)!;
  }

  private where(current: OnboardingStep): string {
    if (current.kind === 'intro') return t('onboarding.whereIntro');
    if (current.kind === 'practice') return t('onboarding.wherePractice');
    const m = this.module(current.stage);
    return current.kind === 'check' ? m.title : t('onboarding.whereReflect', { title: m.title });
  }
}

function supervisorView(person: Person): string {
  return words.supervisorSees(person.supervisorId !== undefined);
}

/** Typed at the offer, these start onboarding: its buttons' titles (in the reader's locale) and a plain yes. */
function startsOnboarding(text: string): boolean {
  const typed = normalise(text);
  return [t('onboarding.startButton'), t('onboarding.resumeButton'), 'start', 'yes', 'ok', 'okay', 'lets go', 'go', 'begin'].some((w) => normalise(w) === typed);
}

/** Answers a new hire's text that matches no command: an offer to start or resume, with a button. */
export class OnboardingOfferDialog extends Dialog {
  constructor(private readonly onboarding: OnboardingService) {
    super(ONBOARDING_OFFER_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const status = await this.onboarding.onboardingStatus(personOf(dc.context).id);
    // The offer's button typed by its title (or a plain "yes"/"start") starts it: typing a button always works.
    if (!status.completed && startsOnboarding(dc.context.activity.text ?? '')) return dc.replaceDialog(ONBOARDING_DIALOG, { args: '' });
    if (status.completed) {
      await dc.context.sendActivity(t('router.notUnderstood'));
    } else if (status.started) {
      await dc.context.sendActivity(words.offer(words.resumeOffer(status.step, status.total), true));
    } else {
      await dc.context.sendActivity(words.offer(t('onboarding.welcome')));
    }
    return dc.endDialog();
  }
}

export function createOnboardingDialogs(app: AppServices, answers: FreeTextSettings): Dialog[] {
  return [new OnboardingDialog(app, app.onboarding, answers), new OnboardingOfferDialog(app.onboarding)];
}
