// The guided debrief (issue 3): client code → names to hide → stage (or the stage finder) → stage prompts one at
// a time → movement → stall prompts (reported, or inferred and confirmed) → self-check (a rough one gets a self-care
// step) → the safety question (dialogs/safety.ts; one tap for "no") → review → save.
// Free text is de-identified as it arrives (FreeTextStep) and only redacted text enters dialog state. Names to
// hide are kept as salted HMACs (services/reflections/hiddenNames.ts), never in clear. Nothing is stored
// before "Save"; `cancel` (the router) discards the dialog state and with it everything.
//
// Options: { args?: string } from the router (`reflect C-14`), or for onboarding practice
// { practice: true, clientCode: 'PRACTICE', stage?: StageId } → saved with practice: true, no relationship,
// no follow-up. Returns the saved ReflectionDoc's id (or undefined when not saved).
import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogReason, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AppServices } from '../services/app';
import { content } from '../services/content';
import { looksLikeIdentifier } from '../services/deidentify';
import { log, errorFields } from '../services/log';
import { PRACTICE_CODE } from '../services/reflections/codes';
import { hideNames } from '../services/reflections/hiddenNames';
import { debriefNames, hideAnswered, keepAnswered, memoryOf, spreadFoundNames, unsureQuestions } from '../services/reflections/nameMemory';
import { MOVEMENTS, type Movement, type StageId, type StallSource, type Visibility } from '../services/reflections/model';
import { redactWords, wordsToRedact } from '../services/reflections/redact';
import { reflectionFromDraft, type Draft } from '../services/reflections/draft';
import { newReflectionId } from '../services/reflections/service';
import { inferStall, reportedStall, type StallSuggestion } from '../services/stalls/infer';
import { ChoiceStep, FormStep, FreeTextStep, RawTextStep, type ChoiceResult, type FormResult, type FreeTextAnswer, type FreeTextSettings, type RawTextResult, type ScreenContext } from './prompts';
import { STAGE_FINDER_DIALOG, StageFinderDialog, stageChoices } from './stageFinder';
import { STALL_DIALOG, StallDialog, type StallOutcome } from './stall';
import { REFLECTION_KEPT } from './messages';
import type { DebriefProgress } from './midDebrief';
import { isRiskKind } from '../services/safety/protocol';
import { SAFETY_CHECK_DIALOG, selfCareMessage, type SafetyCheckOptions } from './safety';
import { markDurable, personOf } from './turn';
import { reviewText, selfCheckInputs, scoreAndNote, MOVEMENT_TITLES } from './reflectionText';

export const REFLECTION_DIALOG = 'reflection';
const MAIN = 'reflection.main';
const PROMPTS = 'reflection.prompts';
const CODE = 'reflection.code';
const REVIEW = 'reflection.review';
const UNSURE = 'reflection.unsure';
const CHOICE = 'reflection.choice';
const FREE_TEXT = 'reflection.freeText';
const RAW_TEXT = 'reflection.rawText';
const FORM = 'reflection.form';
/** The content has up to 5 prompts per stage; we ask at most this many. */
export const PROMPTS_PER_DEBRIEF = 5;

export interface ReflectionOptions {
  args?: string;
  /** Set by beginDialog from a refused `args`: only the reason is kept, never the text. */
  refusal?: string;
  practice?: boolean;
  clientCode?: string;
  stage?: StageId;
}

interface PromptLoop {
  draft: Draft;
  index: number;
}

export class ReflectionDialog extends ComponentDialog {
  /** `answers`: how free text is limited, de-identified and screened (built in dialogs/index.ts). */
  constructor(private readonly app: AppServices, answers: FreeTextSettings) {
    super(REFLECTION_DIALOG);
    this.addDialog(new ChoiceStep(CHOICE));
    this.addDialog(new FreeTextStep(FREE_TEXT, answers));
    this.addDialog(new RawTextStep(RAW_TEXT, { maxLength: answers.maxLength }));
    this.addDialog(new FormStep(FORM, { ...answers, parsers: { scoreAndNote } }));
    this.addDialog(new StageFinderDialog());
    this.addDialog(new StallDialog());
    this.addDialog(new WaterfallDialog(MAIN, [
      this.start.bind(this), this.code.bind(this), this.askNames.bind(this), this.names.bind(this),
      this.askStage.bind(this), this.stage.bind(this), this.finderResult.bind(this), this.answered.bind(this),
      this.movement.bind(this), this.stall.bind(this), this.askSelfCheck.bind(this), this.selfCheck.bind(this), this.safetyChecked.bind(this),
      this.saved.bind(this),
    ]));
    this.addDialog(new WaterfallDialog(CODE, [this.askCode.bind(this), this.codeTyped.bind(this)]));
    this.addDialog(new WaterfallDialog(PROMPTS, [this.askPrompt.bind(this), this.promptAnswered.bind(this)]));
    this.addDialog(new WaterfallDialog(UNSURE, [this.askUnsure.bind(this), this.unsureAnswered.bind(this)]));
    this.addDialog(new WaterfallDialog(REVIEW, [this.review.bind(this), this.reviewChoice.bind(this), this.reviewFollowUp.bind(this), this.reviewEdited.bind(this)]));
    this.initialDialogId = MAIN;
  }

  /**
   * The router's options hold what was typed after `reflect`; options are stored with the dialog, so the
   * code is vetted here, before anything is kept: a refused text is replaced by the reason alone.
   */
  override async beginDialog(dc: DialogContext, options?: ReflectionOptions) {
    const { args, ...rest } = options ?? {};
    const typed = (args ?? '').trim();
    if (!typed || rest.practice) return super.beginDialog(dc, rest);
    const check = looksLikeIdentifier(typed);
    return super.beginDialog(dc, check.ok ? { ...rest, clientCode: typed } : { ...rest, refusal: check.reason ?? "That doesn't look like a client code." });
  }

  /** Where this debrief is (its id and client code), for `worried` typed in the middle of it (dialogs/router.ts). */
  screenContext(dc: DialogContext): ScreenContext | undefined {
    const main = this.createChildContext(dc).stack.find((d) => d.id === MAIN);
    const draft = (main?.state as { values?: { draft?: Draft } } | undefined)?.values?.draft;
    return draft?.id ? screenOf(draft) : undefined;
  }

  /** Its client code and whether anything is answered yet, for a command or `stop` typed mid-debrief (dialogs/midDebrief.ts). */
  progress(dc: DialogContext): DebriefProgress {
    let clientCode: string | undefined;
    let answered = false;
    for (const instance of this.createChildContext(dc).stack) {
      const state = instance.state as { values?: { draft?: Draft }; options?: Draft & { draft?: Draft } };
      for (const draft of [state.values?.draft, state.options?.draft, state.options]) {
        if (!draft || !Array.isArray(draft.answers)) continue;
        clientCode ??= draft.clientCode;
        if (draft.answers.some((a) => !a.skipped) || draft.selfCheck) answered = true;
      }
    }
    return { clientCode, answered };
  }

  /** Back from `worried` typed mid-debrief: the kind named there is flagged on every copy of the draft it holds. */
  override async resumeDialog(dc: DialogContext, reason: DialogReason, result?: unknown) {
    if (isRiskKind(result)) {
      for (const instance of this.createChildContext(dc).stack) {
        const state = instance.state as { values?: { draft?: Draft }; options?: Draft & { draft?: Draft } };
        for (const draft of [state.values?.draft, state.options?.draft, state.options]) {
          if (Array.isArray(draft?.riskFlags) && !draft.riskFlags.includes(result)) draft.riskFlags.push(result);
        }
      }
    }
    return super.resumeDialog(dc, reason, result);
  }

  // ── client code ──────────────────────────────────────────────────────────────────────────────
  private async start(step: WaterfallStepContext) {
    const o = (step.options ?? {}) as ReflectionOptions;
    const draft: Partial<Draft> = { id: newReflectionId(), practice: o.practice === true, answers: [], riskFlags: [], visibility: 'shared' };
    v(step).draft = draft;
    if (o.stage) v(step).presetStage = o.stage;
    if (o.practice) {
      await step.context.sendActivity("Let's practise a reflection. Imagine a recent visit; this one is marked as practice.");
      return step.next(o.clientCode ?? PRACTICE_CODE);
    }
    if (o.clientCode) return step.next(o.clientCode);
    if (o.refusal) await step.context.sendActivity(o.refusal);
    return step.beginDialog(CODE, {});
  }

  private async askCode(step: WaterfallStepContext) {
    const psw = personOf(step.context).id;
    const suggestions = await this.app.relationships.recentCodes(psw, 5);
    const prompt = (step.options as { retry?: boolean }).retry
      ? 'Which client code shall I use?'
      : "Let's reflect. Which client is this about? Use your own short code, like C-14 (never a name).";
    return step.beginDialog(RAW_TEXT, { step: 'code', prompt, suggestions });
  }

  private async codeTyped(step: WaterfallStepContext) {
    const typed = (step.result as RawTextResult & { text: string }).text.trim();
    const check = looksLikeIdentifier(typed);
    if (check.ok) return step.endDialog(typed);
    // The refused text goes no further: only the reason is said, and the code is asked again.
    await step.context.sendActivity(check.reason ?? "That doesn't look like a client code.");
    return step.replaceDialog(CODE, { retry: true });
  }

  private async code(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    draft.clientCode = step.result as string;
    // Names remembered for this client (salted hashes on the relationship) are hidden from the first answer on.
    const relationship = draft.practice ? undefined : await this.app.relationships.get(personOf(step.context).id, draft.clientCode);
    draft.hidden = debriefNames(relationship?.names);
    return step.next();
  }

  // ── names to hide ────────────────────────────────────────────────────────────────────────────
  private async askNames(step: WaterfallStepContext) {
    return step.beginDialog(RAW_TEXT, {
      step: 'names',
      prompt: "Any names you'd like me to always hide in this reflection? Type them separated by commas. I won't store them.",
      skippable: true,
    });
  }

  private async names(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    const r = step.result as RawTextResult;
    if (!r.skipped) {
      // Hashed here, in the turn that received them; the names themselves go no further.
      draft.hidden = hideNames(this.app.config.idSecret, r.text.split(','), draft.hidden);
      await step.context.sendActivity(draft.practice ? "Got it. I'll hide those wherever they come up." : `Got it. I'll hide those wherever they come up, now and in later reflections about ${draft.clientCode}.`);
    }
    return step.next();
  }

  // ── stage ────────────────────────────────────────────────────────────────────────────────────
  private async askStage(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    if (v(step).presetStage) return step.next({ value: v(step).presetStage as string, title: '', index: 0, via: 'title' } satisfies ChoiceResult);
    return step.beginDialog(CHOICE, {
      step: 'stage',
      prompt: `Where does your relationship with ${draft.clientCode} stand right now?`,
      choices: [...stageChoices(), { value: 'unsure', title: 'Not sure', synonyms: ['unsure', 'dont know', 'idk'] }],
    });
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
    await step.context.sendActivity(`**${stage.title}.** A few questions, one at a time. Type \`skip\` for any you'd rather pass on.`);
    return step.beginDialog(PROMPTS, { draft, index: 0 } satisfies PromptLoop);
  }

  private async askPrompt(step: WaterfallStepContext) {
    const { draft, index } = step.options as PromptLoop;
    const prompts = content().stageById[draft.stage].prompts.slice(0, PROMPTS_PER_DEBRIEF);
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
    const next: Draft = {
      ...draft,
      ...(spread ? { hidden: spread.hidden } : {}),
      answers: [...(spread?.answers ?? draft.answers), { promptId: prompt.id, text: answer.text, skipped: answer.skipped, redactions: answer.redactions }],
      riskFlags: [...new Set([...draft.riskFlags, ...answer.riskFlags])],
    };
    return step.replaceDialog(PROMPTS, { draft: next, index: index + 1 } satisfies PromptLoop);
  }

  // ── movement and stalls ──────────────────────────────────────────────────────────────────────
  private async answered(step: WaterfallStepContext) {
    v(step).draft = step.result as Draft;
    return step.beginDialog(CHOICE, {
      step: 'movement',
      prompt: 'Since last time, how is the relationship moving?',
      choices: MOVEMENTS.map((m) => ({ value: m, title: MOVEMENT_TITLES[m] })),
    });
  }

  private async movement(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    draft.movement = (step.result as ChoiceResult).value as Movement;
    const stalls = content().stalls[draft.stage];
    if (reportedStall(draft.movement) && stalls) {
      v(step).stallSource = 'reported' satisfies StallSource;
      return step.beginDialog(STALL_DIALOG, { stage: draft.stage, source: 'reported', clientCode: draft.clientCode });
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
    return step.beginDialog(STALL_DIALOG, { stage: draft.stage, source: suggestion.source, why: whyStuck(suggestion), clientCode: draft.clientCode });
  }

  private async stall(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    const outcome = step.result as StallOutcome | undefined;
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
      prompt: 'And you? How are you doing after this one, from 1 (rough) to 5 (good)? Add a few words if you like.',
      inputs: selfCheckInputs(this.app.config.maxTextLength),
      submitTitle: 'Next',
      parser: 'scoreAndNote',
      typedHint: 'Type a number from 1 to 5, then any words, e.g. "3 tired but okay".',
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
    // A rough one (1 or 2) gets a short, proportionate step for them; their own words of distress have had the
    // fuller response already (the screen's pause).
    if (draft.selfCheck.score <= 2 && !draft.riskFlags.includes('psw_distress')) await step.context.sendActivity(selfCareMessage(this.app.safetyAlerts.protocol));
    // Every real debrief ends with the safety question, whatever was written (practice is a made-up case).
    if (draft.practice) return step.next();
    return step.beginDialog(SAFETY_CHECK_DIALOG, { closing: true, ...screenOf(draft) } satisfies SafetyCheckOptions);
  }

  /** A kind named at the closing question is flagged like a screen hit; then the review. */
  private async safetyChecked(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    const kind = step.result as string | undefined;
    if (kind) draft.riskFlags = [...new Set([...draft.riskFlags, kind])];
    return step.beginDialog(REVIEW, draft);
  }

  // ── review: exactly what will be stored; redact more, edit, visibility; save on confirm only ────
  private async review(step: WaterfallStepContext) {
    const draft = step.options as Draft & { namesChecked?: boolean };
    // Before the first review: up to three words that may be names are asked about ("Is 'Dawn' a person?").
    if (!draft.namesChecked && !draft.practice && draft.hidden) {
      const words = unsureQuestions(this.app.config.idSecret, draft.hidden, [...draft.answers.map((a) => a.text), draft.selfCheck.note]);
      if (words.length) return step.replaceDialog(UNSURE, { draft: { ...draft, namesChecked: true }, words } satisfies UnsureLoop);
    }
    v(step).draft = draft;
    await step.context.sendActivity(reviewText(draft));
    return step.beginDialog(CHOICE, {
      step: 'review',
      prompt: 'Save this?',
      choices: [
        { value: 'save', title: 'Save', synonyms: ['yes', 'confirm', 'ok', 'save it'] },
        { value: 'redact', title: 'Hide more words', synonyms: ['redact', 'redact more', 'hide'] },
        { value: 'edit', title: 'Edit an answer', synonyms: ['edit', 'change'] },
        draft.visibility === 'shared'
          ? { value: 'private', title: 'Keep it private', synonyms: ['private'] }
          : { value: 'shared', title: 'Share with my supervisor', synonyms: ['shared', 'share'] },
        // Their own wellbeing words stay theirs unless they choose otherwise (issue 14).
        ...(draft.visibility === 'shared' && draft.selfCheck.note
          ? [draft.selfCheck.noteShared
              ? { value: 'note-private', title: 'Keep my words to myself', synonyms: ['unshare note', 'keep my note'] }
              : { value: 'note-shared', title: 'Share my words too', synonyms: ['share my note', 'share note'] }]
          : []),
      ],
    });
  }

  private async reviewChoice(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    const choice = (step.result as ChoiceResult).value;
    if (choice === 'save') return step.endDialog(await this.save(step, draft));
    if (choice === 'private' || choice === 'shared') return step.replaceDialog(REVIEW, { ...draft, visibility: choice as Visibility });
    if (choice === 'note-shared' || choice === 'note-private') return step.replaceDialog(REVIEW, { ...draft, selfCheck: { ...draft.selfCheck, noteShared: choice === 'note-shared' } });
    v(step).action = choice;
    if (choice === 'redact') {
      return step.beginDialog(RAW_TEXT, { step: 'redact', prompt: 'Which words should I hide? Type them (separate phrases with commas).', skippable: true });
    }
    const prompts = content().stageById[draft.stage].prompts;
    // The questions in full above short numbered buttons: a button cut mid-question reads badly aloud and in Teams.
    const questions = draft.answers.map((a, i) => `${i + 1}. ${prompts.find((p) => p.id === a.promptId)?.text ?? a.promptId}`);
    return step.beginDialog(CHOICE, {
      step: 'edit-which',
      prompt: `Which answer would you like to change?\n\n${questions.join('\n')}`,
      choices: [...draft.answers.map((_, i) => ({ value: String(i), title: `Answer ${i + 1}` })), { value: 'note', title: 'How you are doing' }],
    });
  }

  private async reviewFollowUp(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    if (v(step).action === 'redact') {
      const r = step.result as RawTextResult;
      if (r.skipped) return step.replaceDialog(REVIEW, draft);
      // The typed words are used here, in this turn, and not kept.
      const words = wordsToRedact(r.text);
      let count = 0;
      const answers = draft.answers.map((a) => {
        const out = redactWords({ text: a.text, redactions: a.redactions }, words);
        count += out.count;
        return { ...a, text: out.result.text, redactions: out.result.redactions };
      });
      const note = redactWords({ text: draft.selfCheck.note, redactions: {} }, words);
      count += note.count;
      await step.context.sendActivity(count ? `Done — hidden in ${count} ${count === 1 ? 'place' : 'places'}.` : "I couldn't find those words in your answers. Check the spelling, or try one word at a time.");
      return step.replaceDialog(REVIEW, { ...draft, answers, selfCheck: { ...draft.selfCheck, note: note.result.text } });
    }
    const which = (step.result as ChoiceResult).value;
    v(step).editing = which;
    const prompt = which === 'note' ? 'How are you doing, in a few words?' : content().stageById[draft.stage].prompts.find((p) => p.id === draft.answers[Number(which)]!.promptId)!.text;
    return step.beginDialog(FREE_TEXT, { step: `edit-${which}`, prompt: `${prompt}\n\nType your new answer.`, skippable: true, hidden: draft.hidden, screen: screenOf(draft) });
  }

  private async reviewEdited(step: WaterfallStepContext) {
    const draft = v(step).draft as Draft;
    const answer = step.result as FreeTextAnswer;
    // Skip while editing leaves the answer as it was; only a new answer replaces it.
    if (answer.skipped) return step.replaceDialog(REVIEW, draft);
    const which = v(step).editing as string;
    const riskFlags = [...new Set([...draft.riskFlags, ...answer.riskFlags])];
    // A name found in the new text is hidden in the other answers too.
    const spread = draft.hidden ? spreadFoundNames(this.app.config.idSecret, draft.hidden, answer.found, draft.answers) : { hidden: draft.hidden, answers: draft.answers };
    if (which === 'note') return step.replaceDialog(REVIEW, { ...draft, ...spread, riskFlags, selfCheck: { ...draft.selfCheck, note: answer.text } });
    const answers = spread.answers.map((a, i) => (i === Number(which) ? { ...a, text: answer.text, skipped: answer.skipped, redactions: answer.redactions } : a));
    return step.replaceDialog(REVIEW, { ...draft, hidden: spread.hidden, answers, riskFlags });
  }

  // ── may this word be a name? one question at a time, Hide or Keep, remembered for this client ──────────
  private async askUnsure(step: WaterfallStepContext) {
    const { words } = step.options as UnsureLoop;
    return step.beginDialog(CHOICE, {
      step: 'unsure',
      prompt: `Is "${words[0]}" a person? If so, I'll hide it.`,
      choices: [
        { value: 'hide', title: 'Hide', synonyms: ['yes', 'person', 'hide it', 'a person'] },
        { value: 'keep', title: 'Keep', synonyms: ['no', 'not a person', 'keep it'] },
      ],
    });
  }

  private async unsureAnswered(step: WaterfallStepContext) {
    const { draft, words } = step.options as UnsureLoop;
    const secret = this.app.config.idSecret;
    let next: Draft = draft;
    if ((step.result as ChoiceResult).value === 'hide') {
      const out = hideAnswered(secret, draft.hidden!, words[0]!, draft.answers, draft.selfCheck.note);
      next = { ...draft, hidden: out.hidden, answers: out.answers, selfCheck: { ...draft.selfCheck, note: out.note } };
    } else {
      next = { ...draft, hidden: keepAnswered(secret, draft.hidden!, words[0]!) };
    }
    const rest = words.slice(1);
    return rest.length ? step.replaceDialog(UNSURE, { draft: next, words: rest } satisfies UnsureLoop) : step.replaceDialog(REVIEW, next);
  }

  private async save(step: WaterfallStepContext, draft: Draft): Promise<string | undefined> {
    const person = personOf(step.context);
    const now = this.app.now();
    const doc = reflectionFromDraft(draft, person.id, now, this.app.reflections.ttlSeconds());
    try {
      // Saves the reflection, relationship and follow-up (services/reflections/commit.ts); while storage is
      // down the outbox keeps the reflection on this server and saves it when storage is back.
      const outcome = await this.app.outbox.submit(doc);
      log.info('reflection.saved', { stage: doc.stage, movement: doc.movement, status: outcome, kind: draft.practice ? 'practice' : 'real' });
      if (outcome === 'kept') {
        markDurable(step.context, REFLECTION_KEPT);
        await step.context.sendActivity(REFLECTION_KEPT);
        return doc.id;
      }
    } catch (err) {
      log.error('reflection.save_failed', errorFields(err));
      await step.context.sendActivity("Sorry, I couldn't save that just now. Please try `Save` again in a moment; nothing has been lost yet.");
      throw err;
    }
    // What this debrief learnt about names stays with the client's relationship (hashes only); a failure here
    // loses only that memory, never the reflection.
    if (!draft.practice && draft.hidden) {
      await this.app.relationships.rememberNames(person.id, draft.clientCode, memoryOf(draft.hidden)).catch((err: unknown) => log.warn('reflection.names_not_remembered', errorFields(err)));
    }
    const followUp = draft.stall && !draft.practice ? ` I'll check in about ${draft.clientCode} in ${this.app.config.followUpDays} days.` : '';
    const saved = `Saved. Thank you for taking the time to reflect.${followUp}`;
    // Saved whatever happens to this step's dialog state: if storing the step fails, this is still what is said.
    markDurable(step.context, saved);
    await step.context.sendActivity(saved);
    return doc.id;
  }

  private async saved(step: WaterfallStepContext) {
    return step.endDialog(step.result);
  }
}

/** The unsure-word questions still to ask, and the draft they change. */
interface UnsureLoop {
  draft: Draft & { namesChecked?: boolean };
  words: string[];
}

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

/** What the safety screen knows of this debrief: its id, the code (not for practice) and the categories already raised. */
function screenOf(draft: Draft): ScreenContext {
  return { debriefId: draft.id, clientCode: draft.practice ? undefined : draft.clientCode, raised: [...draft.riskFlags] };
}

function whyStuck(s: StallSuggestion): string {
  if (s.source === 'inferred_duration') return `It's been about ${s.weeks} weeks at this stage.`;
  if (s.source === 'inferred_repeat') return `This is reflection ${s.reflections} at this stage.`;
  return 'Some of what you wrote sounds like things have hit a wall.';
}

/** The waterfall's own values (persisted with the dialog; redacted data only). */
function v(step: WaterfallStepContext): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}
