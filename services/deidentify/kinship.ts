/**
 * Kin words (rounds 23–24, issue 13): content/deid-kinship.json, one group per language (English too) with its source,
 * checked against its schema when first read. The one list of kin words: after a possessive ("her mama came", "his
 * lola", "my jiddo is sick") or before a name ("nonna giulia") such a word is the relation, not a name, even where a
 * given-name list holds it ("lola", "nani", "abba") — wordsInPlace.ts asks kinWord(); the relations of every slot
 * (messy.ts RELATIONS, messyPatterns.ts OWNER_WORDS) and the people an age follows (messyPatterns.ts KIN) are read
 * from it too.
 */
import { readCheckedList } from '../content/checkedList';
import { withoutPossessive } from './words';

interface KinGroup {
  id: string;
  terms: string[];
  relations?: string[];
}

let groups: KinGroup[] | undefined;
let kin: Set<string> | undefined;

const kinGroups = (): KinGroup[] => (groups ??= readCheckedList<{ groups: KinGroup[] }>('deid-kinship.json').groups);

/** Every kin word of the list, lower case (as typed, accents and all). */
export function kinTerms(): Set<string> {
  kin ??= new Set(kinGroups().flatMap((g) => g.terms));
  return kin;
}

/** Whether a lower-cased word (its possessive "'s" aside) is a kin word of the list. */
export function kinWord(lower: string): boolean {
  const k = kinTerms();
  return k.has(lower) || k.has(withoutPossessive(lower));
}

/** Whether a lower-cased word (its possessive aside) is a kin word of one of the groups named ("english", "french"). */
export function kinWordOf(lower: string, ...ids: string[]): boolean {
  const w = withoutPossessive(lower);
  return kinGroups().some((g) => ids.includes(g.id) && (g.terms.includes(lower) || g.terms.includes(w)));
}

/** The kin words that name a relation in every slot (each group's "relations"): "sister", "kokum", "tante". */
export function kinRelations(): string[] {
  return kinGroups().flatMap((g) => g.relations ?? []);
}
