import { strict as assert } from 'node:assert';
import { content, STAGE_IDS } from '../../services/content';
import { proposeStage } from '../../services/stages/finder';

const yes = (...ids: string[]): Record<string, boolean> => Object.fromEntries(ids.map((id) => [id, true]));

describe('stage finder', () => {
  it('every indicator id used below exists', () => {
    const known = new Set(content().stageFinder.indicators.map((i) => i.id));
    for (const id of ['find-checks-you', 'find-guarded', 'find-open-up', 'find-reach-out', 'find-want-service', 'find-referral', 'find-own-services', 'find-step-back', 'find-other-supports'])
      assert.ok(known.has(id), id);
  });

  it('proposes trust when they still check whether you will show up', () => {
    const p = proposeStage(yes('find-checks-you', 'find-guarded'));
    assert.equal(p.stage, 'trust');
    assert.deepEqual(p.reasons, ["they still check whether you'll show up", 'they share little so far']);
    assert.equal(p.scores.trust, 5);
  });

  it('proposes fostering, bridging and launching from their indicators', () => {
    assert.equal(proposeStage(yes('find-open-up', 'find-reach-out')).stage, 'fostering');
    assert.equal(proposeStage(yes('find-reach-out', 'find-want-service', 'find-referral')).stage, 'bridging');
    const l = proposeStage(yes('find-open-up', 'find-own-services', 'find-step-back', 'find-other-supports'));
    assert.equal(l.stage, 'launching');
    assert.deepEqual(l.reasons, ['they use services mostly on their own', "you've started talking about stepping back", 'they have other people to lean on']);
  });

  it('resolves ties towards the earlier stage: trust comes first', () => {
    const p = proposeStage(yes('find-checks-you', 'find-open-up')); // 3 and 3
    assert.equal(p.scores.trust, p.scores.fostering);
    assert.equal(p.stage, 'trust');
    assert.equal(proposeStage(yes('find-referral', 'find-own-services')).stage, 'bridging'); // 3 and 3
  });

  it('proposes trust with the fallback reason when nothing was answered yes', () => {
    const fallback = content().stageFinder.fallbackReason;
    const cases: Record<string, boolean>[] = [{}, { 'find-open-up': false, 'find-referral': false }];
    for (const answers of cases) {
      const p = proposeStage(answers);
      assert.equal(p.stage, 'trust');
      assert.deepEqual(p.reasons, [fallback]);
      assert.deepEqual(p.scores, { trust: 0, fostering: 0, bridging: 0, launching: 0 });
    }
  });

  it('ignores unknown indicator ids and scores every stage', () => {
    const p = proposeStage({ ...yes('find-want-service'), 'no-such-question': true });
    assert.equal(p.stage, 'bridging');
    assert.deepEqual(Object.keys(p.scores), [...STAGE_IDS]);
    assert.equal(p.scores.bridging, 3);
  });

  it('a "yes" to everything still yields a stage with reasons only for it', () => {
    const all = Object.fromEntries(content().stageFinder.indicators.map((i) => [i.id, true]));
    const p = proposeStage(all);
    const byStage = content().stageFinder.indicators.filter((i) => i.stage === p.stage).map((i) => i.reason);
    assert.ok(p.reasons.every((r) => byStage.includes(r)));
    assert.ok(STAGE_IDS.every((s) => p.scores[s] <= p.scores[p.stage]));
  });
});
