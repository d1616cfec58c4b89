// The review: exactly what will be stored, before anything is. The PSW can hide more words, edit an answer (or the
// self-check words), keep it private or share it, share their own wellbeing words or not — and save on confirm only.
// Before the first review, up to three words that may be names are asked about, one at a time.
import { WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AppServices } from '../services/app';
import { t } from '../services/catalogue';
import type { Draft } from '../services/reflections/draft';
import { hideAnswered, keepAnswered, spreadFoundNames, unsureQuestions, type UnsureQuestion } from '../services/reflections/nameMemory';
import { pauseAddedOf, withPauseAdded } from '../services/reflections/pauseNotes';
import type { Visibility } from '../services/reflections/model';
import { placeholderCounts, redactAnswers, redactWords, wordsToRedact } from '../services/reflections/redact';
import type { ChoiceResult, FreeTextAnswer, RawTextResult } from './prompts';
import { questionText } from '../cards/words/question';
import { reviewText } from './reflectionText';
import { saveReflection } from './reflectionSave';
import { SAFETY_CHECK_DIALOG, type SafetyCheckOptions } from './safety';
import { CHOICE, FREE_TEXT, RAW_TEXT, REVIEW, SAVED_DRAFT, UNSURE, screenOf, v } from './reflectionState';

/** The review and the may-this-be-a-name questions, as the debrief's inner dialogs (begun with the draft). */
export class ReflectionReview {
  constructor(private readonly app: AppServices) {}

  dialogs(): Dialog[] {
    return [
      new WaterfallDialog(REVIEW, [this.review.bind(this), this.reviewChoice.bind(this), this.reviewFollowUp.bind(this), this.reviewEdited.bind(this)]),
      new WaterfallDialog(UNSURE, [this.askUnsure.bind(this), this.unsureAnswered.bind(this)]),
    ];
  }

  // ── review: exactly what will be stored; redact more, edit, visibility; save on confirm only ────
  private async review(step: WaterfallStepContext) {
    const draft = step.options as Draft & { namesChecked?: boolean };
    // Before the first review: up to three words that may be names are asked about ("Is 'Dawn' a person?"), likeliest first.
    if (!draft.namesChecked && !draft.practice && draft.hidden) {
      const words = unsureQuestions(this.app.config.idSecret, draft.hidden, [...draft.answers.map((a) => a.text), draft.selfCheck.note]);
      if (words.length) return step.replaceDialog(UNSURE, { draft: { ...draft, namesChecked: true }, words } satisfies UnsureLoop);
    }
    // The draft is this dialog's options, kept once in state: not copied into its values too (issue 19).
    await step.context.sendActivity(reviewText(draft));
    return step.beginDialog(CHOICE, {
      step: 'review',
      prompt: t('review.savePrompt'),
      choices: [
        { value: 'save', title: t('review.save'), synonyms: ['yes', 'confirm', 'ok', 'save it'] },
        { value: 'redact', title: t('review.hideMore'), synonyms: ['redact', 'redact more', 'hide'] },
        { value: 'edit', title: t('review.edit'), synonyms: ['edit', 'change'] },
        draft.visibility === 'shared'
          ? { value: 'private', title: t('review.keepPrivate'), synonyms: ['private'] }
          : { value: 'shared', title: t('review.share'), synonyms: ['shared', 'share'] },
        // Their own wellbeing words stay theirs unless they choose otherwise (issue 14).
        ...(draft.visibility === 'shared' && draft.selfCheck.note
          ? [draft.selfCheck.noteShared
              ? { value: 'note-private', title: t('review.keepMyWords'), synonyms: ['unshare note', 'keep my note'] }
              : { value: 'note-shared', title: t('review.shareMyWords'), synonyms: ['share my note', 'share note'] }]
          : []),
        // A quick debrief's safety question (one tap on Save is its "no"); `worried` typed works anywhere too.
        ...(draft.quick ? [{ value: 'worried', title: t('loop.quick.worried'), synonyms: ["i'm worried", 'im worried', 'worried about someone'] }] : []),
      ],
    });
  }

  private async reviewChoice(step: WaterfallStepContext) {
    const draft = step.options as Draft;
    const choice = (step.result as ChoiceResult).value;
    if (choice === 'save') {
      // What was saved, for the debrief's last step (the offer after it), which no longer keeps a copy of its own.
      step.context.turnState.set(SAVED_DRAFT, draft);
      return step.endDialog(await saveReflection(this.app, step.context, draft));
    }
    if (choice === 'private' || choice === 'shared') return step.replaceDialog(REVIEW, { ...draft, visibility: choice as Visibility });
    if (choice === 'note-shared' || choice === 'note-private') return step.replaceDialog(REVIEW, { ...draft, selfCheck: { ...draft.selfCheck, noteShared: choice === 'note-shared' } });
    v(step).action = choice;
    if (choice === 'worried') {
      return step.beginDialog(SAFETY_CHECK_DIALOG, { ...screenOf(draft), inDialog: true } satisfies SafetyCheckOptions);
    }
    if (choice === 'redact') {
      return step.beginDialog(RAW_TEXT, { step: 'redact', prompt: t('review.whichWords'), skippable: true });
    }
    // The questions in full above short numbered buttons: a button cut mid-question reads badly aloud and in Teams.
    // Every stage's prompts: the stall step may have moved the debrief to another stage after the answers (issue 14).
    const questions = draft.answers.map((a, i) => `${i + 1}. ${questionText(a.promptId) ?? a.promptId}`);
    return step.beginDialog(CHOICE, {
      step: 'edit-which',
      prompt: t('review.whichAnswer', { questions: questions.join('\n') }),
      choices: [...draft.answers.map((_, i) => ({ value: String(i), title: t('review.answerN', { n: i + 1 }) })), { value: 'note', title: t('review.howYouAreDoing') }],
    });
  }

  private async reviewFollowUp(step: WaterfallStepContext) {
    const draft = step.options as Draft;
    if (v(step).action === 'worried') {
      // A kind named is flagged like a screen hit (words typed at its pause kept); then the review again.
      return step.replaceDialog(REVIEW, withPauseAdded(draft, pauseAddedOf(step.result)));
    }
    if (v(step).action === 'redact') {
      const r = step.result as RawTextResult;
      if (r.skipped) return step.replaceDialog(REVIEW, draft);
      // The typed words are used here, in this turn, and not kept.
      const words = wordsToRedact(r.text);
      const hidden = redactAnswers(draft.answers, words);
      const answers = hidden.answers;
      const note = redactWords({ text: draft.selfCheck.note, redactions: {} }, words);
      const count = hidden.count + note.count;
      await step.context.sendActivity(count ? t('review.hidden', { count }) : t('review.notFound'));
      return step.replaceDialog(REVIEW, { ...draft, answers, selfCheck: { ...draft.selfCheck, note: note.result.text } });
    }
    const which = (step.result as ChoiceResult).value;
    v(step).editing = which;
    const answer = which === 'note' ? undefined : draft.answers[Number(which)]!;
    const prompt = answer ? (questionText(answer.promptId) ?? answer.promptId) : t('review.howAreYou');
    // What they wrote, as it will be stored (de-identified), to change rather than retype from memory.
    const current = answer ? (answer.skipped ? '' : answer.text) : draft.selfCheck.note;
    const asked = current ? t('review.changeAnswer', { prompt, current }) : t('review.changeBlank', { prompt });
    return step.beginDialog(FREE_TEXT, { step: `edit-${which}`, prompt: asked, skippable: true, hidden: draft.hidden, screen: screenOf(draft), current });
  }

  private async reviewEdited(step: WaterfallStepContext) {
    const draft = step.options as Draft;
    const answer = step.result as FreeTextAnswer;
    // Skip while editing leaves the answer as it was; only a new answer replaces it.
    if (answer.skipped) return step.replaceDialog(REVIEW, draft);
    const which = v(step).editing as string;
    const riskFlags = [...new Set([...draft.riskFlags, ...answer.riskFlags])];
    // A name found in the new text is hidden in the other answers too.
    const spread = draft.hidden ? spreadFoundNames(this.app.config.idSecret, draft.hidden, answer.found, draft.answers) : { hidden: draft.hidden, answers: draft.answers };
    // Words typed at a safety pause on the new text are kept too, after the answers.
    if (which === 'note') return step.replaceDialog(REVIEW, withPauseAdded({ ...draft, ...spread, riskFlags, selfCheck: { ...draft.selfCheck, note: answer.text } }, answer.paused));
    // Placeholders kept from the answer as it was ("[NAME] and I…") still count as hidden.
    const answers = spread.answers.map((a, i) => (i === Number(which) ? { ...a, text: answer.text, skipped: answer.skipped, redactions: placeholderCounts(answer.text, [...Object.keys(a.redactions), ...Object.keys(answer.redactions)]) } : a));
    return step.replaceDialog(REVIEW, withPauseAdded({ ...draft, hidden: spread.hidden, answers, riskFlags }, answer.paused));
  }

  // ── may this word be a name? one question at a time, Hide or Keep, remembered for this client ──────────
  private async askUnsure(step: WaterfallStepContext) {
    const { word, kind } = questionOf((step.options as UnsureLoop).words[0]!);
    return step.beginDialog(CHOICE, {
      step: 'unsure',
      prompt: t(kind === 'part' ? 'review.isPartOfName' : 'review.isPerson', { word }),
      choices: [
        { value: 'hide', title: t('review.hide'), synonyms: ['yes', 'person', 'hide it', 'a person'] },
        { value: 'keep', title: t('review.keep'), synonyms: ['no', 'not a person', 'keep it'] },
      ],
    });
  }

  private async unsureAnswered(step: WaterfallStepContext) {
    const { draft, words } = step.options as UnsureLoop;
    const { word } = questionOf(words[0]!);
    const secret = this.app.config.idSecret;
    let next: Draft = draft;
    if ((step.result as ChoiceResult).value === 'hide') {
      const out = hideAnswered(secret, draft.hidden!, word, draft.answers, draft.selfCheck.note);
      next = { ...draft, hidden: out.hidden, answers: out.answers, selfCheck: { ...draft.selfCheck, note: out.note } };
    } else {
      next = { ...draft, hidden: keepAnswered(secret, draft.hidden!, word) };
    }
    const rest = words.slice(1);
    return rest.length ? step.replaceDialog(UNSURE, { draft: next, words: rest } satisfies UnsureLoop) : step.replaceDialog(REVIEW, next);
  }
}

/** The unsure-word questions still to ask, and the draft they change. */
interface UnsureLoop {
  draft: Draft & { namesChecked?: boolean };
  words: Array<UnsureQuestion | string>;
}

/** A question as kept in dialog state: a plain word is one a review begun before round 15 kept there. */
const questionOf = (q: UnsureQuestion | string): UnsureQuestion => (typeof q === 'string' ? { word: q, kind: 'person' } : q);

/**
 * The draft a review card was showing, found by that card's nonce in a copy of a conversation's dialog state: for
 * keeping a reflection whose Save is tapped while storage cannot give the current state (bot/saveRescue.ts). The
 * nonce proves it is exactly the review the PSW saw and chose to save.
 */
export function draftAtReview(dialogState: unknown, nonce: string): Draft | undefined {
  type Instance = { id?: string; state?: { options?: { step?: unknown }; nonce?: unknown; dialogs?: unknown } };
  const stack = (dialogState as { dialogStack?: Instance[] } | undefined)?.dialogStack;
  if (!Array.isArray(stack)) return undefined;
  const asked = stack.some((d) => d.id === CHOICE && d.state?.options?.step === 'review' && d.state?.nonce === nonce);
  const review = stack.find((d) => d.id === REVIEW)?.state?.options as Draft | undefined;
  if (asked && review?.id) return review;
  // A component dialog (the debrief itself, or onboarding around a practice one) keeps its own stack inside.
  for (const d of stack) {
    const inner = draftAtReview(d.state?.dialogs, nonce);
    if (inner) return inner;
  }
  return undefined;
}
