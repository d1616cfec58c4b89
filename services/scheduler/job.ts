// A scheduled job as stored in the `schedules` container. One scheduler (services/scheduler) runs due jobs
// of every kind with a lease (etag), so several bot instances never run the same job twice.
import type { RosterNotice } from '../roster';
import type { SafetyAlertNotice, SafetyAlertUpdate } from '../safety/alerts';
import type { AgendaItem } from '../supervision/agenda';
import type { TeamSummary } from '../supervision/summaries';

/** 'notice': a one-off message of ours (a roster change the person must hear about), sent once and deleted. */
export type JobKind = 'reminder' | 'followup' | 'digest' | 'safety_alert' | 'notice' | 'retention';

export interface Job {
  /** Deterministic where a job must exist once: e.g. `reminder|<person>`, `followup|<person>|<code>`, `digest|<supervisor>`. */
  id: string;
  kind: JobKind;
  /** Pseudonymous id of the person the job's messages go to. */
  personId: string;
  /** UTC ISO time the job is due. */
  due: string;
  /** Kind-specific data; never free text from a person. */
  payload: Record<string, unknown>;
  /** Failed attempts in a row (reset when a run succeeds). */
  attempts: number;
  /** While a scheduler instance runs the job, it holds it until this UTC ISO time. */
  leaseUntil?: string;
  leaseOwner?: string;
  createdAt: string;
  /** Cosmos TTL in seconds, for one-off records that should clean themselves up. */
  ttl?: number;
}

/**
 * What a message the bot starts is about, as data. Services decide what to say; the bot layer renders it as a
 * card when it sends it (bot/notices.ts), so nothing under services/ builds a card.
 */
export type Notice =
  | { kind: 'reminder' }
  | { kind: 'followup'; clientCode: string }
  | { kind: 'digest'; summary: TeamSummary; /** Safety alerts about the team not yet acknowledged. */ alerts?: AgendaItem[] }
  | { kind: 'roster'; notice: RosterNotice }
  /** A safety alert to the person in line, and what its PSW is told of it (services/safety/delivery.ts). */
  | { kind: 'safetyAlert'; alert: SafetyAlertNotice }
  | { kind: 'safetyAlertUpdate'; update: SafetyAlertUpdate };

/** What a job handler asks the scheduler to send. Delivered with the person's stored conversation reference. */
export interface OutgoingMessage {
  personId: string;
  text?: string;
  notice?: Notice;
}

export interface JobOutcome {
  messages: OutgoingMessage[];
  /** The next due time (UTC ISO) for a repeating job; undefined deletes the job. */
  next?: string;
  /** Replaces the payload for the next run (e.g. the week a digest was last sent). */
  payload?: Record<string, unknown>;
}

export type JobHandler = (job: Job, now: Date) => Promise<JobOutcome>;
