import assert from 'node:assert/strict';
import { cardValue } from '../../bench/debrief';
import { fmt, median, percentile } from '../../bench/stats';

describe('benchmark helpers', () => {
  it('percentile is the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(xs, 50), 50);
    assert.equal(percentile(xs, 99), 99);
    assert.equal(percentile(xs, 100), 100);
    assert.equal(percentile([7], 99), 7);
    assert.equal(percentile([1, 2, 3], 0), 1);
    assert.ok(Number.isNaN(percentile([], 50)));
  });

  it('median of odd and even counts, unsorted input left alone', () => {
    const xs = [5, 1, 3];
    assert.equal(median(xs), 3);
    assert.deepEqual(xs, [5, 1, 3]);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });

  it('fmt rounds for the report', () => {
    assert.equal(fmt(1234.56), '1235');
    assert.equal(fmt(1.23456), '1.23');
    assert.equal(fmt(NaN), '–');
  });

  it('cardValue takes the named button of the last card, with extra inputs', () => {
    const body = JSON.stringify({
      activities: [
        { attachments: [{ content: { actions: [{ title: 'Old', data: { step: 'a', nonce: 'x' } }] } }] },
        { attachments: [{ content: { actions: [{ title: 'Yes', data: { step: 'b', nonce: 'n', choice: 'yes' } }, { title: 'No', data: { step: 'b', nonce: 'n', choice: 'no' } }] } }] },
      ],
    });
    assert.deepEqual(cardValue(body, { title: 'No' }), { step: 'b', nonce: 'n', choice: 'no' });
    assert.deepEqual(cardValue(body, { extra: { score: '3' } }), { step: 'b', nonce: 'n', choice: 'yes', score: '3' });
    assert.equal(cardValue(body, { title: 'Maybe' }), undefined);
    assert.equal(cardValue('not json', {}), undefined);
    assert.equal(cardValue(undefined, {}), undefined);
  });
});
