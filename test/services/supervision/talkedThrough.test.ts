// A flagged stall's talked-through mark on its relationship (issue 19): a summary or digest says "talked through" from
// the relationships it already reads, without looking the records up. Real store, real services: the marks must agree
// with the records (SupervisionAgenda.markTalkedThrough, the query it replaced), through a later Save, a crash between
// the record and the mark, and a new stall.
import assert from 'node:assert/strict';
import type { ReflectionDoc } from '../../../services/reflections/model';
import { relationshipId } from '../../../services/reflections/codes';
import { newReflectionId } from '../../../services/reflections/service';
import type { TeamSummary } from '../../../services/supervision/summaries';
import { weekPeriod } from '../../../services/supervision/period';
import { closeStores } from '../../helpers/store';
import { rosterApp, type Team } from './fixtures';

describe('talked-through marks on the relationships (issue 19)', () => {
  let t: Team;
  const now = new Date('2026-11-25T15:00:00.000Z');
  const since = '2026-11-02T15:00:00.000Z';

  /** The supervisor's team summary: each flagged stall line as [client code, talked through]. */
  const lines = (s: TeamSummary) => s.teams.flatMap((x) => x.psws.flatMap((p) => p.stalls.filter((l) => l.key).map((l) => [l.clientCode, !!l.talkedThrough])));
  const summary = async () => {
    const r = await t.app.supervision.summaries.team(t.supA.id, weekPeriod('America/Toronto', now), now);
    assert.ok(r.ok);
    return r.summary;
  };
  /** The same summary marked from the records (the query the marks replace). */
  const fromRecords = async () => {
    const s = await summary();
    for (const l of s.teams.flatMap((x) => x.psws.flatMap((p) => p.stalls))) delete l.talkedThrough;
    await t.app.supervision.agenda.markTalkedThrough(s);
    return s;
  };
  const agree = async () => assert.deepEqual(lines(await summary()), lines(await fromRecords()));
  const key = (psw: string, code: string, at = since) => `stall|${relationshipId(psw, code)}|${at}`;
  /** A Save reporting a stall flagged for supervision (through the real bookkeeping). */
  const stalled = (psw: string, code: string, createdAt: string): ReflectionDoc => ({
    id: newReflectionId(), kind: 'reflection', psw, clientCode: code, stage: 'bridging', stageChosenBy: 'psw', movement: 'stalling',
    answers: [], selfCheck: { score: 3, note: '' }, riskFlags: [], visibility: 'shared', practice: false, createdAt, ttl: 86_400 * 30,
    stall: { stage: 'bridging', source: 'reported', flaggedForSupervision: true },
  });

  before(async () => {
    t = await rosterApp();
    t.app.now = () => now;
    await t.app.relationships.recordReflection(stalled(t.pswA1.id, 'C-1', since));
    await t.app.relationships.recordReflection(stalled(t.pswA2.id, 'C-2', since));
  });
  after(closeStores);

  it('a flag closed as talked through is said so on the next summary, from the relationship, as the records say', async () => {
    assert.deepEqual(lines(await summary()), [['C-1', false], ['C-2', false]]);
    assert.equal(await t.app.supervision.agenda.close(t.supA.id, key(t.pswA1.id, 'C-1'), undefined, now), 'recorded');
    assert.deepEqual(lines(await summary()), [['C-1', true], ['C-2', false]]);
    await agree();
  });

  it('a later Save of the same stall keeps the mark; a new stall is a new flag, not talked through', async () => {
    const doc = stalled(t.pswA1.id, 'C-1', '2026-11-24T15:00:00.000Z');
    await t.app.relationships.recordReflection(doc);
    assert.deepEqual(lines(await summary()), [['C-1', true], ['C-2', false]]);
    await agree();
    // Progress closes the stall; a stall reported after it begins anew.
    await t.app.relationships.recordReflection({ ...doc, id: newReflectionId(), movement: 'progressing', stall: undefined, createdAt: '2026-11-24T16:00:00.000Z' });
    await t.app.relationships.recordReflection({ ...doc, id: newReflectionId(), createdAt: '2026-11-24T17:00:00.000Z' });
    assert.deepEqual(lines(await summary()), [['C-1', false], ['C-2', false]]);
    await agree();
  });

  it('a crash between the record and the mark is repaired by a repeated close and by the sync at start; a mark without a record is cleared', async () => {
    const { agenda, records } = t.app.supervision;
    // The record was written, then the process died before the mark.
    assert.ok(await records.create({ psw: t.pswA2.id, about: { type: 'stall', relationshipId: relationshipId(t.pswA2.id, 'C-2'), clientCode: 'C-2', stage: 'bridging', since }, action: 'discussed', by: t.supA.id, at: now.toISOString() }));
    assert.deepEqual(lines(await summary()), [['C-1', false], ['C-2', false]], 'until repaired, the summary asks again (never the other way round)');
    assert.deepEqual(await agenda.syncTalkedThrough(), { marked: 1, cleared: 0 });
    await agree();
    assert.deepEqual(await agenda.syncTalkedThrough(), { marked: 0, cleared: 0 }, 'a second sync finds nothing');
    // A close repeated by the supervisor ('already') marks it too.
    await t.app.supervision.agenda.close(t.supA.id, key(t.pswA1.id, 'C-1', '2026-11-24T17:00:00.000Z'), undefined, now);
    assert.deepEqual(lines(await summary()), [['C-1', true], ['C-2', true]]);
    // A record gone (retention swept it) takes the mark with it at the next sync.
    await t.app.store.containers.supervision.item(key(t.pswA2.id, 'C-2'), t.pswA2.id).delete();
    assert.deepEqual(await agenda.syncTalkedThrough(), { marked: 0, cleared: 1 });
    assert.deepEqual(lines(await summary()), [['C-1', true], ['C-2', false]]);
    await agree();
  });
});
