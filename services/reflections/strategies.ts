// Planned vs tried, counted (issue 14, item 7). A strategy picked at a stall is planned; it is tried only when a later
// debrief reports how it went (anything but "didn't get to it"). The same counts serve a relationship's timeline
// (`history`) and a period's reflections (`my summary`), so the words can never disagree with the list.
import { isTried, type OutcomeWord, type ReflectionDoc, type RelationshipEvent, type StrategyOutcome } from './model';

export interface StrategyTally {
  planned: number;
  /** Reported as helped, partly or didn't help. */
  tried: number;
  helped: number;
  partly: number;
  didntHelp: number;
  /** Reported as "didn't get to it": planned, never tried. */
  notTried: number;
}

/** One planning or reporting moment: a plan made, an outcome reported, or both. */
interface Moment {
  planned?: string;
  outcome?: StrategyOutcome;
}

function tally(moments: Moment[]): StrategyTally {
  const t: StrategyTally = { planned: 0, tried: 0, helped: 0, partly: 0, didntHelp: 0, notTried: 0 };
  const by: Record<OutcomeWord, keyof StrategyTally> = { helped: 'helped', partly: 'partly', didnt_help: 'didntHelp', not_tried: 'notTried' };
  for (const m of moments) {
    if (m.planned) t.planned++;
    if (!m.outcome) continue;
    t[by[m.outcome.outcome]]++;
    if (isTried(m.outcome)) t.tried++;
  }
  return t;
}

/** Over a relationship's timeline (or part of it). */
export function tallyEvents(events: readonly RelationshipEvent[]): StrategyTally {
  return tally(events.map((e) => ({ planned: e.strategyId, outcome: e.strategyOutcome })));
}

/** Over saved reflections (e.g. one person's, in a period). */
export function tallyReflections(docs: readonly Pick<ReflectionDoc, 'stall' | 'strategyOutcome'>[]): StrategyTally {
  return tally(docs.map((d) => ({ planned: d.stall?.strategyId, outcome: d.strategyOutcome })));
}
