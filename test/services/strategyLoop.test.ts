// Issue 14's loop in the bookkeeping: a strategy picked at a stall is planned and waits to be asked about; the next
// debrief's report clears the plan, is kept on the open stall and in the timeline; counts say planned vs tried.
import assert from 'node:assert/strict';
import { applyReflection, stallClosings } from '../../services/reflections/bookkeeping';
import { reflectionFromDraft, type Draft } from '../../services/reflections/draft';
import type { ReflectionDoc, StrategyOutcome } from '../../services/reflections/model';
import { newReflectionId } from '../../services/reflections/service';
import { tallyEvents, tallyReflections } from '../../services/reflections/strategies';

function reflection(over: Partial<ReflectionDoc> = {}): ReflectionDoc {
  return {
    id: newReflectionId(), kind: 'reflection', psw: 'psw-1', clientCode: 'C-14', stage: 'trust', stageChosenBy: 'psw', movement: 'steady',
    answers: [], selfCheck: { score: 3, note: '' }, riskFlags: [], visibility: 'shared', practice: false,
    createdAt: '2025-03-01T15:00:00.000Z', ttl: 3600, ...over,
  };
}

describe('planned vs tried in the relationship bookkeeping', () => {
  it('a plan waits to be asked about; a report clears it, stays with the open stall and in the timeline', () => {
    const first = reflection({ movement: 'stalling', createdAt: '2025-11-12T15:00:00.000Z', stall: { stage: 'trust', source: 'reported', strategyId: 'a', flaggedForSupervision: false } });
    let rel = applyReflection(undefined, first);
    assert.deepEqual(rel.plan, { strategyId: 'a', stage: 'trust', plannedIn: first.id, at: first.createdAt });
    assert.deepEqual(rel.stall?.strategiesTried, ['a']);
    assert.equal(rel.stall?.outcomes, undefined);

    const report: StrategyOutcome = { strategyId: 'a', stage: 'trust', plannedIn: first.id, outcome: 'helped' };
    rel = applyReflection(rel, reflection({ movement: 'steady', createdAt: '2025-11-19T15:00:00.000Z', strategyOutcome: report }));
    assert.equal(rel.plan, undefined, 'reported: nothing left to ask about');
    assert.ok(rel.stall, 'a strategy that helped does not close the stall: only movement or a new stage does');
    assert.deepEqual(rel.stall!.outcomes, [report]);
    assert.deepEqual(rel.history[0]!.strategyOutcome, report);

    const progress = reflection({ movement: 'progressing', createdAt: '2025-11-26T15:00:00.000Z' });
    rel = applyReflection(rel, progress);
    assert.equal(rel.stall, undefined, 'movement reported: the stall closes');
    assert.deepEqual([...stallClosings(rel.history)], [progress.id], 'the timeline finds the same closing');
    assert.deepEqual(tallyEvents(rel.history), { planned: 1, tried: 1, helped: 1, partly: 0, didntHelp: 0, notTried: 0 });
  });

  it('a new stage closes the stall; a report of an older plan leaves a newer plan waiting', () => {
    const a = reflection({ movement: 'stalling', createdAt: '2025-11-01T15:00:00.000Z', stall: { stage: 'trust', source: 'reported', strategyId: 'a', flaggedForSupervision: false } });
    const b = reflection({ movement: 'setback', createdAt: '2025-11-05T15:00:00.000Z', stall: { stage: 'trust', source: 'reported', strategyId: 'b', flaggedForSupervision: false } });
    let rel = applyReflection(applyReflection(undefined, a), b);
    assert.equal(rel.plan?.plannedIn, b.id, 'the newest plan is the one asked about');
    rel = applyReflection(rel, reflection({ createdAt: '2025-11-06T15:00:00.000Z', strategyOutcome: { strategyId: 'a', stage: 'trust', plannedIn: a.id, outcome: 'not_tried' } }));
    assert.equal(rel.plan?.plannedIn, b.id);
    assert.deepEqual(tallyEvents(rel.history), { planned: 2, tried: 0, helped: 0, partly: 0, didntHelp: 0, notTried: 1 });
    rel = applyReflection(rel, reflection({ stage: 'fostering', createdAt: '2025-11-07T15:00:00.000Z', strategyOutcome: { strategyId: 'b', stage: 'trust', plannedIn: b.id, outcome: 'partly' } }));
    assert.equal(rel.stall, undefined, 'a new stage closes the stall');
    assert.equal(rel.plan, undefined);
  });

  it('the draft carries the report into the saved reflection; tallies over reflections count each once', () => {
    const outcome: StrategyOutcome = { strategyId: 'trust-s-curious', stage: 'trust', plannedIn: 'r-1', outcome: 'didnt_help' };
    const draft: Draft = {
      id: 'r-2', practice: false, clientCode: 'C-1', stage: 'trust', stageChosenBy: 'psw', answers: [], movement: 'stalling', riskFlags: [], visibility: 'shared',
      selfCheck: { score: 4, note: '' }, strategyOutcome: outcome, stall: { stage: 'trust', source: 'reported', strategyId: 'x', flaggedForSupervision: false },
    };
    const doc = reflectionFromDraft(draft, 'psw-1', new Date('2025-11-19T15:00:00Z'), 60);
    assert.deepEqual(doc.strategyOutcome, outcome);
    assert.deepEqual(tallyReflections([doc, reflection()]), { planned: 1, tried: 1, helped: 0, partly: 0, didntHelp: 1, notTried: 0 });
  });
});
