// "Not sure" where a relationship stands: yes/no indicator questions from content, then a proposed stage with
// its reasons (services/stages/finder.ts decides). The PSW accepts it or picks another. Returns a StageId.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { content } from '../services/content';
import type { StageId } from '../services/reflections/model';
import { proposeStage } from '../services/stages/finder';
import { ChoiceStep, YES_NO, type ChoiceResult } from './prompts';

export const STAGE_FINDER_DIALOG = 'stageFinder';
const CHOICE = 'stageFinder.choice';
const LOOP = 'stageFinder.loop';
/** Enough questions to tell the stages apart without tiring anyone. */
export const FINDER_QUESTIONS = 8;

interface LoopOptions {
  index: number;
  answers: Record<string, boolean>;
}

export function stageChoices() {
  return content().stages.map((s) => ({ value: s.id, title: s.title, synonyms: [s.id] }));
}

export class StageFinderDialog extends ComponentDialog {
  constructor() {
    super(STAGE_FINDER_DIALOG);
    this.addDialog(new ChoiceStep(CHOICE));
    this.addDialog(new WaterfallDialog(LOOP, [this.ask.bind(this), this.record.bind(this)]));
    this.addDialog(new WaterfallDialog(`${STAGE_FINDER_DIALOG}.main`, [this.intro.bind(this), this.propose.bind(this), this.decide.bind(this)]));
    this.initialDialogId = `${STAGE_FINDER_DIALOG}.main`;
  }

  private async intro(step: WaterfallStepContext) {
    await step.context.sendActivity(content().stageFinder.intro);
    return step.beginDialog(LOOP, { index: 0, answers: {} } satisfies LoopOptions);
  }

  private async ask(step: WaterfallStepContext) {
    const o = step.options as LoopOptions;
    const indicators = content().stageFinder.indicators.slice(0, FINDER_QUESTIONS);
    if (o.index >= indicators.length) return step.endDialog(o.answers);
    const indicator = indicators[o.index]!;
    return step.beginDialog(CHOICE, { step: `finder-${indicator.id}`, prompt: indicator.question, choices: YES_NO });
  }

  private async record(step: WaterfallStepContext) {
    const o = step.options as LoopOptions;
    const indicator = content().stageFinder.indicators[o.index]!;
    const answers = { ...o.answers, [indicator.id]: (step.result as ChoiceResult).value === 'yes' };
    return step.replaceDialog(LOOP, { index: o.index + 1, answers } satisfies LoopOptions);
  }

  private async propose(step: WaterfallStepContext) {
    const proposal = proposeStage(step.result as Record<string, boolean>);
    const stage = content().stageById[proposal.stage];
    v(step).proposed = proposal.stage;
    const because = proposal.reasons.map((r) => `• ${r}`).join('\n');
    await step.context.sendActivity(`It sounds like **${stage.title}**, because:\n${because}`);
    const others = stageChoices().filter((c) => c.value !== proposal.stage);
    return step.beginDialog(CHOICE, {
      step: 'finder-accept',
      prompt: 'Does that fit?',
      // "no" alone doesn't say which stage fits instead.
      retry: 'Which stage fits better? Tap it, or type its number.',
      choices: [{ value: proposal.stage, title: `Yes, ${stage.title.toLowerCase()}`, synonyms: ['yes', 'y', 'yep', 'sure'] }, ...others],
    });
  }

  private async decide(step: WaterfallStepContext) {
    return step.endDialog((step.result as ChoiceResult).value as StageId);
  }
}

/** The waterfall's own values (persisted with the dialog; redacted data only). */
function v(step: WaterfallStepContext): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}
