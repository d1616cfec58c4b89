// `roster …` (admins): list everyone, add a person, change a role, supervisor, team, time zone or alias. The rules
// (two admins for a change that would let someone read reflections, labels that are not names) are in
// services/roster.ts; every change is audited under the admin who made it.
import type { AppServices } from '../../services/app';
import { log } from '../../services/log';
import type { Person } from '../../services/people';
import type { RosterProblem } from '../../services/roster';
import { OneTurnDialog } from '../oneTurn';
import { personOf } from '../turn';

export const ROSTER_DIALOG = 'supervision.roster';

export const words = {
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

const ROLE_TITLES: Record<Person['role'], string> = { psw: 'PSW', supervisor: 'supervisor', newhire: 'new hire', admin: 'admin' };

function describePerson(p: Person, supervisors = new Map<string, string>()): string {
  const sup = p.supervisorId ? `, supervisor ${supervisors.get(p.supervisorId) ?? 'set'}` : '';
  return `${p.alias ?? '(no alias)'} — ${ROLE_TITLES[p.role]}${sup}${p.team ? `, team ${p.team}` : ''}, ${p.timeZone}`;
}

export function rosterDialog(app: AppServices): OneTurnDialog {
  const { roster } = app.supervision;
  return new OneTurnDialog(ROSTER_DIALOG, async (context, args) => {
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
  });
}
