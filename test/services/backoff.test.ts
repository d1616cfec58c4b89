// One backoff for every retry (services/backoff.ts): exponential with full jitter, capped; Retry-After respected.
import assert from 'node:assert/strict';
import { backoffDelay, retryAfterMs, retryDelayMs } from '../../services/backoff';

describe('backoff (full jitter)', () => {
  const opts = { baseMs: 1000, maxMs: 20_000 };

  it('waits anywhere from 0 up to a ceiling that doubles per attempt, up to the cap', () => {
    const top = { ...opts, random: () => 1 };
    assert.deepEqual([1, 2, 3, 4, 5, 6, 40].map((a) => backoffDelay(a, top)), [1000, 2000, 4000, 8000, 16000, 20000, 20000]);
    assert.equal(backoffDelay(3, { ...opts, random: () => 0 }), 0, 'full jitter: the floor is 0, not half the ceiling');
    assert.equal(backoffDelay(3, { ...opts, random: () => 0.25 }), 1000);
  });

  it('spreads over the whole range with the default random', () => {
    const waits = Array.from({ length: 4000 }, () => backoffDelay(3, opts)); // ceiling 4000
    const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
    assert.ok(waits.every((w) => w >= 0 && w <= 4000));
    assert.ok(Math.min(...waits) < 200, `some waits near 0 (min ${Math.min(...waits)})`);
    assert.ok(Math.max(...waits) > 3800, `some waits near the ceiling (max ${Math.max(...waits)})`);
    assert.ok(Math.abs(mean - 2000) < 150, `mean about half the ceiling (${Math.round(mean)})`);
  });

  it('waits at least as long as Retry-After asks (seconds or a date), within the cap', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const top = { ...opts, random: () => 1 };
    assert.equal(retryDelayMs(1, top, '5', now), 5000);
    assert.equal(retryDelayMs(4, top, '1', now), 8000, 'our backoff when it is longer');
    assert.equal(retryDelayMs(1, top, 'Wed, 25 Nov 2026 12:00:07 GMT', now), 7000);
    assert.equal(retryDelayMs(1, top, '3600', now), 20_000, 'never beyond the cap');
    assert.equal(retryDelayMs(2, top, null, now), 2000, 'no Retry-After: the backoff alone');
    assert.equal(retryAfterMs('soon', now), undefined);
    assert.equal(retryAfterMs('0.5', now), 500);
  });
});
