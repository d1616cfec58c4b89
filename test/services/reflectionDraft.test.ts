// The draft a debrief gathers becomes the stored reflection here (services/reflections/draft.ts), not in a dialog.
import assert from 'node:assert/strict';
import { reflectionFromDraft, type Draft } from '../../services/reflections/draft';
import { hideNames } from '../../services/reflections/hiddenNames';

const draft: Draft = {
  id: 'r-1', practice: false, clientCode: 'C-14', hidden: hideNames('secret', ['Maria']), stage: 'trust', stageChosenBy: 'psw',
  answers: [{ promptId: 'trust-1', text: 'We met at [PLACE]', skipped: false, redactions: { PLACE: 1 } }],
  movement: 'steady', selfCheck: { score: 3, note: 'tired' }, riskFlags: [], visibility: 'shared',
};

describe('reflectionFromDraft', () => {
  const now = new Date('2026-03-02T15:04:05.000Z');

  it('keeps what the review showed, stamps the person, time and retention, and leaves the hidden names behind', () => {
    const doc = reflectionFromDraft(draft, 'psw-1', now, 86_400);
    assert.deepEqual(doc, {
      id: 'r-1', kind: 'reflection', psw: 'psw-1', clientCode: 'C-14', stage: 'trust', stageChosenBy: 'psw', movement: 'steady',
      answers: draft.answers, selfCheck: { score: 3, note: 'tired' }, riskFlags: [], visibility: 'shared', practice: false,
      createdAt: '2026-03-02T15:04:05.000Z', ttl: 86_400,
    });
    assert.ok(!JSON.stringify(doc).includes(JSON.stringify(draft.hidden)));
  });

  it('carries a stall only when the debrief found one', () => {
    const stall = { stage: 'trust' as const, source: 'reported' as const, strategyId: 'trust-s1', flaggedForSupervision: true };
    assert.deepEqual(reflectionFromDraft({ ...draft, stall }, 'psw-1', now, 1).stall, stall);
    assert.equal('stall' in reflectionFromDraft(draft, 'psw-1', now, 1), false);
  });
});
