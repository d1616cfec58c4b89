// `roster …` (admins): list everyone, add a person, change a role, supervisor, team, time zone or alias. The rules
// (two admins for a change that would let someone read reflections, labels that are not names) are in
// services/roster.ts; every change is audited under the admin who made it.
import type { AppServices } from '../../services/app';
import { t, type MessageKey } from '../../services/catalogue';
import { log } from '../../services/log';
import type { Person } from '../../services/people';
import { zoneFor } from '../../services/reminders/zones';
import type { RosterProblem } from '../../services/roster';
import { OneTurnDialog } from '../oneTurn';
import { personOf } from '../turn';

export const ROSTER_DIALOG = 'supervision.roster';

const ROSTER_PROBLEMS: Record<RosterProblem, MessageKey> = {
  unknown_person: 'supervision.roster.problem.unknownPerson',
  unknown_supervisor: 'supervision.roster.problem.unknownSupervisor',
  not_a_supervisor: 'supervision.roster.problem.notASupervisor',
  alias_taken: 'supervision.roster.problem.aliasTaken',
  bad_alias: 'supervision.roster.problem.badAlias',
  identifying_alias: 'supervision.roster.problem.identifyingAlias',
  identifying_team: 'supervision.roster.problem.identifyingTeam',
  needs_second_admin: 'supervision.roster.problem.needsSecondAdmin',
  bad_zone: 'supervision.roster.problem.badZone',
  bad_role: 'supervision.roster.problem.badRole',
  self: 'supervision.roster.problem.self',
};

const ROLE_TITLES: Record<Person['role'], MessageKey> = { psw: 'supervision.roster.role.psw', supervisor: 'supervision.roster.role.supervisor', newhire: 'supervision.roster.role.newhire', admin: 'supervision.roster.role.admin' };

function describePerson(p: Person, supervisors = new Map<string, string>()): string {
  const supervisor = p.supervisorId ? t('supervision.roster.supervisor', { alias: supervisors.get(p.supervisorId) ?? t('supervision.roster.supervisorSet') }) : '';
  const team = p.team ? t('supervision.roster.team', { team: p.team }) : '';
  return t('supervision.roster.person', { alias: p.alias ?? t('supervision.roster.noAlias'), role: t(ROLE_TITLES[p.role]), supervisor, team, zone: p.timeZone });
}

/** The outcome of a roster change: the person as they are now (their supervisor by alias), or what stood in the way. */
function rosterReply(r: { ok: true; person: Person } | { ok: false; problem: RosterProblem }, supervisors?: Map<string, string>): string {
  return r.ok ? t('supervision.roster.done', { person: describePerson(r.person, supervisors) }) : t(ROSTER_PROBLEMS[r.problem]);
}

export function rosterDialog(app: AppServices): OneTurnDialog {
  const { roster } = app.supervision;
  /** The alias of the person's supervisor, when they have one, for the reply that names them. */
  const supervisorOf = async (r: Awaited<ReturnType<typeof roster.setRole>>): Promise<Map<string, string> | undefined> => {
    const id = r.ok ? r.person.supervisorId : undefined;
    const alias = id ? (await roster.list()).find((p) => p.id === id)?.alias : undefined;
    return id && alias ? new Map([[id, alias]]) : undefined;
  };
  return new OneTurnDialog(ROSTER_DIALOG, async (context, args) => {
    const by = personOf(context).id; // every change is audited under the admin who made it
    const [sub, ...restWords] = args.split(' ');
    const rest = restWords.join(' ');
    const verb = (sub ?? '').toLowerCase();
    if (verb === '' || verb === 'list') {
      const people = await roster.list();
      const names = new Map(people.map((p) => [p.id, p.alias ?? t('supervision.roster.noAlias')]));
      const listed = people.filter((p) => p.alias);
      const unnamed = people.length - listed.length;
      const lines = listed.map((p) => t('supervision.roster.line', { person: describePerson(p, names) }));
      if (unnamed) lines.push(t('supervision.roster.unnamed', { count: unnamed }));
      return void (await context.sendActivity(lines.length ? t('supervision.roster.list', { lines: lines.join('\n') }) : t('supervision.roster.empty')));
    }
    if (verb === 'add') {
      const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(rest);
      if (!m) return void (await context.sendActivity(t('supervision.roster.help')));
      const r = await roster.add({ channelId: m[1], role: m[2].toLowerCase() as Person['role'], alias: m[3].trim() }, by);
      return void (await context.sendActivity(rosterReply(r, await supervisorOf(r))));
    }
    const setters: Record<string, (alias: string, value: string) => ReturnType<typeof roster.setRole>> = {
      role: (a, v) => roster.setRole(a, v.toLowerCase(), by),
      supervisor: (a, v) => roster.setSupervisor(a, v, by),
      team: (a, v) => roster.setTeam(a, v, by),
      // Read as `timezone` reads it: a city or place ("Vancouver", "pacific") as well as an IANA name.
      timezone: (a, v) => roster.setTimeZone(a, zoneFor(v)?.zone ?? v, by),
      alias: (a, v) => roster.setAlias(a, v, by),
    };
    const at = rest.toLowerCase().lastIndexOf(' to ');
    if (!setters[verb] || at < 1) return void (await context.sendActivity(t('supervision.roster.help')));
    const r = await setters[verb](rest.slice(0, at).trim(), rest.slice(at + 4).trim());
    log.info('roster.changed', { command: verb, status: r.ok ? 'ok' : r.problem });
    await context.sendActivity(rosterReply(r, await supervisorOf(r)));
  });
}
