// Every kind of job the scheduler can run, in one place. A feature adds its handler here:
// 'digest' (supervisor summaries) belongs to its own module. 'safety_alert' delivers itself through the Sender, so
// it is added where the Sender is made (bot/proactive.ts, services/safety/delivery.ts).
import type { RosterNotice } from '../roster';
import type { AppServices } from '../app';
import type { PeopleService } from '../people';
import { nextOccurrence, ruleFrom } from '../reminders/rule';
import type { JobHandler } from './job';
import { retentionHandler } from './retention';
import type { JobHandlers } from './scheduler';

/** A reminder found this late (the service was down) is skipped rather than sent at an odd hour; the next one stands. */
export const REMINDER_STALE_MS = 2 * 3600_000;

// Client codes are short labels the PSW chose ("C-14"); anything else is not put in a message.
const CLIENT_CODE = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,23}$/u;

export function reminderHandler(people: PeopleService): JobHandler {
  return async (job, now) => {
    const person = await people.get(job.personId);
    const rule = ruleFrom(job.payload);
    if (!person || !rule) return { messages: [] }; // no one to remind, or a rule we cannot read: the job ends
    const next = nextOccurrence(rule, person.timeZone, now).toISOString();
    if (now.getTime() - Date.parse(job.due) > REMINDER_STALE_MS) return { messages: [], next };
    return { messages: [{ personId: job.personId, notice: { kind: 'reminder' } }], next };
  };
}

export const followUpHandler: JobHandler = async (job) => {
  const code = job.payload.clientCode;
  if (typeof code !== 'string' || !CLIENT_CODE.test(code.trim())) return { messages: [] };
  return { messages: [{ personId: job.personId, notice: { kind: 'followup', clientCode: code.trim() } }] };
};

/**
 * A one-off message of ours: a roster change (services/roster.ts, aliases only), said in the person's words when it
 * is sent; a job stored before notices were data carries its text. The job ends once it is sent.
 */
export const noticeHandler: JobHandler = async (job) => {
  const { roster, text } = job.payload as { roster?: RosterNotice; text?: unknown };
  if (roster && typeof roster === 'object' && typeof roster.change === 'string') return { messages: [{ personId: job.personId, notice: { kind: 'roster', notice: roster } }] };
  return { messages: typeof text === 'string' && text ? [{ personId: job.personId, text }] : [] };
};

/** The registry the scheduler runs with. Handlers get what they need from the app's services. */
export function jobHandlers(app: AppServices): JobHandlers {
  return {
    reminder: reminderHandler(app.people),
    followup: followUpHandler,
    digest: app.supervision.digest.handler,
    notice: noticeHandler,
    // The embedded store ignores TTL; on Azure Cosmos DB the database deletes expired reflections itself.
    ...(app.config.embeddedCosmos ? { retention: retentionHandler(app.store.containers.reflections, app.supervision.rollups, [app.supervision.records]) } : {}),
  };
}
