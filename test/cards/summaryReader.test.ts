// The summary speaks to its reader (issue 14, item 4): a PSW's own distress is "your own wellbeing" on their own
// summary and "their own wellbeing" on their supervisor's.
import assert from 'node:assert/strict';
import { summaryLines } from '../../cards/summary';
import type { PswSummary } from '../../services/supervision/summaries';

function person(scope: PswSummary['scope']): PswSummary {
  return {
    person: { id: 'p1', alias: 'PSW 1', team: 'North', role: 'psw' },
    scope,
    reflections: { total: 2, shared: 2, private: 0 },
    movement: { progressing: 1, steady: 1, stalling: 0, setback: 0 },
    stages: { trust: 1, fostering: 0, bridging: 0, launching: 0 },
    stalls: [],
    flaggedForSupervision: 0,
    riskFlags: { psw_distress: 1, overdose: 1 },
    selfCheck: { weekly: [], average: 2, previousAverage: undefined, low: true, falling: false },
  } as PswSummary;
}

describe('summary lines for their reader', () => {
  it('a supervisor reads "their own wellbeing"; the PSW reads "your own wellbeing"', () => {
    const safety = (p: PswSummary) => summaryLines(p).find((l) => l.title === 'Safety')!.value;
    assert.match(safety(person('supervisee')), /their own wellbeing 1/);
    assert.doesNotMatch(safety(person('supervisee')), /your/);
    assert.match(safety(person('supervisee')), /check in/);
    assert.match(safety(person('own')), /your own wellbeing 1/);
    assert.doesNotMatch(safety(person('own')), /check in/);
  });
});
