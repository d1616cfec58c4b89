// `audit [YYYY-MM]` (admins): who read whose reflections, exported, deleted data or changed the roster in a month,
// newest first, paged with a signed token.
import { adaptiveCard, submit, textBlock } from '../../cards/card';
import type { AppServices } from '../../services/app';
import { t, type MessageKey } from '../../services/catalogue';
import { formatDate } from '../../cards/words/dates';
import { type AUDIT_VIEWS, monthOf } from '../../services/audit';
import { ROSTER_FILE_ACTOR } from '../../services/roster';
import { signToken, verifyToken } from '../../services/signedToken';
import { OneTurnDialog } from '../oneTurn';
import { personOf } from '../turn';
import { monthTitle, pageOf, sendCard, words as shared } from './shared';

export const AUDIT_DIALOG = 'supervision.audit';

const VIEW_WORDS: Record<(typeof AUDIT_VIEWS)[number], MessageKey> = {
  summary: 'supervision.audit.view.summary',
  summary_psw: 'supervision.audit.view.summaryPsw',
  digest: 'supervision.audit.view.digest',
  export: 'supervision.audit.view.export',
  delete: 'supervision.audit.view.delete',
  roster: 'supervision.audit.view.roster',
  supervision: 'supervision.audit.view.supervision',
  supervision_record: 'supervision.audit.view.supervisionRecord',
  what_helps: 'supervision.audit.view.whatHelps',
};

/** The roster fields a record may name, and their words. */
const FIELD_WORDS: Record<string, MessageKey> = {
  role: 'supervision.audit.field.role',
  supervisor: 'supervision.roster.role.supervisor',
  alias: 'supervision.audit.field.alias',
  team: 'supervision.audit.field.team',
  timeZone: 'supervision.audit.timeZone',
};
const ROLE_WORDS: Record<string, MessageKey> = {
  psw: 'supervision.roster.role.psw', supervisor: 'supervision.roster.role.supervisor', newhire: 'supervision.roster.role.newhire', admin: 'supervision.roster.role.admin',
};

/** " (supervisor Sup 1 → Sup 2)": what a roster record changed, from its detail (labels and roles only). */
function rosterChangeWords(detail: Record<string, string | number> | undefined): string {
  if (!detail) return '';
  // A role is stored as its id ("newhire"), and no supervisor as 'none' (services/roster.ts): said in words; labels
  // (aliases, teams, zones) as they are.
  const value = (f: string, v: string | number | undefined) =>
    !v || (f === 'supervisor' && v === 'none') ? t('prompts.none') : f === 'role' && ROLE_WORDS[v] ? t(ROLE_WORDS[v]) : v;
  const parts = Object.keys(FIELD_WORDS)
    .filter((f) => `${f}From` in detail || `${f}To` in detail)
    .map((f) => t('supervision.audit.change', { field: t(FIELD_WORDS[f]!), from: value(f, detail[`${f}From`]), to: value(f, detail[`${f}To`]) }));
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
      const token = verifyToken<{ v: string; m: string; c: string }>(app.config.idSecret, 'audit-page', page, now);
      if (!token || token.v !== viewer.id) return void (await context.sendActivity(shared.expired()));
      ({ m: month, c: continuation } = token);
    }
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return void (await context.sendActivity(t('supervision.audit.badMonth')));
    const list = await audit.list(month, 15, continuation);
    if (!list.items.length) return void (await context.sendActivity(t('supervision.audit.empty', { month: monthTitle(month) })));
    const people = await roster.list();
    const alias = (id: string) => (id === ROSTER_FILE_ACTOR ? t('supervision.audit.rosterFile') : people.find((p) => p.id === id)?.alias ?? t('supervision.audit.removed', { id: id.slice(0, 6) }));
    // Who read is named as they were named then; a rename since is shown beside it, never instead of it.
    const actor = (a: (typeof list.items)[number]) => {
      const now = alias(a.actor);
      return a.actorAlias && a.actorAlias !== now ? t('supervision.audit.renamed', { before: a.actorAlias, now }) : now;
    };
    const lines = list.items.map((a) => {
      const when = formatDate(a.at, viewer.timeZone, 'd LLL HH:mm');
      const whose = a.subjects.length > 4 ? t('supervision.audit.people', { count: a.subjects.length }) : a.subjects.map(alias).join(', ') || t('supervision.audit.noOne');
      const change = a.view === 'roster' ? rosterChangeWords(a.detail) : '';
      const view = VIEW_WORDS[a.view] ? t(VIEW_WORDS[a.view]) : a.view;
      return `${when} · ${actor(a)} · ${view}${change} · ${whose}`;
    });
    const actions = list.continuation
      ? [submit(t('prompts.showMore'), { command: 'audit', page: signToken(app.config.idSecret, 'audit-page', { v: viewer.id, m: month, c: list.continuation }, new Date(now.getTime() + 3600_000)) })]
      : [];
    await sendCard(context, adaptiveCard([textBlock(t('supervision.audit.title', { month: monthTitle(month) }), { weight: 'Bolder', size: 'Large' }), ...lines.map((l) => textBlock(l, { spacing: 'Small' }))], actions));
  });
}
