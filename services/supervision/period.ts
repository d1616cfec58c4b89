// Reporting periods in a person's own time zone: weeks start on Monday, local midnight (luxon handles DST).
import { DateTime } from 'luxon';

export interface Period {
  /** Inclusive start, UTC ISO. */
  from: string;
  /** Exclusive end, UTC ISO. */
  to: string;
  /** What it is called, as data: cards/words/period.ts says it in the person's words ("week of 3 Mar 2026"). */
  label: PeriodLabel;
}

/** A week from `date`, or `weeks` weeks from `date` (a local date, yyyy-MM-dd). */
export type PeriodLabel = { kind: 'weekOf'; date: string } | { kind: 'weeksFrom'; date: string; weeks: number };

export function weekPeriod(zone: string, at: Date, weeksBack = 0): Period {
  const start = DateTime.fromJSDate(at, { zone }).startOf('week').minus({ weeks: weeksBack });
  const end = start.plus({ weeks: 1 });
  return { from: start.toUTC().toISO()!, to: end.toUTC().toISO()!, label: { kind: 'weekOf', date: start.toISODate()! } };
}

/** The longest period a summary or export covers, in weeks. */
export const MAX_PERIOD_WEEKS = 12;

// How people type a period on a phone: "last week", "lastweek", "last wk", "prev week", "4 weeks", "4wks", "last 4 wk".
const WEEK = '(?:weeks?|wks?)';
const THIS = new RegExp(String.raw`^this\s*${WEEK}$`);
const LAST = new RegExp(String.raw`^(?:last|prev|previous)\s*${WEEK}$`);
const WEEKS = new RegExp(String.raw`^(?:(?:last|past)\s+)?(\d{1,3})\s*${WEEK}$`);
/** Period words at the end of a command ("export PSW 1 last wk"): group 1 is what comes before, group 2 the period. */
export const PERIOD_AT_END = new RegExp(String.raw`^(.*?)\s*((?:this|last|prev|previous)\s*${WEEK}|(?:(?:last|past)\s+)?\d{1,3}\s*${WEEK})$`, 'i');

/**
 * `this week` (default), `last week`, or `N weeks` (the last N weeks up to now, 1–MAX_PERIOD_WEEKS), as people type
 * them. Undefined when not understood or out of range (see looksLikePeriod).
 */
export function parsePeriod(text: string, zone: string, now: Date): Period | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || THIS.test(t)) return weekPeriod(zone, now);
  if (LAST.test(t)) return weekPeriod(zone, now, 1);
  const m = WEEKS.exec(t);
  if (m) {
    const n = Number(m[1]);
    if (n < 1 || n > MAX_PERIOD_WEEKS) return undefined;
    const start = DateTime.fromJSDate(now, { zone }).startOf('week').minus({ weeks: n - 1 });
    const end = DateTime.fromJSDate(now, { zone }).startOf('week').plus({ weeks: 1 });
    return { from: start.toUTC().toISO()!, to: end.toUTC().toISO()!, label: { kind: 'weeksFrom', date: start.toISODate()!, weeks: n } };
  }
  return undefined;
}

/** Period words alone ("13 weeks", "last wk"), understood or not: a refusal should say which periods work. */
export function looksLikePeriod(text: string): boolean {
  return PERIOD_AT_END.exec(text.trim())?.[1] === '';
}
