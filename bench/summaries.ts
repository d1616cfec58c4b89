// Supervisor summaries and the weekly digest as a team's stored reflections grow (1k, 10k, 20k, 50k, 100k): time,
// requests, request units (estimated for Azure: ruEstimate.ts) and documents read for one summary, one digest and one
// drill-down page. The reads must grow with the team and the period asked, not with history — so the recent weeks
// hold the same reflections at every size (the team's weekly rate) and what grows is older history, further back.
// The roll-ups are built from the seeded reflections by the rebuild (npm run store -- rollups rebuild's code), timed.
import type { JSONObject } from '@azure/cosmos';
import { DateTime } from 'luxon';
import { createServices, type AppServices } from '../services/app';
import { loadConfig } from '../services/config';
import { setLogLevel } from '../services/log';
import type { Person } from '../services/people';
import { MOVEMENTS, STAGE_IDS, type ReflectionDoc, type RelationshipDoc } from '../services/reflections/model';
import { openStore } from '../services/storage/cosmos';
import { digestJobId } from '../services/supervision/digest';
import { parsePeriod, weekPeriod, type Period } from '../services/supervision/period';
import { countingProxy, type DbCost } from './countingProxy';
import { median } from './stats';

export const TEAM_SIZE = 10;
const CLIENTS_PER_PSW = 20;
const ZONE = 'America/Toronto';
/** A realistic team's rate: each PSW saves about 4 reflections a week. */
export const WEEKLY_RATE = TEAM_SIZE * 4;
/**
 * Weeks before `now` seeded at that rate at every size. They cover every window measured: the summaries' period
 * and 4-week trend window, and the digests' earlier weeks (up to 10 weeks back) with their trend windows.
 */
export const RECENT_WEEKS = 16;
const RECENT = WEEKLY_RATE * RECENT_WEEKS;
const WEEK_MS = 7 * 86_400_000;

export interface SummaryFigures {
  reflections: number;
  /** Of them, in the RECENT_WEEKS before now (the same at every size); the rest is older history. */
  recent: number;
  /** How far back the oldest reflection is, in years. */
  historyYears: number;
  /** Set when this size could not be measured. */
  error?: string;
  /** One query alone (a PSW's reflection count this week, one partition, a createdAt range): median ms. */
  oneQuery: DbCost & { ms: number };
  /** Rebuilding every roll-up from the stored reflections (ms), and the weekly documents it wrote. */
  rebuild?: { ms: number; weeks: number };
  summaryWeek?: DbCost & { ms: number };
  summary4Weeks?: DbCost & { ms: number };
  digest?: DbCost & { ms: number };
  /** A supervisor's drill-down: the first page of one PSW's reflections. */
  drillDown?: DbCost & { ms: number };
}

interface Team {
  supervisor: Person;
  psws: Person[];
}

async function seedTeam(app: AppServices, now: Date): Promise<Team> {
  const at = now.toISOString();
  const begun = new Date(now.getTime() - 40 * WEEK_MS).toISOString();
  const supervisor: Person = { id: 'bench-supervisor', role: 'supervisor', alias: 'Sup', team: 'North', timeZone: ZONE, createdAt: at };
  await app.people.put(supervisor);
  const psws: Person[] = [];
  for (let i = 0; i < TEAM_SIZE; i++) {
    const p: Person = { id: `bench-psw-${i}`, role: 'psw', alias: `PSW ${i}`, supervisorId: supervisor.id, team: 'North', timeZone: ZONE, createdAt: at };
    psws.push(await app.people.put(p));
    for (let c = 0; c < CLIENTS_PER_PSW; c++) {
      // Begun (and, for every fifth, stalled; every tenth flagged for supervision) before every period measured, with
      // that first reflection in its timeline: a digest of an earlier week sees the stages and the flagged stalls too.
      const stalled = c % 5 === 0;
      const rel: RelationshipDoc = {
        id: `${p.id}|C${c}`, kind: 'relationship', psw: p.id, clientCode: `C-${c}`, stage: STAGE_IDS[c % 4]!, stageSince: begun,
        reflectionsAtStage: 1, lastMovement: 'steady', lastReflectionAt: at, updatedAt: at,
        history: [{ at: begun, reflectionId: `bench-begun-${i}-${c}`, stage: STAGE_IDS[c % 4]!, movement: 'steady', ...(stalled ? { stallSource: 'reported' as const } : {}) }],
        ...(stalled ? { stall: { stage: STAGE_IDS[c % 4]!, since: begun, source: 'reported' as const, strategiesTried: ['trust-s-curious'], flaggedForSupervision: c % 10 === 0 } } : {}),
      } as unknown as RelationshipDoc;
      await app.store.containers.relationships.items.upsert(rel);
    }
  }
  return { supervisor, psws };
}

/**
 * How long before `now` reflection n was saved. The first RECENT fill the RECENT_WEEKS before now evenly (the team's
 * weekly rate); every later one is older history at the same rate, week after week further back — so a larger size
 * adds years of history before the recent weeks and leaves them exactly as they were.
 */
function agoMs(n: number): number {
  if (n < RECENT) return ((n + 0.5) / RECENT) * RECENT_WEEKS * WEEK_MS;
  const k = n - RECENT;
  return (RECENT_WEEKS + Math.floor(k / WEEKLY_RATE) + ((k % WEEKLY_RATE) + 0.5) / WEEKLY_RATE) * WEEK_MS;
}

/** Adds reflections numbered [from, to) across the team (see agoMs for when each was saved). */
async function seedReflections(app: AppServices, team: Team, from: number, to: number, now: Date): Promise<void> {
  const docs: ReflectionDoc[] = [];
  for (let n = from; n < to; n++) {
    const psw = team.psws[n % TEAM_SIZE]!;
    const ago = agoMs(n);
    docs.push({
      id: `bench-r-${n}`, kind: 'reflection', psw: psw.id, clientCode: `C-${n % CLIENTS_PER_PSW}`, stage: STAGE_IDS[n % 4]!, stageChosenBy: 'psw',
      movement: MOVEMENTS[n % 4]!, answers: [{ promptId: 'trust-connection', text: 'We walked to the clinic and talked about her week.', skipped: false, redactions: {} }],
      selfCheck: { score: ((n % 5) + 1) as 1 | 2 | 3 | 4 | 5, note: 'tired but okay' }, riskFlags: [], visibility: n % 7 === 0 ? 'private' : 'shared',
      // A retention longer than the history seeded, so every reflection (and its roll-up line) is live and counts.
      practice: false, createdAt: new Date(now.getTime() - ago).toISOString(), ttl: 100 * 366 * 86_400,
    });
  }
  const container = app.store.containers.reflections;
  for (let i = 0; i < docs.length; i += 100) {
    const chunk = docs.slice(i, i + 100);
    await container.items.bulk(chunk.map((d) => ({ operationType: 'Create' as const, resourceBody: d as unknown as JSONObject })));
  }
}

async function measure(cost: () => DbCost, reset: () => void, work: (i: number) => Promise<unknown>, runs = 3): Promise<DbCost & { ms: number }> {
  const times: number[] = [];
  let last: DbCost | undefined;
  for (let i = 0; i < runs; i++) {
    reset();
    const t0 = process.hrtime.bigint();
    await work(i);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = cost();
    last = { ...c, ...(c.byContainer ? { byContainer: { ...c.byContainer } } : {}) }; // the last run's: the first also pays the client's one-off metadata reads
  }
  return { ...last!, ms: median(times) };
}

export const SUMMARY_SIZES = [1_000, 10_000, 20_000, 50_000, 100_000];

export async function runSummaryBench(sizes: number[] = SUMMARY_SIZES, log: (s: string) => void = () => undefined): Promise<SummaryFigures[]> {
  setLogLevel('silent');
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ID_SECRET: 'bench-secret-bench-secret-bench-secret-00' });
  const proxy = countingProxy({ trace: process.env.BENCH_TRACE === '1' }); // BENCH_TRACE=1: list each request of the last run
  // The embedded server scans a whole container for every query (no index), so its query time grows with the
  // container. This bench's client gets a long request timeout so a slow size is measured, not cut off (the bot keeps its own),
  // and the usual retries: a keep-alive socket the pass-through's upstream closed while idle (between sizes) is a reset.
  const store = await openStore({ ...config, dataDir: undefined, interpose: proxy.interpose, requestTimeoutMs: 600_000 });
  const app = createServices(config, store);
  const now = DateTime.fromISO('2026-11-25T15:00:00', { zone: ZONE }).toJSDate();
  const team = await seedTeam(app, now);
  const { summaries, digest } = app.supervision;
  const out: SummaryFigures[] = [];
  let seeded = 0;
  try {
    for (const size of sizes) {
     try {
      const t0 = Date.now();
      await seedReflections(app, team, seeded, size, now);
      seeded = size;
      log(`  seeded ${size} reflections (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      const r0 = Date.now();
      const built = await app.supervision.rollups.rebuild(app.store.containers.reflections);
      const rebuild = { ms: Date.now() - r0, weeks: built.weeks };
      log(`  rebuilt the roll-ups: ${built.weeks} weekly documents (${(rebuild.ms / 1000).toFixed(1)} s)`);
      const cost = () => proxy.cost;
      const reset = () => proxy.reset();
      const team1 = async (period: Period) => {
        const r = await summaries.team(team.supervisor.id, period, now);
        if (!r.ok) throw new Error(`summary refused: ${r.reason}`);
        const n = r.summary.teams.reduce((s, t) => s + t.psws.reduce((m, p) => m + p.reflections.total, 0), 0);
        if (n === 0) throw new Error('summary counted no reflections');
      };
      const runs = 5; // the median of five: this machine is shared, and a summary takes a few hundred ms
      const [first] = team.psws;
      const week = weekPeriod(ZONE, now);
      const oneQuery = await measure(cost, reset, async () => {
        const q = { query: 'SELECT VALUE COUNT(1) FROM c WHERE c.psw = @p AND c.practice = false AND c.createdAt >= @f AND c.createdAt < @t', parameters: [{ name: '@p', value: first!.id }, { name: '@f', value: week.from }, { name: '@t', value: week.to }] };
        const n = (await app.store.containers.reflections.items.query<number>(q, { partitionKey: first!.id }).fetchAll()).resources[0];
        if (!n) throw new Error('one query counted no reflections');
      }, runs);
      log(`  ${size}: one query ${oneQuery.ms.toFixed(0)} ms`);
      const summaryWeek = await measure(cost, reset, () => team1(weekPeriod(ZONE, now)), runs);
      log(`  ${size}: summary (week) ${summaryWeek.ms.toFixed(0)} ms ${summaryWeek.requests} requests ${summaryWeek.documentsRead} docs`);
      const summary4Weeks = await measure(cost, reset, () => team1(parsePeriod('4 weeks', ZONE, now)!), runs);
      // A digest per earlier week (each week is claimed once, so each run, at every size, is a fresh week of the same density).
      const digestRun = await measure(cost, reset, async (i) => {
        const due = DateTime.fromJSDate(now, { zone: ZONE }).minus({ weeks: 1 + i + out.length * runs }).toUTC().toISO()!;
        const result = await digest.handler({ id: digestJobId(team.supervisor.id), kind: 'digest', personId: team.supervisor.id, due, payload: {}, attempts: 0, createdAt: due }, now);
        if (result.messages.length !== 1) throw new Error('digest built no message');
        const notice = result.messages[0]!.notice;
        // A realistic week: the team's flagged stalls are on it (each asks whether it was talked through).
        if (notice?.kind !== 'digest' || !notice.summary.teams.some((t) => t.psws.some((p) => p.stalls.some((l) => l.key)))) throw new Error('digest showed no flagged stall');
      }, runs);
      const drillDown = await measure(cost, reset, async () => {
        const r = await summaries.firstPage(team.supervisor.id, first!.alias, now);
        if (!r.ok || !r.page.items.length) throw new Error('drill-down found no reflections');
      }, runs);
      out.push({ reflections: size, recent: Math.min(size, RECENT), historyYears: agoMs(size - 1) / (365.25 * 86_400_000), rebuild, oneQuery, summaryWeek, summary4Weeks, digest: digestRun, drillDown });
      log(`  ${size}: 4 weeks ${summary4Weeks.ms.toFixed(0)} ms ${summary4Weeks.documentsRead} docs; digest ${digestRun.ms.toFixed(0)} ms ${digestRun.requests} requests ${digestRun.documentsRead} docs; drill-down ${drillDown.ms.toFixed(0)} ms ${drillDown.requests} requests`);
      if (digestRun.trace) log(`  ${size}: digest's requests: ${digestRun.trace.join(', ')}`);
     } catch (err) {
      const none = { requests: 0, requestUnits: 0, documentsRead: 0, ms: NaN };
      out.push({ reflections: size, recent: Math.min(size, RECENT), historyYears: agoMs(size - 1) / (365.25 * 86_400_000), error: (err as Error).message.slice(0, 120), oneQuery: none });
      log(`  ${size}: failed: ${(err as Error).message.slice(0, 120)}`);
      break;
     }
    }
  } finally {
    await store.close();
    await proxy.close();
  }
  return out;
}

if (require.main === module) void runSummaryBench(process.argv.slice(2).map(Number).filter(Boolean).length ? process.argv.slice(2).map(Number) : [1_000, 10_000], console.log).then((r) => console.log(JSON.stringify(r, null, 1)));
