// Alerting someone after a safety concern, when the PSW asks for it. One alert per debrief, naming every kind
// found: a scheduled job (kind 'safety_alert', id `safety_alert|<debrief>`, due now) whose handler
// (./delivery.ts) delivers it on its own path: to the PSW's supervisor, or — when that can't be done within
// ALERT_WINDOW_MS — to the next person in line (another supervisor of the team, then an admin), telling the PSW
// at each step. Any instance may run it (the scheduler's lease); asking again in the same debrief adds the new
// kinds to the alert still on its way, or says the supervisor already has it. The alert carries the PSW's
// alias, the client code and the kinds, as data said in the reader's words when it is sent; never anything they wrote.
import type { Container } from '@azure/cosmos';
import type { RiskCategory, SafetyProtocol } from '../content';
import { looksLikeIdentifier } from '../deidentify';
import type { PeopleService, Person } from '../people';
import type { ReferenceStore } from '../references';
import { readDoc, stripSystem } from '../storage/documents';
import type { Region } from './region';

/** An alert (and its record once delivered) is kept a week; Cosmos removes the job then. */
export const SAFETY_ALERT_TTL_SECONDS = 7 * 24 * 3600;
/** At most this many people in line: the supervisor, others of the team, admins. */
export const MAX_IN_LINE = 6;

export function safetyAlertId(debriefId: string): string {
  return `safety_alert|${debriefId}`;
}

/** What the stored job carries: ids, kinds and where it has got to. Never free text. */
export interface SafetyAlertPayload {
  psw: string;
  categories: RiskCategory[];
  clientCode?: string;
  /** Person ids in the order they are tried. */
  chain: string[];
  /** Whether chain[0] is the PSW's own supervisor (the words differ for the next in line). */
  primary: boolean;
  /** Index in `chain` of the person being tried. */
  at: number;
  /** UTC ISO time trying chain[at] began. */
  since: string;
  state: 'sending' | 'delivered' | 'undelivered';
  /** The PSW has been given the protocol's contacts because it did not go through. */
  told?: boolean;
  region?: Region;
}

/** Whom an alert would reach: the supervisor if reachable, else whether anyone next in line is. */
export interface AlertTarget {
  /** The people the bot can message, in order. */
  chain: Person[];
  /** chain[0] is the PSW's own supervisor. */
  primary: boolean;
  /** Why the PSW's own supervisor isn't first: none set, or not connected to the bot. */
  reason?: 'no_supervisor' | 'unreachable';
}

export interface AlertRequest {
  psw: string;
  /** The debrief (reflection) id, or another stable id of where the concern was raised. */
  debriefId: string;
  clientCode?: string;
  categories: RiskCategory[];
  region?: Region;
}

/**
 * sending: the alert is on its way. added: this debrief's alert is still on its way and now names these kinds too.
 * already: this debrief's alert has been delivered. nobody: there is no one the bot can alert.
 */
export type AlertRequestResult = 'sending' | 'added' | 'already' | 'nobody';

/**
 * What the person alerted reads, as data (cards/words/safetyAlert.ts says it in their words when it is sent): the
 * PSW's roster alias (none: "a peer support worker on your team"), the kinds and the client code; `forwarded` when
 * their supervisor couldn't be reached. Never anything the PSW wrote.
 */
export interface SafetyAlertNotice {
  who?: string;
  categories: RiskCategory[];
  clientCode?: string;
  forwarded: boolean;
}

/** Someone in an alert's line as the PSW hears of them: their alias, and their supervisor, another of the team's or an admin. */
export interface InLine {
  alias?: string;
  role: 'supervisor' | 'teamSupervisor' | 'admin';
}

/**
 * What the PSW is told of their alert, as data: it reached someone; or it could not reach someone, with who is
 * tried next (none: no one left) and, the first time, the protocol's contacts for these kinds and region.
 */
export type SafetyAlertUpdate =
  | { status: 'delivered'; to: InLine }
  | { status: 'notDelivered'; to: InLine; next?: InLine; contacts?: { categories: RiskCategory[]; region?: Region } };

/** A delivered alert as a supervisor acknowledges it: ids, kinds and when — never anything the PSW wrote. */
export interface DeliveredAlert {
  /** The alert's id (`safety_alert|<debrief>`). */
  id: string;
  psw: string;
  categories: RiskCategory[];
  clientCode?: string;
  /** When it reached the person who has it (UTC ISO). */
  deliveredAt: string;
  /** Who it reached: the PSW's supervisor, or the next in line. */
  to: string;
}

/**
 * The delivered alerts about these PSWs that are still kept (a week after delivery), newest first: what a supervisor
 * acknowledges (services/supervision/agenda.ts keeps the acknowledgement). One query across the schedules container,
 * which holds jobs only, bounded by TOP.
 */
export async function deliveredAlertsAbout(schedules: Container, pswIds: readonly string[]): Promise<DeliveredAlert[]> {
  if (!pswIds.length) return [];
  const { resources } = await schedules.items
    .query<{ id: string; payload: SafetyAlertPayload }>({
      query: "SELECT TOP 200 c.id, c.payload FROM c WHERE c.kind = 'safety_alert' AND c.payload.state = 'delivered' AND ARRAY_CONTAINS(@p, c.payload.psw)",
      parameters: [{ name: '@p', value: [...pswIds] }],
    })
    .fetchAll();
  return resources
    .map(({ id, payload: p }) => ({ id, psw: p.psw, categories: p.categories, ...(p.clientCode ? { clientCode: p.clientCode } : {}), deliveredAt: p.since, to: p.chain[p.at] ?? '' }))
    .sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt) || a.id.localeCompare(b.id));
}

export class SafetyAlerts {
  constructor(
    private readonly people: PeopleService,
    private readonly references: ReferenceStore,
    private readonly schedules: Container,
    /** The people container, for the next in line (supervisors of the team, admins). */
    private readonly roster: Container,
    /** The protocol in force (SAFETY_PROTOCOL_FILE or content/safety-protocol.json). */
    readonly protocol: SafetyProtocol,
  ) {}

  /** Whom an alert from this PSW would reach, in order: their supervisor, other supervisors of the team, admins — those the bot can message. */
  async target(pswId: string): Promise<AlertTarget> {
    const psw = await this.people.get(pswId);
    const supervisor = psw?.supervisorId && psw.supervisorId !== pswId ? await this.people.get(psw.supervisorId) : undefined;
    const team = psw?.team ?? supervisor?.team;
    const others = await this.query(
      team
        ? { query: "SELECT TOP 20 * FROM c WHERE (c.role = 'supervisor' AND c.team = @t) OR c.role = 'admin'", parameters: [{ name: '@t', value: team }] }
        : { query: "SELECT TOP 20 * FROM c WHERE c.role = 'admin'", parameters: [] },
    );
    // Supervisors of the team before admins; by alias within each, so every instance tries the same order.
    const rank = (p: Person) => (p.role === 'supervisor' ? 0 : 1);
    others.sort((a, b) => rank(a) - rank(b) || (a.alias ?? '~').localeCompare(b.alias ?? '~'));
    const candidates = [...(supervisor ? [supervisor] : []), ...others.filter((p) => p.id !== pswId && p.id !== supervisor?.id)].slice(0, MAX_IN_LINE);
    const reachable = await Promise.all(candidates.map(async (p) => ((await this.references.get(p.id)) ? p : undefined)));
    const chain = reachable.filter((p): p is Person => p !== undefined);
    const primary = !!supervisor && chain[0]?.id === supervisor.id;
    return { chain, primary, ...(primary ? {} : { reason: supervisor ? 'unreachable' : 'no_supervisor' }) };
  }

  /** Where this debrief's alert is: not asked for, on its way, delivered, or reached no one. */
  async status(debriefId: string): Promise<SafetyAlertPayload['state'] | undefined> {
    const id = safetyAlertId(debriefId);
    return (await readDoc<{ payload: SafetyAlertPayload }>(this.schedules, id, id))?.doc.payload?.state;
  }

  /** Sends this debrief's alert (due now), or adds the kinds to the one already on its way. */
  async request(req: AlertRequest, now: Date): Promise<AlertRequestResult> {
    const code = req.clientCode && looksLikeIdentifier(req.clientCode).ok ? req.clientCode : undefined;
    const id = safetyAlertId(req.debriefId);
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await readDoc<{ payload: SafetyAlertPayload }>(this.schedules, id, id);
      if (existing?.doc.payload.state === 'delivered') return 'already';
      if (existing?.doc.payload.state === 'sending') {
        // Still on its way: the same alert names the new kinds too (the run that delivers it reads them then).
        const payload = { ...existing.doc.payload, categories: [...new Set([...existing.doc.payload.categories, ...req.categories])] };
        if (await this.replace(id, existing.etag, { ...existing.doc, payload })) return 'added';
        continue;
      }
      // New, or one that reached no one: (re)start it with whoever can be reached now.
      const target = await this.target(req.psw);
      if (!target.chain.length) return 'nobody';
      const categories = [...new Set([...(existing?.doc.payload.categories ?? []), ...req.categories])];
      const payload: SafetyAlertPayload = {
        psw: req.psw, categories, ...(code ? { clientCode: code } : {}), chain: target.chain.map((p) => p.id), primary: target.primary,
        at: 0, since: now.toISOString(), state: 'sending', ...(req.region ? { region: req.region } : {}),
      };
      const doc = { id, kind: 'safety_alert', personId: payload.chain[0], due: now.toISOString(), payload, attempts: 0, createdAt: now.toISOString(), ttl: SAFETY_ALERT_TTL_SECONDS };
      if (existing ? await this.replace(id, existing.etag, doc) : await this.create(doc)) return 'sending';
    }
    throw new Error('Safety alert request kept racing');
  }

  private async query(spec: { query: string; parameters: { name: string; value: string }[] }): Promise<Person[]> {
    const { resources } = await this.roster.items.query<Person>(spec).fetchAll();
    return resources.map(stripSystem);
  }

  private async create(doc: Record<string, unknown>): Promise<boolean> {
    try {
      await this.schedules.items.create(doc);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 409) return false;
      throw err;
    }
  }

  private async replace(id: string, etag: string, doc: Record<string, unknown>): Promise<boolean> {
    try {
      await this.schedules.item(id, id).replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } });
      return true;
    } catch (err) {
      const code = (err as { code?: number }).code;
      if (code === 412 || code === 404) return false;
      throw err;
    }
  }
}
