// A choice step for every dialog: an Adaptive Card with one button per choice AND a numbered text fallback.
//
// API:
//   dialogs.add(new ChoiceStep(CHOICE_STEP))          // once per ComponentDialog (any id)
//   await step.prompt(CHOICE_STEP, { step: 'stage', prompt: 'Where are things?', choices: [{ value, title, synonyms? }] })
//   → the next waterfall step gets step.result: ChoiceResult = { value, title, index, via: 'card' | 'title' | 'number' }
// Accepted: a card submission that passes ajv (cards/submission.ts) and carries this asking's nonce; the title
// typed (case-insensitive, small typos forgiven); or its number. A stale card (earlier step, earlier debrief) or
// a malformed one is refused with a sentence and the step is asked again; the dialog's state is untouched.
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { choiceCard } from '../../cards/card';
import { checkSubmission, choiceSubmissionSchema } from '../../cards/submission';
import { log } from '../../services/log';
import { matchChoice, type ChoiceOption } from './match';
import { cardActivity, INVALID_CARD, newNonce, STALE_CARD, submissionOf } from './step';

export interface ChoiceStepOptions {
  /** A stable name for this question ("stage", "movement"); card submissions must name it. */
  step: string;
  prompt: string;
  choices: ChoiceOption[];
  /** Said before asking again when a typed answer matched nothing (defaults to a hint about numbers). */
  retry?: string;
}

export interface ChoiceResult {
  value: string;
  title: string;
  index: number;
  via: 'card' | 'title' | 'number';
}

interface ChoiceState {
  options: ChoiceStepOptions;
  nonce: string;
}

export class ChoiceStep extends Dialog<ChoiceStepOptions> {
  override async beginDialog(dc: DialogContext, options?: ChoiceStepOptions): Promise<DialogTurnResult> {
    if (!options || options.choices.length === 0) throw new Error(`${this.id}: choices are required`);
    const state: ChoiceState = { options, nonce: newNonce() };
    dc.activeDialog!.state = state;
    await send(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as ChoiceState;
    const { options } = state;
    const value = submissionOf(dc.context);
    if (value !== undefined) {
      const check = checkSubmission(choiceSubmissionSchema(options.step, options.choices.map((c) => c.value)), value, state.nonce);
      if (!check.ok) {
        log.info('card.refused', { step: options.step, status: check.problem });
        await dc.context.sendActivity(check.problem === 'stale' ? STALE_CARD : INVALID_CARD);
        await send(dc.context, state);
        return Dialog.EndOfTurn;
      }
      const index = options.choices.findIndex((c) => c.value === check.data.choice);
      return dc.endDialog(result(options, index, 'card'));
    }
    const match = matchChoice(dc.context.activity.text ?? '', options.choices);
    if (!match) {
      await dc.context.sendActivity(options.retry ?? `I didn't catch that. Tap a button, or type a number from 1 to ${options.choices.length}.`);
      await send(dc.context, state);
      return Dialog.EndOfTurn;
    }
    return dc.endDialog(result(options, match.index, match.via));
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await send(context, instance.state as ChoiceState);
  }
}

function result(options: ChoiceStepOptions, index: number, via: ChoiceResult['via']): ChoiceResult {
  const c = options.choices[index]!;
  return { value: c.value, title: c.title, index, via };
}

/** The numbered text fallback: works where cards don't render, and tells people they can type. */
export function choiceText(prompt: string, choices: ChoiceOption[]): string {
  return `${prompt}\n\n${choices.map((c, i) => `${i + 1}. ${c.title}`).join('\n')}`;
}

async function send(context: TurnContext, state: ChoiceState): Promise<void> {
  const { options, nonce } = state;
  // The question is in the message text (with the numbered list); the card holds the buttons.
  const card = choiceCard({ step: options.step, nonce, prompt: 'Tap one, or type its number.', choices: options.choices });
  await context.sendActivity(cardActivity(choiceText(options.prompt, options.choices), card));
}
