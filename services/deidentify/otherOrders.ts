/**
 * Addresses written in another country's order (round 22), in any case:
 * - Colombia's grid (and its neighbours'): the type and the street's number, then "#" or "no." and the crossing street
 *   and the door ("calle 8 #24-5", "cra 7 no 45-12", "av 68 # 13-40 sur"); and Mexico's "calle hidalgo #245". Types
 *   from Bogotá's address nomenclature (Wikipedia, "Address" § Colombia): calle (cl, cll), carrera (cra, kr, kra, cr),
 *   avenida (av), diagonal (dg), transversal (tv), circular (cq);
 * - Vietnam's: the house number, then the type and the street's name ("12 đường lê lợi", "45 duong nguyen trai",
 *   "3 ngõ 5 phố huế"). Types (Wikipedia, "Vietnamese address"): đường (street), phố (street, in Hanoi), ngõ (lane),
 *   hẻm (alley, in the south), typed with or without their marks — not "pho" alone, a dish.
 * French, Spanish, Portuguese and Italian streets led by their type ("245 rue tremblay", "rua das flores 120") are
 * address.ts's and messyPatterns.ts's.
 */
import type { Entity } from './types';
import { SAFE } from './messy';
import { dictionaries } from './dictionaries';

/** The grid's street types (Bogotá's nomenclature, above). */
const GRID_TYPES = 'calle|cll|cl|carrera|cra|kra|kr|cr|avenida|av|diagonal|dg|transversal|tv|circular|cq';
/** Vietnam's street types, with or without their marks. */
const VIET_TYPES = 'đường|duong|phố|ngõ|ngo|hẻm|hem';
/** "calle 8 #24-5", "cra 7 no 45-12 sur", "av 68 # 13-40": a grid street's type and number, its crossing and door. */
const GRID = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${GRID_TYPES})\.?\s?\d{1,3}[a-z]?(?:\s?bis)?(?:\s(?:sur|norte|este|oeste))?\s?(?:#|no\.|no|n[°º]|num\.?|numero|número)\s?\d{1,3}[a-z]?(?:\s?-\s?\d{1,3}[a-z]?)?(?:\s(?:sur|norte|este|oeste))?(?![\p{L}\p{N}])`, 'giu');
/** "calle hidalgo #245", "calle 5 de mayo no. 120": a named street and its door after "#" or "no." (Mexico). */
const NAMED_DOOR = /(?<![\p{L}\p{N}])calle\s(?:(?:\d{1,2}\s)?(?:de\s|del\s|la\s)?\p{L}[\p{L}'’-]*\s){1,3}(?:#|no\.|no|n[°º]|num\.?|numero|número)\s?\d{1,5}[a-z]?(?![\p{L}\p{N}])/giu;
/** A house number (a slash or hyphen may split it: "45/12"), then a Vietnamese street type. */
const VIET = new RegExp(String.raw`(?<![\p{L}\p{N}.,/$-])\d{1,4}[a-z]?(?:[/-]\d{1,3}[a-z]?)?\s(?:${VIET_TYPES})\s((?:\p{L}+|\d{1,3})(?:\s(?:\p{L}+|\d{1,3})){0,3})`, 'giu');

/** Whether a text may hold one of them (deidentify.ts opens the detector on it and a digit). */
export const OTHER_ORDER_MAY = new RegExp(`(?<![\\p{L}])(?:${GRID_TYPES}|${VIET_TYPES})(?![\\p{L}])`, 'iu');

/** Addresses in another country's order: a Colombian grid street, a Mexican named street and door, a Vietnamese street. */
export function otherOrders(text: string): Entity[] {
  const out: Entity[] = [];
  for (const re of [GRID, NAMED_DOOR]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  VIET.lastIndex = 0;
  const common = dictionaries().common;
  for (let m = VIET.exec(text); m; m = VIET.exec(text)) {
    // The street's name ends at a common English word of the clause ("12 duong le loi with her kids", "2 duong kids").
    const words = m[1]!.split(' ');
    let n = 0;
    while (n < words.length && !SAFE.has(words[n]!.toLowerCase()) && !common.has(words[n]!.toLowerCase())) n++;
    if (n === 0) continue;
    const end = m.index + m[0].length - m[1]!.length + words.slice(0, n).join(' ').length;
    out.push({ start: m.index, end, type: 'ADDRESS' });
  }
  return out;
}
