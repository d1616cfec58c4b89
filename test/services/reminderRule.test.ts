import assert from 'node:assert/strict';
import { canonicalZone, nextOccurrence, parseReminder, ruleAsTyped, ruleFrom, WEEKDAYS } from '../../services/reminders/rule';

describe('reminder rules', () => {
  describe('parseReminder', () => {
    const cases: [string, string, number[]][] = [
      ['at 16:30 on weekdays', '16:30', WEEKDAYS],
      ['at 16:30', '16:30', WEEKDAYS],
      ['at 4:30pm every day', '16:30', [1, 2, 3, 4, 5, 6, 7]],
      ['every day at 4:30 PM', '16:30', [1, 2, 3, 4, 5, 6, 7]],
      ['at 16:30 mon wed fri', '16:30', [1, 3, 5]],
      ['at 9 am on Monday and Thursday', '09:00', [1, 4]],
      ['at 12am daily', '00:00', [1, 2, 3, 4, 5, 6, 7]],
      ['at 12:15 p.m. weekends', '12:15', [6, 7]],
      ['noon on weekdays', '12:00', WEEKDAYS],
      ['at 9', '09:00', WEEKDAYS],
      ['4.30 pm monday to friday', '16:30', WEEKDAYS],
      ['at 07:05, tues & thurs', '07:05', [2, 4]],
      ['at 430pm everyday', '16:30', [1, 2, 3, 4, 5, 6, 7]],
      ['930 am mon wed fri', '09:30', [1, 3, 5]],
      ['at 1630', '16:30', WEEKDAYS],
    ];
    for (const [input, time, days] of cases) {
      it(`reads "${input}"`, () => {
        assert.deepEqual(parseReminder(input), { ok: true, rule: { time, days } });
      });
    }

    it('says what is wrong with what it cannot read', () => {
      assert.deepEqual(parseReminder(''), { ok: false, reason: 'no_time' });
      assert.deepEqual(parseReminder('on weekdays'), { ok: false, reason: 'no_time' });
      assert.deepEqual(parseReminder('in 3 days'), { ok: false, reason: 'no_time' }, 'a bare number is not a time');
      assert.deepEqual(parseReminder('in 100 days'), { ok: false, reason: 'no_time' }, 'digits run together are a time only with am/pm or after at');
      assert.deepEqual(parseReminder('at 1675'), { ok: false, reason: 'bad_time' });
      assert.deepEqual(parseReminder('at 25:00'), { ok: false, reason: 'bad_time' });
      assert.deepEqual(parseReminder('at 16:75'), { ok: false, reason: 'bad_time' });
      assert.deepEqual(parseReminder('at 13pm'), { ok: false, reason: 'bad_time' });
      assert.deepEqual(parseReminder('at 16:30 after my shift'), { ok: false, reason: 'unknown_words' });
    });

    it('asks am or pm for a bare 1:00–7:59, never setting 4:30 am silently; a leading zero or am/pm is plain', () => {
      assert.deepEqual(parseReminder('at 4:30 on weekdays'), { ok: false, reason: 'am_or_pm', am: { time: '04:30', days: WEEKDAYS }, pm: { time: '16:30', days: WEEKDAYS } });
      assert.deepEqual(parseReminder('at 7 mon wed'), { ok: false, reason: 'am_or_pm', am: { time: '07:00', days: [1, 3] }, pm: { time: '19:00', days: [1, 3] } });
      assert.deepEqual(parseReminder('at 130'), { ok: false, reason: 'am_or_pm', am: { time: '01:30', days: WEEKDAYS }, pm: { time: '13:30', days: WEEKDAYS } });
      assert.deepEqual(parseReminder('at 04:30'), { ok: true, rule: { time: '04:30', days: WEEKDAYS } });
      assert.deepEqual(parseReminder('at 4:30am'), { ok: true, rule: { time: '04:30', days: WEEKDAYS } });
      assert.deepEqual(parseReminder('at 8:00'), { ok: true, rule: { time: '08:00', days: WEEKDAYS } });
      assert.deepEqual(parseReminder('at 12:30'), { ok: true, rule: { time: '12:30', days: WEEKDAYS } });
    });

    it('reads days misspelt as phones do, and refuses words near no day or near two', () => {
      assert.deepEqual(parseReminder('at 5pm weekdys'), { ok: true, rule: { time: '17:00', days: WEEKDAYS } });
      assert.deepEqual(parseReminder('at 5pm tusday and thrusday'), { ok: true, rule: { time: '17:00', days: [2, 4] } });
      assert.deepEqual(parseReminder('at 5pm evryday'), { ok: true, rule: { time: '17:00', days: [1, 2, 3, 4, 5, 6, 7] } });
      assert.deepEqual(parseReminder('at 5pm wekends'), { ok: true, rule: { time: '17:00', days: [6, 7] } });
      assert.deepEqual(parseReminder('at 5pm mno'), { ok: false, reason: 'unknown_words' }, 'short words must be exact');
      assert.deepEqual(parseReminder('at 5pm fridge'), { ok: false, reason: 'unknown_words' });
      assert.deepEqual(parseReminder('at 5pm after shift'), { ok: false, reason: 'unknown_words' });
    });
  });

  describe('nextOccurrence', () => {
    const weekdays = { time: '16:30', days: WEEKDAYS };

    it('is later today when the time has not passed, else the next chosen day', () => {
      // Tuesday 2026-11-24 12:00 in Toronto (EST, UTC-5)
      assert.equal(nextOccurrence(weekdays, 'America/Toronto', new Date('2026-11-24T17:00:00Z')).toISOString(), '2026-11-24T21:30:00.000Z');
      assert.equal(nextOccurrence(weekdays, 'America/Toronto', new Date('2026-11-24T21:30:00Z')).toISOString(), '2026-11-25T21:30:00.000Z', 'strictly after');
      // Friday after the time → Monday
      assert.equal(nextOccurrence(weekdays, 'America/Toronto', new Date('2026-11-27T22:00:00Z')).toISOString(), '2026-11-30T21:30:00.000Z');
    });

    it('keeps 16:30 on the wall clock across the autumn change (Toronto, 1 Nov 2026)', () => {
      const seen: string[] = [];
      let t = new Date('2026-10-29T12:00:00Z'); // Thursday
      for (let i = 0; i < 4; i++) {
        t = nextOccurrence(weekdays, 'America/Toronto', t);
        seen.push(t.toISOString());
      }
      assert.deepEqual(seen, ['2026-10-29T20:30:00.000Z', '2026-10-30T20:30:00.000Z', '2026-11-02T21:30:00.000Z', '2026-11-03T21:30:00.000Z']);
    });

    it('keeps it across the spring change too, and in another zone', () => {
      let t = new Date('2026-03-06T12:00:00Z'); // Friday; DST begins Sunday 8 March
      const seen: string[] = [];
      for (let i = 0; i < 2; i++) {
        t = nextOccurrence(weekdays, 'America/Vancouver', t);
        seen.push(t.toISOString());
      }
      assert.deepEqual(seen, ['2026-03-07T00:30:00.000Z', '2026-03-09T23:30:00.000Z']);
    });

    it('moves a time skipped by the spring jump forward rather than losing the day', () => {
      const at = nextOccurrence({ time: '02:30', days: [7] }, 'America/Toronto', new Date('2026-03-08T00:00:00Z'));
      assert.equal(at.toISOString(), '2026-03-08T07:30:00.000Z'); // 03:30 EDT
    });
  });

  it('writes a rule as a person would type it, and reads it back the same (the am/pm buttons send it)', () => {
    for (const rule of [{ time: '16:30', days: WEEKDAYS }, { time: '04:30', days: [1, 3, 5] }, { time: '00:00', days: [6, 7] }, { time: '12:00', days: [1, 2, 3, 4, 5, 6, 7] }]) {
      assert.deepEqual(parseReminder(ruleAsTyped(rule)), { ok: true, rule });
    }
  });

  it('reads back only valid stored rules', () => {
    assert.deepEqual(ruleFrom({ time: '16:30', days: [1, 2] }), { time: '16:30', days: [1, 2] });
    assert.equal(ruleFrom({ time: '24:00', days: [1] }), undefined);
    assert.equal(ruleFrom({ time: '16:30', days: [] }), undefined);
    assert.equal(ruleFrom({ time: '16:30', days: [8] }), undefined);
    assert.equal(ruleFrom({}), undefined);
  });

  it('validates and canonicalises time zones', () => {
    assert.equal(canonicalZone('America/Vancouver'), 'America/Vancouver');
    assert.equal(canonicalZone('america/vancouver'), 'America/Vancouver');
    assert.equal(canonicalZone('asia/kolkata'), 'Asia/Kolkata', 'the name typed, not ICU’s legacy alias');
    assert.equal(canonicalZone('America/Port-au-Prince'), 'America/Port-au-Prince');
    assert.equal(canonicalZone('America/St Johns'), 'America/St_Johns');
    assert.equal(canonicalZone('Mars/Olympus_Mons'), undefined);
    assert.equal(canonicalZone(''), undefined);
  });
});
