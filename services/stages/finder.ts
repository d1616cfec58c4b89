/**
 * Stage finder: proposes where a relationship stands from yes/no answers to the indicator
 * questions in content/stage-finder.json. Each "yes" adds the indicator's weight to its stage.
 * The highest score wins; ties go to the earlier stage, because trust comes first. With no "yes"
 * at all, it proposes trust with the content's fallback reason.
 */
import { STAGE_IDS, content as defaultContent, type Content, type StageId } from '../content';

export type IndicatorId = string;

export interface StageProposal {
  stage: StageId;
  /** Reason phrases of the "yes" answers that point at the proposed stage, heaviest first. */
  reasons: string[];
  scores: Record<StageId, number>;
}

/**
 * Answers for unknown indicator ids are ignored (content may have changed mid-conversation);
 * only `true` counts.
 */
export function proposeStage(answers: Readonly<Record<IndicatorId, boolean>>, c: Content = defaultContent()): StageProposal {
  const scores: Record<StageId, number> = { trust: 0, fostering: 0, bridging: 0, launching: 0 };
  const yes = c.stageFinder.indicators.filter((i) => answers[i.id] === true);
  for (const i of yes) scores[i.stage] += i.weight;

  let stage: StageId = STAGE_IDS[0];
  for (const s of STAGE_IDS) if (scores[s] > scores[stage]) stage = s; // strict: ties keep the earlier stage

  const reasons =
    scores[stage] > 0
      ? yes
          .filter((i) => i.stage === stage)
          .map((i, n) => ({ i, n }))
          .sort((a, b) => b.i.weight - a.i.weight || a.n - b.n)
          .map(({ i }) => i.reason)
      : [c.stageFinder.fallbackReason];
  return { stage, reasons, scores };
}
