// What helps, learned from practice (issue 14's loop): per stage and strategy, how often a team's peer workers tried a
// strategy they had planned at a stall and how often it helped — counted from the outcomes PSWs report at the start of
// a later debrief (ReflectionDoc.strategyOutcome, services/reflections/model.ts), in SHARED reflections only, never
// practice. Counts only: no text, no client, no person. Every query is one PSW's partition, bounded by time.
//   - A supervisor sees their supervisees' counts (audited as one `what_helps` read).
//   - A PSW at a stall may hear "peer workers on your team found this helped 4 of 6 times": their team is everyone with
//     the same supervisor, themself included, and a strategy is mentioned only once it has been tried MIN_TRIES times.
import type { Container } from '@azure/cosmos';
import { DateTime } from 'luxon';
import type { AccessService } from '../access';
import type { AuditService } from '../audit';
import type { PeopleService } from '../people';
import { isTried, type StageId, type StrategyOutcome } from '../reflections/model';
import type { RosterService } from '../roster';

/** How far back outcomes count: a year of practice. */
export const WHAT_HELPS_WEEKS = 52;
/** Fewer tries than this say little: the PSW's stall step stays quiet about them. */
export const MIN_TRIES = 3;
/** A team's counts are read again after this long (a stall step must not query every teammate's partition each time). */
const CACHE_MS = 10 * 60_000;
const CACHE_TEAMS = 500;

export interface StrategyCounts {
  stage: StageId;
  strategyId: string;
  /** Reported as helped, partly or didn't help. */
  tried: number;
  helped: number;
  partly: number;
  didntHelp: number;
  /** Planned, then reported as "didn't get to it". */
  notTried: number;
}

/** Worth telling a PSW: tried often enough to mean something. */
export function meaningful(c: StrategyCounts): boolean {
  return c.tried >= MIN_TRIES;
}

/** Adds up reported outcomes by stage and strategy; most tried first. */
export function countOutcomes(outcomes: readonly StrategyOutcome[]): StrategyCounts[] {
  const by = new Map<string, StrategyCounts>();
  for (const o of outcomes) {
    const key = `${o.stage}|${o.strategyId}`;
    const c = by.get(key) ?? { stage: o.stage, strategyId: o.strategyId, tried: 0, helped: 0, partly: 0, didntHelp: 0, notTried: 0 };
    if (isTried(o)) c.tried++;
    if (o.outcome === 'helped') c.helped++;
    else if (o.outcome === 'partly') c.partly++;
    else if (o.outcome === 'didnt_help') c.didntHelp++;
    else c.notTried++;
    by.set(key, c);
  }
  return [...by.values()].sort((a, b) => b.tried - a.tried || b.helped - a.helped || a.strategyId.localeCompare(b.strategyId));
}

export class WhatHelpsService {
  private readonly cache = new Map<string, { at: number; counts: StrategyCounts[] }>();

  constructor(
    private readonly reflections: Container,
    private readonly people: PeopleService,
    private readonly roster: RosterService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** A supervisor's view: their supervisees' counts. */
  async forSupervisor(viewerId: string, now: Date): Promise<{ ok: true; counts: StrategyCounts[] } | { ok: false; reason: 'role' | 'no_viewer' }> {
    const { viewer, subjects, scope } = await this.access.readable(viewerId);
    if (!viewer) return { ok: false, reason: 'no_viewer' };
    if (viewer.role !== 'supervisor' || scope !== 'supervisee') return { ok: false, reason: 'role' };
    await this.audit.record({ actor: viewer.id, subjects: subjects.map((s) => s.id), view: 'what_helps' });
    return { ok: true, counts: await this.count(subjects.map((s) => s.id), now) };
  }

  /**
   * For a PSW at a stall: the counts of their team (everyone with their supervisor, themself included; just themself
   * without one), for one stage, keyed by strategy id. Counts only, so nothing about anyone can be read from them.
   */
  async forTeamOf(pswId: string, stage: StageId, now: Date): Promise<Map<string, StrategyCounts>> {
    const psw = await this.people.get(pswId);
    const teamKey = psw?.supervisorId ?? `self|${pswId}`;
    let hit = this.cache.get(teamKey);
    if (!hit || now.getTime() - hit.at > CACHE_MS) {
      const team = psw?.supervisorId ? (await this.roster.supervisees(psw.supervisorId)).map((p) => p.id) : [pswId];
      hit = { at: now.getTime(), counts: await this.count(team.includes(pswId) ? team : [...team, pswId], now) };
      if (this.cache.size >= CACHE_TEAMS) this.cache.clear();
      this.cache.set(teamKey, hit);
    }
    return new Map(hit.counts.filter((c) => c.stage === stage).map((c) => [c.strategyId, c]));
  }

  private async count(pswIds: readonly string[], now: Date): Promise<StrategyCounts[]> {
    const from = DateTime.fromJSDate(now).minus({ weeks: WHAT_HELPS_WEEKS }).toUTC().toISO()!;
    const outcomes = await Promise.all(
      pswIds.map(async (p) => {
        const { resources } = await this.reflections.items
          .query<{ o: StrategyOutcome }>(
            {
              query: 'SELECT c.strategyOutcome AS o FROM c WHERE c.psw = @p AND c.practice = false AND c.visibility = "shared" AND IS_DEFINED(c.strategyOutcome) AND c.createdAt >= @f',
              parameters: [{ name: '@p', value: p }, { name: '@f', value: from }],
            },
            { partitionKey: p },
          )
          .fetchAll();
        return resources.map((r) => r.o);
      }),
    );
    return countOutcomes(outcomes.flat());
  }
}
