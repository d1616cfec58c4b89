import assert from 'node:assert/strict';
import { Pacer } from '../../services/scheduler/pacing';

describe('per-conversation pacing', () => {
  it('lets a burst of 7 through, then spaces sends at 7 a second', () => {
    const pacer = new Pacer({ ratePerSecond: 7, burst: 7 });
    const waits = Array.from({ length: 9 }, () => pacer.take('conv-a', 0));
    assert.deepEqual(waits.slice(0, 7), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(waits.slice(7), [143, 286]);
    assert.equal(pacer.take('conv-b', 0), 0, 'another conversation has its own bucket');
    assert.equal(pacer.take('conv-a', 1000), 0, 'refills over time: a second pays back the debt of 2 with room to spare');
  });

  it('forgets the least recently used conversations beyond its size', () => {
    const pacer = new Pacer({ ratePerSecond: 1, burst: 1, maxKeys: 2 });
    pacer.take('a', 0);
    pacer.take('b', 0);
    pacer.take('c', 0); // evicts a
    assert.equal(pacer.take('a', 0), 0, 'a starts with a fresh bucket');
    assert.equal(pacer.take('c', 0), 1000, 'c is still remembered');
  });
});
