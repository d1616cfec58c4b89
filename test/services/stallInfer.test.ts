import assert from 'node:assert/strict';
import type { RelationshipDoc } from '../../services/reflections/model';
import { inferStall, otherStageInWords, reportedStall, weeksBetween } from '../../services/stalls/infer';

const rel = (over: Partial<RelationshipDoc> = {}): RelationshipDoc => ({
  id: 'p|C14', kind: 'relationship', psw: 'p', clientCode: 'C-14', stage: 'trust', stageSince: '2025-03-01T15:00:00.000Z',
  reflectionsAtStage: 1, lastMovement: 'steady', lastReflectionAt: '2025-03-01T15:00:00.000Z', history: [], updatedAt: '2025-03-01T15:00:00.000Z', ...over,
});
const base = { stage: 'trust' as const, movement: 'steady' as const, texts: [], now: new Date('2025-03-10T15:00:00.000Z'), timeZone: 'America/Toronto', stallWeeks: 6, stallReflections: 3 };

describe('stall inference', () => {
  it('infers a stall after STALL_REFLECTIONS reflections at the same stage', () => {
    assert.equal(inferStall({ ...base, relationship: rel({ reflectionsAtStage: 1 }) }), undefined);
    const s = inferStall({ ...base, relationship: rel({ reflectionsAtStage: 2 }) });
    assert.equal(s?.source, 'inferred_repeat');
    assert.equal(s?.reflections, 3);
  });

  it('infers a stall after STALL_WEEKS weeks at the same stage, counted in the PSW\'s calendar', () => {
    const since = '2025-01-28T04:30:00.000Z'; // Jan 27 23:30 in Toronto
    const now = new Date('2025-03-10T03:00:00.000Z'); // Mar 9 23:00 in Toronto: 41 days later there, 6 weeks less a day in UTC days
    assert.equal(weeksBetween(since, now, 'America/Toronto'), 5);
    assert.equal(weeksBetween(since, new Date('2025-03-10T13:00:00.000Z'), 'America/Toronto'), 6);
    assert.equal(inferStall({ ...base, now, relationship: rel({ stageSince: since }) }), undefined);
    assert.equal(inferStall({ ...base, now: new Date('2025-03-10T13:00:00.000Z'), relationship: rel({ stageSince: since }) })?.source, 'inferred_duration');
  });

  it('does not count history at another stage', () => {
    assert.equal(inferStall({ ...base, stage: 'fostering', relationship: rel({ reflectionsAtStage: 9, stageSince: '2024-01-01T00:00:00.000Z' }) }), undefined);
  });

  it('infers from stall language, by phrase id only', () => {
    const s = inferStall({ ...base, texts: ['Another no-show today.', 'The referral fell through again'] });
    assert.equal(s?.source, 'inferred_language');
    assert.ok(s!.phrases.length >= 1);
    assert.ok(s!.phrases.every((p) => /^[\w-]+$/.test(p)));
  });

  it('points to another stage when every stage-naming phrase names one other stage', () => {
    const fostering = { ...base, stage: 'fostering' as const };
    assert.equal(inferStall({ ...fostering, texts: ['The referral fell through.'] })?.otherStage, 'bridging');
    assert.equal(inferStall({ ...fostering, texts: ['The referral fell through and it feels stuck.'] })?.otherStage, 'bridging', 'a phrase naming no stage does not count');
    assert.equal(inferStall({ ...fostering, texts: ['The referral fell through.', 'Another no-show today.'] })?.otherStage, undefined, 'two other stages: no one answer');
    assert.equal(inferStall({ ...fostering, texts: ['We only do small talk.'] })?.otherStage, undefined, 'this stage');
    assert.equal(inferStall({ ...base, stage: 'bridging', texts: ['The referral fell through.'] })?.otherStage, undefined);
    // History at this stage says it is stuck here, whatever the words suggest.
    assert.equal(inferStall({ ...fostering, texts: ['The referral fell through.'], relationship: rel({ stage: 'fostering', reflectionsAtStage: 5 }) })?.otherStage, undefined);
  });

  it('otherStageInWords: the one other stage the words name, for a reported stall too', () => {
    assert.equal(otherStageInWords('fostering', ['the detox bed fell through']), 'bridging');
    assert.equal(otherStageInWords('bridging', ['the detox bed fell through']), undefined);
    assert.equal(otherStageInWords('fostering', ['feels stuck']), undefined);
    assert.equal(otherStageInWords('launching', ['another no-show', 'the referral fell through']), undefined);
  });

  it('a setback is not a stall: never reported as one, never inferred', () => {
    assert.equal(reportedStall('setback'), false);
    assert.equal(reportedStall('stalling'), true);
  });

  it('never infers when the PSW reported a stall, a setback or progress', () => {
    for (const movement of ['stalling', 'setback', 'progressing'] as const) {
      assert.equal(inferStall({ ...base, movement, texts: ['no-show'], relationship: rel({ reflectionsAtStage: 9 }) }), undefined);
    }
  });
});
