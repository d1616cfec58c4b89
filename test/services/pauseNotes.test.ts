// What a safety pause adds to a debrief (services/reflections/pauseNotes.ts): the words typed there follow the answers
// already given, as answers to the pause; its kinds are flagged once each; a result that added nothing adds nothing.
import assert from 'node:assert/strict';
import { mergePauseAdded, pauseAddedOf, SAFETY_PAUSE_STEP, withPauseAdded } from '../../services/reflections/pauseNotes';

const draft = () => ({
  answers: [{ promptId: 'trust-1', text: 'she said she wants to die', skipped: false, redactions: {} }],
  riskFlags: ['suicide'],
});

describe('what a safety pause adds to a debrief', () => {
  it('keeps the words after the answers, as answers to the pause, and flags new kinds once', () => {
    const added = { riskFlags: ['suicide', 'abuse'], notes: [{ text: 'her [NAME] hits the kids', redactions: { NAME: 1 } }] };
    const next = withPauseAdded(draft(), added);
    assert.deepEqual(next.riskFlags, ['suicide', 'abuse']);
    assert.deepEqual(next.answers.map((a) => a.promptId), ['trust-1', SAFETY_PAUSE_STEP]);
    assert.deepEqual(next.answers[1], { promptId: SAFETY_PAUSE_STEP, text: 'her [NAME] hits the kids', skipped: false, redactions: { NAME: 1 } });
    assert.notEqual(next.answers[1]!.redactions, added.notes[0]!.redactions, 'a copy, not the pause’s object');
  });

  it('reads a pause’s result only when it added something', () => {
    assert.equal(pauseAddedOf(undefined), undefined);
    assert.equal(pauseAddedOf('suicide'), undefined, 'a bare kind is not what a pause ends with');
    assert.equal(pauseAddedOf({ riskFlags: [], notes: [] }), undefined);
    assert.equal(pauseAddedOf({ riskFlags: ['abuse'] }), undefined, 'both lists or nothing');
    assert.deepEqual(pauseAddedOf({ riskFlags: ['abuse'], notes: [] }), { riskFlags: ['abuse'], notes: [] });
    const same = draft();
    assert.equal(withPauseAdded(same, undefined), same);
  });

  it('merges several pauses: kinds once, words in the order typed', () => {
    const merged = mergePauseAdded([
      { riskFlags: ['abuse'], notes: [{ text: 'first', redactions: {} }] },
      undefined,
      { riskFlags: ['abuse', 'overdose'], notes: [{ text: 'second', redactions: {} }] },
    ]);
    assert.deepEqual(merged, { riskFlags: ['abuse', 'overdose'], notes: [{ text: 'first', redactions: {} }, { text: 'second', redactions: {} }] });
    assert.equal(mergePauseAdded([undefined, { riskFlags: [], notes: [] }]), undefined);
  });
});
