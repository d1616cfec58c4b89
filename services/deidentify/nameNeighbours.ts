/**
 * Round 12 (SMS names): the words beside a name already found, whoever found it (the name rules, names.ts, the
 * classifier). messyNames reads one note alone and cannot see the other detectors' names, so a last initial, a surname,
 * a given name or a list-mate beside a name they found stayed visible: "nina k came in", "isaak harder said",
 * "tina klassen off sick", "chato n memo got into it". Each is a slot, never a word list: the neighbour must still be
 * shaped like a name (messy.ts's verdicts and lists), and the words after it must read as a person's.
 */
import { type Entity, entity } from './types';
import { dictionaries } from './dictionaries';
import { KEEP, NAME_PARTICLES, TITLES } from './lexicon';
import {
  AFTER_PEOPLE, DETERMINERS, english, everyday, handKeptOrRare, isGiven, OWNED, peopleVerb, PERSON_AFTER, PERSON_BEFORE, RELATIONS, ROLE_WORDS, SAFE,
  STATE_BEFORE, SUBJECT_ADVERBS, SUBJECT_VERBS, VERB_NEXT, VIRTUES, WORD_BEFORE, wordVerdict,
} from './messy';
import { foreignWordTest } from './language';
import { blank, stemEnd, type Token, withoutPossessive, wordsOf } from './words';
import { JOINER, joinedTo } from './listJoins';

/** Letters that stand for a word ("k" ok, "r" are, "n" and, "w" with, "b" be, "c" see, "y" why, "u" you, "o", "x"; "e" and, "y" in Portuguese and Spanish). */
const LETTER_WORDS = 'aiuknrwbcyoxe';

/** A word that is never a name beside another: function words, kin and roles, titles, cue verbs, what a person owns. */
function neverName(w: string): boolean {
  return w.length < 2 || SAFE.has(w) || RELATIONS.has(w) || ROLE_WORDS.has(w) || TITLES.has(w) || DETERMINERS.has(w) || OWNED.has(w) ||
    PERSON_BEFORE.has(w) || NAME_PARTICLES.has(w);
}

/** A word after which the next one is a word, not a name: "the", "i", "so", "is", "her" ("i hope and", "her boy"). */
function wordBefore(toks: readonly Token[], k: number, text: string): boolean {
  const p = toks[k - 1];
  return !!p && blank(text, p.end, toks[k]!.start) && (WORD_BEFORE.has(p.lower) || STATE_BEFORE.has(p.lower) || p.lower === 'his' || p.lower === 'her');
}

/** A verb a person does, in a finite form: "said", "came", "is", "wants" (not "fighting": SMS "r fighting" is "are"). */
export function finiteVerb(w: string): boolean {
  return !!w && (PERSON_AFTER.has(w) || (SUBJECT_VERBS.has(w) && !SUBJECT_ADVERBS.has(w)));
}

/** The word after token k when only spaces stand between them, else ''. */
function nextWord(toks: readonly Token[], k: number, text: string): string {
  const n = toks[k + 1];
  return n && blank(text, toks[k]!.end, n.start) ? n.lower : '';
}

/**
 * A last initial in lower case after a name: "ari k", "jayden t says". A letter SMS writes for a word ("k", "r", "n",
 * "w", "b") only before a verb a person does ("nina k came in"; "jess k thx", "sky r both" stay). `listed`: the name
 * before it is on a name list. Round 21: after a hidden name no list holds ("zorvel s got"), a letter SMS never writes
 * for a word, before what a person's name stands before (initialSlot()); "k" before "from", "at" or "@" after any name.
 */
function initialAfter(text: string, toks: readonly Token[], j: number, listed: boolean): number {
  const t = toks[j]!;
  const l = t.lower;
  // An ASCII letter: "à" is a French word.
  if (t.end - t.start !== 1 || l < 'a' || l > 'z') return -1;
  // Not the start of a word joined by a mark ("k.bird"), nor "s" of a possessive typed apart.
  const after = text[t.end];
  if (after && /[\p{L}\p{N}'’@_-]/u.test(after)) return -1;
  if (after === '.' && /\p{L}/u.test(text[t.end + 1] ?? '')) return -1;
  // "k" and "b" (ok, be) before a finite verb a person does ("nina k came in"); "r", "n", "w" … never ("marcus r fighting").
  // (Round 21) "k" before a place word is no "ok": "ari k from the food bank", "pick up dev k @ the corner".
  if (l === 'k' && placeNext(text, toks, j)) return t.end;
  if (!listed) return !LETTER_WORDS.includes(l) && after !== '.' && initialSlot(text, toks, j) ? t.end : -1;
  if (LETTER_WORDS.includes(l)) {
    const w = nextWord(toks, j, text);
    // (Round 20) "r", "w", "a" (are, with, a) before a verb only one person does ("orrin r needs", "bram w relapsed",
    // "noreen a got"): no reading of the letter as a word takes that verb after it.
    const oneDoes = 'rwa'.includes(l) && singularVerb(w);
    if (!oneDoes && (WORD_LETTERS.includes(l) || !(((l === 'k' || l === 'b') && finiteVerb(w)) || telling(text, toks, j, w)))) return -1;
  }
  return after === '.' ? t.end + 1 : t.end;
}

/** "from", "at" or "@" right after token j (only spaces between): where a person comes from or is. */
function placeNext(text: string, toks: readonly Token[], j: number): boolean {
  return /^[ \t]+(?:from|frm|at|@)(?![\p{L}\p{N}])/iu.test(text.slice(toks[j]!.end, toks[j]!.end + 8));
}

/**
 * (Round 21) What a last initial after a name no list holds stands before: a verb a person does ("zorvel s got", "nhia
 * v told me"), "from", "at" or "@" ("dev t @ the corner"), a comma or a bracket ("ntaki f, her worker"), the note's end,
 * or the letter telling two of one name apart. Not another word: "kè m pou" (Haitian Creole) stays.
 */
function initialSlot(text: string, toks: readonly Token[], j: number): boolean {
  const w = nextWord(toks, j, text);
  if (finiteVerb(w) || placeNext(text, toks, j)) return true;
  const rest = text.slice(toks[j]!.end);
  return /^[,;)]/.test(rest) || rest.trim() === '' || telling(text, toks, j, w);
}

/** Past forms after which "are", "with" or "a" cannot stand before them: "r said", "w relapsed", "a got". */
const ONE_DID = new Set(['said', 'sed', 'got', 'relapsed', 'overdosed', 'came', 'went']);

/** A finite verb of one person: a present in -s ("needs", "is", "was", "says") or a past no "are" takes ("said", "got"). */
function singularVerb(w: string): boolean {
  return finiteVerb(w) && (w.endsWith('s') || ONE_DID.has(w));
}

/** Letters SMS writes for a word wherever they stand: r (are), n (and), w (with), u, i, a, Portuguese and Spanish e. */
const WORD_LETTERS = 'rnwuiae';

/**
 * Round 13: a letter that tells two people of one name apart, or ends the name: "yonas g + yonas k both owe her rent",
 * "sasha k no show, sasha m came", "danced with annie b", "lorraine k) needs a ride". The given name written again in the
 * note, or the letter before a list's joiner, or at the clause's end ("b", "c", "y" only at the note's end: "k", "x",
 * "o" end a text as ok, a kiss, a hug).
 */
function telling(text: string, toks: readonly Token[], j: number, next: string): boolean {
  const given = toks[j - 1]!.lower;
  if (toks.some((o, k) => k !== j - 1 && o.lower === given)) return true;
  if (next === 'and' || next === 'n' || next === 'both' || next === 'same') return true;
  const rest = text.slice(toks[j]!.end);
  if (/^[ \t]*[+&]/.test(rest) || /^[,;)]/.test(rest)) return true;
  return rest.trim() === '' && 'bcy'.includes(toks[j]!.lower);
}

/**
 * A given name before a found surname that is no English word: "dustin tsinajinnie at the skate park", "ruby redwing
 * called". A name-list word that is no everyday word, or a given name or word-name that is one; not a keep-list word,
 * an idea ("hope"), a word after "the", "i" or "is", nor before a verb that makes it a modal ("will [NAME] come").
 */
function givenBefore(text: string, toks: readonly Token[], j: number, name: string, after: string): boolean {
  const t = toks[j]!;
  if (!t.word) return false;
  const w = t.lower;
  const d = dictionaries();
  if (w.length < 3 || neverName(w) || KEEP.has(w) || VIRTUES.has(w) || peopleVerb(w) || wordBefore(toks, j, text) || VERB_NEXT.has(after)) return false;
  // Not after a digit ("2moro"), nor a word of the note's French or Spanish ("que", "los", "mais").
  if (/\p{N}/u.test(text[t.start - 1] ?? '') || english(name, d) || everyday().has(name) || foreignWordTest(text)?.(w)) return false;
  return everyday().has(w) || d.common.has(w) ? isGiven(w) : d.anyNames.has(w);
}

/**
 * A list-mate of a found name: "chato n memo got into it", "hunter + sky from the north end", "tell ray n tater". A
 * given name or word-name (a keep-list given name only before a person's verb or the clause's end); not "me", "her
 * kids", nor a word a modal or "to" makes a verb ("and hope to see").
 */
function listMate(text: string, toks: readonly Token[], j: number): boolean {
  const t = toks[j]!;
  if (!t.word || t.end - t.start < 2) return false;
  const w = withoutPossessive(t.lower);
  if (neverName(w) || peopleVerb(w) || AFTER_PEOPLE.has(w)) return false;
  const next = nextWord(toks, j, text);
  if (VERB_NEXT.has(next) || next === 'to') return false;
  // An idea ("faith and patience") only before a person's verb.
  if (VIRTUES.has(w)) return finiteVerb(next);
  const v = wordVerdict(w);
  // A hand-kept word-name or a given name that is no everyday word: "chato n memo", "hunter + sky from".
  if (v === 'wordName' && isGiven(w) && handKeptOrRare(w)) return true;
  // Any other word a name list holds only before what people do: "jose luis and memo are brothers" ("soju and kimchi" stays).
  return v !== 'safe' && v !== 'word' && dictionaries().anyNames.has(w) && !!next && (peopleVerb(next) || AFTER_PEOPLE.has(next));
}

/** Whether token k opens a list: at a clause's start, or after a verb or role that takes a person ("met chato n memo"). */
function opensList(text: string, toks: readonly Token[], k: number): boolean {
  const p = toks[k - 1];
  if (!p) return true;
  const gap = text.slice(p.end, toks[k]!.start);
  return /[.,!?;:()\n]/.test(gap) || (blank(text, p.end, toks[k]!.start) && PERSON_BEFORE.has(p.lower));
}

/** Index of the token starting (or, with `ends`, ending) at `at`, or -1 (binary search: tokens are in order). */
export function tokenAt(toks: readonly Token[], at: number, ends = false): number {
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ends ? toks[mid]!.end : toks[mid]!.start;
    if (v === at) return mid;
    if (v < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The names found (`found`, sorted, settled) widened by the words beside them, and list-mates added. Spans of other
 * types are kept as they are; a word inside another span is never taken.
 */
export function nameNeighbours(text: string, found: Entity[]): Entity[] {
  if (!found.some((e) => e.type === 'NAME')) return found;
  const toks = wordsOf(text);
  const taken = new Uint8Array(toks.length);
  for (const e of found) {
    for (let k = tokenAt(toks, e.start); k >= 0 && k < toks.length && toks[k]!.start < e.end; k++) taken[k] = 1;
  }
  const out = found.map((e) => entity(e.start, e.end, e.type));
  const added: Entity[] = [];
  const free = (k: number) => k >= 0 && k < toks.length && !taken[k];
  // Names found in turn: a list-mate found is a name whose own neighbours are looked at too ("ray n tater n bo").
  const queue = out.filter((e) => e.type === 'NAME');
  for (let q = 0; q < queue.length && q < 64; q++) {
    const e = queue[q]!;
    const first = tokenAt(toks, e.start);
    const last = tokenAt(toks, e.end, true);
    if (first < 0 || last < 0) continue;
    const a = last + 1;
    if (free(a) && blank(text, toks[last]!.end, toks[a]!.start) && toks[a]!.start - toks[last]!.end <= 2) {
      // After a listed name: "ari k"; after any other, only where initialSlot() reads a person ("disse q", "kè m pou" are words of other languages).
      const end = initialAfter(text, toks, a, dictionaries().anyNames.has(toks[last]!.lower));
      if (end > 0) {
        e.end = end;
        taken[a] = 1;
      }
    }
    const b = first - 1;
    if (free(b) && blank(text, toks[b]!.end, toks[first]!.start)) {
      const endNow = tokenAt(toks, e.end, true);
      if (givenBefore(text, toks, b, toks[first]!.lower, endNow >= 0 ? nextWord(toks, endNow, text) : '')) {
        e.start = toks[b]!.start;
        taken[b] = 1;
      }
    } else if (free(b) && toks[b]!.word && toks[b]!.lower !== 'm' && toks[b]!.end - toks[b]!.start === 1 && /^\.[ \t]+$/.test(text.slice(toks[b]!.end, toks[first]!.start)) && !/[\p{L}\p{N}.]/u.test(text[toks[b]!.start - 1] ?? '')) {
      // An initial before it: "g. macapagal" (not French "m." for monsieur).
      e.start = toks[b]!.start;
      taken[b] = 1;
    }
    // List-mates after it ("memo n paty") and before it ("chato n memo").
    const endTok = tokenAt(toks, e.end, true);
    const m = endTok >= 0 ? joinedTo(text, toks, endTok, 1) : -1;
    if (free(m) && listMate(text, toks, m)) {
      const t = toks[m]!;
      const mate = { start: t.start, end: stemEnd(t), type: 'NAME' as const };
      taken[m] = 1;
      added.push(mate);
      queue.push(mate);
    }
    for (const p of [first - 1, first - 2]) {
      if (!free(p) || joinedTo(text, toks, p, 1) !== first || !opensList(text, toks, p)) continue;
      if (listMate(text, toks, p)) {
        const t = toks[p]!;
        const mate = { start: t.start, end: t.end, type: 'NAME' as const };
        taken[p] = 1;
        added.push(mate);
        queue.push(mate);
      }
      break;
    }
  }
  listedBetween(text, toks, taken, out, added);
  return added.length ? [...out, ...added].sort((x, y) => x.start - y.start) : out;
}

/** A comma, a joining sign or a joining word between text[from, to), spaces beside it: a gap inside a list of people. */
const LIST_GAP = new RegExp(String.raw`^[ \t]*(?:,|${JOINER})[ \t]*$`, 'i');
/** Whether text[from, to) is a list's gap: ", ", " and ", " n ", " + ". */
function listGap(text: string, from: number, to: number): boolean {
  return to > from && to - from <= 6 && LIST_GAP.test(text.slice(from, to)) && (text.charCodeAt(from) === 44 || text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9);
}

/**
 * Round 21: one word between two names found, in a list ("[NAME], kwame and [NAME]", "[NAME], hope, [NAME]",
 * "[NAME] + joy + [NAME]"), or first in a list of found names closed by a joiner ("crystal, [NAME] and [NAME] came"):
 * a list-mate whatever its word, but never a function word, a kin or role word, a title or a cue ("[NAME], me and
 * [NAME]", "[NAME], mom and [NAME]").
 */
function listedBetween(text: string, toks: readonly Token[], taken: Uint8Array, out: readonly Entity[], added: Entity[]): void {
  const names = [...out, ...added].filter((e) => e.type === 'NAME').sort((x, y) => x.start - y.start);
  if (names.length < 2) return;
  const fresh: Entity[] = [];
  for (let i = 0; i + 1 < names.length; i++) {
    const a = names[i]!;
    const b = names[i + 1]!;
    const k = tokenAt(toks, a.end, true) + 1;
    if (k <= 0 || k >= toks.length || taken[k] || toks[k]!.end > b.start) continue;
    const t = toks[k]!;
    if (listGap(text, a.end, t.start) && listGap(text, t.end, b.start) && listable(text, toks, k)) {
      taken[k] = 1;
      fresh.push({ start: t.start, end: t.end, type: 'NAME' });
    }
  }
  // First of a list: the word before a name, a comma between, the name joined to the next by a joiner.
  for (let i = 0; i + 1 < names.length; i++) {
    const a = names[i]!;
    const b = names[i + 1]!;
    const k = tokenAt(toks, a.start) - 1;
    if (k < 0 || taken[k] || !/^[ \t]*,[ \t]*$/.test(text.slice(toks[k]!.end, a.start)) || !listGap(text, a.end, b.start) || text.slice(a.end, b.start).includes(',')) continue;
    if (opensList(text, toks, k) && listable(text, toks, k)) {
      taken[k] = 1;
      fresh.push({ start: toks[k]!.start, end: toks[k]!.end, type: 'NAME' });
    }
  }
  added.push(...fresh);
}

/** A word that may be a person in a list of people: letters, two or more, and never a name's neighbour that neverName refuses. */
function listable(text: string, toks: readonly Token[], k: number): boolean {
  const t = toks[k]!;
  if (!t.word || t.end - t.start < 2) return false;
  const w = withoutPossessive(t.lower);
  return !neverName(w) && !peopleVerb(w) && !AFTER_PEOPLE.has(w) && !wordBefore(toks, k, text);
}
