/**
 * Street types typed wrong (round 22): "1210 tamarack stret", "88 kinsmen raod", "44 birch cresent", "9 lakeview drvie".
 * A word no dictionary holds, one edit from a street type (typos.ts's edits: a letter dropped, added, swapped with its
 * neighbour or hit on a near key), after a house number and one to three words of a street's name, is the street's type:
 * the whole run is an address. A misspelt type right after an address already found is taken into it
 * (streetEdges.ts). Only types of four letters or more are read: a two- or three-letter abbreviation one edit away is
 * mostly a word or a name ("sr", "dt", "ace").
 */
import type { Entity } from './types';
import { dictionaries } from './dictionaries';
import { KEEP } from './lexicon';
import { SAFE } from './messy';
import { QUADRANT_AFTER, SPELT_STREET } from './messyPatterns';
import { TypoIndex } from './typos';
import { wordMemo } from './wordMemo';

/** The street types whose misspellings are read: spelt out, and the four-letter abbreviations. */
const TYPES = new Set(
  `street avenue road drive boulevard blvd crescent cres court place lane terrace circle highway parkway pkwy trail
  close gardens heights square grove`.split(/\s+/).filter(Boolean),
);

let index: TypoIndex | undefined;

/** The street type a word misspells, or null: worked out once per word (wordMemo.ts, bounded like every word memo). */
const typeMisspelt = wordMemo((word: string): string | null => {
  const w = word.toLowerCase();
  if (w.length < 4 || w.length > 11 || !/^[a-z]+$/.test(w) || TYPES.has(w)) return null;
  const d = dictionaries();
  if (d.english.has(w) || d.common.has(w) || d.anyNames.has(w) || KEEP.has(w) || SAFE.has(w)) return null;
  index ??= new TypoIndex(TYPES);
  return index.correct(w) ?? null;
});

/** The street type a lower-case word misspells ("stret" → "street", "raod" → "road"), or undefined: never a word or a name. */
export function misspeltStreetType(word: string): string | undefined {
  return typeMisspelt(word) ?? undefined;
}

/** A house number (a direction may follow it), then up to four words: one to three of the street's name, then its type. */
const HOUSE_WORDS = /(?<![\p{L}\p{N}.,/$-])#?\d{1,6}[a-z]?(?:-\d{1,5})?\s(?:[nsew]\.?\s)?((?:\d{1,3}(?:st|nd|rd|th)|\p{L}[\p{L}'’-]*)(?:\s(?:\d{1,3}(?:st|nd|rd|th)|\p{L}[\p{L}'’-]*)){1,3})/giu;
/** A type spelt right among the name's words (messyPatterns.ts SPELT_STREET): the street is another detector's ("12 main st raod trip"). */
const SPELT_TYPE = new RegExp(`^(?:${SPELT_STREET})$`, 'i');

/** Addresses whose street type is misspelt: "1210 tamarack stret", "88 kinsmen raod nw". */
export function typedStreets(text: string): Entity[] {
  const out: Entity[] = [];
  HOUSE_WORDS.lastIndex = 0;
  for (let m = HOUSE_WORDS.exec(text); m; m = HOUSE_WORDS.exec(text)) {
    const words = m[1]!.split(' ');
    const k = words.findIndex((w, i) => i > 0 && misspeltStreetType(w) !== undefined);
    // The name's words are no prose ("at 3 we went drvie") and hold no spelt type.
    if (k < 0 || words.slice(0, k).some((w) => (SAFE.has(w.toLowerCase()) && !/^\d/.test(w)) || SPELT_TYPE.test(w))) {
      HOUSE_WORDS.lastIndex = m.index + m[0].length - m[1]!.length;
      continue;
    }
    let end = m.index + m[0].length - m[1]!.length + words.slice(0, k + 1).join(' ').length;
    // A quadrant after the type: "88 kinsmen raod nw".
    end += QUADRANT_AFTER.exec(text.slice(end, end + 4))?.[0].length ?? 0;
    out.push({ start: m.index, end, type: 'ADDRESS' });
    HOUSE_WORDS.lastIndex = end;
  }
  return out;
}
