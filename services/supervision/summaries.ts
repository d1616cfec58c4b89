// Summaries of reflective work: per PSW (counts, stages, movement, stalls, self-check trend, onboarding) and a
// paged drill-down into one PSW's reflections. A summary reads no reflection: counts, movement, flags and the
// self-check trend come from the weekly roll-ups (rollups.ts), stages and stalls from the relationships, each in
// one query for the whole team, bounded by the weeks asked and by activity — so its cost follows the team and the
// period, never all history (issue 19). A drill-down reads one page of one PSW's partition. Access is decided by
// AccessService on every call; supervisor reads are audited before anything is returned.
import type { Container } from '@azure/cosmos';
import { DateTime } from 'luxon';
import type { AccessService, ReadScope } from '../access';
import type { AuditService } from '../audit';
import type { OnboardingStatus, OnboardingStatusReader } from '../onboarding';
import type { Person } from '../people';
import { readDoc, stripSystem } from '../storage/documents';
import { MOVEMENTS, STAGE_IDS, type Movement, type ReflectionDoc, type RelationshipDoc, type StageId } from '../reflections/model';
import { signToken, verifyToken } from '../signedToken';
import { tallyEvents, type StrategyTally } from '../reflections/strategies';
import { relationshipAsOf } from './asOf';
import { weeksEndingWith, type Period, type PeriodLabel } from './period';
import { recordKey } from './records';
import type { OpenAlert } from './openAlerts';
import type { RollupLine, RollupStore } from './rollups';

/** A relationship counts as active while it has had a reflection within this many weeks (or is stalled). */
export const ACTIVE_WEEKS = 26;

/** Self-check averages at or below this (1–5 scale) are flagged low. */
export const LOW_SELF_CHECK = 2.5;
/** A fall of this much from the previous weeks' average is flagged as falling. */
export const FALLING_BY = 1;
/** Weeks of self-check trend shown. */
export const TREND_WEEKS = 4;
export const PAGE_SIZE = 5;
/** How far back a drill-down reaches. */
export const DRILL_DOWN_DAYS = 90;
/** Relationships read per PSW at most (the active ones). */
const MAX_RELATIONSHIPS = 500;
const PAGE_TOKEN_MINUTES = 60;
/** A digest's "Show more" works for as long as the digest is the latest one. */
const TEAM_PAGE_TOKEN_DAYS = 8;

export interface StallLine {
  stage: StageId;
  /** Whole days since the stall began. */
  days: number;
  strategiesTried: string[];
  flaggedForSupervision: boolean;
  /** Shown to a supervisor only when the PSW flagged the relationship for supervision; always to the PSW. */
  clientCode?: string;
  /** A flagged stall's key (records.ts recordKey), so a supervisor's view can tell it was talked through (agenda.ts). */
  key?: string;
  /** Set for a supervisor's view when they have marked this flag talked through (the relationship's stall.talkedThrough). */
  talkedThrough?: boolean;
}

export interface PswSummary {
  person: Pick<Person, 'id' | 'alias' | 'team' | 'role'>;
  scope: ReadScope;
  reflections: { total: number; shared: number; private: number };
  /** Movement reported in the period's readable reflections (shared ones for a supervisor). */
  movement: Record<Movement, number>;
  /** Active relationships (a reflection within ACTIVE_WEEKS, or an open stall) by current stage. */
  stages: Record<StageId, number>;
  stalls: StallLine[];
  flaggedForSupervision: number;
  /** Safety screen hits on the period's readable reflections (shared ones for a supervisor): reflections per category. */
  riskFlags: Record<string, number>;
  /** The PSW's own view only: strategies planned in the period and outcomes reported in it (issue 14). */
  strategies?: StrategyTally;
  selfCheck: {
    /** Oldest first; the last entry is the period's week. */
    /** `week`: the local date its week starts, yyyy-MM-dd (cards/summary.ts writes it the reader's way). */
    weekly: { week: string; average?: number; count: number }[];
    average?: number;
    previousAverage?: number;
    low: boolean;
    falling: boolean;
  };
  onboarding?: OnboardingStatus;
}

export interface TeamSummary {
  viewer: Person;
  period: Period;
  /** Grouped by team label ('' when none), each sorted by alias. */
  teams: { team: string; psws: PswSummary[] }[];
}

export interface ReflectionPage {
  subject: Pick<Person, 'id' | 'alias'>;
  scope: ReadScope;
  items: ReflectionDoc[];
  /** A signed token for the next page, when there is one. */
  next?: string;
  /** A new hire's onboarding progress, on the first page. */
  onboarding?: OnboardingStatus;
}

export type Refusal = { ok: false; reason: 'not_found' | 'role' | 'no_viewer' | 'bad_token' };

export class SummaryService {
  constructor(
    private readonly reflections: Container,
    private readonly relationships: Container,
    private readonly rollups: RollupStore,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly secret: string,
    private readonly onboarding?: OnboardingStatusReader,
  ) {}

  /**
   * A supervisor's view of everyone they supervise, for one period. Audited as one `summary` read. The viewer by id, or
   * as the caller has just read them (the digest job: not read twice). A digest also gets the team's safety alerts not
   * yet acknowledged, read in the same query as the roll-ups (`alerts`, by PSW).
   */
  async team(viewerOrId: string | Person, period: Period, now: Date, view: 'summary' | 'digest' = 'summary'): Promise<{ ok: true; summary: TeamSummary; alerts: Map<string, OpenAlert[]> } | Refusal> {
    const { viewer, subjects, scope } = await this.access.readable(viewerOrId);
    if (!viewer) return { ok: false, reason: 'no_viewer' };
    if (viewer.role !== 'supervisor' || scope !== 'supervisee') return { ok: false, reason: 'role' };
    await this.audit.record({ actor: viewer.id, actorAlias: viewer.alias, subjects: subjects.map((s) => s.id), view, detail: { from: period.from, to: period.to } });
    const history = await this.history(subjects.map((s) => s.id), period, now, viewer.timeZone, view === 'digest');
    const psws = await Promise.all(subjects.map((s) => this.person(s, 'supervisee', period, viewer.timeZone, history)));
    const byTeam = new Map<string, PswSummary[]>();
    for (const p of psws) byTeam.set(p.person.team ?? '', [...(byTeam.get(p.person.team ?? '') ?? []), p]);
    const teams = [...byTeam.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b))).map(([team, list]) => ({ team, psws: list }));
    return { ok: true, summary: { viewer, period, teams }, alerts: history.alerts };
  }

  /** A PSW's (or new hire's) view of their own work. Not audited: it is their own data. */
  async own(viewerId: string, period: Period, now: Date): Promise<{ ok: true; summary: PswSummary } | Refusal> {
    const decision = await this.access.decide(viewerId, viewerId);
    if (!decision.allowed) return { ok: false, reason: decision.reason };
    const zone = decision.viewer.timeZone;
    return { ok: true, summary: await this.person(decision.subject, 'own', period, zone, await this.history([decision.subject.id], period, now, zone)) };
  }

  /** The first page of one person's reflections, newest first: a supervisor names a supervisee by alias. */
  async firstPage(viewerId: string, alias: string | undefined, now: Date): Promise<{ ok: true; page: ReflectionPage } | Refusal> {
    const decision = alias === undefined ? await this.access.decide(viewerId, viewerId) : await this.access.decideByAlias(viewerId, alias);
    if (!decision.allowed) return { ok: false, reason: decision.reason };
    const from = DateTime.fromJSDate(now).minus({ days: DRILL_DOWN_DAYS }).toUTC().toISO()!;
    return this.page(decision.viewer, decision.subject, decision.scope, from, undefined, now);
  }

  /** A later page. The token is ours (signed), but access is decided again, as for any read. */
  async nextPage(viewerId: string, token: unknown, now: Date): Promise<{ ok: true; page: ReflectionPage } | Refusal> {
    const t = verifyToken<{ v: string; s: string; f: string; c: string }>(this.secret, 'page', token, now);
    if (!t || t.v !== viewerId) return { ok: false, reason: 'bad_token' };
    const decision = await this.access.decide(viewerId, t.s);
    if (!decision.allowed) return { ok: false, reason: decision.reason };
    return this.page(decision.viewer, decision.subject, decision.scope, t.f, t.c, now);
  }

  /**
   * A button's token for a later page of a team summary or digest (the period and the first person on it). It lasts
   * as long as a digest stays useful; access is decided again when it is used.
   */
  teamPageToken(viewerId: string, period: Period, offset: number, digest: boolean, now: Date): string {
    return signToken(this.secret, 'team-page', { v: viewerId, f: period.from, t: period.to, l: period.label, o: offset, d: digest ? 1 : 0 }, new Date(now.getTime() + TEAM_PAGE_TOKEN_DAYS * 86_400_000));
  }

  /** What a team-page token asks for, when it is ours, unexpired and this viewer's. */
  readTeamPageToken(viewerId: string, token: unknown, now: Date): { period: Period; offset: number; digest: boolean } | undefined {
    const t = verifyToken<{ v: string; f: string; t: string; l: PeriodLabel; o: number; d: number }>(this.secret, 'team-page', token, now);
    if (!t || t.v !== viewerId || typeof t.o !== 'number') return undefined;
    return { period: { from: t.f, to: t.t, label: t.l }, offset: t.o, digest: t.d === 1 };
  }

  /** A button's token for one whole reflection on a page (its answers were shown cut short). */
  reflectionToken(viewerId: string, r: Pick<ReflectionDoc, 'id' | 'psw'>, now: Date): string {
    return signToken(this.secret, 'reflection', { v: viewerId, s: r.psw, r: r.id }, new Date(now.getTime() + PAGE_TOKEN_MINUTES * 60_000));
  }

  /** One whole reflection from a token: access decided again, a supervisor sees shared ones only, and the read is audited. */
  async reflection(viewerId: string, token: unknown, now: Date): Promise<{ ok: true; doc: ReflectionDoc; scope: ReadScope } | Refusal> {
    const t = verifyToken<{ v: string; s: string; r: string }>(this.secret, 'reflection', token, now);
    if (!t || t.v !== viewerId) return { ok: false, reason: 'bad_token' };
    const decision = await this.access.decide(viewerId, t.s);
    if (!decision.allowed) return { ok: false, reason: decision.reason };
    const doc = (await readDoc<ReflectionDoc>(this.reflections, t.r, t.s))?.doc;
    if (!doc || doc.practice || (decision.scope !== 'own' && doc.visibility !== 'shared')) return { ok: false, reason: 'not_found' };
    if (decision.scope === 'supervisee') await this.audit.record({ actor: viewerId, subjects: [t.s], view: 'summary_psw', detail: { count: 1 } });
    return { ok: true, doc, scope: decision.scope };
  }

  private async page(viewer: Person, subject: Person, scope: ReadScope, from: string, continuation: string | undefined, now: Date): Promise<{ ok: true; page: ReflectionPage }> {
    const visibility = scope === 'own' ? '' : ' AND c.visibility = "shared"';
    const iterator = this.reflections.items.query<ReflectionDoc>(
      {
        query: `SELECT * FROM c WHERE c.psw = @p AND c.practice = false AND c.createdAt >= @f${visibility} ORDER BY c.createdAt DESC`,
        parameters: [{ name: '@p', value: subject.id }, { name: '@f', value: from }],
      },
      { partitionKey: subject.id, maxItemCount: PAGE_SIZE, continuationToken: continuation },
    );
    const result = await iterator.fetchNext();
    const items = result.resources.map(stripSystem);
    if (scope === 'supervisee') {
      await this.audit.record({ actor: viewer.id, actorAlias: viewer.alias, subjects: [subject.id], view: 'summary_psw', detail: { count: items.length } });
    }
    const next = result.continuationToken
      ? signToken(this.secret, 'page', { v: viewer.id, s: subject.id, f: from, c: result.continuationToken }, new Date(now.getTime() + PAGE_TOKEN_MINUTES * 60_000))
      : undefined;
    const onboarding = !continuation && subject.role === 'newhire' && this.onboarding ? await this.onboarding.onboardingStatus(subject.id) : undefined;
    return { ok: true, page: { subject: { id: subject.id, alias: subject.alias }, scope, items, next, ...(onboarding && { onboarding }) } };
  }

  /**
   * What the summaries of these PSWs read, in two queries whatever the team's size: the roll-up lines of the period
   * and its self-check trend window, and the relationships active at the period's end.
   */
  private async history(psws: string[], period: Period, now: Date, zone: string, withAlerts = false): Promise<History> {
    const weeks = trendWeeks(period, zone);
    // Stages and stalls as they stood at the period's end (today, for the current period).
    const asOf = new Date(Math.min(now.getTime(), Date.parse(period.to)));
    const activeFrom = DateTime.fromJSDate(asOf).minus({ weeks: ACTIVE_WEEKS }).toUTC().toISO()!;
    const [{ lines, alerts }, rels] = await Promise.all([
      this.rollups.readTeam(psws, [weeks[0]!.from, period.from].sort()[0]! /* the earlier ISO date */, period.to, { alerts: withAlerts }),
      psws.length
        ? this.relationships.items
            .query<RelationshipDoc>({
              // Bounded by activity, not by all history: a relationship nobody has reflected on for ACTIVE_WEEKS has
              // ended or moved on, unless it is still stuck. At most MAX_RELATIONSHIPS a PSW.
              query: `SELECT TOP ${MAX_RELATIONSHIPS * psws.length} * FROM c WHERE ARRAY_CONTAINS(@p, c.psw) AND (c.lastReflectionAt >= @a OR IS_DEFINED(c.stall))`,
              parameters: [{ name: '@p', value: psws }, { name: '@a', value: activeFrom }],
            })
            .fetchAll()
        : { resources: [] as RelationshipDoc[] },
    ]);
    const relationships = new Map<string, RelationshipDoc[]>(psws.map((p) => [p, []]));
    for (const r of rels.resources) relationships.get(r.psw)?.push(r);
    return { lines, alerts, relationships, weeks, asOf, activeFrom };
  }

  /** One person's summary. Private reflections count, but their content (movement, self-check) is read only for the owner. */
  private async person(subject: Person, scope: ReadScope, period: Period, zone: string, history: History): Promise<PswSummary> {
    const { weeks, asOf, activeFrom } = history;
    const onboarding = subject.role === 'newhire' && this.onboarding ? await this.onboarding.onboardingStatus(subject.id) : undefined;
    const all = history.lines.get(subject.id) ?? [];
    const inPeriodAll = all.filter((l) => l.at >= period.from && l.at < period.to);
    const total = inPeriodAll.length;
    const privateCount = inPeriodAll.filter((l) => l.visibility === 'private').length;
    // What this viewer may read of each reflection: everything of their own, the shared ones of a supervisee.
    const rows: RollupLine[] = scope === 'own' ? all : all.filter((l) => l.visibility === 'shared');

    const movement = Object.fromEntries(MOVEMENTS.map((m) => [m, 0])) as Record<Movement, number>;
    const riskFlags: Record<string, number> = {};
    for (const r of rows) {
      if (r.at < period.from || r.at >= period.to) continue;
      if (r.movement in movement) movement[r.movement]++;
      for (const f of r.flags ?? []) riskFlags[f] = (riskFlags[f] ?? 0) + 1;
    }

    const weekly = weeks.map((w) => {
      const scores = rows.filter((r) => r.at >= w.from && r.at < w.to && typeof r.score === 'number').map((r) => r.score!);
      return { week: DateTime.fromISO(w.from, { zone }).toISODate()!, count: scores.length, average: scores.length ? round1(avg(scores)) : undefined };
    });
    const inPeriod = rows.filter((r) => r.at >= period.from && r.at < period.to && typeof r.score === 'number').map((r) => r.score!);
    const earlier = rows.filter((r) => r.at < period.from && typeof r.score === 'number').map((r) => r.score!);
    const average = inPeriod.length ? round1(avg(inPeriod)) : undefined;
    const previousAverage = earlier.length ? round1(avg(earlier)) : undefined;

    const stages = Object.fromEntries(STAGE_IDS.map((s) => [s, 0])) as Record<StageId, number>;
    const stalls: StallLine[] = [];
    let flagged = 0;
    for (const current of history.relationships.get(subject.id) ?? []) {
      const rel = relationshipAsOf(current, asOf.toISOString());
      if (!rel || (rel.lastReflectionAt < activeFrom && !rel.stall)) continue;
      if (rel.stage in stages) stages[rel.stage]++;
      if (!rel.stall) continue;
      if (rel.stall.flaggedForSupervision) flagged++;
      const line: StallLine = {
        stage: rel.stall.stage,
        days: Math.max(0, Math.floor((asOf.getTime() - Date.parse(rel.stall.since)) / 86_400_000)),
        strategiesTried: [...rel.stall.strategiesTried],
        flaggedForSupervision: rel.stall.flaggedForSupervision,
      };
      if (scope === 'own' || rel.stall.flaggedForSupervision) line.clientCode = rel.clientCode;
      if (rel.stall.flaggedForSupervision) line.key = recordKey({ type: 'stall', relationshipId: rel.id, clientCode: rel.clientCode, stage: rel.stall.stage, since: rel.stall.since });
      // Marked on the relationship when the supervisor recorded it (SupervisionAgenda.close): no look-up of the records.
      if (scope === 'supervisee' && rel.stall.flaggedForSupervision && rel.stall.talkedThrough) line.talkedThrough = true;
      stalls.push(line);
    }
    stalls.sort((a, b) => Number(b.flaggedForSupervision) - Number(a.flaggedForSupervision) || b.days - a.days);
    // Planned vs tried in the period, from the relationships' timelines: for the PSW's own view only (a timeline does
    // not say which reflections were shared).
    const strategies = scope === 'own' ? tallyEvents((history.relationships.get(subject.id) ?? []).flatMap((r) => r.history.filter((e) => e.at >= period.from && e.at < period.to))) : undefined;

    const summary: PswSummary = {
      ...(strategies ? { strategies } : {}),
      person: { id: subject.id, alias: subject.alias, team: subject.team, role: subject.role },
      scope,
      reflections: { total, shared: total - privateCount, private: privateCount },
      movement,
      stages,
      stalls,
      flaggedForSupervision: flagged,
      riskFlags,
      selfCheck: {
        weekly,
        average,
        previousAverage,
        low: average !== undefined && average <= LOW_SELF_CHECK,
        falling: average !== undefined && previousAverage !== undefined && previousAverage - average >= FALLING_BY,
      },
    };
    if (onboarding) summary.onboarding = onboarding;
    return summary;
  }
}

interface History {
  /** Roll-up lines of the period and its trend window, per PSW (all visibilities; person() applies the scope). */
  lines: Map<string, RollupLine[]>;
  /** Safety alerts not yet acknowledged, per PSW (read for a digest only). */
  alerts: Map<string, OpenAlert[]>;
  relationships: Map<string, RelationshipDoc[]>;
  weeks: Period[];
  asOf: Date;
  activeFrom: string;
}

/** The TREND_WEEKS weeks ending with the period's week, in the viewer's zone (a period ends where a week ends). */
function trendWeeks(period: Period, zone: string): Period[] {
  return weeksEndingWith(period, zone, TREND_WEEKS);
}

function avg(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
