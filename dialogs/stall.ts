// A stall at some stage: for an inferred stall, ask first ("does this feel stuck?") and never label silently; when the
// words point to another stage than the debrief's ("referral fell through" in a fostering debrief), ask whether the
// relationship is now at that stage and offer that stage's help if so. Then a phone screen of help: the stage's intro
// and two of its reflective questions, and three strategies (content/, each with its source) with "More ideas" and
// "None for now" — five buttons; "More ideas" shows the rest (a choice set past six, as every choice). The PSW picks one to try and may flag the relationship for
// supervision; picking "Take it to supervision" is that flag, so it is not asked again.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { t, type MessageKey } from '../services/catalogue';
import { content } from '../services/content';
import type { StageId, StallSource } from '../services/reflections/model';
import { isSupervisionStrategy } from '../services/stalls/strategies';
import type { StallSuggestion } from '../services/stalls/infer';
import { ChoiceStep, yesNo, type ChoiceResult } from './prompts';
import type { ChoiceOption } from './prompts/match';
import { teamHelpedLines } from './supervision/whatHelps';
import type { AppServices } from './turn';

export const STALL_DIALOG = 'stall';
const CHOICE = 'stall.choice';
const STRATEGIES = 'stall.strategies';

/** Strategies shown first: with "More ideas" and "None for now", five buttons — one phone screen. */
export const STRATEGIES_FIRST = 3;
/** Reflective questions shown above the strategies. */
export const QUESTIONS_SHOWN = 2;

export interface StallOptions {
  stage: StageId;
  source: StallSource;
  /** For an inferred stall: what suggested it (the words point to `otherStage`, or how long at this stage). */
  suggestion?: StallSuggestion;
  /** For a reported stall: the one other stage the answers' words point to (services/stalls/infer.ts). */
  otherStage?: StageId;
  clientCode: string;
}

export interface StallOutcome {
  /** False when the PSW said it doesn't feel stuck (an inferred stall they didn't confirm). */
  confirmed: boolean;
  /** The stage the PSW said the relationship is now at, when it is not the debrief's (issue 14): the debrief takes it. */
  stage?: StageId;
  strategyId?: string;
  flaggedForSupervision: boolean;
}

/** What the PSW says when a setback is chosen: recorded as the movement, never labelled a stall (issue 14). */
export const setbackNote = (): string => t('stall.setback');

const NONE = 'none';
const MORE = 'more';
const BACK = 'back';

interface Values {
  stage: StageId;
  strategyId?: string;
  flagged?: boolean;
}

interface PageOptions {
  stage: StageId;
  page: number;
}

export class StallDialog extends ComponentDialog {
  /** `app`: the services the stall step reads (what helped the PSW's team: dialogs/supervision/whatHelps.ts). */
  constructor(private readonly app: AppServices) {
    super(STALL_DIALOG);
    this.addDialog(new ChoiceStep(CHOICE));
    this.addDialog(new WaterfallDialog(`${STALL_DIALOG}.main`, [
      this.askStage.bind(this), this.askFirst.bind(this), this.surface.bind(this), this.chosen.bind(this), this.flagged.bind(this),
    ]));
    this.addDialog(new WaterfallDialog(STRATEGIES, [this.showPage.bind(this), this.pagePicked.bind(this)]));
    this.initialDialogId = `${STALL_DIALOG}.main`;
  }

  /** Words pointing to another stage: is the relationship there now? Yes-and-stuck takes that stage's help. */
  private async askStage(step: WaterfallStepContext) {
    const o = step.options as StallOptions;
    v(step).stage = o.stage;
    const other = otherStage(o);
    if (!other) return step.next();
    const there = stageTitle(other);
    // A reported stall is stuck wherever it is: only where is asked.
    const yes = o.source === 'reported'
      ? [{ value: 'stuck', title: t('stall.yesNow', { stage: shortStage(other) }), synonyms: ['yes', 'yes stuck', 'stuck'] }]
      : [
          { value: 'stuck', title: t('stall.yesStuck'), synonyms: ['yes', 'yes stuck', 'stuck'] },
          { value: 'moving', title: t('stall.yesMoving'), synonyms: ['yes moving', 'moving', 'yes but not stuck'] },
        ];
    return step.beginDialog(CHOICE, {
      step: 'stall-stage',
      prompt: t('stall.otherStage', { there: there.toLowerCase(), here: stageTitle(o.stage).toLowerCase(), clientCode: o.clientCode }),
      choices: [...yes, { value: 'no', title: t('stall.noStill', { stage: shortStage(o.stage) }), synonyms: ['no', 'not yet', 'still'] }],
    });
  }

  private async askFirst(step: WaterfallStepContext) {
    const o = step.options as StallOptions;
    const answer = (step.result as ChoiceResult | undefined)?.value;
    if (answer === 'stuck') {
      v(step).stage = otherStage(o)!;
      return step.next({ value: 'yes' });
    }
    if (answer === 'moving') {
      await step.context.sendActivity(t('stall.notedStage', { clientCode: o.clientCode, stage: stageTitle(otherStage(o)!).toLowerCase() }));
      return step.endDialog({ confirmed: false, stage: otherStage(o)!, flaggedForSupervision: false } satisfies StallOutcome);
    }
    if (o.source === 'reported') return step.next({ value: 'yes' });
    // Still at this stage (or nothing pointed elsewhere): the usual question, never a silent label.
    const why = answer === 'no' ? '' : whyStuck(o.suggestion);
    const prompt = why ? t('stall.feelStuckBecause', { why, clientCode: o.clientCode }) : t('stall.feelStuck', { clientCode: o.clientCode });
    return step.beginDialog(CHOICE, { step: 'stall-ask', prompt, choices: yesNo() });
  }

  private async surface(step: WaterfallStepContext) {
    const o = step.options as StallOptions;
    if ((step.result as ChoiceResult).value !== 'yes') {
      await step.context.sendActivity(t('stall.notStuck'));
      return step.endDialog(outcome(o, v(step), false));
    }
    const stalls = content().stalls[v(step).stage];
    const questions = stalls.questions.slice(0, QUESTIONS_SHOWN).map((q) => t('prompts.bullet', { text: q.text })).join('\n');
    await step.context.sendActivity(`${stalls.intro}\n\n${questions}`);
    return step.beginDialog(STRATEGIES, { stage: v(step).stage, page: 0 } satisfies PageOptions);
  }

  /** The first three strategies, explained, with "More ideas" and "None for now"; then, if asked, the rest. */
  private async showPage(step: WaterfallStepContext) {
    const { stage, page } = step.options as PageOptions;
    const helped = await teamHelpedLines(this.app, step.context, stage); // "Peer workers on your team found this helped 4 of 6 times."
    const all = content().stalls[stage].strategies;
    const shown = page === 0 ? all.slice(0, STRATEGIES_FIRST) : all.slice(STRATEGIES_FIRST);
    const more = page === 0 && all.length > STRATEGIES_FIRST;
    const choices: ChoiceOption[] = [
      ...shown.map((s) => ({ value: s.id, title: s.title, detail: strategyDetail(s) + (helped.get(s.id) ?? '') })),
      ...(more ? [{ value: MORE, title: t('stall.moreIdeas'), synonyms: ['more', 'others', 'other ideas', 'something else'] }] : []),
      // The second page leads back to the first three, so "More ideas" is never a one-way door.
      ...(page > 0 ? [{ value: BACK, title: t('stall.back'), synonyms: ['back', 'go back', 'first ideas', 'previous'] }] : []),
      { value: NONE, title: t('stall.noneForNow'), synonyms: ['none', 'not now', 'no'] },
    ];
    return step.beginDialog(CHOICE, {
      step: `stall-strategy-${page + 1}`,
      prompt: page === 0 ? t('stall.tryFirst') : t('stall.tryMore'),
      choices,
    });
  }

  private async pagePicked(step: WaterfallStepContext) {
    const { stage, page } = step.options as PageOptions;
    const picked = step.result as ChoiceResult;
    if (picked.value === MORE) return step.replaceDialog(STRATEGIES, { stage, page: page + 1 } satisfies PageOptions);
    if (picked.value === BACK) return step.replaceDialog(STRATEGIES, { stage, page: 0 } satisfies PageOptions);
    return step.endDialog(picked);
  }

  private async chosen(step: WaterfallStepContext) {
    const o = step.options as StallOptions;
    const picked = step.result as ChoiceResult;
    if (picked.value === NONE) return this.askFlag(step);
    v(step).strategyId = picked.value;
    // Taking it to supervision is the flag: said once, not asked again.
    if (isSupervisionStrategy(picked.value)) {
      await step.context.sendActivity(t('stall.flaggedByStrategy', { clientCode: o.clientCode }));
      return step.endDialog(outcome(o, { ...v(step), flagged: true }, true));
    }
    await step.context.sendActivity(t('stall.planning', { strategy: picked.title }));
    return this.askFlag(step);
  }

  private async askFlag(step: WaterfallStepContext) {
    return step.beginDialog(CHOICE, { step: 'stall-flag', prompt: t('stall.askFlag'), choices: yesNo() });
  }

  private async flagged(step: WaterfallStepContext) {
    const o = step.options as StallOptions;
    const flag = (step.result as ChoiceResult).value === 'yes';
    if (flag) await step.context.sendActivity(t('stall.flagged'));
    return step.endDialog(outcome(o, { ...v(step), flagged: flag }, true));
  }
}

/** Where the words point, if elsewhere: for a reported stall, or one inferred from the words alone. */
function otherStage(o: StallOptions): StageId | undefined {
  return o.source === 'reported' ? o.otherStage : o.source === 'inferred_language' ? o.suggestion?.otherStage : undefined;
}

function outcome(o: StallOptions, values: Values, confirmed: boolean): StallOutcome {
  return {
    confirmed,
    ...(values.stage !== o.stage ? { stage: values.stage } : {}),
    ...(confirmed && values.strategyId ? { strategyId: values.strategyId } : {}),
    flaggedForSupervision: confirmed && values.flagged === true,
  };
}

/** A strategy's explanation under its title: what to do, and where it comes from. */
function strategyDetail(s: { text: string; source: string }): string {
  return `${s.text} _(${shortCite(s.source)})_`;
}

/** What made us wonder, in plain words (an inferred stall at this stage). */
function whyStuck(s: StallSuggestion | undefined): string {
  if (!s) return '';
  if (s.source === 'inferred_duration') return t('stall.weeks', { weeks: s.weeks });
  if (s.source === 'inferred_repeat') return t('stall.repeat', { count: s.reflections });
  return t('stall.hitAWall');
}

function stageTitle(stage: StageId): string {
  return content().stageById[stage].title;
}

/** Short enough for a button: "No, still fostering". */
const SHORT_STAGE: Partial<Record<StageId, MessageKey>> = { trust: 'stall.short.trust', fostering: 'stall.short.fostering', bridging: 'stall.short.bridging', launching: 'stall.short.launching' };

function shortStage(stage: StageId): string {
  const key = SHORT_STAGE[stage];
  return key ? t(key) : stageTitle(stage).toLowerCase();
}

/** "Lennox 2021" or the source's title: enough to find it, short enough for a phone. */
function shortCite(id: string): string {
  const s = content().sourceById.get(id);
  if (!s) return id;
  if (!s.authors) return clip(s.title.replace(/\s*[(:].*$/, ''), 48);
  // "Choi J, Jackson J" → "Choi"; an organisation as author stays whole, or its short name when it has one
  // ("Substance Abuse … (SAMHSA)" → "SAMHSA"); other asides in brackets go.
  const person = /^([\p{L}'-]+) \p{Lu}{1,3}\b/u.exec(s.authors);
  const acronym = /\((\p{Lu}{3,})\)\s*$/u.exec(s.authors);
  const first = person ? person[1] : acronym ? acronym[1] : s.authors.replace(/\s*\(.*$/, '');
  return [first, s.year].filter(Boolean).join(' ');
}

/** Cut at a word boundary, never mid-word ("…competency material: co"). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/** The waterfall's own values (persisted with the dialog; ids only). */
function v(step: WaterfallStepContext): Values {
  return step.values as Values;
}
