// Round 13: one way to leave writers out of a measuring run (bench/deidLowo.ts writersExcept()), read by leave one
// writer out, the name recipe and the facility recipe alike.
import assert from 'node:assert/strict';
import { writersExcept } from '../../bench/deidLowo';

describe('bench: writers left out of a measuring run (DEID_WRITERS_EXCEPT)', () => {
  it('matches whole writer names, any writer', () => {
    const re = writersExcept({ DEID_WRITERS_EXCEPT: 'train-bj|train-bk' })!;
    assert.equal(re.test('train-bj'), true);
    assert.equal(re.test('train-bk'), true);
    assert.equal(re.test('train-b'), false);
    assert.equal(re.test('train-bjx'), false);
    assert.equal(writersExcept({ DEID_WRITERS_EXCEPT: 'hand' })!.test('hand'), true);
  });
  it("reads the older FACILITY_WRITERS_EXCEPT commands the same way, and DEID_WRITERS_EXCEPT first", () => {
    const re = writersExcept({ FACILITY_WRITERS_EXCEPT: '^train-b[hi]$' })!;
    assert.equal(re.test('train-bh'), true);
    assert.equal(re.test('train-bi'), true);
    assert.equal(re.test('train-bg'), false);
    assert.equal(writersExcept({ DEID_WRITERS_EXCEPT: 'train-a', FACILITY_WRITERS_EXCEPT: 'train-b' })!.test('train-b'), false);
  });
  it('leaves no writer out when neither is set', () => {
    assert.equal(writersExcept({}), null);
  });
});
