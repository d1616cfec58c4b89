import assert from 'node:assert/strict';
import { ReferenceStore, type ConversationAddress } from '../../services/references';
import { closeStores, freshStore } from '../helpers/store';

describe('ReferenceStore (real store)', () => {
  after(closeStores);
  const address = (conversationId = 'a:1', serviceUrl = 'https://smba.trafficmanager.net/amer/'): ConversationAddress => ({
    channelId: 'msteams', serviceUrl, conversation: { id: conversationId, conversationType: 'personal', tenantId: 't1' }, bot: { id: '28:bot' }, user: { id: '29:u' },
  });
  const t = (min: number) => new Date(Date.UTC(2026, 10, 25, 12, min));

  it('writes on first sight and on a change, not on a repeat', async () => {
    const store = await freshStore();
    const refs = new ReferenceStore(store.containers.references);
    assert.equal(await refs.remember('p1', address(), t(0)), 'created');
    assert.equal(await refs.remember('p1', address(), t(1)), 'unchanged');
    assert.equal((await refs.get('p1'))?.updatedAt, t(0).toISOString());
    assert.equal(await refs.remember('p1', address('a:1', 'https://smba.trafficmanager.net/emea/'), t(2)), 'updated');
    assert.equal((await refs.get('p1'))?.address.serviceUrl, 'https://smba.trafficmanager.net/emea/');
  });

  it("re-reads after a while, so another instance's removal is noticed", async () => {
    const store = await freshStore();
    const a = new ReferenceStore(store.containers.references);
    const b = new ReferenceStore(store.containers.references);
    await a.remember('p1', address(), t(0));
    assert.equal(await b.remove('p1'), true);
    assert.equal(await a.remember('p1', address(), t(1)), 'unchanged', 'within its memory window: no read');
    assert.equal(await a.remember('p1', address(), t(11)), 'created', 'after ten minutes it checks again');
    assert.equal(await b.remember('p1', address(), t(12), true), 'unchanged', 'force reads the store');
  });

  it('removes only the named conversation when asked to', async () => {
    const store = await freshStore();
    const refs = new ReferenceStore(store.containers.references);
    await refs.remember('p1', address('a:personal'), t(0));
    assert.equal(await refs.remove('p1', 'team-channel'), false);
    assert.ok(await refs.get('p1'));
    assert.equal(await refs.remove('p1', 'a:personal'), true);
    assert.equal(await refs.get('p1'), undefined);
    assert.equal(await refs.remove('p1'), false);
  });
});
