// Supervisor summaries and the weekly digest as a team's stored reflections grow (1k, 10k, 100k, spread over a
// year): time, requests, request units and documents read for one summary and one digest. The reads must grow
// with the period asked (a week, four weeks), not with all history.
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

export interface SummaryFigures {
  reflections: number;
  /** Set when this size could not be measured (the embedded server's full scans time out at 100k). */
  error?: string;
  summaryWeek: DbCost & { ms: number };
  summary4Weeks: DbCost & { ms: number };
  digest: DbCost & { ms: number };
}

interface Team {
  supervisor: Person;
  psws: Person[];
}

async function seedTeam(app: AppServices, now: Date): Promise<Team> {
  const at = now.toISOString();
  const supervisor: Person = { id: 'bench-supervisor', role: 'supervisor', alias: 'Sup', team: 'North', timeZone: ZONE, createdAt: at };
  await app.people.put(supervisor);
  const psws: Person[] = [];
  for (let i = 0; i < TEAM_SIZE; i++) {
    const p: Person = { id: `bench-psw-${i}`, role: 'psw', alias: `PSW ${i}`, supervisorId: supervisor.id, team: 'North', timeZone: ZONE, createdAt: at };
    psws.push(await app.people.put(p));
    for (let c = 0; c < CLIENTS_PER_PSW; c++) {
      const rel: RelationshipDoc = {
        id: `${p.id}|C${c}`, kind: 'relationship', psw: p.id, clientCode: `C-${c}`, stage: STAGE_IDS[c % 4]!, stageSince: at,
        reflectionsAtStage: 1, lastMovement: 'steady', lastReflectionAt: at, updatedAt: at, history: [],
        ...(c % 5 === 0 ? { stall: { stage: STAGE_IDS[c % 4]!, since: at, source: 'reported' as const, strategiesTried: ['trust-s-curious'], flaggedForSupervision: c % 10 === 0 } } : {}),
      } as unknown as RelationshipDoc;
      await app.store.containers.relationships.items.upsert(rel);
    }
  }
  return { supervisor, psws };
}

/** Adds reflections numbered [from, to), spread evenly over the year before `now` and across the team. */
async function seedReflections(app: AppServices, team: Team, from: number, to: number, now: Date): Promise<void> {
  const yearMs = 365 * 86_400_000;
  const docs: ReflectionDoc[] = [];
  for (let n = from; n < to; n++) {
    const psw = team.psws[n % TEAM_SIZE]!;
    // A fixed stride through the year (golden ratio), so every size is spread evenly and deterministic.
    const ago = ((n * 0.6180339887) % 1) * yearMs;
    docs.push({
      id: `bench-r-${n}`, kind: 'reflection', psw: psw.id, clientCode: `C-${n % CLIENTS_PER_PSW}`, stage: STAGE_IDS[n % 4]!, stageChosenBy: 'psw',
      movement: MOVEMENTS[n % 4]!, answers: [{ promptId: 'trust-connection', text: 'We walked to the clinic and talked about her week.', skipped: false, redactions: {} }],
      selfCheck: { score: ((n % 5) + 1) as 1 | 2 | 3 | 4 | 5, note: 'tired but okay' }, riskFlags: [], visibility: n % 7 === 0 ? 'private' : 'shared',
      practice: false, createdAt: new Date(now.getTime() - ago).toISOString(), ttl: 3 * 365 * 86_400,
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
    last = { ...cost() }; // the last run's: the first also pays the client's one-off metadata reads
  }
  return { ...last!, ms: median(times) };
}

export async function runSummaryBench(sizes: number[] = [1_000, 10_000, 100_000], log: (s: string) => void = () => undefined): Promise<SummaryFigures[]> {
  setLogLevel('silent');
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ID_SECRET: 'bench-secret-bench-secret-bench-secret-00' });
  const proxy = countingProxy();
  // The embedded server scans a whole container for every query (no index), so its query time grows with the
  // container; a long per-request timeout keeps the 100k case from timing out (Cosmos itself seeks the index).
  const store = await openStore({ ...config, dataDir: undefined, interpose: proxy.interpose, requestTimeoutMs: 60_000, backoff: { budgetMs: 0 } });
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
      const cost = () => proxy.cost;
      const reset = () => proxy.reset();
      const team1 = async (period: Period) => {
        const r = await summaries.team(team.supervisor.id, period, now);
        if (!r.ok) throw new Error(`summary refused: ${r.reason}`);
        const n = r.summary.teams.reduce((s, t) => s + t.psws.reduce((m, p) => m + p.reflections.total, 0), 0);
        if (n === 0) throw new Error('summary counted no reflections');
      };
      const runs = size >= 50_000 ? 1 : 3;
      const summaryWeek = await measure(cost, reset, () => team1(weekPeriod(ZONE, now)), runs);
      const summary4Weeks = await measure(cost, reset, () => team1(parsePeriod('4 weeks', ZONE, now)!), runs);
      // A digest per earlier week (each week is claimed once, so each run is a fresh week of the same density).
      const digestRun = await measure(cost, reset, async (i) => {
        const due = DateTime.fromJSDate(now, { zone: ZONE }).minus({ weeks: 1 + i + out.length * 3 }).toUTC().toISO()!;
        const result = await digest.handler({ id: digestJobId(team.supervisor.id), kind: 'digest', personId: team.supervisor.id, due, payload: {}, attempts: 0, createdAt: due }, now);
        if (result.messages.length !== 1) throw new Error('digest built no message');
      }, runs);
      out.push({ reflections: size, summaryWeek, summary4Weeks, digest: digestRun });
      log(`  ${size}: summary (week) ${summaryWeek.ms.toFixed(0)} ms ${summaryWeek.requests} requests ${summaryWeek.documentsRead} docs; digest ${digestRun.ms.toFixed(0)} ms`);
     } catch (err) {
      const none = { requests: 0, requestUnits: 0, documentsRead: 0, ms: NaN };
      out.push({ reflections: size, error: (err as Error).message.slice(0, 120), summaryWeek: none, summary4Weeks: none, digest: none });
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

if (require.main === module) void runSummaryBench([1_000, 10_000], console.log).then((r) => console.log(JSON.stringify(r, null, 1)));
