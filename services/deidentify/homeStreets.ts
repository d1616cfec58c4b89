/**
 * Round 20 (addresses): a home's street said in passing, with no house number ("shes at her sisters place on branion",
 * "crashing at her cousin's on main", "her place is on king george by the old mall", "lives on the shore rd", "lives
 * on e monument above the laundromat"). After a home or a word of living and "on" or "off", the street is hidden — its
 * direction, street type and quadrant with it — and the home word stays. Where the cue is a home (a home word, someone's
 * place: "the duplex on arcade", "at her cousin's on main"), a street named by an everyday word or a person's name
 * counts; after a word of living alone ("lives on", "staying on") an everyday word counts only with a street type, a
 * direction or a place word after it ("lives on king by the mall"). What stays: a shop's street (namedStreets'
 * shopStreet: the cue here is never a shop), things one lives or sleeps on ("sleeping on couches", "lives on welfare",
 * "her place on the reserve"), a floor, a day, the people themselves ("the aunties on weekends"), and "the" before a
 * word with no street type ("the house on the hill", "lives on the same road"). A crossing of two named streets after
 * such a cue and a place preposition is one address too (homeCrossings: "sleepin at weston n hollis").
 */
import type { Entity } from './types';
import { KEEP, oneOf, WEEKDAYS, WEEKDAYS_SMS } from './lexicon';
import { dictionaries } from './dictionaries';
import { FLOOR_AFTER, NOT_STREET_AFTER_ON, OWNER_WORDS, STREET, STREET_WORDS, streetNameWord } from './messyPatterns';

/** The word right before "on"/"off" that makes the place a home: a home word, someone's place, or a word of living. */
const HOME_WORD = 'place|house|home|apartment|apt|trailer|duplex|basement|bsmt|condo|townhouse|townhome|room|suite';
/** A home word right after a crossing's second side: someone's home, not a street ("at kim n daves condo"). */
const HOME_AFTER = new RegExp(`^\\s(?:${HOME_WORD})\\b`, 'i');
const LIVING_WORD = 'lives?|living|livin|lived|stay(?:s|ing|ed)?|stayin|moved|moving|sleep(?:s|ing)?|sleepin|slept|crash(?:es|ing|ed)?|crashin|couch\\s?surfing';
/** A filler between the cue and "on": "her place is on", "moved in on", "lives right on". */
const FILLER = '(?:\\s(?:is|was|now|still|right|just|over|down|up|back|in|out|together))?';
const HOME_CUE = new RegExp(`(?:^|[^\\p{L}'’])(?:(${HOME_WORD})|(${LIVING_WORD})|(\\p{L}+)['’]s|(\\p{L}+s))${FILLER}\\s$`, 'iu');
/** A place word that takes a home only after an owner ("her place", "his new room", "dad's place"): "the pho place on …" and "the old place on …" may be a shop. */
const OWNED_ONLY = /^(?:place|room|suite|home)$/i;
const OWNER_BEFORE = /(?:^|[^\p{L}])(?:her|his|their|my|our|your|\p{L}+['’]?s)\s(?:(?:new|old|own|little|tiny|basement)\s)?$/iu;

/** A place preposition before someone's place: "at his mom's", "over to her sisters", "from auntie's". */
const AT_OWNER = /(?:^|[^\p{L}])(?:at|to|from|by|@|in)\s(?:(?:his|her|their|my|our|your|the|a)\s)?(?:(?:big|little|lil|older|younger|other|best|new|old)\s)?$/iu;
/**
 * Days and weeks said in the plural ("on sundays", "on weekends"): no street. The weekdays are lexicon.ts's, a short form
 * with "day" typed after it too ("thurday", "satday"); a clipped "satur" or "wednes" is none (round 21).
 */
const DAYS = new RegExp(`^(?:(?:(?:${oneOf(WEEKDAYS_SMS)})(?:day)?|${oneOf(WEEKDAYS)})s?|week(?:end|day|night)s?|nights?|days?|mornings?|evenings?|afternoons?)$`, 'i');
/** Articles as typed ("da boat", "tha bench"): a street after them needs its type, as after "the". */
const ARTICLE = /^(?:the|da|de|tha|teh|thee|a)$/i;
const TYPE = new RegExp(`^(?:${STREET})\\.?$`, 'i');
const DIRECTION = /^(?:[nsew]\.?|north|south|east|west)$/i;
const QUADRANT = /^(?:nw|ne|sw|se|n\.?w\.?|n\.?e\.?|s\.?w\.?|s\.?e\.?|east|west|north|south)$/i;
/** Words right after "on"/"off" up to a mark of punctuation, with where each ends. */
const WORD_AFTER = /\s*([\p{L}\p{N}][\p{L}\p{N}'’.-]*)(?=$|[\s,;:!?)])/uy;
/** What one lives, sleeps or stays on that is no street. */
const LIVED_ON = new Set(
  `couch couches sofa sofas floor floors mattress mattresses bench benches street streets road roads rez reserve campus acreage
   farm farms ranch property land welfare disability pension income cheque cheques check checks site ward base edge top
   bottom list waitlist air nothing borrowed credit savings loan loans ei ow odsp aish cpp ssi ssdi snap assistance benefits
   premises grounds grid foot blankets blanket bus train transit streetcar boat ship lot corner block hill side outskirts border lakefront waterfront
   unit level wing hall ground lease mortgage rent budget`.split(/\s+/),
);
/** After an everyday street word, what shows a street: a place word, a corner, a direction or a unit. */
const STREET_SHOWN_AFTER = /^(?:\s(?:near|by|above|below|across|past|behind|beside|next|close|between|off|at|around|in)\s|\s(?:n|and|&|@)\s\p{L}|\s?[&/]\s?\p{L}|,?\s(?:apt|unit|suite|rm|room|#|bsmt|basement)\b)/iu;
/** Parts of a building after a word, beside messyPatterns' floors and grades ("his room on 4 west wing"). */
const WING_AFTER = /^\s(?:wing|ward|unit)\b/i;

function cueAt(t: string, onAt: number): 'home' | 'living' | undefined {
  const before = t.slice(Math.max(0, onAt - 60), onAt);
  const m = HOME_CUE.exec(before);
  if (!m) return undefined;
  if (m[2]) return 'living';
  if (m[1]) {
    if (!OWNED_ONLY.test(m[1])) return 'home';
    return OWNER_BEFORE.test(before.slice(0, before.length - m[0].length + m[0].indexOf(m[1]))) ? 'home' : undefined;
  }
  // Someone's place: "at his mom's", "at her sisters", "to auntie's" — a relation or a friend after a place preposition,
  // not a chain ("tim's") nor the people themselves ("the sisters on warden", "3 clients on foot").
  const owner = (m[3] ?? m[4])!.toLowerCase();
  if (!OWNER_WORDS.test(m[3] ? `${owner}s` : owner) || owner === 'ex' || /^clients?$/.test(owner)) return undefined;
  return AT_OWNER.test(before.slice(0, before.length - m[0].length + m[0].indexOf(m[3] ?? m[4]!))) ? 'home' : undefined;
}

function everyday(w: string): boolean {
  return dictionaries().common.has(w) && !STREET_WORDS.has(w);
}

/** Whether a lower-cased word may name a street: no prose word, kept word, day or thing one lives on. */
function nameWord(w: string): boolean {
  return w.length >= 2 && !/^\d/.test(w) && streetNameWord(w) && !DAYS.test(w) && !KEEP.has(w) && !LIVED_ON.has(w) && !LIVED_ON.has(w.replace(/s$/, '')) && !NOT_STREET_AFTER_ON.has(w) && !NOT_STREET_AFTER_ON.has(w.replace(/s$/, '')) && !TYPE.test(w);
}

interface Word { w: string; end: number }
function wordsAfter(t: string, from: number): Word[] {
  const out: Word[] = [];
  WORD_AFTER.lastIndex = from;
  for (let m = WORD_AFTER.exec(t); m && out.length < 7; m = WORD_AFTER.exec(t)) out.push({ w: m[1]!.toLowerCase().replace(/\.+$/, ''), end: WORD_AFTER.lastIndex - (m[1]!.length - m[1]!.replace(/\.+$/, '').length) });
  return out;
}

/** The street's span after "on"/"off" at `from` (where its first word may start), or undefined. */
function streetAfter(t: string, from: number, cue: 'home' | 'living'): { start: number; end: number } | undefined {
  const ws = wordsAfter(t, from);
  let i = 0;
  const the = ws[0] !== undefined && ARTICLE.test(ws[0].w);
  if (the) i++;
  const dir = ws[i + 1] !== undefined && DIRECTION.test(ws[i]!.w) && nameWord(ws[i + 1]!.w) ? 1 : 0;
  const n0 = i + dir;
  if (!ws[n0]) return undefined;
  const begin = (k: number): number => {
    const prev = k === 0 ? from : ws[k - 1]!.end;
    return prev + (t.slice(prev).length - t.slice(prev).trimStart().length);
  };
  // A street type within three words: "on the shore rd", "on lake shore dr", "on 15th ave east".
  for (let k = 1; k <= 3 && ws[n0 + k]; k++) {
    const name = ws.slice(n0, n0 + k).map((x) => x.w);
    const ordinal = k === 1 && /^\d{1,3}(?:st|nd|rd|th)?$/.test(name[0]!);
    // After "the", an everyday word with a type is a kind of road, not its name ("the same road", "the back road").
    if (!ordinal && !name.every((x) => nameWord(x) && !(the && everyday(x)))) break;
    if (TYPE.test(ws[n0 + k]!.w)) {
      let last = n0 + k;
      if (ws[last + 1] && QUADRANT.test(ws[last + 1]!.w) && !/^\s+of\b/i.test(t.slice(ws[last + 1]!.end, ws[last + 1]!.end + 4))) last++;
      return { start: begin(the ? 1 : 0), end: ws[last]!.end };
    }
  }
  if (the) return undefined;
  const w = ws[n0]!.w;
  if (!nameWord(w)) return undefined;
  const d = dictionaries();
  let last = n0;
  // A second word that is a name: "king george" (only where the cue is a home).
  const second = ws[n0 + 1]?.w;
  if (cue === 'home' && second && nameWord(second) && d.anyNames.has(second) && !d.common.has(second)) last++;
  if (ws[last + 1] && /^(?:nw|ne|sw|se)$/.test(ws[last + 1]!.w)) last++;
  const after = t.slice(ws[last]!.end, ws[last]!.end + 16);
  if (FLOOR_AFTER.test(after) || WING_AFTER.test(after)) return undefined;
  const shown = dir === 1 || last > n0 || STREET_SHOWN_AFTER.test(after);
  // After a word of living alone, an everyday word or a given name needs something that shows a street.
  if (cue === 'living' && (everyday(w) || d.firstNames.has(w)) && !shown) return undefined;
  return { start: begin(n0 - dir), end: ws[last]!.end };
}

export function homeStreets(t: string): Entity[] {
  const out: Entity[] = [];
  const re = /(?<![\p{L}\p{N}])o(?:n|ff)\s/giu;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const cue = cueAt(t, m.index);
    if (!cue) continue;
    const span = streetAfter(t, m.index + m[0].length, cue);
    if (span) out.push({ ...span, type: 'ADDRESS' });
  }
  if (CROSSING_JOIN.test(t)) out.push(...homeCrossings(t));
  return out;
}

const CROSSING_JOIN = /\s(?:n|and|&)\s|\p{L}\s?[&/]\s?\p{L}/iu;
/** Two streets' words joined by "n", "and", "&" or "/": "weston n hollis", "woodbine n major mac". */
const CROSSING = /(?<![\p{L}\p{N}'’-])(\p{L}[\p{L}'’-]+)(?:\s(?:n|and|&)\s|\s?[&/]\s?)(\p{L}[\p{L}'’-]+)((?:\s\p{L}[\p{L}'’-]+)?)(?![\p{L}\p{N}'’-])/giu;
/** A place preposition between the cue and a crossing: "sleeping at weston n hollis"; "her place is woodbine n …" has none. */
const CROSSING_PREP = /(?:^|\s)(?:at|on|off|near|by|@)\s$/i;
/**
 * A crossing of two named streets right after a home or a word of living ("sleepin at weston n hollis", "her new place
 * is woodbine n major mac"): both sides street words — no prose, day or thing one lives on, not both everyday words, no
 * relation ("at mom n dads") — and the second not someone's ("at kim n daves place", "at kim n dave's").
 */
function homeCrossings(t: string): Entity[] {
  const out: Entity[] = [];
  const d = dictionaries();
  CROSSING.lastIndex = 0;
  for (let m = CROSSING.exec(t); m; m = CROSSING.exec(t)) {
    const [a, b] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
    const end = m.index + m[0].length;
    if (!nameWord(a) || !nameWord(b) || everyday(a) || OWNER_WORDS.test(a) || OWNER_WORDS.test(b)) {
      CROSSING.lastIndex = m.index + m[1]!.length;
      continue;
    }
    const bEnd = end - m[3]!.length;
    if (/['’]/.test(b) || (b.endsWith('s') && d.firstNames.has(b.slice(0, -1)) && !d.anyNames.has(b)) || HOME_AFTER.test(t.slice(bEnd, bEnd + 12))) continue;
    let before = t.slice(Math.max(0, m.index - 60), m.index);
    const prep = CROSSING_PREP.exec(before);
    if (prep) before = before.slice(0, before.length - prep[0].length + (prep[0].startsWith(' ') ? 1 : 0));
    const at = m.index - (t.slice(Math.max(0, m.index - 60), m.index).length - before.length);
    // After a place preposition, or a home and "is" ("her new place is woodbine n …"); not "lives in laval and visits".
    const cue = cueAt(t, at);
    if (!cue || /(?:on|off)\s$/i.test(before) || (!prep && !(cue === 'home' && /\s(?:is|was)\s$/i.test(before)))) continue;
    // A second word of the second street that is no everyday word ("major mac"), not prose.
    const third = m[3]!.trim().toLowerCase();
    const take = third && nameWord(third) && !d.common.has(third) ? end : bEnd;
    if (take === bEnd && everyday(b)) continue;
    out.push({ start: m.index, end: take, type: 'ADDRESS' });
  }
  return out;
}

/**
 * A cue's word anywhere in a text, inside a word or not (cheap; HOME_CUE and the crossings' cue read it whole): a home
 * word, a word of living, someone's ("'s"), or a plural right before "on"/"off". Read from HOME_WORD and LIVING_WORD
 * (round 21: written again as substrings before, which held "town" and missed "livin").
 */
const CUE_WORD_IN = new RegExp(`${HOME_WORD}|${LIVING_WORD}|['’]s|s o`, 'i');

/** The gate: "on", "off" or a crossing's join, and a cue word in the text. */
export function mayNameHomeStreet(t: string): boolean {
  return (/ o(?:n|ff) /i.test(t) || CROSSING_JOIN.test(t)) && CUE_WORD_IN.test(t);
}
