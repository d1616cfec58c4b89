// Explicit wiring (issue 17): importing a module registers nothing; buildCommandTable/buildDialogs build the
// command table, the dialogs and the free-text screen, fresh each time, from what they are given.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildCommandTable, buildDialogs, freeTextSettings } from '../../dialogs';
import { help } from '../../dialogs/messages';
import { safetyScreen } from '../../dialogs/safety';
import { createServices } from '../../services/app';
import { testConfig } from '../helpers/config';
import { closeStores, freshStore } from '../helpers/store';

const ROOT = path.resolve(__dirname, '../..');
/** Entry points run on import (the server; command-line tools that read process.argv); everything else must be inert. */
const isEntryPoint = (file: string) => file === 'bot/index.ts' || /process\.argv/.test(readFileSync(path.join(ROOT, file), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return rel.endsWith('.ts') && !rel.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Command-like values ({ phrases, dialogId }) reachable from a module's exports (arrays, maps, plain objects). */
function commandsIn(value: unknown, depth = 0, seen = new Set<unknown>()): unknown[] {
  if (!value || typeof value !== 'object' || depth > 3 || seen.has(value)) return [];
  seen.add(value);
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.phrases) && typeof o.dialogId === 'string') return [o];
  const children = value instanceof Map ? [...value.values()] : Array.isArray(value) ? value : Object.getPrototypeOf(value) === Object.prototype ? Object.values(o) : [];
  return children.flatMap((c) => commandsIn(c, depth + 1, seen));
}

describe('wiring: nothing registers on import, one function builds it all', () => {
  after(closeStores);

  it('imports every module of bot/, dialogs/, cards/ and services/ and finds no command table anywhere', () => {
    const files = ['bot', 'dialogs', 'cards', 'services'].flatMap(sourceFiles).filter((f) => !isEntryPoint(f));
    assert.ok(files.length > 50, `found ${files.length} modules`);
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exports = require(path.join(ROOT, file)) as Record<string, unknown>;
      assert.deepEqual(commandsIn(exports), [], `${file} exports a command table`);
    }
    const built = buildCommandTable();
    assert.ok(built.commands.length >= 14, 'the table holds the commands once built');
    assert.equal(built.fallbacks.get('newhire'), 'onboarding.offer');
  });

  it('builds a fresh table each time: changing one changes no other', () => {
    const a = buildCommandTable();
    (a.commands as unknown[]).length = 0;
    (a.fallbacks as Map<string, string>).clear();
    const b = buildCommandTable();
    assert.ok(b.commands.length >= 14);
    assert.equal(b.fallbacks.size, 1);
  });

  it('every command and fallback starts a dialog that buildDialogs built; free text is screened for safety', async () => {
    const app = createServices(testConfig(), await freshStore());
    const { dialogs, commands } = buildDialogs(app);
    const ids = new Set(dialogs.map((d) => d.id));
    assert.equal(ids.size, dialogs.length, 'dialog ids are unique');
    for (const c of commands.commands) assert.ok(ids.has(c.dialogId), `${c.phrases[0]} → ${c.dialogId}`);
    for (const id of commands.fallbacks.values()) assert.ok(ids.has(id), id);
    assert.ok(ids.has('safety.pause'), 'the dialog the safety screen pauses for is built');
    assert.deepEqual(freeTextSettings(app).screen, [safetyScreen]);
  });

  it('help lists a role’s commands in the table’s order: most used first, data rights last', () => {
    const { commands } = buildCommandTable();
    const person = { id: 'p', role: 'supervisor' as const, timeZone: 'America/Toronto', createdAt: new Date().toISOString() };
    const listed = [...help(person, commands).matchAll(/^• `([^`]+)`/gm)].map((m) => m[1]);
    const mine = commands.filter((c) => c.roles.includes('supervisor')).map((c) => c.phrases[0]);
    assert.deepEqual(listed, [...mine, 'cancel', 'help']);
    assert.equal(listed[0], 'reflect');
    assert.deepEqual(listed.slice(-4), ['my data', 'delete my data', 'cancel', 'help']);
    assert.ok(!listed.includes('roster') && !listed.includes('audit'), 'admin commands are not a supervisor’s');
  });
});
