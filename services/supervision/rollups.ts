// Per-PSW weekly roll-ups: what a summary or digest needs of a week's reflections, so a team summary reads a few
// roll-up documents instead of every reflection (issue 19). One document per PSW per UTC week (Monday 00:00 UTC),
// in their own partition (/psw) of the `rollups` container, holding one short line per reflection: when, private
// or shared, stage, movement, stall, safety flags, self-check score, and when it expires — never any text.
//
// Lines, not pre-summed counts: a digest's window (the 7 days to Monday 09:00 in the supervisor's zone) cuts
// weeks anywhere, Azure's TTL removes single reflections without telling us, and a delete or an edit must take out
// exactly one reflection's share. With a line per reflection each of those is exact, and a week's lines are few.
//
// Every write is an etag-guarded read-modify-write keyed by the reflection's id, so applying the same reflection
// twice (a repeated Save, the outbox, a reconcile) changes nothing. A crash between the reflection's write and its
// roll-up's is repaired by reconcile(), run at every start: it looks at reflections saved since the last run (a
// watermark, minus a margin) and applies any its week lacks. rebuild() regenerates everything from reflections.
import type { Container, JSONObject } from '@azure/cosmos';
import type { Movement, ReflectionDoc, StageId, Visibility } from '../reflections/model';
import { deleteDoc, readDoc, readModifyWrite } from '../storage/documents';
import { isTransient } from '../storage/retry';
import { liveAlerts, type OpenAlert, type OpenAlertsDoc } from './openAlerts';

export interface RollupLine {
  /** The reflection's id. */
  id: string;
  /** Its createdAt (UTC ISO). */
  at: string;
  /** createdAt + ttl: from then on it is gone (Azure deletes it by TTL; the embedded store's sweep does). */
  expires: string;
  visibility: Visibility;
  stage: StageId;
  movement: Movement;
  stall?: true;
  score?: number;
  flags?: string[];
}

export interface RollupDoc {
  /** `${psw}|${week}`. */
  id: string;
  kind: 'rollup';
  psw: string;
  /** The UTC week's Monday, YYYY-MM-DD. */
  week: string;
  /** Oldest first. */
  lines: RollupLine[];
  updatedAt: string;
  /** Seconds: Cosmos deletes the document once its last line has expired. */
  ttl: number;
}

/** What a line is made from: a reflection, or the same fields read by the rebuild's projection. */
export type LineSource = Pick<ReflectionDoc, 'id' | 'psw' | 'createdAt' | 'ttl' | 'visibility' | 'stage' | 'movement' | 'practice'> & {
  score?: number;
  riskFlags?: string[];
  stall?: unknown;
};

/** The fields the rebuild and reconcile read of each reflection (no text). */
const PROJECTION =
  'c.id, c.psw, c.createdAt, c.ttl, c.visibility, c.stage, c.movement, c.practice, c.selfCheck.score AS score, c.riskFlags, IS_DEFINED(c.stall) AS stall';

/** The reconcile's watermark lives in a partition no PSW has. */
const SYSTEM = '_system';
const WATERMARK_ID = 'reconciled';
/** Saves still in flight when a reconcile starts are caught by the next one. */
const RECONCILE_MARGIN_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

/** The Monday (UTC) of the week holding `iso`, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

export function rollupId(psw: string, week: string): string {
  return `${psw}|${week}`;
}

/** A reflection's line; none for onboarding practice, which no summary counts. */
export function lineOf(r: LineSource | ReflectionDoc): RollupLine | undefined {
  if (r.practice) return undefined;
  const score = 'selfCheck' in r ? r.selfCheck?.score : r.score;
  const line: RollupLine = {
    id: r.id, at: new Date(r.createdAt).toISOString(), expires: new Date(Date.parse(r.createdAt) + r.ttl * 1000).toISOString(),
    visibility: r.visibility, stage: r.stage, movement: r.movement,
  };
  if (r.stall) line.stall = true;
  if (typeof score === 'number') line.score = score;
  const flags = [...new Set(r.riskFlags ?? [])];
  if (flags.length) line.flags = flags;
  return line;
}

/** The week's document with `line` in place of any line of the same id; undefined when nothing changes. */
export function withLine(prev: RollupDoc | undefined, psw: string, line: RollupLine, now: Date): RollupDoc | undefined {
  const old = prev?.lines.find((l) => l.id === line.id);
  if (old && JSON.stringify(old) === JSON.stringify(line)) return undefined;
  const lines = [...(prev?.lines.filter((l) => l.id !== line.id) ?? []), line].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return makeDoc(psw, weekOf(line.at), lines, now);
}

/** The week's document without the line; undefined when it had none. An empty week keeps no document. */
export function withoutLine(prev: RollupDoc | undefined, id: string, now: Date): RollupDoc | undefined {
  if (!prev?.lines.some((l) => l.id === id)) return undefined;
  return makeDoc(prev.psw, prev.week, prev.lines.filter((l) => l.id !== id), now);
}

function makeDoc(psw: string, week: string, lines: RollupLine[], now: Date): RollupDoc {
  const last = Math.max(...lines.map((l) => Date.parse(l.expires)), now.getTime());
  return { id: rollupId(psw, week), kind: 'rollup', psw, week, lines, updatedAt: now.toISOString(), ttl: Math.max(1, Math.ceil((last - now.getTime()) / 1000)) };
}

/** Every week's document for a set of reflections (the rebuild's result, and the test's reference). */
export function rollupsOf(sources: Iterable<LineSource | ReflectionDoc>, now: Date): RollupDoc[] {
  const weeks = new Map<string, RollupDoc>();
  for (const r of sources) {
    const line = lineOf(r);
    if (!line) continue;
    const key = rollupId(r.psw, weekOf(line.at));
    weeks.set(key, withLine(weeks.get(key), r.psw, line, now)!);
  }
  return [...weeks.values()];
}

export class RollupStore {
  constructor(
    private readonly container: Container,
    private readonly now: () => Date,
  ) {}

  /** A saved (or edited) reflection's line in its week. Idempotent. */
  async record(r: ReflectionDoc | LineSource): Promise<void> {
    const line = lineOf(r);
    if (!line) return;
    const now = this.now();
    await readModifyWrite<RollupDoc>(this.container, rollupId(r.psw, weekOf(line.at)), r.psw, (prev) => withLine(prev, r.psw, line, now));
  }

  /** A deleted reflection's line out of its week (retention, or a single delete). Idempotent. */
  async remove(r: Pick<ReflectionDoc, 'id' | 'psw' | 'createdAt'>): Promise<void> {
    const id = rollupId(r.psw, weekOf(r.createdAt));
    const now = this.now();
    const doc = await readModifyWrite<RollupDoc>(this.container, id, r.psw, (prev) => withoutLine(prev, r.id, now));
    if (doc && !doc.lines.length) await deleteDoc(this.container, id, r.psw);
  }

  /**
   * The weeks holding [from, to) for these PSWs, in one query (a team summary's whole read of history). Lines
   * already expired are left out.
   */
  async forPeople(psws: string[], from: string, to: string): Promise<Map<string, RollupLine[]>> {
    return (await this.readTeam(psws, from, to)).lines;
  }

  /**
   * forPeople's lines, and with `alerts` also each PSW's safety alerts not yet acknowledged (./openAlerts.ts) — in the
   * same one query: the weekly digest's whole read of history and alerts.
   */
  async readTeam(psws: string[], from: string, to: string, options: { alerts?: boolean } = {}): Promise<{ lines: Map<string, RollupLine[]>; alerts: Map<string, OpenAlert[]> }> {
    const lines = new Map<string, RollupLine[]>(psws.map((p) => [p, []]));
    const alerts = new Map<string, OpenAlert[]>();
    const now = this.now();
    const at = now.toISOString();
    for (const doc of await this.weeks(psws, from, to, options.alerts)) {
      if (doc.kind === 'alerts') {
        const live = liveAlerts(doc, now);
        if (live.length) alerts.set(doc.psw, live);
        continue;
      }
      for (const l of doc.lines) if (l.at >= from && l.at < to && l.expires > at) lines.get(doc.psw)?.push(l);
    }
    return { lines, alerts };
  }

  /** The week documents holding [from, to) for these PSWs (and their open-alerts documents, when asked): one query. */
  private async weeks(psws: string[], from: string, to: string): Promise<RollupDoc[]>;
  private async weeks(psws: string[], from: string, to: string, alerts: boolean | undefined): Promise<(RollupDoc | OpenAlertsDoc)[]>;
  private async weeks(psws: string[], from: string, to: string, alerts?: boolean): Promise<(RollupDoc | OpenAlertsDoc)[]> {
    if (!psws.length) return [];
    const last = new Date(Date.parse(to) - 1).toISOString();
    const which = alerts ? "((c.week >= @a AND c.week <= @b) OR c.kind = 'alerts')" : 'c.week >= @a AND c.week <= @b';
    const { resources } = await this.container.items
      .query<RollupDoc | OpenAlertsDoc>({
        query: `SELECT * FROM c WHERE ARRAY_CONTAINS(@p, c.psw) AND ${which}`,
        parameters: [{ name: '@p', value: psws }, { name: '@a', value: weekOf(from) }, { name: '@b', value: weekOf(last) }],
      })
      .fetchAll();
    return resources;
  }

  /**
   * Regenerates every roll-up from the reflections: writes each week as computed and deletes weeks that no longer
   * hold a reflection. Run it with the bot stopped (the embedded store's lock makes sure of that there); a Save
   * during a rebuild on Azure can be lost from its week until the next rebuild or reconcile of that day.
   */
  async rebuild(reflections: Container): Promise<{ reflections: number; weeks: number; removed: number }> {
    const started = this.now();
    const sources = await readSources(reflections, 'SELECT ' + PROJECTION + ' FROM c WHERE c.practice = false', []);
    const docs = rollupsOf(sources, started);
    const keep = new Set(docs.map((d) => d.id));
    for (let i = 0; i < docs.length; i += 100) {
      const results = await upsertAll(this.container, docs.slice(i, i + 100));
      const failed = results.find((r) => r.statusCode >= 400);
      if (failed) throw Object.assign(new Error(`roll-up rebuild: a write failed (${failed.statusCode})`), { code: failed.statusCode });
    }
    const { resources: stored } = await this.container.items.query<{ id: string; psw: string }>('SELECT c.id, c.psw FROM c WHERE c.kind = "rollup"').fetchAll();
    let removed = 0;
    for (const s of stored) if (!keep.has(s.id) && (await deleteDoc(this.container, s.id, s.psw))) removed++;
    await this.setWatermark(started);
    return { reflections: sources.length, weeks: docs.length, removed };
  }

  /**
   * Repairs what a crash between a reflection's write and its roll-up's left behind: every reflection saved since
   * the last reconcile (less a margin) is applied again; a line already there costs a read and no write. A store
   * that has never been reconciled (new, or from before roll-ups) is rebuilt.
   */
  async reconcile(reflections: Container): Promise<{ applied: number; rebuilt: boolean }> {
    const started = this.now();
    const mark = await readDoc<{ id: string; psw: string; upTo: string }>(this.container, WATERMARK_ID, SYSTEM);
    if (!mark) {
      const r = await this.rebuild(reflections);
      return { applied: r.reflections, rebuilt: true };
    }
    const since = new Date(Math.min(Date.parse(mark.doc.upTo), started.getTime()) - RECONCILE_MARGIN_MS).toISOString();
    const sources = await readSources(reflections, 'SELECT ' + PROJECTION + ' FROM c WHERE c.practice = false AND c.createdAt >= @s', [{ name: '@s', value: since }]);
    let applied = 0;
    const byPsw = new Map<string, LineSource[]>();
    for (const s of sources) byPsw.set(s.psw, [...(byPsw.get(s.psw) ?? []), s]);
    for (const [psw, list] of byPsw) {
      const have = await this.weeks([psw], since, new Date(started.getTime() + DAY_MS).toISOString());
      const ids = new Set(have.flatMap((d) => d.lines.map((l) => l.id)));
      for (const s of list) {
        if (ids.has(s.id)) continue;
        await this.record(s);
        applied++;
      }
    }
    await this.setWatermark(started);
    return { applied, rebuilt: false };
  }

  /** Deletes all of one PSW's roll-ups (delete my data). */
  async removeAll(psw: string): Promise<number> {
    const { resources } = await this.container.items.query<{ id: string }>({ query: 'SELECT c.id FROM c WHERE c.psw = @p', parameters: [{ name: '@p', value: psw }] }, { partitionKey: psw }).fetchAll();
    let n = 0;
    for (const r of resources) if (await deleteDoc(this.container, r.id, psw)) n++;
    return n;
  }

  /** Every roll-up stored (tests and the rebuild check). */
  async all(): Promise<RollupDoc[]> {
    const { resources } = await this.container.items.query<RollupDoc>('SELECT * FROM c WHERE c.kind = "rollup"').fetchAll();
    return resources;
  }

  private async setWatermark(at: Date): Promise<void> {
    await this.container.items.upsert({ id: WATERMARK_ID, psw: SYSTEM, upTo: at.toISOString() });
  }
}

/** One bulk request of upserts; repeated on a dropped connection (upserts are safe to repeat; the SDK does not retry bulk). */
async function upsertAll(container: Container, docs: RollupDoc[], attempts = 4): Promise<{ statusCode: number }[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await container.items.bulk(docs.map((d) => ({ operationType: 'Upsert' as const, resourceBody: d as unknown as JSONObject })));
    } catch (err) {
      // The SDK wraps a bulk request's dropped connection in a plain Error that names it.
      const dropped = isTransient(err) || /ECONNRESET|EPIPE|socket hang up/.test(String((err as Error)?.message));
      if (attempt >= attempts || !dropped) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** Every matching reflection's line fields, in as few pages as the server will give (-1: its own page size; Azure's is 4 MB). */
async function readSources(reflections: Container, query: string, parameters: { name: string; value: string }[]): Promise<LineSource[]> {
  const out: LineSource[] = [];
  const it = reflections.items.query<LineSource>({ query, parameters }, { maxItemCount: -1 });
  while (it.hasMoreResults()) {
    const page = await it.fetchNext();
    out.push(...page.resources);
  }
  return out;
}
