/**
 * Hyphenated words built from common words and affixes are words, not names: "self-harm", "ex-partner",
 * "non-responsive", "8-year-old", "xylazine-associated", "fire-setting", "live-in", "mother-in-law", "OD-ing". The
 * risk screen reads them (docs/DEIDENTIFICATION.md, "Words the risk screen needs"). Only compounds with an affix, a
 * number, a particle or a word's ending qualify: a compound of two plain words may be a name ("Morning-Star"), and
 * the name classifier's held-out gains were such names.
 */
import { dictionaries } from './dictionaries';
import { KEEP } from './lexicon';
import { wordMemo } from './wordMemo';
import { withoutPossessive } from './words';

const set = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** First parts that make a word of any word after them: self-harm, ex-partner, non-client, co-parent, re-entry. */
const PREFIXES = set('self ex non co anti pre post re semi multi step half mid over under inter intra cross counter mis sub super un well ill out in');
/** Last parts that make a word of any word before them: xylazine-associated, drug-seeking, alcohol-free, 8-year-old. */
const SUFFIXES = set(
  'old olds associated related induced setting seeking using free based involved approved focused informed led run funded ' +
    'centred centered specific prone like wide friendly proof affected dependent exposed injuring harming taking sharing',
);
/** Particles that end phrasal nouns and adjectives: live-in, drop-in, come-down, shoot-up, lay-off. */
const PARTICLES = set('in out up down off on over back away by through around');
/** A word's ending typed after a hyphen: OD-ing, od-ed, narcan-ed, OD-er. */
const ENDINGS = set("ing ed d s es er ers in 'd");
const NUMBERS = set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen ' +
    'nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred half quarter',
);
/** Units after a number: 8-year-old, two-week, 3-day. */
const UNITS = set('year years yr yrs month months week weeks wk day days hour hours hr hrs minute minutes min mins old olds time times');
/** A participle or adjective ending: staff-approved, fire-setting, self-injurious, care-less. */
const ADJECTIVE_END = /(?:ed|ing|ous|ive|ful|less|able|ible)$/;

/** A part that is an English word (or a keep-list word: "xylazine", "od"). */
function wordPart(p: string): boolean {
  const d = dictionaries();
  return d.common.has(p) || d.english.has(p) || KEEP.has(p);
}

function numberPart(p: string): boolean {
  return /^\d+$/.test(p) || NUMBERS.has(p) || UNITS.has(p);
}

/** Whether a lower-cased hyphenated word is a word compound by the rules above. */
export const wordCompound: (lower: string) => boolean = wordMemo((lower) => {
  const parts = lower.split('-');
  if (parts.length < 2 || parts.some((p) => !p)) return false;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const rest = parts.slice(1);
  if (parts.every(numberPart)) return true;
  if (parts.includes('in') && parts.includes('law')) return true;
  if (ENDINGS.has(last)) return parts.length === 2 && wordPart(first);
  if (PREFIXES.has(first)) return rest.every((p) => wordPart(p) || numberPart(p));
  if (SUFFIXES.has(last) || PARTICLES.has(last)) return parts.slice(0, -1).every((p) => wordPart(p) || numberPart(p));
  // A plain word before a participle or adjective: "staff-approved", "fire-setting".
  return parts.length === 2 && ADJECTIVE_END.test(last) && dictionaries().english.has(last) && dictionaries().common.has(first);
});

/**
 * The hyphenated word around text[start, end) — a span may hold part of it ("8-[NAME]") — when it is typed like a word:
 * its parts after the first in lower case (or all of it in capitals: "SELF-HARM"). Else undefined.
 */
export function compoundAround(text: string, start: number, end: number): string | undefined {
  const inWord = (i: number): boolean => i >= 0 && i < text.length && /[\p{L}\p{N}'’]/u.test(text[i]!);
  let s = start;
  let e = end;
  for (;;) {
    if (inWord(s - 1)) s--;
    else if (text[s - 1] === '-' && inWord(s - 2)) s--;
    else break;
  }
  for (;;) {
    if (inWord(e)) e++;
    else if (text[e] === '-' && inWord(e + 1)) e++;
    else break;
  }
  const word = withoutPossessive(text.slice(s, e));
  if (!word.includes('-')) return undefined;
  const tail = word.slice(word.indexOf('-') + 1);
  if (tail !== tail.toLowerCase() && word !== word.toUpperCase()) return undefined;
  return word.toLowerCase();
}
