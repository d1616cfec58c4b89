// Reading the message catalogues: every content/locales/<tag>.json checked against locale.schema.json, each message
// parsed once (ICU MessageFormat, by intl-messageformat), and every catalogue other than English checked against it:
// no key English lacks, the same placeholders. A catalogue is found by its file name, so a new locale is a new file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { packagePath } from '../paths';

// intl-messageformat is an ES module; Node (>= 20.19) loads it with require, and its types come from the import.
type IntlMessageFormatModule = typeof import('intl-messageformat', { with: { 'resolution-mode': 'import' } });
const { IntlMessageFormat } = require('intl-messageformat') as IntlMessageFormatModule;
type Compiled = InstanceType<IntlMessageFormatModule['IntlMessageFormat']>;

/** content/locales/ in the package. */
export const DEFAULT_LOCALES_DIR = packagePath('content', 'locales');
/** The catalogue every key must be in: what is said when a person's locale has no message of its own. */
export const BASE_LOCALE = 'en';

export class CatalogueError extends Error {
  constructor(file: string, key: string, problem: string) {
    super(`${file}${key ? ` ${key}` : ''}: ${problem}`);
    this.name = 'CatalogueError';
  }
}

export interface Message {
  readonly text: string;
  /** The placeholders it takes, sorted: ['count', 'name']. */
  readonly params: readonly string[];
  readonly compiled: Compiled;
}

/** Locale tag → key → message. */
export type Catalogues = ReadonlyMap<string, ReadonlyMap<string, Message>>;

let validate: ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null } | undefined;
function schemaCheck(file: string, data: unknown): void {
  validate ??= new Ajv({ strict: true }).compile(JSON.parse(fs.readFileSync(packagePath('content', 'schemas', 'locale.schema.json'), 'utf8')));
  if (!validate(data)) {
    const e = validate.errors?.[0];
    throw new CatalogueError(file, e?.instancePath.slice(1).replace(/\//g, '.') ?? '', e?.message ?? 'does not match locale.schema.json');
  }
}

/** Nested groups to dotted keys: { router: { cancelled: '…' } } → router.cancelled. */
function flatten(group: Record<string, unknown>, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [name, value] of Object.entries(group)) {
    if (typeof value === 'string') out.set(prefix + name, value);
    else flatten(value as Record<string, unknown>, `${prefix}${name}.`, out);
  }
  return out;
}

// The element kinds of a parsed message we look into (@formatjs/icu-messageformat-parser's TYPE).
const LITERAL = 0;
const SELECT = 5;
const PLURAL = 6;
interface Element { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] }

/** The placeholders a parsed message takes; throws on a literal brace (an apostrophe before `{` quotes it in ICU). */
function paramsOf(elements: readonly Element[], found = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === LITERAL) {
      if (/[{}]/.test(String(el.value))) throw new Error("a brace is shown as text: an apostrophe right before '{' quotes it in ICU MessageFormat — write ’ or ''");
      continue;
    }
    if (typeof el.value === 'string') found.add(el.value);
    if (el.type === SELECT || el.type === PLURAL) for (const option of Object.values(el.options ?? {})) paramsOf(option.value, found);
    if (el.children) paramsOf(el.children, found);
  }
  return found;
}

function compile(file: string, locale: string, key: string, text: string): Message {
  try {
    // ignoreTag: a '<' in a sentence is text, not markup.
    const compiled = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
    return { text, params: [...paramsOf(compiled.getAst() as unknown as Element[])].sort(), compiled };
  } catch (err) {
    throw new CatalogueError(file, key, (err as Error).message);
  }
}

/** A file name that is a BCP 47 tag in canonical form (en.json, fr-CA.json) gives its locale. */
function localeOfFile(file: string): string {
  const tag = path.basename(file, '.json');
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(tag);
  } catch {
    canonical = undefined;
  }
  // language, optional script, optional region: en, fr-CA, zh-Hant-TW
  if (canonical !== tag || !/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-\d{3})?$/.test(tag)) throw new CatalogueError(file, '', `the file name must be a locale tag such as en.json or fr-CA.json${canonical ? ` (${canonical}.json)` : ''}`);
  return tag;
}

/** Reads, checks and compiles every catalogue in `dir`. Throws a CatalogueError naming the file and key of a problem. */
export function loadCatalogues(dir: string = DEFAULT_LOCALES_DIR): Catalogues {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const catalogues = new Map<string, Map<string, Message>>();
  for (const name of files) {
    const file = path.join(dir, name);
    const locale = localeOfFile(file);
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new CatalogueError(file, '', `not JSON: ${(err as Error).message}`);
    }
    schemaCheck(file, data);
    const messages = new Map<string, Message>();
    for (const [key, text] of flatten(data as Record<string, unknown>)) messages.set(key, compile(file, locale, key, text));
    catalogues.set(locale, messages);
  }
  const base = catalogues.get(BASE_LOCALE);
  if (!base) throw new CatalogueError(path.join(dir, `${BASE_LOCALE}.json`), '', 'missing: every key must be in the English catalogue');
  for (const [locale, messages] of catalogues) {
    if (locale === BASE_LOCALE) continue;
    const file = path.join(dir, `${locale}.json`);
    for (const [key, message] of messages) {
      const english = base.get(key);
      if (!english) throw new CatalogueError(file, key, `not in ${BASE_LOCALE}.json (a translation never adds keys)`);
      if (english.params.join() !== message.params.join()) {
        throw new CatalogueError(file, key, `placeholders {${message.params.join('}, {')}} differ from ${BASE_LOCALE}.json's {${english.params.join('}, {')}}`);
      }
    }
  }
  return catalogues;
}
