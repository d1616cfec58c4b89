import assert from 'node:assert/strict';
import { deidentify, type Entity } from '../../../services/deidentify';
import { facilityMentions, forTest } from '../../../services/deidentify/facilityMentions';

/** facilityMentions() over `text` when the rules found the facility `words` (first occurrence). */
function mentions(text: string, words: string): string[] {
  const found: Entity[] = [{ start: text.indexOf(words), end: text.indexOf(words) + words.length, type: 'FACILITY' }];
  return facilityMentions(text, found).map((e) => `${e.start}:${text.slice(e.start, e.end)}`);
}

// Round 23.
describe('deidentify: a facility found is hidden where the text names it again (facilityMentions.ts)', () => {
  it('reads the names a facility is said by: its words, and without an article or its kind of place', () => {
    assert.deepEqual(forTest.namesOf('sunrise lodge'), ['sunrise lodge', 'sunrise']);
    assert.deepEqual(forTest.namesOf('the Kaien House'), ['kaien house']);
    assert.deepEqual(forTest.namesOf('hope mission detox'), ['hope mission detox', 'hope mission']);
    assert.deepEqual(forTest.namesOf('the cove'), ['cove']);
    // Nothing left to say it by: a function word, a keep-list word, a number, two letters.
    assert.equal(forTest.sayable('the'), false);
    assert.equal(forTest.sayable('edmonton'), false);
    assert.equal(forTest.sayable('24'), false);
    assert.equal(forTest.sayable('qe'), false);
    assert.equal(forTest.sayable('sunrise'), true);
  });

  it('hides a name of common words again in a place slot, or after "the" where the facility had one', () => {
    const text = 'back at sunrise lodge for 30 days. then he left sunrise and went to the bridge';
    assert.deepEqual(mentions(text, 'sunrise lodge'), ['8:sunrise lodge', `${text.lastIndexOf('sunrise')}:sunrise`]);
    const cove = 'dwayne asked for the cove again not county detox, said the cove is the only place he slept';
    assert.deepEqual(mentions(cove, 'the cove'), ['17:the cove', `${cove.lastIndexOf('cove')}:cove`]);
    assert.equal(deidentify('he stayed at sunrise lodge. staff at sunrise said no').redacted, 'he stayed at [FACILITY]. staff at [FACILITY] said no');
  });

  it('leaves a name of common words where no place is said, and a town where a town is said', () => {
    // "sunrise" said as the time of day, with no article before the lodge.
    assert.deepEqual(mentions('up before sunrise to drive her to sunrise lodge', 'sunrise lodge').length, 1);
    assert.deepEqual(mentions('we watched the sunrise, then back to sunrise lodge', 'sunrise lodge').length, 1);
    // "brandon" is a town of the list: after "to" it is the town, after "at" the centre.
    assert.deepEqual(mentions('dropped him at brandon friendship centre, he moved to brandon in may', 'brandon friendship centre').length, 1);
    assert.deepEqual(mentions('dropped him at brandon friendship centre, his worker at brandon said ok', 'brandon friendship centre').length, 2);
  });

  it('reads one list of articles everywhere: opening the span, before a mention and after a place word (round 24: "les", "l\'")', () => {
    for (const a of forTest.ARTICLES) {
      assert.ok(forTest.ARTICLE.test(`${a} cove`), a);
      assert.ok(forTest.articleBefore(`for ${a} cove`, `for ${a} `.length), a);
      assert.ok(forTest.slotBefore(`left ${a} cove`, `left ${a} `.length, new Set(['left'])), a);
    }
    assert.equal(forTest.articleBefore('for their cove', 'for their '.length), false);
    assert.deepEqual(forTest.namesOf('les jardins'), ['jardins']);
    assert.deepEqual(mentions('back at sunrise lodge for 30 days. then he left les sunrise', 'sunrise lodge').length, 2);
    assert.deepEqual(mentions('dwayne asked for the cove again, said les cove was full', 'the cove').length, 2);
  });

  it('hides a name no dictionary reads as common wherever it stands', () => {
    assert.deepEqual(mentions('called wexmoor clinic for a bed. wexmoor said full', 'wexmoor clinic'), ['7:wexmoor clinic', '33:wexmoor']);
  });
});
