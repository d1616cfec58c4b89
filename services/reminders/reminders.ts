// A PSW's debrief reminder: one repeating job per person (`reminder|<person>`), due at their chosen wall-clock
// time in their own time zone. Setting it again replaces it; changing time zone moves it.
import type { PeopleService, Person } from '../people';
import type { JobStore } from '../scheduler/jobs';
import { nextOccurrence, ruleFrom, type ReminderRule } from './rule';

export function reminderJobId(personId: string): string {
  return `reminder|${personId}`;
}

export interface CurrentReminder {
  rule: ReminderRule;
  next: Date;
}

export class ReminderService {
  constructor(private readonly jobs: JobStore, private readonly people: PeopleService) {}

  async set(person: Person, rule: ReminderRule, now: Date): Promise<CurrentReminder> {
    const next = nextOccurrence(rule, person.timeZone, now);
    await this.jobs.put({ id: reminderJobId(person.id), kind: 'reminder', personId: person.id, due: next.toISOString(), payload: { ...rule } }, now);
    return { rule, next };
  }

  async current(personId: string): Promise<CurrentReminder | undefined> {
    const job = await this.jobs.get(reminderJobId(personId));
    const rule = job && ruleFrom(job.payload);
    // While a scheduler holds the job, `due` is the end of its lease; the lease is minutes, so it reads well enough.
    return rule ? { rule, next: new Date(job.due) } : undefined;
  }

  async stop(personId: string): Promise<boolean> {
    return this.jobs.remove(reminderJobId(personId));
  }

  /** Sets the person's time zone (an IANA name, already validated) and moves their reminder to the new zone. */
  async setTimeZone(person: Person, timeZone: string, now: Date): Promise<{ person: Person; reminder?: CurrentReminder }> {
    const updated = (await this.people.update(person.id, (p) => ({ ...p, timeZone }))) ?? (await this.people.put({ ...person, timeZone }));
    const existing = await this.current(person.id);
    const reminder = existing ? await this.set(updated, existing.rule, now) : undefined;
    return { person: updated, reminder };
  }
}
