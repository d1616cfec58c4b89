// Reporting periods in a person's own time zone: weeks start on Monday, local midnight (luxon handles DST).
import { DateTime } from 'luxon';

export interface Period {
  /** Inclusive start, UTC ISO. */
  from: string;
  /** Exclusive end, UTC ISO. */
  to: string;
  /** For people: "week of 3 Mar". */
  label: string;
}

export function weekPeriod(zone: string, at: Date, weeksBack = 0): Period {
  const start = DateTime.fromJSDate(at, { zone }).startOf('week').minus({ weeks: weeksBack });
  const end = start.plus({ weeks: 1 });
  return { from: start.toUTC().toISO()!, to: end.toUTC().toISO()!, label: `week of ${start.toFormat('d LLL yyyy')}` };
}

/** `this week` (default), `last week`, or `N weeks` (the last N weeks up to now, 1–12). Undefined when not understood. */
export function parsePeriod(text: string, zone: string, now: Date): Period | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'this week') return weekPeriod(zone, now);
  if (t === 'last week') return weekPeriod(zone, now, 1);
  const m = /^(?:last )?(\d{1,2}) weeks?$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    if (n < 1 || n > 12) return undefined;
    const start = DateTime.fromJSDate(now, { zone }).startOf('week').minus({ weeks: n - 1 });
    const end = DateTime.fromJSDate(now, { zone }).startOf('week').plus({ weeks: 1 });
    return { from: start.toUTC().toISO()!, to: end.toUTC().toISO()!, label: `${n} weeks from ${start.toFormat('d LLL yyyy')}` };
  }
  return undefined;
}
