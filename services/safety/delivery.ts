// Delivering a safety alert: its own path, not the scheduler's general one (which drops a 403 quietly and retries
// a 503 for hours). The handler sends through the Sender itself and decides what happens next:
//   delivered            → the PSW is told who has it; the job stays as a record (so this debrief alerts once);
//   403/404, no address  → at once, and
//   still failing after ALERT_WINDOW_MS → the PSW is told plainly, with the protocol's contacts, and the alert goes
//                          to the next person in line (another supervisor of the team, then an admin);
//   nobody left          → the PSW has been told and has the contacts; logged as an error, never dropped silently.
// Between tries of one person it comes back every ALERT_RETRY_MS, never sooner than the channel's Retry-After (one
// that reaches past the window moves on at once). Each send gets a short deadline, so no wait inside the Sender holds
// the alert up. The scheduler's lease keeps two instances from running one alert at once; an instance that dies
// mid-run leaves the job to be taken over when its lease ends.
import { errorFields, log } from '../log';
import type { PeopleService } from '../people';
import type { JobHandler, JobOutcome } from '../scheduler/job';
import type { SendControl, Sender } from '../scheduler/scheduler';
import { openAlertOf, type OpenAlert } from '../supervision/openAlerts';
import { SAFETY_ALERT_TTL_SECONDS, type InLine, type SafetyAlertPayload, type SafetyAlertUpdate } from './alerts';

/** How long one person is tried before the PSW is told and the next in line is alerted. */
export const ALERT_WINDOW_MS = 90_000;
/** Between tries while the channel fails (429/5xx/network). */
export const ALERT_RETRY_MS = 15_000;
/** The longest one send may take, its own retries included. */
export const SEND_BUDGET_MS = 10_000;
/** When a delivered alert could not be added to the PSW's open alerts, its job tries that again this soon. */
export const OPEN_ALERT_RETRY_MS = 60_000;

export interface SafetyDeliveryDeps {
  people: PeopleService;
  sender: Sender;
  /**
   * Where a delivered alert waits to be acknowledged, read by the weekly digest with its roll-ups
   * (services/supervision/openAlerts.ts).
   */
  openAlerts?: { delivered(alert: OpenAlert): Promise<void> };
}

/** A delivered alert's payload while its open-alert entry is still to be written: when its week ends. */
type Delivered = SafetyAlertPayload & { openUntil?: string };

// The alert and what the PSW is told are notices (data); bot/notices.ts says them in the reader's words as they go.
export function safetyAlertHandler({ people, sender, openAlerts }: SafetyDeliveryDeps): JobHandler {
  /** How the PSW hears of someone in line: their supervisor, another supervisor of the team, or an admin. */
  const inLine = async (personId: string, isTheirSupervisor: boolean): Promise<InLine> => {
    const p = await people.get(personId);
    const role = isTheirSupervisor ? 'supervisor' : p?.role === 'admin' ? 'admin' : 'teamSupervisor';
    return { ...(p?.alias ? { alias: p.alias } : {}), role };
  };

  const tellPsw = async (p: SafetyAlertPayload, update: SafetyAlertUpdate): Promise<void> => {
    const delivery = await sender.send({ personId: p.psw, notice: { kind: 'safetyAlertUpdate', update } }, { deadline: Date.now() + SEND_BUDGET_MS });
    if (delivery !== 'sent') log.warn('safety.psw_notice_failed', { status: delivery });
  };

  /**
   * The delivered alert joins the PSW's open alerts (what the digest lists until acknowledged). A failed write is
   * not a failed delivery: the job keeps the alert delivered and tries the write again soon (the scheduler would
   * otherwise run the handler again and send the alert twice).
   */
  const recordOpen = async (jobId: string, p: SafetyAlertPayload, until: string, now: Date): Promise<JobOutcome> => {
    const { openUntil: _, ...delivered } = p as Delivered;
    try {
      await openAlerts?.delivered(openAlertOf(jobId, delivered, until));
      return { messages: [], next: until, payload: delivered };
    } catch (err) {
      log.warn('safety.open_alert_not_recorded', { jobId, ...errorFields(err) });
      return { messages: [], next: new Date(Math.min(now.getTime() + OPEN_ALERT_RETRY_MS, Date.parse(until))).toISOString(), payload: { ...delivered, openUntil: until } };
    }
  };

  return async (job, now): Promise<JobOutcome> => {
    const p = payloadOf(job.payload);
    if (!p) {
      log.error('safety.alert_unreadable', { jobId: job.id });
      return { messages: [] };
    }
    const openUntil = (p as Delivered).openUntil;
    if (p.state === 'delivered' && openUntil && Date.parse(openUntil) > now.getTime()) return recordOpen(job.id, p, openUntil, now);
    if (p.state !== 'sending') return { messages: [] }; // the record of a finished alert, at the end of its week
    const keep = new Date(now.getTime() + SAFETY_ALERT_TTL_SECONDS * 1000).toISOString();
    const who = (await people.get(p.psw))?.alias;
    let { at, since, told } = p;

    while (at < p.chain.length) {
      const to = p.chain[at]!;
      const isTheirSupervisor = p.primary && at === 0;
      const control: SendControl = { deadline: Date.now() + SEND_BUDGET_MS };
      const alert = { ...(who ? { who } : {}), categories: p.categories, ...(p.clientCode ? { clientCode: p.clientCode } : {}), forwarded: !isTheirSupervisor };
      const delivery = await sender.send({ personId: to, notice: { kind: 'safetyAlert', alert } }, control);
      log.info('safety.alert_attempt', { status: delivery, attempt: at + 1, kind: p.categories.join('+') });
      if (delivery === 'sent') {
        await tellPsw(p, { status: 'delivered', to: await inLine(to, isTheirSupervisor) });
        return recordOpen(job.id, { ...p, at, since, told, state: 'delivered' }, keep, now);
      }
      const waited = now.getTime() - Date.parse(since);
      const windowEnd = Date.parse(since) + ALERT_WINDOW_MS;
      // The channel is failing for now: try this person again soon (never sooner than it asked), within the window.
      const retry = Math.min(now.getTime() + ALERT_RETRY_MS, windowEnd);
      if (delivery === 'failed' && waited < ALERT_WINDOW_MS && (control.notBefore ?? 0) <= windowEnd) {
        return { messages: [], next: new Date(Math.max(retry, control.notBefore ?? 0)).toISOString(), payload: { ...p, at, since, told } };
      }
      // This person can't be reached (gone, no address, or failing too long): the PSW hears it now.
      const next = p.chain[at + 1];
      await tellPsw(p, {
        status: 'notDelivered', to: await inLine(to, isTheirSupervisor), ...(next ? { next: await inLine(next, false) } : {}),
        // The contacts once: the first time it fails.
        ...(told ? {} : { contacts: { categories: p.categories, ...(p.region ? { region: p.region } : {}) } }),
      });
      log.warn('safety.alert_not_delivered', { status: delivery, attempt: at + 1, durationMs: waited });
      told = true;
      at++;
      since = now.toISOString();
    }
    log.error('safety.alert_undelivered', { jobId: job.id, count: p.chain.length });
    return { messages: [], next: keep, payload: { ...p, at, since, told, state: 'undelivered' } };
  };
}

function payloadOf(raw: Record<string, unknown>): SafetyAlertPayload | undefined {
  const p = raw as Partial<SafetyAlertPayload>;
  const ok =
    typeof p.psw === 'string' && Array.isArray(p.categories) && Array.isArray(p.chain) && p.chain.every((x) => typeof x === 'string') &&
    typeof p.at === 'number' && typeof p.since === 'string' && (p.state === 'sending' || p.state === 'delivered' || p.state === 'undelivered');
  return ok ? (p as SafetyAlertPayload) : undefined;
}
