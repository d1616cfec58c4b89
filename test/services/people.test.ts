import assert from 'node:assert/strict';
import { PeopleService, TURN_CACHE_MS } from '../../services/people';
import type { Store } from '../../services/storage/cosmos';
import { closeStores, freshStore } from '../helpers/store';

describe('people', () => {
  let store: Store;
  let clock: number;
  let people: PeopleService;
  let reads: number;
  beforeEach(async () => {
    store = await freshStore();
    clock = 1_000_000;
    people = new PeopleService(store.containers.people, 'America/Toronto', () => clock);
    reads = 0;
    const get = people.get.bind(people);
    people.get = async (id) => { reads++; return get(id); };
  });
  after(closeStores);

  it('creates a PSW on first contact, once, and says so', async () => {
    const first = await people.forTurn('p1');
    assert.equal(first.created, true);
    assert.equal(first.person.role, 'psw');
    assert.equal(first.person.timeZone, 'America/Toronto');
    clock += TURN_CACHE_MS;
    assert.equal((await people.forTurn('p1')).created, false);
  });

  it('reads the person behind a burst of turns once, and again after TURN_CACHE_MS', async () => {
    await people.forTurn('p2');
    const after = reads;
    for (let i = 0; i < 5; i++) await people.forTurn('p2');
    assert.equal(reads, after, 'a burst of turns costs no reads');
    clock += TURN_CACHE_MS;
    await people.forTurn('p2');
    assert.equal(reads, after + 1);
  });

  it('shows a change made through this process at once, and another instance’s within TURN_CACHE_MS', async () => {
    await people.forTurn('p3');
    await people.update('p3', (p) => ({ ...p, role: 'supervisor' }));
    assert.equal((await people.forTurn('p3')).person.role, 'supervisor');

    const elsewhere = new PeopleService(store.containers.people, 'America/Toronto');
    await elsewhere.update('p3', (p) => ({ ...p, role: 'admin' }));
    assert.equal((await people.forTurn('p3')).person.role, 'supervisor', 'stale within the window');
    clock += TURN_CACHE_MS;
    assert.equal((await people.forTurn('p3')).person.role, 'admin');
    assert.equal((await people.get('p3'))?.role, 'admin', 'get always reads storage (access decisions use it)');
  });

  it('forgets a removed person, so the next turn starts afresh', async () => {
    await people.forTurn('p4');
    await people.update('p4', (p) => ({ ...p, alias: 'Four' }));
    assert.equal(await people.remove('p4'), true);
    assert.equal(await people.remove('p4'), false);
    const again = await people.forTurn('p4');
    assert.equal(again.created, true);
    assert.equal(again.person.alias, undefined);
  });
});
