// The roster: who is who (role, alias, supervisor, team, time zone). Admins change it with bot commands or
// seed it from a JSON file (ROSTER_FILE). People are known by their channel id (AAD object id in Teams, the
// web chat's chosen id locally) but stored under the pseudonymous id; everyone else names them by alias.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { IANAZone } from 'luxon';
import type { Container } from '@azure/cosmos';
import { stripSystem } from './storage/documents';
import { ROLES, type PeopleService, type Person, type Role } from './people';

export const ALIAS_PATTERN = '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,29}$';
const ALIAS = new RegExp(ALIAS_PATTERN);

export type RosterProblem = 'unknown_person' | 'unknown_supervisor' | 'not_a_supervisor' | 'alias_taken' | 'bad_alias' | 'bad_zone' | 'bad_role' | 'self';

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
    const key = p.alias.toLowerCase().replace(/\s+/g, '');
    if (seen.has(key)) throw new RosterFileError(`alias used twice (entry ${data.people.indexOf(p)})`);
    seen.add(key);
  }
  return data.people;
}

export class RosterService {
  constructor(
    private readonly people: PeopleService,
    private readonly container: Container,
    private readonly personIdFor: (channelId: string) => string,
    private readonly now: () => Date,
    private readonly defaultTimeZone: string,
    /** Called after a change that leaves someone a supervisor (the digest job is ensured there). */
    private readonly onChanged: (person: Person) => Promise<void> = async () => {},
  ) {}

  /** Case and spaces don't matter: `summary psw1` finds "PSW 1" (and "PSW1" can't be taken beside it). */
  async byAlias(alias: string): Promise<Person | undefined> {
    const { resources } = await this.container.items
      .query<Person>({ query: "SELECT * FROM c WHERE REPLACE(LOWER(c.alias), ' ', '') = @a", parameters: [{ name: '@a', value: alias.toLowerCase().replace(/\s+/g, '') }] })
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

  /** Adds a person by channel id, or updates them if they are already known (e.g. they spoke to the bot first). */
  async add(entry: RosterEntry): Promise<RosterResult> {
    if (!ROLES.includes(entry.role)) return { ok: false, problem: 'bad_role' };
    if (!ALIAS.test(entry.alias)) return { ok: false, problem: 'bad_alias' };
    if (entry.timeZone && !IANAZone.isValidZone(entry.timeZone)) return { ok: false, problem: 'bad_zone' };
    const id = this.personIdFor(entry.channelId);
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
    await this.people.getOrCreate(id, this.now());
    const person = await this.people.update(id, (p) => {
      const next: Person = { ...p, role: entry.role, alias: entry.alias, timeZone: entry.timeZone ?? p.timeZone ?? this.defaultTimeZone };
      if (supervisorId) next.supervisorId = supervisorId;
      if (entry.team) next.team = entry.team;
      return next;
    });
    await this.onChanged(person!);
    return { ok: true, person: person! };
  }

  async setRole(alias: string, role: string): Promise<RosterResult> {
    if (!ROLES.includes(role as Role)) return { ok: false, problem: 'bad_role' };
    return this.change(alias, (p) => ({ ...p, role: role as Role }));
  }

  async setTimeZone(alias: string, zone: string): Promise<RosterResult> {
    if (!IANAZone.isValidZone(zone)) return { ok: false, problem: 'bad_zone' };
    return this.change(alias, (p) => ({ ...p, timeZone: zone }));
  }

  async setTeam(alias: string, team: string): Promise<RosterResult> {
    const t = team.trim().slice(0, 60);
    return this.change(alias, (p) => {
      const next = { ...p };
      if (t && t.toLowerCase() !== 'none') next.team = t;
      else delete next.team;
      return next;
    });
  }

  async setAlias(alias: string, newAlias: string): Promise<RosterResult> {
    if (!ALIAS.test(newAlias)) return { ok: false, problem: 'bad_alias' };
    const holder = await this.byAlias(newAlias);
    const target = await this.byAlias(alias);
    if (holder && (!target || holder.id !== target.id)) return { ok: false, problem: 'alias_taken' };
    return this.change(alias, (p) => ({ ...p, alias: newAlias }));
  }

  /** Sets (or with `none`, clears) a person's supervisor, named by alias. */
  async setSupervisor(alias: string, supervisorAlias: string): Promise<RosterResult> {
    if (supervisorAlias.trim().toLowerCase() === 'none') {
      return this.change(alias, (p) => {
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
    return this.change(alias, (p) => ({ ...p, supervisorId: sup.id }));
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

  /** Adds the file's people not stored yet; people already stored keep what admins have changed since. */
  async seedMissing(entries: RosterEntry[]): Promise<{ applied: number; problems: { index: number; problem: RosterProblem }[] }> {
    const missing: RosterEntry[] = [];
    for (const e of entries) if (!(await this.people.get(this.personIdFor(e.channelId)))) missing.push(e);
    return this.seed(missing);
  }

  async seedFromFile(path: string): Promise<{ applied: number; problems: { index: number; problem: RosterProblem }[] }> {
    return this.seed(parseRosterFile(readFileSync(path, 'utf8')));
  }

  private async change(alias: string, mutate: (p: Person) => Person): Promise<RosterResult> {
    const target = await this.byAlias(alias);
    if (!target) return { ok: false, problem: 'unknown_person' };
    const person = await this.people.update(target.id, mutate);
    if (!person) return { ok: false, problem: 'unknown_person' };
    await this.onChanged(person);
    return { ok: true, person };
  }
}
