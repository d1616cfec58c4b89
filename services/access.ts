// Who may read whose reflections. Every read is decided here, from the stored roster, at the moment of the
// read: never from an id in a card, a token or a link (a signed token says what was asked, not what is allowed).
//   PSW / new hire: their own reflections, shared and private.
//   Supervisor: the shared reflections of the people they supervise; of private reflections, only counts.
//   Admin: manages the roster and reads the audit trail; no one else's reflections.
//   Anyone: their own (supervisors and admins may reflect too).
import type { PeopleService, Person } from './people';
import type { RosterService } from './roster';

export type ReadScope = 'own' | 'supervisee';

export type AccessDecision =
  | { allowed: true; viewer: Person; subject: Person; scope: ReadScope }
  | { allowed: false; reason: 'no_viewer' | 'not_found' | 'role' };

export class AccessService {
  constructor(private readonly people: PeopleService, private readonly roster: RosterService) {}

  /** May `viewerId` read `subjectId`'s reflections, and with which scope? Both are re-read from storage. */
  async decide(viewerId: string, subjectId: string): Promise<AccessDecision> {
    const viewer = await this.people.get(viewerId);
    if (!viewer) return { allowed: false, reason: 'no_viewer' };
    // Anyone may reflect, so anyone may read their own.
    if (subjectId === viewerId) return { allowed: true, viewer, subject: viewer, scope: 'own' };
    if (viewer.role === 'admin') return { allowed: false, reason: 'role' };
    if (viewer.role !== 'supervisor') return { allowed: false, reason: 'not_found' };
    const subject = await this.people.get(subjectId);
    // "Not yours" and "no such person" look the same from outside, so the roster cannot be probed.
    if (!subject || subject.supervisorId !== viewer.id) return { allowed: false, reason: 'not_found' };
    return { allowed: true, viewer, subject, scope: 'supervisee' };
  }

  /** The same decision for a person named by alias (what supervisors type). */
  async decideByAlias(viewerId: string, alias: string): Promise<AccessDecision> {
    const subject = await this.roster.byAlias(alias);
    if (!subject) {
      const viewer = await this.people.get(viewerId);
      return { allowed: false, reason: viewer ? 'not_found' : 'no_viewer' };
    }
    return this.decide(viewerId, subject.id);
  }

  /**
   * Everyone whose reflections the viewer may summarise or export as a set: a supervisor's supervisees; a PSW themself.
   * The viewer by id, or as the caller has just read them from storage (the digest job).
   */
  async readable(viewerOrId: string | Person): Promise<{ viewer?: Person; subjects: Person[]; scope?: ReadScope }> {
    const viewer = typeof viewerOrId === 'string' ? await this.people.get(viewerOrId) : viewerOrId;
    if (!viewer || viewer.role === 'admin') return { viewer, subjects: [] };
    if (viewer.role === 'supervisor') return { viewer, subjects: await this.roster.supervisees(viewer.id), scope: 'supervisee' };
    return { viewer, subjects: [viewer], scope: 'own' };
  }
}
