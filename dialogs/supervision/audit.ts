// `audit [YYYY-MM]` (admins): who read whose reflections, exported, deleted data or changed the roster in a month,
// newest first, paged with a signed token.
import { DateTime } from 'luxon';
import { adaptiveCard, submit, textBlock } from '../../cards/card';
import type { AppServices } from '../../services/app';
import { type AUDIT_VIEWS, monthOf } from '../../services/audit';
import { ROSTER_FILE_ACTOR } from '../../services/roster';
import { signToken, verifyToken } from '../../services/signedToken';
import { OneTurnDialog } from '../oneTurn';
import { personOf } from '../turn';
import { monthTitle, pageOf, sendCard, words as shared } from './shared';

export const AUDIT_DIALOG = 'supervision.audit';

export const words = {
  auditEmpty: (month: string) => `No reads recorded in ${monthTitle(month)}.`,
  auditBadMonth: 'Give the month like `audit 2025-03`.',
};

const VIEW_WORDS: Record<(typeof AUDIT_VIEWS)[number], string> = {
  summary: 'team summary',
  summary_psw: 'read shared reflections',
  digest: 'weekly digest',
  export: 'export',
  delete: 'deleted data',
  roster: 'changed the roster',
  supervision: 'read flags for supervision',
  supervision_record: 'recorded a flag talked through or an alert acknowledged',
  what_helps: 'what helps (counts only)',
};

/** " (supervisor Sup 1 → Sup 2)": what a roster record changed, from its detail (labels and roles only). */
function rosterChangeWords(detail: Record<string, string | number> | undefined): string {
  if (!detail) return '';
  const parts = ['role', 'supervisor', 'alias', 'team', 'timeZone']
    .filter((f) => `${f}From` in detail || `${f}To` in detail)
    .map((f) => `${f === 'timeZone' ? 'time zone' : f} ${detail[`${f}From`] || 'none'} → ${detail[`${f}To`] || 'none'}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function auditDialog(app: AppServices): OneTurnDialog {
  const { audit, roster } = app.supervision;
  return new OneTurnDialog(AUDIT_DIALOG, async (context, args) => {
    const viewer = personOf(context);
    const now = app.now();
    let month = args || monthOf(now);
    let continuation: string | undefined;
    const page = pageOf(context);
    if (page !== undefined) {
      const t = verifyToken<{ v: string; m: string; c: string }>(app.config.idSecret, 'audit-page', page, now);
      if (!t || t.v !== viewer.id) return void (await context.sendActivity(shared.expired));
      ({ m: month, c: continuation } = t);
    }
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return void (await context.sendActivity(words.auditBadMonth));
    const list = await audit.list(month, 15, continuation);
    if (!list.items.length) return void (await context.sendActivity(words.auditEmpty(month)));
    const people = await roster.list();
    const alias = (id: string) => (id === ROSTER_FILE_ACTOR ? 'roster file' : people.find((p) => p.id === id)?.alias ?? `(removed ${id.slice(0, 6)})`);
    // Who read is named as they were named then; a rename since is shown beside it, never instead of it.
    const actor = (a: (typeof list.items)[number]) => {
      const now = alias(a.actor);
      return a.actorAlias && a.actorAlias !== now ? `${a.actorAlias} (now ${now})` : now;
    };
    const lines = list.items.map((a) => {
      const when = DateTime.fromISO(a.at, { zone: viewer.timeZone }).toFormat('d LLL HH:mm');
      const whose = a.subjects.length > 4 ? `${a.subjects.length} people` : a.subjects.map(alias).join(', ') || 'no one';
      const change = a.view === 'roster' ? rosterChangeWords(a.detail) : '';
      return `${when} · ${actor(a)} · ${VIEW_WORDS[a.view] ?? a.view}${change} · ${whose}`;
    });
    const actions = list.continuation
      ? [submit('Show more', { command: 'audit', page: signToken(app.config.idSecret, 'audit-page', { v: viewer.id, m: month, c: list.continuation }, new Date(now.getTime() + 3600_000)) })]
      : [];
    await sendCard(context, adaptiveCard([textBlock(`Audit trail — ${monthTitle(month)}`, { weight: 'Bolder', size: 'Large' }), ...lines.map((l) => textBlock(l, { spacing: 'Small' }))], actions));
  });
}
