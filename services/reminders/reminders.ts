// A person's debrief reminders: up to MAX_REMINDERS repeating jobs, each due at its own wall-clock time in the
// person's time zone. One job per time of day (`reminder|<person>|<HH:mm>`): a new reminder at a time already set
// adds its days to that one instead of sending two messages at the same minute; any other time is a reminder of its
// own, so a new one never silently replaces an old one. Changing time zone moves them all.
// Jobs from before several were allowed (`reminder|<person>`) are read, moved and removed like the rest.
import type { PeopleService, Person } from '../people';
import type { Job } from '../scheduler/job';
import type { JobStore } from '../scheduler/jobs';
import { nextOccurrence, ruleFrom, type ReminderRule } from './rule';

/** Enough for a shift pattern; the list's remove buttons stay within a card's six actions. */
export const MAX_REMINDERS = 5;

export function reminderJobId(personId: string, time: string): string {
  return `reminder|${personId}|${time}`;
}

export interface CurrentReminder {
  /** The job's id: what removing this reminder removes. */
  id: string;
  rule: ReminderRule;
  next: Date;
}

/** What adding did: a new reminder, more days on the one at that time, nothing new, or no room. */
export type AddOutcome = 'added' | 'merged' | 'same' | 'full';

export class ReminderService {
  constructor(private readonly jobs: JobStore, private readonly people: PeopleService) {}

  /** The person's reminders, earliest time of day first. */
  async list(personId: string): Promise<CurrentReminder[]> {
    const out: CurrentReminder[] = [];
    for (const job of await this.jobs.listFor(personId, 'reminder')) {
      const rule = ruleFrom(job.payload);
      // While a scheduler holds a job, `due` is the end of its lease; the lease is minutes, so it reads well enough.
      if (rule) out.push({ id: job.id, rule, next: new Date(job.due) });
    }
    return out.sort((a, b) => a.rule.time.localeCompare(b.rule.time) || a.id.localeCompare(b.id));
  }

  async add(person: Person, rule: ReminderRule, now: Date): Promise<{ outcome: AddOutcome; reminder?: CurrentReminder; count: number }> {
    const existing = await this.list(person.id);
    const sameTime = existing.filter((r) => r.rule.time === rule.time);
    if (sameTime.length) {
      const days = [...new Set([...sameTime.flatMap((r) => r.rule.days), ...rule.days])].sort((a, b) => a - b);
      const before = sameTime[0]!.rule.days;
      if (sameTime.length === 1 && days.length === before.length && sameTime[0]!.id === reminderJobId(person.id, rule.time)) {
        return { outcome: 'same', reminder: sameTime[0], count: existing.length };
      }
      const reminder = await this.put(person, { time: rule.time, days }, now);
      for (const old of sameTime) if (old.id !== reminder.id) await this.jobs.remove(old.id);
      return { outcome: days.length === before.length ? 'same' : 'merged', reminder, count: existing.length - sameTime.length + 1 };
    }
    if (existing.length >= MAX_REMINDERS) return { outcome: 'full', count: existing.length };
    return { outcome: 'added', reminder: await this.put(person, rule, now), count: existing.length + 1 };
  }

  /** Removes one reminder by its id (from list()); false when it was already gone. */
  async remove(personId: string, id: string): Promise<boolean> {
    if (id !== `reminder|${personId}` && !id.startsWith(`reminder|${personId}|`)) return false;
    return this.jobs.remove(id);
  }

  /** Removes every reminder; returns how many there were. */
  async stopAll(personId: string): Promise<CurrentReminder[]> {
    const all = await this.list(personId);
    for (const r of all) await this.jobs.remove(r.id);
    return all;
  }

  /** Sets the person's time zone (an IANA name, already validated) and moves every reminder to the new zone. */
  async setTimeZone(person: Person, timeZone: string, now: Date): Promise<{ person: Person; reminders: CurrentReminder[] }> {
    const updated = (await this.people.update(person.id, (p) => ({ ...p, timeZone }))) ?? (await this.people.put({ ...person, timeZone }));
    const reminders: CurrentReminder[] = [];
    for (const r of await this.list(person.id)) {
      const moved = await this.put(updated, r.rule, now);
      if (moved.id !== r.id) await this.jobs.remove(r.id); // an old single-reminder job takes the new id
      reminders.push(moved);
    }
    return { person: updated, reminders };
  }

  private async put(person: Person, rule: ReminderRule, now: Date): Promise<CurrentReminder> {
    const next = nextOccurrence(rule, person.timeZone, now);
    const job: Pick<Job, 'id'> = await this.jobs.put({ id: reminderJobId(person.id, rule.time), kind: 'reminder', personId: person.id, due: next.toISOString(), payload: { ...rule } }, now);
    return { id: job.id, rule, next };
  }
}
