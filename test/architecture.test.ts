// The layers' arrows point one way (docs/ARCHITECTURE.md): bot/ → dialogs/ → cards/ → services/. Every import
// of every source file is read and checked, `import type` included: a type from a layer above is still an arrow up.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const LAYERS = ['bot', 'dialogs', 'cards', 'services'] as const;
type Layer = (typeof LAYERS)[number];

/** What each layer may not import: layers above it, and (below dialogs/) the Bot Framework SDK. */
const FORBIDDEN: Record<Layer, { layers: Layer[]; packages: RegExp[] }> = {
  bot: { layers: [], packages: [] },
  dialogs: { layers: ['bot'], packages: [] },
  cards: { layers: ['dialogs', 'bot'], packages: [/^botbuilder/, /^botframework/] },
  services: { layers: ['cards', 'dialogs', 'bot'], packages: [/^botbuilder/, /^botframework/] },
};

/** Every module specifier in a source: static imports and re-exports (type-only too), require() and import(). */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /^\s*import\s+['"]([^'"]+)['"]/gm, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  // Comments may name modules (examples, history); only code counts.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]!);
  return found;
}

/** The problems in a set of files given as { 'services/x.ts': source }. */
function violations(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, source] of Object.entries(files)) {
    const layer = file.split('/')[0] as Layer;
    const rules = FORBIDDEN[layer];
    if (!rules) continue;
    for (const spec of importsOf(source)) {
      if (spec.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).split('/')[0] as Layer;
        if (rules.layers.includes(target)) out.push(`${file} imports ${spec} (${layer}/ may not import ${target}/)`);
      } else if (rules.packages.some((p) => p.test(spec))) {
        out.push(`${file} imports ${spec} (no Bot Framework SDK under ${layer}/)`);
      }
    }
  }
  return out;
}

function sources(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) Object.assign(out, sources(rel));
    else if (/\.(ts|js|cjs|mjs)$/.test(name)) out[rel] = readFileSync(path.join(ROOT, rel), 'utf8');
  }
  return out;
}

describe('architecture: the layers import downwards only', () => {
  it('no file of services/ imports cards/, dialogs/ or bot/, none of cards/ imports dialogs/ or bot/, none of dialogs/ imports bot/; no botbuilder below dialogs/', () => {
    const files = Object.assign({}, ...LAYERS.map(sources)) as Record<string, string>;
    assert.ok(Object.keys(files).length > 80, `read ${Object.keys(files).length} files`);
    assert.deepEqual(violations(files), []);
  });

  it('catches every form an upward arrow can take (the check itself)', () => {
    const found = violations({
      'services/scheduler/handlers.ts': "import { adaptiveCard } from '../../cards/card';",
      'services/a.ts': "import type { Draft } from '../dialogs/reflection';\nexport { x } from '../bot/messages';",
      'services/b.ts': "const m = require('../cards/summary');\nconst n = await import('../dialogs/router');",
      'services/c.ts': "import { TurnContext } from 'botbuilder';",
      'cards/d.ts': "import { personOf } from '../dialogs/turn';",
      'dialogs/e.ts': "import { STORAGE_DOWN } from '../bot/messages';",
      // Allowed: downward arrows, the layer's own files, services' types in cards/, and modules named in comments.
      'bot/ok.ts': "import { buildDialogs } from '../dialogs';\nimport { cardAttachment } from '../cards/card';",
      'cards/ok.ts': "import type { TeamSummary } from '../services/supervision/summaries';\nimport { textBlock } from './card';",
      'services/ok.ts': "// was: import { adaptiveCard } from '../cards/card';\nimport { log } from './log';",
    });
    assert.deepEqual(found, [
      "services/scheduler/handlers.ts imports ../../cards/card (services/ may not import cards/)",
      "services/a.ts imports ../dialogs/reflection (services/ may not import dialogs/)",
      "services/a.ts imports ../bot/messages (services/ may not import bot/)",
      "services/b.ts imports ../cards/summary (services/ may not import cards/)",
      "services/b.ts imports ../dialogs/router (services/ may not import dialogs/)",
      "services/c.ts imports botbuilder (no Bot Framework SDK under services/)",
      "cards/d.ts imports ../dialogs/turn (cards/ may not import dialogs/)",
      "dialogs/e.ts imports ../bot/messages (dialogs/ may not import bot/)",
    ]);
  });
});
