/**
 * Street addresses, written the North American way ("221 Dundas St E, London, ON N6A 1H3") or the
 * continental way ("Koskikatu 25", "Via Roma 131"), with units, city, region, country and postal code
 * when they follow on the same or the next lines.
 */
import type { Entity } from './types';
import { KEEP, STREET_SUFFIX, STREET_TYPES } from './lexicon';
import { dictionaries } from './dictionaries';

const CAP = "\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?";
const CAPB = `${CAP}(?![\\p{L}\\p{N}])`;
const LOWER_STREET = [...STREET_TYPES].filter((w) => w === w.toLowerCase()).map((w) => w.replace('.', '\\.')).join('|');
const CONNECT = `(?:${'de|la|le|les|du|des|del|della|delle|di|da|do|dos|das|der|den|van|von|al|el|of|the|on|upon|sur'})(?![\\p{L}])`;
const CONNECT_SET = new Set('de la le les du des del della delle di da do dos das der den van von al el of the on upon sur'.split(' '));
const LOOSE = "\\p{L}[\\p{L}\\p{M}'’-]*\\.?";
const WORD = `(?:${CAP}|\\d{1,3}(?:st|nd|rd|th)|(?:${LOWER_STREET})\\.?|(?:${CONNECT}))`;
const HOUSE = '\\d{1,6}[A-Za-z]?(?:-\\d{1,5})?';

const CORE = new RegExp(`(?<![\\w.,-])(${HOUSE}(?: \\d{1,6}[A-Za-z]?)?) +(${WORD}(?: +${WORD}){0,6})(?: +(\\d{1,5}[A-Za-z]?\\b\\.?))?`, 'gu');
/** House number, words, number, in any case: "74678 midtvollen 130", "0605 πεντέλης 210". */
const SANDWICH = new RegExp(`(?<![\\w.,-])${HOUSE}(?: \\d{1,6})? +(${LOOSE}(?: +${LOOSE}){0,4}) +\\d{1,5}[A-Za-z]?\\b\\.?`, 'gu');
const CONTINENTAL = new RegExp(`(?<![\\p{L}\\d])(${CAP}(?: +${WORD}){0,3}) +(\\d{1,5}[A-Za-z]?)\\b`, 'gu');
const CUE = /\b(?:at|on|to|address(?: is)?:?|lives? at|located at|moved to|staying at|living at|corner of)\s*$/i;
const MILITARY = /\b(?:(?:Unit|PSC) \d{1,5},? Box \d{1,5}\s*\n?\s*[AFD]PO [A-Z]{2} \d{5}|P\.?O\.? Box \d{1,6})/g;
const UNIT_ALONE = /\b(?:Apt|Apartment|Suite|Ste|Unit)\.? ?#?\d{1,5}[A-Za-z]?\b/g;
const UNIT = /^,? *(?:(?:apt|apartment|suite|ste|unit|bldg|floor|fl|room|rm)\.?|#) ?#?\d{1,5}[A-Za-z]?\b/i;
const PART = new RegExp(`^[A-Z]\\d[A-Z] ?\\d[A-Z]\\d\\b|^(?:${CAPB}|\\([^)\\n]{1,30}\\))(?:[ -](?:${CAPB}|\\([^)\\n]{1,30}\\)|${CONNECT}))*|^[A-Z]{2,3}\\b|^\\d{1,6}(?:[- ]\\d{2,4})?\\b|^\\p{Ll}[\\p{L}\\p{M}]+(?= *(?:\\n|,|$))`, 'u');

const TIME_WORD = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december|today|tomorrow|yesterday|tonight|last|next|this|and|or|but|for|after|before|until|then|i|we|he|she|they)$/i;

function isStreetWord(w: string): boolean {
  const bare = w.replace(/\.$/, '').toLowerCase();
  // Plurals ("Zezig Streets", "Kishiev Squares") are street types too.
  return STREET_TYPES.has(bare) || STREET_TYPES.has(bare.slice(0, -1)) || STREET_TYPES.has(bare.replace(/es$/, '')) || STREET_SUFFIX.test(w);
}

/** Words between a house number and a trailing number: names or unfamiliar words, not prose. */
function streetLike(w: string): boolean {
  const bare = w.replace(/\.$/, '');
  const lower = bare.toLowerCase();
  if (KEEP.has(lower)) return false;
  if (/^\p{Lu}/u.test(bare) || isStreetWord(bare) || CONNECT_SET.has(lower)) return true;
  const d = dictionaries();
  return !d.common.has(lower) && !d.english.has(lower);
}

/** Extends an address over units, city, region, country and postal code. */
function extend(text: string, end: number): number {
  let pos = end;
  // After a number ("... Drive Suite 215 NUNGATTA") a bare space may lead to the city.
  let lastWasPart = /\d\.?$/.test(text.slice(Math.max(0, end - 2), end));
  for (let guard = 0; guard < 8; guard++) {
    const rest = text.slice(pos, pos + 80);
    const direction = /^ (?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\b\.?/.exec(rest);
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
    // Continue over a bare space only after a unit or another address part.
    if (!/[,\n]/.test(sep[0]) && !lastWasPart) break;
    const after = rest.slice(sep[0].length);
    const part = PART.exec(after);
    if (!part) break;
    const words = part[0].split(/[ -]/);
    if (words.some((w) => TIME_WORD.test(w))) break;
    pos += sep[0].length + part[0].length;
    lastWasPart = true;
  }
  return pos;
}

export function addresses(text: string): Entity[] {
  const out: Entity[] = [];
  CORE.lastIndex = 0;
  for (let m = CORE.exec(text); m; m = CORE.exec(text)) {
    const words = m[2]!.split(/ +/);
    let keep = -1;
    words.forEach((w, i) => {
      if (isStreetWord(w) && i > 0) keep = i;
      else if (isStreetWord(w) && i === 0 && words.length === 1) keep = 0;
      else if (isStreetWord(w) && i === 0 && keep < 0) keep = 0;
    });
    let end: number;
    if (m[3]) {
      // Words sandwiched between a house number and a trailing number: continental style.
      if (!words.every(streetLike)) continue;
      end = m.index + m[0].length;
    } else {
      if (keep < 0) continue;
      // A leading street type ("Rue De La Gare", "Via Roma") names the street with the words after it.
      if (keep === 0 && words.length > 1) keep = words.length - 1;
      const kept = words.slice(0, keep + 1).join(' ');
      end = m.index + m[0].indexOf(m[2]!) + kept.length;
      if (keep === 0 && !/^\p{Lu}/u.test(words[0]!) && words[0]!.length < 3) continue;
    }
    out.push({ start: m.index, end: extend(text, end), type: 'ADDRESS' });
  }
  SANDWICH.lastIndex = 0;
  for (let m = SANDWICH.exec(text); m; m = SANDWICH.exec(text)) {
    if (!m[1]!.split(/ +/).every(streetLike)) continue;
    out.push({ start: m.index, end: extend(text, m.index + m[0].length), type: 'ADDRESS' });
  }
  CONTINENTAL.lastIndex = 0;
  for (let m = CONTINENTAL.exec(text); m; m = CONTINENTAL.exec(text)) {
    const words = m[1]!.split(/ +/);
    if (words.some((w) => KEEP.has(w.toLowerCase().replace(/\.$/, '')))) continue;
    const street = words.some(isStreetWord);
    const cue = CUE.test(text.slice(Math.max(0, m.index - 25), m.index));
    if (!street && !cue) continue;
    if (!street && words.length === 1 && /^(?:Room|Rm|Level|Floor|Stage|Step|Unit|Bed|Ward|Chapter|Page|Day|Week|Grade|Bus|Route)$/i.test(words[0]!)) continue;
    out.push({ start: m.index, end: extend(text, m.index + m[0].length), type: 'ADDRESS' });
  }
  for (const re of [MILITARY, UNIT_ALONE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: extend(text, m.index + m[0].length), type: 'ADDRESS' });
  }
  // "the corner of X Street and Y Avenue"
  const corner = new RegExp(`\\b(?:the )?corner of (?:\\d{1,6} )?${WORD}(?: ${WORD}){0,4} and ${WORD}(?: ${WORD}){0,4}`, 'gu');
  for (let m = corner.exec(text); m; m = corner.exec(text)) {
    if (m[0].split(' ').some(isStreetWord)) out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  return out;
}
