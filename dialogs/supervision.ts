// Supervision commands, each answered in one turn: `summary`, `summary <alias>`, `my summary`, `export`,
// `roster …` and `audit`. Who may see what is decided in services (access, summaries, export); this file only
// reads the words and the buttons. Buttons carry a command and, for paging, a signed token — never a person id.
import type { TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { adaptiveCard, cardAttachment, submit, textBlock, type AdaptiveCard } from '../cards/card';
import { fullReflectionCards, ownSummaryCard, reflectionPageCard, teamSummaryCard, teamSummaryText } from '../cards/summary';
import type { AppServices } from '../services/app';
import { AUDIT_VIEWS, monthOf } from '../services/audit';
import { log } from '../services/log';
import type { Person } from '../services/people';
import { ROSTER_FILE_ACTOR, type RosterProblem } from '../services/roster';
import { signToken, verifyToken } from '../services/signedToken';
import { EXPORT_TOKEN_MINUTES } from '../services/supervision/export';
import { parsePeriod, type Period } from '../services/supervision/period';
import { NOT_ALLOWED } from './messages';
import { OneTurnDialog } from './oneTurn';
import { personOf } from './turn';

export const SUMMARY_DIALOG = 'supervision.summary';
export const MY_SUMMARY_DIALOG = 'supervision.mySummary';
export const EXPORT_DIALOG = 'supervision.export';
export const ROSTER_DIALOG = 'supervision.roster';
export const AUDIT_DIALOG = 'supervision.audit';

export const words = {
  notFound: (alias: string) => `I couldn't find "${alias}" among the people you supervise. Type \`summary\` to see your team.`,
  noLongerYours: "Those reflections aren't available to you any more. Type `summary` to see your team.",
  expired: 'That button has expired. Type the command again and I’ll start fresh.',
  badPeriod: 'I can show `this week`, `last week`, or the last few weeks, like `4 weeks`.',
  exportReady: (rows: number, label: string) => `Here's your export: ${rows} reflection${rows === 1 ? '' : 's'}, ${label}. Client codes are replaced with labels like C1.`,
  exportLink: (minutes: number) => `The link works for ${minutes} minutes.`,
  exportNone: "There's nothing to export for that period.",
  ownOnly: 'You can export your own reflections: type `export`.',
  rosterHelp: [
    'Roster commands:',
    '• `roster` — everyone, with role, supervisor, team and time zone',
    '• `roster add <channel id> <role> <alias>` — role is psw, newhire, supervisor or admin',
    '• `roster role <alias> to <role>`',
    '• `roster supervisor <alias> to <supervisor alias>` (or `to none`)',
    '• `roster team <alias> to <team>`',
    '• `roster timezone <alias> to <Area/City>`',
    '• `roster alias <alias> to <new alias>`',
  ].join('\n'),
  rosterDone: (p: Person) => `Done. ${describePerson(p)}`,
  auditEmpty: (month: string) => `No reads recorded in ${monthTitle(month)}.`,
  auditBadMonth: 'Give the month like `audit 2025-03`.',
};

const ROSTER_PROBLEMS: Record<RosterProblem, string> = {
  unknown_person: "I couldn't find anyone with that alias. Type `roster` to see everyone.",
  unknown_supervisor: "I couldn't find that supervisor. Type `roster` to see everyone.",
  not_a_supervisor: 'That person is not a supervisor yet. Set their role first: `roster role <alias> to supervisor`.',
  alias_taken: 'Someone already has that alias. Pick another.',
  bad_alias: 'An alias is up to 30 letters, numbers, spaces, dots or dashes — never a real name of a client.',
  identifying_alias: 'That alias looks like a real name, a date or a phone number. Use a label such as PSW 3, Sup 2 or initials.',
  identifying_team: 'That team name looks like a real name, a date or a phone number. Use a place or a label, such as Harbour or Team 2.',
  needs_second_admin: 'Another admin has to make that change: it would let you read reflections.',
  bad_zone: "I don't know that time zone. Use an area name like `America/Toronto`.",
  bad_role: 'The role is one of: psw, newhire, supervisor, admin.',
  self: 'Someone cannot supervise themself.',
};

/** A command answered in one turn, with the turn's context. */
/** The page token a button sent, if any. Only this field is read from a card: never ids. */
function pageOf(context: TurnContext): unknown {
  const value = context.activity.value as { page?: unknown } | undefined;
  return value && typeof value === 'object' ? value.page : undefined;
}

/** The signed token a button sent for another page of the team (`team`) or one whole reflection (`full`). */
function tokenOf(context: TurnContext, field: 'team' | 'full'): unknown {
  const value = context.activity.value as Record<string, unknown> | undefined;
  return value && typeof value === 'object' ? value[field] : undefined;
}

async function sendCard(context: TurnContext, card: AdaptiveCard, text?: string): Promise<void> {
  await context.sendActivity({ type: 'message', text, attachments: [cardAttachment(card)] });
}

/** Splits "PSW 1 last week" into an alias and a period; the period words come last. */
function splitPeriod(args: string, zone: string, now: Date, fallback: string): { rest: string; period?: Period } {
  const m = /^(.*?)\s*((?:this|last) week|(?:last )?\d{1,2} weeks?)$/i.exec(args);
  if (m) return { rest: m[1].trim(), period: parsePeriod(m[2], zone, now) };
  return { rest: args, period: parsePeriod(fallback, zone, now) };
}

function describePerson(p: Person, supervisors = new Map<string, string>()): string {
  const sup = p.supervisorId ? `, supervisor ${supervisors.get(p.supervisorId) ?? 'set'}` : '';
  return `${p.alias ?? '(no alias)'} — ${ROLE_TITLES[p.role]}${sup}${p.team ? `, team ${p.team}` : ''}, ${p.timeZone}`;
}

const ROLE_TITLES: Record<Person['role'], string> = { psw: 'PSW', supervisor: 'supervisor', newhire: 'new hire', admin: 'admin' };

/** "2026-11" → "November 2026". */
function monthTitle(month: string): string {
  return DateTime.fromFormat(month, 'yyyy-MM').toFormat('LLLL yyyy');
}

export function createSupervisionDialogs(app: AppServices): Dialog[] {
  // `exports` would shadow CommonJS's own name in the compiled dist/ (the dialog ids below would read undefined).
  const { summaries, exports: exportService, roster, audit } = app.supervision;

  const showPage = async (context: TurnContext, viewer: Person, result: Awaited<ReturnType<typeof summaries.firstPage>>, moreCommand: string, first: boolean) => {
    if (!result.ok) {
      await context.sendActivity(result.reason === 'bad_token' ? words.expired : words.noLongerYours);
      return;
    }
    const readAll = (r: { id: string; psw: string }) => ({ command: moreCommand, full: summaries.reflectionToken(viewer.id, r, app.now()) });
    await sendCard(context, reflectionPageCard(result.page, viewer.timeZone, moreCommand, first, readAll));
  };

  /** "Read all": one reflection whole, in as many cards as its length needs (cards/limits.ts). */
  const showFull = async (context: TurnContext, viewer: Person, token: unknown) => {
    const r = await summaries.reflection(viewer.id, token, app.now());
    if (!r.ok) return void (await context.sendActivity(r.reason === 'bad_token' ? words.expired : words.noLongerYours));
    const cards = fullReflectionCards(r.doc, viewer.timeZone, r.scope === 'own');
    await context.sendActivity({ type: 'message', attachments: cards.map(cardAttachment) });
  };

  /** A page of the team: the summary's first, or a later one of a summary or digest ("Show more"). */
  const showTeam = async (context: TurnContext, viewer: Person, period: Period, offset: number, digest: boolean) => {
    const now = app.now();
    const r = await summaries.team(viewer.id, period, now);
    if (!r.ok) return void (await context.sendActivity(NOT_ALLOWED));
    log.info('summary.team', { person: viewer.id.slice(0, 8), count: r.summary.teams.reduce((n, x) => n + x.psws.length, 0) });
    const more = (o: number) => ({ command: 'summary', team: summaries.teamPageToken(viewer.id, period, o, digest, now) });
    const card = teamSummaryCard(r.summary, digest ? 'Your weekly digest' : 'Your team', { offset, more });
    return sendCard(context, card, offset ? undefined : teamSummaryText(r.summary));
  };

  return [
    new OneTurnDialog(SUMMARY_DIALOG, async (context, args) => {
      const viewer = personOf(context);
      const now = app.now();
      const page = pageOf(context);
      if (page !== undefined) return showPage(context, viewer, await summaries.nextPage(viewer.id, page, now), 'summary', false);
      const full = tokenOf(context, 'full');
      if (full !== undefined) return showFull(context, viewer, full);
      const team = tokenOf(context, 'team');
      if (team !== undefined) {
        const t = summaries.readTeamPageToken(viewer.id, team, now);
        return t ? showTeam(context, viewer, t.period, t.offset, t.digest) : void (await context.sendActivity(words.expired));
      }
      const period = parsePeriod(args, viewer.timeZone, now);
      if (period) return showTeam(context, viewer, period, 0, false);
      if (/^\d|weeks?$/i.test(args)) return void (await context.sendActivity(words.badPeriod));
      const r = await summaries.firstPage(viewer.id, args, now);
      if (!r.ok) return void (await context.sendActivity(words.notFound(args)));
      return showPage(context, viewer, r, 'summary', true);
    }),

    new OneTurnDialog(MY_SUMMARY_DIALOG, async (context, args) => {
      const viewer = personOf(context);
      const now = app.now();
      const page = pageOf(context);
      const full = tokenOf(context, 'full');
      if (full !== undefined) return showFull(context, viewer, full);
      if (page === 'first') return showPage(context, viewer, await summaries.firstPage(viewer.id, undefined, now), 'my summary', true);
      if (page !== undefined) return showPage(context, viewer, await summaries.nextPage(viewer.id, page, now), 'my summary', false);
      const period = parsePeriod(args, viewer.timeZone, now);
      if (!period) return void (await context.sendActivity(words.badPeriod));
      const r = await summaries.own(viewer.id, period, now);
      if (!r.ok) return void (await context.sendActivity(NOT_ALLOWED));
      return sendCard(context, ownSummaryCard(r.summary, period));
    }),

    new OneTurnDialog(EXPORT_DIALOG, async (context, args) => {
      const viewer = personOf(context);
      const now = app.now();
      const { rest, period } = splitPeriod(args, viewer.timeZone, now, '4 weeks');
      if (!period) return void (await context.sendActivity(words.badPeriod));
      const request = await exportService.request(viewer.id, rest || undefined, period, now);
      if (!request.ok) {
        await context.sendActivity(viewer.role === 'supervisor' ? words.notFound(rest) : words.ownOnly);
        return;
      }
      const base = app.config.publicBaseUrl;
      if (base) {
        const url = `${base}/exports?token=${encodeURIComponent(request.token)}`;
        await sendCard(
          context,
          adaptiveCard([textBlock(`Your export for the ${period.label} is ready.`), textBlock(words.exportLink(EXPORT_TOKEN_MINUTES), { isSubtle: true })], [
            { type: 'Action.OpenUrl', title: 'Download CSV', url },
          ]),
        );
        log.info('export.link', { person: viewer.id.slice(0, 8), count: request.subjects });
        return;
      }
      // No public address (the local web chat): the file goes inline as a data: URI. Same access and audit path.
      const file = await exportService.csv(request.token, now);
      if (!file.ok) return void (await context.sendActivity(words.expired));
      if (!file.rows) return void (await context.sendActivity(words.exportNone));
      await context.sendActivity({
        type: 'message',
        text: words.exportReady(file.rows, period.label),
        attachments: [{ contentType: 'text/csv', name: file.filename, contentUrl: `data:text/csv;charset=utf-8;base64,${Buffer.from(file.csv, 'utf8').toString('base64')}` }],
      });
      log.info('export.inline', { person: viewer.id.slice(0, 8), count: file.rows, bytes: file.csv.length });
    }),

    new OneTurnDialog(ROSTER_DIALOG, async (context, args) => {
      const by = personOf(context).id; // every change is audited under the admin who made it
      const [sub, ...restWords] = args.split(' ');
      const rest = restWords.join(' ');
      const verb = (sub ?? '').toLowerCase();
      if (verb === '' || verb === 'list') {
        const people = await roster.list();
        const names = new Map(people.map((p) => [p.id, p.alias ?? '(no alias)']));
        const listed = people.filter((p) => p.alias);
        const unnamed = people.length - listed.length;
        const lines = listed.map((p) => `• ${describePerson(p, names)}`);
        if (unnamed) lines.push(`• ${unnamed} ${unnamed === 1 ? 'person' : 'people'} without an alias (they spoke to me before being added)`);
        return void (await context.sendActivity(lines.length ? `The roster:\n\n${lines.join('\n')}` : 'The roster is empty. Add someone with `roster add`.'));
      }
      if (verb === 'add') {
        const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(rest);
        if (!m) return void (await context.sendActivity(words.rosterHelp));
        const r = await roster.add({ channelId: m[1], role: m[2].toLowerCase() as Person['role'], alias: m[3].trim() }, by);
        return void (await context.sendActivity(r.ok ? words.rosterDone(r.person) : ROSTER_PROBLEMS[r.problem]));
      }
      const setters: Record<string, (alias: string, value: string) => ReturnType<typeof roster.setRole>> = {
        role: (a, v) => roster.setRole(a, v.toLowerCase(), by),
        supervisor: (a, v) => roster.setSupervisor(a, v, by),
        team: (a, v) => roster.setTeam(a, v, by),
        timezone: (a, v) => roster.setTimeZone(a, v, by),
        alias: (a, v) => roster.setAlias(a, v, by),
      };
      const at = rest.toLowerCase().lastIndexOf(' to ');
      if (!setters[verb] || at < 1) return void (await context.sendActivity(words.rosterHelp));
      const r = await setters[verb](rest.slice(0, at).trim(), rest.slice(at + 4).trim());
      log.info('roster.changed', { command: verb, status: r.ok ? 'ok' : r.problem });
      await context.sendActivity(r.ok ? words.rosterDone(r.person) : ROSTER_PROBLEMS[r.problem]);
    }),

    new OneTurnDialog(AUDIT_DIALOG, async (context, args) => {
      const viewer = personOf(context);
      const now = app.now();
      let month = args || monthOf(now);
      let continuation: string | undefined;
      const page = pageOf(context);
      if (page !== undefined) {
        const t = verifyToken<{ v: string; m: string; c: string }>(app.config.idSecret, 'audit-page', page, now);
        if (!t || t.v !== viewer.id) return void (await context.sendActivity(words.expired));
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
    }),
  ];
}

/** " (supervisor Sup 1 → Sup 2)": what a roster record changed, from its detail (labels and roles only). */
function rosterChangeWords(detail: Record<string, string | number> | undefined): string {
  if (!detail) return '';
  const parts = ['role', 'supervisor', 'alias', 'team', 'timeZone']
    .filter((f) => `${f}From` in detail || `${f}To` in detail)
    .map((f) => `${f === 'timeZone' ? 'time zone' : f} ${detail[`${f}From`] || 'none'} → ${detail[`${f}To`] || 'none'}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

const VIEW_WORDS: Record<(typeof AUDIT_VIEWS)[number], string> = {
  summary: 'team summary',
  summary_psw: 'read shared reflections',
  digest: 'weekly digest',
  export: 'export',
  delete: 'deleted data',
  roster: 'changed the roster',
};
