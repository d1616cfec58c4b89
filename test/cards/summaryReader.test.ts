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

describe('summary lines for a supervisor: their side, and what each flag invites (Proctor)', () => {
  const stall = { stage: 'trust' as const, days: 15, strategiesTried: ['trust-s-name-reconnect'], flaggedForSupervision: true, clientCode: 'T-4' };
  const quiet = { stage: 'bridging' as const, days: 3, strategiesTried: [], flaggedForSupervision: false };
  const withFlags = (scope: PswSummary['scope']): PswSummary => ({ ...person(scope), stalls: scope === 'own' ? [stall, { ...quiet, clientCode: 'B-2' }] : [stall, quiet], flaggedForSupervision: 1 });
  const line = (p: PswSummary, title: string) => summaryLines(p).filter((l) => l.title === title).map((l) => l.value);

  it('a supervisor reads that they were asked, and a client code only where the PSW flagged it', () => {
    const [stalls] = line(withFlags('supervisee'), 'Stalls');
    assert.match(stalls!, /T-4: stalled at Building trust for 2 weeks; planned Name it and reconnect — they asked to talk it through with you/);
    assert.match(stalls!, /A client: stalled at Bridging to services for 3 days; no strategy planned yet/);
    assert.deepEqual(line(withFlags('supervisee'), 'To talk through'), ['1 relationship they flagged for you (type `flags`)']);
    const [own] = line(withFlags('own'), 'Stalls');
    assert.match(own!, /T-4: stalled at Building trust for 2 weeks; planned Name it and reconnect — flagged for supervision/);
    assert.match(own!, /B-2: stalled/);
    assert.deepEqual(line(withFlags('own'), 'For supervision'), ['1 relationship flagged']);
  });

  it('names the conversation each kind of flag invites, once each, to a supervisor only', () => {
    const invites = line(withFlags('supervisee'), 'Invites');
    // One "Invites" title, each conversation on its own line (QA: the title was repeated for each).
    assert.deepEqual(invites, [
      [
        "a learning conversation (formative): what they've tried and what might help next.",
        'a support conversation (restorative): how they are, and what support would help.',
        'a safety and standards conversation (normative): the safety protocol, what was done and what happens next.',
      ].join('\n'),
    ]);
    assert.deepEqual(line(withFlags('own'), 'Invites'), []);
  });

  it('a flag already talked through says so, and invites nothing more', () => {
    const done: PswSummary = { ...withFlags('supervisee'), stalls: [{ ...stall, talkedThrough: true }], selfCheck: { weekly: [], low: false, falling: false }, riskFlags: {} };
    assert.match(line(done, 'Stalls')[0]!, /— talked through with you$/);
    assert.deepEqual(line(done, 'To talk through'), ['none open; 1 talked through']);
    assert.deepEqual(line(done, 'Invites'), []);
  });

  it('says what is missing in words for its reader, never a dash', () => {
    const empty = (scope: PswSummary['scope']): PswSummary => ({ ...person(scope), movement: { progressing: 0, steady: 0, stalling: 0, setback: 0 }, selfCheck: { weekly: [], low: false, falling: false } });
    assert.deepEqual([...line(empty('supervisee'), 'Movement'), ...line(empty('supervisee'), 'Self-check')], ['nothing shared in this period', 'none shared in this period']);
    assert.deepEqual([...line(empty('own'), 'Movement'), ...line(empty('own'), 'Self-check')], ['no reflections in this period', 'no self-checks in this period']);
    assert.deepEqual(line(person('supervisee'), 'Self-check'), ['2 of 5 on average ⚠ low']);
  });
});
