// The exact pre-test before libphonenumber (phoneWindows.ts): a cluster it rules out is one findNumbers finds nothing in.
import assert from 'node:assert/strict';
import { findNumbers } from 'libphonenumber-js';
import { mayHoldPhone } from '../../../services/deidentify/phoneWindows';
import { deidentify } from '../../../services/deidentify';

const found = (cluster: string): number => (findNumbers(cluster, { defaultCountry: 'US', v2: true } as never) as unknown as unknown[]).length;

describe('deidentify: libphonenumber only where a number can be (phoneWindows.ts)', () => {
  it('rules out house numbers, ids and card-like runs that hold no valid NANP number', () => {
    for (const c of ['1234567890', '14 10010 101', '4560012301', '300 - 10010 106', '03262 2437']) {
      assert.equal(mayHoldPhone(c), false, c);
      assert.equal(found(c), 0, c);
    }
  });
  it('keeps every cluster holding a valid number, an international one or the US prefix 011', () => {
    for (const c of ['7805550155', '1 780 555 0134', '9498777106', '5403926876', '+44 20 7946 0958', '011 44 20 7946 0958', '2685551234']) assert.equal(mayHoldPhone(c), true, c);
    for (const c of ['7805550155', '1 780 555 0134', '2685551234']) assert.ok(found(c) > 0, c);
  });
  it('never rules out a cluster libphonenumber finds a number in (seeded random clusters)', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const seps = [' ', '-', '.', ' - ', '/', ' x ', ') ', ''];
    let ruledOut = 0;
    for (let k = 0; k < 400; k++) {
      let s = '';
      const n = 9 + rnd(6);
      for (let i = 0; i < n; i++) s += String(rnd(10)) + (i < n - 1 && rnd(4) === 0 ? seps[rnd(seps.length)] : '');
      if (mayHoldPhone(s)) continue;
      ruledOut++;
      assert.equal(found(s), 0, s);
    }
    assert.ok(ruledOut > 20, `only ${ruledOut} clusters ruled out`);
  });
  it('phones in notes are hidden as before, and the numbers that are none are no phones', () => {
    assert.equal(deidentify('his cell is 1 780 555 0134').redacted, 'his cell is [PHONE]');
    assert.equal(deidentify('cell 587 555 1234 x 12 call after 4').redacted, 'cell [PHONE] call after 4');
    assert.equal(deidentify('office is suite 300 - 10010 106 st').redacted, 'office is [ADDRESS]');
  });
});
