// The roster: who is who (role, alias, supervisor, team, time zone). Admins change it with bot commands or
// seed it from a JSON file (ROSTER_FILE). People are known by their channel id (AAD object id in Teams, the
// web chat's chosen id locally) but stored under the pseudonymous id; everyone else names them by alias.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { IANAZone } from 'luxon';
import type { Container } from '@azure/cosmos';
import type { AuditService } from './audit';
import { labelProblem } from './deidentify';
import { stripSystem } from './storage/documents';
import { aliasKey, ROLES, type PeopleService, type Person, type Role } from './people';

export const ALIAS_PATTERN = '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,29}$';
const ALIAS = new RegExp(ALIAS_PATTERN);

export type RosterProblem =
  | 'unknown_person'
  | 'unknown_supervisor'
  | 'not_a_supervisor'
  | 'alias_taken'
  | 'bad_alias'
  | 'identifying_alias'
  | 'identifying_team'
  | 'bad_zone'
  | 'bad_role'
  | 'self'
  | 'needs_second_admin';

/** Who made a roster change: an admin's person id, or the roster file applied at start. */
export const ROSTER_FILE_ACTOR = 'roster-file';

/**
 * The loud half of the rule that keeps an admin from reading reflections through a second account: whenever a
 * person's reflections become readable by a supervisor, the person, their previous supervisor and the new one
 * are told at once, by alias, with who made the change (services/supervision/index.ts sends it proactively).
 */
export type RosterNotify = (personId: string, notice: RosterNotice) => Promise<void>;

/** What a person is told, as data (aliases only); bot/notices.ts says it in their words when it is sent. */
export type RosterNotice =
  | { change: 'supervisorNow'; supervisor: string; by: string }
  | { change: 'noSupervisor'; by: string }
  | { change: 'leftTeam'; who?: string; by: string; movedTo?: string }
  | { change: 'joinedTeam'; who?: string; by: string };

export interface RosterOptions {
  /** Called after a change that leaves someone a supervisor (the digest job is ensured there). */
  onChanged?: (person: Person) => Promise<void>;
  /** Every change is recorded here: who, what, when. */
  audit?: AuditService;
  notify?: RosterNotify;
}

export type RosterResult = { ok: true; person: Person } | { ok: false; problem: RosterProblem };

export interface RosterEntry {
  /** The channel identity: AAD object id in Teams, the chosen id in the local web chat. */
  channelId: string;
  role: Role;
  alias: string;
  /** The supervisor's alias (from this file or the stored roster). */
  supervisor?: string;
  team?: string;
  timeZone?: string;
}

export const ROSTER_FILE_SCHEMA = {
  type: 'object',
  required: ['people'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    people: {
      type: 'array',
      maxItems: 5000,
      items: {
        type: 'object',
        required: ['channelId', 'role', 'alias'],
        additionalProperties: false,
        properties: {
          channelId: { type: 'string', minLength: 1, maxLength: 200 },
          role: { enum: ROLES },
          alias: { type: 'string', pattern: ALIAS_PATTERN },
          supervisor: { type: 'string', pattern: ALIAS_PATTERN },
          team: { type: 'string', minLength: 1, maxLength: 60 },
          timeZone: { type: 'string', format: 'iana-zone' },
        },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: false });
ajv.addFormat('iana-zone', { type: 'string', validate: (z: string) => IANAZone.isValidZone(z) });
const validateRosterFile = ajv.compile<{ people: RosterEntry[] }>(ROSTER_FILE_SCHEMA);

export class RosterFileError extends Error {
  constructor(detail: string) {
    super(`Roster file: ${detail}`);
    this.name = 'RosterFileError';
  }
}

/** Parses and validates a roster file's text; throws RosterFileError naming the first problem (no values quoted). */
export function parseRosterFile(text: string): RosterEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RosterFileError('is not valid JSON');
  }
  if (!validateRosterFile(data)) {
    const e = validateRosterFile.errors![0];
    throw new RosterFileError(`${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  }
  const seen = new Set<string>();
  for (const p of data.people) {
    const key = aliasKey(p.alias);
    if (seen.has(key)) throw new RosterFileError(`alias used twice (entry ${data.people.indexOf(p)})`);
    seen.add(key);
  }
  return data.people;
}

export class RosterService {
  private readonly onChanged: (person: Person) => Promise<void>;

  constructor(
    private readonly people: PeopleService,
    private readonly container: Container,
    private readonly personIdFor: (channelId: string) => string,
    private readonly now: () => Date,
    private readonly defaultTimeZone: string,
    private readonly opts: RosterOptions = {},
  ) {
    this.onChanged = opts.onChanged ?? (async () => {});
  }

  /** Case and spaces don't matter: `summary psw1` finds "PSW 1" (and "PSW1" can't be taken beside it). */
  async byAlias(alias: string): Promise<Person | undefined> {
    const { resources } = await this.container.items
      // The stored key (written with every alias by PeopleService); documents from before it existed are matched the
      // old way, which the embedded engine gets right only for aliases with at most one space.
      .query<Person>({ query: "SELECT * FROM c WHERE c.aliasKey = @a OR (NOT IS_DEFINED(c.aliasKey) AND REPLACE(LOWER(c.alias), ' ', '') = @a)", parameters: [{ name: '@a', value: aliasKey(alias) }] })
      .fetchAll();
    return resources[0] ? stripSystem(resources[0]) : undefined;
  }

  /** Everyone on the roster, by alias. The roster is small (one organisation's staff); bounded anyway. */
  async list(): Promise<Person[]> {
    const { resources } = await this.container.items.query<Person>('SELECT TOP 5000 * FROM c').fetchAll();
    return resources.map(stripSystem).sort((a, b) => (a.alias ?? '~').localeCompare(b.alias ?? '~'));
  }

  /** The people whose supervisor is `supervisorId`, by alias. */
  async supervisees(supervisorId: string): Promise<Person[]> {
    const { resources } = await this.container.items
      .query<Person>({ query: 'SELECT TOP 500 * FROM c WHERE c.supervisorId = @s', parameters: [{ name: '@s', value: supervisorId }] })
      .fetchAll();
    return resources.map(stripSystem).sort((a, b) => (a.alias ?? '').localeCompare(b.alias ?? ''));
  }

  async supervisors(): Promise<Person[]> {
    const { resources } = await this.container.items
      .query<Person>({ query: 'SELECT TOP 1000 * FROM c WHERE c.role = @r', parameters: [{ name: '@r', value: 'supervisor' }] })
      .fetchAll();
    return resources.map(stripSystem);
  }

  /**
   * Adds a person by channel id, or updates them if they are already known (e.g. they spoke to the bot first).
   * `by` is the admin making the change (their person id); the roster file when omitted.
   */
  async add(entry: RosterEntry, by: string = ROSTER_FILE_ACTOR): Promise<RosterResult> {
    if (!ROLES.includes(entry.role)) return { ok: false, problem: 'bad_role' };
    if (!ALIAS.test(entry.alias)) return { ok: false, problem: 'bad_alias' };
    if (labelProblem(entry.alias)) return { ok: false, problem: 'identifying_alias' };
    if (entry.team && labelProblem(entry.team)) return { ok: false, problem: 'identifying_team' };
    if (entry.timeZone && !IANAZone.isValidZone(entry.timeZone)) return { ok: false, problem: 'bad_zone' };
    const id = this.personIdFor(entry.channelId);
    // An admin cannot give themselves the supervisor role (and with it, reflections to read): another admin must.
    if (id === by && entry.role === 'supervisor') return { ok: false, problem: 'needs_second_admin' };
    const holder = await this.byAlias(entry.alias);
    if (holder && holder.id !== id) return { ok: false, problem: 'alias_taken' };
    let supervisorId: string | undefined;
    if (entry.supervisor) {
      const sup = await this.byAlias(entry.supervisor);
      if (!sup) return { ok: false, problem: 'unknown_supervisor' };
      if (sup.role !== 'supervisor') return { ok: false, problem: 'not_a_supervisor' };
      if (sup.id === id) return { ok: false, problem: 'self' };
      supervisorId = sup.id;
    }
    const before = await this.people.get(id);
    await this.people.getOrCreate(id, this.now());
    const person = await this.people.update(id, (p) => {
      const next: Person = { ...p, role: entry.role, alias: entry.alias, timeZone: entry.timeZone ?? p.timeZone ?? this.defaultTimeZone };
      if (supervisorId) next.supervisorId = supervisorId;
      if (entry.team) next.team = entry.team;
      return next;
    });
    await this.recorded(by, 'add', before, person!);
    return { ok: true, person: person! };
  }

  async setRole(alias: string, role: string, by: string = ROSTER_FILE_ACTOR): Promise<RosterResult> {
    if (!ROLES.includes(role as Role)) return { ok: false, problem: 'bad_role' };
    const target = await this.byAlias(alias);
    if (target && target.id === by && role === 'supervisor') return { ok: false, problem: 'needs_second_admin' };
    return this.change(alias, by, 'role', (p) => ({ ...p, role: role as Role }));
  }

  async setTimeZone(alias: string, zone: string, by: string = ROSTER_FILE_ACTOR): Promise<RosterResult> {
    if (!IANAZone.isValidZone(zone)) return { ok: false, problem: 'bad_zone' };
    return this.change(alias, by, 'timezone', (p) => ({ ...p, timeZone: zone }));
  }

  async setTeam(alias: string, team: string, by: string = ROSTER_FILE_ACTOR): Promise<RosterResult> {
    const t = team.trim().slice(0, 60);
    const clear = !t || t.toLowerCase() === 'none';
    if (!clear && labelProblem(t)) return { ok: false, problem: 'identifying_team' };
    return this.change(alias, by, 'team', (p) => {
      const next = { ...p };
      if (!clear) next.team = t;
      else delete next.team;
      return next;
    });
  }

  async setAlias(alias: string, newAlias: string, by: string = ROSTER_FILE_ACTOR): Promise<RosterResult> {
    if (!ALIAS.test(newAlias)) return { ok: false, problem: 'bad_alias' };
    if (labelProblem(newAlias)) return { ok: false, problem: 'identifying_alias' };
    const holder = await this.byAlias(newAlias);
    const target = await this.byAlias(alias);
    if (holder && (!target || holder.id !== target.id)) return { ok: false, problem: 'alias_taken' };
    return this.change(alias, by, 'alias', (p) => ({ ...p, alias: newAlias }));
  }

  /** Sets (or with `none`, clears) a person's supervisor, named by alias. */
  async setSupervisor(alias: string, supervisorAlias: string, by: string = ROSTER_FILE_ACTOR): Promise<RosterResult> {
    if (supervisorAlias.trim().toLowerCase() === 'none') {
      return this.change(alias, by, 'supervisor', (p) => {
        const next = { ...p };
        delete next.supervisorId;
        return next;
      });
    }
    const sup = await this.byAlias(supervisorAlias);
    if (!sup) return { ok: false, problem: 'unknown_supervisor' };
    if (sup.role !== 'supervisor') return { ok: false, problem: 'not_a_supervisor' };
    const target = await this.byAlias(alias);
    if (target && target.id === sup.id) return { ok: false, problem: 'self' };
    return this.change(alias, by, 'supervisor', (p) => ({ ...p, supervisorId: sup.id }));
  }

  /** Applies a roster file: every entry is added or updated; supervisors first, so PSWs can name them. */
  async seed(entries: RosterEntry[]): Promise<{ applied: number; problems: { index: number; problem: RosterProblem }[] }> {
    const order = entries.map((e, index) => ({ e, index })).sort((a, b) => Number(b.e.role === 'supervisor') - Number(a.e.role === 'supervisor'));
    // Supervisors go in without their own supervisor first, then everyone with a supervisor link.
    for (const { e } of order) if (e.role === 'supervisor') await this.add({ ...e, supervisor: undefined });
    const problems: { index: number; problem: RosterProblem }[] = [];
    let applied = 0;
    for (const { e, index } of order) {
      const result = await this.add(e);
      if (result.ok) applied++;
      else problems.push({ index, problem: result.problem });
    }
    return { applied, problems };
  }

  /**
   * Adds the file's people not on the roster yet: not stored, or stored only by default (someone who spoke before the
   * roster was applied: a PSW with no alias, which no roster change leaves). People on the roster keep what admins
   * have changed since.
   */
  async seedMissing(entries: RosterEntry[]): Promise<{ applied: number; problems: { index: number; problem: RosterProblem }[] }> {
    const missing: RosterEntry[] = [];
    for (const e of entries) if (!(await this.people.get(this.personIdFor(e.channelId)))?.alias) missing.push(e);
    return this.seed(missing);
  }

  async seedFromFile(path: string): Promise<{ applied: number; problems: { index: number; problem: RosterProblem }[] }> {
    return this.seed(parseRosterFile(readFileSync(path, 'utf8')));
  }

  private async change(alias: string, by: string, what: RosterChange, mutate: (p: Person) => Person): Promise<RosterResult> {
    const target = await this.byAlias(alias);
    if (!target) return { ok: false, problem: 'unknown_person' };
    const person = await this.people.update(target.id, mutate);
    if (!person) return { ok: false, problem: 'unknown_person' };
    await this.recorded(by, what, target, person);
    return { ok: true, person };
  }

  /**
   * After a change: the audit record (who, what, before → after, when; labels and ids only), the notices when a
   * supervisor link changed, then onChanged. A change whose record fails to write is still made (the person
   * document is written first); the failure reaches the admin as an error, so it is not silent.
   */
  private async recorded(by: string, what: RosterChange, before: Person | undefined, after: Person): Promise<void> {
    const detail: Record<string, string> = { change: what };
    for (const field of CHANGE_FIELDS[what]) {
      const was = before?.[field];
      const now = after[field];
      if (was === now) continue;
      // A supervisor is named by the alias they had then, as the reader of every audit record is.
      const name = field === 'supervisorId' ? 'supervisor' : field;
      detail[`${name}From`] = field === 'supervisorId' ? await this.aliasOf(was) : (was ?? '');
      detail[`${name}To`] = field === 'supervisorId' ? await this.aliasOf(now) : (now ?? '');
    }
    await this.opts.audit?.record({ actor: by, subjects: [after.id], view: 'roster', detail });
    // The roster file is the organisation's own setup, applied by whoever runs the server: announced by nobody.
    if (by !== ROSTER_FILE_ACTOR && before?.supervisorId !== after.supervisorId) await this.announceSupervisorChange(by, before?.supervisorId, after);
    await this.onChanged(after);
  }

  private async announceSupervisorChange(by: string, previous: string | undefined, person: Person): Promise<void> {
    const notify = this.opts.notify;
    if (!notify) return;
    const who = person.alias;
    const byWhom = await this.aliasOf(by);
    const next = person.supervisorId ? await this.aliasOf(person.supervisorId) : undefined;
    await notify(person.id, next ? { change: 'supervisorNow', supervisor: next, by: byWhom } : { change: 'noSupervisor', by: byWhom });
    if (previous && previous !== person.supervisorId) await notify(previous, { change: 'leftTeam', who, by: byWhom, movedTo: next });
    if (person.supervisorId) await notify(person.supervisorId, { change: 'joinedTeam', who, by: byWhom });
  }

  private async aliasOf(id: string | undefined): Promise<string> {
    if (!id) return 'none';
    return (await this.people.get(id))?.alias ?? `(no alias ${id.slice(0, 6)})`;
  }
}

export type RosterChange = 'add' | 'role' | 'timezone' | 'team' | 'alias' | 'supervisor';

const CHANGE_FIELDS: Record<RosterChange, ('role' | 'alias' | 'team' | 'timeZone' | 'supervisorId')[]> = {
  add: ['role', 'alias', 'team', 'timeZone', 'supervisorId'],
  role: ['role'],
  timezone: ['timeZone'],
  team: ['team'],
  alias: ['alias'],
  supervisor: ['supervisorId'],
};
