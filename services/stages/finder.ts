/**
 * Stage finder: proposes where a relationship stands from yes / no / not sure answers to the indicator questions in
 * content/stage-finder.json. Every question is phrased so that "yes" means that stage's work is there.
 *
 * Asked adaptively, stage by stage in the model's order, up to 2 questions a stage (heaviest first):
 * - trust: both questions, always. Any "no" or "not sure" means trust is still in question; the model puts trust
 *   first, so the finder stops there and proposes building trust ("check trust first" when it was "not sure").
 * - fostering, bridging, launching: the first question; the second only when the first was not a "yes".
 * The proposal is then the furthest stage with a "yes"; with trust there and nothing further, fostering (next).
 * Scores never add up across stages, so a later stage cannot outvote trust in question (issue 14).
 */
import { STAGE_IDS, content as defaultContent, type Content, type Indicator, type StageId } from '../content';

export type IndicatorId = string;
export type FinderAnswer = 'yes' | 'no' | 'unsure';
export type FinderAnswers = Readonly<Record<IndicatorId, FinderAnswer>>;

/** Questions asked per stage, at most. */
export const QUESTIONS_PER_STAGE = 2;

/**
 * One reason for a proposal: an indicator's own words from content (met, or its `unmet` words), or what the dialog
 * says around them ("you're not sure …", "not yet: …"), or that nothing points past trust.
 */
export type FinderReason = { kind: 'met' | 'unmet' | 'unsure' | 'notYet'; text: string } | { kind: 'nothingFurther' };

export interface StageProposal {
  stage: StageId;
  /** Why, in the order asked. */
  reasons: FinderReason[];
  /** Trust answered "no" or "not sure": building trust is proposed whatever else was said. */
  trustInQuestion: boolean;
  /** Trust answered "not sure" (and never "no"): the PSW is asked to check trust first. */
  checkTrustFirst: boolean;
}

/** The questions a stage may ask, heaviest first (file order breaks ties). */
export function stageQuestions(stage: StageId, c: Content = defaultContent()): Indicator[] {
  return c.stageFinder.indicators
    .map((i, n) => ({ i, n }))
    .filter(({ i }) => i.stage === stage)
    .sort((a, b) => b.i.weight - a.i.weight || a.n - b.n)
    .slice(0, QUESTIONS_PER_STAGE)
    .map(({ i }) => i);
}

function trustState(answers: FinderAnswers, c: Content): { asked: boolean; inQuestion: boolean } {
  const trust = stageQuestions('trust', c);
  return { asked: trust.every((i) => answers[i.id]), inQuestion: trust.some((i) => answers[i.id] && answers[i.id] !== 'yes') };
}

/** The next question to ask, or undefined when there is enough to propose a stage. */
export function nextQuestion(answers: FinderAnswers, c: Content = defaultContent()): Indicator | undefined {
  for (const stage of STAGE_IDS) {
    const questions = stageQuestions(stage, c);
    if (stage === 'trust') {
      const open = questions.find((i) => !answers[i.id]);
      if (open) return open;
      if (trustState(answers, c).inQuestion) return undefined;
      continue;
    }
    if (questions.some((i) => answers[i.id] === 'yes')) continue;
    const open = questions.find((i) => !answers[i.id]);
    if (open) return open;
  }
  return undefined;
}

/** Answers for unknown indicator ids are ignored (content may have changed mid-conversation). */
export function proposeStage(answers: FinderAnswers, c: Content = defaultContent()): StageProposal {
  const asked = (stage: StageId) => stageQuestions(stage, c).filter((i) => answers[i.id]);
  const trust = trustState(answers, c);
  if (trust.inQuestion) {
    const doubts = asked('trust').filter((i) => answers[i.id] !== 'yes');
    const reasons = doubts.map((i): FinderReason => (answers[i.id] === 'unsure' ? { kind: 'unsure', text: i.reason } : i.unmet ? { kind: 'unmet', text: i.unmet } : { kind: 'notYet', text: i.reason }));
    return { stage: 'trust', reasons, trustInQuestion: true, checkTrustFirst: doubts.every((i) => answers[i.id] === 'unsure') };
  }
  const reached = [...STAGE_IDS].reverse().find((s) => s !== 'trust' && asked(s).some((i) => answers[i.id] === 'yes'));
  const met = (i: Indicator): FinderReason => ({ kind: 'met', text: i.reason });
  if (reached) return { stage: reached, reasons: asked(reached).filter((i) => answers[i.id] === 'yes').map(met), trustInQuestion: false, checkTrustFirst: false };
  // Trust is there (or nothing was answered) and nothing points further on: fostering comes next; with no answers at all, trust.
  if (!trust.asked) return { stage: 'trust', reasons: [{ kind: 'met', text: c.stageFinder.fallbackReason }], trustInQuestion: false, checkTrustFirst: false };
  return { stage: 'fostering', reasons: [...asked('trust').map(met), { kind: 'nothingFurther' }], trustInQuestion: false, checkTrustFirst: false };
}
