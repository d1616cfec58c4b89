// The worker's own side (issue 18): a short reflection about the PSW themselves, not a client. `reflect me` starts it
// (pick a topic, its 2–3 questions, optionally what they'd like from supervision, the review, Save); a finished
// debrief may offer it — one yes/no, never forced — when its words or a low self-check suggest it
// (services/you/offer.ts decides; debriefOffer below is the debrief's hook, and ReflectionDialog hands over to this
// dialog once the debrief has ended). No client code. Free text is de-identified and screened as it arrives, like a
// debrief's (FreeTextStep). It is saved as a reflection of kind 'self', private: a supervisor sees a count, and only
// the need the PSW chooses to share (docs/REFLECTION.md, "Your own side").
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogReason, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AppServices } from '../services/app';
import { t } from '../services/catalogue';
import { content, type YouTopic } from '../services/content';
import { errorFields, log } from '../services/log';
import type { Draft } from '../services/reflections/draft';
import { redactAnswers, redactWords, wordsToRedact } from '../services/reflections/redact';
import { totalRedactions } from '../services/reflections/redactionCounts';
import { describeRedactions } from '../cards/words/redactions';
import { questionText } from '../cards/words/question';
import { newReflectionId } from '../services/reflections/service';
import { categoryLabel } from '../services/safety/protocol';
import { pauseAddedOf, withPauseAdded } from '../services/reflections/pauseNotes';
import { checkInJob } from '../services/you/checkIn';
import { needNoticeJob } from '../services/you/needNotice';
import { selfReflectionFromDraft, type SelfDraft, type SelfNeed, type SelfOrigin } from '../services/you/model';
import { needsPreviousScore, offerAfterDebrief, type SelfOffer } from '../services/you/offer';
import { SelfReflections } from '../services/you/selfReflections';
import { DRILL_DOWN_DAYS } from '../services/supervision/summaries';
import type { DebriefProgress } from './midDebrief';
import { ChoiceStep, FreeTextStep, matchChoice, RawTextStep, type ChoiceResult, type ChoiceStepOptions, type FreeTextAnswer, type FreeTextSettings, type RawTextResult, type ScreenContext } from './prompts';
import { safetyDialogs } from './safety';
import { markDurable, personOf } from './turn';

export const YOU_DIALOG = 'you';
const MAIN = 'you.main';
const PROMPTS = 'you.prompts';
const REVIEW = 'you.review';
const CHOICE = 'you.choice';
const FREE_TEXT = 'you.freeText';
const RAW_TEXT = 'you.rawText';


export interface YouOptions {
  /** From the router (`reflect me …`): ignored, never kept. */
  args?: string;
  /** Offered after a debrief: asked yes/no first, and opens at its topic if it has one. */
  offer?: SelfOffer;
}

interface PromptLoop {
  draft: SelfDraft;
  index: number;
}

/** Where a finished debrief leaves its offer for ReflectionDialog to hand over to this dialog (this turn only). */
const OFFER_KEY = Symbol('you.offer');

/**
 * The debrief's hook, after its Save: decides whether to offer the worker's own side (services/you/offer.ts) from the
 * debrief's de-identified words, its self-check and the PSW's previous one, and leaves the offer for this turn.
 * Never for practice. A failure here costs only the offer.
 */
export async function debriefOffer(app: AppServices, context: TurnContext, draft: Draft, savedId: string | undefined): Promise<void> {
  if (!savedId || draft.practice) return;
  try {
    const psw = personOf(context).id;
    // Read only when it can change the offer: one query fewer on most Saves (issue 19).
    const recent = needsPreviousScore(draft.selfCheck.score) ? (await app.reflections.listByPsw(psw, { pageSize: 2 })).items : [];
    const previous = recent.find((r) => r.id !== savedId);
    const offer = offerAfterDebrief({ texts: [...draft.answers.map((a) => a.text), draft.selfCheck.note], answers: draft.answers, score: draft.selfCheck.score, previousScore: previous?.selfCheck.score });
    if (offer) {
      context.turnState.set(OFFER_KEY, offer);
      log.info('you.offered', { kind: offer.origin });
    }
  } catch (err) {
    log.warn('you.offer_failed', errorFields(err));
  }
}

/** The offer a debrief left in this turn, taken (so it is made once). */
export function takeDebriefOffer(context: TurnContext): SelfOffer | undefined {
  const offer = context.turnState.get(OFFER_KEY) as SelfOffer | undefined;
  context.turnState.delete(OFFER_KEY);
  return offer;
}

/**
 * What a supervisor learns of a PSW's own side, under `summary <alias>` (after access was decided for that page): how
 * many such reflections in the drill-down's window, and the needs the PSW chose to share — never their answers.
 * Nothing when there are none.
 */
export async function ownSideForSupervisor(app: AppServices, pswId: string, now: Date): Promise<string | undefined> {
  const store = new SelfReflections(app.store.containers.reflections);
  const from = new Date(now.getTime() - DRILL_DOWN_DAYS * 86_400_000).toISOString();
  const to = new Date(now.getTime() + 1).toISOString();
  const [count, needs] = await Promise.all([store.count(pswId, from, to), store.sharedNeeds(pswId, from, to)]);
  if (!count) return undefined;
  const lines = [t('you.supervisorCount', { count, days: DRILL_DOWN_DAYS })];
  for (const n of needs) lines.push(n.text ? t('you.supervisorNeedWords', { need: n.title, words: n.text, date: n.createdAt.slice(0, 10) }) : t('you.supervisorNeed', { need: n.title, date: n.createdAt.slice(0, 10) }));
  return lines.join('\n');
}

export class YouDialog extends ComponentDialog {
  private readonly store: SelfReflections;

  constructor(private readonly app: AppServices, answers: FreeTextSettings) {
    super(YOU_DIALOG);
    this.store = new SelfReflections(app.store.containers.reflections);
    this.addDialog(new ChoiceStep(CHOICE));
    this.addDialog(new FreeTextStep(FREE_TEXT, answers));
    this.addDialog(new RawTextStep(RAW_TEXT, { maxLength: answers.maxLength }));
    for (const d of safetyDialogs(app)) this.addDialog(d);
    this.addDialog(new WaterfallDialog(MAIN, [this.start.bind(this), this.accepted.bind(this), this.topicChosen.bind(this), this.answered.bind(this), this.needChosen.bind(this), this.needWords.bind(this), this.done.bind(this)]));
    this.addDialog(new WaterfallDialog(PROMPTS, [this.askPrompt.bind(this), this.promptAnswered.bind(this)]));
    this.addDialog(new WaterfallDialog(REVIEW, [this.review.bind(this), this.reviewChoice.bind(this), this.hideWords.bind(this)]));
    this.initialDialogId = MAIN;
  }

  /** What the router passes after `reflect me` is raw text and unused: none of it is kept in the dialog's state. */
  override async beginDialog(dc: DialogContext, options?: YouOptions) {
    const { args: _unused, ...kept } = options ?? {};
    return super.beginDialog(dc, kept);
  }

  /** For `stop` and commands typed mid-way (dialogs/router.ts): no client code; answered once anything is written. */
  progress(dc: DialogContext): DebriefProgress | undefined {
    const drafts = this.drafts(dc);
    // Only the offer asked so far: not a reflection yet, so a command typed there is simply the command.
    if (!drafts.length) return undefined;
    return { answered: drafts.some((d) => d.answers.some((a) => !a.skipped) || Boolean(d.need)) };
  }

  /**
   * The offer is one question, never in the way: anything typed there that is not one of its answers (or a card's
   * command button) ends it without a word, and the router takes the turn as if nothing were running.
   */
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const top = this.createChildContext(dc).activeDialog;
    const asked = top?.id === CHOICE ? (top.state as { options?: ChoiceStepOptions }).options : undefined;
    const text = (dc.context.activity.text ?? '').trim();
    const value = dc.context.activity.value as { command?: unknown } | undefined;
    const elsewhere = text ? !matchChoice(text, asked?.choices ?? []) : typeof value?.command === 'string';
    if (asked?.step === 'you-offer' && elsewhere) {
      log.info('you.offer_passed', {});
      await dc.endDialog();
      return { status: DialogTurnStatus.empty };
    }
    return super.continueDialog(dc);
  }

  /** For `worried` typed mid-way: this reflection's id and what it has raised (no client code). */
  screenContext(dc: DialogContext): ScreenContext | undefined {
    const draft = this.drafts(dc)[0];
    return draft ? screenOf(draft) : undefined;
  }

  /** Back from `worried` typed mid-way: the kind named there is flagged on the draft, like a screen hit. */
  override async resumeDialog(dc: DialogContext, reason: DialogReason, result?: unknown) {
    // Words typed at its pause are kept too (services/reflections/pauseNotes.ts).
    const added = pauseAddedOf(result);
    if (added) for (const d of new Set(this.drafts(dc))) Object.assign(d, withPauseAdded(d, added));
    return super.resumeDialog(dc, reason, result);
  }

  /** Every copy of the draft on this dialog's stack (the main waterfall's, the question loop's, the review's). */
  private drafts(dc: DialogContext): SelfDraft[] {
    const out: SelfDraft[] = [];
    for (const instance of this.createChildContext(dc).stack) {
      const state = instance.state as { values?: { draft?: SelfDraft }; options?: SelfDraft & { draft?: SelfDraft } };
      for (const d of [state.values?.draft, state.options?.draft, state.options]) if (d && Array.isArray(d.answers) && Array.isArray(d.riskFlags)) out.push(d);
    }
    return out;
  }

  // ── offered, or typed: then the topic ─────────────────────────────────────────────────────────
  private async start(step: WaterfallStepContext) {
    const { offer } = (step.options ?? {}) as YouOptions;
    if (!offer) {
      await step.context.sendActivity(content().you.texts.intro.text);
      return step.next({ value: 'yes' });
    }
    return step.beginDialog(CHOICE, {
      step: 'you-offer',
      prompt: offer.text,
      choices: [
        { value: 'yes', title: t('you.accept'), synonyms: ['yes', 'y', 'ok', 'okay', 'sure', 'yes please'] },
        ...(offer.checkIn ? [{ value: 'checkin', title: t('you.checkInChoice'), synonyms: ['check in', 'tomorrow', 'check in tomorrow'] }] : []),
        { value: 'no', title: t('prompts.notNow'), synonyms: ['no', 'n', 'no thanks', 'skip', 'later', 'not today'] },
      ],
    });
  }

  private async accepted(step: WaterfallStepContext) {
    const { offer } = (step.options ?? {}) as YouOptions;
    const answer = (step.result as ChoiceResult).value;
    if (answer === 'checkin') {
      // A one-off message tomorrow morning in their own time zone (services/you/checkIn.ts); our words, not theirs.
      const person = personOf(step.context);
      await this.app.jobs.put(checkInJob(person.id, person.timeZone, this.app.now(), content().you.lowSelfCheck.checkIn), this.app.now());
      log.info('you.check_in_set', { kind: offer?.origin ?? 'command' });
      await step.context.sendActivity(t('you.checkInSet'));
      return step.endDialog();
    }
    if (answer !== 'yes') {
      log.info('you.declined', { kind: offer?.origin ?? 'command' });
      await step.context.sendActivity(content().you.texts.declined.text);
      return step.endDialog();
    }
    const origin: SelfOrigin = offer?.origin ?? 'command';
    const draft: SelfDraft = { id: newReflectionId(), topic: '', answers: [], riskFlags: [], origin };
    v(step).draft = draft;
    if (offer?.topic && topicById(offer.topic)) return step.next({ value: offer.topic });
    return step.beginDialog(CHOICE, {
      step: 'you-topic',
      prompt: content().you.texts.pick.text,
      choices: content().you.topics.map((t) => ({ value: t.id, title: t.title, detail: t.summary })),
    });
  }

  private async topicChosen(step: WaterfallStepContext) {
    const draft = v(step).draft as SelfDraft;
    const topic = topicById((step.result as ChoiceResult).value)!;
    draft.topic = topic.id;
    await step.context.sendActivity(t('you.questions', { title: topic.title }));
    return step.beginDialog(PROMPTS, { draft, index: 0 } satisfies PromptLoop);
  }

  private async askPrompt(step: WaterfallStepContext) {
    const { draft, index } = step.options as PromptLoop;
    const prompts = topicById(draft.topic)!.prompts;
    if (index >= prompts.length) return step.endDialog(draft);
    const prompt = prompts[index]!;
    return step.beginDialog(FREE_TEXT, { step: `you-${prompt.id}`, prompt: `(${index + 1}/${prompts.length}) ${prompt.text}`, skippable: true, screen: screenOf(draft) });
  }

  private async promptAnswered(step: WaterfallStepContext) {
    const { draft, index } = step.options as PromptLoop;
    const prompt = topicById(draft.topic)!.prompts[index]!;
    const a = step.result as FreeTextAnswer;
    const next: SelfDraft = withPauseAdded({
      ...draft,
      answers: [...draft.answers, { promptId: prompt.id, text: a.text, skipped: a.skipped, redactions: a.redactions }],
      riskFlags: [...new Set([...draft.riskFlags, ...a.riskFlags])],
    }, a.paused);
    return step.replaceDialog(PROMPTS, { draft: next, index: index + 1 } satisfies PromptLoop);
  }

  // ── what they'd like from supervision (optional) ────────────────────────────────────────────────
  private async answered(step: WaterfallStepContext) {
    v(step).draft = step.result as SelfDraft;
    const s = content().you.supervision;
    return step.beginDialog(CHOICE, {
      step: 'you-need',
      prompt: s.question.text,
      choices: [
        ...s.needs.map((n) => ({ value: n.id, title: n.title, detail: n.text })),
        { value: 'none', title: s.none, synonyms: ['no', 'none', 'nothing', 'skip', 'not now', 'no thanks'] },
      ],
    });
  }

  private async needChosen(step: WaterfallStepContext) {
    const choice = (step.result as ChoiceResult).value;
    if (choice === 'none') return step.next();
    v(step).need = choice;
    const draft = v(step).draft as SelfDraft;
    return step.beginDialog(FREE_TEXT, { step: 'you-need-words', prompt: content().you.supervision.detail.text, skippable: true, screen: screenOf(draft) });
  }

  private async needWords(step: WaterfallStepContext) {
    const draft = v(step).draft as SelfDraft;
    const id = v(step).need as string | undefined;
    if (id) {
      const a = step.result as FreeTextAnswer;
      draft.need = { id, text: a.skipped ? '' : a.text, shared: false, redactions: a.skipped ? {} : a.redactions };
      draft.riskFlags = [...new Set([...draft.riskFlags, ...a.riskFlags])];
      Object.assign(draft, withPauseAdded(draft, a.paused));
    }
    return step.beginDialog(REVIEW, draft);
  }

  private async done(step: WaterfallStepContext) {
    return step.endDialog(step.result);
  }

  // ── review: exactly what will be stored and who sees what; save on confirm only ─────────────────
  private async review(step: WaterfallStepContext) {
    const draft = step.options as SelfDraft;
    v(step).draft = draft;
    await step.context.sendActivity(reviewText(draft));
    return step.beginDialog(CHOICE, {
      step: 'you-review',
      prompt: t('review.savePrompt'),
      choices: [
        { value: 'save', title: t('review.save'), synonyms: ['yes', 'confirm', 'ok', 'save it'] },
        ...(draft.need
          ? [draft.need.shared
              ? { value: 'unshare', title: t('you.unshare'), synonyms: ['unshare', 'keep it private', 'private', 'keep it to myself'] }
              : { value: 'share', title: t('you.share'), synonyms: ['share', 'share it', 'share with my supervisor'] }]
          : []),
        { value: 'hide', title: t('review.hideMore'), synonyms: ['redact', 'hide', 'redact more'] },
        { value: 'discard', title: t('you.discard'), synonyms: ['dont save', 'discard', 'delete', 'no'] },
      ],
    });
  }

  private async reviewChoice(step: WaterfallStepContext) {
    const draft = v(step).draft as SelfDraft;
    const choice = (step.result as ChoiceResult).value;
    if (choice === 'save') return this.save(step, draft);
    if ((choice === 'share' || choice === 'unshare') && draft.need) return step.replaceDialog(REVIEW, { ...draft, need: { ...draft.need, shared: choice === 'share' } });
    if (choice === 'discard') {
      await step.context.sendActivity(t('you.discarded'));
      return step.endDialog();
    }
    return step.beginDialog(RAW_TEXT, { step: 'you-hide', prompt: t('review.whichWords'), skippable: true });
  }

  private async hideWords(step: WaterfallStepContext) {
    const draft = v(step).draft as SelfDraft;
    const r = step.result as RawTextResult;
    if (r.skipped) return step.replaceDialog(REVIEW, draft);
    // The typed words are used here, in this turn, and not kept.
    const hide = wordsToRedact(r.text);
    const hidden = redactAnswers(draft.answers, hide);
    const answers = hidden.answers;
    let count = hidden.count;
    let need: SelfNeed | undefined = draft.need;
    if (need) {
      const out = redactWords({ text: need.text, redactions: need.redactions }, hide);
      count += out.count;
      need = { ...need, text: out.result.text, redactions: out.result.redactions };
    }
    await step.context.sendActivity(count ? t('review.hidden', { count }) : t('you.notFound'));
    return step.replaceDialog(REVIEW, { ...draft, answers, ...(need ? { need } : {}) });
  }

  private async save(step: WaterfallStepContext, draft: SelfDraft) {
    const doc = selfReflectionFromDraft(draft, personOf(step.context).id, this.app.now(), this.app.reflections.ttlSeconds());
    try {
      await this.store.save(doc);
    } catch (err) {
      // Nothing is lost: the review is shown again, and Save can be tapped once storage answers.
      log.error('you.save_failed', errorFields(err));
      await step.context.sendActivity(t('save.failed'));
      return step.replaceDialog(REVIEW, draft);
    }
    log.info('you.saved', { kind: draft.origin, count: draft.answers.filter((a) => !a.skipped).length, status: draft.need?.shared ? 'need_shared' : 'private' });
    const told = draft.need?.shared ? await this.tellSupervisor(doc.psw, doc.id, draft.need) : false;
    const saved = told ? `${content().you.texts.saved.text} ${t('you.needSent')}` : content().you.texts.saved.text;
    markDurable(step.context, saved);
    await step.context.sendActivity(saved);
    return step.endDialog(doc.id);
  }
  /** Tells the PSW's supervisor of a shared need (services/you/needNotice.ts): alias and title only. A failure costs only the notice. */
  private async tellSupervisor(pswId: string, reflectionId: string, need: SelfNeed): Promise<boolean> {
    try {
      const me = await this.app.people.get(pswId);
      if (!me?.supervisorId || !me.alias) return false;
      const title = content().you.supervision.needs.find((n) => n.id === need.id)?.title ?? need.id;
      await this.app.jobs.put(needNoticeJob(reflectionId, me.supervisorId, t('you.needNotice', { alias: me.alias, need: title }), this.app.now()), this.app.now());
      return true;
    } catch (err) {
      log.warn('you.need_notice_failed', errorFields(err));
      return false;
    }
  }
}

function topicById(id: string): YouTopic | undefined {
  return content().you.topics.find((t) => t.id === id);
}

/** What the safety screen knows of this reflection: its id and what it has raised; never a client code. */
function screenOf(draft: SelfDraft): ScreenContext {
  return { debriefId: draft.id, raised: [...draft.riskFlags], self: true };
}

/** Exactly what will be stored, what was hidden, and who will see what. */
export function reviewText(d: SelfDraft): string {
  const topic = topicById(d.topic);
  const prompts = new Map((topic?.prompts ?? []).map((p) => [p.id, p.text]));
  const lines = [t('you.reviewTitle', { topic: topic?.title ?? d.topic }), ''];
  d.answers.forEach((a, i) => {
    lines.push(`${i + 1}. _${prompts.get(a.promptId) ?? questionText(a.promptId) ?? a.promptId}_`);
    lines.push(a.skipped ? `   ${t('you.skipped')}` : `   "${a.text}"`);
  });
  if (d.need) {
    const need = content().you.supervision.needs.find((n) => n.id === d.need!.id)?.title ?? d.need.id;
    lines.push('', d.need.text ? t('you.needWords', { need, words: d.need.text }) : t('you.need', { need }));
  }
  if (d.riskFlags.length) lines.push(t('you.safetyNotes', { kinds: d.riskFlags.map((f) => categoryLabel(f).toLowerCase()).join(', ') }));
  const texts = content().you.texts;
  lines.push('', d.need?.shared ? texts.privacyShared.text : texts.privacy.text);
  const hidden = describeRedactions(totalRedactions({ answers: [...d.answers, ...(d.need ? [{ promptId: 'need', text: d.need.text, skipped: false, redactions: d.need.redactions }] : [])] }));
  lines.push(hidden ? t('debrief.hidden', { what: hidden }) : t('debrief.nothingHidden'));
  return lines.join('\n');
}

/** The waterfall's own values (persisted with the dialog; redacted data only). */
function v(step: WaterfallStepContext): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}
