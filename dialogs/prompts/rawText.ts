// A step for text that must NOT be de-identified on arrival because the caller needs the words themselves for
// one moment: a client code (vetted by looksLikeIdentifier), names to hide (hashed at once), words to redact.
// The typed text is handed to the next waterfall step in this same turn and is never put in dialog state here;
// the caller must turn it into something safe before it keeps anything.
//
// API:
//   dialogs.add(new RawTextStep(RAW_TEXT_STEP, { maxLength }))
//   await step.prompt(RAW_TEXT_STEP, { step: 'code', prompt, suggestions: ['C-14'], skippable? })
//   → step.result: { text: string } | { skipped: true }   (suggestion buttons submit their text)
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { adaptiveCard, submit, textBlock } from '../../cards/card';
import { t } from '../../services/catalogue';
import { tooLong } from './freeText';
import { cardActivity, CardStep, submissionOf, type StepState } from './step';

export interface RawTextStepOptions {
  step: string;
  prompt: string;
  suggestions?: string[];
  skippable?: boolean;
}

export type RawTextResult = { text: string; skipped?: false } | { skipped: true };

// "Any names to hide?" answered "nope", "n/a" or "ok" is a no, never a name to hide in this and later reflections.
const SKIP = /^(skip|skip it|pass|none|none needed|no|nope|nah|na|n\/a|no names?|no one|nobody|nothing|no thanks|not really|not now|ok|okay|idk|-)[.!]?$/i;

export class RawTextStep extends CardStep<RawTextStepOptions> {
  constructor(id: string, private readonly settings: { maxLength: number }) {
    super(id);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const { options } = state;
    const value = submissionOf(dc.context);
    if (value !== undefined) {
      const data = await this.readCard(dc, schema(options), value);
      if (!data) return Dialog.EndOfTurn;
      return dc.endDialog(data.skip === true ? { skipped: true } : { text: String(data.text) });
    }
    const text = (dc.context.activity.text ?? '').trim();
    if (options.skippable && SKIP.test(text)) return dc.endDialog({ skipped: true } satisfies RawTextResult);
    if (!text) {
      await this.send(dc.context, state);
      return Dialog.EndOfTurn;
    }
    if (text.length > this.settings.maxLength) {
      await dc.context.sendActivity(tooLong(this.settings.maxLength, text.length));
      return Dialog.EndOfTurn;
    }
    return dc.endDialog({ text } satisfies RawTextResult);
  }

  protected override async send(context: TurnContext, state: StepState<RawTextStepOptions>): Promise<void> {
    const { options, nonce } = state;
    const actions = (options.suggestions ?? []).map((s) => submit(s, { step: options.step, nonce, text: s }));
    if (options.skippable) actions.push(submit(t('prompts.skip'), { step: options.step, nonce, skip: true }));
    if (!actions.length) {
      await context.sendActivity(options.prompt);
      return;
    }
    const card = adaptiveCard([textBlock(options.suggestions?.length ? t('prompts.tapOrType') : t('prompts.answerOrSkip'), { isSubtle: true })], actions);
    // What a client without cards shows instead of the buttons.
    const list = options.suggestions?.join(', ');
    const fallbackText = list
      ? t(options.skippable ? 'prompts.typeOneOfOrSkip' : 'prompts.typeOneOfEnd', { options: list })
      : t(options.skippable ? 'prompts.answerOrSkipTyped' : 'prompts.typeAnswer');
    await context.sendActivity(cardActivity(options.prompt, { ...card, fallbackText }));
  }
}

function schema(options: RawTextStepOptions): Record<string, unknown> {
  // A suggestion button submits { text }, the Skip button { skip: true }; nothing else is valid.
  const oneOf: unknown[] = [];
  if (options.suggestions?.length) oneOf.push({ required: ['text'], properties: { text: { enum: options.suggestions } } });
  if (options.skippable) oneOf.push({ required: ['skip'], properties: { skip: { const: true } } });
  if (!oneOf.length) oneOf.push({ not: {} });
  return { type: 'object', required: ['step', 'nonce'], properties: { step: { const: options.step }, nonce: { type: 'string' }, text: { type: 'string' }, skip: { const: true } }, additionalProperties: false, oneOf };
}
