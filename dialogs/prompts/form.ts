// A card-with-inputs step (Input.Text, Input.ChoiceSet, Input.Toggle) validated like every card: ajv against
// the step's schema and the asking's nonce. Text inputs are treated as free text: de-identified and passed through
// onFreeText before the dialog keeps them; one over MAX_TEXT_LENGTH is not refused outright — as in FreeTextStep, the
// step offers to keep its first part (the other inputs as given) or to take a shorter version (issue 14).
// A typed reply works too: `parse` (chosen by name, so options stay plain data in dialog state) turns it into
// input values, e.g. "4 tired but okay" → { score: '4', note: 'tired but okay' }.
//
// API:
//   dialogs.add(new FormStep(FORM_STEP, { maxLength, redact, screen, parsers: { scoreAndNote } }))
//   await step.prompt(FORM_STEP, { step: 'selfcheck', prompt, inputs: FormInput[], submitTitle?: 'Next', parser: 'scoreAndNote' })
//   → step.result: FormResult = { values: { [id]: string }, texts: { [id]: FreeTextAnswer } }
import { Dialog, type DialogContext, type DialogReason, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { adaptiveCard, formCard, submit, textBlock, type FormInput } from '../../cards/card';
import { checkSubmission, formSubmissionSchema } from '../../cards/submission';
import { log } from '../../services/log';
import type { RedactedText } from '../../services/reflections/redact';
import { t } from '../../services/catalogue';
import type { HiddenNames } from '../../services/reflections/hiddenNames';
import { ending, firstPart, KEEP, onFreeText, readBeforeHolding, type FreeTextAnswer, type FreeTextSettings, type ScreenContext } from './freeText';
import { endAfterPauses, resumeAfterPause, type PauseRequest } from './pause';
import type { PauseAdded } from '../../services/reflections/pauseNotes';
import { cardActivity, CardStep, submissionOf, traceChoice, type StepState } from './step';

export interface FormStepOptions {
  step: string;
  prompt: string;
  inputs: FormInput[];
  /** The submit button's title; none when the last input is 'buttons' (each of its buttons submits). */
  submitTitle?: string;
  /** Name of the typed-reply parser given to the FormStep; without one, typed text fills the first text input. */
  parser?: string;
  /** Said (with the prompt) when a typed reply can't be read. */
  typedHint?: string;
  hidden?: HiddenNames;
  screen?: ScreenContext;
}

export interface FormResult {
  values: Record<string, string>;
  texts: Record<string, FreeTextAnswer>;
  /** What a safety pause on the form's words added: kinds raised there, words typed there (de-identified). */
  paused?: PauseAdded;
}

/** A text input, de-identified: the part kept (all of it, unless it was over the limit) and, for the screen, the whole
 * (and, when it waits across turns, the kinds the screen found in it as typed). */
interface HeldText {
  kept: RedactedText;
  whole: string;
  found?: string[];
}

/** What waits for "Keep the first part": the other inputs as given, and every text input de-identified. */
interface LongForm {
  values: Record<string, string>;
  texts: Record<string, HeldText>;
}

type FormState = StepState<FormStepOptions> & { long?: LongForm };

/** Reads a typed reply into input values; undefined when it can't. */
export type TypedParser = (text: string) => Record<string, string> | undefined;

export class FormStep extends CardStep<FormStepOptions> {
  constructor(id: string, private readonly settings: FreeTextSettings & { parsers?: Record<string, TypedParser> }) {
    super(id);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc) as FormState;
    const { options } = state;
    const value = submissionOf(dc.context);
    const long = state.long;
    delete state.long; // an offer stands for one turn: whatever comes next answers it
    const keep = value !== undefined ? checkSubmission(keepSchema(options.step), value, state.nonce).ok : KEEP.test((dc.context.activity.text ?? '').trim());
    if (long && keep) {
      log.info('freetext.kept_first_part', { step: options.step });
      await dc.context.sendActivity(t('prompts.keptFirstPart'));
      return this.finish(dc, options, long.values, long.texts);
    }
    let values: Record<string, string> | undefined;
    if (value !== undefined) {
      const data = await this.readCard(dc, formSubmissionSchema(options.step, options.inputs), value);
      if (!data) return Dialog.EndOfTurn;
      values = {};
      for (const input of options.inputs) {
        const v = data[input.id];
        if (v !== undefined) values[input.id] = String(v);
      }
      // A tapped button leaves a trace, as a tapped choice does.
      const tapped = options.inputs.find((i) => i.type === 'buttons');
      const picked = tapped ? values[tapped.id] : undefined;
      const title = tapped?.choices.find((c) => c.value === picked)?.title;
      if (title) await traceChoice(dc.context, options.prompt, title);
    } else {
      values = this.parseTyped(options, (dc.context.activity.text ?? '').trim());
      if (!values) {
        await dc.context.sendActivity(options.typedHint ?? t('prompts.fillInOrType'));
        return Dialog.EndOfTurn;
      }
    }
    // Text inputs are free text: de-identified here, in the turn that received them, before anything is kept.
    const held: Record<string, HeldText> = {};
    // The words as typed, for the screen in this turn only: never in `held` (which may wait in dialog state).
    const typed: Record<string, string> = {};
    let over: { length: number; kept: string } | undefined;
    for (const input of options.inputs) {
      if (input.type !== 'text') continue;
      const raw = (values[input.id] ?? '').trim();
      delete values[input.id];
      if (!raw) continue;
      const whole = this.settings.redact(raw, options.hidden);
      const kept = raw.length > this.settings.maxLength ? firstPart(whole, this.settings.maxLength) : whole;
      held[input.id] = { kept, whole: whole.text };
      typed[input.id] = raw;
      if (raw.length > this.settings.maxLength) over ??= { length: raw.length, kept: kept.text };
    }
    if (over) {
      log.info('freetext.too_long', { step: options.step, count: over.length, limit: this.settings.maxLength });
      for (const [id, h] of Object.entries(held)) h.found = readBeforeHolding(this.settings, typed[id], h.whole, options.screen);
      state.long = { values, texts: held };
      const text = t('prompts.tooLongOffer', { length: over.length, maxLength: this.settings.maxLength, ending: ending(over.kept) });
      const card = adaptiveCard([textBlock(t('prompts.keepOrShorter'), { isSubtle: true })], [submit(t('prompts.keepFirstPart'), { step: options.step, nonce: state.nonce, keep: true })]);
      await dc.context.sendActivity(cardActivity(text, { ...card, fallbackText: t('prompts.keepOrShorterTyped') }));
      return Dialog.EndOfTurn;
    }
    return this.finish(dc, options, values, held, typed);
  }

  /** Screens each text input (all that was written) and ends with the values and the texts as kept. */
  private async finish(dc: DialogContext, options: FormStepOptions, values: Record<string, string>, held: Record<string, HeldText>, typed: Record<string, string> = {}): Promise<DialogTurnResult> {
    const texts: Record<string, FreeTextAnswer> = {};
    const pauses: PauseRequest[] = [];
    // What one input raised counts as raised for the next, so a category pauses the form once.
    const screen: ScreenContext = { ...options.screen, raised: [...(options.screen?.raised ?? [])] };
    for (const input of options.inputs) {
      if (input.type !== 'text') continue;
      const h = held[input.id];
      if (!h) {
        texts[input.id] = { text: '', redactions: {}, skipped: true, riskFlags: [] };
        continue;
      }
      const out = await onFreeText(dc, this.settings.screen, { ...h.kept, text: h.whole, skipped: false, riskFlags: [] }, { ...screen, raised: [...screen.raised!] }, { raw: typed[input.id], found: h.found });
      texts[input.id] = { ...out.answer, text: h.kept.text };
      pauses.push(...out.pauses);
      screen.raised!.push(...out.answer.riskFlags);
    }
    return endAfterPauses(dc, { values: { ...values }, texts } satisfies FormResult, pauses);
  }

  /** Back from a pause a hook asked for: the next one, or this step's result. */
  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    return resumeAfterPause(dc, result);
  }

  protected override async send(context: TurnContext, state: StepState<FormStepOptions>): Promise<void> {
    const { options, nonce } = state;
    // The question is the message text just above; the card holds only the inputs (it repeated the question).
    const card = formCard({ step: options.step, nonce, prompt: '', inputs: options.inputs, submitTitle: options.submitTitle });
    const text = options.typedHint ? `${options.prompt}\n\n${options.typedHint}` : options.prompt;
    await context.sendActivity(cardActivity(text, card));
  }

  private parseTyped(options: FormStepOptions, text: string): Record<string, string> | undefined {
    if (!text) return undefined;
    if (options.parser) return this.settings.parsers?.[options.parser]?.(text);
    const first = options.inputs.find((i) => i.type === 'text');
    return first ? { [first.id]: text } : undefined;
  }
}

/** The "Keep the first part" button of a long answer's offer. */
function keepSchema(step: string): Record<string, unknown> {
  return { type: 'object', required: ['step', 'nonce', 'keep'], properties: { step: { const: step }, nonce: { type: 'string' }, keep: { const: true } }, additionalProperties: false };
}
