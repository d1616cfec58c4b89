// A check-in the next morning, when a PSW who has had a 1 or a second rough self-check in a row asks for one: a
// one-off 'notice' job (sent once, then gone), due at CHECK_IN_HOUR tomorrow in their own time zone. One per person
// (a deterministic id): asking again moves it, never doubles it. Its text is ours (content/you.json), never theirs.
import { DateTime } from 'luxon';
import type { NewJob } from '../scheduler/jobs';

export const CHECK_IN_HOUR = 10;
/** Where the store honours TTL, a check-in never sent cleans itself up after this long. */
const CHECK_IN_TTL_S = 3 * 24 * 3600;

export function checkInJobId(personId: string): string {
  return `selfcheckin|${personId}`;
}

export function checkInJob(personId: string, timeZone: string, now: Date, text: string): NewJob {
  const local = DateTime.fromJSDate(now).setZone(timeZone);
  const zoned = local.isValid ? local : DateTime.fromJSDate(now).toUTC();
  const due = zoned.plus({ days: 1 }).set({ hour: CHECK_IN_HOUR, minute: 0, second: 0, millisecond: 0 });
  return { id: checkInJobId(personId), kind: 'notice', personId, due: due.toUTC().toISO()!, payload: { text }, ttl: CHECK_IN_TTL_S };
}
