import assert from 'node:assert/strict';
import { stepNames } from '../../bench/deidStageCost';
import { stagesForBench, stepsForBench } from '../../services/deidentify/deidentify';

describe('bench/deidStageCost: every step of the pipeline has its line in the cost table', () => {
  const names = stepNames(stepsForBench.steps as Array<(r: unknown) => void>, stagesForBench.detectors.map(([d]) => d));

  it('names each step by what it runs: a new stage shows under its own name, not as "step N"', () => {
    assert.equal(names.length, stepsForBench.steps.length);
    assert.deepEqual(names.filter((n) => /^step \d+$/.test(n)), []);
    for (const stage of ['messyNames', 'names', 'settle', 'classifierNames', 'wordsInPlace', 'everywhere']) assert.ok(names.includes(stage), stage);
  });

  it('names a step that runs two functions in the order they run', () => {
    // Inner calls first within a statement, statements in order (round 23: facilityMentions runs after the edges; round 26: withForeignPlaces after the frames).
    assert.ok(names.includes('withFacilities → withFramedFacilities → withForeignPlaces → joinedCrossings → withStreetEdges → facilityMentions'), names.join(', '));
    // A keyword before a parenthesis is no call (round 25: the step after openers read as "if → everywhere").
    assert.ok(names.includes('everywhere') && !names.some((n) => /\bif\b/.test(n)), names.join(', '));
    const step = new Function('r', 'r.spans = a(r.text, c(r.text, r.spans)); r.spans = b(r.text, r.spans);') as (r: unknown) => void;
    assert.deepEqual(stepNames([step], []), ['c → a → b']);
  });

  it('keeps the detectors in their table order, after the first reading', () => {
    assert.equal(names[0], 'disguisedNames, knownNames, spelledPhones');
    assert.equal(names[1], stagesForBench.detectors[0]![0].name);
    assert.equal(names[stepsForBench.detectors], stagesForBench.detectors[stepsForBench.detectors - 1]![0].name);
  });
});
