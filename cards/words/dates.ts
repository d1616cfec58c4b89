// Dates and times in the person's locale: luxon formats month and weekday names (and the clock) in the locale of the
// turn (services/catalogue), so a fr-CA person reads "jeudi 26 nov." and "16 h 30" where en-CA reads
// "Thursday 26 Nov" and "4:30 pm". Formats are luxon's tokens: 'd LLL', 'cccc'.
import { DateTime } from 'luxon';
import { currentLocale, localeChain } from '../../services/catalogue';

/** The turn's locale as luxon should use it (a malformed tag is English, as in t()). */
export function dateLocale(): string {
  return localeChain(currentLocale())[0]!;
}

/** `at` (a stored ISO string, read as UTC when it has no offset, or a DateTime) in `zone`, written with `format` in the person's locale. */
export function formatDate(at: string | DateTime, zone: string, format: string): string {
  const dt = (typeof at === 'string' ? DateTime.fromISO(at, { zone: 'utc' }) : at).setZone(zone);
  return dt.setLocale(dateLocale()).toFormat(format);
}

/** A weekday's name, 1 = Monday … 7 = Sunday: "Monday", "lundi". */
export function weekdayName(weekday: number): string {
  return DateTime.fromObject({ weekday: weekday as 1 }).setLocale(dateLocale()).toFormat('cccc');
}

/** A wall-clock time the locale's way ("4:30 pm", "16 h 30"); a day period is written lower case without dots. */
export function clock(hour: number, minute: number): string {
  const parts = DateTime.fromObject({ hour, minute }).setLocale(dateLocale()).toLocaleParts({ hour: 'numeric', minute: '2-digit' });
  return parts.map((p) => (p.type === 'dayPeriod' ? p.value.toLowerCase().replace(/\./g, '') : p.value)).join('').replace(/\u202f|\u00a0/g, ' ');
}
