import assert from 'node:assert/strict';
import { contextFeatures, noteContext, tokenize } from '../../../services/deidentify/classifier/features';

describe('deidentify: the name classifier, round 11 (featureSet 6: the wider context)', () => {
  /** The context features of `word` (its `nth` mention) with the note context, wide (featureSet 6) or not. */
  const feats = (text: string, word: string, wide: boolean, nth = 0) => {
    const toks = tokenize(text);
    const at = toks.map((t, i) => (t.raw === word ? i : -1)).filter((i) => i >= 0)[nth]!;
    return new Set(contextFeatures(text, toks, at, noteContext(text, toks, []), 1, wide));
  };
  const extra = (a: Set<number>, b: Set<number>) => [...a].filter((f) => !b.has(f));

  it('adds features only to a featureSet-6 model: older models score the words they always scored', () => {
    const text = 'txtd kiana n her mom abt rent';
    const old = feats(text, 'kiana', false);
    const wide = feats(text, 'kiana', true);
    assert.ok([...old].every((f) => wide.has(f)), 'the older features are all still there');
    assert.ok(extra(wide, old).length >= 8, 'and the wider context is added');
  });

  it("hears a neighbour's ending: two spellings of one verb no list holds end alike (\"txtd\", \"textd\")", () => {
    const wideOnly = (text: string) => new Set(extra(feats(text, 'kiana', true), feats(text, 'kiana', false)));
    const a = wideOnly('so kiana txtd me');
    assert.ok([...a].some((f) => wideOnly('so kiana textd me').has(f) && !wideOnly('so kiana today me').has(f)), 'the ending "td" is shared, and not with "today"');
  });

  it('knows the same word stands in a person\'s slot elsewhere in the note, and not a word that never does', () => {
    const slotted = feats('texted kiana abt rent. later kiana went home', 'kiana', true, 1);
    const never = feats('bought kiana abt rent. later kiana went home', 'kiana', true, 1);
    assert.ok(extra(slotted, never).length > 0, 'a person slot elsewhere is a feature');
    // Its own slot is not "elsewhere": one mention after "texted" has no other mention in a slot.
    const once = feats('texted kiana abt rent', 'kiana', true);
    const twice = feats('texted kiana abt rent. texted kiana again', 'kiana', true);
    assert.ok(extra(twice, once).length > 0, 'two mentions in a slot: each sees the other');
  });
});
