// A free-text step: asks, refuses text over MAX_TEXT_LENGTH (never truncates silently), de-identifies the
// answer in this turn's memory BEFORE anything enters dialog state, runs the screen hooks it was given (the
// single seam for the safety screen, issue 8), and returns only the redacted text. "skip" skips when allowed.
//
// API:
//   dialogs.add(new FreeTextStep(FREE_TEXT_STEP, { maxLength: config.maxTextLength, redact, screen: [safetyScreen] }))
//   await step.prompt(FREE_TEXT_STEP, { step: 'prompt-trust-1', prompt: 'What helped…?', skippable: true, hidden })
//   → step.result: FreeTextAnswer = { text, skipped, redactions, riskFlags }
//   a screen hook: async (dc, answer, screen) => ({ riskFlags: ['self_harm'], pause? })   // runs on every answer
// A hook may ask for a pause (a dialog run before the step ends, e.g. the safety protocol); the step then resumes
// and returns its answer as if nothing had come between (./pause.ts).
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { adaptiveCard, submit, textBlock } from '../../cards/card';
import type { HiddenNames } from '../../services/reflections/hiddenNames';
import type { RedactedText } from '../../services/reflections/redact';
import { t } from '../../services/catalogue';
import { log, errorFields } from '../../services/log';
import { cardActivity, CardStep, submissionOf, type StepState } from './step';
import { endAfterPauses, resumeAfterPause, type PauseRequest } from './pause';
import { checkSubmission } from '../../cards/submission';

export interface FreeTextStepOptions {
  step: string;
  prompt: string;
  skippable?: boolean;
  /** Names to always hide in this answer (salted hashes; see services/reflections/hiddenNames.ts). */
  hidden?: HiddenNames;
  /** What the screen hooks may know about where the answer was given (ids only). */
  screen?: ScreenContext;
}

/** Where an answer was given: the debrief's id and client code, and the risk categories it has already raised. */
export interface ScreenContext {
  debriefId?: string;
  clientCode?: string;
  raised?: string[];
}

export interface FreeTextAnswer extends RedactedText {
  skipped: boolean;
  /** Categories raised by the free-text hooks (the safety screen); never words. */
  riskFlags: string[];
}

/** Turns raw text into redacted text; runs in the turn that received it. */
export type Redactor = (raw: string, hidden: HiddenNames | undefined) => RedactedText;

/** Runs on every free-text answer, after de-identification. May send messages; may return risk flags. */
export type FreeTextHook = (dc: DialogContext, answer: FreeTextAnswer, screen: ScreenContext) => Promise<{ riskFlags?: string[]; pause?: PauseRequest } | undefined>;

/** How every free-text answer is handled: its length limit, its redactor and the hooks that screen it. */
export interface FreeTextSettings {
  maxLength: number;
  redact: Redactor;
  /** Run in order on every answer, after de-identification (the safety screen; dialogs/index.ts wires it). */
  screen: readonly FreeTextHook[];
}

/** The single seam: every free-text answer passes here, redacted, before a dialog keeps it. */
export async function onFreeText(dc: DialogContext, hooks: readonly FreeTextHook[], answer: FreeTextAnswer, screen: ScreenContext = {}): Promise<{ answer: FreeTextAnswer; pauses: PauseRequest[] }> {
  const flags = new Set(answer.riskFlags);
  const pauses: PauseRequest[] = [];
  for (const hook of hooks) {
    try {
      const out = await hook(dc, answer, screen);
      for (const f of out?.riskFlags ?? []) flags.add(f);
      if (out?.pause) pauses.push(out.pause);
    } catch (err) {
      // A failing screen must not lose the PSW's answer; it is logged (without text) and the flow goes on.
      log.error('freetext.hook_failed', errorFields(err));
    }
  }
  return { answer: { ...answer, riskFlags: [...flags] }, pauses };
}

const SKIP = /^(skip|skip it|pass|n\/a|-)$/i;

export function tooLong(maxLength: number, length: number): string {
  return t('prompts.tooLong', { length, maxLength });
}

export class FreeTextStep extends CardStep<FreeTextStepOptions> {
  constructor(id: string, private readonly settings: FreeTextSettings) {
    super(id);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const { options } = state;
    const value = submissionOf(dc.context);
    if (value !== undefined) {
      // The only card this step shows is its Skip button.
      const check = checkSubmission(skipSchema(options.step), value, state.nonce);
      if (check.ok && options.skippable) return dc.endDialog(skipped());
      await dc.context.sendActivity(check.ok ? t('prompts.needsWords') : t('prompts.staleCard'));
      await this.send(dc.context, state);
      return Dialog.EndOfTurn;
    }
    const raw = (dc.context.activity.text ?? '').trim();
    if (options.skippable && SKIP.test(raw)) return dc.endDialog(skipped());
    if (!raw) {
      await dc.context.sendActivity(options.skippable ? t('prompts.typeOrSkip') : t('prompts.typePlease'));
      return Dialog.EndOfTurn;
    }
    if (raw.length > this.settings.maxLength) {
      log.info('freetext.too_long', { step: options.step, count: raw.length, limit: this.settings.maxLength });
      await dc.context.sendActivity(tooLong(this.settings.maxLength, raw.length));
      return Dialog.EndOfTurn;
    }
    const redacted = this.settings.redact(raw, options.hidden);
    const { answer, pauses } = await onFreeText(dc, this.settings.screen, { ...redacted, skipped: false, riskFlags: [] }, options.screen);
    return endAfterPauses(dc, answer, pauses);
  }

  /** Back from a pause a hook asked for: the next one, or this step's answer. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return resumeAfterPause(dc);
  }

  protected override async send(context: TurnContext, state: StepState<FreeTextStepOptions>): Promise<void> {
    const { options, nonce } = state;
    if (!options.skippable) {
      await context.sendActivity(options.prompt);
      return;
    }
    const card = adaptiveCard([textBlock(t('prompts.answerOrSkip'), { isSubtle: true })], [submit(t('prompts.skip'), { step: options.step, nonce, skip: true })]);
    await context.sendActivity(cardActivity(options.prompt, { ...card, fallbackText: t('prompts.answerOrSkipTyped') }));
  }
}

function skipped(): FreeTextAnswer {
  return { text: '', redactions: {}, skipped: true, riskFlags: [] };
}

function skipSchema(step: string): Record<string, unknown> {
  return { type: 'object', required: ['step', 'nonce', 'skip'], properties: { step: { const: step }, nonce: { type: 'string' }, skip: { const: true } }, additionalProperties: false };
}
