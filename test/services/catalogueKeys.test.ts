// The catalogue and the code agree: every key the code says exists in en.json, every key in en.json is said somewhere,
// and each t('key', { … }) call hands the message exactly the placeholders it takes. A static read of the sources:
// t('literal.key', …) calls, keys held as data (a command's help key) and the template keys listed in DYNAMIC below.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALES_DIR, loadCatalogues } from '../../services/catalogue';

const ROOT = path.resolve(__dirname, '../..');
const LAYERS = ['bot', 'dialogs', 'cards', 'services'];

/**
 * Keys built at run time: t(`prefix.${…}`) — each prefix with every key it can make. A new template key is listed
 * here, so the check below still sees its keys in use.
 */
const DYNAMIC: Record<string, readonly string[]> = {};

function sources(dir: string, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) sources(rel, out);
    else if (name.endsWith('.ts')) out[rel] = stripComments(readFileSync(path.join(ROOT, rel), 'utf8'));
  }
  return out;
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The text of the balanced {…} starting at `from`, or undefined. Strings inside are skipped. */
function balanced(code: string, from: number): string | undefined {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') {
      depth--;
      if (depth === 0) return code.slice(from, i + 1);
    }
  }
  return undefined;
}

/** The property names of an object literal's text ({ a: 1, b, 'c': x }); '...' for a spread. */
function propertyNames(literal: string): string[] {
  const inner = literal.slice(1, -1);
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < inner.length && inner[i] !== c; i++) if (inner[i] === '\\') i++;
    } else if ('{(['.includes(c)) depth++;
    else if ('})]'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    if (part.startsWith('...')) names.push('...');
    else names.push(part.match(/^['"]?([\w$]+)['"]?/)?.[1] ?? part);
  }
  return names.sort();
}

interface Use { file: string; key: string; params?: string[] }

function scan(files: Record<string, string>) {
  const calls: Use[] = [];
  const templates: { file: string; prefix: string }[] = [];
  const literals = new Set<string>();
  for (const [file, code] of Object.entries(files)) {
    for (const m of code.matchAll(/\bt\(\s*(['"])([\w.]+)\1\s*([,)])/g)) {
      const use: Use = { file, key: m[2]! };
      if (m[3] === ',') {
        const at = m.index! + m[0].length;
        const rest = code.slice(at).match(/^\s*/)![0].length + at;
        if (code[rest] === '{') use.params = propertyNames(balanced(code, rest) ?? '{}');
        else if (!/^(undefined|\{\})/.test(code.slice(rest))) use.params = ['(not an object literal)'];
      }
      calls.push(use);
    }
    for (const m of code.matchAll(/\bt\(\s*`([\w.]*)\$\{/g)) templates.push({ file, prefix: m[1]! });
    for (const m of code.matchAll(/(['"])([a-z][\w]*(?:\.[\w]+)+)\1/g)) literals.add(m[2]!);
  }
  return { calls, templates, literals };
}

describe('message catalogue: keys in code and in content/locales/en.json agree', () => {
  const english = loadCatalogues(DEFAULT_LOCALES_DIR).get('en')!;
  const files = Object.assign({}, ...LAYERS.map((l) => sources(l))) as Record<string, string>;
  const { calls, templates, literals } = scan(files);
  // The web chat page names its words as {{web.key}} markers (bot/webchatPage.ts fills them).
  const pageKeys = [...readFileSync(path.join(ROOT, 'web/index.html'), 'utf8').matchAll(/\{\{([a-z]\w*(?:\.\w+)+)\}\}/g)].map((m) => m[1]!);

  it('the scan finds the calls (a check that reads nothing would pass anything)', () => {
    assert.ok(calls.length > 20, `only ${calls.length} t('…') calls found`);
    assert.ok(calls.some((c) => c.key === 'router.helpLine' && c.params?.join() === 'help,phrase'));
  });

  it('every key said in code is in en.json', () => {
    const missing = [...calls.map((c) => ({ file: c.file, key: c.key })), ...pageKeys.map((key) => ({ file: 'web/index.html', key }))].filter((c) => !english.has(c.key)).map((c) => `${c.file}: ${c.key}`);
    assert.deepEqual(missing, []);
  });

  it('every t() call hands exactly the placeholders its message takes', () => {
    const wrong = calls
      .filter((c) => english.has(c.key))
      .map((c) => ({ ...c, want: english.get(c.key)!.params.join(), got: (c.params ?? []).join() }))
      .filter((c) => c.want !== c.got)
      .map((c) => `${c.file}: ${c.key} takes {${c.want}}, given {${c.got}}`);
    assert.deepEqual(wrong, []);
  });

  it('every key built at run time has a prefix listed in DYNAMIC, and its keys exist', () => {
    const unlisted = templates.filter((u) => !(u.prefix in DYNAMIC)).map((u) => `${u.file}: t(\`${u.prefix}\${…}\`)`);
    assert.deepEqual(unlisted, []);
    const missing = Object.values(DYNAMIC).flat().filter((k) => !english.has(k));
    assert.deepEqual(missing, []);
  });

  it('no two keys hold the same English text: one key each, said wherever it is needed', () => {
    const byText = new Map<string, string[]>();
    for (const [key, message] of english) byText.set(message.text, [...(byText.get(message.text) ?? []), key]);
    const twice = [...byText.values()].filter((keys) => keys.length > 1).map((keys) => keys.join(' = '));
    assert.deepEqual(twice, [], 'keep one of these keys and say it in both places (a word shared across areas goes under prompts.*)');
  });

  it('every key in en.json is used', () => {
    const used = new Set([...calls.map((c) => c.key), ...literals, ...pageKeys, ...Object.values(DYNAMIC).flat()]);
    const unused = [...english.keys()].filter((k) => !used.has(k));
    assert.deepEqual(unused, [], 'say these, or remove them from en.json (and every other catalogue); a key built at run time is listed in DYNAMIC at the top of this file');
  });
});
