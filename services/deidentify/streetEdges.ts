/**
 * Where a street address found stops early (round 14): the writers mark the whole run — a unit before the house number
 * ("[[unit 9 mackenzie place]]", "[[#412 - 355 e cordova st]]", "[[km 16 fish lake rd]]"), a unit after the street
 * ("[[1410 s thompson st lot 22]]", "[[3912 n nagle, unit rear]]"), a quadrant ("[[1187 wyandotte e]]"), and the second
 * street of a crossing ("on [[rogers n church]]") — and an address hidden short of its run reads as missed, the rest left
 * in the text. Each ADDRESS found takes the words right beside it that say so.
 */
import { type Entity, entity } from './types';
import { dictionaries, spoken } from './dictionaries';
import { isTownName } from './towns';
import { QUADRANT_END, QUADRANTS, STREET, STREET_WORDS, streetNameWord } from './messyPatterns';
import { misspeltStreetType } from './streetTypos';
import { SAFE } from './messy';

/**
 * A unit, lot, post or rural box right before a house number or a street: "unit 1408, ", "#412 - ", "apt 3 ", "flat 2, ",
 * "bldg 3, ", a lettered unit "apt b ", and with no number of its own "bottom suite ", "basement ", "unit ", "lot ", "km ",
 * "hc " (then the street must open on its number: "unit 9 mackenzie place"). "new apt 87 aberdeen ave" is a flat, not a
 * unit's label: "apt" alone takes nothing, nor does "building" ("same building 300 frederick") but after a place word
 * (HOUSE_LABEL_BEFORE, round 26).
 */
const UNIT_BEFORE = /(?:^|[^\p{L}\p{N}#])((?:(?:bottom|top|upper|lower|basement|bsmt|back|front|rear|garden)\s(?:unit|apt|apartment|suite|ste|flat)|unit|apt|apartment|suite|ste|app|flat|lot|trailer|pad|hc|km|mile|bldg|building|basement|bsmt|r\.\s?r|rr|rural\sroute|#)\.?(?:\s?#?\s?(\d{1,5}[a-z]?)|\s#?([a-z]))?(?:\s*[,-]\s*|\s))$/iu;
/** Words before a house number that are a unit's label with no number of their own ("unit 9 mackenzie place", "km 16 fish lake rd", "basement 14 caledonia"). */
const LABEL_ALONE = /^(?:(?:bottom|top|upper|lower|basement|bsmt|back|front|rear|garden)\s|basement|bsmt|unit|lot|trailer|pad|hc|km|mile|r\.\s?r|rr|rural\sroute)/i;
/**
 * "house" right before a house number's address, where no one owns it (round 21): "moved to house 62 heron point" — not
 * "her house 12 elm st", "the house", "moms house". Round 26: "building" and "bldg" the same way ("moved to building
 * 1438 apex rd"; "same building 300 frederick" stays outside).
 */
/** Richmond's "no" before a numbered road another reader found as "2 road" (round 21): "8100 no. [2 road]". */
const NUMBER_ROAD_BEFORE = /(?:^|[^\p{L}\p{N}])((?:\d{2,6}\s)?no\.?\s?)$/iu;
const NUMBER_ROAD_OPENS = /^\d{1,2}\s(?:rd|road)(?![\p{L}])/iu;
const HOUSE_LABEL_BEFORE = /(?:^|[,;:(]\s?|(?:^|[^\p{L}])(?:at|to|in|into|from|on|is|moved|lives|living|staying)\s)((?:house|hse|building|bldg)\s)$/iu;
/**
 * A unit right after a street ("apt 3", " lot 22", "#1104", ", unit b", ", unit rear", ", flat 2"). Not a floor or a kind of
 * flat ("7000 minoru, 12th floor", "14 caledonia, basement unit"): the writers leave those outside, four to one.
 */
const UNIT_AFTER = [
  /^,?\s(?:apt|apartment|unit|suite|ste|app|flat|lot|trailer|pad|rm|room|#)\.?(?:\s?#?\s?\d{1,5}[a-z]?|\s#?[a-z])(?![\p{L}\p{N}'’-])/iu,
  // Round 26: a mobile home park's space after its street ("Spreckels Blvd space 14", "…, spc 3").
  /^,?\s(?:space|spc)\s?#?\s?\d{1,4}[a-z]?(?![\p{L}\p{N}'’-])/iu,
  /^,?\s#\d{1,5}[a-z]?(?![\p{L}\p{N}'’-])/iu,
  /^,?\s(?:unit|apt|suite)\s(?:rear|back|front|upper|lower|basement|bsmt|main)(?![\p{L}\p{N}'’-])/iu,
  // Round 24: a unit lettered first ("#C7", "# b-12"), and a unit's number and letter alone after a comma at the
  // clause's end (", 4B", ", 12c."); not a time ("10a", "2p").
  /^,?\s#\s?[a-z]-?\d{1,4}(?![\p{L}\p{N}'’-])/iu,
  /^,\s(?:\d{1,4}(?:[b-oq-z]|[ap](?<!(?:^|\D)(?:[1-9]|1[0-2])[ap]))|[a-z]\d{1,4})(?=\s*(?:[,.;:!?)]|$))/iu,
  // Round 24: a floor typed short right after the street, with no comma ("[ADDRESS] 3rd fl", " 2fl", " fl 2"). Not a floor
  // spelt out or after a comma (", 2nd floor", ", basement suite"): the writers we can read leave those outside (round 21).
  /^\s(?:\d{1,2}(?:st|nd|rd|th)?\s?(?:flr|fl)|(?:flr|fl)\.?\s?\d{1,2})(?![\p{L}\p{N}'’-])/iu,
];
/**
 * A lettered avenue's letter (round 21): "903 avenue c", "18th st and avenue j". A letter SMS types for a word ("ave n" is
 * also north; "u", "r", "i", "k", "c" …) only at a clause's end or before a direction, a crossing or a unit.
 */
const AVENUE_END = /(?:^|\s)(?:avenue|ave|av)\.?$/i;
const LETTER_AFTER = /^\s([a-z])(?![\p{L}\p{N}'’-])/iu;
const SMS_LETTER = /^[iurnwykcb]$/i;
const LETTER_THEN = /^(?:\s*(?:[,.;:!?)]|$)|\s(?:north|south|east|west|and|&|n|\+|apt|unit|suite|#)(?![\p{L}]))/iu;
/**
 * A direction spelled out after a street's type or a lettered avenue (round 21): "903 avenue c south", "avenue m north",
 * "44 king st west". Not the side or end of something ("king st west of the mall", "the east side", "south end").
 */
const STREET_END = new RegExp(`(?:^|\\s)(?:${STREET})\\.?$|(?:^|\\s)(?:avenue|ave|av)\\.?\\s[a-z]$`, 'iu');
const DIRECTION_WORD_AFTER = /^\s(?:north|south|east|west)(?![\p{L}\p{N}'’-])(?!\s(?:of|side|sides|end|ends|bound|entrance|exit|door|doors|wing|tower|building|lot|coast|parking|facing|shore)(?![\p{L}]))/iu;
/** A quadrant after a numbered street's name ("1187 wyandotte e"); "n" and "w" are SMS's "and" and "with". */
const QUADRANT_AFTER = new RegExp(String.raw`^\s(?:${QUADRANTS}|e|s)${QUADRANT_END}`, 'iu');
/** One side of a crossing: a direction, a word or an ordinal, a street type, a quadrant ("e 38th", "ptarmigan", "church st"). */
const SIDE = new RegExp(
  `^\\s(?:(?:n|s|e|w|north|south|east|west)\\s)?(\\d{1,3}(?:st|nd|rd|th)|\\p{L}[\\p{L}'’-]+)(?:\\s(?:${STREET})\\b\\.?)?(?:\\s(?:${QUADRANTS}|[nsew])${QUADRANT_END})?(?![\\p{L}\\p{N}'’-])`,
  'iu',
);
/** The word after an address that may be its street type misspelt (round 22): "on [tamarack] stret", "[1210 tamarack] aveune". */
const WORD_AFTER = /^\s(\p{L}{4,11})(?![\p{L}\p{N}'’-])/u;

/** A misspelt street type right after an address that ends on no street type, or null (streetTypos.ts). */
function typedTypeAfter(rest: string, value: string): RegExpExecArray | null {
  if (STREET_END.test(value)) return null;
  const m = WORD_AFTER.exec(rest);
  return m && misspeltStreetType(m[1]!) ? m : null;
}

/**
 * Round 24: a street with its type after a comma, where the address found is a house, lot, unit or building with a number
 * and no street ("house 311, river road", "lot 12, pine ridge rd"); the first word is no function word ("lot 4, the road
 * was icy" stays).
 */
const LABELLED_NUMBER = /^(?:house|hse|lot|unit|apt|suite|bldg|building|trailer|site|#)\.?\s?#?\s?\d{1,5}[a-z]?$/iu;
const STREET_AFTER_COMMA = /^,\s((?:\p{L}[\p{L}'’-]*\s){1,3})(?:st|street|ave|avenue|rd|road|dr|drive|blvd|boulevard|cres|crescent|way|lane|ln|ct|court|pl|place|terr|terrace|trail|trl|hwy|highway|close|cir|circle)\.?(?![\p{L}\p{N}'’-])/iu;
/** Round 24: a French street led by its type, a house number and a comma before it ("88, rue sainte-anne"). */
const FRENCH_LED = /^(?:rue|ch|chemin|boul|boulevard|av|avenue|rang|montée|montee|route|côte|cote)(?![\p{L}])/iu;
const NUMBER_COMMA_BEFORE = /(?:^|[^\p{L}\p{N},.$/-])(\d{1,5}[a-z]?,\s?)$/iu;
/** A French direction after a street led by its type ("rue sainte-anne nord", "rue de l'église est."): "est", "o", "e" only at a clause's end. */
const FRENCH_DIRECTION_AFTER = /^\s(?:nord|sud|ouest(?![\p{L}\p{N}'’-])|(?:est|o|e|n|s)(?=\s*(?:[,.;:!?)]|$)))(?![\p{L}\p{N}'’-])/iu;

/** Round 24: a county, state or range road's number after it ("on county rd 14", "off range road 212"). */
const NUMBERED_ROAD_END = /(?:^|\s)(?:county|cty|state|township|twp|range|rge|forest|service)\s(?:rd|road|hwy|highway|route|rte)\.?$/i;
const ROAD_NUMBER_AFTER = /^\s#?\d{1,4}[a-z]?(?![\p{L}\p{N}'’.,:/-])/iu;

/** What joins two crossing streets ("n", "and", "&", "@"). */
const CROSS_JOIN = /^\s(?:n|and|&|@)(?=\s)/i;

/** Whether a word names the second street of a crossing: an ordinal, a word streets are named for, a city, or a word speech does not say. */
export function sideWord(w: string): boolean {
  const l = w.toLowerCase();
  if (/^\d/.test(l)) return /^\d{1,3}(?:st|nd|rd|th)$/.test(l);
  if (STREET_WORDS.has(l) || isTownName(l)) return true;
  // Not a word speech says ("shes", "it's" after "lives at 12 main st and …"): a rank past the 30,000 words spoken most.
  return l.length >= 3 && !/['’]/.test(l) && streetNameWord(l) && !dictionaries().common.has(l) && (spoken().rank.get(l) ?? Infinity) >= 30_000;
}

/** The crossing street after an address that names one street only ("rogers" + " n church"), or 0. */
function crossingAfter(text: string, a: Entity): number {
  const value = text.slice(a.start, a.end);
  // A house number's address is a door, not a corner; a street that already crosses ("x n y") is whole.
  if (/^\d+[a-z]?\s(?!\d)/i.test(value) || /\s(?:n|and|&|@)\s/i.test(value)) return 0;
  let from = a.end;
  // "3rd ave n ptarmigan", "church ave n e 38th": the street's "n" was read as north.
  if (!/\sn$/i.test(value)) {
    const j = CROSS_JOIN.exec(text.slice(from, from + 5));
    if (!j) return 0;
    from += j[0].length;
  }
  const m = SIDE.exec(text.slice(from, from + 40));
  if (!m || !sideWord(m[1]!)) return 0;
  return from + m[0].length;
}

/**
 * A house number right before a street the name rules took (round 18): "same building 300 [frederick]", "3030 [nicollet]
 * went up", "on 3 [glen everest]" — the number was left in the text and the address read as missed. The number: three
 * to six digits (a year only after a place word: "in 2019 [kabul]" stays), or one or two after "on"; not a box's, a
 * vehicle's, a room's or a unit's ("po box 1187 [inuvik]", "his truck 819 [kmp]"), nor money or an age.
 */
const HOUSE_BEFORE_NAME = /(?:^|[^\p{L}\p{N}$#.,/:-])(?:([\p{L}']+)\s)?(\d{1,6}[a-z]?)\s$/iu;
/** The word before the number that makes it no house's: a box, a vehicle, a room or unit, money, an age, a count ("we made 200 [puff] puff"). */
const NOT_A_HOUSE = /^(?:box|bx|truck|car|van|plate|plates|bus|route|rte|hwy|highway|room|rm|bed|unit|apt|apartment|suite|ste|app|lot|pad|site|comp|age|aged|paid|pay|pays|owes|owe|owed|gave|give|lent|spent|won|lost|cost|costs|about|abt|like|only|just|over|under|almost|nearly|made|make|makes|making|bought|buy|sold|sell|ordered|order|cooked|baked|ate|eat|got|get|need|needs|has|had|have|x|ward|floor|fl|grade|level|page|chapter|step|number|no|ext|extension)$/i;
const YEAR = /^(?:19|20)\d\d$/;
const PLACE_WORD = /^(?:on|at|building|bldg|address|lives|living|moved|staying|house|home|to)$/i;

/**
 * Round 24: a house number of two digits past any hour (25-99) after "at", "@" or "it's" before a street the name rules
 * took that is no given name ("it's 52 [selkirk] no buzzer"); "at 30 [mike]" stays.
 */
function shortHouse(text: string, n: Entity, prev: string, num: string): boolean {
  if (!/^(?:at|@|it['’]?s|address)$/.test(prev) || !/^(?:2[5-9]|[3-9]\d)$/.test(num)) return false;
  return !dictionaries().firstNames.has(text.slice(n.start, n.end).toLowerCase());
}

function houseBeforeName(text: string, n: Entity): number {
  if (n.type !== 'NAME' || n.end - n.start > 40) return 0;
  const m = HOUSE_BEFORE_NAME.exec(text.slice(Math.max(0, n.start - 30), n.start));
  if (!m) return 0;
  const prev = m[1]?.toLowerCase() ?? '';
  const num = m[2]!;
  if (NOT_A_HOUSE.test(prev)) return 0;
  const digits = num.replace(/[a-z]$/i, '').length;
  if (digits < 3 ? prev !== 'on' && !shortHouse(text, n, prev, num) : YEAR.test(num) && !PLACE_WORD.test(prev)) return 0;
  return num.length + 1;
}

/**
 * `found` with each NAME after a house number made an ADDRESS with it (houseBeforeName), then each ADDRESS widened over
 * the unit, quadrant or crossing street beside it (no floor: UNIT_AFTER).
 */
export function withStreetEdges(text: string, given: Entity[]): Entity[] {
  let found = given;
  for (let i = 0; i < found.length; i++) {
    const house = houseBeforeName(text, found[i]!);
    if (!house || (i > 0 && found[i - 1]!.end > found[i]!.start - house)) continue;
    if (found === given) found = [...given];
    found[i] = { start: found[i]!.start - house, end: found[i]!.end, type: 'ADDRESS' };
  }
  let out: Entity[] | undefined;
  for (let i = 0; i < (out ?? found).length; i++) {
    const a = (out ?? found)[i]!;
    if (a.type !== 'ADDRESS') continue;
    let { start, end } = a;
    const ahead = text.slice(Math.max(0, start - 30), start);
    const before = UNIT_BEFORE.exec(ahead);
    const opensOnNumber = /^\d/.test(text.slice(start, end));
    // A unit word with no number takes only a house number after it ("unit 9 mackenzie place", "km 16 fish lake rd").
    if (before && (before[2] || before[3] || (LABEL_ALONE.test(before[1]!) && opensOnNumber))) start -= before[1]!.length;
    else if (NUMBER_ROAD_OPENS.test(text.slice(start, end))) start -= NUMBER_ROAD_BEFORE.exec(ahead)?.[1]?.length ?? 0;
    else if (opensOnNumber) start -= HOUSE_LABEL_BEFORE.exec(ahead)?.[1]?.length ?? 0;
    else if (FRENCH_LED.test(text.slice(start, end))) start -= NUMBER_COMMA_BEFORE.exec(ahead)?.[1]?.length ?? 0;
    // A name the name rules took that the widened edge now holds whole (a French direction: "rue sainte-anne [nord]").
    let swallowAfter = false;
    for (let more = true; more; ) {
      more = false;
      const rest = text.slice(end, end + 40);
      const value = text.slice(a.start, end);
      const m =
        UNIT_AFTER.map((r) => r.exec(rest)).find((x) => x) ??
        (/^\d/.test(value) && /\p{L}$/u.test(value) ? QUADRANT_AFTER.exec(rest) : null) ??
        (AVENUE_END.test(value) ? avenueLetter(rest) : null) ??
        (STREET_END.test(value) ? DIRECTION_WORD_AFTER.exec(rest) : null) ??
        (NUMBERED_ROAD_END.test(value) ? ROAD_NUMBER_AFTER.exec(rest) : null) ??
        typedTypeAfter(rest, value);
      if (m) {
        end += m[0].length;
        more = true;
      }
    }
    if (LABELLED_NUMBER.test(text.slice(start, end))) {
      const m = STREET_AFTER_COMMA.exec(text.slice(end, end + 60));
      if (m && !SAFE.has(m[1]!.split(' ')[0]!.toLowerCase())) end += m[0].length;
    }
    if (FRENCH_LED.test(text.slice(a.start, end).replace(/^\d{1,5}[a-z]?,?\s/i, ''))) {
      const m = FRENCH_DIRECTION_AFTER.exec(text.slice(end, end + 12));
      if (m) {
        end += m[0].length;
        const next = (out ?? found)[i + 1];
        swallowAfter = next !== undefined && next.type === 'NAME' && next.start >= a.end && next.end <= end;
      }
    }
    const crossed = crossingAfter(text, entity(a.start, end, a.type));
    if (crossed) end = crossed;
    const list = out ?? found;
    // Never over another span: the widened edge stops where the next or last one starts — but a unit's own word that the
    // name rules took ("[bldg] 3, 120 tamarack way", round 21) is taken into the address.
    const swallow = i > 0 && start < a.start && list[i - 1]!.type === 'NAME' && list[i - 1]!.start >= start && list[i - 1]!.end <= a.start;
    if (i > 0 && list[i - 1]!.end > start && !swallow) start = a.start;
    if (i + 1 < list.length && list[i + 1]!.start < end && !swallowAfter) end = a.end;
    if (start === a.start && end === a.end) continue;
    out ??= [...found];
    out[i] = { start, end, type: 'ADDRESS' };
    if (swallowAfter) out.splice(i + 1, 1);
    if (swallow) {
      out.splice(i - 1, 1);
      i--;
    }
  }
  return joinCommaAddresses(text, out ?? found);
}

/** A lettered avenue's letter after "avenue" (LETTER_AFTER), or null. */
function avenueLetter(rest: string): RegExpExecArray | null {
  const m = LETTER_AFTER.exec(rest);
  if (!m || (SMS_LETTER.test(m[1]!) && !LETTER_THEN.test(rest.slice(m[0].length)))) return null;
  return m;
}

/**
 * Two addresses with only a comma between are one run (round 21): "r.r. 2, 51 tallpine rd", "lot 14, 22 birch cres" —
 * the comma left between two placeholders leaves the address part visible.
 */
function joinCommaAddresses(text: string, found: Entity[]): Entity[] {
  let out: Entity[] | undefined;
  for (let i = 0; i + 1 < (out ?? found).length; i++) {
    const list = out ?? found;
    const [a, b] = [list[i]!, list[i + 1]!];
    if (a.type !== 'ADDRESS' || b.type !== 'ADDRESS' || !/^\s?,\s?$/.test(text.slice(a.end, b.start))) continue;
    out ??= [...found];
    out.splice(i, 2, { start: a.start, end: b.end, type: 'ADDRESS' });
    i--;
  }
  return out ?? found;
}
