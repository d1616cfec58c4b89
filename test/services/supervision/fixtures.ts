// Shared set-up for the supervision tests: a real embedded store, the app's services, a small roster, and
// reflections written directly in the shape the debrief stores (services/reflections/model.ts).
import { randomUUID } from 'node:crypto';
import { createServices, type AppServices } from '../../../services/app';
import type { Config } from '../../../services/config';
import type { Person } from '../../../services/people';
import type { ReflectionDoc, RelationshipDoc } from '../../../services/reflections/model';
import { testConfig } from '../../helpers/config';
import { freshStore } from '../../helpers/store';

export interface Team {
  app: AppServices;
  supA: Person; // supervises pswA1, pswA2, hireA (team North)
  supB: Person; // supervises pswB1 (team South)
  pswA1: Person;
  pswA2: Person;
  hireA: Person;
  pswB1: Person;
  admin: Person;
}

export async function rosterApp(config: Partial<Config> = {}): Promise<Team> {
  const app = createServices(testConfig(config), await freshStore());
  const { roster } = app.supervision;
  const add = async (channelId: string, role: Person['role'], alias: string, supervisor?: string, team?: string, timeZone?: string) => {
    const r = await roster.add({ channelId, role, alias, supervisor, team, timeZone });
    if (!r.ok) throw new Error(`roster add ${alias}: ${r.problem}`);
    return r.person;
  };
  const supA = await add('aad-supA', 'supervisor', 'Sup S', undefined, 'North', 'America/Toronto');
  const supB = await add('aad-supB', 'supervisor', 'Sup R', undefined, 'South', 'America/Vancouver');
  return {
    app,
    supA,
    supB,
    pswA1: await add('aad-a1', 'psw', 'PSW 1', 'Sup S', 'North'),
    pswA2: await add('aad-a2', 'psw', 'PSW 2', 'Sup S', 'North'),
    hireA: await add('aad-h1', 'newhire', 'New 1', 'Sup S', 'North'),
    pswB1: await add('aad-b1', 'psw', 'PSW 3', 'Sup R', 'South'),
    admin: await add('aad-admin', 'admin', 'Admin'),
  };
}

export function reflection(psw: string, createdAt: string, over: Partial<ReflectionDoc> = {}): ReflectionDoc {
  return {
    id: randomUUID(),
    kind: 'reflection',
    psw,
    clientCode: 'K7',
    stage: 'trust',
    stageChosenBy: 'psw',
    movement: 'steady',
    answers: [{ promptId: 'trust-1', text: 'We talked about [NAME] and the bus pass.', skipped: false, redactions: { NAME: 1 } }],
    selfCheck: { score: 4, note: 'tired but okay' },
    riskFlags: [],
    visibility: 'shared',
    practice: false,
    createdAt,
    ttl: 86400 * 730,
    ...over,
  };
}

/** Stores reflections as a Save does: the document, and its line in the week's roll-up (what summaries read). */
export async function putReflections(app: AppServices, docs: ReflectionDoc[]): Promise<void> {
  for (const d of docs) {
    await app.store.containers.reflections.items.create(d);
    await app.supervision.rollups.record(d);
  }
}

export async function putRelationship(app: AppServices, psw: string, over: Partial<RelationshipDoc> = {}): Promise<void> {
  const code = over.clientCode ?? 'K7';
  const doc: RelationshipDoc = {
    id: `${psw}|${code.toLowerCase()}`,
    kind: 'relationship',
    psw,
    clientCode: code,
    stage: 'trust',
    stageSince: '2025-01-01T00:00:00.000Z',
    reflectionsAtStage: 1,
    lastMovement: 'steady',
    lastReflectionAt: '2025-03-01T00:00:00.000Z',
    history: [],
    updatedAt: '2025-03-01T00:00:00.000Z',
    ...over,
  };
  await app.store.containers.relationships.items.create(doc);
}
