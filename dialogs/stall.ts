// A stall at some stage: for an inferred stall, ask first ("does this feel stuck?") and never label silently;
// then surface the stage's reflective questions and concrete strategies (content/, each with its source) at
// once, let the PSW pick one to try, and offer to flag the relationship for supervision.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { content } from '../services/content';
import type { StageId, StallSource } from '../services/reflections/model';
import { ChoiceStep, YES_NO, type ChoiceResult } from './prompts';

export const STALL_DIALOG = 'stall';
const CHOICE = 'stall.choice';

export interface StallOptions {
  stage: StageId;
  source: StallSource;
  /** For an inferred stall: what made us wonder, in plain words. */
  why?: string;
  clientCode: string;
}

export interface StallOutcome {
  /** False when the PSW said it doesn't feel stuck (an inferred stall they didn't confirm). */
  confirmed: boolean;
  strategyId?: string;
  flaggedForSupervision: boolean;
}

const NONE = 'none';

export class StallDialog extends ComponentDialog {
  constructor() {
    super(STALL_DIALOG);
    this.addDialog(new ChoiceStep(CHOICE));
    this.addDialog(new WaterfallDialog(`${STALL_DIALOG}.main`, [
      this.askFirst.bind(this), this.surface.bind(this), this.chosen.bind(this), this.flagged.bind(this),
    ]));
    this.initialDialogId = `${STALL_DIALOG}.main`;
  }

  private async askFirst(step: WaterfallStepContext) {
    const o = step.options as StallOptions;
    if (o.source === 'reported') return step.next();
    return step.beginDialog(CHOICE, { step: 'stall-ask', prompt: `${o.why ?? ''} Does ${o.clientCode} feel stuck to you right now?`.trim(), choices: YES_NO });
  }

  private async surface(step: WaterfallStepContext) {
    const o = step.options as StallOptions;
    if (o.source !== 'reported' && (step.result as ChoiceResult).value !== 'yes') {
      await step.context.sendActivity("Okay, thanks for checking in. I won't mark it as stuck.");
      return step.endDialog({ confirmed: false, flaggedForSupervision: false } satisfies StallOutcome);
    }
    const stalls = content().stalls[o.stage];
    const questions = stalls.questions.map((q) => `• ${q.text}`).join('\n');
    await step.context.sendActivity(`${stalls.intro}\n\n${questions}`);
    // One list: each strategy explained once, with its buttons below (it used to be a list, then the titles again).
    return step.beginDialog(CHOICE, {
      step: 'stall-strategy',
      prompt: 'Some things other peer workers try. Which one would you like to try next time?',
      choices: [
        ...stalls.strategies.map((s) => ({ value: s.id, title: s.title, detail: `${s.text} _(${shortCite(s.source)})_` })),
        { value: NONE, title: 'None for now', synonyms: ['none', 'not now', 'no'] },
      ],
    });
  }

  private async chosen(step: WaterfallStepContext) {
    const picked = (step.result as ChoiceResult).value;
    if (picked !== NONE) {
      v(step).strategyId = picked;
      await step.context.sendActivity(`Good choice. I'll note that you're trying "${(step.result as ChoiceResult).title}".`);
    }
    return step.beginDialog(CHOICE, { step: 'stall-flag', prompt: 'Would you like to flag this relationship for supervision, so you can talk it through?', choices: YES_NO });
  }

  private async flagged(step: WaterfallStepContext) {
    const flag = (step.result as ChoiceResult).value === 'yes';
    if (flag) await step.context.sendActivity("Flagged. Your supervisor will see it with this reflection once you save.");
    return step.endDialog({ confirmed: true, strategyId: v(step).strategyId as string | undefined, flaggedForSupervision: flag } satisfies StallOutcome);
  }
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

/** The waterfall's own values (persisted with the dialog; redacted data only). */
function v(step: WaterfallStepContext): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}
