/**
 * Kin words of other languages and Englishes (round 23, issue 13): content/deid-kinship.json, one group per language
 * with its source, checked against its schema when first read. After a possessive ("her mama came", "his lola", "my
 * jiddo is sick") or before a name ("nonna giulia") such a word is the relation, not a name, even where a given-name
 * list holds it ("lola", "nani", "abba"). The one reader of the list: wordsInPlace.ts asks it.
 */
import { readCheckedList } from '../content/checkedList';
import { withoutPossessive } from './words';

let kin: Set<string> | undefined;

/** Whether a lower-cased word (its possessive "'s" aside) is a kin word of the list. */
export function kinWord(lower: string): boolean {
  kin ??= new Set(readCheckedList<{ groups: Array<{ terms: string[] }> }>('deid-kinship.json').groups.flatMap((g) => g.terms));
  return kin.has(lower) || kin.has(withoutPossessive(lower));
}
