// Alerting a PSW's supervisor after a risk hit, when the PSW asks for it. The alert is a scheduled job
// (kind 'safety_alert', due now) that the scheduler's Sender delivers to the supervisor: any instance may run
// it, a failed delivery is retried, and its id — one per debrief and category — makes asking twice a no-op.
// The message carries the PSW's alias, the client code and the category's label; never anything they wrote.
import type { Container } from '@azure/cosmos';
import { looksLikeIdentifier } from '../deidentify';
import type { PeopleService, Person } from '../people';
import type { ReferenceStore } from '../references';
import type { JobHandler } from '../scheduler/job';
import { audienceOf, categoryLabel } from './protocol';
import type { RiskCategory } from './screen';

/** An alert not delivered within a week is stale; Cosmos removes the job then. */
export const SAFETY_ALERT_TTL_SECONDS = 7 * 24 * 3600;

export function safetyAlertId(debriefId: string, category: string): string {
  return `safety_alert|${debriefId}|${category}`;
}

export type AlertTarget = { ok: true; supervisor: Person } | { ok: false; reason: 'no_supervisor' | 'unreachable' };

export interface AlertRequest {
  psw: string;
  supervisorId: string;
  /** The debrief (reflection) id, or another stable id of where the hit happened. */
  debriefId: string;
  clientCode?: string;
  category: RiskCategory;
}

/** What the supervisor reads. `who` is the PSW's roster alias. */
export function alertText(who: string, category: string, clientCode?: string): string {
  if (audienceOf(category as RiskCategory) === 'psw') {
    return `${who} asked me to let you know they could use some support right now. I haven't included anything they wrote. Please check in with them soon.`;
  }
  const about = clientCode ? ` about client ${clientCode}` : '';
  return `Safety alert from ${who}: a possible concern (${categoryLabel(category).toLowerCase()}) came up in a reflection${about}. I haven't included anything they wrote. Please check in with them soon.`;
}

export class SafetyAlerts {
  constructor(
    private readonly people: PeopleService,
    private readonly references: ReferenceStore,
    private readonly schedules: Container,
  ) {}

  /** Whom an alert would reach: the PSW's supervisor, if they have one the bot can message. */
  async target(pswId: string): Promise<AlertTarget> {
    const psw = await this.people.get(pswId);
    const supervisor = psw?.supervisorId ? await this.people.get(psw.supervisorId) : undefined;
    if (!supervisor) return { ok: false, reason: 'no_supervisor' };
    if (!(await this.references.get(supervisor.id))) return { ok: false, reason: 'unreachable' };
    return { ok: true, supervisor };
  }

  /** Schedules the alert, due now. 'already' when this debrief already alerted for this category. */
  async schedule(req: AlertRequest, now: Date): Promise<'scheduled' | 'already'> {
    const code = req.clientCode && looksLikeIdentifier(req.clientCode).ok ? req.clientCode : undefined;
    try {
      await this.schedules.items.create({
        id: safetyAlertId(req.debriefId, req.category),
        kind: 'safety_alert',
        personId: req.supervisorId,
        due: now.toISOString(),
        payload: { psw: req.psw, category: req.category, ...(code ? { clientCode: code } : {}) },
        attempts: 0,
        createdAt: now.toISOString(),
        ttl: SAFETY_ALERT_TTL_SECONDS,
      });
      return 'scheduled';
    } catch (err) {
      if ((err as { code?: number }).code === 409) return 'already';
      throw err;
    }
  }

  /** The JobHandler for 'safety_alert': one message to the supervisor, then the job ends. */
  readonly handler: JobHandler = async (job) => {
    const { psw, category, clientCode } = job.payload as { psw?: unknown; category?: unknown; clientCode?: unknown };
    if (typeof psw !== 'string' || typeof category !== 'string') return { messages: [] };
    const person = await this.people.get(psw);
    const code = typeof clientCode === 'string' && looksLikeIdentifier(clientCode).ok ? clientCode : undefined;
    const who = person?.alias ?? 'A peer support worker on your team';
    return { messages: [{ personId: job.personId, text: alertText(who, category, code) }] };
  };
}
