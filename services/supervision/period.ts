// Reporting periods in a person's own time zone: weeks start at local midnight on the configured day (WEEK_START,
// 1 = Monday … 7 = Sunday; luxon handles DST, so a week across a change is 167 or 169 hours). `summary`, `my summary`,
// `export` and the weekly digest all take their weeks from here, so "this week" and "last week" mean one thing.
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

/** Monday, as the week's first day by default (ISO). */
export const DEFAULT_WEEK_START = 1;

/** Local midnight of the week's first day (`weekStart`, 1 = Monday … 7 = Sunday) on or before `local`. */
export function startOfWeek(local: DateTime, weekStart = DEFAULT_WEEK_START): DateTime {
  return local.startOf('day').minus({ days: (local.weekday - weekStart + 7) % 7 });
}

/** The week holding `at` (weeksBack 0: "this week"; 1: "last week"), from local midnight of its first day. */
export function weekPeriod(zone: string, at: Date, weeksBack = 0, weekStart = DEFAULT_WEEK_START): Period {
  const start = startOfWeek(DateTime.fromJSDate(at, { zone }), weekStart).minus({ weeks: weeksBack });
  return weekFrom(start);
}

/** The `count` weeks that end where `period` ends (the trend beside a summary), oldest first. */
export function weeksEndingWith(period: Pick<Period, 'to'>, zone: string, count: number): Period[] {
  const end = DateTime.fromISO(period.to, { zone });
  return Array.from({ length: count }, (_, i) => weekFrom(end.minus({ weeks: count - i })));
}

function weekFrom(start: DateTime): Period {
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
export function parsePeriod(text: string, zone: string, now: Date, weekStart = DEFAULT_WEEK_START): Period | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || THIS.test(t)) return weekPeriod(zone, now, 0, weekStart);
  if (LAST.test(t)) return weekPeriod(zone, now, 1, weekStart);
  const m = WEEKS.exec(t);
  if (m) {
    const n = Number(m[1]);
    if (n < 1 || n > MAX_PERIOD_WEEKS) return undefined;
    const thisWeek = startOfWeek(DateTime.fromJSDate(now, { zone }), weekStart);
    const start = thisWeek.minus({ weeks: n - 1 });
    const end = thisWeek.plus({ weeks: 1 });
    return { from: start.toUTC().toISO()!, to: end.toUTC().toISO()!, label: { kind: 'weeksFrom', date: start.toISODate()!, weeks: n } };
  }
  return undefined;
}

/** Period words alone ("13 weeks", "last wk"), understood or not: a refusal should say which periods work. */
export function looksLikePeriod(text: string): boolean {
  return PERIOD_AT_END.exec(text.trim())?.[1] === '';
}
