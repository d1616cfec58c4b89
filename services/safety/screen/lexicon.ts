/**
 * The pattern layer of the risk screen: content/risk-terms.json compiled once per loaded content.
 * A pattern hit counts unless (1) it overlaps one of its category's exclusions ("killing it"), (2) a negation
 * cue stands just before it in its clause ("denies SI", "would never hurt anyone"; NegEx), (3) its sentence
 * says the event is past and resolved ("years ago", "no longer") with no cue that it is current ("again",
 * "still"; ConText), or (4) a suppress rule of its category covers the sentence (harm-reduction talk for
 * overdose, accidents for self-harm). Works on normalised text (./normalise). Round 10: a rule that rules risk out
 * carries an `unless` for the warning signs it must not swallow, some read over the neighbouring sentences of the
 * note (`around`), and a screening answer drops only the hits inside it, even when it is given in the next sentence.
 * Round 11: an explanation in the next sentence (`next`), a cover story contradicted there (`around`), and an event
 * told as over in the next sentence ("since then … let it go": resolvedAfter).
 */
import fs from 'node:fs';
import path from 'node:path';
import { compilePattern, ContentError, CONTENT_FILES, type Content, type RiskCategory } from '../../content';
import { clauses, sentences } from './normalise';

interface Cue {
  id: string;
  pattern: string;
  source: string;
  window?: number;
  anywhere?: string;
  pseudo?: string;
  categories?: RiskCategory[];
  unless?: string;
  /** Suppress rules (round 10): what, said in the previous or next sentence, lifts the rule too. */
  around?: string;
  /** Suppress rules (round 11): the pattern may be said in the next sentences (an explanation after the hit). */
  next?: boolean;
  /** Suppress rules (round 10): a screening answer — drops only the hits inside its match, which may run on into
   * the next sentence (a question answered there). */
  answer?: boolean;
}
interface ContextRules {
  negation: Cue & { window: number };
  resolved: Cue;
  current: Cue;
  suppress: Cue[];
  /** The worker's own strand (`reflect me`, ./self). */
  self?: { reflective: Cue; current: Cue; risk: Cue };
}

interface Suppress {
  categories: RiskCategory[];
  re: RegExp;
  unless?: RegExp;
  /** Lifts the rule when said in the previous or next sentence of the note. */
  around?: RegExp;
  /** Round 11: the pattern may be said in the next sentences; `unless` is then read over the whole note. */
  next?: boolean;
  /** A screening answer's pattern, global: it drops only the hits inside its matches, which may run on into the next
   * sentence. */
  answer?: RegExp;
}

interface CompiledLexicon {
  /** `exclusions` are global, for spans; `excludes` the same patterns for a plain test of a sentence. */
  categories: { id: RiskCategory; patterns: { id: string; re: RegExp }[]; exclusions: RegExp[]; excludes: RegExp[] }[];
  /** `pseudo`: phrases that contain a cue but negate nothing ("no point", "not sure"); removed before the test. */
  negation: { near: RegExp; anywhere?: RegExp; pseudo?: RegExp; window: number };
  resolved: RegExp;
  current: RegExp;
  suppress: Suppress[];
  /** The worker's own strand: what makes a sentence reflective, current, or the worker's own risk. */
  self?: { reflective: RegExp; current: RegExp; risk: RegExp };
}

export interface LexiconOptions {
  /** Apply the context rules (negation, past-and-resolved, suppress). Off only to measure their worth. */
  context?: boolean;
}

export interface PatternHit {
  category: RiskCategory;
  termId: string;
}

const cache = new WeakMap<Content, CompiledLexicon>();

/** The context rules of risk-terms.json (validated by loadContent with the rest of the file). */
function readContext(c: Content): ContextRules {
  const file = path.join(c.dir, CONTENT_FILES.riskTerms);
  const rules = (JSON.parse(fs.readFileSync(file, 'utf8')) as { context: ContextRules }).context;
  const all = [rules.negation, rules.resolved, rules.current, ...rules.suppress, ...(rules.self ? [rules.self.reflective, rules.self.current, rules.self.risk] : [])];
  for (const cue of all) {
    if (!c.sourceById.has(cue.source)) throw new ContentError(file, `/context (${cue.id})`, `unknown source "${cue.source}"`);
  }
  return rules;
}

/** Compiled without the `i` flag: normalised text is lower case, and case-blind matching is much slower. */
export function compileLexicon(c: Content): CompiledLexicon {
  let out = cache.get(c);
  if (out) return out;
  const ctx = readContext(c);
  out = {
    categories: c.riskTerms.map((cat) => ({
      id: cat.id,
      patterns: cat.patterns.map((t) => ({ id: t.id, re: compilePattern(t.pattern, 'g') })),
      exclusions: cat.exclusions.map((t) => compilePattern(t.pattern, 'g')),
      excludes: cat.exclusions.map((t) => compilePattern(t.pattern, '')),
    })),
    negation: {
      near: compilePattern(ctx.negation.pattern, ''),
      anywhere: ctx.negation.anywhere ? compilePattern(ctx.negation.anywhere, '') : undefined,
      pseudo: ctx.negation.pseudo ? compilePattern(ctx.negation.pseudo, 'g') : undefined,
      window: ctx.negation.window,
    },
    resolved: compilePattern(ctx.resolved.pattern, ''),
    current: compilePattern(ctx.current.pattern, ''),
    suppress: ctx.suppress.map((s) => ({
      categories: s.categories ?? [],
      re: compilePattern(s.pattern, ''),
      unless: s.unless ? compilePattern(s.unless, '') : undefined,
      around: s.around ? compilePattern(s.around, '') : undefined,
      next: s.next,
      answer: s.answer ? compilePattern(s.pattern, 'g') : undefined,
    })),
    self: ctx.self && {
      reflective: compilePattern(ctx.self.reflective.pattern, ''),
      current: compilePattern(ctx.self.current.pattern, ''),
      risk: compilePattern(ctx.self.risk.pattern, ''),
    },
  };
  cache.set(c, out);
  return out;
}

type Span = { start: number; end: number };
const within = (spans: Span[], at: number): Span => spans.find((s) => at >= s.start && at <= s.end) ?? { start: 0, end: at };

/** NegEx's scope runs on through a list: "denies si , hi , and self harm" negates every item, not the first only. */
const LIST_NEGATION = /\b(?:denies|denied|deny|denying|negative for|no (?:evidence|signs|reports?) of)(?: [a-z]+){1,3}(?:(?: ,| and| or| nor)(?: and| or| nor)?(?: [a-z]+){1,3})*(?: ,| and| or| nor)(?: and| or| nor)? $/;

/**
 * A new predicate ends a denial's scope (NegEx's and ConText's terminators): "denies si and is saving her pills",
 * "denied thoughts of self harm and showed me fresh cuts" — the denial covers what it lists, not what the person is
 * then said to do, have or say. Round 10: before this, "denies" anywhere earlier in the clause dropped both.
 */
const NEW_PREDICATE = / (?:and|then|so|yet|while|although|though)(?: (?:she|he|they|i|we|client|xname|then|also|later|now|just|still))* (?:is|are|am|was|were|has|have|had|showed|shows|said|says|told|tells|asked|asks|admits|admitted|reports|reported|keeps|kept|started|starts|went|bought|wrote|gave|got|looked|searched|texted|posted)\b/g;

/**
 * Round 12: a secret is no denial. A cue on telling ("has not told anyone", "never told his sponsor", "nobody knows")
 * negates the telling, not the clause told: "i have not told anyone i started using again" keeps its hit ("has not
 * told anyone about thoughts of suicide" stays a denial). Not "said": "she did not say she wanted to die" denies it.
 */
const UNTOLD = /\b(?:not|never|nobody|no one)(?: \w+)? (?:told|tell|tells|telling|mention(?:ed|s|ing)?|admit(?:ted|s|ting)?|let on|knows?)(?:(?: (?:anyone|anybody|me|him|her|them|us|(?:his|her|their|my|the) \w+))?(?: that)?(?= (?:i|he|she|they|we|xname|client)\b)|(?: (?:anyone|anybody|me|him|her|them|us|(?:his|her|their|my|the) \w+))(?: that)? ?$)/g;

/** `before` from its last new predicate, or its last untold secret, on (the whole of it when there is none). */
function afterLastPredicate(before: string): string {
  let from = 0;
  for (const m of before.matchAll(NEW_PREDICATE)) from = m.index + 1;
  for (const m of before.matchAll(UNTOLD)) from = Math.max(from, m.index + m[0].length);
  return before.slice(from);
}

function negated(lx: CompiledLexicon, norm: string, clause: Span, at: number, sentence?: Span): boolean {
  if (sentence && LIST_NEGATION.test(afterLastPredicate(norm.slice(sentence.start, at)))) return true;
  let before = afterLastPredicate(norm.slice(clause.start, at)).trim();
  if (lx.negation.pseudo) before = before.replace(lx.negation.pseudo, ' ');
  if (!before) return false;
  if (lx.negation.anywhere?.test(before)) return true;
  const near = before.split(' ').slice(-lx.negation.window).join(' ');
  return lx.negation.near.test(near);
}

/**
 * Parts of a sentence for the past-and-resolved rule: split at commas, "but" and "and", so a cue of the past
 * ("the memorial was today") does not reach a hit said in the present in another part ("and i do not want to be
 * here"). ConText ends a cue's scope at such terminators.
 */
const PART_BREAK = / , |\bbut\b|\band\b/g;
/** A part said in the present tense (or of today): its hits are not made past by a cue in another part. "has a" / "has
 * the" (round 10): what someone has now ("counselling helped but he told me he has a plan to hang himself"). */
const PRESENT = /\b(?:am|is|are|do not|does not|can not|will not|want|wants|keeps?|says|feels?|has been|have been|now|today|(?:has|have) (?:a|an|the|some|his|her|their|my))\b/;

function parts(text: string): string[] {
  return text.split(PART_BREAK);
}

/**
 * Whether a sentence is past and resolved for a hit in `part` (or for the whole sentence when `part` is absent):
 * a resolved cue and no current cue, unless the hit's own part is in the present and free of resolved cues.
 */
function pastAndResolved(lx: CompiledLexicon, sentence: string, part?: string, hitWords?: string): boolean {
  if (!lx.resolved.test(sentence) || isCurrent(lx, sentence)) return false;
  // A death or a memorial dates someone else's event, not the risk: a hit said in the present stays.
  if (hitWords && PRESENT.test(hitWords) && !lx.resolved.test(sentence.replace(EVENT, ' '))) return false;
  const present = (p: string) => PRESENT.test(p) && !lx.resolved.test(p);
  return part === undefined ? !parts(sentence).some(present) : !present(part);
}

/** A part framed in the past ("when i was using again", "last winter"): its "again" or "still" is not now. */
const PAST_FRAME = /\b(?:when (?:i|he|she|they|we) (?:was|were)|last (?:winter|summer|spring|fall|autumn|year|month)|back then|at the time)\b/;

/** Whether a current cue ("again", "still", "last night") stands in a part of the sentence not framed in the past. */
function isCurrent(lx: CompiledLexicon, sentence: string): boolean {
  return lx.current.test(sentence) && parts(sentence).some((p) => lx.current.test(p) && !PAST_FRAME.test(p));
}

/** Resolved cues that date a death or a loss rather than say a risk is over. */
const EVENT = /\b(?:passed away|(?:he|she) is passed|hes passed|memorial|in memory|grieving|funeral|last year(?: but)?)\b/g;

/** The hit and the two words before it (its subject and auxiliary: "she is cutting"), for its tense. */
function hitWords(norm: string, start: number, end: number): string {
  return [...norm.slice(0, start).trimEnd().split(' ').slice(-2), norm.slice(start, end)].join(' ');
}

/** The part of `text` (a sentence starting at `offset` in the normalised text) that holds position `at`. */
function partAt(text: string, offset: number, at: number): string {
  let start = 0;
  for (const m of text.matchAll(PART_BREAK)) {
    if (offset + m.index >= at) return text.slice(start, m.index);
    start = m.index + m[0].length;
  }
  return text.slice(start);
}

/** The note's sentences as text, for the rules that read a sentence's neighbours. */
function sentenceTexts(norm: string): string[] {
  return sentences(norm).map(({ start, end }) => norm.slice(start, end));
}

/**
 * Where a screening answer of `kind` stands in sentence `i` of a note's `texts` (offsets in that sentence): its matches
 * in the sentence, and those that start in the previous sentence or run on into the next ("i asked about suicide . she
 * said no"), unless its `unless` is said in a sentence it touches. A hit is answered only inside one: "she wants to die , si
 * denied" keeps "she wants to die" (round 10; before, the answer ruled out its whole sentence).
 */
function answeredSpans(lx: CompiledLexicon, texts: readonly string[], i: number, kind: RiskCategory): Span[] {
  const out: Span[] = [];
  for (const r of lx.suppress) {
    if (!r.answer || !r.categories.includes(kind)) continue;
    // The sentence alone, then with the previous and the next: "prev , text , next" (a comma does not end a match).
    const prev = i > 0 ? `${texts[i - 1]} , ` : '';
    const joined = `${prev}${texts[i]}${i + 1 < texts.length ? ` , ${texts[i + 1]}` : ''}`;
    for (const m of joined.matchAll(r.answer)) {
      const start = m.index - prev.length;
      const end = start + m[0].length;
      if (end <= 0 || start >= texts[i].length) continue; // wholly in a neighbour
      // `unless` ("but", "collateral") is read over every sentence the match touches.
      const read = [start < 0 ? texts[i - 1] : '', texts[i], end > texts[i].length ? texts[i + 1] : ''].join(' . ');
      if (r.unless?.test(read)) continue;
      out.push({ start: Math.max(0, start), end: Math.min(texts[i].length, end) });
    }
  }
  return out;
}

/** How many sentences after a hit a `next` rule reads for its explanation ("her neighbour overdosed . client called 911 .
 * he survived"). */
const NEXT_SENTENCES = 2;

/**
 * Whether a suppress rule of `kind` (not a screening answer: ./answeredSpans) covers sentence `i` of a note's `texts`.
 * Round 10: a rule with an `around` pattern is lifted by it said in the previous or next sentence too ("he joked he
 * would kill his landlord lol . he asked me where the landlord parks"): a laugh or a handled event next door does not
 * cancel a plan, a means or a release. Round 11: a rule marked `next` also covers a hit explained in the next sentence
 * or two ("found a knife in his bag . states it is for his work as a line cook"), unless a warning sign of it is said
 * anywhere in the note.
 */
function suppressed(lx: CompiledLexicon, texts: readonly string[], i: number, kind: RiskCategory): boolean {
  const text = texts[i];
  return lx.suppress.some((r) => {
    if (r.answer || !r.categories.includes(kind)) return false;
    if (r.re.test(text)) {
      if (r.unless?.test(text)) return false;
    } else {
      // Round 11: explained in the next sentence, and lifted by a warning sign anywhere in the note.
      if (!r.next || i + 1 >= texts.length || !r.re.test(texts.slice(i, i + 1 + NEXT_SENTENCES).join(' , '))) return false;
      if (texts.some((t) => r.unless?.test(t))) return false;
    }
    return !(r.around && [texts[i - 1], texts[i + 1]].some((t) => t && r.around!.test(t)));
  });
}

/**
 * Round 11: a sentence said in the past ("last month he said he wanted to hurt the guy", "history of self harm at
 * 15") is resolved by the next one when that says it is over: "since then … he has let it go", "nothing for 10
 * years". No current cue may stand in either ("since then he still drives past the guy's house" keeps it). The
 * past-and-resolved rule read over two sentences: writers tell an event and its end apart.
 */
const SINCE_THEN = /^(?:and |but )?(?:since then|since that (?:day|time|visit|session|night)|after that)\b/;
/** Said of a grudge or a threat: it is over ("he has let it go", "they squashed the beef"). */
const LET_GO = /\b(?:(?<!not |never )let (?:it|that|the beef|the grudge) go|squashed (?:it|the beef))\b/;
const NOTHING_SINCE = /^nothing (?:since|for|in) (?:over )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several) (?:years?|months?)\b/;
const FORMER = /\b(?:ago|history of|hx|last (?:month|year|spring|summer|fall|autumn|winter)|back (?:then|in)|at the time|a while back|in (?:january|february|march|april|may|june|july|august|september|october|november|december))\b/;
/** Said in the next sentence, the risk is back: the past rule does not reach across it ("history of self harm at 16 .
 * started cutting again last month"; "… nothing for 12 years until last night"). */
const RESUMED = /\b(?:(?:started|starting) (?:(?:using|cutting|drinking|burning|it|doing it) )?again|(?:using|cutting|drinking|burning|at it|back on it|back to it|doing it) again|relapsed|until (?:last|this) (?:night|week|month|weekend)|until (?:yesterday|today|tonight))\b/;
/** Whether sentence `i` is past: in its own words (pastAndResolved) unless the next sentence says it is back, or
 * by the next sentence (resolvedAfter). */
const resumedNext = (texts: readonly string[], i: number): boolean => RESUMED.test(texts[i + 1] ?? '');
function pastHere(lx: CompiledLexicon, texts: readonly string[], i: number, part?: string, words?: string): boolean {
  if (pastAndResolved(lx, texts[i], part, words)) return !resumedNext(texts, i);
  return resolvedAfter(lx, texts, i);
}
function resolvedAfter(lx: CompiledLexicon, texts: readonly string[], i: number): boolean {
  const text = texts[i];
  const next = texts[i + 1]?.trim();
  if (!next || !(NOTHING_SINCE.test(next) || (SINCE_THEN.test(next) && (lx.resolved.test(next) || LET_GO.test(next))))) return false;
  if (!FORMER.test(text) && !lx.resolved.test(text)) return false;
  return !isCurrent(lx, text) && !isCurrent(lx, next);
}

/**
 * Whether the sentence-level context rules rule out `kind` for the whole text: every sentence is past and
 * resolved, or covered by a suppress rule of that kind. Used for the classifier's kinds, which have no span.
 */
export function contextRulesOut(norm: string, kind: RiskCategory, c: Content): boolean {
  const lx = compileLexicon(c);
  const texts = sentenceTexts(norm);
  return texts.every((text, i) => {
    if (!text.trim()) return true;
    if (suppressed(lx, texts, i, kind)) return true;
    return pastHere(lx, texts, i);
  });
}

/**
 * The text as the context rules leave it in scope for `kind`: sentences a suppress rule covers are dropped, and in
 * a past-and-resolved sentence only the parts said in the present stay ("told me about her dad hitting her mom when
 * she was little , she is working through it in therapy" keeps "she is working through it in therapy"). The
 * classifier reads this too, so a kind it raises only from out-of-scope words is dropped, as a pattern hit would be.
 */
export function inScope(norm: string, kind: RiskCategory, c: Content): string {
  const lx = compileLexicon(c);
  const kept: string[] = [];
  const texts = sentenceTexts(norm);
  for (const [i, whole] of texts.entries()) {
    const text = whole.trim();
    if (!text) continue;
    if (suppressed(lx, texts, i, kind) || resolvedAfter(lx, texts, i)) continue;
    const answered = answeredSpans(lx, texts, i, kind);
    if (answered.length) {
      const rest = answered.reduceRight((t, a) => `${t.slice(0, a.start)} ${t.slice(a.end)}`, whole).replace(/ {2,}/g, ' ').trim();
      if (rest.split(' ').filter((w) => /[a-z]/.test(w)).length > 1) kept.push(rest); // not a lone subject ("i")
      continue;
    }
    if (lx.resolved.test(text) && !isCurrent(lx, text) && !resumedNext(texts, i)) kept.push(...parts(text).filter((p) => PRESENT.test(p) && !lx.resolved.test(p)).map((p) => p.trim()));
    else kept.push(text);
  }
  return kept.join(' . ');
}

/**
 * The text without the words `kind`'s exclusions match ("killing it", "better off without his phone"), or the
 * same string when none match: the classifier reads this too, so a figure of speech alone cannot raise its kind
 * while the rest of the sentence still can.
 */
export function withoutExclusions(norm: string, kind: RiskCategory, c: Content): string {
  const cat = compileLexicon(c).categories.find((x) => x.id === kind);
  if (!cat?.excludes.some((re) => re.test(norm))) return norm;
  let out = norm;
  for (const re of cat.exclusions) out = out.replace(re, ' ');
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Pattern hits in normalised text: one entry per matching term, in category then term order. */
export function matchLexicon(norm: string, c: Content, opts: LexiconOptions = {}): PatternHit[] {
  const lx = compileLexicon(c);
  const useContext = opts.context !== false;
  const cl = clauses(norm);
  const se = sentences(norm);
  const texts = se.map(({ start, end }) => norm.slice(start, end));
  const hits: PatternHit[] = [];
  for (const cat of lx.categories) {
    let excluded: [number, number][] | undefined; // found only once a pattern matches: most text matches none
    for (const p of cat.patterns) {
      for (const m of norm.matchAll(p.re)) {
        const s = m.index;
        const e = s + m[0].length;
        excluded ??= cat.exclusions.flatMap((re) => [...norm.matchAll(re)].map((x): [number, number] => [x.index, x.index + x[0].length]));
        if (excluded.some(([xs, xe]) => s < xe && xs < e)) continue;
        if (useContext) {
          const sent = within(se, s);
          if (negated(lx, norm, within(cl, s), s, sent)) continue;
          const at = se.indexOf(sent);
          const text = texts[at]!;
          if (suppressed(lx, texts, at, cat.id)) continue;
          if (answeredSpans(lx, texts, at, cat.id).some((a) => s - sent.start >= a.start && e - sent.start <= a.end)) continue;
          if (pastHere(lx, texts, at, partAt(text, sent.start, s), hitWords(norm, s, e))) continue;
        }
        hits.push({ category: cat.id, termId: p.id });
        break;
      }
    }
  }
  return hits;
}
