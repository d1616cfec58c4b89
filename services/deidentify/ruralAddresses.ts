/**
 * Street addresses in shapes the other address detectors leave (round 13): rural and US grid addresses, General
 * Delivery, a French "case postale", county roads and kilometre posts, a tower and its unit, a numbered house in a
 * settlement; and two streets crossing that the name rules took as two names. A post-office box is the other
 * detectors'; round 25 took out its post office ("Box 218, Blumenort MB"): a town after an address stays (address.ts
 * townAfter).
 */
import type { Entity } from './types';
import { all } from './patterns';
import { dictionaries } from './dictionaries';
import { SAFE } from './messy';
import { cue } from './cues';
import { shopStreet, STREET_WORDS, streetNameWord } from './messyPatterns';
import { isTownName } from './towns';
import { sideWord } from './streetEdges';

const DIRECTION = '(?:[nsew]|north|south|east|west)';
/** Utah's and Idaho's grid: "1730 w 400 s", "3215 S 500 E". */
const GRID = new RegExp(String.raw`(?<![\p{L}\p{N}.,/$#-])\d{1,5}\s${DIRECTION}\.?\s\d{2,4}\s${DIRECTION}\.?(?![\p{L}\p{N}'’-])`, 'giu');
/** A land location east or west of Manitoba's principal meridian, range and side joined: "NE 14-6-6E", "sw 3-7-2 epm". */
const LAND_EAST = /(?<![\p{L}\p{N}])(?:[ns][ew][ -]?(?:1\/4[ -]?)?)?\d{1,2}-\d{1,3}-\d{1,2}(?:[ew](?:pm|\d)?|\s[ew](?:pm|\d))(?![\p{L}\p{N}])/giu;
/** Mail held at a post office: always an address by the labelling guide. */
const GENERAL_DELIVERY = /(?<![\p{L}])general delivery(?![\p{L}])/giu;
/** Quebec's post-office box: "cp 4421 succ park-ex", "C.P. 88", "case postale 1201, succ. c". */
const CASE_POSTALE = /(?<![\p{L}\p{N}])(?:c\.?p\.?|case postale)\s?\d{2,6}(?:,?\s(?:succ\.?|succursale)\s[\p{L}\d][\p{L}\p{N}-]*)?(?![\p{L}\p{N}])/giu;
/** A box, site (or Manitoba's group) and rural route in that order: "Box 9, Site 1, RR 4", "box 7 grp 220 rr 2". */
const BOX_SITE_ROUTE = /(?<![\p{L}\p{N}])box\s?#?\d{1,5},?\s(?:site|comp|grp|group)\s?#?\d{1,3},?\s(?:r\.?r\.?|rural route)\s?#?\d{1,3}(?![\p{L}\p{N}])/giu;
/** A county or numbered rural road where something is: "broke down on cr 19", "on cr 1 mile 14", "on rd 57 n". */
const COUNTY_ROAD = /(?<=\b(?:on|off|at|near|along|to|past)\s)(?:c\.?r\.?\s?\d{1,4}(?:\s(?:mile|mi)\s\d{1,3})?|rd\s\d{1,4}(?:\s[nsew])?)(?![\p{L}\p{N}]|[.,]\d)/giu;
/** A kilometre or mile post on a named road: "km 2 hot springs rd", "km 8 north klondike hwy". */
const POST_ON_ROAD = /(?<![\p{L}\p{N}])(?:km|mile)\s?\d{1,4}(?:\.\d)?\s(?:(?:north|south|east|west|n|s|e|w)\s)?(?:on\s)?(?:the\s)?(?:\p{L}[\p{L}'’-]*\s){1,3}(?:hwy|highway|rd|road|trail|trl)(?![\p{L}\p{N}])/giu;
/** A kilometre post after a place word, then one word that is no everyday word (the road): "a cabin at km 12 dempster". */
const POST_BY_NAME = /(?<=\b(?:at|near|past|around|by)\s)(?:km|mile)\s?\d{1,4}\s(\p{L}{4,})(?![\p{L}\p{N}'’-])/giu;
/** A tower and its unit, with the complex before it: "Riverside Plaza, Tower B, Apt 1403", "apt 2208 tower a". */
const TOWER_UNIT = /(?<![\p{L}\p{N}])(?:(?:\p{L}[\p{L}'’-]*\s)?(?:plaza|towers|court|place|gardens|manor|estates|apartments|apts|condos|terrace|co-?op),?\s)?tower\s[a-z\d],?\s(?:apt|unit|suite|#)\.?\s?#?\d{1,5}[a-z]?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:apt|unit|suite)\.?\s?#?\d{1,5}[a-z]?,?\s(?:in\s)?tower\s[a-z](?![\p{L}\p{N}])/giu;
/** A numbered house in a settlement (housing-authority houses): "house 42 in kwethluk", "hse #7 at fox lake". */
const HOUSE_IN = /(?<![\p{L}\p{N}])(?:house|hse)\s?#?\s?\d{1,4}[a-z]?\s(?:in|at|on)\s(\p{L}{4,})(?![\p{L}\p{N}'’-])/giu;

/**
 * Richmond's numbered roads (round 21): "no 6 rd", "4120 no 1 rd", "No. 3 Road" — with or without a house number. Not
 * a count before road words ("no 2 road trips").
 */
const NUMBER_ROAD = /(?<![\p{L}\p{N}])(?:\d{2,6}\s)?no\.?\s?\d{1,2}\s(?:rd|road)\.?(?![\p{L}\p{N}])(?!\s(?:trips?|tests?|rage|maps?|signs?|work)\b)/giu;
/**
 * A rural fire number (Wisconsin's and Minnesota's way, round 21): a direction glued to the number, then a numbered or
 * lettered road or a named one ("e3310 hwy 12", "n815 county rd kk", "w4521 pine lake rd").
 */
const FIRE_NUMBER = /(?<![\p{L}\p{N}])[nsew]\d{3,5}\s(?:(?:(?:county|cty|co|state|us|old)\.?\s)?(?:hwy|highway|rd|road|route|rte|trunk)\s?(\d{1,3}[a-z]?|[a-z]{1,2})|(?:\p{L}[\p{L}'’-]+\s){1,2}(?:rd|road|ln|lane|dr|drive|st|street|ave|avenue|trl|trail|ct|court|cir|circle))(?![\p{L}\p{N}])/giu;
/** Letters that are words, never a county road's letters ("n815 county rd to the lake" ends at "rd"). */
const NOT_ROAD_LETTERS = new Set(['a', 'i', 'u', 'r', 'n', 'w', 'y', 'k', 'c', 'b', 'to', 'in', 'on', 'at', 'of', 'is', 'it', 'by', 'or', 'an', 'as', 'so', 'up', 'we', 'he', 'me', 'my', 'no', 'do', 'go', 'be', 'us', 'ok', 'im', 'ur']);

/** CUES' alternatives without a digit need one of these words (cues.ts; deidentify.ts asks first): keep in step with it. */
export const RURAL_WORDS_CUE = cue('general tower');
const CUES = /general delivery|\bno\.?\s?\d{1,2}\s(?:rd|road)\b|(?<![\p{L}\p{N}])[nsew]\d{3,5}\s|\d-\d{1,3}-\d|\d\s\p{L}{1,5}\.?\s\d{2,4}\s\p{L}|\b(?:c\.?p\.?|case postale|box|c\.?r\.?|rd|km|mile|tower|house|hse)\s?#?\d|tower\s[a-z\d]\b/iu;

/** A word that is no prose and no everyday word: a place's name ("dempster", "kwethluk"; not "today"). */
const named = (w: string): boolean => !SAFE.has(w.toLowerCase()) && !dictionaries().common.has(w.toLowerCase());

export function ruralAddresses(t: string): Entity[] {
  if (!CUES.test(t)) return [];
  const out = [
    ...all(t, GRID, 'ADDRESS'),
    ...all(t, LAND_EAST, 'ADDRESS'),
    ...all(t, GENERAL_DELIVERY, 'ADDRESS'),
    ...all(t, CASE_POSTALE, 'ADDRESS', (m) => /\d{3}|succ|case/i.test(m[0])),
    ...all(t, BOX_SITE_ROUTE, 'ADDRESS'),
    ...all(t, COUNTY_ROAD, 'ADDRESS'),
    // The road's name is no prose: "at km 12 today the road was bad".
    ...all(t, POST_ON_ROAD, 'ADDRESS', (m) => !m[0].split(/\s+/).slice(2, -1).some((w) => SAFE.has(w.toLowerCase()) && !/^(?:north|south|east|west|[nsew]|on|the)$/i.test(w))),
    ...all(t, POST_BY_NAME, 'ADDRESS', (m) => named(m[1]!)),
    ...all(t, TOWER_UNIT, 'ADDRESS'),
    ...all(t, HOUSE_IN, 'ADDRESS', (m) => named(m[1]!)),
    // A shop's numbered road said in passing stays, as a shop's bare street does (round 19): "the place on no 3 rd".
    ...all(t, NUMBER_ROAD, 'ADDRESS', (m) => /^\d/.test(m[0]) || !/(?:^|[^\p{L}])on\s$/u.test(t.slice(Math.max(0, m.index - 4), m.index)) || !shopStreet(t, m.index - 3, '1', m.index + m[0].length)),
    ...all(t, FIRE_NUMBER, 'ADDRESS', (m) => !m[1] || /\d/.test(m[1]) || !NOT_ROAD_LETTERS.has(m[1].toLowerCase())),
  ];
  return out;
}

/** What joins two streets that cross: "n", "and", "&", "/", and "+" between spaces (round 21: "logan + selkirk"). */
const JOIN = /^(?:\s(?:n|and|&|\+)\s|\s?[&/]\s?)$/i;
/**
 * A place said right before the first street: on, at, off, the corner (of), moved to, a ride or tow from. Not a verb
 * that takes people after "at" or "on" ("mad at", "checked on", "waiting on").
 */
const CROSSING_CUE = /(?:^|[^\p{L}])(?:(?<!\b(?:mad|angry|yell(?:ed|ing)?|look(?:ed|ing)?|stare[ds]?|staring|laugh(?:ed|ing)?|smil(?:ed|ing)|point(?:ed|ing)?|check(?:ed|ing)?|call(?:ed|ing)?|wait(?:ed|ing)?|work(?:ed|ing)?|count(?:ed|ing)?|rel(?:y|ied|ying)|depend(?:ed|ing)?|focus(?:ed|ing)?|keep|kept|sign(?:ed)?|go|went|goes|going|gone|back|came|come|coming|get|got)\s)(?:on|at)|off|outside|behind|past|corner(?:\sof)?(?:\sagain)?|@|mov(?:ed|ing|e)\sto|lives\sat|ride\s(?:to|2)|(?:towed|ride|lift|walk(?:ed)?|drove|picked\s(?:him|her|them)\sup)\sfrom)\s+$/iu;
/**
 * Round 26: a place said by nearness or by a sighting right before two streets the name rules took ("near [king] n
 * [wentworth]", "last seen [main] n [higgins]", "panhandles by [bank] & [somerset]"); two towns of the list there are a
 * trip ("near [plymouth] and [greenfield]"; a word streets are named for is a street, "king"), and two given names two people (joinedCrossings' own check).
 */
const NEAR_CUE = /(?:^|[^\p{L}])(?:(?:last\s)?seen|spotted|near|by|panhandl(?:es|ing|ed|e))\s+$/iu;
const bothTowns = (text: string, a: Entity, b: Entity): boolean =>
  [a, b].every((e) => {
    const w = text.slice(e.start, e.end).toLowerCase();
    return isTownName(w) && !STREET_WORDS.has(w);
  });
/**
 * "the" before a crossing named for what stands at it (round 21): "at the dundas n jarvis bus stop", "by the queen n
 * bathurst lights". Without such a word after it, "the" before a pair is no crossing's cue.
 */
const THE_CUE = /(?:^|[^\p{L}])(?:at|near|by|outside|from|to|past|behind|across)\sthe\s+$/iu;
const STOP_AFTER = /^\s(?:(?:bus|subway|streetcar|train|lrt)\s)?(?:stop|stn|corner|intersection|lights)(?![\p{L}])/iu;
/** What after a pair makes it two people's: their place, or a possessive. */
const PEOPLE_AFTER = /^(?:['’]s?|s\b|\s(?:place|house|home|apartment|apt|room|trailer|camp|mom|moms|mum|dad|family|kids|bf|gf|are|were|was|both|together|said|sez|say|says))/i;

/**
 * Two streets crossing that the name rules took as two names, after a place word: "at [NAME] n [NAME]", "moved to [NAME]
 * n [NAME]", "at the [NAME] n [NAME] bus stop". The word between is left visible, and the corner with it; hidden as one address here. Two people ("mad at
 * tanis n kofi", "at tanis n kofis place", "from tanis n kofi") stay two names.
 */
export function joinedCrossings(text: string, found: Entity[]): Entity[] {
  let out: Entity[] | undefined;
  for (let i = 0; i + 1 < (out ?? found).length; i++) {
    const list = out ?? found;
    const [a, b] = [list[i]!, list[i + 1]!];
    if ((a.type !== 'NAME' && a.type !== 'ADDRESS') || (b.type !== 'NAME' && b.type !== 'ADDRESS') || (a.type !== 'NAME' && b.type !== 'NAME')) continue;
    if (!JOIN.test(text.slice(a.end, b.start)) || PEOPLE_AFTER.test(text.slice(b.end, b.end + 12))) continue;
    const cueBefore = text.slice(Math.max(0, a.start - 40), a.start);
    const near = NEAR_CUE.test(cueBefore) && !bothTowns(text, a, b);
    if (!CROSSING_CUE.test(cueBefore) && !near && !(THE_CUE.test(cueBefore) && STOP_AFTER.test(text.slice(b.end, b.end + 24)))) continue;
    // Two given names are two people wherever they are ("hanging out at jess n tom"); a street a detector found is one
    // street whatever its name ("on [jefferson] n lee", round 14). Before a stop or a corner they are streets too.
    const given = (e: Entity): boolean => e.type === 'NAME' && dictionaries().firstNames.has(text.slice(e.start, e.end).toLowerCase());
    if (given(a) && given(b) && !STOP_AFTER.test(text.slice(b.end, b.end + 24))) continue;
    out ??= [...found];
    out.splice(i, 2, { start: a.start, end: b.end, type: 'ADDRESS' });
  }
  return stopCrossings(text, wordCrossings(text, out ?? found));
}

/** A street's word, a join, and what follows ("queen n " before a name); the join and a street's word after a name. */
const WORD_BEFORE_JOIN = /(?:^|[^\p{L}\p{N}'’-])(\p{L}[\p{L}'’-]+)(\s(?:n|and|&|\+)\s)$/u;
const JOIN_WORD_AFTER = /^\s(?:n|and|&|\+)\s(\p{L}[\p{L}'’-]+)(?![\p{L}\p{N}'’-])/u;

/**
 * Round 24: a crossing of one street the name rules took and one word they left, after a place said right before it
 * ("at the corner again queen n [kennedy]", "the site on milwaukee n [addison]"): the left word names a street (a word
 * streets are named for, a town, or a word speech does not say: sideWord). A given name takes only a street's word or a
 * town ("at jess n [tom]" stays two people), both sides are typed in one case ("at church and [Sorina]" stays), and what
 * makes it someone's after it keeps it a name.
 */
function wordCrossings(text: string, found: Entity[]): Entity[] {
  let out: Entity[] | undefined;
  const d = dictionaries();
  for (let i = 0; i < (out ?? found).length; i++) {
    const list = out ?? found;
    const e = list[i]!;
    if (e.type !== 'NAME' || /\s/.test(text.slice(e.start, e.end))) continue;
    const given = d.firstNames.has(text.slice(e.start, e.end).toLowerCase());
    const side = (w: string): boolean => (given ? STREET_WORDS.has(w.toLowerCase()) || isTownName(w.toLowerCase()) : sideWord(w));
    let [start, end] = [e.start, e.end];
    const before = WORD_BEFORE_JOIN.exec(text.slice(Math.max(0, e.start - 40), e.start));
    const after = JOIN_WORD_AFTER.exec(text.slice(e.end, e.end + 40));
    // Both sides typed in one case ("at church and [Sorina]" is a place and a person).
    const capital = /^\p{Lu}/u.test(text.slice(e.start, e.end));
    const sameCase = (w: string): boolean => /^\p{Lu}/u.test(w) === capital;
    if (before && side(before[1]!) && sameCase(before[1]!)) start = e.start - before[1]!.length - before[2]!.length;
    else if (after && side(after[1]!) && sameCase(after[1]!)) end = e.end + after[0].length;
    else continue;
    if ((i > 0 && list[i - 1]!.end > start) || (i + 1 < list.length && list[i + 1]!.start < end)) continue;
    if (!CROSSING_CUE.test(text.slice(Math.max(0, start - 40), start)) || PEOPLE_AFTER.test(text.slice(end, end + 12))) continue;
    out ??= [...found];
    out[i] = { start, end, type: 'ADDRESS' };
  }
  return out ?? found;
}

/**
 * A crossing named for its stop or corner (round 21), its words left visible: "at the queen + ossington lights". Each side
 * a word streets are named for, a town, or no common word; a side the name rules took is taken in. "at the rock and roll
 * bus stop" stays (everyday words).
 */
const STOP_CROSSING = /(?<=(?:^|[^\p{L}])(?:at|near|by|outside|from|to|past|behind|across)\sthe\s)(\p{L}[\p{L}'’-]+)\s(?:n|and|&|\+|\/)\s(\p{L}[\p{L}'’-]+)(?=\s(?:(?:bus|subway|streetcar|train|lrt)\s)?(?:stop|stn|corner|intersection|lights)(?![\p{L}]))/giu;
const STOP_WORD = /\b(?:stop|stn|corner|intersection|lights)\b/i;

function stopCrossings(text: string, found: Entity[]): Entity[] {
  if (!STOP_WORD.test(text)) return found;
  let out: Entity[] | undefined;
  STOP_CROSSING.lastIndex = 0;
  for (let m = STOP_CROSSING.exec(text); m; m = STOP_CROSSING.exec(text)) {
    const [start, end] = [m.index, m.index + m[0].length];
    const list = out ?? found;
    const inside = list.filter((e) => e.start < end && start < e.end);
    if (inside.some((e) => e.type !== 'NAME' || e.start < start || e.end > end)) continue;
    const side = (w: string, at: number): boolean => {
      const l = w.toLowerCase();
      return inside.some((e) => e.start === at) || STREET_WORDS.has(l) || isTownName(l) || (l.length >= 3 && streetNameWord(l) && !dictionaries().common.has(l));
    };
    if (!side(m[1]!, start) || !side(m[2]!, end - m[2]!.length)) continue;
    out = [...list.filter((e) => !inside.includes(e)), { start, end, type: 'ADDRESS' as const }].sort((x, y) => x.start - y.start);
  }
  return out ?? found;
}
