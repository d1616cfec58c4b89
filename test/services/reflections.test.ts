import assert from 'node:assert/strict';
import { applyReflection } from '../../services/reflections/bookkeeping';
import { hideNames, hiddenNamesIn } from '../../services/reflections/hiddenNames';
import type { ReflectionDoc } from '../../services/reflections/model';
import { redactText, redactWords, wordsToRedact } from '../../services/reflections/redact';
import { RelationshipsService } from '../../services/reflections/relationships';
import { newReflectionId, ReflectionsService } from '../../services/reflections/service';
import { followUpDue, scheduleFollowUp } from '../../services/stalls/followUp';
import type { Store } from '../../services/storage/cosmos';
import { closeStores, freshStore } from '../helpers/store';

const SECRET = 'test-secret-test-secret-test-secret-0000';

function reflection(over: Partial<ReflectionDoc> = {}): ReflectionDoc {
  return {
    id: newReflectionId(), kind: 'reflection', psw: 'psw-1', clientCode: 'C-14', stage: 'trust', stageChosenBy: 'psw', movement: 'steady',
    answers: [], selfCheck: { score: 3, note: '' }, riskFlags: [], visibility: 'shared', practice: false,
    createdAt: '2025-03-01T15:00:00.000Z', ttl: 3600, ...over,
  };
}

describe('reflections services', () => {
  let store: Store;
  before(async () => { store = await freshStore(); });
  after(closeStores);

  it('saves a reflection once: a second save of the same id is a 409, not a duplicate', async () => {
    const svc = new ReflectionsService(store.containers.reflections, 730);
    const doc = reflection({ psw: 'psw-save' });
    assert.deepEqual(await svc.save(doc), { created: true });
    assert.deepEqual(await svc.save({ ...doc, movement: 'setback' }), { created: false });
    const page = await svc.listByPsw('psw-save');
    assert.equal(page.items.length, 1);
    assert.equal(page.items[0]!.movement, 'steady');
    assert.equal(svc.ttlSeconds(), 730 * 86400);
  });

  it('lists a PSW\'s reflections newest first, in pages, without other PSWs\' or practice ones', async () => {
    const svc = new ReflectionsService(store.containers.reflections, 730);
    for (let d = 1; d <= 5; d++) await svc.save(reflection({ psw: 'psw-list', createdAt: `2025-03-0${d}T12:00:00.000Z` }));
    await svc.save(reflection({ psw: 'psw-list', practice: true, clientCode: 'PRACTICE', createdAt: '2025-03-09T12:00:00.000Z' }));
    await svc.save(reflection({ psw: 'psw-other', createdAt: '2025-03-08T12:00:00.000Z' }));
    const first = await svc.listByPsw('psw-list', { pageSize: 2 });
    assert.deepEqual(first.items.map((r) => r.createdAt.slice(8, 10)), ['05', '04']);
    assert.ok(first.continuation);
    const second = await svc.listByPsw('psw-list', { pageSize: 2, continuation: first.continuation });
    assert.deepEqual(second.items.map((r) => r.createdAt.slice(8, 10)), ['03', '02']);
    const third = await svc.listByPsw('psw-list', { pageSize: 2, continuation: second.continuation });
    assert.deepEqual(third.items.map((r) => r.createdAt.slice(8, 10)), ['01']);
    assert.equal(third.continuation, undefined);
    assert.equal((await svc.listByPsw('psw-list', { includePractice: true, pageSize: 10 })).items.length, 6);
  });

  it('keeps relationship bookkeeping under concurrent writes (etag retry) and applies a reflection once', async () => {
    const svc = new RelationshipsService(store.containers.relationships);
    const docs = Array.from({ length: 6 }, (_, i) => reflection({ psw: 'psw-race', createdAt: `2025-03-0${i + 1}T12:00:00.000Z` }));
    await Promise.all(docs.map((d) => svc.recordReflection(d)));
    await svc.recordReflection(docs[0]!);
    const rel = await svc.get('psw-race', 'c14');
    assert.equal(rel!.history.length, 6);
    assert.equal(rel!.reflectionsAtStage, 6);
    assert.deepEqual(await svc.recentCodes('psw-race'), ['C-14']);
  });

  it('opens a stall, collects strategies, and closes it on progress', () => {
    let rel = applyReflection(undefined, reflection({ createdAt: '2025-03-01T12:00:00.000Z' }));
    assert.equal(rel.reflectionsAtStage, 1);
    rel = applyReflection(rel, reflection({ movement: 'stalling', createdAt: '2025-03-08T12:00:00.000Z', stall: { stage: 'trust', source: 'reported', strategyId: 'a', flaggedForSupervision: false } }));
    rel = applyReflection(rel, reflection({ movement: 'setback', createdAt: '2025-03-15T12:00:00.000Z', stall: { stage: 'trust', source: 'reported', strategyId: 'b', flaggedForSupervision: true } }));
    assert.deepEqual(rel.stall, { stage: 'trust', since: '2025-03-08T12:00:00.000Z', source: 'reported', strategiesTried: ['a', 'b'], flaggedForSupervision: true });
    assert.equal(rel.stageSince, '2025-03-01T12:00:00.000Z');
    assert.equal(rel.reflectionsAtStage, 3);
    rel = applyReflection(rel, reflection({ movement: 'steady', createdAt: '2025-03-20T12:00:00.000Z' }));
    assert.ok(rel.stall, 'steady keeps the stall open');
    rel = applyReflection(rel, reflection({ stage: 'fostering', movement: 'progressing', createdAt: '2025-03-22T12:00:00.000Z' }));
    assert.equal(rel.stall, undefined);
    assert.equal(rel.stage, 'fostering');
    assert.equal(rel.reflectionsAtStage, 1);
    assert.equal(rel.stageSince, '2025-03-22T12:00:00.000Z');
    assert.deepEqual(rel.history.map((e) => e.movement), ['progressing', 'steady', 'setback', 'stalling', 'steady']);
  });

  it('schedules one follow-up per PSW and code, FOLLOW_UP_DAYS later at 10:00 in the PSW\'s zone', async () => {
    const now = new Date('2025-03-07T23:30:00.000Z'); // Friday 18:30 in Toronto; DST starts on the 9th
    assert.equal(followUpDue(now, 'America/Toronto', 7), '2025-03-14T14:00:00.000Z');
    await scheduleFollowUp(store.containers.schedules, { psw: 'psw-f', clientCode: 'C-14', now, timeZone: 'America/Toronto', days: 7 });
    await scheduleFollowUp(store.containers.schedules, { psw: 'psw-f', clientCode: 'c 14', now, timeZone: 'America/Toronto', days: 3 });
    const { resources } = await store.containers.schedules.items.query({ query: "SELECT * FROM c WHERE c.kind = 'followup' AND c.personId = 'psw-f'" }).fetchAll();
    assert.equal(resources.length, 1);
    assert.equal(resources[0].id, 'followup|psw-f|C14');
    assert.equal(resources[0].due, '2025-03-10T14:00:00.000Z'); // Monday 10:00 EDT
    assert.deepEqual(resources[0].payload, { clientCode: 'c 14' });
  });
});

describe('redaction at the boundary', () => {
  it('hides names given for the debrief without storing them, and redacts more words on request', () => {
    const hidden = hideNames(SECRET, ['Zorblax Quint'])!;
    assert.ok(!JSON.stringify(hidden).toLowerCase().includes('zorblax'));
    assert.deepEqual(hiddenNamesIn(SECRET, hidden, "Met zorblax's sister; Quint was late"), ['zorblax', 'Quint']);
    assert.deepEqual(hiddenNamesIn('another-secret-another-secret-0000000', hidden, 'Met Zorblax'), []);
    const r = redactText("Met Zorblax's sister at the cafe", { secret: SECRET, hidden });
    assert.ok(!r.text.includes('Zorblax'));
    assert.equal(r.redactions.NAME, 1);
    const more = redactWords(r, ['cafe', '[NAME]']);
    assert.equal(more.count, 1);
    assert.match(more.result.text, /at the \[REDACTED\]$/);
    assert.equal(more.result.redactions.REDACTED, 1);
  });

  it('hides two words typed without a comma as one phrase where they stand together, and each where apart', () => {
    assert.deepEqual(wordsToRedact('bus tickets'), ['bus tickets', 'bus', 'tickets']);
    assert.deepEqual(wordsToRedact('Maria, the Elm shelter'), ['Maria', 'the Elm shelter']);
    const one = redactWords({ text: 'I brought the bus tickets I promised', redactions: {} }, wordsToRedact('bus tickets'));
    assert.equal(one.result.text, 'I brought the [REDACTED] I promised');
    assert.equal(one.count, 1);
    const apart = redactWords({ text: 'Maria met Jo, then Jo left', redactions: {} }, wordsToRedact('Maria Jo'));
    assert.equal(apart.result.text, '[REDACTED] met [REDACTED], then [REDACTED] left');
  });
});
