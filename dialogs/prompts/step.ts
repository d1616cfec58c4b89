// What every card step shares: a nonce per asking (so an answer from an old card is refused), the activity
// that carries a card plus its text fallback, and the words for a refused submission.
import { randomBytes } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { adaptiveCard, cardAttachment, textBlock, type AdaptiveCard } from '../../cards/card';
import { checkSubmission, type SubmissionSchema } from '../../cards/submission';
import { t } from '../../services/catalogue';
import { errorFields, log } from '../../services/log';

export function newNonce(): string {
  return randomBytes(9).toString('base64url');
}

export function cardActivity(text: string, card: AdaptiveCard): Partial<Activity> {
  return { type: 'message', text, attachments: [cardAttachment(card)] };
}

/** The card submission value of this turn, if the turn is a submission (no typed text). */
export function submissionOf(context: TurnContext): unknown {
  const text = (context.activity.text ?? '').trim();
  return !text && context.activity.value !== undefined ? context.activity.value : undefined;
}

/**
 * Leaves a trace of a tapped choice, so the chat shows what was picked. In Teams the card is replaced in place by the
 * question and the choice (a bot may update its own message: the tap's replyToId names it); where a card cannot be
 * updated (the local web chat, other channels), a short line says it instead.
 */
export async function traceChoice(context: TurnContext, question: string, title: string): Promise<void> {
  const chosen = t('prompts.youChose', { choice: title });
  const card = context.activity.replyToId;
  if (context.activity.channelId === 'msteams' && card) {
    try {
      await context.updateActivity({ id: card, type: 'message', text: question, attachments: [cardAttachment(adaptiveCard([textBlock(chosen, { weight: 'Bolder' })]))] });
      return;
    } catch (err) {
      log.warn('card.update_failed', errorFields(err));
    }
  }
  await context.sendActivity(chosen);
}


/** What a step keeps between turns: the options it was asked with and this asking's nonce. */
export interface StepState<O> {
  options: O;
  nonce: string;
}

/**
 * The life of every card step: begin (a fresh nonce, then ask), reprompt (ask again), and reading a card
 * submission against the step's schema — a stale or malformed card is refused with a sentence and the step is
 * asked again, its state untouched. Subclasses say how to ask (`send`) and what an answer is (continueDialog).
 */
export abstract class CardStep<O extends { step: string }> extends Dialog<O> {
  protected abstract send(context: TurnContext, state: StepState<O>): Promise<void>;

  /** Throws when the options can't make a question (a programming error, not a person's). */
  protected checkOptions(options: O | undefined): asserts options is O {
    if (!options) throw new Error(`${this.id}: options are required`);
  }

  override async beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    this.checkOptions(options);
    const state: StepState<O> = { options, nonce: newNonce() };
    dc.activeDialog!.state = state;
    await this.send(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.send(context, instance.state as StepState<O>);
  }

  protected stateOf(dc: DialogContext): StepState<O> {
    return dc.activeDialog!.state as StepState<O>;
  }

  /** The submission's data when it passes; otherwise says why, asks again, and returns undefined. */
  protected async readCard(dc: DialogContext, schema: SubmissionSchema, value: unknown): Promise<Record<string, unknown> | undefined> {
    const state = this.stateOf(dc);
    const check = checkSubmission(schema, value, state.nonce);
    if (check.ok) return check.data;
    log.info('card.refused', { step: state.options.step, status: check.problem });
    await dc.context.sendActivity(check.problem === 'stale' ? t('prompts.staleCard') : t('prompts.invalidCard'));
    await this.send(dc.context, state);
    return undefined;
  }
}
