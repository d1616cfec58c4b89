import { strict as assert } from 'node:assert';
import { loboFromDoc } from '../../bench/screen';

describe('bench:screen keeps the leave-one-batch-out section', () => {
  const lobo = ['### Leave one batch out (`npm run bench:screen -- --lobo`)', '', '| batch | n |', '| d | 3 |'];

  it('a run without --lobo takes the section from docs/SAFETY.md as it stands, up to the next heading', () => {
    const doc = ['<!-- bench:screen begin -->', '### Speed', '- fast', '', ...lobo, '', '### Still missed on the test set', '- none', '<!-- bench:screen end -->'].join('\n');
    assert.deepEqual(loboFromDoc(doc), lobo);
  });

  it('also when it is the last section of the block', () => {
    assert.deepEqual(loboFromDoc(['### Speed', ...['', ...lobo], '<!-- bench:screen end -->'].join('\n')), lobo);
  });

  it('nothing when the doc has none', () => {
    assert.deepEqual(loboFromDoc('### Speed\n- fast\n<!-- bench:screen end -->'), []);
  });
});
