import assert from 'node:assert/strict';
import { deidentify } from '../../services/deidentify';
import { bucket } from '../../services/deidentify/classifier/features';
import { useHalfModel, type HalfModel } from '../../services/deidentify/nameHalves';
import { useOpenerModel } from '../../services/deidentify/openers';
import { slotKeeps } from '../../bench/trainDeid';
import { SLOT_STAYS } from '../../bench/slotStays';
import { stays } from '../helpers/deidentify';

/** A made-up slot model: every slot word scores `bias` against the line 0. */
const modelOf = (prefix: string, bias: number): HalfModel => ({
  version: 1,
  bits: 18,
  threshold: 0,
  trainedOn: { files: [], sha256: '', epochs: 0, seed: 0, tokens: 0, names: 0 },
  weights: { [String(bucket(`${prefix}bias`, ''))]: bias },
});

// Round 17.
describe('bench/trainDeid.ts slotKeeps: a slot model\'s line is chosen only among lines that keep the words that must stay', function () {
  // Each check runs the pipeline over every must-stay phrase (the risk lexicon in four carriers) twice.
  this.timeout(240000);
  afterEach(() => {
    useHalfModel(undefined);
    useOpenerModel(undefined);
  });

  it('refuses a half model that hides every word beside a name ("May" in "In May Kowalczyk moved"), keeps one that hides none', () => {
    const keeps = slotKeeps((m) => { useHalfModel(m); useOpenerModel(null); });
    useHalfModel(modelOf('half:', 1));
    useOpenerModel(null);
    assert.equal(deidentify('In May Kowalczyk moved to the shelter.').redacted, 'In [NAME] to the shelter.');
    assert.equal(keeps(modelOf('half:', 1)), false);
    assert.equal(keeps(modelOf('half:', -1)), true);
  });

  it('refuses an openers\' model that hides every word opening a sentence ("Monday", "ok"), keeps one that hides none', () => {
    const keeps = slotKeeps((m) => { useHalfModel(null); useOpenerModel(m); });
    assert.equal(keeps(modelOf('open:', 1)), false);
    assert.equal(keeps(modelOf('open:', -1)), true);
  });

  it('the shipped models keep every word the check holds them to', () => {
    for (const [text, word] of SLOT_STAYS) stays(text, word);
  });
});
