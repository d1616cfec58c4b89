// People as the bot knows them: a pseudonymous id, a role, a time zone. The roster (issue 5) manages them;
// this module is the single place that reads and creates person documents.
import type { Container } from '@azure/cosmos';
import { deleteDoc, readDoc, stripSystem } from './storage/documents';

export type Role = 'psw' | 'supervisor' | 'newhire' | 'admin';
export const ROLES: Role[] = ['psw', 'supervisor', 'newhire', 'admin'];

export interface Person {
  /** HMAC of the channel identity (AAD object id in Teams) under ID_SECRET. */
  id: string;
  role: Role;
  /** A label chosen by an admin ("PSW 3", initials) that supervisors use in commands; never a client detail. */
  alias?: string;
  /** The alias as it is looked up (aliasKey()): written with every alias, so a lookup never depends on the query engine's REPLACE. */
  aliasKey?: string;
  /** The person id of their supervisor, if any. */
  supervisorId?: string;
  team?: string;
  timeZone: string;
  createdAt: string;
  /** Set once the first welcome has been sent, so it is sent once per person. */
  welcomedAt?: string;
}

/** Case and spaces don't matter in an alias: "New  Hire 1", "new hire 1" and "NewHire1" are one key. */
export function aliasKey(alias: string): string {
  return alias.toLowerCase().replace(/\s+/g, '');
}

/** The person as stored: the alias key follows the alias. */
function keyed(person: Person): Person {
  const { aliasKey: _old, ...rest } = person;
  return person.alias ? { ...rest, aliasKey: aliasKey(person.alias) } : rest;
}

/** How long the person behind a turn may be taken from memory (see `forTurn`). */
export const TURN_CACHE_MS = 30_000;
const TURN_CACHE_SIZE = 10_000;

export class PeopleService {
  /** id → person and when it was read, for `forTurn` only; writes through this service refresh it. */
  private readonly recent = new Map<string, { person: Person; at: number }>();

  constructor(private readonly container: Container, private readonly defaultTimeZone: string, private readonly clock: () => number = Date.now) {}

  async get(id: string): Promise<Person | undefined> {
    return (await readDoc<Person>(this.container, id, id))?.doc;
  }

  /** Returns the person, creating a PSW with the default time zone on first contact. Safe under races (409 = someone else created it). */
  async getOrCreate(id: string, now: Date = new Date()): Promise<{ person: Person; created: boolean }> {
    const existing = await this.get(id);
    if (existing) return { person: existing, created: false };
    const person: Person = { id, role: 'psw', timeZone: this.defaultTimeZone, createdAt: now.toISOString() };
    try {
      await this.container.items.create(person);
      return { person, created: true };
    } catch (err) {
      if ((err as { code?: number }).code !== 409) throw err;
      return { person: (await this.get(id))!, created: false };
    }
  }

  /**
   * The person speaking in a turn, read from storage at most every TURN_CACHE_MS (a debrief is a burst of turns;
   * this saves a read on each). Changes made through this process show at once; another instance's change
   * (an admin's role change) within TURN_CACHE_MS. Access decisions never use this: they call `get`.
   */
  async forTurn(id: string, now: Date = new Date()): Promise<{ person: Person; created: boolean }> {
    const hit = this.recent.get(id);
    if (hit && this.clock() - hit.at < TURN_CACHE_MS) return { person: hit.person, created: false };
    const result = await this.getOrCreate(id, now);
    this.remember(result.person);
    return result;
  }

  async put(given: Person): Promise<Person> {
    const person = keyed(given);
    await this.container.items.upsert(person);
    this.remember(person);
    return person;
  }

  /** Deletes the person document (data rights); true when there was one. */
  async remove(id: string): Promise<boolean> {
    this.recent.delete(id);
    return deleteDoc(this.container, id);
  }

  private remember(person: Person): void {
    if (this.recent.size >= TURN_CACHE_SIZE && !this.recent.has(person.id)) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(person.id, { person, at: this.clock() });
  }

  /** Read-modify-write with the document's etag, retried on a race; undefined when the person does not exist. */
  async update(id: string, mutate: (person: Person) => Person): Promise<Person | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await readDoc<Person>(this.container, id, id);
      if (!current) return undefined;
      const next = keyed(stripSystem(mutate(current.doc)));
      try {
        await this.container.item(id, id).replace(next, { accessCondition: { type: 'IfMatch', condition: current.etag } });
        this.remember(next);
        return next;
      } catch (err) {
        if ((err as { code?: number }).code !== 412) throw err;
      }
    }
    throw new Error('Person update kept racing');
  }
}
