// CSV export of de-identified reflections for a period: a supervisor's supervisees (shared reflections only)
// or a PSW's own. A request becomes a signed, short-lived token; turning the token into a CSV decides access
// again and writes the audit record, so a link that outlives someone's access yields nothing.
import type { Container } from '@azure/cosmos';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { AccessService } from '../access';
import type { AuditService } from '../audit';
import type { Person } from '../people';
import { content } from '../content';
import type { ReflectionDoc, StageId } from '../reflections/model';
import { SAFETY_PAUSE_STEP } from '../reflections/pauseNotes';
import { categoryLabel } from '../safety/protocol';
import { signToken, verifyToken } from '../signedToken';
import type { Period, PeriodLabel } from './period';

export const EXPORT_TOKEN_MINUTES = 10;
/** Upper bound on rows per export; a period of one team's reflections stays well under it. */
export const MAX_EXPORT_ROWS = 5000;

export const CSV_COLUMNS = [
  'reflection', 'date', 'psw', 'client', 'stage', 'stage_chosen_by', 'movement', 'self_check', 'self_check_note',
  'stall_stage', 'stall_strategy', 'flagged_for_supervision', 'risk_flags', 'visibility', 'answers',
] as const;

export type ExportRefusal = { ok: false; reason: 'not_found' | 'role' | 'no_viewer' | 'bad_token' };

interface ExportClaims extends Record<string, unknown> {
  v: string;
  /** Subject ids asked for; each is decided again when the CSV is made. */
  s: string[];
  f: string;
  t: string;
  l: PeriodLabel;
}

export class ExportService {
  constructor(
    private readonly reflections: Container,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly secret: string,
  ) {}

  /** Checks the request now (so a refusal is immediate) and returns a token for the CSV. */
  async request(viewerId: string, alias: string | undefined, period: Period, now: Date): Promise<{ ok: true; token: string; subjects: number } | ExportRefusal> {
    let subjects: Person[];
    if (alias) {
      const d = await this.access.decideByAlias(viewerId, alias);
      if (!d.allowed) return { ok: false, reason: d.reason };
      subjects = [d.subject];
    } else {
      const r = await this.access.readable(viewerId);
      if (!r.viewer) return { ok: false, reason: 'no_viewer' };
      if (!r.scope) return { ok: false, reason: 'role' };
      subjects = r.subjects;
    }
    const claims: ExportClaims = { v: viewerId, s: subjects.map((p) => p.id), f: period.from, t: period.to, l: period.label };
    return { ok: true, token: signToken(this.secret, 'export', claims, new Date(now.getTime() + EXPORT_TOKEN_MINUTES * 60_000)), subjects: subjects.length };
  }

  /** The CSV for a token: access decided per subject, the export audited, then the file. */
  async csv(token: unknown, now: Date, words: CsvWords): Promise<{ ok: true; filename: string; csv: string; rows: number } | ExportRefusal> {
    const claims = verifyToken<ExportClaims>(this.secret, 'export', token, now);
    if (!claims || !Array.isArray(claims.s)) return { ok: false, reason: 'bad_token' };
    const allowed: { subject: Person; own: boolean; zone: string }[] = [];
    for (const id of claims.s.slice(0, 500)) {
      const d = await this.access.decide(claims.v, String(id));
      if (d.allowed) allowed.push({ subject: d.subject, own: d.scope === 'own', zone: d.viewer.timeZone });
    }
    if (!allowed.length && claims.s.length) return { ok: false, reason: 'not_found' };
    await this.audit.record({
      actor: claims.v,
      subjects: allowed.map((a) => a.subject.id),
      view: 'export',
      detail: { from: claims.f, to: claims.t },
    });
    const docs: CsvRow[] = [];
    for (const a of allowed) {
      for (const doc of await this.readPeriod(a.subject.id, a.own, claims.f, claims.t, MAX_EXPORT_ROWS - docs.length)) {
        docs.push({ doc, alias: a.subject.alias ?? '', zone: a.zone, own: a.own });
      }
    }
    const csv = toCsv(docs, words);
    const day = DateTime.fromISO(claims.f).toISODate();
    return { ok: true, filename: `peerreflect-reflections-${day}.csv`, csv, rows: docs.length };
  }

  private async readPeriod(psw: string, own: boolean, from: string, to: string, limit: number): Promise<ReflectionDoc[]> {
    if (limit <= 0) return [];
    const iterator = this.reflections.items.query<ReflectionDoc>(
      {
        query: `SELECT * FROM c WHERE c.psw = @p AND c.practice = false AND c.createdAt >= @f AND c.createdAt < @t${own ? '' : ' AND c.visibility = "shared"'} ORDER BY c.createdAt ASC`,
        parameters: [{ name: '@p', value: psw }, { name: '@f', value: from }, { name: '@t', value: to }],
      },
      { partitionKey: psw, maxItemCount: 200 },
    );
    const out: ReflectionDoc[] = [];
    while (iterator.hasMoreResults() && out.length < limit) {
      const page = await iterator.fetchNext();
      out.push(...page.resources.slice(0, limit - out.length));
    }
    return out;
  }
}

/** Spreadsheet apps run cells that start with these as formulas; a leading apostrophe keeps them text. */
function cell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * One row per reflection, in words a person reads (issue 14): no internal id anywhere. Client codes become per-file
 * labels (C1, C2, …) and reflection ids R1, R2, …: a file travels further than the app, so it carries no key back
 * into the store. Stages, strategies and questions are their titles and text, not content ids; `risk_flags` names
 * the safety topics raised (the topic only, never words). A PSW's self-check note is in their own export only, or in
 * a supervisor's when the PSW chose to share it.
 */
export interface CsvRow {
  doc: ReflectionDoc;
  alias: string;
  zone: string;
  /** The exporting person's own reflection. */
  own?: boolean;
}

/**
 * The words a CSV is written in, handed in by the bot layer (cards/words/csv.ts, from the catalogue in the reader's
 * locale), so services/ holds none. Stage, strategy and question titles are content's own.
 */
export interface CsvWords {
  columns: Record<(typeof CSV_COLUMNS)[number], string>;
  /** For a stage or strategy id the content no longer has. */
  gone: string;
  /** For a question id the content no longer has. */
  goneQuestion: string;
  /** The question of words typed at a safety pause (services/reflections/pauseNotes.ts). */
  pauseNote: string;
  chosenBy: Record<'finder' | 'psw', string>;
  movement: Record<ReflectionDoc['movement'], string>;
  visibility: Record<ReflectionDoc['visibility'], string>;
  notShared: string;
  yes: string;
  no: string;
  /** The PSW's own distress as a supervisor reads it; in their own file it is the protocol's label. */
  theirWellbeing: string;
}

function titles(w: CsvWords) {
  return {
    stage: (id: StageId) => content().stageById[id]?.title ?? w.gone,
    strategy: (stage: StageId, id: string) =>
      content().stalls[stage]?.strategies.find((s) => s.id === id)?.title ??
      Object.values(content().stalls).flatMap((b) => b.strategies).find((s) => s.id === id)?.title ??
      w.gone,
    question: (id: string) => (id === SAFETY_PAUSE_STEP ? w.pauseNote : content().stages.flatMap((s) => s.prompts).find((p) => p.id === id)?.text ?? w.goneQuestion),
    // The PSW's own distress is theirs: "your own wellbeing" in their own file, "their own wellbeing" in a supervisor's.
    risk: (id: string, own: boolean) => (id === 'psw_distress' && !own ? w.theirWellbeing : categoryLabel(id).toLowerCase()),
  };
}

export function toCsv(rows: CsvRow[], w: CsvWords): string {
  const words = titles(w);
  const clients = new Map<string, string>();
  const records = rows.map(({ doc, alias, zone, own }, i) => {
    const clientKey = `${doc.psw}|${doc.clientCode.toLowerCase()}`;
    if (!clients.has(clientKey)) clients.set(clientKey, `C${clients.size + 1}`);
    return [
      `R${i + 1}`,
      DateTime.fromISO(doc.createdAt, { zone }).toFormat('yyyy-LL-dd HH:mm'),
      alias,
      clients.get(clientKey)!,
      words.stage(doc.stage),
      w.chosenBy[doc.stageChosenBy === 'finder' ? 'finder' : 'psw'],
      w.movement[doc.movement] ?? doc.movement,
      String(doc.selfCheck.score),
      own || doc.selfCheck.noteShared ? doc.selfCheck.note : doc.selfCheck.note ? w.notShared : '',
      doc.stall ? words.stage(doc.stall.stage) : '',
      doc.stall?.strategyId ? words.strategy(doc.stall.stage, doc.stall.strategyId) : '',
      doc.stall ? (doc.stall.flaggedForSupervision ? w.yes : w.no) : '',
      (doc.riskFlags ?? []).map((f) => words.risk(f, own === true)).join('; '),
      w.visibility[doc.visibility] ?? doc.visibility,
      doc.answers.filter((a) => !a.skipped && a.text).map((a) => `${words.question(a.promptId)}: ${a.text}`).join('\n'),
    ].map(cell);
  });
  return stringify([CSV_COLUMNS.map((c) => w.columns[c]), ...records], { bom: true, record_delimiter: 'windows' });
}
