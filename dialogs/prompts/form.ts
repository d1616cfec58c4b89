// A card-with-inputs step (Input.Text, Input.ChoiceSet, Input.Toggle) validated like every card: ajv against
// the step's schema and the asking's nonce. Text inputs are treated as free text: length refused over
// MAX_TEXT_LENGTH, de-identified and passed through onFreeText before the dialog keeps them.
// A typed reply works too: `parse` (chosen by name, so options stay plain data in dialog state) turns it into
// input values, e.g. "4 tired but okay" → { score: '4', note: 'tired but okay' }.
//
// API:
//   dialogs.add(new FormStep(FORM_STEP, { maxLength, redact, screen, parsers: { scoreAndNote } }))
//   await step.prompt(FORM_STEP, { step: 'selfcheck', prompt, inputs: FormInput[], submitTitle?: 'Next', parser: 'scoreAndNote' })
//   → step.result: FormResult = { values: { [id]: string }, texts: { [id]: FreeTextAnswer } }
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { formCard, type FormInput } from '../../cards/card';
import { formSubmissionSchema } from '../../cards/submission';
import { t } from '../../services/catalogue';
import type { HiddenNames } from '../../services/reflections/hiddenNames';
import { onFreeText, tooLong, type FreeTextAnswer, type FreeTextSettings, type ScreenContext } from './freeText';
import { endAfterPauses, resumeAfterPause, type PauseRequest } from './pause';
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
}

/** Reads a typed reply into input values; undefined when it can't. */
export type TypedParser = (text: string) => Record<string, string> | undefined;

export class FormStep extends CardStep<FormStepOptions> {
  constructor(id: string, private readonly settings: FreeTextSettings & { parsers?: Record<string, TypedParser> }) {
    super(id);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { options } = this.stateOf(dc);
    const value = submissionOf(dc.context);
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
    // Text inputs are free text: refuse over-long ones, then de-identify before anything is kept.
    for (const input of options.inputs) {
      const raw = input.type === 'text' ? values[input.id] ?? '' : '';
      if (raw.length > this.settings.maxLength) {
        await dc.context.sendActivity(tooLong(this.settings.maxLength, raw.length));
        return Dialog.EndOfTurn;
      }
    }
    const texts: Record<string, FreeTextAnswer> = {};
    const pauses: PauseRequest[] = [];
    // What one input raised counts as raised for the next, so a category pauses the form once.
    const screen: ScreenContext = { ...options.screen, raised: [...(options.screen?.raised ?? [])] };
    for (const input of options.inputs) {
      if (input.type !== 'text') continue;
      const raw = (values[input.id] ?? '').trim();
      delete values[input.id];
      if (!raw) {
        texts[input.id] = { text: '', redactions: {}, skipped: true, riskFlags: [] };
        continue;
      }
      const out = await onFreeText(dc, this.settings.screen, { ...this.settings.redact(raw, options.hidden), skipped: false, riskFlags: [] }, { ...screen, raised: [...screen.raised!] });
      texts[input.id] = out.answer;
      pauses.push(...out.pauses);
      screen.raised!.push(...out.answer.riskFlags);
    }
    return endAfterPauses(dc, { values, texts } satisfies FormResult, pauses);
  }

  /** Back from a pause a hook asked for: the next one, or this step's result. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return resumeAfterPause(dc);
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
