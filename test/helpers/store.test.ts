import assert from 'node:assert/strict';
import { holdsWord } from './store';

describe('holdsWord (the stored-text search the leak tests use)', () => {
  it('finds a name as a word, whatever its case or what follows it', () => {
    for (const text of ['talked about Joy and the new place', '{"text":"JOY\'s plans"}', '"joy"', 'with Joy.']) assert.ok(holdsWord(text, 'joy'), text);
  });

  it('does not find it inside another word or a machine-made token (a random salt holds "joy" by chance)', () => {
    for (const text of ['we enjoyed it', 'joyful', '"WnKEJoyIIr05mDwG"', '"ab_-joy-cdEFghIJklMN"']) assert.ok(!holdsWord(text, 'joy'), text);
  });
});
