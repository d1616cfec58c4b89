import assert from 'node:assert/strict';
import { kindOf, slotOf, whyNone } from '../../bench/deidFacilityShapes';

// Round 22: the facilities left visible, by shape (bench/deidFacilityShapes.ts).
describe('bench/deidFacilityShapes: a facility left visible, by shape', () => {
  const slot = (text: string, place: string) => slotOf(text, text.indexOf(place), text.indexOf(place) + place.length);

  it('reads the slot before the span, an article aside', () => {
    assert.deepEqual(slot('she was admitted to the cove last nite', 'cove'), { slot: 'prep-after-verb', the: true });
    assert.deepEqual(slot('rough nite at the birches again', 'birches'), { slot: 'prep', the: true });
    assert.deepEqual(slot('quiet day. northern star discharged him', 'northern star'), { slot: 'subject-doing', the: false });
    assert.deepEqual(slot('she called pembina twice', 'pembina'), { slot: 'verb', the: false });
    assert.deepEqual(slot('the detox, aspen and sunrise are full', 'sunrise'), { slot: 'list', the: false });
    assert.equal(slot('her sister likes kestrel a lot', 'kestrel').slot, 'other');
  });

  it('reads where the kind word stands', () => {
    assert.equal(kindOf(['sunrise', 'lodge']), 'after');
    assert.equal(kindOf(['centre', "l'envolée"]), 'first');
    assert.equal(kindOf(['foothills']), 'none');
    assert.equal(kindOf(['manor']), 'kind-alone');
  });

  it('says why the models were not asked about a span after a place preposition', () => {
    assert.equal(whyNone(['24'], '24', 'prep', 'none'), 'digit');
    assert.equal(whyNone(['bridge'], 'bridge', 'prep', 'none'), 'everyday-one-word');
    assert.equal(whyNone(['bridge'], 'Bridge', 'prep', 'none'), 'other');
    assert.equal(whyNone(['kestrel'], 'kestrel', 'subject-doing', 'none'), 'no-slot');
    assert.equal(whyNone(['dieu'], 'dieu', 'prep', 'part-NAME'), 'name-hidden');
  });
});
