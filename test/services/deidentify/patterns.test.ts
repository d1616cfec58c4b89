import assert from 'node:assert/strict';
import { isYear } from '../../../services/deidentify/patterns';
import { hidden, kept } from '../../helpers/deidentify';

describe('deidentify: patterns.ts', () => {
  it('isYear: four digits from 1900 to 2099, and nothing else', () => {
    for (const y of ['1900', '1987', '2019', '2099']) assert.equal(isYear(y), true, y);
    for (const n of ['1899', '2100', '219', '20190', '2019-55', ' 2019', '']) assert.equal(isYear(n), false, n);
  });

  it('a number of a postal code shape after a town is hidden, a year there stays', () => {
    hidden('moved to Edmonton 5821 in june', '5821', 'POSTAL_CODE');
    kept('lives at Edmonton 2019 and');
  });
});
