// Who a person can be in the local web chat (local mode only): the people of a roster file — ROSTER_FILE, or
// the sample roster in content/ — so every flow (a PSW's debrief, a supervisor's summary, a new hire's
// onboarding) can be tried without Teams. The chosen channelId plays the part of Teams' aadObjectId: it is
// hashed like any channel id (rule 3).
import { readFileSync } from 'node:fs';
import type { AppServices } from './app';
import type { Config } from './config';
import type { Person, Role } from './people';
import { parseRosterFile, type RosterEntry, type RosterProblem } from './roster';
import { packagePath } from './paths';

export const SAMPLE_ROSTER_FILE = packagePath('content', 'roster.sample.json');

export interface LocalIdentity {
  /** The channel id the page sends as from.id; stable so a person's history survives a reload or restart. */
  id: string;
  /** The roster alias, shown on the page and sent as from.name. Never a real name. */
  name: string;
  /** What the identity is for is said on the picker from its role (web.roles.* in the catalogue, bot/webchatPage.ts). */
  role: Role;
}
// The picker shows the people who use the bot most first.
const ORDER: Role[] = ['psw', 'newhire', 'supervisor', 'admin'];

/** The roster the local chat offers: ROSTER_FILE when set, else the sample. Throws RosterFileError if invalid. */
export function localRoster(config: Pick<Config, 'rosterFile'>): RosterEntry[] {
  return parseRosterFile(readFileSync(config.rosterFile || SAMPLE_ROSTER_FILE, 'utf8'));
}

export function localIdentities(roster: RosterEntry[]): LocalIdentity[] {
  return roster
    .map((e) => ({ id: e.channelId, name: e.alias, role: e.role }))
    .sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role));
}

/**
 * Makes sure the person for a chosen channel id is stored: the first time, every roster entry not yet stored
 * is added (supervisors first, so supervisor links resolve). People already stored are left as they are — a
 * role or supervisor changed since by an admin command is not overwritten.
 */
export async function ensureLocalPerson(
  app: AppServices,
  roster: RosterEntry[],
  channelId: string,
): Promise<{ person: Person; created: boolean; problems: { index: number; problem: RosterProblem }[] }> {
  const id = app.personIdFor(channelId);
  const existing = await app.people.get(id);
  if (existing) return { person: existing, created: false, problems: [] };
  const { problems } = await app.supervision.roster.seedMissing(roster);
  const added = await app.people.get(id);
  if (added) return { person: added, created: true, problems };
  // The roster refused this entry (say, its alias now belongs to someone else): the person still gets the role.
  const { person } = await app.people.getOrCreate(id, app.now());
  const entry = roster.find((e) => e.channelId === channelId);
  const withRole = entry ? await app.people.update(id, (p) => ({ ...p, role: entry.role })) : person;
  return { person: withRole ?? person, created: true, problems };
}
