import assert from 'node:assert/strict';
import { content } from '../../services/content';
import { isSupervisionStrategy } from '../../services/stalls/strategies';

describe('stall strategies that mean "take it to supervision"', () => {
  it('are the ones whose id ends in -s-supervision, and each says supervision in its title', () => {
    const all = Object.values(content().stalls).flatMap((b) => b.strategies);
    const supervision = all.filter((s) => isSupervisionStrategy(s.id));
    assert.ok(supervision.length >= 2, 'trust and fostering have one');
    for (const s of supervision) assert.match(s.title, /supervision/i, s.id);
    // And no other strategy reads as one: picking it would not flag the relationship.
    for (const s of all.filter((x) => !isSupervisionStrategy(x.id))) assert.doesNotMatch(s.title, /supervision/i, s.id);
  });
});
