/**
 * Content: every word the bot uses for the Creating Connection model, as JSON data in content/,
 * validated at load by the ajv schemas in content/schemas/ plus the checks ajv cannot express
 * (unique ids, known sources, compilable patterns, examples that match, answers among choices).
 *
 * No botbuilder imports here: plain data for services/ and dialogs/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { packagePath } from '../paths';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/**
 * The stages of Creating Connection, in model order: the one list in code. content/stages.json must hold exactly
 * these, in this order, and every schema's `stageId` is this list (filled in when the schemas compile), so adding a
 * stage is its content plus this line.
 */
export const STAGE_IDS = ['trust', 'fostering', 'bridging', 'launching'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export const RISK_CATEGORIES = ['overdose', 'suicide', 'self_harm', 'harm_to_others', 'abuse', 'psw_distress'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** The source id for the project's own wording. */
export const OWN_SOURCE = 'PeerReflect';

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly authors?: string;
  readonly year?: number;
  readonly publisher?: string;
  readonly doi?: string;
  readonly url?: string;
  readonly note?: string;
}

/** A piece of text the bot shows, with the id of its source in content/sources.json. */
export interface TextItem {
  readonly id: string;
  readonly text: string;
  readonly source: string;
}
export type Prompt = TextItem;

export interface Stage {
  readonly id: StageId;
  readonly title: string;
  readonly summary: string;
  readonly source: string;
  /** Stalls here need the most help: summaries list them by name, the others as a count. */
  readonly stallFocus?: boolean;
  readonly prompts: readonly Prompt[];
}

export interface Indicator {
  readonly id: string;
  readonly question: string;
  readonly stage: StageId;
  readonly weight: number;
  /** Completes "I suggest <stage> because …". */
  readonly reason: string;
  readonly source: string;
}
export interface StageFinder {
  readonly intro: string;
  /** Used as the only reason when no indicator was answered yes. */
  readonly fallbackReason: string;
  readonly fallbackSource: string;
  readonly indicators: readonly Indicator[];
}

export interface StallStrategy {
  readonly id: string;
  /** Short, for a button (at most 30 characters). */
  readonly title: string;
  readonly text: string;
  readonly source: string;
}
export interface StageStalls {
  readonly stage: StageId;
  readonly intro: string;
  readonly questions: readonly Prompt[];
  readonly strategies: readonly StallStrategy[];
}

export interface Term {
  readonly id: string;
  /** The pattern with macros expanded; compile it with compilePattern(). */
  readonly pattern: string;
  readonly examples?: readonly string[];
}
export interface StallPhrase extends Term {
  readonly stage?: StageId;
  readonly source: string;
}
export interface RiskCategoryTerms {
  readonly id: RiskCategory;
  readonly label: string;
  /** Whose risk: a client's, or the PSW's own. */
  readonly audience: 'client' | 'psw';
  readonly source: string;
  readonly patterns: readonly Term[];
  readonly exclusions: readonly Term[];
}

export interface SafetyGuidance {
  readonly text: string;
  readonly steps: readonly string[];
  readonly source: string;
}
/** A legal step an organisation takes for a kind of concern (duty to report, duty to warn). */
export interface SafetyDuty {
  readonly title: string;
  /** "any" or an ISO 3166 country code, like a contact's. */
  readonly region: string;
  readonly text: string;
  readonly source: string;
}
/** The response to one kind of concern (content/safety-protocol.json `kinds`). */
export interface SafetyKind extends SafetyGuidance {
  /** Lower case, for the supervisor's alert ("suicidal thoughts"). */
  readonly label: string;
  /** The button when the PSW says which kind worries them. */
  readonly choice: string;
  /** A client's (or someone else's) safety, or the PSW's own. */
  readonly audience: 'client' | 'psw';
  readonly duties: readonly SafetyDuty[];
}
export interface SafetyContact {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  /** "any" or an ISO 3166 country code such as "CA" or "US". */
  readonly region: string;
  readonly for: readonly RiskCategory[];
  readonly source: string;
}
export interface SafetyProtocol {
  readonly id: string;
  readonly source: string;
  readonly pause: string;
  readonly kinds: Readonly<Record<RiskCategory, SafetyKind>>;
  readonly contacts: readonly SafetyContact[];
  /** What the PSW is told about the alert; {who} names the person it goes to. */
  readonly supervisorAlert: {
    readonly offer: string;
    readonly offerNextInLine: string;
    readonly sending: string;
    readonly added: string;
    readonly alreadyDelivered: string;
    readonly delivered: string;
    readonly notDelivered: string;
    readonly nextInLine: string;
    readonly noOneLeft: string;
    readonly contactsIntro: string;
    readonly source: string;
  };
  /** The closing question of every debrief and of `worried`. */
  readonly check: { readonly question: string; readonly which: string; readonly source: string };
  /** A short, proportionate step for a self-check of 1 or 2 (never crisis lines). */
  readonly selfCare: SafetyGuidance & { readonly more: string };
  readonly resume: string;
  readonly notACrisisService: string;
  readonly notACrisisServiceSource: string;
}

export interface CheckChoice {
  /** Unique within its check only. */
  readonly id: string;
  readonly text: string;
  /** Feedback for this (wrong) choice; fall back to the check's feedback. */
  readonly feedback?: string;
}
export interface CheckQuestion {
  readonly id: string;
  readonly question: string;
  readonly choices: readonly CheckChoice[];
  /** The id of the right choice. */
  readonly answer: string;
  /** Explains the right answer. */
  readonly feedback: string;
  readonly source: string;
}
export interface OnboardingModule {
  readonly id: string;
  readonly stage: StageId;
  readonly title: string;
  readonly source: string;
  readonly inPractice: readonly TextItem[];
  readonly vignette: TextItem;
  readonly check: CheckQuestion;
  readonly reflect: Prompt;
}
export interface Onboarding {
  readonly intro: { readonly id: string; readonly title: string; readonly sections: readonly TextItem[] };
  /** One per stage, in stage order. */
  readonly modules: readonly OnboardingModule[];
  readonly practice: { readonly id: string; readonly title: string; readonly stage: StageId; readonly text: string; readonly source: string };
}

export interface Content {
  /** The directory the content was read from. */
  readonly dir: string;
  readonly sources: readonly Source[];
  readonly sourceById: ReadonlyMap<string, Source>;
  /** In model order: trust, fostering, bridging, launching. */
  readonly stages: readonly Stage[];
  readonly stageById: Readonly<Record<StageId, Stage>>;
  readonly stageFinder: StageFinder;
  readonly stalls: Readonly<Record<StageId, StageStalls>>;
  readonly stallLanguage: readonly StallPhrase[];
  /** In RISK_CATEGORIES order. */
  readonly riskTerms: readonly RiskCategoryTerms[];
  readonly safetyProtocol: SafetyProtocol;
  readonly onboarding: Onboarding;
}

// ---------------------------------------------------------------------------------------------
// Errors and helpers
// ---------------------------------------------------------------------------------------------

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

/** A human-readable citation for a source id, e.g. for docs or a "why this?" link. */
export function citeSource(id: string, c: Content = content()): string {
  const s = c.sourceById.get(id);
  if (!s) return id;
  const parts = [s.authors, s.year !== undefined ? `(${s.year})` : undefined, s.title, s.publisher, s.doi ? `doi:${s.doi}` : s.url];
  return parts.filter((p): p is string => Boolean(p)).join('. ').replace(/\.\./g, '.');
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
} as const;

/** content/ in the repository; schemas always come from here, whatever dir content is read from. */
export const DEFAULT_CONTENT_DIR = packagePath('content');
const SCHEMA_DIR = path.join(DEFAULT_CONTENT_DIR, 'schemas');

let validators: Map<string, ValidateFunction> | undefined;

function getValidators(): Map<string, ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv({ allErrors: false, strict: true });
  addFormats(ajv);
  const read = (name: string): Record<string, unknown> =>
    JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>;
  // `stageId` is STAGE_IDS: the schemas never repeat the list.
  const common = read('common.schema.json') as { definitions: Record<string, unknown> };
  common.definitions.stageId = { enum: [...STAGE_IDS] };
  ajv.addSchema(common);
  const map = new Map<string, ValidateFunction>();
  for (const file of Object.values(CONTENT_FILES)) {
    map.set(file, ajv.compile(read(file.replace(/\.json$/, '.schema.json'))));
  }
  validators = map;
  return map;
}

function describeAjvError(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperty' || e.keyword === 'additionalProperties') {
    return `unexpected property "${String(p.additionalProperty)}" (check the spelling; only the documented fields are allowed)`;
  }
  if (e.keyword === 'required') return `missing required property "${String(p.missingProperty)}"`;
  if (e.keyword === 'enum') return `${e.message ?? 'must be one of the allowed values'}: ${JSON.stringify(p.allowedValues)}`;
  return e.message ?? `failed ${e.keyword}`;
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

interface Ctx {
  dir: string;
  /** Global id namespace across all content files (not sources; not check choices). */
  ids: Map<string, string>;
  sources: Map<string, Source>;
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function readValidated<T>(ctx: Ctx, name: string): { data: T; file: string } {
  const full = path.join(ctx.dir, name);
  const file = displayPath(full);
  let raw: string;
  try {
    raw = fs.readFileSync(full, 'utf8');
  } catch (err) {
    throw new ContentError(file, '', `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new ContentError(file, '', `not valid JSON: ${(err as Error).message}`);
  }
  const validate = getValidators().get(name);
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
function walk(ctx: Ctx, file: string, value: unknown, pointer: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(ctx, file, v, `${pointer}/${i}`));
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

function checkTerms(file: string, terms: { id: string; pattern: string; examples?: readonly string[] }[], pointer: string, macros?: Record<string, string>): void {
  terms.forEach((t, i) => {
    const p = `${pointer}/${i}/pattern`;
    t.pattern = expandMacros(file, p, t.pattern, macros);
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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? Mutable<U>[] : T[K] extends object ? Mutable<T[K]> : T[K] };

/**
 * Reads, validates and checks every content file in `dir` (default: the repository's content/).
 * Throws a single ContentError naming the file and JSON pointer of the first problem.
 */
export function loadContent(dir: string = DEFAULT_CONTENT_DIR): Content {
  const ctx: Ctx = { dir: path.resolve(dir), ids: new Map(), sources: new Map() };

  // Sources first: everything else refers to them.
  const src = readValidated<{ sources: Source[] }>(ctx, CONTENT_FILES.sources);
  src.data.sources.forEach((s, i) => {
    if (ctx.sources.has(s.id)) throw new ContentError(src.file, `/sources/${i}/id`, `duplicate source id "${s.id}"`);
    ctx.sources.set(s.id, s);
  });
  if (!ctx.sources.has(OWN_SOURCE)) throw new ContentError(src.file, '/sources', `the "${OWN_SOURCE}" source must exist`);

  // Stages: exactly the four, in model order.
  const st = readValidated<{ stages: Mutable<Stage>[] }>(ctx, CONTENT_FILES.stages);
  walk(ctx, st.file, st.data, '');
  st.data.stages.forEach((s, i) => {
    if (s.id !== STAGE_IDS[i]) throw new ContentError(st.file, `/stages/${i}/id`, `expected "${STAGE_IDS[i]}" here: stages must be listed in model order ${STAGE_IDS.join(', ')}`);
  });
  if (st.data.stages.length !== STAGE_IDS.length) throw new ContentError(st.file, '/stages', `expected the ${STAGE_IDS.length} stages ${STAGE_IDS.join(', ')}, found ${st.data.stages.length}`);
  const stageById = Object.fromEntries(st.data.stages.map((s) => [s.id, s])) as unknown as Record<StageId, Stage>;

  const sf = readValidated<Mutable<StageFinder>>(ctx, CONTENT_FILES.stageFinder);
  walk(ctx, sf.file, sf.data, '');

  // Stalls: one block per stage; trust and bridging carry the richest material.
  const sl = readValidated<{ stalls: Mutable<StageStalls>[] }>(ctx, CONTENT_FILES.stalls);
  walk(ctx, sl.file, sl.data, '');
  const stalls = {} as Record<StageId, StageStalls>;
  sl.data.stalls.forEach((b, i) => {
    if (stalls[b.stage]) throw new ContentError(sl.file, `/stalls/${i}/stage`, `stage "${b.stage}" appears twice`);
    if ((b.stage === 'trust' || b.stage === 'bridging') && b.strategies.length < 5) {
      throw new ContentError(sl.file, `/stalls/${i}/strategies`, `"${b.stage}" needs at least 5 strategies (has ${b.strategies.length})`);
    }
    stalls[b.stage] = b;
  });
  for (const id of STAGE_IDS) if (!stalls[id]) throw new ContentError(sl.file, '/stalls', `missing the block for stage "${id}"`);

  const lang = readValidated<{ macros?: Record<string, string>; phrases: Mutable<StallPhrase>[] }>(ctx, CONTENT_FILES.stallLanguage);
  walk(ctx, lang.file, lang.data.phrases, '/phrases');
  checkTerms(lang.file, lang.data.phrases, '/phrases', lang.data.macros);

  // Risk terms: each category once, put in RISK_CATEGORIES order.
  const rk = readValidated<{ macros?: Record<string, string>; categories: Mutable<RiskCategoryTerms>[] }>(ctx, CONTENT_FILES.riskTerms);
  walk(ctx, rk.file, rk.data.categories, '/categories');
  const seen = new Set<string>();
  rk.data.categories.forEach((c, i) => {
    if (seen.has(c.id)) throw new ContentError(rk.file, `/categories/${i}/id`, `category "${c.id}" appears twice`);
    seen.add(c.id);
    checkTerms(rk.file, c.patterns, `/categories/${i}/patterns`, rk.data.macros);
    checkTerms(rk.file, c.exclusions, `/categories/${i}/exclusions`, rk.data.macros);
  });
  const riskTerms = [...rk.data.categories].sort((a, b) => RISK_CATEGORIES.indexOf(a.id) - RISK_CATEGORIES.indexOf(b.id));

  const sp = readValidated<Mutable<SafetyProtocol>>(ctx, CONTENT_FILES.safetyProtocol);
  walk(ctx, sp.file, sp.data, '');

  // Onboarding: modules in stage order; each check's answer is one of its choices.
  const ob = readValidated<Mutable<Onboarding>>(ctx, CONTENT_FILES.onboarding);
  walk(ctx, ob.file, ob.data, '');
  ob.data.modules.forEach((m, i) => {
    if (m.stage !== STAGE_IDS[i]) throw new ContentError(ob.file, `/modules/${i}/stage`, `expected "${STAGE_IDS[i]}" here: modules follow model order`);
    const choiceIds = new Set<string>();
    m.check.choices.forEach((ch, j) => {
      if (choiceIds.has(ch.id)) throw new ContentError(ob.file, `/modules/${i}/check/choices/${j}/id`, `duplicate choice id "${ch.id}" in this check`);
      choiceIds.add(ch.id);
    });
    if (!choiceIds.has(m.check.answer)) {
      throw new ContentError(ob.file, `/modules/${i}/check/answer`, `answer "${m.check.answer}" is not one of the choices (${[...choiceIds].join(', ')})`);
    }
  });

  return deepFreeze({
    dir: ctx.dir,
    sources: src.data.sources,
    sourceById: ctx.sources,
    stages: st.data.stages as Stage[],
    stageById,
    stageFinder: sf.data as StageFinder,
    stalls,
    stallLanguage: lang.data.phrases as StallPhrase[],
    riskTerms: riskTerms as RiskCategoryTerms[],
    safetyProtocol: sp.data as SafetyProtocol,
    onboarding: ob.data as Onboarding,
  });
}

/**
 * Reads an organisation's own safety protocol (config SAFETY_PROTOCOL_FILE), validated against the same
 * schema as content/safety-protocol.json; its sources must exist in the loaded content's sources.
 * Throws a ContentError naming the file and path on failure.
 */
export function loadSafetyProtocolFile(file: string, c: Content = content()): SafetyProtocol {
  const ctx: Ctx = { dir: path.dirname(path.resolve(file)), ids: new Map(), sources: new Map(c.sourceById) };
  const full = path.resolve(file);
  const shown = displayPath(full);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new ContentError(shown, '', e.code ? `cannot read the file (${e.code})` : `not valid JSON: ${e.message}`);
  }
  const validate = getValidators().get(CONTENT_FILES.safetyProtocol)!;
  if (!validate(data)) {
    const e = validate.errors?.[0];
    throw new ContentError(shown, e?.instancePath ?? '', e ? describeAjvError(e) : 'does not match its schema');
  }
  walk(ctx, shown, data, '');
  return deepFreeze(data as SafetyProtocol);
}

let cached: Content | undefined;

/** The repository's content, loaded and validated once, then cached. */
export function content(): Content {
  cached ??= loadContent();
  return cached;
}

/** Drops the cache (tests, or after a program lead edits content in a running dev server). */
export function resetContentCache(): void {
  cached = undefined;
}
