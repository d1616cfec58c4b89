// Deleted means gone from disk too (issue 15, item 9): the embedded store's journal keeps every version of a
// document until it is compacted, so `delete my data` compacts it, and so does any deletion shortly after.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditService } from '../../../services/audit';
import { PeopleService } from '../../../services/people';
import { DataRights } from '../../../services/privacy/dataRights';
import { ReferenceStore } from '../../../services/references';
import { ReflectionOutbox } from '../../../services/reflections/outbox';
import { openStore, type Store } from '../../../services/storage/cosmos';
import { COMPACT_AFTER_DELETE_MS } from '../../../services/storage/embedded';

const SECRET_TEXT = 'Zanzibar-tangerine-0451'; // stands in for an answer that must not outlive its deletion

describe('deleted documents leave the embedded store journal', () => {
  let dir: string;
  let store: Store;
  const journal = () => fs.readFileSync(path.join(dir, 'cosmos-journal.jsonl'), 'utf8');
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'pr-delete-'));
    store = await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('`delete my data`: the deleted answers are gone from the journal when it returns, not at the next restart', async () => {
    const now = () => new Date();
    const rights = new DataRights(store, new PeopleService(store.containers.people, 'America/Toronto'), new ReferenceStore(store.containers.references), new AuditService(store.containers.audit, now), new ReflectionOutbox(path.join(dir, 'outbox'), async () => {}), now);
    const c = store.containers.reflections;
    await c.items.create({ id: 'r1', psw: 'psw-a', text: `first ${SECRET_TEXT}` });
    await c.item('r1', 'psw-a').replace({ id: 'r1', psw: 'psw-a', text: `edited ${SECRET_TEXT}` });
    await c.items.create({ id: 'r2', psw: 'psw-b', text: 'someone else' });
    assert.ok(journal().includes(SECRET_TEXT));
    const counts = await rights.deleteAll('psw-a');
    assert.equal(counts.reflections, 1);
    assert.ok(!journal().includes(SECRET_TEXT), 'no version of the deleted answer is left on disk');
    assert.ok(journal().includes('someone else'), 'other people\'s data stays');
  });

  it('any deletion compacts the journal shortly after (the rest of the turn lands first)', async () => {
    const c = store.containers.relationships;
    await c.items.create({ id: 'x', psw: 'p', note: SECRET_TEXT });
    await c.item('x', 'p').delete();
    assert.ok(journal().includes(SECRET_TEXT), 'still there right after the delete');
    const deadline = Date.now() + COMPACT_AFTER_DELETE_MS + 3000;
    while (journal().includes(SECRET_TEXT) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!journal().includes(SECRET_TEXT), 'gone after the compaction');
    await c.items.create({ id: 'y', psw: 'p' }); // and the store goes on journaling into the new file
    await store.close();
    store = await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir: dir });
    const { resources } = await store.containers.relationships.items.query<string>('SELECT VALUE c.id FROM c').fetchAll();
    assert.deepEqual(resources, ['y']);
  });
});
