import assert from 'node:assert/strict';
import { ReferenceStore, type ConversationAddress } from '../../services/references';
import { closeStores, freshStore } from '../helpers/store';

describe('ReferenceStore (real store)', () => {
  after(closeStores);
  const address = (conversationId = 'a:1', serviceUrl = 'https://smba.trafficmanager.net/amer/'): ConversationAddress => ({
    channelId: 'msteams', serviceUrl, conversation: { id: conversationId, conversationType: 'personal', tenantId: 't1' }, bot: { id: '28:bot' },
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

  it('a reference one instance dropped (403) is stored again when the person writes through another that remembers them', async () => {
    const store = await freshStore();
    const seen = new ReferenceStore(store.containers.references);
    const sender = new ReferenceStore(store.containers.references);
    await seen.remember('p1', address(), t(0));
    assert.equal(await sender.remove('p1', 'a:1', t(1)), true, 'the channel said the conversation is gone');
    assert.equal(await sender.get('p1'), undefined);
    // The person writes again a minute later, through the instance that saw them a minute before.
    assert.equal(await seen.remember('p1', address(), t(2)), 'created');
    assert.equal((await sender.get('p1'))?.address.conversation.id, 'a:1');
    // Erasure leaves nothing behind, not even the mark of a drop.
    await sender.remove('p1', 'a:1', t(3));
    assert.equal(await sender.remove('p1'), false);
    assert.equal((await store.containers.references.items.readAll().fetchAll()).resources.length, 0);
  });

  it("stores no channel id of the person, and rewrites an address stored with one (the document's id is its HMAC)", async () => {
    const store = await freshStore();
    const refs = new ReferenceStore(store.containers.references);
    const carrying = { ...address(), user: { id: '29:raw-channel-id' } } as ConversationAddress;
    await refs.remember('p1', carrying, t(0));
    assert.ok(!JSON.stringify(await refs.get('p1')).includes('29:raw-channel-id'));
    // One stored by an older version: the next message rewrites it.
    await store.containers.references.items.upsert({ id: 'p2', address: carrying, updatedAt: t(0).toISOString() });
    assert.equal(await refs.remember('p2', address(), t(1)), 'updated');
    assert.ok(!JSON.stringify(await refs.get('p2')).includes('29:raw-channel-id'));
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
