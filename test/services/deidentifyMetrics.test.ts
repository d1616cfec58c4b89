import assert from 'node:assert/strict';
import { isIdentifierSpan, score } from '../../bench/deidMetrics';

describe('deidMetrics', () => {
  const text = 'Call Ann Lee at 555-0199 on Monday, age 45.';
  const spans = [
    { start: 5, end: 12, type: 'PERSON', hipaa: 'A_NAMES' },
    { start: 16, end: 24, type: 'PHONE_NUMBER', hipaa: 'D_PHONE' },
    { start: 28, end: 34, type: 'DATE_TIME', hipaa: 'C_DATES' },
    { start: 40, end: 42, type: 'AGE', hipaa: 'C_AGE_OVER_89_ONLY' },
  ];
  it('treats weekdays and ages of 89 or less as neutral', () => {
    assert.equal(isIdentifierSpan(spans[2]!, text), false);
    assert.equal(isIdentifierSpan(spans[3]!, text), false);
    assert.equal(isIdentifierSpan(spans[0]!, text), true);
  });
  it('scores strict recall, leak and over-redaction by character', () => {
    // Name fully covered, phone half covered, plus "Call" over-redacted.
    const f = score([{ id: 'x', text, spans }], [[{ start: 0, end: 4 }, { start: 5, end: 12 }, { start: 16, end: 20 }]]);
    assert.equal(f.overall.spans, 2);
    assert.equal(f.overall.found, 1);
    assert.equal(f.perType.PERSON!.strictRecall, 1);
    assert.equal(f.perType.PHONE_NUMBER!.strictRecall, 0);
    assert.equal(f.perType.PHONE_NUMBER!.leakedChars, 4);
    assert.equal(f.overRedactedChars, 4);
    assert.equal(f.recordsFullyClean, 0);
  });
});
