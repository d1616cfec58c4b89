// The debrief's questions, in order: client code → how last time's plan went (a client already seen with a plan;
// reflectionLoop.ts) → names to hide → stage (or the stage finder; last time's stage first) → stage prompts one at a
// time → movement → stall prompts (reported, or inferred and confirmed) → self-check (a rough one gets a self-care
// step) → the safety question (dialogs/safety.ts; one tap for "no") → the review (reflectionReview.ts).
// `reflect quick`: code → plan and stage (one card: at most 8 turns in every path) or stage → two prompts → movement
// (a stall is recorded, no strategies) → self-check → the review, whose "I'm worried about someone" button is its
// safety question.
// Free text is de-identified as it arrives (FreeTextStep) and only redacted text enters dialog state. Names to hide
// are kept as salted HMACs (services/reflections/hiddenNames.ts), never in clear.
import { WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AppServices } from '../services/app';
import { content } from '../services/content';
import { looksLikeIdentifier } from '../services/deidentify';
import { clientCodeRefusal } from '../cards/words/clientCode';
import { log } from '../services/log';
import { t } from '../services/catalogue';
import { acknowledgementFor } from '../services/reflections/acknowledge';
import { PRACTICE_CODE } from '../services/reflections/codes';
import type { Draft } from '../services/reflections/draft';
import { hideNames } from '../services/reflections/hiddenNames';
import { MOVEMENTS, type Movement, type OutcomeWord, type RelationshipDoc, type StageId, type StallSource } from '../services/reflections/model';
import { debriefNames, spreadFoundNames } from '../services/reflections/nameMemory';
import { pauseAddedOf, withPauseAdded } from '../services/reflections/pauseNotes';
import { newReflectionId } from '../services/reflections/service';
import { inferStall, otherStageInWords, reportedStall } from '../services/stalls/infer';
import type { ChoiceResult, FormResult, FreeTextAnswer, RawTextResult } from './prompts';
import type { ReflectionOptions } from './reflection';
import { continuityPrompt, notedText, outcomeChoices, quickOutcomeInputs, stageQuestion } from './reflectionLoop';
import { movementTitle, selfCheckInputs } from './reflectionText';
import { CHOICE, CODE, FORM, FREE_TEXT, MAIN, PROMPTS, RAW_TEXT, REVIEW, SAVED_DRAFT, screenOf, v } from './reflectionState';
import { SAFETY_CHECK_DIALOG, selfCareMessage, type SafetyCheckOptions } from './safety';
import { STAGE_FINDER_DIALOG } from './stageFinder';
import { setbackNote, STALL_DIALOG, type StallOptions, type StallOutcome } from './stall';
import { personOf } from './turn';
import { debriefOffer } from './you';

/** The content has up to 5 prompts per stage; we ask at most this many. */
export const PROMPTS_PER_DEBRIEF = 5;
/** `reflect quick` asks the stage's first two. */
export const PROMPTS_PER_QUICK_DEBRIEF = 2;

/** How a tired PSW says the movement in their own words ("stuck", "no change"), beside the buttons' titles. */
const MOVEMENT_WORDS: Record<Movement, string[]> = {
  progressing: ['moving', 'moving forward', 'better', 'going well', 'getting better', 'forward', 'improving'],
  steady: ['same', 'the same', 'no change', 'stable', 'holding'],
  stalling: ['stuck', 'stalled', 'stall', 'not moving', 'going nowhere', 'slow'],
  setback: ['worse', 'went backwards', 'backwards', 'set back', 'step back', 'getting worse'],
};

interface PromptLoop {
  draft: Draft;
  index: number;
  /** The acknowledgement said last in this debrief (its id), never said twice in a row. */
  lastAck?: string;
}

/** The debrief's questions as its inner dialogs: the main waterfall, the client code and the stage prompts. */
export class ReflectionDebrief {
  constructor(private readonly app: AppServices) {}

  dialogs(): Dialog[] {
    return [
      new WaterfallDialog(MAIN, [
        this.start.bind(this), this.code.bind(this), this.askOutcome.bind(this), this.outcome.bind(this), this.askNames.bind(this), this.names.bind(this),
        this.askStage.bind(this), this.stage.bind(this), this.finderResult.bind(this), this.answered.bind(this),
        this.movement.bind(this), this.stall.bind(this), this.askSelfCheck.bind(this), this.selfCheck.bind(this), this.safetyChecked.bind(this),
        this.saved.bind(this),
      ]),
      new WaterfallDialog(CODE, [this.askCode.bind(this), this.codeTyped.bind(this)]),
      new WaterfallDialog(PROMPTS, [this.askPrompt.bind(this), this.promptAnswered.bind(this)]),
    ];
  }

  // ── client code ──────────────────────────────────────────────────────────────────────────────
  private async start(step: WaterfallStepContext) {
    const o = (step.options ?? {}) as ReflectionOptions;
    const draft: Partial<Draft> = { id: newReflectionId(), practice: o.practice === true, answers: [], riskFlags: [], visibility: 'shared', ...(o.quick && !o.practice ? { quick: true } : {}) };
    v(step).draft = draft;
    if (o.stage) v(step).presetStage = o.stage;
    if (o.practice) {
      await step.context.sendActivity(t('debrief.practise'));
      return step.next(o.clientCode ?? PRACTICE_CODE);
    }
    // Said once the code is known as stored ("b2" typed, "B-2" said back): see code().
    if (draft.quick && o.clientCode) v(step).introduce = true;
    if (o.clientCode) return step.next(o.clientCode);
    if (o.refusal) await step.context.sendActivity(o.refusal);
    return step.beginDialog(CODE, { quick: draft.quick });
  }

  private async askCode(step: WaterfallStepContext) {
    const psw = personOf(step.context).id;
    const suggestions = await this.app.relationships.recentCodes(psw, 5);
    const o = step.options as { retry?: boolean; quick?: boolean };
    const prompt = o.retry
      ? t('debrief.whichCode')
      : o.quick
        ? t('loop.quick.code')
        : t('debrief.reflect');
    return step.beginDialog(RAW_TEXT, { step: 'code', prompt, suggestions });
  }

  private async codeTyped(step: WaterfallStepContext) {
    const typed = (step.result as RawTextResult & { text: string }).text.trim();
    const check = looksLikeIdentifier(typed);
    if (check.ok) return step.endDialog(typed);
    // The refused text goes no further: only the reason is said, and the code is asked again.
    await step.context.sendActivity(clientCodeRefusal(check));
    return step.replaceDialog(CODE, { retry: true });
  }

  private async code(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    draft.clientCode = step.result as string;
    // Names remembered for this client (salted hashes on the relationship) are hidden from the first answer on.
    const relationship = draft.practice ? undefined : await this.app.relationships.get(personOf(step.context).id, draft.clientCode);
    // "b2", "B 2" and "B-2" name one relationship: it is said back, and saved, as it was first stored.
    if (relationship) draft.clientCode = relationship.clientCode;
    if (v(step).introduce) {
      delete v(step).introduce;
      await step.context.sendActivity(t('loop.quick.intro', { code: draft.clientCode }));
    }
    draft.hidden = debriefNames(relationship?.names);
    // Issue 14's loop: the stage of last time is offered first, and a plan made then is asked about now.
    if (relationship) v(step).lastStage = relationship.stage;
    if (relationship?.plan) v(step).plan = relationship.plan;
    return step.next();
  }

  // ── how last time's plan went ────────────────────────────────────────────────────────────────
  private async askOutcome(step: WaterfallStepContext) {
    const plan = v(step).plan as RelationshipDoc['plan'];
    const prompt = plan && continuityPrompt(plan, personOf(step.context).timeZone);
    if (!prompt) return step.next();
    const draft = v(step).draft as Draft;
    const last = v(step).lastStage as StageId | undefined;
    if (draft.quick && last) {
      // Quick: how it went and where it stands now, one turn (the stage as last time, to change if it has moved).
      return step.beginDialog(FORM, { step: 'plan-outcome', prompt, inputs: quickOutcomeInputs(draft.clientCode, last), parser: 'outcomeAndStage', typedHint: t('loop.quick.outcomeTyped') });
    }
    return step.beginDialog(CHOICE, { step: 'plan-outcome', prompt, choices: outcomeChoices() });
  }

  private async outcome(step: WaterfallStepContext) {
    const plan = v(step).plan as RelationshipDoc['plan'];
    const answer = step.result as ChoiceResult | FormResult | undefined;
    if (!plan || !answer) return step.next();
    const form = 'values' in answer ? answer.values : undefined;
    const outcome = (form ? form.outcome : (answer as ChoiceResult).value) as OutcomeWord;
    // Quick's stage came with the outcome: the stage question is not asked again.
    if (form) v(step).presetStage = form.stage || v(step).lastStage;
    (v(step).draft as Draft).strategyOutcome = { strategyId: plan.strategyId, stage: plan.stage, plannedIn: plan.plannedIn, outcome };
    log.info('strategy.outcome', { outcome, stage: plan.stage });
    await step.context.sendActivity(notedText(outcome));
    // One question in, one out: a returning debrief that opens with the plan skips the names question (names given
    // before stay hidden; the review can still hide more), so it is no longer than a first one.
    v(step).skipNames = true;
    return step.next();
  }

  // ── names to hide ────────────────────────────────────────────────────────────────────────────
  private async askNames(step: WaterfallStepContext) {
    if (v(step).skipNames || (v(step).draft as Draft).quick) return step.next({ skipped: true } satisfies Partial<RawTextResult>);
    return step.beginDialog(RAW_TEXT, {
      step: 'names',
      prompt: t('debrief.namesToHide'),
      skippable: true,
    });
  }

  private async names(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    const r = step.result as RawTextResult;
    if (!r.skipped) {
      // Hashed here, in the turn that received them; the names themselves go no further.
      draft.hidden = hideNames(this.app.config.idSecret, r.text.split(','), draft.hidden);
      await step.context.sendActivity(draft.practice ? t('debrief.willHide') : t('debrief.willHideLater', { code: draft.clientCode }));
    }
    return step.next();
  }

  // ── stage ────────────────────────────────────────────────────────────────────────────────────
  private async askStage(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    if (v(step).presetStage) return step.next({ value: v(step).presetStage as string, title: '', index: 0, via: 'title' } satisfies ChoiceResult);
    return step.beginDialog(CHOICE, { step: 'stage', ...stageQuestion(draft.clientCode, v(step).lastStage as StageId | undefined) });
  }

  private async stage(step: WaterfallStepContext) {
    const choice = (step.result as ChoiceResult).value;
    if (choice === 'unsure') return step.beginDialog(STAGE_FINDER_DIALOG);
    (v(step).draft as Draft).stageChosenBy = 'psw';
    return step.next(choice);
  }

  private async finderResult(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    draft.stage = step.result as StageId;
    draft.stageChosenBy ??= 'finder';
    const stage = content().stageById[draft.stage];
    await step.context.sendActivity(draft.quick ? t('loop.quick.questions', { stage: stage.title }) : t('debrief.questions', { stage: stage.title }));
    return step.beginDialog(PROMPTS, { draft, index: 0 } satisfies PromptLoop);
  }

  private async askPrompt(step: WaterfallStepContext) {
    const { draft, index } = step.options as PromptLoop;
    const prompts = content().stageById[draft.stage].prompts.slice(0, draft.quick ? PROMPTS_PER_QUICK_DEBRIEF : PROMPTS_PER_DEBRIEF);
    if (index >= prompts.length) return step.endDialog(draft);
    const prompt = prompts[index]!;
    return step.beginDialog(FREE_TEXT, { step: `prompt-${prompt.id}`, prompt: `(${index + 1}/${prompts.length}) ${prompt.text}`, skippable: true, hidden: draft.hidden, screen: screenOf(draft) });
  }

  private async promptAnswered(step: WaterfallStepContext) {
    const { draft, index } = step.options as PromptLoop;
    const prompt = content().stageById[draft.stage].prompts[index]!;
    const answer = step.result as FreeTextAnswer;
    // A name found in this answer is hidden in the earlier ones too (and in the answers still to come).
    const spread = draft.hidden ? spreadFoundNames(this.app.config.idSecret, draft.hidden, answer.found, draft.answers) : undefined;
    // Words typed at a safety pause on this answer follow it, as the answer to that pause.
    const next: Draft = withPauseAdded({
      ...draft,
      ...(spread ? { hidden: spread.hidden } : {}),
      answers: [...(spread?.answers ?? draft.answers), { promptId: prompt.id, text: answer.text, skipped: answer.skipped, redactions: answer.redactions }],
      riskFlags: [...new Set([...draft.riskFlags, ...answer.riskFlags])],
    }, answer.paused);
    // An answer that carries feeling is acknowledged before the next question (issue 14); one that raised a safety
    // topic has had the fuller response already.
    const { lastAck } = step.options as PromptLoop;
    const ack = answer.skipped || answer.riskFlags.length ? undefined : acknowledgementFor(answer.text, lastAck, index);
    if (ack) await step.context.sendActivity(ack.text);
    return step.replaceDialog(PROMPTS, { draft: next, index: index + 1, lastAck: ack?.id ?? lastAck } satisfies PromptLoop);
  }

  // ── movement and stalls ──────────────────────────────────────────────────────────────────────
  private async answered(step: WaterfallStepContext) {
    v(step).draft = step.result as Draft;
    return step.beginDialog(CHOICE, {
      step: 'movement',
      prompt: t('debrief.moving'),
      choices: MOVEMENTS.map((m) => ({ value: m, title: movementTitle(m), synonyms: MOVEMENT_WORDS[m] })),
    });
  }

  private async movement(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    draft.movement = (step.result as ChoiceResult).value as Movement;
    const stalls = content().stalls[draft.stage];
    // A setback is not a stall (issue 14): said so, and recorded as the movement only.
    if (draft.movement === 'setback') await step.context.sendActivity(setbackNote());
    if (draft.quick) {
      // Quick: a stall the PSW reports is recorded (and checked in on); its strategies wait for a full debrief.
      if (reportedStall(draft.movement)) {
        draft.stall = { stage: draft.stage, source: 'reported', flaggedForSupervision: false };
        await step.context.sendActivity(t('loop.quick.stuck', { code: draft.clientCode }));
      }
      return step.next();
    }
    if (reportedStall(draft.movement) && stalls) {
      v(step).stallSource = 'reported' satisfies StallSource;
      // Words pointing to another stage ("referral fell through" in a fostering debrief): the stall step asks where it is.
      const otherStage = otherStageInWords(draft.stage, draft.answers.map((a) => a.text));
      return step.beginDialog(STALL_DIALOG, { stage: draft.stage, source: 'reported', clientCode: draft.clientCode, ...(otherStage ? { otherStage } : {}) } satisfies StallOptions);
    }
    const person = personOf(step.context);
    const relationship = draft.practice ? undefined : await this.app.relationships.get(person.id, draft.clientCode);
    const suggestion = inferStall({
      relationship, stage: draft.stage, movement: draft.movement, texts: draft.answers.map((a) => a.text), now: this.app.now(),
      timeZone: person.timeZone, stallWeeks: this.app.config.stallWeeks, stallReflections: this.app.config.stallReflections,
    });
    if (!suggestion || !stalls) return step.next();
    v(step).stallSource = suggestion.source;
    log.info('stall.inferred', { kind: suggestion.source, stage: draft.stage });
    return step.beginDialog(STALL_DIALOG, { stage: draft.stage, source: suggestion.source, suggestion, clientCode: draft.clientCode } satisfies StallOptions);
  }

  private async stall(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    const outcome = step.result as StallOutcome | undefined;
    // The PSW said the relationship is now at the stage the words pointed to (issue 14): the debrief takes that stage.
    if (outcome?.stage) draft.stage = outcome.stage;
    if (outcome?.confirmed) {
      draft.stall = { stage: draft.stage, source: v(step).stallSource as StallSource, flaggedForSupervision: outcome.flaggedForSupervision, ...(outcome.strategyId ? { strategyId: outcome.strategyId } : {}) };
    }
    return step.next();
  }

  // ── self-check ───────────────────────────────────────────────────────────────────────────────
  private async askSelfCheck(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    return step.beginDialog(FORM, {
      step: 'selfcheck',
      prompt: t('debrief.selfCheckPrompt'),
      inputs: selfCheckInputs(this.app.config.maxTextLength),
      parser: 'scoreAndNote',
      typedHint: t('debrief.selfCheckTyped'),
      hidden: draft.hidden,
      screen: screenOf(draft),
    });
  }

  private async selfCheck(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    const r = step.result as FormResult;
    const note = r.texts.note!;
    // A name found in the note is hidden in the answers too.
    if (draft.hidden) Object.assign(draft, spreadFoundNames(this.app.config.idSecret, draft.hidden, note.found, draft.answers));
    draft.selfCheck = { score: Number(r.values.score) as 1 | 2 | 3 | 4 | 5, note: note.text };
    draft.riskFlags = [...new Set([...draft.riskFlags, ...note.riskFlags])];
    Object.assign(draft, withPauseAdded(draft, r.paused));
    // A rough one (1 or 2) gets a short, proportionate step for them; their own words of distress have had the
    // fuller response already (the screen's pause).
    if (draft.selfCheck.score <= 2 && !draft.riskFlags.includes('psw_distress')) await step.context.sendActivity(selfCareMessage(this.app.safetyAlerts.protocol));
    // Every real debrief ends with the safety question, whatever was written (practice is a made-up case); a quick
    // one asks it at the review, as a button beside Save.
    if (draft.practice || draft.quick) return step.next();
    return step.beginDialog(SAFETY_CHECK_DIALOG, { closing: true, ...screenOf(draft) } satisfies SafetyCheckOptions);
  }

  /** A kind named at the closing question is flagged like a screen hit (words typed at its pause kept); then the review. */
  private async safetyChecked(step: WaterfallStepContext) {
    const draft = withPauseAdded(v(step).draft as Draft, pauseAddedOf(step.result));
    // The review holds the draft from here (its options); a second copy here would only add to every turn's state.
    delete v(step).draft;
    return step.beginDialog(REVIEW, draft);
  }

  private async saved(step: WaterfallStepContext) {
    // Once saved, the worker's own side may be offered (dialogs/you.ts); ReflectionDialog hands over when it ends.
    const draft = (step.context.turnState.get(SAVED_DRAFT) as Draft | undefined) ?? (v(step).draft as Draft | undefined);
    if (draft) await debriefOffer(this.app, step.context, draft, step.result as string | undefined);
    return step.endDialog(step.result);
  }
}

