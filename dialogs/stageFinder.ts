// "Not sure" where a relationship stands: yes / no / not sure questions from content, asked stage by stage (up to 2
// a stage), then a proposed stage with its reasons (services/stages/finder.ts decides what to ask and what to
// propose; trust still in question means building trust). The PSW accepts it or picks another. Returns a StageId.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { t } from '../services/catalogue';
import { content } from '../services/content';
import type { StageId } from '../services/reflections/model';
import { nextQuestion, proposeStage, type FinderAnswer, type FinderAnswers, type FinderReason, type StageProposal } from '../services/stages/finder';
import { ChoiceStep, yesNo, type ChoiceOption, type ChoiceResult } from './prompts';

export const STAGE_FINDER_DIALOG = 'stageFinder';
const CHOICE = 'stageFinder.choice';
const LOOP = 'stageFinder.loop';

/** Yes, No, or Not sure: a question nobody can answer yet is an answer too. */
const answerChoices = (): ChoiceOption[] => [...yesNo(), { value: 'unsure', title: t('stageFinder.notSure'), synonyms: ['unsure', 'dont know', 'idk', 'maybe', 'no idea'] }];

interface LoopOptions {
  answers: FinderAnswers;
}

export function stageChoices() {
  return content().stages.map((s) => ({ value: s.id, title: s.title, synonyms: [s.id] }));
}

/** What the PSW is told: the proposal and why; "check trust first" when trust was only "not sure". */
/** A reason in the person's words: content's own, or the catalogue's around it. */
function reasonText(r: FinderReason): string {
  if (r.kind === 'nothingFurther') return t('stageFinder.nothingFurther');
  if (r.kind === 'unsure') return t('stageFinder.unsure', { reason: r.text });
  return r.kind === 'notYet' ? t('stageFinder.notYet', { reason: r.text }) : r.text;
}

export function proposalText(p: StageProposal): string {
  const title = content().stageById[p.stage].title;
  const reasons = p.reasons.map((reason) => t('stageFinder.reason', { reason: reasonText(reason) })).join('\n');
  if (p.checkTrustFirst) return t('stageFinder.checkTrustFirst', { stage: title, reasons });
  if (p.trustInQuestion) return t('stageFinder.trustInQuestion', { stage: title, reasons });
  return t('stageFinder.soundsLike', { stage: title, reasons });
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
    return step.beginDialog(LOOP, { answers: {} } satisfies LoopOptions);
  }

  private async ask(step: WaterfallStepContext) {
    const { answers } = step.options as LoopOptions;
    const indicator = nextQuestion(answers);
    if (!indicator) return step.endDialog(answers);
    v(step).asking = indicator.id;
    return step.beginDialog(CHOICE, { step: `finder-${indicator.id}`, prompt: indicator.question, choices: answerChoices() });
  }

  private async record(step: WaterfallStepContext) {
    const { answers } = step.options as LoopOptions;
    const id = v(step).asking as string;
    return step.replaceDialog(LOOP, { answers: { ...answers, [id]: (step.result as ChoiceResult).value as FinderAnswer } } satisfies LoopOptions);
  }

  private async propose(step: WaterfallStepContext) {
    const proposal = proposeStage(step.result as FinderAnswers);
    const stage = content().stageById[proposal.stage];
    v(step).proposed = proposal.stage;
    await step.context.sendActivity(proposalText(proposal));
    const others = stageChoices().filter((c) => c.value !== proposal.stage);
    return step.beginDialog(CHOICE, {
      step: 'finder-accept',
      prompt: t('stageFinder.fits'),
      // "no" alone doesn't say which stage fits instead.
      retry: t('stageFinder.whichFits'),
      choices: [{ value: proposal.stage, title: t('stageFinder.yesStage', { stage: stage.title.toLowerCase() }), synonyms: ['yes', 'y', 'yep', 'sure'] }, ...others],
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
