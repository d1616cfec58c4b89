// Who a person can be in the local web chat (local mode only): sample identities with stable channel ids, so
// every flow — a PSW's debrief, a supervisor's summary, a new hire's onboarding — can be tried without Teams.
// The chosen id plays the part of Teams' aadObjectId: it is hashed like any channel id (rule 3).
import type { AppServices } from './app';
import type { Person, Role } from './people';

export interface LocalIdentity {
  /** The channel id the page sends as from.id; stable so a person's history survives a reload or restart. */
  id: string;
  /** Shown on the page and sent as from.name. A role label, never a real name. */
  name: string;
  role: Role;
  /** One line on the picker saying what this identity is for. */
  description: string;
  /** The channel id of this identity's supervisor, if any. */
  supervisedBy?: string;
}

const TEAM = 'Local team';

export const SAMPLE_IDENTITIES: readonly LocalIdentity[] = [
  { id: 'local-psw-1', name: 'PSW 1', role: 'psw', description: 'Debrief after time with a client.', supervisedBy: 'local-supervisor-1' },
  { id: 'local-psw-2', name: 'PSW 2', role: 'psw', description: 'A second peer worker on the same team.', supervisedBy: 'local-supervisor-1' },
  { id: 'local-supervisor-1', name: 'Supervisor', role: 'supervisor', description: "See your team's reflections and stalls." },
  { id: 'local-newhire-1', name: 'New hire', role: 'newhire', description: 'Learn the Creating Connection model by doing.', supervisedBy: 'local-supervisor-1' },
];

export function findIdentity(id: unknown, identities: readonly LocalIdentity[] = SAMPLE_IDENTITIES): LocalIdentity | undefined {
  return typeof id === 'string' ? identities.find((i) => i.id === id) : undefined;
}

/**
 * Makes sure the stored person for a local identity exists with the identity's role and supervisor.
 * An existing person is left as it is: a role changed since (by an admin command) is not overwritten.
 */
export async function ensureLocalPerson(app: AppServices, identity: LocalIdentity): Promise<{ person: Person; created: boolean }> {
  const id = app.personIdFor(identity.id);
  const existing = await app.people.get(id);
  if (existing) return { person: existing, created: false };
  const person: Person = {
    id,
    role: identity.role,
    alias: identity.name,
    team: TEAM,
    timeZone: app.config.defaultTimeZone,
    createdAt: app.now().toISOString(),
    ...(identity.supervisedBy ? { supervisorId: app.personIdFor(identity.supervisedBy) } : {}),
  };
  // getOrCreate's race handling is not needed here: two tabs choosing the same identity write the same document.
  return { person: await app.people.put(person), created: true };
}
