// Words for what services return as data (a reminder rule, a refusal, a date), in the person's locale.
import { strict as assert } from 'node:assert';
import { inLocale } from '../../services/catalogue';
import { WEEKDAYS } from '../../services/reminders/rule';
import { looksLikeIdentifier } from '../../services/deidentify';
import { describeRule } from '../../cards/words/reminderRule';
import { clientCodeRefusal } from '../../cards/words/clientCode';
import { clock, formatDate, weekdayName } from '../../cards/words/dates';

describe('words for services’ data', () => {
  it('a reminder rule in plain words (en-CA)', () => {
    assert.equal(describeRule({ time: '16:30', days: WEEKDAYS }), '4:30 pm on weekdays');
    assert.equal(describeRule({ time: '09:05', days: [1, 2, 3, 4, 5, 6, 7] }), '9:05 am every day');
    assert.equal(describeRule({ time: '00:00', days: [6, 7] }), '12:00 am on weekends');
    assert.equal(describeRule({ time: '12:00', days: [1, 3, 5] }), '12:00 pm on Monday, Wednesday and Friday');
  });

  it('weekday and month names and the clock follow the person’s locale (luxon in that locale)', () => {
    assert.equal(inLocale('fr-CA', () => weekdayName(1)), 'lundi');
    assert.equal(inLocale('fr-CA', () => clock(16, 30)), '16 h 30');
    assert.equal(inLocale('fr-CA', () => formatDate('2026-03-03T12:00:00Z', 'America/Toronto', 'd LLL')), '3 mars');
    assert.equal(inLocale('en-CA', () => formatDate('2026-03-03T12:00:00Z', 'America/Toronto', 'd LLL')), '3 Mar');
    // The day names of a rule switch too (its sentence is English until fr-CA.json has reminders.rule.days).
    assert.equal(inLocale('fr-CA', () => describeRule({ time: '12:00', days: [1, 3] })), '12 h 00 on lundi et mercredi');
    // A malformed tag is English, as in t().
    assert.equal(inLocale('not a locale!', () => weekdayName(7)), 'Sunday');
  });

  it('a refused client code says why and what to use, never what was typed', () => {
    for (const code of ['', 'ABCDEFGHIJKLMNOPQ', 'maria@example.org', '12345678', 'TB 1987', 'Maria', 'C-14-ABC-xyz']) {
      const check = looksLikeIdentifier(code);
      assert.ok(!check.ok, code);
      const words = clientCodeRefusal(check);
      assert.ok(words.length > 10, words);
      if (code) assert.ok(!words.includes(code), words);
    }
    const email = looksLikeIdentifier('jo@ex.org');
    assert.ok(!email.ok);
    assert.match(clientCodeRefusal(email), /^That looks like an email address, not a client code\. Use a short code such as C-14\.$/);
  });
});
