import assert from 'node:assert/strict';
import { retryAfterMs, retryDelayMs } from '../../services/scheduler/backoff';
import { Pacer } from '../../services/scheduler/pacing';

describe('retry backoff', () => {
  const opts = { baseMs: 1000, maxMs: 20_000, random: () => 1 };

  it('doubles per attempt up to the cap, with jitter in the upper half', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((a) => retryDelayMs(a, opts)), [1000, 2000, 4000, 8000, 16000, 20000]);
    assert.equal(retryDelayMs(3, { ...opts, random: () => 0 }), 2000);
  });

  it('waits at least as long as Retry-After asks (seconds or a date), within the cap', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    assert.equal(retryDelayMs(1, opts, '5', now), 5000);
    assert.equal(retryDelayMs(4, opts, '1', now), 8000, 'our backoff when it is longer');
    assert.equal(retryDelayMs(1, opts, 'Wed, 25 Nov 2026 12:00:07 GMT', now), 7000);
    assert.equal(retryDelayMs(1, opts, '3600', now), 20_000, 'never beyond the cap');
    assert.equal(retryAfterMs('soon', now), undefined);
    assert.equal(retryAfterMs('0.5', now), 500);
  });
});

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
