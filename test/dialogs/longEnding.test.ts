// QA: a 10 KB answer with no spaces was refused by quoting its first 2,000 characters back ("up to “xxxx…”"), a wall
// of text on a phone. The quote is the end of the part kept, at most a short line.
import assert from 'node:assert/strict';
import { ending } from '../../dialogs/prompts/freeText';

describe('where the part kept of a long answer ends, quoted', () => {
  it('the last eight words of ordinary text', () => {
    assert.equal(ending('one two three four five six seven eight nine ten'), '…three four five six seven eight nine ten');
  });

  it('at most a short line when there are no spaces to cut at', () => {
    const quoted = ending('x'.repeat(2000));
    assert.ok(quoted.length <= 61, `${quoted.length} characters`);
    assert.ok(quoted.startsWith('…'));
  });
});
