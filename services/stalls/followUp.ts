// After a stall, a follow-up FOLLOW_UP_DAYS later asks the PSW how that relationship is going. Stored here as
// a Job in the schedules container; the scheduler (services/scheduler) runs it and sends the message.
// One follow-up per PSW and client code: its id is deterministic, so a newer stall moves the date, never doubles it.
import type { Container } from '@azure/cosmos';
import { DateTime } from 'luxon';
import { normaliseCode } from '../reflections/codes';
import type { Job } from '../scheduler/job';

/** Follow-ups are asked mid-morning in the PSW's own time zone, not at whatever hour the debrief ended. */
export const FOLLOW_UP_HOUR = 10;

export function followUpId(psw: string, clientCode: string): string {
  return `followup|${psw}|${normaliseCode(clientCode)}`;
}

export function followUpDue(now: Date, timeZone: string, days: number): string {
  return DateTime.fromJSDate(now).setZone(timeZone).plus({ days }).set({ hour: FOLLOW_UP_HOUR, minute: 0, second: 0, millisecond: 0 }).toUTC().toISO()!;
}

export function followUpJob(opts: { psw: string; clientCode: string; now: Date; timeZone: string; days: number }): Job {
  return {
    id: followUpId(opts.psw, opts.clientCode),
    kind: 'followup',
    personId: opts.psw,
    due: followUpDue(opts.now, opts.timeZone, opts.days),
    payload: { clientCode: opts.clientCode },
    attempts: 0,
    createdAt: opts.now.toISOString(),
  };
}

export async function scheduleFollowUp(schedules: Container, opts: { psw: string; clientCode: string; now: Date; timeZone: string; days: number }): Promise<Job> {
  const job = followUpJob(opts);
  await schedules.items.upsert(job);
  return job;
}
