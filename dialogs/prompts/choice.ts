// A choice step for every dialog: an Adaptive Card with one button per choice AND a numbered text fallback.
//
// API:
//   dialogs.add(new ChoiceStep(CHOICE_STEP))          // once per ComponentDialog (any id)
//   await step.prompt(CHOICE_STEP, { step: 'stage', prompt: 'Where are things?', choices: [{ value, title, synonyms? }] })
//   → the next waterfall step gets step.result: ChoiceResult = { value, title, index, via: 'card' | 'title' | 'number' }
// Accepted: a card submission that passes ajv (cards/submission.ts) and carries this asking's nonce; the title
// typed (case-insensitive, small typos forgiven); or its number. A stale card (earlier step, earlier debrief) or
// a malformed one is refused with a sentence and the step is asked again; the dialog's state is untouched.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { choiceCard } from '../../cards/card';
import { choiceSubmissionSchema } from '../../cards/submission';
import { t } from '../../services/catalogue';
import { SKIP } from './freeText';
import { matchChoice, normalise, type ChoiceMatch, type ChoiceOption } from './match';
import { cardActivity, CardStep, submissionOf, traceChoice, type StepState } from './step';

export interface ChoiceStepOptions {
  /** A stable name for this question ("stage", "movement"); card submissions must name it. */
  step: string;
  prompt: string;
  choices: ChoiceOption[];
  /** Said before asking again when a typed answer matched nothing (defaults to a hint about numbers). */
  retry?: string;
  /**
   * Words typed here that match no choice (three words or more) are words for the caller, not a miss: the step ends
   * with `{ value: WORDS }` and the caller reads them from this turn's activity (they are never kept here).
   */
  words?: boolean;
}

/** The value of a choice step that ended on words typed instead of a choice (ChoiceStepOptions.words). */
export const WORDS = '#words';

export interface ChoiceResult {
  value: string;
  title: string;
  index: number;
  via: 'card' | 'title' | 'number' | 'words';
}

export class ChoiceStep extends CardStep<ChoiceStepOptions> {
  protected override checkOptions(options: ChoiceStepOptions | undefined): asserts options is ChoiceStepOptions {
    if (!options || options.choices.length === 0) throw new Error(`${this.id}: choices are required`);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const { options } = state;
    const value = submissionOf(dc.context);
    if (value !== undefined) {
      const data = await this.readCard(dc, choiceSubmissionSchema(options.step, options.choices.map((c) => c.value)), value);
      if (!data) return Dialog.EndOfTurn;
      const index = options.choices.findIndex((c) => c.value === data.choice);
      await traceChoice(dc.context, options.prompt, options.choices[index]!.title);
      return dc.endDialog(result(options, index, 'card'));
    }
    const typed = (dc.context.activity.text ?? '').trim();
    const match = matchChoice(typed, options.choices) ?? (options.words ? leadingChoice(typed, options.choices) : undefined);
    if (!match && options.words && typed.split(/\s+/).length >= 3) return dc.endDialog({ value: WORDS, title: '', index: -1, via: 'words' } satisfies ChoiceResult);
    // A lone button ("Let's go") is a pause, not a question: any reply ("ok", "ready") carries on.
    if (options.choices.length === 1 && typed) return dc.endDialog(result(options, 0, 'title'));
    if (!match) {
      const [first, second] = options.choices.map((c) => c.title);
      const retry = second === undefined ? t('prompts.choiceRetryOne', { first: first! }) : options.choices.length === 2 ? t('prompts.choiceRetryTwo', { first: first!, second }) : t('prompts.choiceRetryMany');
      // "skip" is understood, just not possible here: say so rather than "I didn't catch that".
      await dc.context.sendActivity(SKIP.test(typed) ? t('prompts.cantSkip') : (options.retry ?? retry));
      await this.send(dc.context, state);
      return Dialog.EndOfTurn;
    }
    return dc.endDialog(result(options, match.index, match.via));
  }

  protected override async send(context: TurnContext, state: StepState<ChoiceStepOptions>): Promise<void> {
    const { options, nonce } = state;
    // The question is the message text and the card holds the buttons; the numbered list is the card's fallback
    // for clients that show no cards (typing a number still works everywhere). Choices that carry a `detail`
    // keep their list in the message, since buttons show titles only.
    const explained = options.choices.some((c) => c.detail);
    const n = options.choices.length;
    // Past six the buttons would be cut off in Teams, so the card holds a choice set (cards/card.ts).
    const hint = n === 1 ? t('prompts.tapWhenReady') : n > 6 ? t('prompts.pickAndChoose') : t('prompts.tapOrType');
    const card = choiceCard({ step: options.step, nonce, prompt: hint, choices: options.choices, fallbackText: numberedList(options.prompt, options.choices) });
    await context.sendActivity(cardActivity(explained ? choiceText(options.prompt, options.choices) : options.prompt, card));
  }
}

/** The choice being asked at the bottom of the dialog stack, if the innermost dialog is a choice; and who is asking. */
export function choiceAsked(dc: DialogContext): { options: ChoiceStepOptions; chain: string[] } | undefined {
  const chain: string[] = [];
  let inner: DialogContext | undefined = dc;
  let last = dc;
  while (inner?.activeDialog) {
    chain.push(inner.activeDialog.id);
    last = inner;
    inner = inner.child;
  }
  const active = last.activeDialog;
  if (!active || !(last.findDialog(active.id) instanceof ChoiceStep)) return undefined;
  return { options: (active.state as StepState<ChoiceStepOptions>).options, chain };
}

/**
 * A short reply (four words at most) that opens with one choice's words ("yes please alert him", "no thanks I'll
 * call") is that choice. Not at a lone button: there anything longer than its own words is the caller's to read.
 */
function leadingChoice(typed: string, choices: ChoiceOption[]): ChoiceMatch | undefined {
  const words = normalise(typed);
  if (choices.length < 2 || words.split(' ').length > 4) return undefined;
  const hits = choices.flatMap((c, i) => ([c.title, c.value, ...(c.synonyms ?? [])].map(normalise).some((n) => n && words.startsWith(`${n} `)) ? [i] : []));
  return hits.length === 1 ? { index: hits[0]!, via: 'title' } : undefined;
}

function result(options: ChoiceStepOptions, index: number, via: ChoiceResult['via']): ChoiceResult {
  const c = options.choices[index]!;
  return { value: c.value, title: c.title, index, via };
}

/** A numbered list of the choices under the prompt; a choice's `detail` follows its title (e.g. stall strategies). */
export function choiceText(prompt: string, choices: ChoiceOption[]): string {
  return `${prompt}\n\n${choices.map((c, i) => `${i + 1}. ${c.detail ? `**${c.title}** — ${c.detail}` : c.title}`).join('\n')}`;
}

function numberedList(prompt: string, choices: ChoiceOption[]): string {
  return `${prompt}\n\n${choices.map((c, i) => `${i + 1}. ${c.title}`).join('\n')}`;
}
