/**
 * Words a de-identified text left visible that may still be names, for the review's questions ("Is 'Dawn' a person?",
 * "Is 'Whirlwind' part of a name?"), most likely first (round 15). It reads the text as stored, placeholders and all:
 * the review has nothing else. Measured with bench/deidQuestions.ts on the training writers (docs/history/
 * DEIDENTIFICATION-rounds.md, "Round 15 (questions at review)"): the name model's own score, read with the hidden names
 * as found names, says more than any shape, except beside a hidden name (its score there is no guide: the found
 * neighbour lifts every word): there, the half-name model's score (round 18); a word opening a sentence, the openers'
 * model's score (round 17). Never a word the keep-lists keep for good, nor a word that its neighbours show is a word
 * ("rain not stopping", a comparative: "harder on the roof"). Round 23 asks, last, two kinds no rule asked:
 * a word no model scores joined to a hidden name ("[NAME] n spider"), and a safe-list word a model scores near its line
 * ("[NAME] sunday lost her job"); they never take the place of a question asked before.
 */
import { activeScorer, scoredWords } from './classifier/model';
import { lists, tokenize, type Token } from './classifier/features';
import { dictionaries } from './dictionaries';
import { keepList } from './keepList';
import { joinedTo } from './listJoins';
import { partOfSpeech } from './partsOfSpeech';
import { RELATIONS, ROLE_WORDS, SAFE, STATE_BEFORE, WORD_BEFORE, isGiven, sentenceStart, wordVerdict } from './messy';
import { kinWord } from './kinship';
import { TITLES } from './lexicon';
import { wordSurnameRank } from './wordSurnames';
import type { Entity, EntityType } from './types';
import { halfMargins } from './nameHalves';
import { openerMargins } from './openers';
import { wordSense } from './wordSenses';
import { NOT_BEFORE_OWNER } from './secondMentions';
import { CoveredCursor } from './spans';
import { blank, stemEnd } from './words';

/** A word the review may ask about: `part` when it stands beside a hidden name ("[NAME] Whirlwind"). */
export interface UnsureWord {
  start: number;
  end: number;
  word: string;
  kind: 'person' | 'part';
  /** Higher is likelier a name: the model's score less its line, or the line a shape is given below. */
  rank: number;
}

/**
 * How far below its line (NameScorer.need) the model may score a word that is still asked. On the development writers −0.25 asked a quarter of the names left with about as many questions as
 * round 14's word-name list asked (a fifth of them about names); −0.5 asked a quarter more with 2.5 times the questions.
 */
export const ASK_BELOW_LINE = 0.25;
/** How far below its line the openers' model (openers.ts) may score an opening word that is still asked. */
export const OPENER_ASK_BELOW = 2;
/** As OPENER_ASK_BELOW for a common or keep-list word in lower case (within 2: "calm", "little" asked, mostly about no name). */
export const COMMON_OPENER_ASK_BELOW = 1;
/**
 * How far below its line the half-name model (nameHalves.ts) may score a word beside a hidden name that is still asked
 * (round 18). Within 0.6, the held-out writers' names asked 34 → 39 for 9 % more questions (dev 135 → 154, 9 %); within
 * 0.75, 41 and 11 %; within 1, 43 and 17 % — on round 16's half model. With round 18's (line 0.375), held: within 0.6,
 * 41 of the 138 names left asked in 182 questions; within 0.45, 39 in 174; within 0.3, 38 in 171. Round 19's (the
 * mean of eight seeds) at c502632: within 0.6, 42 of 140 in 178 (0.45: 39 in 170; 0.75: 45 in 194); at 15049af's
 * tree, round 18's file 30 of 116 in 173, round 19's 31 of 116 in 170.
 */
export const HALF_ASK_BELOW = 0.6;
/**
 * Ranks given to words the model does not score, by shape (between the model's asked scores, as measured). Round 23's
 * two (joined, safe) rank under every other question (the lowest is −0.4): the three a note asked before are asked as
 * before, and these take a place only where fewer than three were asked.
 */
const RANK = { part: -0.2, opener: -0.3, everydayOpener: -0.4, joined: -0.45, safe: -0.5, possessive: -0.55 };
/** The rank of a typed possessive's stem (round 23), under every other question: nameMemory.ts asks round 24's s-forms at it too. */
export const POSSESSIVE_RANK = RANK.possessive;

/** Parts of speech (partsOfSpeech.ts) a word joined to a hidden name is not asked as: a verb's forms, a plural, a function word, a number, an adverb. */
const NOT_JOINED_NAME = new Set(['VD', 'VZ', 'VG', 'NP', 'F', 'X', 'D', 'R']);
/** Parts of speech of the next word after which a word joined to a hidden name is not asked ("[NAME] n gravy on the side", "[NAME] + toast"). */
const NOT_JOINED_BEFORE = new Set(['F', 'A', 'NP']);
/**
 * How far below their lines the models may score a word the safe lists hold (a weekday, a month, a title, a function
 * word: wordVerdict 'safe') that is still asked (round 23): beside a hidden name the half-name model (as
 * HALF_ASK_BELOW), elsewhere the name model (as ASK_BELOW_LINE) or, at an opening, the openers' model within 1.
 */
export const SAFE_OPENER_ASK_BELOW = 1;

/** A pronoun run into its verb, with or without the apostrophe ("we're", "she'll", SMS "shes", "whos"): never a name. */
const PRONOUN_CONTRACTION = /^(?:i|you|u|he|she|it|we|they|who|that|there|here|what|where)['’]?(?:s|re|r|ll|ve|d|m)$/;

/**
 * A comparative before a function word ("harder on the roof", "bigger than before"): a word ending in -er whose
 * superlative is an English word too ("hardest", "biggest", "easiest"), which no agent noun or surname of that shape
 * has ("walkest", "parkest", "bakest").
 */
function comparative(text: string, toks: readonly Token[], i: number, lower: string): boolean {
  const next = toks[i + 1];
  return lower.length > 4 && lower.endsWith('er') && dictionaries().english.has(`${lower.slice(0, -1)}st`) && !!next?.word && lists(next.lower).includes('S') && blank(text, toks[i]!.end, next.start);
}

const PLACEHOLDER = /\[([A-Z_]+)\]/g;

/** The placeholders of a stored text as the spans the rules found (a hidden name reads as a found name). */
function placeholders(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) out.push({ start: m.index!, end: m.index! + m[0].length, type: m[1] as EntityType });
  return out;
}

/** Whether the token at `i` is the word inside a [NAME] placeholder. */
function hiddenName(text: string, toks: readonly Token[], i: number): boolean {
  const t = toks[i];
  return !!t && t.raw === 'NAME' && text[t.start - 1] === '[' && text[t.end] === ']';
}

/**
 * Whether `toks[i]` is joined to a hidden name by "and", "n", "&", "+" or "/" ("[NAME] n spider", "boogie + [NAME]"),
 * read on `view` (the stored text with each placeholder's brackets as blanks); "w" (with) joins no name here ("walked w
 * [NAME]").
 */
function joinedToHidden(text: string, view: string, toks: readonly Token[], i: number): boolean {
  for (const dir of [1, -1] as const) {
    // "the family group n [NAME]", "speaks mandarin + [NAME]": a word after another word, joined only to the name after
    // it, ends a phrase of words.
    if (dir === 1 && wordBefore(text, toks, i)) continue;
    const o = joinedTo(view, toks, i, dir);
    if (o >= 0 && hiddenName(text, toks, o) && !(o === i + 2 * dir && toks[i + dir]!.lower === 'w')) return true;
  }
  return false;
}

/** Whether a plain word (no hidden name) stands just before `toks[i]`, only spaces between. */
function wordBefore(text: string, toks: readonly Token[], i: number): boolean {
  const o = toks[i - 1];
  return !!o?.word && !hiddenName(text, toks, i - 1) && blank(text, o.end, toks[i]!.start);
}

/** The part of speech of the word after `toks[i]` when only spaces part them and it is no hidden name ('' when there is none). */
function nextPart(text: string, toks: readonly Token[], i: number, end: number): string {
  const o = toks[i + 1];
  if (!o?.word || hiddenName(text, toks, i + 1) || !blank(text, end, o.start)) return '';
  return partOfSpeech(o.lower);
}

/**
 * Round 23: a word no model scores, joined to a hidden name ("[NAME] n spider got into it", "[NAME] and ferial make me
 * sit"), when the parts-of-speech table reads it as no verb form, plural, function word, number or adverb and no
 * function word, adjective or plural follows it ("[NAME] n gravy on the side"). Asked last (round 22's q2 rule, landed
 * alone: its gates on the other questions lost names on the blind sets).
 */
function joinedName(text: string, toks: readonly Token[], i: number, end: number, lower: string, view: () => string): boolean {
  return !NOT_JOINED_NAME.has(partOfSpeech(lower)) && !NOT_JOINED_BEFORE.has(nextPart(text, toks, i, end)) && joinedToHidden(text, view(), toks, i);
}

/**
 * Round 23: a word the safe lists hold ("friday", "jun", "night", "big") that a model scores near its line: beside a
 * hidden name, in lower case, the half-name model within HALF_ASK_BELOW ("[NAME] sunday lost her job"), elsewhere the
 * name model within ASK_BELOW_LINE, or at an opening the openers' model within SAFE_OPENER_ASK_BELOW ("christmas lol yes
 * her name is christmas"). Not a hyphened word ("move-in", "forty-five") nor an adverb ("so [NAME] finally called").
 */
function safeRank(t: Token, lower: string, beside: boolean, margin: number | undefined, opener: number | undefined, half: number | undefined): number | undefined {
  if (lower.includes('-') || partOfSpeech(lower) === 'R') return undefined;
  // Beside a hidden name only in lower case: the half model never learnt the safe words (deidentify() never asks it
  // about one), and a capitalised weekday there is a date it scores as a surname ("saw [NAME] Friday at the clinic":
  // +0.55; lower case −0.63).
  const near = beside ? !/\p{Lu}/u.test(t.raw) && half !== undefined && half >= -HALF_ASK_BELOW : margin !== undefined ? margin >= -ASK_BELOW_LINE : opener !== undefined && opener >= -SAFE_OPENER_ASK_BELOW;
  return near ? RANK.safe : undefined;
}

/** Parts of speech (partsOfSpeech.ts) a typed possessive's stem is never asked as: a function word, a determiner, an adverb, a number ("elses"). */
const NOT_OWNER = new Set(['F', 'D', 'R', 'X']);

/**
 * Round 23: the stem of a possessive typed without its apostrophe when the stem is a given name ("rubys hair", "terrys
 * kitchen" → "ruby", "terry"), else undefined. The word itself is in no list, only read as an inflection of an English word
 * (lists() 'I': "rubys", never "this", "hers", "its", "years", "hopes"), and its stem is a given name or nickname that
 * is no relation, role, safe-list or keep-list word ("grannys", "buddys") nor a function word or adverb ("elses").
 */
export function typedPossessiveStem(lower: string): string | undefined {
  if (lower.length < 4 || !lower.endsWith('s') || lists(lower) !== 'I') return undefined;
  const stem = lower.slice(0, -1);
  return isGiven(stem) && !/[RSK]/.test(lists(stem)) && !NOT_OWNER.has(partOfSpeech(stem)) ? stem : undefined;
}

/**
 * Round 23: a word's possessive typed without its apostrophe ("rubys" of "ruby"), or undefined when that form is a word a
 * list holds ("hopes", "tanners", "bills" stay words): the review's Hide and Keep of a word cover it (nameMemory.ts,
 * hiddenNames.ts).
 */
export function typedPossessiveOf(lower: string): string | undefined {
  const form = `${lower}s`;
  return lower.length >= 2 && !/['’]/.test(lower) && !/[SKCV]/.test(lists(form)) ? form : undefined;
}

const S_FORM = /(?<![\p{L}\p{N}_'’[])(\p{L}[\p{L}\p{M}]*[sS])(?![\p{L}\p{N}_'’\]])/gu;

/**
 * Round 24: the typed s-forms in `text` of a name whose s-form is also a word ("dawns", "hopes", "tanners": typedPossessiveOf
 * leaves them), where they stand as its possessive: a word follows in the same sentence that is no function word, and no
 * pronoun or determiner stands before ("at dawns place", "hopes mom called"; not "it dawns on me", "she hopes to go",
 * "high hopes for", "her hopes"). `isName(stem)` says whether a stem (lower case) is the name; each is returned with where it starts.
 */
export function possessiveSForms(text: string, isName: (lowerStem: string) => boolean): Array<{ start: number; word: string }> {
  const out: Array<{ start: number; word: string }> = [];
  for (const m of text.matchAll(S_FORM)) {
    const word = m[1]!;
    const start = m.index!;
    const lower = word.toLowerCase();
    if (lower.length < 4 || typedPossessiveOf(lower.slice(0, -1)) || !isName(lower.slice(0, -1))) continue;
    const prev = /(\p{L}+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 24), start))?.[1]?.toLowerCase();
    if (prev && NOT_BEFORE_OWNER.has(prev)) continue;
    const next = /^[ \t]+(\p{L}[\p{L}'’]*)/u.exec(text.slice(start + word.length, start + word.length + 24))?.[1]?.toLowerCase();
    if (next && !SAFE.has(next)) out.push({ start, word });
  }
  return out;
}

/** Parts of speech (partsOfSpeech.ts) of a past or an -ing verb: opening a sentence, such a word is the verb ("Changed her mind", "Walking better"). */
const VERB_FORM = new Set(['VD', 'VG']);
/**
 * The Census rank (wordSurnames.ts) within which an everyday word is read as a family name too: the rank of names that are
 * English verb forms ("Hung" 7,606, "Sang" 21,265, "Ping" 11,168), so they stay askable.
 */
const FAMILY_NAME_RANK = 25_000;

/**
 * Whether a lower-cased word can be a person's name by a list: a given name or nickname (messy.ts isGiven), a word a
 * first-name or nickname list holds or that spoken English writes mostly with a capital (features.ts lists() F, W, P:
 * "Sassy"), or a family name of the Census's commonest FAMILY_NAME_RANK.
 */
function nameReading(lower: string): boolean {
  return isGiven(lower) || /[FWP]/.test(lists(lower)) || (wordSurnameRank(lower) ?? Infinity) <= FAMILY_NAME_RANK;
}

/**
 * Round 26: a word the de-identifier knows is no person's name where it stands, never asked whatever a model scores it:
 * a kin word (kinship.ts), a relation or role (messy.ts RELATIONS, ROLE_WORDS) or a title that no given-name list holds
 * ("tuckers grandson comes" stored "[NAME] grandson comes", "Grandson called", "Sponsor called", "tita [NAME]"), and,
 * opening a sentence, a past or -ing verb that no list reads as a name ("Changed her mind", "Walking better"; "Hung",
 * "Blessing" are still asked). A slot model (openers.ts, nameHalves.ts) reads such a word with its neighbours and can
 * score it near its line where they are a name's ("[NAME] grandson"). A kin or role word is still asked where it stands as
 * a name: capitalised right after a hidden name (a family name: "[NAME] Bishop", "[NAME] Calf Child"), or joined to one
 * ("[NAME] + teta", "[NAME] n tita": a list of names). `raw` is the word as typed.
 */
export function knownNoName(raw: string, at: { opens: boolean; after: boolean; joined: () => boolean }): boolean {
  const lower = raw.toLowerCase();
  if (kinWord(lower) || RELATIONS.has(lower) || ROLE_WORDS.has(lower) || TITLES.has(lower)) return !isGiven(lower) && !(at.after && /^\p{Lu}/u.test(raw)) && !at.joined();
  return at.opens && VERB_FORM.has(partOfSpeech(lower)) && !nameReading(lower);
}

/** Every word of `text` (as stored) the review may ask about, in the text's order. */
export function unsureWords(text: string): UnsureWord[] {
  if (!text) return [];
  const covered = placeholders(text);
  const scorer = activeScorer();
  const margins = new Map<number, number>();
  const scored = scorer ? scoredWords(scorer, text, covered) : [];
  for (const s of scored) margins.set(s.start, s.score - s.need);
  const openerAt = openerMargins(text, covered, scored, OPENER_ASK_BELOW);
  const halfAt = halfMargins(text, covered, scored);
  const toks = tokenize(text);
  const kept = keepList();
  const out: UnsureWord[] = [];
  const cursor = new CoveredCursor(covered);
  let view: string | undefined;
  const viewOf = (): string => (view ??= text.replace(/\[NAME\]/g, ' NAME '));
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (cursor.covers(t.start, t.end) || !t.word) continue;
    const end = stemEnd(t);
    const lower = text.slice(t.start, end).toLowerCase();
    if (lower.length < 2 || (kept.words.has(lower) && !kept.slotted.has(lower))) continue;
    const safe = wordVerdict(lower) === 'safe';
    if (PRONOUN_CONTRACTION.test(lower) || comparative(text, toks, i, lower)) continue;
    const after = hiddenName(text, toks, i - 1) && /^\]\s+$/.test(text.slice(toks[i - 1]!.end, t.start));
    const before = hiddenName(text, toks, i + 1) && /^\s+\[$/.test(text.slice(end, toks[i + 1]!.start));
    // After a determiner, pronoun or copula a word is plainly a word ("the summer", "i hope", "was sunny"); SMS writes
    // "it's" as "its", and a name follows it ("its jenalyn").
    const prev = toks[i - 1];
    if (prev && prev.lower !== 'its' && (WORD_BEFORE.has(prev.lower) || STATE_BEFORE.has(prev.lower)) && blank(text, prev.end, t.start)) continue;
    const opens = sentenceStart(text, t.start);
    if (knownNoName(text.slice(t.start, end), { opens, after, joined: () => joinedToHidden(text, viewOf(), toks, i) })) continue;
    const margin = margins.get(t.start);
    const opener = openerAt?.get(t.start);
    const half = halfAt?.get(t.start);
    let rank = safe ? safeRank(t, lower, after || before, margin, opener, half) : rankOf(t, lower, margin, { after, before, opens, opener, half });
    if (rank === undefined && !safe && !after && !before && margin === undefined && opener === undefined && joinedName(text, toks, i, end, lower, viewOf)) rank = RANK.joined;
    // A possessive typed without its apostrophe of a given name asks its stem ("Is 'ruby' a person?": a Hide of it hides
    // "rubys" too, nameMemory.ts), asked last when no rule above asks the word.
    const owner = end === t.end && !safe ? typedPossessiveStem(lower) : undefined;
    if (owner) rank ??= RANK.possessive;
    if (rank === undefined || wordSense(text, t.start, end)) continue;
    const stop = owner ? end - 1 : end;
    out.push({ start: t.start, end: stop, word: text.slice(t.start, stop), kind: after || before ? 'part' : 'person', rank });
  }
  return out;
}

/** How likely a name the word is (undefined: not asked), from the model's margin or the word's shape. */
function rankOf(t: Token, lower: string, margin: number | undefined, at: { after: boolean; before: boolean; opens: boolean; opener: number | undefined; half: number | undefined }): number | undefined {
  const l = lists(lower);
  // Beside a hidden name: the half-name model, read on the stored text, within 0.6 of its line (round 18; ranked just
  // under the shapes below: it asks as many names a question); a capitalised word after it inside a sentence ("[NAME]
  // Whirlwind"), or two letters opening the sentence before it that a name list holds ("ty [NAME]"); most other words
  // there are ordinary ("[NAME] was").
  if (at.after || at.before) {
    if (at.half !== undefined && at.half >= -HALF_ASK_BELOW) return RANK.part + at.half / 20;
    if (at.after && !at.opens && /^\p{Lu}\p{Ll}/u.test(t.raw) && lower.length > 2 && !l.includes('C')) return RANK.part;
    if (at.before && at.opens && lower.length === 2 && /wordName|keepName/.test(wordVerdict(lower))) return RANK.part;
    return undefined;
  }
  if (margin !== undefined) return margin >= -ASK_BELOW_LINE ? margin : undefined;
  // Opening a sentence, no hidden name beside it (round 17): the openers' model, read on the stored text, asks fewer
  // words about no name and more names than the shapes below; its ranks fall between the shapes' (−0.3 at its line).
  // A common word in lower case, which the shapes never asked ("calm and steady"), only nearer the line.
  if (at.opener !== undefined) return at.opener >= -(/[CK]/.test(l) && !/\p{Lu}/u.test(t.raw) ? COMMON_OPENER_ASK_BELOW : OPENER_ASK_BELOW) ? RANK.opener + at.opener / 20 : undefined;
  // With that slot off: an English or name-list word that is no common one ("patches"), then an everyday one that is
  // not among the commonest.
  if (!at.opens || lower.length < 3 || l.includes('C') || l.includes('K')) return undefined;
  if (l.includes('V')) return RANK.everydayOpener;
  return /[EINF]/.test(l) ? RANK.opener : undefined;
}
