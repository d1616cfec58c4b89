// Reading a content file and checking it: the ajv schemas of content/schemas/ (with `stageId` filled from STAGE_IDS)
// and the checks ajv cannot express — ids unique across files, sources that exist, patterns that compile, match their
// examples and match no empty text. Every failure is one ContentError naming the file and the JSON pointer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { packagePath } from '../paths';
import { OWN_SOURCE, RISK_CATEGORIES, STAGE_IDS, type Source } from './types';

/** The one error loadContent throws: names the file and the JSON pointer of the problem. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly detail: string,
  ) {
    super(`Content error in ${file} at ${pointer || '/'}: ${detail}`);
    this.name = 'ContentError';
  }
}

/**
 * Normalises free text before matching: curly apostrophes to straight ones, runs of whitespace to
 * one space. Patterns are written against this form.
 */
export function normalizeForMatching(text: string): string {
  return text.replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'").replace(/\s+/g, ' ');
}

/** Compiles a content pattern: case-insensitive, wrapped in word boundaries. */
export function compilePattern(pattern: string, flags = 'gi'): RegExp {
  return new RegExp(`\\b(?:${pattern})\\b`, flags);
}


export const CONTENT_FILES = {
  sources: 'sources.json',
  stages: 'stages.json',
  stageFinder: 'stage-finder.json',
  stalls: 'stalls.json',
  stallLanguage: 'stall-language.json',
  riskTerms: 'risk-terms.json',
  safetyProtocol: 'safety-protocol.json',
  onboarding: 'onboarding.json',
  you: 'you.json',
  supervision: 'supervision.json',
  acknowledgements: 'acknowledgements.json',
} as const;

/** content/ in the repository; schemas always come from here, whatever dir content is read from. */
export const DEFAULT_CONTENT_DIR = packagePath('content');
export const SCHEMA_DIR = path.join(DEFAULT_CONTENT_DIR, 'schemas');

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** The validator of one content file's schema, compiled when first asked for (an organisation's protocol needs one). */
export function validatorFor(name: string): ValidateFunction | undefined {
  const known = validators.get(name);
  if (known) return known;
  if (!(Object.values(CONTENT_FILES) as string[]).includes(name)) return undefined;
  const read = (file: string): Record<string, unknown> =>
    JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
  if (!ajv) {
    ajv = new Ajv({ allErrors: false, strict: true });
    addFormats(ajv);
    // `stageId` is STAGE_IDS and `riskCategory` is RISK_CATEGORIES: the schemas never repeat the lists.
    const common = read('common.schema.json') as { definitions: Record<string, unknown> };
    common.definitions.stageId = { enum: [...STAGE_IDS] };
    common.definitions.riskCategory = { enum: [...RISK_CATEGORIES] };
    ajv.addSchema(common);
  }
  const validate = ajv.compile(read(name.replace(/\.json$/, '.schema.json')));
  validators.set(name, validate);
  return validate;
}

export function describeAjvError(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperty' || e.keyword === 'additionalProperties') {
    return `unexpected property "${String(p.additionalProperty)}" (check the spelling; only the documented fields are allowed)`;
  }
  if (e.keyword === 'required') return `missing required property "${String(p.missingProperty)}"`;
  // A key that is not allowed (propertyNames) is named, so the message says which one.
  if (e.keyword === 'enum') return `${e.propertyName ? `"${e.propertyName}": ` : ''}${e.message ?? 'must be one of the allowed values'}: ${JSON.stringify(p.allowedValues)}`;
  return e.message ?? `failed ${e.keyword}`;
}

export interface Ctx {
  dir: string;
  /**
   * Run the costly checks: schemas, and patterns compiled and matched against their examples. False only when these
   * exact bytes passed them before (./checkRecord.ts); the cheap checks (ids, sources, order) always run.
   */
  verify: boolean;
  /** Files already read (full path → bytes), so what is loaded is what was digested; others are read here. */
  texts?: Map<string, Buffer | undefined>;
  /** Global id namespace across all content files (not sources; not check choices). */
  ids: Map<string, string>;
  sources: Map<string, Source>;
}

export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export function readValidated<T>(ctx: Ctx, name: string): { data: T; file: string } {
  const full = path.join(ctx.dir, name);
  const file = displayPath(full);
  let raw: string;
  try {
    raw = ctx.texts?.get(full)?.toString('utf8') ?? fs.readFileSync(full, 'utf8');
  } catch (err) {
    throw new ContentError(file, '', `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new ContentError(file, '', `not valid JSON: ${(err as Error).message}`);
  }
  if (!ctx.verify) return { data: data as T, file };
  const validate = validatorFor(name);
  if (!validate) throw new ContentError(file, '', 'no schema for this file');
  if (!validate(data)) {
    const e = validate.errors?.[0];
    throw new ContentError(file, e?.instancePath ?? '', e ? describeAjvError(e) : 'does not match its schema');
  }
  return { data: data as T, file };
}

function claimId(ctx: Ctx, file: string, pointer: string, id: string): void {
  const where = `${file} at ${pointer}`;
  const first = ctx.ids.get(id);
  if (first !== undefined) throw new ContentError(file, pointer, `duplicate id "${id}" (first used in ${first})`);
  ctx.ids.set(id, where);
}

function checkSource(ctx: Ctx, file: string, pointer: string, source: string): void {
  if (!ctx.sources.has(source)) {
    throw new ContentError(file, pointer, `unknown source "${source}": add it to content/sources.json or use "${OWN_SOURCE}" for our own wording`);
  }
}

/** Walks any JSON value: claims every `id` (skipping check choices) and checks every `*source`/`*Source`. */
export function walk(ctx: Ctx, file: string, value: unknown, pointer: string): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(ctx, file, v, `${pointer}/${i}`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(obj)) {
    const p = `${pointer}/${key}`;
    if (key === 'id' && typeof v === 'string') claimId(ctx, file, p, v);
    else if ((key === 'source' || key.endsWith('Source')) && typeof v === 'string') checkSource(ctx, file, p, v);
    else if (key === 'choices') continue; // choice ids are scoped to their check; checked separately
    else walk(ctx, file, v, p);
  }
}

function expandMacros(file: string, pointer: string, pattern: string, macros: Record<string, string> | undefined): string {
  return pattern.replace(/\{([a-z][a-z_]*)\}/g, (_m, name: string) => {
    const m = macros?.[name];
    if (m === undefined) throw new ContentError(file, pointer, `unknown macro {${name}} (define it under "macros" in this file)`);
    return m;
  });
}

/**
 * Expands each pattern's macros in place; with `verify`, also checks that it compiles, matches no empty text and
 * matches every example (the costly part: compiling a large pattern takes up to ~0.2 s).
 */
export function checkTerms(file: string, terms: { id: string; pattern: string; examples?: readonly string[] }[], pointer: string, macros?: Record<string, string>, verify = true): void {
  terms.forEach((t, i) => {
    const p = `${pointer}/${i}/pattern`;
    t.pattern = expandMacros(file, p, t.pattern, macros);
    if (!verify) return;
    let re: RegExp;
    try {
      re = compilePattern(t.pattern, 'i');
    } catch (err) {
      throw new ContentError(file, p, `not a valid regular expression: ${(err as Error).message}`);
    }
    if (re.test('')) throw new ContentError(file, p, 'pattern matches empty text; it would match everything');
    (t.examples ?? []).forEach((ex, j) => {
      if (!re.test(normalizeForMatching(ex))) {
        throw new ContentError(file, `${pointer}/${i}/examples/${j}`, `example "${ex}" does not match the pattern of "${t.id}"`);
      }
    });
  });
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? Mutable<U>[] : T[K] extends object ? Mutable<T[K]> : T[K] };

/** Every kind of RISK_CATEGORIES has its response in a protocol (the schema checks only that the names are kinds). */
export function checkKinds(file: string, kinds: Record<string, unknown>): void {
  for (const k of RISK_CATEGORIES) if (!kinds[k]) throw new ContentError(file, '/kinds', `missing the response for "${k}"`);
}
