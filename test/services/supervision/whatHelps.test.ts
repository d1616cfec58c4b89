// What helps, learned from practice (issue 14): counts of reported outcomes by stage and strategy, from shared,
// non-practice reflections of the last year; a supervisor's team, or a PSW's team (same supervisor) for the stall step.
import assert from 'node:assert/strict';
import type { StrategyOutcome } from '../../../services/reflections/model';
import { countOutcomes, meaningful, MIN_TRIES } from '../../../services/supervision/whatHelps';
import { closeStores } from '../../helpers/store';
import { putReflections, reflection, rosterApp, type Team } from './fixtures';

const NAME_IT = 'trust-s-name-reconnect';
const outcome = (o: StrategyOutcome['outcome'], strategyId = NAME_IT): StrategyOutcome => ({ strategyId, stage: 'trust', plannedIn: 'r0', outcome: o });

describe('what helps (counts of reported outcomes)', () => {
  it('counts tried as helped, partly or didn’t help; not tried apart; most tried first', () => {
    const counts = countOutcomes([outcome('helped'), outcome('partly'), outcome('didnt_help'), outcome('not_tried'), outcome('helped', 'trust-s-curious')]);
    assert.deepEqual(counts[0], { stage: 'trust', strategyId: NAME_IT, tried: 3, helped: 1, partly: 1, didntHelp: 1, notTried: 1 });
    assert.equal(counts[1]!.strategyId, 'trust-s-curious');
    assert.equal(meaningful(counts[0]!), counts[0]!.tried >= MIN_TRIES);
    assert.equal(meaningful(counts[1]!), false);
  });

  describe('from stored reflections', () => {
    let t: Team;
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    before(async () => {
      t = await rosterApp();
      const a1 = t.pswA1.id;
      const a2 = t.pswA2.id;
      await putReflections(t.app, [
        reflection(a1, ago(1), { strategyOutcome: outcome('helped') }),
        reflection(a1, ago(2), { strategyOutcome: outcome('helped') }),
        reflection(a1, ago(3), { strategyOutcome: outcome('partly') }),
        reflection(a2, ago(4), { strategyOutcome: outcome('helped') }),
        reflection(a2, ago(5), { strategyOutcome: outcome('didnt_help') }),
        reflection(a2, ago(6), { strategyOutcome: outcome('not_tried') }),
        // Not counted: private, practice, older than a year, another team.
        reflection(a2, ago(1), { strategyOutcome: outcome('helped'), visibility: 'private' }),
        reflection(a2, ago(1), { strategyOutcome: outcome('helped'), practice: true }),
        reflection(a1, ago(400), { strategyOutcome: outcome('helped') }),
        reflection(t.pswB1.id, ago(1), { strategyOutcome: outcome('helped') }),
      ]);
    });
    after(closeStores);

    it('gives a supervisor their team’s counts, audited as one read', async () => {
      const r = await t.app.supervision.whatHelps.forSupervisor(t.supA.id, now);
      assert.ok(r.ok);
      assert.deepEqual(r.counts, [{ stage: 'trust', strategyId: NAME_IT, tried: 5, helped: 3, partly: 1, didntHelp: 1, notTried: 1 }]);
      const { resources } = await t.app.store.containers.audit.items.query<{ actor: string; view: string; subjects: string[] }>("SELECT * FROM c WHERE c.view = 'what_helps'").fetchAll();
      assert.equal(resources.filter((a) => a.actor === t.supA.id).length, 1);
      assert.ok(resources[0]!.subjects.includes(t.pswA1.id));
    });

    it('refuses anyone but a supervisor', async () => {
      assert.deepEqual(await t.app.supervision.whatHelps.forSupervisor(t.pswA1.id, now), { ok: false, reason: 'role' });
      assert.deepEqual(await t.app.supervision.whatHelps.forSupervisor(t.admin.id, now), { ok: false, reason: 'role' });
    });

    it('gives a PSW at a stall their team’s counts for that stage only (same supervisor, themself included)', async () => {
      const mine = await t.app.supervision.whatHelps.forTeamOf(t.pswA1.id, 'trust', now);
      assert.deepEqual(mine.get(NAME_IT), { stage: 'trust', strategyId: NAME_IT, tried: 5, helped: 3, partly: 1, didntHelp: 1, notTried: 1 });
      assert.equal((await t.app.supervision.whatHelps.forTeamOf(t.pswA1.id, 'bridging', now)).size, 0);
      const other = await t.app.supervision.whatHelps.forTeamOf(t.pswB1.id, 'trust', now);
      assert.equal(other.get(NAME_IT)?.tried, 1, 'the other team counts only its own');
      assert.equal(meaningful(other.get(NAME_IT)!), false);
    });
  });
});
