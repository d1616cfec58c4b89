// Round 13 (name model, issue 13): one reader of "names joined in a list" (listJoins.ts) for messy.ts, nameNeighbours.ts
// and the classifier's kind 12. Examples are made up for these tests (no dev note).
import assert from 'node:assert/strict';
import { isJoinWord, joinedTo } from '../../../services/deidentify/listJoins';
import { wordsOf } from '../../../services/deidentify/words';
import { asked, useNameModel } from '../../../services/deidentify/classifier/model';
import { noteContext, tokenize } from '../../../services/deidentify/classifier/features';
import { hidden, stays } from '../../helpers/deidentify';

/** The word joined to `word` in `text` on side `dir`, or '' when none. */
function joined(text: string, word: string, dir: 1 | -1): string {
  const toks = wordsOf(text);
  const j = joinedTo(text, toks, toks.findIndex((t) => t.raw === word), dir);
  return j < 0 ? '' : toks[j]!.raw;
}

describe('deidentify: one reader of names joined in a list', () => {
  it('reads every joiner each reader had: and, n, an, nd, w (with), &, +, / — in any case', () => {
    assert.equal(joined('sky and dre came', 'sky', 1), 'dre');
    assert.equal(joined('me n kai went', 'kai', -1), 'me');
    assert.equal(joined('tash an jo r back', 'tash', 1), 'jo');
    assert.equal(joined('tash nd jo r back', 'jo', -1), 'tash');
    assert.equal(joined('bo w lulu at the park', 'bo', 1), 'lulu');
    assert.equal(joined('memo & paty', 'memo', 1), 'paty');
    assert.equal(joined('hunter +sky', 'sky', -1), 'hunter');
    assert.equal(joined('dre/kai', 'dre', 1), 'kai');
    assert.equal(joined('Sky AND Dre', 'Sky', 1), 'Dre');
  });

  it('reads no comma, no other word and no joiner glued to a mark as a join', () => {
    assert.equal(joined('tina, june came', 'tina', 1), '');
    assert.equal(joined('sky or dre came', 'sky', 1), '');
    assert.equal(joined('sky n, dre came', 'sky', 1), '');
    assert.equal(joined('sky andy dre', 'sky', 1), '');
    assert.equal(joined('sky', 'sky', 1), '');
    assert.equal(isJoinWord('andrew', { start: 0, end: 6 }), false);
    assert.equal(isJoinWord('N', { start: 0, end: 1 }), true);
  });

  describe('the rules alone, with the one reader', () => {
    before(() => useNameModel(null));
    after(() => useNameModel(undefined));

    it('a list-mate after "/" is a name as after "n" or "&" ("keanu/moana")', () => {
      hidden('drove keanu/moana to the clinic', 'moana', 'NAME');
      hidden('kai/reign were fighting again', 'reign', 'NAME');
    });
    it('words joined by "/" that are no people stay', () => {
      stays('he/she said it was fine', 'she');
      stays('mom/dad both came to the meeting', 'dad');
      stays('met with tanisha and/or her worker', 'or');
      stays('gave tanisha an apple', 'apple');
    });
  });

  it('the classifier asks a name-list word joined by "/" or "an" as one joined by "n" (kind 12), not one joined to a plain word', () => {
    const ask = (text: string, word: string, found: string[] = []): number => {
      const toks = tokenize(text);
      const spans = toks.filter((t) => found.includes(t.raw)).map((t) => ({ start: t.start, end: t.end, type: 'NAME' }));
      return asked(text, toks, toks.findIndex((t) => t.raw === word), noteContext(text, toks, spans), true, true, true, true);
    };
    assert.equal(ask('saw tash/chance today', 'chance', ['tash']), 12);
    assert.equal(ask('saw tash an chance today', 'chance', ['tash']), 12);
    // Joined to an everyday word no name list holds, as for n / and (round 12): "chance/luck", "chance an eggs".
    assert.equal(ask('it was chance/luck', 'chance'), 0);
    assert.equal(ask('chance an eggs', 'chance'), 0);
  });
});
