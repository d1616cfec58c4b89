/**
 * Family names that are also everyday English words (round 22, issue 13): content/deid-word-surnames.json, the 1990
 * United States Census surnames whose lower case is a common English word, each with its Census rank
 * (scripts/deid-word-surnames.ts writes it). The half-name slot reads a word's band as a feature of its model
 * (nameHalves.ts): "[NAME] brown", "[NAME] short", "[NAME] eagle" typed in lower case after a given name — a surname
 * that is a word, which the name lists alone read as a word like any other.
 */
import { readCheckedList } from '../content/checkedList';

let ranks: Map<string, number> | undefined;

function load(): Map<string, number> {
  const data = readCheckedList<{ ranks: Record<string, number> }>('deid-word-surnames.json');
  return new Map(Object.entries(data.ranks));
}

/** A lower-cased word's Census surname rank (1 the most frequent) when it is a surname and an everyday word, else undefined. */
export function wordSurnameRank(lower: string): number | undefined {
  ranks ??= load();
  return ranks.get(lower);
}

/**
 * A lower-cased word's band as the half model reads it: 'a' among the 500 most frequent surnames, 'b' to 2,000, 'c' to
 * 10,000, 'd' rarer; 'no' when it is no such surname. The word comes without its possessive (nameHalves.ts readSlot).
 */
export function wordSurnameBand(lower: string): string {
  const r = wordSurnameRank(lower);
  return r === undefined ? 'no' : r <= 500 ? 'a' : r <= 2000 ? 'b' : r <= 10_000 ? 'c' : 'd';
}
