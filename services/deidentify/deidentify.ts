/** Runs the detectors, settles overlaps, and writes typed placeholders. */
import type { DeidentifyOptions, DeidentifyResult, Entity } from './types';
import * as p from './patterns';
import { addresses } from './address';
import { facilities } from './facility';
import { names } from './names';
import { KEEP, MAIL_PROVIDERS } from './lexicon';
import { DETERMINERS, everyday, messyNames, PERSON_BEFORE, personVerb, SAFE } from './messy';
import * as mp from './messyPatterns';
import { keepPhraseSpans, keptAsWritten, phraseMayCover } from './keepList';
import { places } from './places';
import { dictionaries } from './dictionaries';
import { classifierNames, type Scored } from './classifier/model';
import { nameHalves, type SlotReading } from './nameHalves';
import { openers } from './openers';
import { nameTails } from './nameTails';
import { withNamedKinds } from './namedKind';
import { withCapitalRuns, withPlaceHeads } from './facilityParts';
import { withoutRuns } from './wordSenses';
import { withFacilities } from './classifier/facilityModel';
import { withFramedFacilities } from './facilityFrames';
import { withForeignPlaces } from './foreignPlaces';
import { facilityMentions } from './facilityMentions';
import { escapeRegExp } from '../escapeRegExp';
import { keepScreenWords } from './screenWords';
import { wordsInPlace } from './wordsInPlace';
import { nameNeighbours } from './nameNeighbours';
import { namedAs } from './namedAs';
import { mergeSpans } from './spans';
import { joinedCrossings, ruralAddresses, RURAL_WORDS_CUE } from './ruralAddresses';
import { withStreetEdges } from './streetEdges';
import { typedStreets } from './streetTypos';
import { OTHER_ORDER_MAY, otherOrders } from './otherOrders';
import { homeStreets, mayNameHomeStreet } from './homeStreets';
import { LOOSE_MAY, looseAddresses } from './looseAddresses';
import { agesAfterNames } from './ageAfterName';
import { inBatch } from './batch';
import { cue, digitsIn, mayHold } from './cues';
import { factsOf, MARK, type TextFacts, withoutPossessive } from './words';
import { CORNER_CUE } from './address';
import { askedFor, capitalAgain, CONJUNCTIONS, didOrFelt, NAME_WORD, nicknameWithMarks, otherForms, ownedNext, secondSlot, sFormOwner, wordAfter } from './secondMentions';
import { handleOwner, handleParts, isContact } from './handleNames';
import { detectionView, disguisedNames, folded, hasInvisible, hasOverride, spelledPhones, toCaller, withoutInvisible, type View } from './evasion';

/** Known names: the whole name and each part, whole word, case-insensitive; "Sam's" keeps its "'s". */
export function knownNameSpans(text: string, known: readonly string[] | undefined): Entity[] {
  if (!known || known.length === 0) return [];
  const variants = new Set<string>();
  for (const raw of known) {
    const n = raw.trim().replace(/\s+/g, ' ');
    if (!n) continue;
    variants.add(n);
    for (const part of n.split(' ')) if (part.length >= 2 && !KEEP.has(part.toLowerCase())) variants.add(part);
  }
  if (variants.size === 0) return [];
  const alternatives = [...variants].sort((a, b) => b.length - a.length).map((v) => escapeRegExp(v).replace(/ /g, '\\s+'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  const out: Entity[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, type: 'NAME' });
  return out;
}

/**
 * Detectors in priority order: on overlap an earlier one wins unless a later span contains it whole. Each says what
 * every text it can match holds: any of the marks in `marks` (words.ts factsOf, one walk over the characters per
 * text), or else what its own `test` finds. Most texts hold no digit, "@" or "_" (most reflections): the number and
 * address detectors are one bit test away, and no detector runs a regex of its own just to learn it has nothing to do.
 */
interface Detector {
  detect: (t: string) => Entity[];
  /** MARK bits (words.ts): a text holding any of them opens the detector; ALWAYS opens it for every text. */
  marks: number;
  /** The rest of the gate, asked when no mark opened it (a cue word, a count, a cheap regex). */
  test?: (t: string, f: TextFacts) => boolean;
}
const ALWAYS = -1;
/**
 * An email written out needs "dot" or a bracketed "at"; a handle without "@" needs an underscore or its platform. French
 * says "point" for the dot ("fz.b at ulaval point ca"): only after "at" and a word, as "point" is an everyday word too.
 */
const OBFUSCATED = new RegExp(`\\bdot\\b|\\bponto\\b|\\bpunto\\b|\\(at\\)|\\[at\\]|\\b(?:at|arroba) \\S+\\.(?:com|ca|net|org)\\b|\\b(?:at|arroba) ?[\\w-]+ ?point\\b|\\b(?:at|arroba|@) ?(?:${MAIL_PROVIDERS.join('|')})\\b`, 'i');
const PLATFORM = /insta|snap|tik ?tok|twitter|\bfb\b|facebook|handle|user ?name|gamertag|discord|\big\b/i;
/** The words OBFUSCATED ("@" aside) and PLATFORM need (cues.ts), tried before them: keep each in step with its regex. */
const OBFUSCATED_CUE = cue(MAIL_PROVIDERS.join(' '), 'dot at arroba ponto punto');
const PLATFORM_CUE = cue('insta snap tik twitter facebook handle user gamertag discord', 'fb ig');
/** A phone holds at least 7 digits with at most 3 other characters between each two. */
const PHONE_DIGITS = /\d(?:\D{0,3}\d){6}/;
/** An age over 89 is written as a whole number 90-129 (words.ts TextFacts.oldNumber), "nineties", "ninety-two" or "a hundred and one". */
const OLD_AGE_WORD = /ninet|hundred/i;
/** OLD_AGE_WORD's words (cues.ts): keep in step with it. */
const OLD_AGE_CUE = cue('ninet hundred');
const oldAge = (t: string, f: TextFacts): boolean => f.oldNumber || (mayHold(t, OLD_AGE_CUE) && OLD_AGE_WORD.test(t));
const DIGIT = MARK.digit;
const DETECTORS: Detector[] = [
  { detect: p.email, marks: MARK.at },
  { detect: mp.obfuscatedEmail, marks: 0, test: (t, f) => ((f.marks & MARK.at) !== 0 || mayHold(t, OBFUSCATED_CUE)) && OBFUSCATED.test(t) },
  { detect: p.url, marks: MARK.dot },
  { detect: p.ip, marks: 0, test: (_t, f) => f.digits > 0 && (f.marks & (MARK.dot | MARK.colon)) !== 0 },
  // An IBAN and a Canadian postal code hold a letter right before a digit (words.ts TextFacts.letterDigit).
  { detect: p.iban, marks: 0, test: (_t, f) => f.letterDigit },
  { detect: p.handle, marks: MARK.at },
  // A Discord tag ("wolfie#4412") holds a digit and "#".
  { detect: mp.handles, marks: MARK.underscore, test: (t, f) => ((f.marks & MARK.dot) !== 0 && mp.DOTTED_MAY.test(t)) || (mayHold(t, PLATFORM_CUE) && PLATFORM.test(t)) || ((f.marks & MARK.digit) !== 0 && mp.DISCORD_MAY.test(t)) },
  { detect: p.healthCard, marks: DIGIT },
  { detect: p.canadianPostal, marks: 0, test: (t, f) => f.letterDigit && digitsIn(t) >= 3 },
  { detect: mp.messyPostal, marks: DIGIT },
  { detect: p.recordNumber, marks: DIGIT },
  { detect: mp.labelledIds, marks: DIGIT },
  { detect: p.plate, marks: DIGIT },
  { detect: p.zip, marks: DIGIT },
  { detect: mp.messyPlates, marks: DIGIT },
  { detect: p.date, marks: DIGIT },
  { detect: mp.messyDates, marks: DIGIT, test: (t) => mp.mayHoldWordDate(t) },
  { detect: p.idNumber, marks: DIGIT },
  { detect: p.phone, marks: 0, test: (t) => digitsIn(t) >= 7 && PHONE_DIGITS.test(t) },
  // A street type or "on" opens the detector of streets without a number: "on whyte ave" holds no digit.
  { detect: addresses, marks: DIGIT, test: (t) => mayHold(t, CORNER_CUE) && /corner of/i.test(t) },
  { detect: mp.messyAddresses, marks: DIGIT },
  { detect: mp.namedStreets, marks: 0, test: (t) => mp.mayNameStreet(t) },
  { detect: homeStreets, marks: 0, test: (t) => mayNameHomeStreet(t) },
  { detect: ruralAddresses, marks: DIGIT, test: (t) => mayHold(t, RURAL_WORDS_CUE) },
  { detect: typedStreets, marks: DIGIT },
  { detect: otherOrders, marks: 0, test: (t, f) => (f.marks & DIGIT) !== 0 && OTHER_ORDER_MAY.test(t) },
  { detect: looseAddresses, marks: 0, test: (t) => LOOSE_MAY.test(t) },
  { detect: p.age, marks: 0, test: oldAge },
  { detect: mp.messyAges, marks: 0, test: oldAge },
  { detect: places, marks: ALWAYS },
  { detect: facilities, marks: ALWAYS },
  { detect: mp.messyFacilities, marks: ALWAYS },
  { detect: names, marks: ALWAYS },
  { detect: messyNames, marks: ALWAYS },
];

/** Whether a detector may match a text with these facts (false: it cannot, and is not run). */
function opens(d: Detector, t: string, f: TextFacts): boolean {
  return (d.marks & f.marks) !== 0 || d.marks === ALWAYS || d.test?.(t, f) === true;
}

/** A closed detector's spans: none (settle only reads them). */
const NONE: Entity[] = [];

/** Whether any of `spans` overlaps `c`. */
function overlapsAny(spans: readonly Entity[], c: Entity): boolean {
  for (let i = 0; i < spans.length; i++) if (spans[i]!.start < c.end && c.start < spans[i]!.end) return true;
  return false;
}

function settle(candidates: Entity[][], text?: string): Entity[] {
  let accepted: Entity[] = [];
  for (const group of candidates) {
    for (const c of group) {
      if (c.end <= c.start) continue;
      // Most spans overlap nothing: look for an overlap before building the list of them (a loop: no closure a span).
      if (!overlapsAny(accepted, c)) {
        accepted.push(c);
        continue;
      }
      const overlapping = accepted.filter((a) => a.start < c.end && c.start < a.end);
      if (overlapping.every((a) => c.start <= a.start && a.end <= c.end) && c.end - c.start > Math.max(...overlapping.map((a) => a.end - a.start))) {
        // A longer span that covers finer ones (an address holding its postal code) replaces them.
        accepted = accepted.filter((a) => !overlapping.includes(a));
        accepted.push(c);
      } else if (text !== undefined && apostropheJoined(text, c, overlapping)) {
        // (Round 20) Names that one reader cut at an apostrophe and another read whole ("marguerite o" + "dowd",
        // "o'dowd"): one name over both, so neither the apostrophe nor the word's rest is left in the stored text.
        accepted = accepted.filter((a) => !overlapping.includes(a));
        accepted.push({ start: Math.min(c.start, ...overlapping.map((a) => a.start)), end: Math.max(c.end, ...overlapping.map((a) => a.end)), type: 'NAME' });
      }
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/**
 * Whether name `c` only completes the words of the names it overlaps that a reader cut at an apostrophe ("o" + "dowd"
 * and "o'dowd", "wendell l" and "l'esperance"): all names, and what `c` adds holds an apostrophe and no space.
 */
function apostropheJoined(text: string, c: Entity, overlapping: readonly Entity[]): boolean {
  if (c.type !== 'NAME' || !overlapping.every(isName)) return false;
  let apostrophe = false;
  for (let k = c.start; k < c.end; k++) {
    if (overlapping.some((a) => a.start <= k && k < a.end)) continue;
    const ch = text[k]!;
    if (ch === "'" || ch === '’') apostrophe = true;
    else if (!/[\p{L}\p{M}]/u.test(ch)) return false;
  }
  return apostrophe;
}

/** Names and places on the keep-list ("Ontario Works", "Tim Hortons", "the mens group") are not hidden. */
function dropKept(text: string, found: Entity[]): Entity[] {
  // Looked for only around the names and places found: the phrase regex is costly over a whole text.
  return found.filter((e) => {
    if (e.type !== 'NAME' && e.type !== 'FACILITY') return true;
    // "left AMA", "took him to ED": care and mutual-aid acronyms in their capitals (keepList.ts keptAsWritten).
    if (keptAsWritten(text, e.start, e.end)) return false;
    // Most names are no word of any phrase: the regex is skipped for them.
    if (!phraseMayCover(text, e.start)) return true;
    const from = Math.max(0, e.start - 40);
    return !keepPhraseSpans(text.slice(from, e.end + 40)).some((k) => k.start + from <= e.start && e.end <= k.end + from);
  });
}

/** Function words before a person: a name found elsewhere in the text is that person here too. */
const TAKES_PERSON = new Set(['told', 'asked', 'and']);

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}_.'’-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
/** everywhere()'s regexes, made once (a literal in its loop is a new object each time round). */
const SENTENCE_END = /[.!?;\n]/;
const DIGIT_FIRST = /^\d/;
const SPACES = /^[ \t]+$/;
const HANDLE_MARK = /[\d_.]/;
const isName = (e: Entity): boolean => e.type === 'NAME';
const isNameOrContact = (e: Entity): boolean => isName(e) || isContact(e);

/**
 * A name found once is hidden everywhere in the text, in any case ("Khadija ... khadija"), with a last initial
 * after it ("rupal s."), and inside handles and emails built from it ("youssefhadd88"). A common word is left
 * where a determiner or pronoun makes it a word again ("i hope", "the mark"). With `wordsToo` false (the names the
 * slot models add after it, round 19) a name that is also an everyday word is not spread: their word-sense guard is
 * too weak for a model's guess ("hank fast is actually fast", "cash app? … only want cash").
 */
function everywhere(text: string, found: Entity[], earlier: readonly string[] = [], wordsToo = true): Entity[] {
  // Most texts: no name found and none given, so nothing to hide again (and no set or scan made to learn it).
  if (earlier.length === 0 && !found.some(isNameOrContact)) return found;
  const d = dictionaries();
  const names = new Set<string>();
  for (const w of earlier) {
    const base = withoutPossessive(w.toLowerCase());
    if (base.length >= 2 && !SAFE.has(base) && !KEEP.has(base)) names.add(base);
  }
  // Keep-list given names ("crystal", "bibi") and two-letter names ("ty"): hidden again only in a person's slot.
  const slotted = new Set<string>();
  for (const e of found) {
    if (e.type !== 'NAME') continue;
    for (const w of text.slice(e.start, e.end).toLowerCase().match(NAME_WORD) ?? []) {
      const base = withoutPossessive(w);
      if (SAFE.has(base)) continue;
      if (base.length >= 3 && !KEEP.has(base)) {
        if (wordsToo || !(d.common.has(base) || everyday().has(base))) names.add(base);
      }
      // Round 14: any two letters a name list holds and no common word ("ly", "yu"), as round 12's two-letter given names.
      else if (base.length >= 2 && (d.firstNames.has(base) || (base.length === 2 && d.anyNames.has(base) && !d.common.has(base)))) slotted.add(base);
      // Round 21: an everyday word a slot model found ("destiny", "storm") is hidden again in a person's slot only.
      if (!wordsToo && base.length >= 3 && !KEEP.has(base) && (d.common.has(base) || everyday().has(base))) slotted.add(base);
    }
  }
  const extra: Entity[] = [];
  // A last initial after a name: "rupal s.", "Harjit K."
  for (const e of found) {
    if (e.type !== 'NAME' || text.charCodeAt(e.end) !== 32) continue;
    // The period sits two or three units on (a letter past the BMP takes two): most names have none there.
    if (text.charCodeAt(e.end + 2) !== 46 && text.charCodeAt(e.end + 3) !== 46) continue;
    const m = /^ \p{L}\.(?![\p{L}\p{N}])/u.exec(text.slice(e.end, e.end + 4));
    if (m) extra.push({ start: e.start, end: e.end + m[0].length, type: 'NAME' });
  }
  // Round 21: a nickname in quotes beside a found name, the name's initials elsewhere ("[NAME] "tiny" [NAME]", "= DJ").
  otherForms(text, found, extra);
  // Round 26: the words a hidden handle, email or link spells (handleNames.ts), said visibly in a person's slot.
  const spelled = found.some(isContact) ? handleParts(text, found) : undefined;
  // Most texts name each person once: scan the tokens only when a found name occurs a second time.
  const lower = names.size || slotted.size ? text.toLowerCase() : '';
  if (spelled || ((names.size || slotted.size) && (earlier.length > 0 || twice(lower, names) || twice(lower, slotted)))) {
    // found is sorted: one pointer sweeps it as the tokens advance.
    let f = 0;
    const covered = (s: number, t: number) => {
      while (f < found.length && found[f]!.end < t) f++;
      return f < found.length && found[f]!.start <= s && t <= found[f]!.end;
    };
    WORD.lastIndex = 0;
    let prev = '';
    let prev2 = '';
    let prevTyped = '';
    const foundWord = (w: string) => names.has(w) || slotted.has(w);
    let prevEnd = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const w = m[0].toLowerCase();
      const base = withoutPossessive(w);
      const s = m.index;
      const t = m.index + m[0].length;
      // A word of the sentence before does not make this one a word ("at the drop in. hunter is 19").
      const gap = text.slice(prevEnd, s);
      if (SENTENCE_END.test(gap)) prev = prev2 = prevTyped = '';
      prevEnd = t;
      if (slotted.has(base) && !covered(s, t)) {
        // "crystal said the er is packed", "ty has a black eye" ("back on crystal", "ty for the coffee" stay).
        const next = wordAfter(text, t);
        // A family by its name: "the ly family", "yu family moved" (round 14). Round 21: the slots of secondSlot too.
        const subject = (!SAFE.has(prev) || CONJUNCTIONS.has(prev)) && !DIGIT_FIRST.test(prev);
        if ((subject && (personVerb(next) || didOrFelt(next, d))) || capitalAgain(text, s, t, base, prevTyped, foundWord) || (PERSON_BEFORE.has(prev) && SPACES.test(gap)) || next === 'family' || secondSlot(text, found, s, t, w !== base, prev, prev2, next)) extra.push({ start: s, end: s + base.length, type: 'NAME' });
      } else if (base.endsWith('s') && names.has(base.slice(0, -1)) && !everyday().has(base) && !d.common.has(base) && m[0] === w && !covered(s, t)) {
        // Its possessive typed in lower case without the apostrophe: "tala ... talas mom", one word the labelling guide
        // hides whole (round 13; an apostrophe's 's stays outside); "CEOs" is a plural.
        extra.push({ start: s, end: s + base.length, type: 'NAME' });
      } else if (base.length >= 4 && base.endsWith('s') && names.has(base.slice(0, -1)) && m[0] === w && !covered(s, t) && sFormOwner(text, t, prev)) {
        // Round 26: its s-form that is also a word, typed as its possessive: "[NAME] is dawns step-daughter", "storms snap".
        extra.push({ start: s, end: s + base.length, type: 'NAME' });
      } else if (names.has(base) && !covered(s, t)) {
        // "Sam's brother": the possessive stays outside the placeholder.
        // An everyday word after a function word or a number is that word again ("the ruby ring", "5 miles") — not after
        // a word that takes a person ("told hope", "ramona and june").
        // Round 14: before what a person does it is the person again, after any word but a determiner or possessive
        // ("royal is 2", "i hope hope is ok"; "no storm is coming", "her grace is" stay).
        // Round 21: nor after "ask for" ("ask for hope at the desk"), nor its possessive before kin, a role or a thing a
        // person has, after any word but a determiner or possessive ("so will's bf called"; "so storm's over" stays).
        const owner = w !== base && !THING_BEFORE.has(prev) && !DIGIT_FIRST.test(prev) && ownedNext(wordAfter(text, t));
        if (owner || capitalAgain(text, s, t, base, prevTyped, foundWord) || !((d.common.has(base) || everyday().has(base)) && ((SAFE.has(prev) && !TAKES_PERSON.has(prev) && !PERSON_BEFORE.has(prev) && !askedFor(prev, prev2)) || DIGIT_FIRST.test(prev)) && !doneBy(text, t, prev))) extra.push({ start: s, end: s + base.length, type: 'NAME' });
      } else if (spelled && !HANDLE_MARK.test(w) && !covered(s, t) && handleOwner(text, spelled, base, t, prev)) {
        // "deuce ig is [HANDLE:deuce_westside]", "mo email is [EMAIL:momo.k…]": the word the handle spells is its owner's name.
        extra.push({ start: s, end: s + base.length, type: 'NAME' });
      } else if (HANDLE_MARK.test(w) && w.length >= 5 && !covered(s, t)) {
        // A handle or email user built from a name: "youssefhadd88", "k.bird".
        for (const n of names) if (n.length >= 4 && w.includes(n)) {
          extra.push({ start: s, end: t, type: 'HANDLE' });
          break;
        }
      }
      prev2 = prev;
      prev = w;
      prevTyped = m[0];
    }
  }
  return extra.length ? settle([found, extra]) : found;
}

/** Words after which the next is a thing, whatever follows it: "the", "no", "my", "his" (DETERMINERS and possessives). */
const THING_BEFORE = new Set([...DETERMINERS, 'his', 'her', 'ur']);

/** Whether the word ending at `end` is followed by a verb a person does (not "from") and `prev` is no determiner. */
function doneBy(text: string, end: number, prev: string): boolean {
  if (THING_BEFORE.has(prev)) return false;
  const next = wordAfter(text, end);
  return next !== 'from' && personVerb(next);
}

/** Whether one of `names` occurs twice or more in `lower`. */
function twice(lower: string, names: Set<string>): boolean {
  for (const n of names) if (lower.indexOf(n) !== lower.lastIndexOf(n)) return true;
  return false;
}

/** Spans of `words` (names found elsewhere in the same debrief) in `text`, by the rule of everywhere(). */
export function repeatSpans(text: string, words: readonly string[]): Entity[] {
  if (!words.length) return [];
  const view = detectionView(text);
  return view ? everywhere(view.text, [], words.map(folded)).map((e) => toCaller(view, e)) : everywhere(text, [], words);
}

/**
 * Name parts found apart ("[NAME] [NAME]") are one name: one placeholder; round 24, with a nickname in quotes or
 * brackets between or beside them ('[NAME] "[NAME]" [NAME]', secondMentions.ts nicknameWithMarks). The entities returned are new objects of
 * exactly start, end and type (the caller's: no stage's extra fields, no span a stage still holds).
 */
function joinNames(text: string, found: Entity[]): Entity[] {
  const out: Entity[] = [];
  for (let i = 0; i < found.length; i++) {
    const e = nicknameWithMarks(text, found, i, out[out.length - 1]);
    const last = out[out.length - 1];
    // One or two spaces between them (/^ {1,2}$/ on the gap, without making the string).
    const gap = e.start - (last?.end ?? 0);
    if (last && last.type === 'NAME' && e.type === 'NAME' && (gap === 1 || gap === 2) && text.charCodeAt(last.end) === 32 && text.charCodeAt(e.start - 1) === 32) last.end = e.end;
    else out.push({ start: e.start, end: e.end, type: e.type });
  }
  return out;
}

/** The pipeline's parts, for bench/deidStages.ts to time one by one (not an API). */
export const stagesForBench = {
  /** Each detector with its gate, as [detect, may(text)]. */
  detectors: DETECTORS.map((d) => [d.detect, (t: string) => opens(d, t, factsOf(t))] as const),
  settle,
  dropKept,
  everywhere,
  joinNames,
  classifierNames,
};

/** A reading's spelled names before the first step: none (shared, never changed). */
const NOTHING_SPELLED: Reading['spelled'] = { spans: NONE, words: [] };
/** The slot in Reading.groups of DETECTORS[0]: known names, spelled phones and disguised names come first. */
const FIRST_DETECTOR = 3;

/** Where bench/deidOverStages.ts hears each stage's spans (a stage's name, its spans); no caller of the API passes it. */
export type StageTrace = (stage: string, spans: readonly Entity[]) => void;

/**
 * One reading of a text (the text itself, or its detection view: evasion.ts) on its way through the stages: what the
 * steps below read and leave for the next.
 */
class Reading {
  facts: TextFacts;
  /** Names disguised in a person slot, and the words they spell (the first step sets them). */
  spelled: { spans: Entity[]; words: string[] } = NOTHING_SPELLED;
  /**
   * The detectors' spans, in priority order: known names, spelled phones, disguised names, then DETECTORS (slot
   * FIRST_DETECTOR + i). Made at its full length: filled slot by slot, never grown.
   */
  groups: Entity[][] = new Array<Entity[]>(FIRST_DETECTOR + DETECTORS.length).fill(NONE);
  /** The spans so far: settled, then taken through each step after the detectors. */
  spans: Entity[] = NONE;
  /** The name model's words and scores (classifierNames), for the slot models' margins (half names, openers). */
  scored: Scored[] = [];
  /** The note's words, their hiding and half-name slots, read by nameHalves and read again by openers only if it added a name. */
  slotReading?: SlotReading;
  /** The spans right after `everywhere`: a later step that hands back another array has added a name. */
  spread: Entity[] = NONE;

  constructor(
    readonly text: string,
    readonly opts: DeidentifyOptions,
    readonly trace?: StageTrace,
  ) {
    this.facts = factsOf(text);
  }
}

/** The names to hide again though no span of this text holds them: the caller's, and those a disguise spelled. */
const repeatOf = (r: Reading): readonly string[] | undefined =>
  r.spelled.words.length ? [...(r.opts.repeatNames ?? []), ...r.spelled.words] : r.opts.repeatNames;

/**
 * The pipeline, step by step. A text is read by running every step on it in turn (`spansIn`, `deidentify`); a batch by running each
 * step on every reading before the next step (`deidentifyAll`): one stage's code and tables stay warm over many texts.
 */
const STEPS: Array<(r: Reading) => void> = [
  // A phone said in words and a name disguised in a person slot come first: nothing else reads them whole.
  (r) => {
    r.spelled = disguisedNames(r.text);
    r.groups[0] = knownNameSpans(r.text, r.opts.knownNames);
    r.groups[1] = spelledPhones(r.text);
    r.groups[2] = r.spelled.spans;
  },
  ...DETECTORS.map((d, i) => (r: Reading) => {
    const spans = opens(d, r.text, r.facts) ? d.detect(r.text) : NONE;
    r.groups[FIRST_DETECTOR + i] = spans;
    r.trace?.(d.detect.name, spans);
  }),
  (r) => {
    r.spans = settle(r.groups, r.text);
    r.trace?.('spelled', r.spelled.spans);
  },
  // The name classifier's second look at the words the rules left visible (classifier/model.ts; on by default).
  (r) => {
    r.scored = [];
    const guessed = classifierNames(r.text, r.spans, r.scored);
    r.trace?.('nameModel', guessed);
    if (guessed.length) r.spans = settle([r.spans, guessed]);
  },
  // The facility model's look at places after a preposition that the rules left visible; it wins over names inside them.
  (r) => {
    // Two streets crossing that the name rules took as two names are one address (ruralAddresses.ts); an address takes
    // the unit, quadrant or crossing street beside it (streetEdges.ts).
    r.spans = withStreetEdges(r.text, joinedCrossings(r.text, withForeignPlaces(r.text, withFramedFacilities(r.text, withFacilities(r.text, r.spans)))));
    r.trace?.('facilityModel', r.spans);
    // A facility found is hidden where the text says its name again alone ("sunrise lodge … left sunrise"; round 23).
    r.spans = facilityMentions(r.text, r.spans);
  },
  // The words beside a name found, whoever found it (nameNeighbours.ts): "nina k", "isaak harder", "chato n memo".
  // Before the words given back by their place, so a title beside a widened name is taken off again ("dona fatima").
  // Before them too, the words the note says are names ("her name is lovely", namedAs.ts): their neighbours are asked.
  (r) => {
    r.spans = nameNeighbours(r.text, namedAs(r.text, r.spans));
    r.trace?.('nameNeighbours', r.spans);
  },
  (r) => {
    r.spans = keepScreenWords(r.text, r.spans, r.groups[0]!);
  },
  (r) => {
    r.spans = wordsInPlace(r.text, r.spans, r.groups[0]!);
  },
  (r) => {
    r.spans = dropKept(r.text, r.spans);
  },
  (r) => {
    r.spans = everywhere(r.text, r.spans, repeatOf(r));
    r.spread = r.spans;
    r.trace?.('everywhere', r.spans);
  },
  // The other half of a full name beside a hidden one ("jolene [NAME]"), by the slot's own model (nameHalves.ts).
  (r) => {
    r.spans = nameHalves(r.text, r.spans, r.scored, r);
    r.trace?.('nameHalves', r.spans);
  },
  // A name opening a sentence or the note, with no cue before it ("Jolene said …"), by its slot's own model (openers.ts).
  (r) => {
    r.spans = openers(r.text, r.spans, r.scored, r);
    r.trace?.('openers', r.spans);
  },
  // A name the half-name or opener model found is hidden everywhere too ("Feven said … at feven's"; round 19): only
  // when one of them added a name (their steps hand back the same array otherwise).
  (r) => {
    if (r.spans === r.spread) return;
    r.spans = everywhere(r.text, r.spans, repeatOf(r), false);
    r.trace?.('everywhereAgain', r.spans);
  },
  // A surname of a modifier and its noun ("[NAME] many guns", "[NAME] yellow [NAME]"; nameTails.ts, round 25).
  (r) => {
    r.spans = nameTails(r.text, r.spans);
    r.trace?.('nameTails', r.spans);
  },
  // A name found after the facility steps and the kind of place after it are one facility (round 26): "[NAME] crisis
  // unit" where a later step found the name (namedKind.ts, as the facility step reads the names found before it).
  (r) => {
    r.spans = withCapitalRuns(r.text, withPlaceHeads(r.text, withNamedKinds(r.text, r.spans)));
  },
  // A run of one word ('grace grace grace …') is no name, whoever found it (wordSenses.ts inRunOfOneWord).
  (r) => {
    r.spans = joinNames(r.text, withoutRuns(r.text, r.spans));
  },
  // An age over 89 right after a name, once the names are settled (ageAfterName.ts): "dorothy 94 today!!".
  (r) => {
    r.spans = agesAfterNames(r.text, r.spans);
  },
];

/** The entities of one reading of a text (the text itself, or its detection view: evasion.ts), in its offsets. */
export function spansIn(text: string, opts: DeidentifyOptions, trace?: StageTrace): Entity[] {
  const r = new Reading(text, opts, trace);
  readThrough(r);
  return r.spans;
}

/** The steps and a fresh reading of a text, for bench/deidStageCost.ts to time each step in turn (not an API). */
export const stepsForBench = { steps: STEPS, detectors: DETECTORS.length, reading: (text: string) => new Reading(text, {}) };

/** Every step on one reading, in turn. */
function readThrough(r: Reading): void {
  for (let i = 0; i < STEPS.length; i++) STEPS[i]!(r);
}

/** A text to de-identify: its readings (the detection view's offsets are mapped back when the spans are taken). */
interface Job {
  text: string;
  readings: Array<{ reading: Reading; view: View | undefined }>;
}

/** The readings of a text: as it is or its detection view, and with a right-to-left override, as it shows too. */
function jobOf(text: string, opts: DeidentifyOptions): Job {
  const readings = [readingOf(text, opts, detectionView(text))];
  if (hasOverride(text)) readings.push(readingOf(text, opts, detectionView(text, true)));
  return { text, readings };
}

/** A reading of `text` as it is (no view) or as its view reads it. */
function readingOf(text: string, opts: DeidentifyOptions, view: View | undefined): Job['readings'][number] {
  // Names given as typed ("Ｊｏｈｎ") are looked for as the view reads them.
  const inView = view ? { ...opts, knownNames: opts.knownNames?.map(folded), repeatNames: opts.repeatNames?.map(folded) } : opts;
  return { reading: new Reading(view ? view.text : text, inView), view };
}

/** A reading's spans in the caller's offsets. */
const inCaller = ({ reading, view }: Job['readings'][number]): Entity[] => (view ? reading.spans.map((e) => toCaller(view, e)) : reading.spans);
const asIs = (s: string): string => s;

/**
 * The caller's entities and redacted text from a job whose readings have been through the steps. Entities are offsets
 * into the text as given; `redacted` is the text with placeholders and without invisible characters.
 */
function finish(job: Job): DeidentifyResult {
  const { text } = job;
  // Both readings' spans, merged where they overlap: an override's text is hidden as either reading finds it.
  const entities = job.readings.length > 1 ? mergeSpans(job.readings.flatMap(inCaller)) : inCaller(job.readings[0]!);
  // Most texts hold no invisible character: their pieces are kept as they are, not each looked through.
  const visible = hasInvisible(text) ? withoutInvisible : asIs;
  let redacted = '';
  let at = 0;
  for (const e of entities) {
    redacted += visible(text.slice(at, e.start)) + `[${e.type}]`;
    at = e.end;
  }
  redacted += visible(text.slice(at));
  return { redacted, entities };
}

/**
 * Entities are offsets into `text` as given. The detectors read its detection view (no invisible characters,
 * full-width and look-alike letters folded; a right-to-left override read both as stored and as it shows), and
 * `redacted` is the text with placeholders and without invisible characters: what is stored never carries them.
 */
export function deidentify(text: string, opts: DeidentifyOptions = {}): DeidentifyResult {
  const job = jobOf(text, opts);
  for (let i = 0; i < job.readings.length; i++) readThrough(job.readings[i]!.reading);
  return finish(job);
}

/**
 * Many texts at once, for bulk work (a file, the bench): what `deidentify` gives each text, read stage by stage over
 * the batch — each step on every text before the next step. The same steps as one text; on the public set's texts a
 * batch of a few hundred costs about a third less CPU than reading them one by one (docs/history/DEIDENTIFICATION-rounds.md, "Round
 * 13 throughput"); short notes gain less. The service reads one message at a time and gains nothing.
 */
export function deidentifyAll(texts: readonly string[], opts: DeidentifyOptions = {}): DeidentifyResult[] {
  const jobs = texts.map((t) => jobOf(t, opts));
  const readings = jobs.flatMap((j) => j.readings.map((x) => x.reading));
  inBatch(() => {
    for (let i = 0; i < STEPS.length; i++) {
      const step = STEPS[i]!;
      for (const r of readings) step(r);
    }
  });
  return jobs.map(finish);
}
