/**
 * Street addresses, written the North American way ("221 Dundas St E, London, ON N6A 1H3") or the
 * continental way ("Koskikatu 25", "Via Roma 131"), with units, city, region, country and postal code
 * when they follow on the same or the next lines.
 */
import type { Entity } from './types';
import { KEEP, MONTHS, NEAR_DAYS, oneOf, STREET_SUFFIX, STREET_TYPES, TITLES, WEEKDAYS } from './lexicon';
import { dictionaries } from './dictionaries';
import { mergeSpans } from './spans';
import { keepGroups } from './keepList';
import { cue, mayHold } from './cues';
import { MARK, factsOf, mayHoldUpper } from './words';

let sms: Set<string> | undefined;
const smsWords = (): Set<string> => (sms ??= keepGroups('sms', 'typos'));

const CAP = "\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?";
const CAPB = `${CAP}(?![\\p{L}\\p{N}])`;
const LOWER_STREET = [...STREET_TYPES].filter((w) => w === w.toLowerCase()).map((w) => w.replace('.', '\\.')).join('|');
const CONNECT = `(?:${'de|la|le|les|du|des|del|dei|degli|dello|della|delle|di|da|do|dos|das|der|den|van|von|al|el|of|the|on|upon|sur'})(?![\\p{L}])`;
const CONNECT_SET = new Set('de la le les du des del dei degli dello della delle di da do dos das der den van von al el of the on upon sur e y z u'.split(' '));
const LOOSE = "\\p{L}[\\p{L}\\p{M}'’-]*\\.?";
// A street type is a whole word: "hillcrest" holds no "hill", "us" no Hungarian "u".
const WORD = `(?:${CAP}|\\d{1,3}(?:st|nd|rd|th)|(?:${LOWER_STREET})(?![\\p{L}])\\.?|(?:${CONNECT}))`;
// "45-B Birchwood Court": a letter may follow a hyphen.
const HOUSE = '\\d{1,6}[A-Za-z]?(?:-\\d{1,5}|-[A-Za-z](?![\\p{L}]))?';

const CORE = new RegExp(`(?<![\\w.,-])(${HOUSE}(?: \\d{1,6}[A-Za-z]?)?) +(${WORD}(?: +${WORD}){0,6})(?: +(\\d{1,5}[A-Za-z]?\\b\\.?))?`, 'gu');
/** House number, words, number, in any case: "74678 midtvollen 130", "0605 πεντέλης 210". */
const SANDWICH = new RegExp(`(?<![\\w.,-])${HOUSE}(?: \\d{1,6})? +(${LOOSE}(?: +${LOOSE}){0,4}) +\\d{1,5}[A-Za-z]?\\b\\.?`, 'gu');
/** Lower-case street types that are also English words, after a capitalised name ("Merineitsi põik 87"). */
const SANDWICHED_LIST = 'tee|põik|maantee|puiestee|tänav|útja';
const CONTINENTAL = new RegExp(`(?<![\\p{L}\\d])(${CAP}(?: +${WORD}){0,3}) +(\\d{1,5}[A-Za-z]?)\\b`, 'gu');
const NAMED_TYPE = new RegExp(`(?<![\\p{L}\\d])(${CAP}) +(?:${SANDWICHED_LIST}) +\\d{1,5}[A-Za-z]?\\b`, 'gu');
const CUE = /\b(?:at|on|to|address(?: is)?:?|lives? at|located at|moved to|staying at|living at|corner of)\s*$/i;
/** US military mail: "Unit 1009 Box 0219 / DPO AP 51065", "PSC 5420, Box 2708 / APO AA 33879", "USNS Bergman / FPO AP 93757". */
const MILITARY = /\b(?:(?:Unit|PSC) \d{1,5},? Box \d{1,5}\s*\n?\s*[AFD]PO [A-Z]{2} \d{5}|(?:USNS|USNV|USS|USCGC) [\p{L}\p{M}'’-]+(?: [\p{L}\p{M}'’-]+)?,?\s*\n?\s*[AFD]PO [A-Z]{2} \d{5}|P\.?O\.? Box \d{1,6})/giu;
const UNIT_ALONE = /\b(?:Apt|Apartment|Suite|Ste|Unit)\.? ?#?\d{1,5}[A-Za-z]?\b/g;
const UNIT = /^,? *(?:(?:apt|apartment|app|appartement|suite|ste|unit|bldg|floor|fl|room|rm|bsmt)\.?|#) ?#?\d{1,5}[A-Za-z]?\b/i;
const PART = new RegExp(`^[A-Z]\\d[A-Z] ?\\d[A-Z]\\d\\b|^(?:${CAPB}|\\([^)\\n]{1,30}\\))(?:[ -](?:${CAPB}|\\([^)\\n]{1,30}\\)|${CONNECT}))*|^[A-Z]{2,3}\\b|^\\d{1,6}(?:[- ]\\d{2,4})?(?!\\d|[.-]\\d)\\b|^\\p{Ll}[\\p{L}\\p{M}]+(?= *(?:\\n|,|$|\\d))`, 'u');

/**
 * The last word a leading street type takes: the words after it, up to a sentence's end — a word ending in a period
 * before a word that opens sentences ("34 rue Champlain. He has", "3712 33 St NW. She said": the house number took the
 * street's own number, so "St" leads), or a day. "rue St. Denis" goes on.
 */
function beforeSentence(words: string[]): number {
  for (let i = 1; i < words.length; i++) {
    if (/\p{L}[.!?]$/u.test(words[i - 1]!) && OPENS_SENTENCE.test(words[i]!)) return i - 1;
    // A day ends it too, with the connector before it: "8815 96 Avenue on Monday".
    if (DAY_WORD.test(words[i]!)) {
      let last = i - 1;
      while (last > 0 && CONNECT_SET.has(words[last]!.toLowerCase())) last--;
      return last;
    }
  }
  return words.length - 1;
}
/** A day said after a street: no street's name (months are: "May St"). */
const DAY_WORD = new RegExp(`^(?:${oneOf([...WEEKDAYS, ...NEAR_DAYS])})$`, 'i');
const OPENS_SENTENCE = /^(?:we|he|she|it|its|they|you|my|his|her|our|their|your|the|this|that|there|then|and|but|so|an)$/i;

const TIME_WORD = new RegExp(`^(?:${oneOf([...WEEKDAYS, ...MONTHS, ...NEAR_DAYS])}|last|next|this|and|or|but|for|after|before|until|then|i|we|he|she|they)$`, 'i');

/**
 * USPS street suffixes that are also everyday words ("Harbor", "Mill", "Greens"): street types only when
 * capitalised and after another word of the street's name, so "2 green pills" stays prose.
 */
const SUFFIX_AFTER_NAME = new Set(
  ('green greens cove coves radial harbor harbour harbors flat flats club mill mills bypass summit rapids prairie dam ' +
    'ridge ridges meadow meadows view views vista village villages valley valleys spring springs shore shores isle ' +
    'island islands junction knoll knolls lake lakes landing field fields forge fork forks ford fall falls ferry glen ' +
    'haven hollow inlet key light lights lock locks mount mountain neck orchard oval overpass path pine pines plain ' +
    'plains ranch rest river shoal stream throughway trace track tunnel underpass viaduct ville well wells spur crest ' +
    'burg burgs camp canyon cape causeway center centers corner corners course courts cross curve divide estates ' +
    'expressway fort freeway garden grove groves harbor hills hollow lodge loaf manor manors motorway parks passage ' +
    'pines points port ports ramp ridge route shoals skyway squares station streets summit terrace trafficway ' +
    'turnpike unions wall way ways well').split(' '),
);

function isStreetWord(w: string, i = 1): boolean {
  if (i > 0 && /^\p{Lu}/u.test(w) && SUFFIX_AFTER_NAME.has(w.replace(/\.$/, '').toLowerCase())) return true;
  const bare = w.replace(/\.$/, '').toLowerCase();
  // Plurals ("Zezig Streets", "Kishiev Squares") are street types too.
  return STREET_TYPES.has(bare) || STREET_TYPES.has(bare.slice(0, -1)) || STREET_TYPES.has(bare.replace(/es$/, '')) || STREET_SUFFIX.test(w);
}

/**
 * Street types written in lower case after the name that are also English words ("Luite tee 87", Estonian
 * tee = road): street words only between a house number and a trailing number, never on their own.
 */
const SANDWICHED_TYPES = new Set(SANDWICHED_LIST.split('|'));

/** Words between a house number and a trailing number: names or unfamiliar words, not prose. */
function streetLike(w: string): boolean {
  const bare = w.replace(/\.$/, '');
  const lower = bare.toLowerCase();
  if (KEEP.has(lower)) return false;
  if (SANDWICHED_TYPES.has(lower)) return true;
  if (/^\p{Lu}/u.test(bare) || isStreetWord(bare) || CONNECT_SET.has(lower)) return true;
  const d = dictionaries();
  return !d.common.has(lower) && !d.english.has(lower);
}

/** A lone digit that ends a match and comes before a lower-case word is SMS "2"/"4" ("111 ave nw 2 see thuy"). */
function smsDigit(text: string, end: number, trailing: string): boolean {
  return /^\d$/.test(trailing) && /^ +\p{Ll}/u.test(text.slice(end, end + 3));
}

const LOWER_DIRECTION_START = 'nsewo';
const LOWER_DIRECTION = /^ (?:(?:nw|ne|sw|se|est|ouest|east|west|[nsewo])\.?(?=\s?[,.;:!?)]|\s*$|\s(?:apt|app|unit|suite|ste|bsmt|#)|\s[a-z]\d[a-z])|(?:[seo]|est|ouest)(?=\s(?:has|had|is|was|and|near|by|in|at|for|to|on|where)\b))/;
/** Words that start a contact field after an address (", call 416…", ", cell: …"). */
const CONTACT_FIELD = /^(?:call|text|txt|phone|ph|tel|cell|mobile|email|e-mail|fax)\b/i;

/**
 * Extends an address over units, city, region, country and postal code: where it ends, and (round 25) where a town typed
 * after a comma on the address's one line begins (`town`, the comma's position) with the postal code or ZIP that ends
 * the line (`code`), for addressSpans.
 */
function extend(text: string, end: number): { end: number; town?: number; code?: number; country?: boolean } {
  // US military mail ends with its ZIP code ("APO AA 61487"): what follows is another field (a phone).
  if (/\b[AFD]PO [A-Z]{2} \d{5}$/i.test(text.slice(Math.max(0, end - 16), end))) return { end };
  let pos = end;
  // Round 25: the address's lines so far are one (no line break crossed); where a town after a comma begins, the last
  // postal code's start, and whether a word after the town names no region (a country: the public set's one-line form).
  let oneLine = true;
  let town: number | undefined;
  let code: number | undefined;
  let country = false;
  let coded = false;
  let justTown = false;
  // After a number ("... Drive Suite 215 NUNGATTA") a bare space may lead to the city.
  let lastWasPart = /\d\.?$/.test(text.slice(Math.max(0, end - 2), end));
  let lastWasDigits = false;
  for (let guard = 0; guard < 8; guard++) {
    const rest = text.slice(pos, pos + 80);
    // In lower case only where a unit, a postal code, punctuation or a clause's word follows: "6650 rue sherbrooke e has".
    const direction = /^ (?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\b\.?/.exec(rest) ?? (LOWER_DIRECTION_START.includes(rest[1] ?? '') ? LOWER_DIRECTION.exec(rest) : null);
    if (direction && pos === end) {
      pos += direction[0].length;
      continue;
    }
    const unit = UNIT.exec(rest);
    if (unit) {
      pos += unit[0].length;
      lastWasPart = true;
      continue;
    }
    const sep = /^(?:[ \t]*[,\n][ \t\n,]*|[ \t]+)/.exec(rest);
    if (!sep) break;
    if (sep[0].includes('\n')) oneLine = false;
    // Continue over a bare space only after a unit or another address part.
    if (!/[,\n]/.test(sep[0]) && !lastWasPart) break;
    const after = rest.slice(sep[0].length);
    // A contact word opens another field, not a city: "123 Main St, call 416-555-0199".
    if (CONTACT_FIELD.test(after)) break;
    const part = PART.exec(after);
    if (!part) break;
    const words = part[0].split(/[ -]/);
    if (words.some((w) => TIME_WORD.test(w))) break;
    // An SMS word at the end of a note is no city ("send it 2 po box 551 pls").
    if (/^\p{Ll}/u.test(part[0]) && smsWords().has(part[0].toLowerCase())) break;
    // A postal code ends the address's lines: a number on the next line is a phone, not part of it.
    // A number of one to three digits is a region or département code ("Cite Sfaxi, 13"), not a postal
    // code: the postal code may still follow it.
    const digits = /^\d/.test(part[0]);
    if (lastWasDigits && (digits || sep[0].includes('\n'))) break;
    lastWasDigits = digits && !/^\d{1,3}$/.test(part[0]);
    // A number right after the "town" makes it a unit's or a building's name ("…, Bunkhouse 2", "…, Bay 2"): no town.
    if (town !== undefined && justTown && !sep[0].includes(',') && /^\d{1,4}[a-z]?$/i.test(part[0])) town = undefined;
    justTown = false;
    if (town === undefined && oneLine && sep[0].includes(',') && TOWN_PART.test(part[0]) && !/^[A-Z]{2,3}$/.test(part[0]) && !POSTAL_PART.test(part[0]) && !UNIT_WORD.test(part[0]) && !STREET_LAST.test(part[0])) {
      town = pos;
      justTown = true;
    }
    else if (town !== undefined) {
      if (POSTAL_PART.test(part[0])) code ??= pos + sep[0].length;
      else if (!region(part[0]) && !digits) country = true;
      if (/^[A-Z]{2}$/.test(part[0])) coded = true;
    }
    pos += sep[0].length + part[0].length;
    lastWasPart = true;
  }
  // A town with its state's or province's code and its postal code in capitals is the full postal form the public set
  // and psw-dev hold in the address ("…, Vancouver, BC V6Z 1L8"): taken whole, as before.
  if (coded && code !== undefined) town = undefined;
  // A town ends its line, its sentence or its clause, or comes before its postal code; a title opens a person ("…, Mrs.
  // Kwon", "…, Pastor Bamba said"): the words run on as before.
  if (town !== undefined && ((code === undefined && !/^\s*(?:[.,;:!?)\]\n]|$)/.test(text.slice(pos, pos + 3))) || TITLE_FIRST.test(text.slice(town, town + 12)))) town = undefined;
  return { end: pos, town, code, country };
}
/** A title after the comma: a person, not a town. */
const TITLE_FIRST = new RegExp(`^[,\\s]+(?:${[...TITLES, 'pastor', 'father', 'fr', 'rev', 'elder', 'auntie', 'aunt', 'uncle'].join('|')})\\b`, 'i');

/** A town's words after a comma: capitalised words or one lower-case word, no code or number ("Fresno", "shediac"). */
const TOWN_PART = /^(?:\p{Lu}[\p{L}\p{M}'’-]|\p{Ll}{2})/u;
/** A unit's or a box's word opening a part after a comma: the address goes on ("…, Unit B", "…, Box 641"). */
const UNIT_WORD = /^(?:unit|apt|apartment|suite|ste|box|p\.?o\.?|rr|r\.r\.|site|comp|lot|bsmt|basement|floor|fl|room|rm|bldg|building|trailer|pad|gd|general|station|stn|route|rte|hc|tower|rear|back|front|upper|lower)\b/i;
/** A street's name after a comma, its type last ("…, Lac Ste-Thérèse Road"): no town (not "Jackson Heights", "Sherwood Park"). */
const STREET_LAST = /[ -](?:road|rd|street|st|avenue|ave|av|drive|dr|boulevard|blvd|lane|ln|way|crescent|cres|court|ct|place|pl|trail|trl|highway|hwy|terrace|circle|cir|parkway|pkwy|close)\.?$/i;
/** A Canadian postal code or a ZIP ending an address's line. */
const POSTAL_PART = /^(?:[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{5}(?:-\d{4})?)$/;
let regionWords: Set<string> | undefined;
/** A state's or province's code or name after a town ("CA", "MB", "Texas", "Nova Scotia"): no country. */
function region(part: string): boolean {
  if (/^[A-Z]{2}$/.test(part)) return true;
  regionWords ??= keepGroups('places', 'world-places', 'states-and-regions');
  return regionWords.has(part.toLowerCase());
}

/**
 * Round 25: the town typed after a comma right after an address that ends at `end`, with its state or province, as
 * [start, end) — up to the postal code or ZIP that ends the line, or the line's last part — where addressSpans leaves it
 * ("[ADDRESS], Steinbach [R5G 1A4]", "[ADDRESS], Columbus, OH"); undefined where no town follows, the line ends on a
 * country or the full postal form holds it. wordsInPlace gives
 * back a name found inside it ("Fresno" is no person there).
 */
export function townAfter(text: string, end: number): [number, number] | undefined {
  const x = extend(text, end);
  return x.town === end && !x.country ? [end, x.code ?? x.end] : undefined;
}

/**
 * An address found from `start`, its street ending at `end`, with what follows it (extend). Round 25: a town typed after
 * a comma on the address's one line stays, with its state or province (LABELLING.md: towns stay); a postal code or ZIP
 * ending that line is hidden alone ("…, Steinbach [R5G 1A4]", "…, Sacramento, [95821]"). Taken whole, as before: the
 * public set's one-line form ending on a country ("…, Arnsdorf, Germany"), its lines broken by line breaks, and the full
 * postal form with a state's code and a postal code ("…, Vancouver, BC V6Z 1L8": the public set and psw-dev label it so).
 */
function addressSpans(text: string, start: number, end: number): Entity[] {
  const x = extend(text, end);
  if (x.town === undefined || x.country) return [{ start, end: x.end, type: 'ADDRESS' }];
  const out: Entity[] = [{ start, end: x.town, type: 'ADDRESS' }];
  if (x.code !== undefined) out.push({ start: x.code, end: x.end, type: 'POSTAL_CODE' });
  return out;
}

export function addresses(text: string): Entity[] {
  const out: Entity[] = [];
  CORE.lastIndex = 0;
  // CORE and SANDWICH open with a house number and a space (words.ts numberSpace); SANDWICH ends with a second number.
  const house = factsOf(text).numberSpace;
  for (let m = house ? CORE.exec(text) : null; m; m = CORE.exec(text)) {
    const words = m[2]!.split(/ +/);
    let keep = -1;
    words.forEach((w, i) => {
      if (isStreetWord(w, i) && i > 0) keep = i;
      else if (isStreetWord(w, i) && i === 0 && words.length === 1) keep = 0;
      else if (isStreetWord(w, i) && i === 0 && keep < 0) keep = 0;
    });
    let end: number;
    if (m[3] && smsDigit(text, m.index + m[0].length, m[3])) m[3] = undefined as unknown as string;
    if (m[3]) {
      // Words sandwiched between a house number and a trailing number: continental style. Connectors alone are
      // prose between two numbers ("the 7-11 on 118 ave").
      if (!words.every(streetLike) || words.every((w) => CONNECT_SET.has(w.toLowerCase()))) continue;
      end = m.index + m[0].length;
    } else {
      if (keep < 0) continue;
      // A leading street type ("Rue De La Gare", "Via Roma") names the street with the words after it.
      const led = keep === 0 && words.length > 1;
      if (led) keep = beforeSentence(words);
      let kept = words.slice(0, keep + 1).join(' ');
      // The sentence's period is no part of the street.
      if (led && keep < words.length - 1) kept = kept.replace(/[.!?]$/, '');
      end = m.index + m[0].indexOf(m[2]!) + kept.length;
      if (keep === 0 && !/^\p{Lu}/u.test(words[0]!) && words[0]!.length < 3) continue;
      // A lower-case street type alone after a number, when it is also an everyday word, is prose ("box 9 way out
      // there", "2 court dates"); "129 street" stays an address.
      if (keep === 0 && words.length === 1 && !/^\p{Lu}/u.test(words[0]!) && !/^(?:st|street|str|ave|avenue|av|rd|road|blvd|boulevard|hwy|highway|cres|crescent|pkwy|parkway)\.?$/i.test(words[0]!)) continue;
    }
    out.push(...addressSpans(text, m.index, end));
  }
  SANDWICH.lastIndex = 0;
  for (let m = house && factsOf(text).numbers >= 2 ? SANDWICH.exec(text) : null; m; m = SANDWICH.exec(text)) {
    const words = m[1]!.split(/ +/);
    // One digit on each side is SMS "2"/"4" around words ("a ride 2 uah 4 her scan").
    if ((/^\d\s/.test(m[0]) && /\s\d$/.test(m[0])) || smsDigit(text, m.index + m[0].length, m[0].slice(m[0].lastIndexOf(' ') + 1))) continue;
    // A sandwiched street type follows the street's name ("Luite tee 87"), so "2 tee 3 times" stays; connectors
    // alone are prose between two numbers ("the 7-11 on 118 ave").
    if (!words.every(streetLike) || SANDWICHED_TYPES.has(words[0]!.toLowerCase()) || words.every((w) => CONNECT_SET.has(w.toLowerCase()))) continue;
    out.push(...addressSpans(text, m.index, m.index + m[0].length));
  }
  CONTINENTAL.lastIndex = 0;
  // CONTINENTAL and NAMED_TYPE open with a capitalised word (CAP): a text without a capital is not scanned.
  const upper = mayHoldUpper(text);
  for (let m = upper ? CONTINENTAL.exec(text) : null; m; m = CONTINENTAL.exec(text)) {
    const words = m[1]!.split(/ +/);
    if (words.some((w) => KEEP.has(w.toLowerCase().replace(/\.$/, '')))) continue;
    const street = words.some((w, i) => isStreetWord(w, i));
    const cue = CUE.test(text.slice(Math.max(0, m.index - 25), m.index));
    if (!street && !cue) continue;
    if (!street && words.length === 1 && /^(?:Room|Rm|Level|Floor|Stage|Step|Unit|Bed|Ward|Chapter|Page|Day|Week|Grade|Bus|Route)$/i.test(words[0]!)) continue;
    out.push(...addressSpans(text, m.index, m.index + m[0].length));
  }
  // A sandwiched type after a capitalised name that is no common word: "Take the tee 3 times" stays.
  // Its regex is run only when one of those words is in the text at all.
  if (upper && SANDWICHED_WORDS.some((w) => text.includes(w))) {
    NAMED_TYPE.lastIndex = 0;
    for (let m = NAMED_TYPE.exec(text); m; m = NAMED_TYPE.exec(text)) {
      if (!dictionaries().common.has(m[1]!.toLowerCase()) && !KEEP.has(m[1]!.toLowerCase())) out.push(...addressSpans(text, m.index, m.index + m[0].length));
    }
  }
  for (const [re, gate, words] of ALONE) {
    if (!mayHold(text, words) || !gate.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(...addressSpans(text, m.index, m.index + m[0].length));
  }
  // A street type that leads ("rue de pologne", "ul. Miła 53", "C/ Señores Curas 88"), with a house number
  // before it or a number after it; the words between are kept while they are no common English word.
  LEAD.lastIndex = 0;
  for (let m = (mayHold(text, LEAD_CUE) || ((factsOf(text).marks & (MARK.dot | MARK.slash)) !== 0 && DOTTED_LEAD.test(text))) && LEAD_WORD.test(text) ? LEAD.exec(text) : null; m; m = LEAD.exec(text)) {
    const words = m[3]!.split(/ +/);
    let n = 0;
    while (n < words.length && (streetLike(words[n]!) || CONNECT_SET.has(words[n]!.toLowerCase()))) n++;
    while (n > 0 && CONNECT_SET.has(words[n - 1]!.toLowerCase())) n--;
    if (n === 0) continue;
    const cut = beforeSentence(words.slice(0, n)) + 1;
    // The sentence's period is no part of the street: "34 rue Champlain. He has".
    const dot = cut < n && /[.!?]$/.test(words[cut - 1]!) ? 1 : 0;
    n = cut;
    const all = n === words.length;
    const trailing = all && m[4] ? m[4] : '';
    if (!m[1] && !trailing) continue;
    const start = m.index;
    const end = m.index + m[0].indexOf(m[3]!, (m[1]?.length ?? 0) + m[2]!.length) + words.slice(0, n).join(' ').length - dot + trailing.length;
    out.push(...addressSpans(text, start, end));
  }
  // "the corner of X Street and Y Avenue", "the corner of Dalbraut 99 and Frederikke Coves"
  CORNER.lastIndex = 0;
  for (let m = mayHold(text, CORNER_CUE) && CORNER_OF.test(text) ? CORNER.exec(text) : null; m; m = CORNER.exec(text)) {
    const words = m[0].split(/\s+/);
    let and = words.length - 1;
    while (and >= 0 && !/^(?:and|&|et|y)$/i.test(words[and]!)) and--;
    // Under the i flag a side takes any word: a day ends it too ("… and Elm today", "… yesterday she fell").
    const cut = words.findIndex((w, i) => i > and + 1 && (CORNER_PROSE.has(w.toLowerCase()) || DAY_WORD.test(w)));
    let kept = cut > 0 ? words.slice(0, cut) : words;
    // A sentence ends the second street: "... and Papineau. Dog looks" (not "... and Main St. later").
    const stop = kept.findIndex((w, i) => i > and && /\p{L}\.$/u.test(w) && !isStreetWord(w, i));
    if (stop > and) kept = kept.slice(0, stop + 1);
    const end = m.index + kept.join(' ').replace(/(?<!\b\p{L})\.$/u, '').length;
    if (kept.some((w, i) => isStreetWord(w, i)) || /\d/.test(kept.join(' ')) || namedSides(kept, and)) out.push({ start: m.index, end, type: 'ADDRESS' });
  }
  return widen(text, mergeSpans(out));
}

const LEAD_TYPES = 'rue|rua|rúa|r\\.|via|viale|calle|c\\/|avenida|avda\\.?|chemin|strada|trg|ul\\.|u\\.|al\\.|aleja|piazza|corso|travessa|carrera|paseo|camino|leoforos|odos';
const LEAD = new RegExp(`(?<![\\p{L}\\d.,-])(${HOUSE} +)?((?:${LEAD_TYPES}) +)(${LOOSE}(?: +${LOOSE}){0,5})( +\\d{1,5}[A-Za-z]?\\b\\.?)?(?![\\p{L}\\d])`, 'giu');
const SIDE = `(?:\\d{1,6}[A-Za-z]?\\.?|${CAP}|(?:${LOWER_STREET})\\.?|${CONNECT})`;
const CORNER = new RegExp(`\\b(?:the )?corner of ${SIDE}(?: ${SIDE}){0,5} (?:and|&|et|y) ${SIDE}(?: ${SIDE}){0,4}(?![\\p{L}\\p{N}])`, 'giu');

/**
 * What every match of a costly address regex holds somewhere, tested first (same flags, so the same letters match): a
 * leading street type and a space (LEAD), "corner of" (CORNER), "box" or a military post office (MILITARY), a unit word
 * (UNIT_ALONE). Most texts hold none, and the test is a fraction of the regex's cost.
 */
const LEAD_WORD = new RegExp(`(?:${LEAD_TYPES}) `, 'iu');
const CORNER_OF = /corner of/iu;
/** The words those tests need (cues.ts), tried first: a text without them skips the test too. Keep them in step. */
const LEAD_CUE = cue('rue rua via calle avenida avda chemin strada trg aleja piazza corso travessa carrera paseo camino leoforos odos');
/** The leading types a word cue cannot hold: "r. ", "ul. ", "u. ", "al. ", "c/ " (a text without "." or "/" holds none). */
const DOTTED_LEAD = /[rlu]\. |c\/ /i;
export const CORNER_CUE = cue('corner');
const ALONE: Array<[RegExp, RegExp, number]> = [[MILITARY, /box|[afd]po /iu, cue('box apo fpo dpo')], [UNIT_ALONE, /Apt|Apartment|Suite|Ste|Unit/, cue('apt suite ste unit')]];
/** The sandwiched street types, as a list to look for. */
const SANDWICHED_WORDS = [...SANDWICHED_TYPES];
/**
 * Two streets named without a type or number: "the corner of Ste-Catherine and Papineau", "corner of mont-royal et de
 * lorimier". Each side holds a word that is no prose: capitalised and no function word, or no common English word at
 * all ("the corner of his bed and the wall" stays).
 */
function namedSides(words: string[], and: number): boolean {
  const from = words.indexOf('of') + 1;
  const named = (side: string[]): boolean =>
    side.length > 0 && side.some((w) => {
      const lower = w.toLowerCase();
      if (CONNECT_SET.has(lower) || KEEP.has(lower) || CORNER_PROSE.has(lower) || DETERMINER.test(lower) || smsWords().has(lower)) return false;
      return /^\p{Lu}/u.test(w) || (!dictionaries().common.has(lower) && !dictionaries().english.has(lower));
    });
  return and > from && named(words.slice(from, and)) && named(words.slice(and + 1));
}
const DETERMINER = /^(?:a|an|his|her|my|their|our|your|this|that|its|i|you|we|they|he|she|it)$/;
/** Under the i flag a side takes any word: the second street ends before prose ("... and 104 st at noon"). */
const CORNER_PROSE = new Set('at in on by for to from with when where while before after til until around about near so but then was is'.split(' '));


// Two digits or more: a lone digit before an address is SMS "2"/"4" ("mail 2 po box 1184").
const LEADING_NUMBER = /(?<![\w.,-])\d{2,6} $/;
/** A unit before the house number: "#302 10150 117 Street", "210, 9930 106 Street NW" (Edmonton's way). */
const LEADING_UNIT = /(?<![\w.,#-])(?:#\s?\d{1,5}[A-Za-z]?,?\s|#|\d{1,5}[A-Za-z]?,\s|(?:(?:unit|apt|apartment|suite|ste|bsmt)\.?\s?#?)?\d{1,5}[A-Za-z]?\s-\s)$/i;
const INTERSECTION = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'’-]+ and $/u;

/**
 * Widens an address backwards: over a second leading number ("74678 midtvollen 130", "0912 P.O. Box 287")
 * and over the first street of an intersection written without "corner of" ("Maarit and Hersnapvej 75").
 */
function widen(text: string, spans: Entity[]): Entity[] {
  for (const e of spans) {
    const before = text.slice(Math.max(0, e.start - 40), e.start);
    const n = LEADING_NUMBER.exec(before);
    if (n) e.start -= n[0].length;
    const u = /^\d{3}/.test(text.slice(e.start, e.start + 3)) ? LEADING_UNIT.exec(text.slice(Math.max(0, e.start - 12), e.start)) : null;
    if (u) e.start -= u[0].length;
    const x = INTERSECTION.exec(text.slice(Math.max(0, e.start - 40), e.start));
    if (x && !KEEP.has(x[0].split(' ')[0]!.toLowerCase())) e.start -= x[0].length;
  }
  return mergeSpans(spans);
}
