// A free-text step: asks, de-identifies the answer in this turn's memory BEFORE anything enters dialog state, runs
// the screen hooks it was given (the single seam for the safety screen, issue 8), and returns only the redacted text.
// "skip" skips when allowed. Text over MAX_TEXT_LENGTH is never cut silently, nor refused outright (issue 14): the
// step offers to keep the first part (up to the limit, ending at a word) and carry on, or to take a shorter version.
// Until the person answers, the step holds the first part and, for the screen, the whole text — both de-identified —
// and what the screen found in the words as typed when they arrived (kinds only); keeping it screens everything that
// was written, so nothing past the limit escapes the safety screen. The screen hooks read the words as typed too, in
// the turn that received them only (round 13: a risk word hidden as a name is still risk the screen sees).
//
// API:
//   dialogs.add(new FreeTextStep(FREE_TEXT_STEP, { maxLength: config.maxTextLength, redact, screen: [safetyScreen] }))
//   await step.prompt(FREE_TEXT_STEP, { step: 'prompt-trust-1', prompt: 'What helped…?', skippable: true, hidden })
//   → step.result: FreeTextAnswer = { text, skipped, redactions, riskFlags }
//   a screen hook: async (dc, answer, screen, typed) => ({ riskFlags: ['self_harm'], pause? })   // runs on every answer
// A hook may ask for a pause (a dialog run before the step ends, e.g. the safety protocol); the step then resumes
// and returns its answer as if nothing had come between (./pause.ts).
import { Dialog, type DialogContext, type DialogReason, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { adaptiveCard, submit, textBlock, type AdaptiveCard } from '../../cards/card';
import type { HiddenNames } from '../../services/reflections/hiddenNames';
import type { PauseAdded } from '../../services/reflections/pauseNotes';
import { placeholderCounts, type RedactedText } from '../../services/reflections/redact';
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
  /** The answer as it stands (de-identified, as stored): offered in a box to change rather than retype (the review's edit). */
  current?: string;
}

/**
 * Where an answer was given: the debrief's id and client code, the risk categories it has already raised, and its
 * names to hide (salted hashes), so words typed at a safety pause are de-identified as the answers are.
 */
export interface ScreenContext {
  debriefId?: string;
  clientCode?: string;
  raised?: string[];
  hidden?: HiddenNames;
  /** The worker's own strand (`reflect me`): the screen reads the text as about the worker (services/safety/screen/self.ts). */
  self?: boolean;
}

export interface FreeTextAnswer extends RedactedText {
  skipped: boolean;
  /** Categories raised by the free-text hooks (the safety screen); never words. */
  riskFlags: string[];
  /** What a safety pause on this answer added: kinds raised there, words typed there (de-identified). */
  paused?: PauseAdded;
}

/** Turns raw text into redacted text; runs in the turn that received it. */
export type Redactor = (raw: string, hidden: HiddenNames | undefined) => RedactedText;

/**
 * What a hook may read beside the de-identified answer: the words as typed, in the turn that received them only
 * (never kept, logged or put in dialog state); for an answer held across turns, which has no raw words any more,
 * the kinds `FreeTextSettings.read` found in them when they arrived.
 */
export interface TypedWords {
  raw?: string;
  found?: string[];
}

/** Runs on every free-text answer, after de-identification. May send messages; may return risk flags. */
export type FreeTextHook = (dc: DialogContext, answer: FreeTextAnswer, screen: ScreenContext, typed: TypedWords) => Promise<{ riskFlags?: string[]; pause?: PauseRequest } | undefined>;

/** How every free-text answer is handled: its length limit, its redactor and the hooks that screen it. */
export interface FreeTextSettings {
  maxLength: number;
  redact: Redactor;
  /** Run in order on every answer, after de-identification (the safety screen; dialogs/index.ts wires it). */
  screen: readonly FreeTextHook[];
  /** What the screen finds in words as typed (kinds only), for an answer held across turns: the words may not wait. */
  read?: (words: { raw: string; redacted: string }, screen: ScreenContext) => string[];
}

/** The kinds `settings.read` finds in an answer that is about to wait across turns (none when there is no reader). */
export function readBeforeHolding(settings: FreeTextSettings, raw: string, redacted: string, screen: ScreenContext = {}): string[] {
  try {
    return settings.read?.({ raw, redacted }, screen) ?? [];
  } catch (err) {
    // The de-identified whole is still screened when the answer is kept.
    log.error('freetext.read_failed', errorFields(err));
    return [];
  }
}

/** The single seam: every free-text answer passes here, redacted (and, for the hooks only, as typed) before a dialog keeps it. */
export async function onFreeText(dc: DialogContext, hooks: readonly FreeTextHook[], answer: FreeTextAnswer, screen: ScreenContext = {}, typed: TypedWords = {}): Promise<{ answer: FreeTextAnswer; pauses: PauseRequest[] }> {
  const flags = new Set(answer.riskFlags);
  const pauses: PauseRequest[] = [];
  for (const hook of hooks) {
    try {
      const out = await hook(dc, answer, screen, typed);
      for (const f of out?.riskFlags ?? []) flags.add(f);
      if (out?.pause) pauses.push(out.pause);
    } catch (err) {
      // A failing screen must not lose the PSW's answer; it is logged (without text) and the flow goes on.
      log.error('freetext.hook_failed', errorFields(err));
    }
  }
  return { answer: { ...answer, riskFlags: [...flags] }, pauses };
}

/** A wish to skip the question (a choice that can't be skipped says so: choice.ts). */
export const SKIP = /^(skip|skip it|pass|n\/a|-)$/i;
/** "Back" is a wish to go back, never an answer: it is not kept (the step can't rewind its dialog; see below). */
export const BACK = /^(back|go back|previous|previous question|last question|undo)[.!]?$/i;

export function tooLong(maxLength: number, length: number): string {
  return t('prompts.tooLong', { length, maxLength });
}

/** The first part of a long answer, waiting for "Keep the first part" (de-identified text and kinds only). */
interface LongAnswer {
  kept: RedactedText;
  /** The whole answer, de-identified: what the screen hooks see if the first part is kept. */
  whole: string;
  /** What the screen found in the words as typed, when they arrived (kinds only). */
  found?: string[];
}

type FreeTextState = StepState<FreeTextStepOptions> & { long?: LongAnswer };

/** A typed "keep the first part" of a long answer. */
export const KEEP = /^(keep|keep it|keep that|keep the first part|keep first part|yes|ok|okay|fine|that'?s fine)[.!]?$/i;

/**
 * The first part of a de-identified answer, up to `max` characters and ending at a word (placeholders such as
 * [NAME] are words, never cut), with what was hidden in that part alone.
 */
export function firstPart(whole: RedactedText, max: number): RedactedText {
  let text = whole.text.slice(0, max + 1);
  if (text.length > max) {
    const cut = text.slice(0, max);
    const lastSpace = cut.search(/\s\S*$/);
    text = (lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd();
  }
  return { text, redactions: placeholderCounts(text, Object.keys(whole.redactions)), ...(whole.found ? { found: whole.found } : {}) };
}

/** The last few words of the part kept, to show where it ends. */
export function ending(text: string): string {
  const words = text.split(/\s+/);
  const tail = words.length > 8 ? `…${words.slice(-8).join(' ')}` : text;
  // One very long "word" (a pasted link, a key held down) was quoted whole, 2,000 characters: its end is enough.
  return tail.length > 80 ? `…${tail.slice(-60)}` : tail;
}

export class FreeTextStep extends CardStep<FreeTextStepOptions> {
  constructor(id: string, private readonly settings: FreeTextSettings) {
    super(id);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc) as FreeTextState;
    const { options } = state;
    const value = submissionOf(dc.context);
    const long = state.long;
    delete state.long; // an offer stands for one turn: whatever comes next answers it
    if (value !== undefined) {
      // The cards this step shows: its Skip button, and "Keep the first part" of a long answer.
      const check = checkSubmission(buttonsSchema(options.step), value, state.nonce);
      if (check.ok && check.data.keep === true && long) return this.keepFirstPart(dc, long);
      if (check.ok && check.data.skip === true && options.skippable) return dc.endDialog(skipped());
      // "Use this" under the box (a host that ignores associatedInputs sends the box with Skip too: Skip wins above;
      // one that leaves an emptied box out sends no answer at all).
      if (check.ok && options.current !== undefined && check.data.keep === undefined && check.data.skip === undefined) return this.answer(dc, state, String(check.data.answer ?? '').trim());
      await dc.context.sendActivity(check.ok ? t('prompts.needsWords') : t('prompts.staleCard'));
      await this.send(dc.context, state);
      return Dialog.EndOfTurn;
    }
    const raw = (dc.context.activity.text ?? '').trim();
    if (long && KEEP.test(raw)) return this.keepFirstPart(dc, long);
    if (options.skippable && SKIP.test(raw)) return dc.endDialog(skipped());
    if (BACK.test(raw)) {
      // A debrief shows every answer at its review, where any can be changed; elsewhere there is nothing to go back to.
      await dc.context.sendActivity(options.screen?.debriefId ? t('prompts.backAtReview') : t('prompts.backNotHere'));
      await this.send(dc.context, state);
      return Dialog.EndOfTurn;
    }
    return this.answer(dc, state, raw);
  }

  /** An answer, typed or changed in the box: too long gets an offer, otherwise it is de-identified and screened. */
  private async answer(dc: DialogContext, state: FreeTextState, raw: string): Promise<DialogTurnResult> {
    const { options } = state;
    if (!raw) {
      await dc.context.sendActivity(options.skippable ? t('prompts.typeOrSkip') : t('prompts.typePlease'));
      return Dialog.EndOfTurn;
    }
    if (raw.length > this.settings.maxLength) {
      log.info('freetext.too_long', { step: options.step, count: raw.length, limit: this.settings.maxLength });
      // De-identified here, in the turn that received it; only the redacted text is kept for the next turn.
      const whole = this.settings.redact(raw, options.hidden);
      const kept = firstPart(whole, this.settings.maxLength);
      state.long = { kept, whole: whole.text, found: readBeforeHolding(this.settings, raw, whole.text, options.screen) };
      const buttons = [submit(t('prompts.keepFirstPart'), { step: options.step, nonce: state.nonce, keep: true })];
      if (options.skippable) buttons.push(submit(t('prompts.skip'), { step: options.step, nonce: state.nonce, skip: true }));
      const text = t('prompts.tooLongOffer', { length: raw.length, maxLength: this.settings.maxLength, ending: ending(kept.text) });
      await dc.context.sendActivity(cardActivity(text, { ...adaptiveCard([textBlock(t('prompts.keepOrShorter'), { isSubtle: true })], buttons), fallbackText: t('prompts.keepOrShorterTyped') }));
      return Dialog.EndOfTurn;
    }
    const redacted = this.settings.redact(raw, options.hidden);
    const { answer, pauses } = await onFreeText(dc, this.settings.screen, { ...redacted, skipped: false, riskFlags: [] }, options.screen, { raw });
    return endAfterPauses(dc, answer, pauses);
  }

  /** Keeps the first part of a long answer: the screen sees all that was written, the answer is the part kept. */
  private async keepFirstPart(dc: DialogContext, long: LongAnswer): Promise<DialogTurnResult> {
    const options = this.stateOf(dc).options;
    log.info('freetext.kept_first_part', { step: options.step, count: long.kept.text.length });
    await dc.context.sendActivity(t('prompts.keptFirstPart'));
    const { answer, pauses } = await onFreeText(dc, this.settings.screen, { ...long.kept, text: long.whole, skipped: false, riskFlags: [] }, options.screen, { found: long.found });
    return endAfterPauses(dc, { ...answer, text: long.kept.text }, pauses);
  }

  /** Back from a pause a hook asked for: the next one, or this step's answer. */
  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    return resumeAfterPause(dc, result);
  }

  protected override async send(context: TurnContext, state: StepState<FreeTextStepOptions>): Promise<void> {
    const { options, nonce } = state;
    if (options.current !== undefined) {
      await context.sendActivity(cardActivity(options.prompt, { ...editCard(options, nonce, this.settings.maxLength), fallbackText: t(options.skippable ? 'prompts.answerOrSkipTyped' : 'prompts.typeAnswer') }));
      return;
    }
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

/** The answer as it stands in a box to change, "Use this" and Skip (which leaves the answer as it was). */
function editCard(options: FreeTextStepOptions, nonce: string, maxLength: number): AdaptiveCard {
  const box = { type: 'Input.Text', id: 'answer', label: t('prompts.changeLabel'), value: options.current, isMultiline: true, maxLength };
  // Skip sends no box: leaving the answer as it was must not depend on what is in the box.
  const skip = { ...submit(t('prompts.skip'), { step: options.step, nonce, skip: true }), associatedInputs: 'none' };
  return adaptiveCard([box], [submit(t('prompts.useThis'), { step: options.step, nonce }), ...(options.skippable ? [skip] : [])]);
}

/** Skip, "Keep the first part" or "Use this" with the box (which may come with Skip, or be left out when emptied). */
function buttonsSchema(step: string): Record<string, unknown> {
  return {
    type: 'object',
    required: ['step', 'nonce'],
    properties: { step: { const: step }, nonce: { type: 'string' }, skip: { const: true }, keep: { const: true }, answer: { type: 'string' } },
    minProperties: 2,
    maxProperties: 4,
    additionalProperties: false,
  };
}
