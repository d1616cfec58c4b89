// Periods as people type them on a phone (QA: `export lastweek`, `summary last wk` were read as an alias).
import assert from 'node:assert/strict';
import { looksLikePeriod, MAX_PERIOD_WEEKS, parsePeriod, PERIOD_AT_END, weekPeriod } from '../../../services/supervision/period';

const ZONE = 'America/Toronto';
const NOW = new Date('2026-11-26T15:00:00Z');

describe('reporting periods as typed', () => {
  it('reads last week however it is run together or shortened', () => {
    const last = weekPeriod(ZONE, NOW, 1);
    for (const typed of ['last week', 'lastweek', 'Last Wk', 'last wk', 'lastwk', 'prev week', 'last  week']) assert.deepEqual(parsePeriod(typed, ZONE, NOW), last, typed);
    for (const typed of ['', 'this week', 'thisweek', 'this wk']) assert.deepEqual(parsePeriod(typed, ZONE, NOW), weekPeriod(ZONE, NOW), typed);
  });

  it('reads N weeks up to the limit, and nothing past it', () => {
    for (const typed of ['4 weeks', '4weeks', '4 wks', 'last 4 weeks', 'past 4 wk']) assert.deepEqual(parsePeriod(typed, ZONE, NOW)?.label, { kind: 'weeksFrom', date: '2026-11-02', weeks: 4 }, typed);
    assert.ok(parsePeriod(`${MAX_PERIOD_WEEKS} weeks`, ZONE, NOW));
    assert.equal(parsePeriod(`${MAX_PERIOD_WEEKS + 1} weeks`, ZONE, NOW), undefined);
    assert.equal(parsePeriod('0 weeks', ZONE, NOW), undefined);
    assert.equal(parsePeriod('PSW 1', ZONE, NOW), undefined);
  });

  it('finds period words at the end of a command, and tells period words from an alias', () => {
    assert.deepEqual(PERIOD_AT_END.exec('PSW 1 last wk')?.slice(1), ['PSW 1', 'last wk']);
    assert.deepEqual(PERIOD_AT_END.exec('lastweek')?.slice(1), ['', 'lastweek']);
    assert.deepEqual(PERIOD_AT_END.exec('PSW 1 last 4 weeks')?.slice(1), ['PSW 1', 'last 4 weeks']);
    assert.equal(PERIOD_AT_END.exec('PSW 1'), null);
    assert.ok(looksLikePeriod('13 weeks'));
    assert.ok(looksLikePeriod('last wk'));
    assert.ok(!looksLikePeriod('PSW 1'));
    assert.ok(!looksLikePeriod('PSW 1 4 weeks'));
  });
});
