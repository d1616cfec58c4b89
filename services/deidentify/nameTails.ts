/**
 * Round 25 (issue 13): surnames of two words whose first is a modifier — a number word, a quantifier, a colour or a
 * size ("Many Guns", "Two Shoes", "Yellow Horse", "Little Thunder", "Good Voice"). The half-name slot (nameHalves.ts)
 * judges one word beside a hidden name: it takes "many" after "[delia]" and leaves "guns" ("called [NAME] guns"), and a
 * modifier between two hidden words stays ("[ruby] big [plume]"). A modifier taken as part of a name needs the noun it
 * modifies, and a modifier between two parts of a name is one of them. Never a word a person owns, a kin word, a
 * role, a time or a count ("[NAME] two kids", "[NAME] many times", "[NAME] two days ago"), nor a verb or a function word.
 */
import type { Entity } from './types';
import { KEEP, TITLES } from './lexicon';
import { DETERMINERS, OWNED, PERSON_NOUNS, personVerb, RELATIONS, ROLE_WORDS, SAFE } from './messy';
import { finiteVerb, tokenAt } from './nameNeighbours';
import { MEASURES } from './messyPatterns';
import { partOfSpeech } from './partsOfSpeech';
import { COLOURS } from './wordSenses';
import { wordsOf, type Token } from './words';
import { wordSurnameRank } from './wordSurnames';

/** Sizes and ages that stand before a noun, beside the colours and the number words ("two"; partsOfSpeech 'D'). */
const MODIFIERS = new Set('little big old young tall long short small good great high'.split(' '));
const COUNTS = new Set('many few several'.split(' '));
/** Times a count or a modifier stands before ("two days ago", "many times", "good morning"), beside MEASURES. */
const TIMES = new Set('day week wk wks month year yr time night nights morning mornings afternoon evening weekend weekends ago today tonight'.split(' '));

/** A count: a number word ("two"; partsOfSpeech 'D') or a quantifier ("many"). */
const countWord = (w: string): boolean => COUNTS.has(w) || (partOfSpeech(w) === 'D' && /^\p{L}+$/u.test(w));

/** A word that modifies the noun after it: a count, a size or a colour. */
export function modifierWord(w: string): boolean {
  return countWord(w) || MODIFIERS.has(w) || COLOURS.has(w);
}

/**
 * A family name of its own among the commonest (1990 Census rank within 5,000: "Brown", "White", "Little", "Young",
 * "Good"): a name may end on it ("[jo brown] bag lunch", "[NAME white] bread"), so it takes no noun after it.
 */
const surnameAlone = (w: string): boolean => (wordSurnameRank(w) ?? Infinity) <= 5000;

/** A noun that may end a surname after its modifier: a noun, a plural or no word the table holds; no person, thing owned, time or count. */
export function tailNoun(w: string): boolean {
  if (w.length < 2 || !/^\p{L}+$/u.test(w)) return false;
  const pos = partOfSpeech(w);
  if (pos !== 'N' && pos !== 'NP' && pos !== 'U' && pos !== 'P') return false;
  const one = w.endsWith('s') ? w.slice(0, -1) : w;
  return !(SAFE.has(w) || DETERMINERS.has(w) || KEEP.has(w) || TITLES.has(w) || RELATIONS.has(w) || RELATIONS.has(one) || ROLE_WORDS.has(w) ||
    PERSON_NOUNS.has(w) || OWNED.has(w) || OWNED.has(one) || MEASURES.has(w) || TIMES.has(w) || personVerb(w) || modifierWord(w));
}

/** Whether token k stands one space after token k-1's end (nothing else between). */
const oneSpace = (text: string, toks: readonly Token[], k: number): boolean => k > 0 && toks[k]!.start === toks[k - 1]!.end + 1 && text.charCodeAt(toks[k - 1]!.end) === 32;

/**
 * `spans` (sorted, settled) with each name whose last word is a count or a size after another word of the name (in the
 * span, or a name span one space before it; not a colour, which the rules take for a nickname, "[rita red] grapefruit")
 * widened to the noun one space after it, and each visible modifier one space between
 * two names hidden ("[NAME] yellow [NAME]") added as a name. Spans of other types are kept as they are.
 */
export function nameTails(text: string, spans: readonly Entity[]): Entity[] {
  if (!spans.some((e) => e.type === 'NAME')) return spans as Entity[];
  const toks = wordsOf(text);
  const out = spans.map((e) => ({ start: e.start, end: e.end, type: e.type }));
  const added: Entity[] = [];
  let changed = false;
  for (let i = 0; i < out.length; i++) {
    const e = out[i]!;
    if (e.type !== 'NAME') continue;
    const prev = out[i - 1];
    const next = out[i + 1];
    // The span's last word, a whole token.
    let last = -1;
    for (let k = tokenAt(toks, e.start); k >= 0 && k < toks.length && toks[k]!.start < e.end; k++) if (toks[k]!.end === e.end) last = k;
    if (last < 0) continue;
    const t = toks[last]!;
    const n = toks[last + 1];
    const nameBefore = t.start > e.start || (!!prev && prev.type === 'NAME' && prev.end + 1 === e.start && text.charCodeAt(prev.end) === 32);
    if (nameBefore && n?.word && (countWord(t.lower) || MODIFIERS.has(t.lower)) && !surnameAlone(t.lower) && oneSpace(text, toks, last + 1) && !(next && next.start < n.end) && tailNoun(n.lower)) {
      e.end = n.end;
      changed = true;
      continue;
    }
    // A count and its noun after a name, both left, before a verb a person does: "delia many guns came by", "tommy two
    // shoes dropped in" (not "[NAME] two kids came", "[NAME] many times said"; a colour or a size there is most often the
    // person's thing, "[NAME] red grapefruit was all she wanted").
    const v = toks[last + 3];
    if (n?.word && v?.word && countWord(n.lower) && oneSpace(text, toks, last + 1) && oneSpace(text, toks, last + 2) && oneSpace(text, toks, last + 3) &&
      toks[last + 2]!.word && tailNoun(toks[last + 2]!.lower) && finiteVerb(v.lower) && !(next && next.start < toks[last + 2]!.end)) {
      e.end = toks[last + 2]!.end;
      changed = true;
      continue;
    }
    // A visible modifier between this name and the next, one space each side.
    if (n?.word && next && next.type === 'NAME' && next.start === n.end + 1 && text.charCodeAt(n.end) === 32 && oneSpace(text, toks, last + 1) && modifierWord(n.lower)) {
      added.push({ start: n.start, end: n.end, type: 'NAME' });
    }
  }
  if (!changed && !added.length) return spans as Entity[];
  return added.length ? [...out, ...added].sort((x, y) => x.start - y.start) : out;
}
