// Loading the content: every file of content/ read, validated and cross-checked (./checks.ts), frozen and cached;
// and an organisation's own safety protocol (SAFETY_PROTOCOL_FILE), checked the same way. A start skips the costly
// checks for bytes that passed them before (./checkRecord.ts).
import * as path from 'node:path';
import * as fs from 'node:fs';
import { log } from '../log';
import { checksDigest, CheckRecordFile, readFiles, type CheckRecord } from './checkRecord';
import { checkKinds, checkTerms, CONTENT_FILES, ContentError, deepFreeze, DEFAULT_CONTENT_DIR, describeAjvError, displayPath, readValidated, SCHEMA_DIR, validatorFor, walk, type Ctx, type Mutable } from './checks';
import { OWN_SOURCE, RISK_CATEGORIES, STAGE_IDS, type Acknowledgements, type Content, type Onboarding, type RiskCategoryTerms, type SafetyProtocol, type Source, type Stage, type StageFinder, type StageId, type StageStalls, type StallPhrase, type Term, type YouContent, type SupervisionFraming } from './types';

/** A human-readable citation for a source id, e.g. for docs or a "why this?" link. */
export function citeSource(id: string, c: Content = content()): string {
  const s = c.sourceById.get(id);
  if (!s) return id;
  const parts = [s.authors, s.year !== undefined ? `(${s.year})` : undefined, s.title, s.publisher, s.doi ? `doi:${s.doi}` : s.url];
  return parts.filter((p): p is string => Boolean(p)).join('. ').replace(/\.\./g, '.');
}

/**
 * Reads, validates and checks every content file in `dir` (default: the repository's content/), all checks in full.
 * Throws a single ContentError naming the file and JSON pointer of the first problem.
 */
export function loadContent(dir: string = DEFAULT_CONTENT_DIR): Content {
  return build({ dir: path.resolve(dir), ids: new Map(), sources: new Map(), verify: true });
}

/**
 * What a start loads: the content of `dir`, with the costly checks (schemas, patterns against their examples) left
 * out only when `record` shows these exact bytes, schemas, code and Node passed them before; otherwise checked in
 * full now and, when they pass, recorded. Throws the ContentError of loadContent.
 */
export function loadRecordedContent(dir: string, record: CheckRecord): { content: Content; checkedNow: boolean; recorded: boolean } {
  const full = path.resolve(dir);
  const texts = readFiles(Object.values(CONTENT_FILES).map((f) => path.join(full, f)));
  const digest = checksDigest(SCHEMA_DIR, texts);
  const checkedNow = !record.has(digest);
  const loaded = build({ dir: full, ids: new Map(), sources: new Map(), verify: checkedNow, texts });
  const recorded = checkedNow && record.add(digest);
  return { content: loaded, checkedNow, recorded };
}

function build(ctx: Ctx): Content {

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

  // Stalls: one block per stage; the stages marked stallFocus (trust and bridging) carry the richest material.
  const sl = readValidated<{ stalls: Mutable<StageStalls>[] }>(ctx, CONTENT_FILES.stalls);
  walk(ctx, sl.file, sl.data, '');
  const stalls = {} as Record<StageId, StageStalls>;
  sl.data.stalls.forEach((b, i) => {
    if (stalls[b.stage]) throw new ContentError(sl.file, `/stalls/${i}/stage`, `stage "${b.stage}" appears twice`);
    if (stageById[b.stage]?.stallFocus && b.strategies.length < 5) {
      throw new ContentError(sl.file, `/stalls/${i}/strategies`, `"${b.stage}" needs at least 5 strategies (has ${b.strategies.length}): stalls here need the most help`);
    }
    stalls[b.stage] = b;
  });
  for (const id of STAGE_IDS) if (!stalls[id]) throw new ContentError(sl.file, '/stalls', `missing the block for stage "${id}"`);

  const lang = readValidated<{ macros?: Record<string, string>; phrases: Mutable<StallPhrase>[] }>(ctx, CONTENT_FILES.stallLanguage);
  walk(ctx, lang.file, lang.data.phrases, '/phrases');
  checkTerms(lang.file, lang.data.phrases, '/phrases', lang.data.macros, ctx.verify);

  // Risk terms: each category once, put in RISK_CATEGORIES order.
  const rk = readValidated<{ macros?: Record<string, string>; categories: Mutable<RiskCategoryTerms>[] }>(ctx, CONTENT_FILES.riskTerms);
  walk(ctx, rk.file, rk.data.categories, '/categories');
  const seen = new Set<string>();
  rk.data.categories.forEach((c, i) => {
    if (seen.has(c.id)) throw new ContentError(rk.file, `/categories/${i}/id`, `category "${c.id}" appears twice`);
    seen.add(c.id);
    checkTerms(rk.file, c.patterns, `/categories/${i}/patterns`, rk.data.macros, ctx.verify);
    checkTerms(rk.file, c.exclusions, `/categories/${i}/exclusions`, rk.data.macros, ctx.verify);
  });
  for (const k of RISK_CATEGORIES) if (!seen.has(k)) throw new ContentError(rk.file, '/categories', `missing the category "${k}"`);
  const riskTerms = [...rk.data.categories].sort((a, b) => RISK_CATEGORIES.indexOf(a.id) - RISK_CATEGORIES.indexOf(b.id));

  const sp = readValidated<Mutable<SafetyProtocol>>(ctx, CONTENT_FILES.safetyProtocol);
  walk(ctx, sp.file, sp.data, '');
  checkKinds(sp.file, sp.data.kinds);

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

  // Supervision framing: each flag names one of Proctor's functions (the schema lists them).
  const su = readValidated<Mutable<SupervisionFraming>>(ctx, CONTENT_FILES.supervision);
  walk(ctx, su.file, su.data, '');

  // The worker's own side: topics, what a debrief may offer (patterns that must match their examples), supervision needs.
  const yo = readValidated<Mutable<YouContent>>(ctx, CONTENT_FILES.you);
  walk(ctx, yo.file, yo.data, '');
  yo.data.topics.forEach((tp, i) => {
    if (tp.offer) checkTerms(yo.file, tp.offer.patterns as Mutable<Term>[], `/topics/${i}/offer/patterns`, undefined, ctx.verify);
    tp.offer?.afterPrompts?.forEach((id, j) => {
      if (!st.data.stages.some((s) => s.prompts.some((p) => p.id === id))) throw new ContentError(yo.file, `/topics/${i}/offer/afterPrompts/${j}`, `"${id}" is not a debrief prompt in ${CONTENT_FILES.stages}`);
    });
  });

  // Acknowledgements: the feeling words must match their examples; every tone said back has lines enough to vary.
  const ak = readValidated<Mutable<Acknowledgements>>(ctx, CONTENT_FILES.acknowledgements);
  walk(ctx, ak.file, ak.data, '');
  checkTerms(ak.file, ak.data.feelings, '/feelings', undefined, ctx.verify);
  for (const tone of ['hard', 'warm', 'mixed', 'feeling'] as const) {
    if (ak.data.acknowledgements.filter((a) => a.tone === tone).length < 2) throw new ContentError(ak.file, '/acknowledgements', `tone "${tone}" needs at least 2 lines, so none is said twice in a row`);
  }

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
    you: yo.data as YouContent,
    supervision: su.data as SupervisionFraming,
    acknowledgements: ak.data as Acknowledgements,
  });
}

/**
 * Reads an organisation's own safety protocol (config SAFETY_PROTOCOL_FILE), validated against the same
 * schema as content/safety-protocol.json; its sources must exist in the loaded content's sources.
 * Throws a ContentError naming the file and path on failure.
 */
export function loadSafetyProtocolFile(file: string, c: Content = content()): SafetyProtocol {
  const ctx: Ctx = { dir: path.dirname(path.resolve(file)), ids: new Map(), sources: new Map(c.sourceById), verify: true };
  const full = path.resolve(file);
  const shown = displayPath(full);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new ContentError(shown, '', e.code ? `cannot read the file (${e.code})` : `not valid JSON: ${e.message}`);
  }
  const validate = validatorFor(CONTENT_FILES.safetyProtocol)!;
  if (!validate(data)) {
    const e = validate.errors?.[0];
    throw new ContentError(shown, e?.instancePath ?? '', e ? describeAjvError(e) : 'does not match its schema');
  }
  walk(ctx, shown, data, '');
  checkKinds(shown, (data as SafetyProtocol).kinds);
  return deepFreeze(data as SafetyProtocol);
}

let cached: Content | undefined;

/** The repository's content, loaded once (checked in full unless these bytes passed before), then cached. */
export function content(): Content {
  if (!cached) {
    const started = performance.now();
    const loaded = loadRecordedContent(DEFAULT_CONTENT_DIR, new CheckRecordFile());
    cached = loaded.content;
    const status = loaded.checkedNow ? (loaded.recorded ? 'recorded' : 'not-recorded') : undefined; // not-recorded: a read-only install
    log.info('content.loaded', { mode: loaded.checkedNow ? 'checked' : 'checked-before', durationMs: Math.round(performance.now() - started), status });
  }
  return cached;
}

/** Drops the cache (tests, or after a program lead edits content in a running dev server). */
export function resetContentCache(): void {
  cached = undefined;
}
