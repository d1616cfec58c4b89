/**
 * Street addresses typed loosely (round 24), in shapes the other address detectors leave whole:
 * - a street named by one letter after its house number ("1640 k st", "904 s g st"), or after a direction spelled out
 *   ("south k street"): a letter alone is no street's name anywhere else ("a c section" has no number or type);
 * - a numbered building, a housing authority's house, a lot after a place word ("lives in building 2210", "HUD house
 *   12", "nha #27", "is at lot 31"); a parking lot's number stays;
 * - a state or federal route after a house number ("4410 KY-15"), a mile marker and its road ("mile marker 9, US-23"),
 *   and a route crossing a street with a type ("I-40 and Old Mill Rd");
 * - a numbered street with its direction before it, after a place word ("staying on e 45th");
 * - round 26: a building named by its numbered street ("the 43 st building").
 */
import type { Entity } from './types';
import { SAFE } from './messy';
import { dictionaries } from './dictionaries';

const DIR = '(?:[nsew]\\.?|north|south|east|west)';
const LETTER_TYPES = 'st|street|ave|avenue|rd|road|pl|place|ct|court|dr|drive|way|ln|lane';
/** "1640 k st", "2215 c st", "904 s g st", "12 n. j street": two digits or more ("grade 5 e st" stays). */
const LETTER_STREET = new RegExp(String.raw`(?<![\p{L}\p{N}.,/$#:-])\d{2,6}[a-z]?\s(?:${DIR}\s)?[a-z]\.?\s(?:${LETTER_TYPES})\.?(?![\p{L}\p{N}'’-])`, 'giu');
/** "south k street", "on west g st": the direction spelled out (a bare "n" is SMS's "and"). */
const DIRECTED_LETTER_STREET = /(?<![\p{L}\p{N}])(?:north|south|east|west)\s[a-z]\s(?:st|street|ave|avenue)\.?(?![\p{L}\p{N}'’-])/giu;
/** A numbered building: three digits or more ("building 2210", "bldg 2741"); "building 2" is a wing. */
const BUILDING = /(?<![\p{L}\p{N}])(?:building|bldg)\.?\s?#?\s?\d{3,5}[a-z]?(?![\p{L}\p{N}'’-])(?!\s?(?:sq|square|ft|feet|dollars|bucks|people|units|homes|houses))/giu;
/** A housing authority's or band's numbered house ("HUD house 12", "nha #27", "band house 7"). */
const AUTHORITY_HOUSE = /(?<![\p{L}\p{N}])(?:hud|nha|band|tribal|chr)\s(?:(?:house|home|hse|unit)\s?#?\s?|#\s?)\d{1,4}[a-z]?(?![\p{L}\p{N}'’-])/giu;
/** A lot's number after a place word ("is at lot 31", "moved to lot 9"); "parking lot 3", "parked in lot 3", "a lot 2" stay. */
const LOT = /(?<=(?:^|[^\p{L}])(?:at|on|in|to|into|from|frm|not|@)\s)(?<!park(?:ed|ing|s)?\s(?:at|on|in|to|into|from|frm|not|@)\s)lot\s?#?\s?\d{1,4}[a-z]?(?![\p{L}\p{N}'’-])(?!\s?(?:%|percent|times|people|kids|bucks|dollars))/giu;
/** US state codes and route prefixes before "-" and a route's number ("KY-15", "US-23", "I-40", "SR-7"). */
const ROUTE = String.raw`(?:us|i|sr|sh|cr|fm|al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy)-\d{1,4}[a-z]?`;
/** A house number on a route ("4410 KY-15"); not a year ("his 2012 ca-15"). */
const HOUSE_ON_ROUTE = new RegExp(String.raw`(?<![\p{L}\p{N}.,/$#:-])(?!(?:19|20)\d\d\s)\d{1,6}\s(?:${DIR}\s)?${ROUTE}(?![\p{L}\p{N}'’-])`, 'giu');
const ROAD_TYPES = 'hwy|highway|rd|road|route|rte|trail|trl|pkwy|parkway|fwy|freeway|expressway|pike|turnpike';
/** A mile marker, then its road: a route or a named road with its type ("mile marker 9, US-23", "mm 6 on Honoapiilani Hwy"). */
const MILE_MARKER = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:mile\s?marker|mile\s?post|milepost)\s?#?\d{1,4}(?:\.\d)?(?:,?\s(?:on\s|of\s)?(?:the\s)?(?:${ROUTE}|(?:(?:\p{L}[\p{L}'’-]*|\d{1,3})\s){1,3}(?:${ROAD_TYPES})\.?(?:\s\d{1,4})?))?(?![\p{L}\p{N}'’-])`, 'giu');
/** A route crossing a street with its type ("I-40 and Old Mill Rd", "us-23 & main st"). */
const ROUTE_CROSSING = new RegExp(String.raw`(?<![\p{L}\p{N}-])${ROUTE}\s(?:and|&|n|@)\s(?:\p{L}[\p{L}'’-]*\s){1,3}(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|hwy|highway|blvd|pkwy)\.?(?![\p{L}\p{N}'’-])`, 'giu');
/**
 * A numbered street with its direction before it, after a place word ("on e 45th", "at east 34th"): the development
 * writers mark every one, after a shop too ("the dentist on e 24th st"). Not a floor or a day ("on e 3rd floor").
 */
const DIRECTED_ORDINAL = /(?<=(?:^|[^\p{L}])(?:on|at|to|off|near|from|frm|@)\s)(?:e|w|s|n|east|west|north|south)\.?\s\d{1,3}(?:st|nd|rd|th)(?:\s(?:st|street|ave|avenue|rd|road|pl|place|dr|drive|blvd))?(?![\p{L}\p{N}'’-])(?!\s(?:floor|fl|flr|grade|period|time|birthday|of)(?![\p{L}]))/giu;
/**
 * Round 26: a building named by its numbered street, after "the" ("staying in the 43 st building", "the 79th ave
 * apartments"): a home with no house number.
 */
const STREET_BUILDING = /(?<=(?:^|[^\p{L}])the\s)\d{1,3}(?:st|nd|rd|th)?\s(?:st|street|ave|avenue|rd|road)\.?(?=\s(?:building|bldg|apartments|apts|tower|towers|highrise|high-rise|walkup|walk-up)(?![\p{L}]))/giu;
/** What the detector needs: deidentify.ts's DETECTORS open it only on a text this finds (its gate, tested once there). */
export const LOOSE_MAY = new RegExp(
  String.raw`\s[a-z]\.?\s(?:${LETTER_TYPES})\b|b(?:ui)?ld(?:in)?g|\b(?:hud|nha|band|tribal|chr)\s|\blot\s?#?\s?\d|[a-z]-\d|mile\s?(?:marker|post)|milepost|\s(?:e|w|s|n|east|west|north|south)\.?\s\d{1,3}(?:st|nd|rd|th)|\d(?:st|nd|rd|th)?\s(?:st|street|ave|avenue|rd|road)\.?\s(?:apart|apts|b(?:ui)?ld|tower|high|walk)`,
  'i',
);

export function looseAddresses(text: string): Entity[] {
  const out: Entity[] = [];
  const common = dictionaries().common;
  for (const re of [LETTER_STREET, DIRECTED_LETTER_STREET, BUILDING, AUTHORITY_HOUSE, LOT, HOUSE_ON_ROUTE, MILE_MARKER, ROUTE_CROSSING, DIRECTED_ORDINAL, STREET_BUILDING]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      // A building's number before a street's name is the house number ("same building 300 frederick"): streetEdges.ts's.
      const next = re === BUILDING ? /^\s(\p{L}[\p{L}'’-]*)/u.exec(text.slice(end, end + 30))?.[1]?.toLowerCase() : undefined;
      if (next !== undefined && !SAFE.has(next) && !common.has(next)) continue;
      out.push({ start: m.index, end, type: 'ADDRESS' });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
