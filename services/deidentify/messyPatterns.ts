/**
 * Identifiers as they are typed on a phone: lower-case addresses without a street type, rural routes and post
 * office boxes, postal codes without the space, ZIP+4, day-and-month dates ("feb 6th", "3/17", "the 14th of
 * june"), ids after their label ("client ID 10534", "CFS file 2426"), obfuscated emails ("jdoe at gmail dot
 * com"), handles without "@", plates without the word "plate", ages over 89 in brackets ("kokum (97)") and
 * facilities written in lower case ("hope mission", "george spady detox").
 */
import type { Entity, EntityType } from './types';
import { KEEP } from './lexicon';
import { dictionaries } from './dictionaries';
import { SAFE } from './messy';

function all(text: string, re: RegExp, type: EntityType, keep?: (m: RegExpExecArray) => boolean, group = 0): Entity[] {
  const out: Entity[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (keep && !keep(m)) continue;
    const g = m[group];
    if (g === undefined) continue;
    const start = m.index + (group ? m[0].lastIndexOf(g) : 0);
    out.push({ start, end: start + g.length, type });
  }
  return out;
}

const TLDS = 'com|ca|net|org|edu|gov|co|uk|us|io|me|info';
/** "jdoe at gmail dot com", "nakita dot b at hotmail dot com", "jdoe(at)gmail(dot)com". */
const OBFUSCATED_EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}._-])[\\p{L}\\p{N}._+-]+(?:\\s?(?:dot|\\.)\\s?[\\p{L}\\p{N}_+-]+)*\\s?(?:\\bat\\b|\\(at\\)|\\[at\\])\\s?[\\p{L}\\p{N}-]+(?:\\s?(?:\\bdot\\b|\\(dot\\)|\\[dot\\]|\\.)\\s?(?:[\\p{L}]{2,10}))*\\s?(?:\\bdot\\b|\\(dot\\)|\\[dot\\]|\\.)\\s?(?:${TLDS})\\b`,
  'giu',
);

export function obfuscatedEmail(t: string): Entity[] {
  return all(t, OBFUSCATED_EMAIL, 'EMAIL', (m) => !/^(?:at|me|him|her|us|them|home|work|it|there)\s/i.test(m[0]) && /\bdot\b|\(dot\)|\[dot\]|\bat\b/i.test(m[0]));
}

/** A handle after its platform ("insta is kaydenmoon_44", "snap her at lexxi_xo"), or any word with an underscore. */
const PLATFORM_HANDLE = /\b(?:insta(?:gram)?|ig|snap(?:chat)?|tiktok|tik tok|twitter|fb|facebook|handle|user ?name|gamertag|discord)\b(?:,?[ \t]+(?:is|name|there|at|on|she|he|they|her|his|their|@|:|-|was)){0,5}[ \t:,]+([\p{L}\p{N}_.]{3,30})(?![\p{L}\p{N}_])/giu;
const UNDERSCORE = /(?<![\p{L}\p{N}@._])[\p{L}\p{N}.]*[\p{L}\p{N}]_[\p{L}\p{N}_.]*[\p{L}\p{N}](?![\p{L}\p{N}_])/gu;

export function handles(t: string): Entity[] {
  const d = dictionaries();
  return [
    ...all(t, PLATFORM_HANDLE, 'HANDLE', (m) => {
      const h = m[1]!.toLowerCase().replace(/\.$/, '');
      return /[\d_.]/.test(h) || (!d.common.has(h) && !SAFE.has(h) && !KEEP.has(h));
    }, 1),
    ...all(t, UNDERSCORE, 'HANDLE'),
  ];
}

/** Ids after a label: the label stays, the code goes. Health and benefit ids become HEALTH_CARD. */
const ID_LABEL = /\b((?:client|file|case|cfs file|cas file|inmate|aish file|aish|member|patient|resident|medicaid|medicare|health card|ahc|ahcip|phn|ohip|care card|status card|band)\s*(?:id|number|no\.?|num|#|file)?\s*(?:#|no\.?|is|was|:)?\s*)(?=[A-Za-z]{0,3}-?\d)([A-Za-z]{0,3}-?\d[\dA-Za-z-]{1,14})\b/gi;
const HEALTH_LABEL = /medicaid|medicare|health|ahc|phn|ohip|care card|status|band|aish/i;

export function labelledIds(t: string): Entity[] {
  const out: Entity[] = [];
  ID_LABEL.lastIndex = 0;
  for (let m = ID_LABEL.exec(t); m; m = ID_LABEL.exec(t)) {
    const code = m[2]!.replace(/-+$/, '');
    const digits = code.replace(/\D/g, '').length;
    // "file 2" or "case 3" are counts; a year alone ("file 2024") is no id.
    if (digits < 3 || /^(?:19|20)\d\d$/.test(code)) continue;
    const start = m.index + m[1]!.length;
    out.push({ start, end: start + code.length, type: HEALTH_LABEL.test(m[1]!) ? 'HEALTH_CARD' : 'MRN' });
  }
  return out;
}

const STREET = 'st|street|ave|av|avenue|rd|road|dr|drive|blvd|boulevard|cres|crescent|way|lane|ln|crt|ct|court|pl|place|terr|terrace|trail|trl|hwy|highway|pkwy|parkway|close|cir|circle|gate|row|sq|square|grove|park|hill|heights|green|mews|line|concession|sideroad';
const DIR = '(?:\\s(?:nw|ne|sw|se|n|s|e|w|north|south|east|west)\\b\\.?)?';
const UNIT_PREFIX = '(?:(?:apt|apartment|unit|suite|ste|bsmt|basement|bay|lot|room|rm|#)\\.?\\s?#?\\s?\\d{1,5}[a-z]?,?\\s)';
const NAME_PART = "(?:\\d{1,3}(?:st|nd|rd|th)?|[\\p{L}][\\p{L}'’-]+)";
/** "1210 98 st nw", "apt 4c 1210 98 st nw", "44 birch cres", "#303 9920 jasper ave". */
const LOWER_STREET = new RegExp(`(?<![\\p{L}\\p{N}.,/-])${UNIT_PREFIX}?#?\\d{1,6}[a-z]?(?:-\\d{1,5})?\\s(?:${NAME_PART}\\s){1,3}(?:${STREET})\\b\\.?${DIR}(?:,?\\s(?:apt|unit|suite|#)\\.?\\s?\\d{1,5}[a-z]?\\b)?`, 'giu');
/** A unit before a house number and a street name, no street type: "unit 5 44 king", "#1105 500 queen". */
const UNIT_STREET = new RegExp(`(?<![\\p{L}\\p{N}])${UNIT_PREFIX}\\d{1,6}[a-z]?\\s[\\p{L}][\\p{L}'’-]+(?:\\s[\\p{L}][\\p{L}'’-]+)?`, 'giu');
/** Rural routes and boxes: "rr 3 site 2 box 9", "r.r. 1", "po box 88", "p.o. box 412", "box 412". */
const RURAL = /(?<![\p{L}\p{N}])(?:(?:r\.?r\.?|rural route)\s?#?\d{1,3}(?:,?\s(?:site|s)\s?\d{1,3})?(?:,?\s(?:box|comp|c)\s?\d{1,5})?|(?:p\.?\s?o\.?\s)?box\s#?\d{1,6}(?:,?\s(?:stn|station)\s\p{L}+)?|site\s\d{1,3},?\s(?:box|comp|c)\s?\d{1,5})(?![\p{L}\p{N}])/giu;

/** Two streets that cross, in lower case: "118 ave and 95 st", "jasper ave & 109 st". */
const STREET_NAME = `(?:\\d{1,3}(?:st|nd|rd|th)?|[\\p{L}][\\p{L}'’-]+)\\s(?:${STREET})\\b\\.?${DIR}`;
const CROSSING = new RegExp(`(?<![\\p{L}\\p{N}])${STREET_NAME}\\s(?:and|&|@|at)\\s${STREET_NAME}`, 'giu');

export function messyAddresses(t: string): Entity[] {
  const out: Entity[] = [];
  CROSSING.lastIndex = 0;
  for (let m = CROSSING.exec(t); m; m = CROSSING.exec(t)) {
    const words = m[0].toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [];
    if (!words.some((w) => SAFE.has(w) && !/^(?:st|dr|n|s|e|w|and|at)$/.test(w))) out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  LOWER_STREET.lastIndex = 0;
  for (let m = LOWER_STREET.exec(t); m; m = LOWER_STREET.exec(t)) {
    // The words of a street name are not prose: "walked 2 blocks down the road" stays.
    const words = m[0].toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [];
    if (words.some((w) => SAFE.has(w) && !/^(?:st|dr|n|s|e|w)$/.test(w))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  UNIT_STREET.lastIndex = 0;
  for (let m = UNIT_STREET.exec(t); m; m = UNIT_STREET.exec(t)) {
    const words = m[0].toLowerCase().split(/\s+/).slice(-2).filter((w) => /^\p{L}/u.test(w));
    // Keep only the street's own words ("unit 5 44 king now" ends at "king").
    let end = m.index + m[0].length;
    if (words.length === 2 && (SAFE.has(words[1]!) || dictionaries().common.has(words[1]!))) end = m.index + m[0].lastIndexOf(' ');
    if (SAFE.has(words[0]!)) continue;
    out.push({ start: m.index, end, type: 'ADDRESS' });
  }
  return [...out, ...all(t, RURAL, 'ADDRESS', (m) => !/^box\s\d{1,2}$/i.test(m[0]) || /\b(?:mail|address|send|use|at)\b[^.]{0,20}$/i.test(t.slice(Math.max(0, m.index - 30), m.index)))];
}

/** Canadian postal codes in any case, with or without the space; US ZIP+4. */
const POSTAL = /(?<![\p{L}\p{N}])[abceghj-nprstvxy]\d[abceghj-nprstv-z] ?\d[abceghj-nprstv-z]\d(?![\p{L}\p{N}])/giu;
const ZIP4 = /(?<![\d-])\d{5}-\d{4}(?![\d-])/g;

export function messyPostal(t: string): Entity[] {
  return [...all(t, POSTAL, 'POSTAL_CODE'), ...all(t, ZIP4, 'POSTAL_CODE')];
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_DAY = new RegExp(`(?<![\\p{L}])(?:${MONTHS})\\.?\\s(\\d{1,2})(st|nd|rd|th)?(?![\\p{L}\\p{N}:])`, 'giu');
const SLASH_DATE = /(?<![\d/.:-])(\d{1,2})\/(\d{1,2})(?![\d/]|\.\d)/g;
const WEEKDAYS = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
/** "the 22nd", "tues the 9th" (not "the 3rd time", "the 2nd floor"). */
const ORDINAL_DAY = new RegExp(`(?<![\\p{L}])(?:(?:${WEEKDAYS})\\.?\\s)?the\\s(\\d{1,2})(?:st|nd|rd|th)(?!\\s(?:of\\s)?(?:time|times|floor|grade|step|street|st|ave|avenue|place|try|attempt|round|day|week|month|year|cheque|one|visit|meeting|session|dose|shot|kid|child|baby|overdose|relapse))(?![\\p{L}\\p{N}])`, 'giu');
const DATE_CUE = /\b(?:on|appt|appointment|court|date|due|by|until|til|till|since|from|dob|intake|hearing|@|starting|starts|start|before|after|is|was|booked|set|for|of)\s*$/i;

export function messyDates(t: string): Entity[] {
  const out: Entity[] = [];
  for (const e of all(t, MONTH_DAY, 'DATE', (m) => {
    const day = Number(m[1]);
    if (day < 1 || day > 31) return false;
    // "may 2", "march 3" could be a verb: only with an ordinal or a date cue before.
    if (/^(?:may|mar|march)\b/i.test(m[0]) && !m[2] && !DATE_CUE.test(t.slice(Math.max(0, m.index - 20), m.index))) return false;
    return true;
  })) out.push(e);
  for (const e of all(t, SLASH_DATE, 'DATE', (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a < 1 || b < 1 || !((a <= 12 && b <= 31) || (b <= 12 && a <= 31)) || m[0] === '24/7') return false;
    // Fractions ("1/2 a pill", "2/3 of") stay unless a date cue comes before.
    if (a < b && b <= 4) return DATE_CUE.test(t.slice(Math.max(0, m.index - 20), m.index));
    return !/^\s*(?:of|a|cup|cups|tab|tabs|pill|pills|mg|ml|%)\b/i.test(t.slice(m.index + m[0].length, m.index + m[0].length + 6));
  })) out.push(e);
  for (const e of all(t, ORDINAL_DAY, 'DATE', (m) => Number(m[1]) >= 1 && Number(m[1]) <= 31)) out.push(e);
  return out;
}

/** "kokum (97)", "her grandpa (93)", "great-grandmother, 102,": a number over 89 in brackets or commas after a person. */
const BRACKET_AGE = /(?<=\(\s?)(9\d|1[0-1]\d)(?=\s?(?:yrs?|years?(?: old)?|yo)?\s?\))/gi;
const RELATION_AGE = /\b(?:kokum|kookum|mooshum|moshom|grandma|grandpa|grandmother|grandfather|gran|granny|nan|nana|nanny|papa|grampa|gramma|great[- ]?(?:grand(?:mother|father|ma|pa)|gran|aunt|uncle)|mom|mother|dad|father|aunt|uncle|elder|husband|wife)\b(?:\s(?:is|was|turned|just turned|will be|turns))?[,\s]+(9\d|1[0-1]\d)\b(?!\s*(?:%|mg|ml|km|times|days?|weeks?|months?|dollars|bucks|\$|min|minutes|pills))/gi;

export function messyAges(t: string): Entity[] {
  return [...all(t, BRACKET_AGE, 'AGE'), ...all(t, RELATION_AGE, 'AGE', undefined, 1)];
}

/** Plates without the word: "CKZR 210", "DXK-3390", or after a vehicle word in any case ("the car was cmv 5521"). */
const PLATE_SHAPE = /(?<![\p{L}\p{N}-])(?:[A-Z]{2,4}[ -]?\d{3,4}|\d[A-Z]{3}\d{3})(?![\p{L}\p{N}-])(?![ -]?\d)/gu;
/** Labels that come before a number: "SIN 046 454 286", "BC 9123 456 789". */
const NUMBER_LABELS = new Set('sin ssn phn mrn ohip hcn dob apt ste rm po bc ab on qc mb sk ns nb pe nl id no'.split(' '));
const VEHICLE_PLATE = /\b(?:car|truck|van|vehicle|suv|jeep|plate|plates|tag|tags)\b(?:\s(?:was|is|number|no\.?|#|reads|:)){0,2}\s([a-z]{2,4}[ -]?\d{3,4}|\d[a-z]{3}\d{3})\b/gi;

export function messyPlates(t: string): Entity[] {
  return [
    ...all(t, PLATE_SHAPE, 'PLATE', (m) => {
      const letters = m[0].replace(/[^A-Z]/g, '').toLowerCase();
      // Acronyms and labels with a number ("AA 2024", "SIN 046") are no plates, nor short client codes ("AB-113").
      return !KEEP.has(letters) && !NUMBER_LABELS.has(letters) && m[0].replace(/[ -]/g, '').length >= 6 && !/^(?:19|20)\d\d$/.test(m[0].replace(/\D/g, ''));
    }),
    ...all(t, VEHICLE_PLATE, 'PLATE', (m) => !KEEP.has(m[1]!.replace(/[^a-z]/gi, '').toLowerCase()), 1),
  ];
}

/**
 * Facilities in lower case: up to three name words before a facility word ("hope mission", "george spady
 * detox", "herb jamieson centre"). Generic kinds of place ("the food bank", "friendship centre") are on the
 * keep-list and removed later; words that are prose ("her", "the", "a") end the name.
 */
// Not "house", "residence" or "health": "my aunts house" is no facility.
const FAC_WORDS = ['hospital', 'clinic', 'centre', 'center', 'shelter', 'mission', 'detox', 'infirmary', 'hostel', 'lodge', 'manor', 'institute', 'hospice', 'jail', 'remand', 'correctional', 'penitentiary'];
const LOWER_FACILITY = new RegExp(`(?<![\\p{L}])((?:[\\p{L}][\\p{L}'’-]*\\s){1,3})(?:${FAC_WORDS.join('|')})(?![\\p{L}])`, 'giu');

/** "u of a hospital", "U of C": a university (and its hospital) by the short name people use. */
const UNIVERSITY = /(?<![\p{L}])u of [a-z](?: hospital)?(?![\p{L}])/giu;

export function messyFacilities(t: string): Entity[] {
  const d = dictionaries();
  const out: Entity[] = all(t, UNIVERSITY, 'FACILITY');
  // The facility regex is costly to scan with: run it only when one of its words is there.
  const lower = t.toLowerCase();
  if (!FAC_WORDS.some((w) => lower.includes(w))) return out;
  LOWER_FACILITY.lastIndex = 0;
  for (let m = LOWER_FACILITY.exec(t); m; m = LOWER_FACILITY.exec(t)) {
    const all3 = m[1]!.trim().split(/\s+/);
    // The name is the run of words right before the facility word up to the first prose word ("zorblax at the
    // shelter" has none); it must hold a word that is no plain common word (a name).
    let from = all3.length;
    while (from > 0 && !SAFE.has(all3[from - 1]!.toLowerCase()) && !KEEP.has(all3[from - 1]!.toLowerCase())) from--;
    const words = all3.slice(from);
    if (!words.length) continue;
    if (!words.some((w) => !d.common.has(w.toLowerCase()) || d.firstNames.has(w.toLowerCase()))) continue;
    const start = m.index + m[0].lastIndexOf(words.join(' '), m[1]!.length);
    out.push({ start, end: m.index + m[0].length, type: 'FACILITY' });
  }
  return out;
}
