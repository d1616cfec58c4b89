/**
 * Pattern detectors: identifiers with a recognisable shape (emails, URLs, numbers with check digits,
 * dates) or a shape plus a context word before it (MRN, plates, ZIP codes). Each returns spans over
 * the original text; deidentify.ts decides which win where they overlap.
 */
import { findNumbers } from 'libphonenumber-js';
import type { Entity, EntityType } from './types';
import { KEEP, NUMBER_CONTEXT } from './lexicon';
import { digitsOf, ibanValid, luhn, ssnPlausible } from './checksums';
import { cue, digitsIn, mayHold } from './cues';
import { mayHoldUpper } from './words';
import { mayHoldPhone } from './phoneWindows';
import { dictionaries } from './dictionaries';
import { PROVINCES, US_STATES } from './regionCodes';

export type Detector = (text: string) => Entity[];

const YEAR = /^(?:19|20)\d\d$/;
/** Whether a number reads as a year (1900-2099): a code, postal code or house number of that shape is a year, no identifier. */
export const isYear = (digits: string): boolean => YEAR.test(digits);

/**
 * Every match of `re` (global) as an entity: the whole match, or capture `group` found inside it — its first
 * occurrence, or its last with `fromEnd` (for patterns whose group closes the match).
 */
export function all(text: string, re: RegExp, type: EntityType, keep?: (m: RegExpExecArray) => boolean, group = 0, fromEnd = false): Entity[] {
  const out: Entity[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (keep && !keep(m)) continue;
    const g = m[group];
    if (g === undefined) continue;
    const start = m.index + (group ? (fromEnd ? m[0].lastIndexOf(g) : m[0].indexOf(g)) : 0);
    out.push({ start, end: start + g.length, type });
  }
  return out;
}

const TLD = 'com|org|net|edu|gov|mil|int|info|biz|io|co|app|dev|ly|me|tv|health|online|site|[a-z]{2}';

/** Typed on a phone, with spaces around "@" or the dots, or "dot" for the last one: "jdoe @ gmail . com", "jdoe@gmail dot com". */
const SPACED_EMAIL = new RegExp(`[\\p{L}\\p{N}._%+-]+ ?@ ?[\\p{L}\\p{N}-]+(?: ?\\. ?[\\p{L}\\p{N}-]+)*(?: ?\\. ?| dot )(?:${'com|ca|net|org|edu|gov|co|uk|us|io|me|info'})(?![\\p{L}\\p{N}])`, 'giu');

export const email: Detector = (t) => [
  ...all(t, /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu, 'EMAIL'),
  ...(/ @|@ | \. |\bdot\b/i.test(t) ? all(t, SPACED_EMAIL, 'EMAIL', (m) => / |dot/i.test(m[0])) : []),
];

/** Bare domains ("harbourlight.ca"): a known TLD and a label of 3+ characters, not part of an email. */
const BARE_DOMAIN = new RegExp(`(?<![@\\w.])(?:[a-z0-9-]{2,}\\.)*[a-z0-9-]{3,}\\.(?:${TLD})(?:\\.[a-z]{2})?(?:\\/[^\\s<>"']*)?(?![\\w@])`, 'gi');

export const url: Detector = (t) => {
  const out = all(t, /\b(?:https?:\/\/|www\.)[^\s<>"'()]+/gi, 'URL');
  // Most texts hold no word-dot-letters run at all ("end. Next" has a space): skip the costly scan then.
  if (!/[a-z0-9-]{3}\.[a-z]{2}/i.test(t)) return out;
  for (const e of all(t, BARE_DOMAIN, 'URL')) {
    const s = t.slice(e.start, e.end);
    // "e.g", "St.John", "Mr.Smith", "Jan.5": need a lower-case or digit label before the TLD.
    if (/^[A-Z][a-z]*\.[A-Za-z]+$/.test(s) && !/\.(com|org|net|ca)$/i.test(s)) continue;
    out.push(e);
  }
  for (const e of out) {
    while (e.end > e.start && /[.,;:!?)\]]/.test(t[e.end - 1]!)) e.end--;
  }
  return out;
};

export const ip: Detector = (t) => [
  ...all(t, /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.]*\d)/g, 'IP'),
  ...all(t, /(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4})(?:(?::[0-9a-f]{1,4}){0,6})(?![\w:])/gi, 'IP', (m) => /\d/.test(m[0]) && (m[0].match(/:/g)?.length ?? 0) >= 3),
];

export const handle: Detector = (t) => all(t, /(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])/g, 'HANDLE');

export const iban: Detector = (t) => all(t, /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/gi, 'IBAN', (m) => ibanValid(m[0]));

/** Canadian postal codes have a distinctive shape: always an identifier of a small area. */
export const canadianPostal: Detector = (t) => all(t, /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b/gi, 'POSTAL_CODE', (m) => /[A-Z]/.test(m[0]) && /\d/.test(m[0]) && !/^[a-z]\d[a-z]\d[a-z]\d$/.test(m[0]));

/** Two lower-case letters after a space that are a word, not a version code: "1234 567 890 on the card". */
const PROSE_PAIR = / (?:on|in|at|is|to|so|or|of|it|my|me|we|he|up|as|by|do|go|if|us|am|pm|an|be|no|oh|ok|ya|yo|ur|im|hi|w\/)$/;

/** Ontario health card: 10 digits plus a two-letter version code. Quebec RAMQ: 4 letters + 8 digits. */
/** The words the label regexes below need (cues.ts): keep each in step with its regex. */
const RAMQ_CUE = cue('ramq carte health hc');

/** Every card below holds eight digits or more, ten without letters (cues.ts counts a text's digits once). */
export const healthCard: Detector = (t) => {
  const digits = digitsIn(t);
  if (digits < 8) return [];
  return [
  // The version code is typed in either case on a phone ("1234 567 890 ab").
  ...(digits >= 10 ? all(t, /\b\d{4}[- ]?\d{3}[- ]?\d{3}[- ]?[A-Za-z]{2}\b/g, 'HEALTH_CARD', (m) => !PROSE_PAIR.test(m[0])) : []),
  // Without its version code: ten digits in the card's 4-3-3 groups.
  ...(digits >= 10 ? all(t, /\b\d{4}[- ]?\d{3}[- ]?\d{3}(?= [a-z]{2}\b)/g, 'HEALTH_CARD', (m) => PROSE_PAIR.test(t.slice(m.index, m.index + m[0].length + 3))) : []),
  ...all(t, /\b[A-Z]{4}[- ]?\d{4}[- ]?\d{4}\b/g, 'HEALTH_CARD'),
  // A RAMQ number typed in lower case, after its label.
  ...(mayHold(t, RAMQ_CUE) ? all(t, /\b(?:ramq|carte|health card|hc)\s*(?:#|no\.?|is|:)?\s*([a-z]{4}[- ]?\d{4}[- ]?\d{4})\b/gi, 'HEALTH_CARD', undefined, 1) : []),
  ];
};

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const TIME = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?(?: ?[ap]\\.?m\\.?)?)?';

const ISO_DATE = new RegExp(`\\b\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}${TIME}\\b`, 'gi');
const NUMERIC_DATE = new RegExp(`\\b\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})${TIME}(?![\\d/.-]*\\d)`, 'gi');
const MONTH_FIRST = new RegExp(`\\b(?:${MONTHS})\\.? (?:\\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?|\\d{4})\\b`, 'gi');
const DAY_FIRST = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})\\.?(?:,? \\d{4})?\\b`, 'gi');
/** What each kind of date needs somewhere in the text: digits around a separator; a month's first three letters. */
const SEPARATED_DIGITS = /\d[-/.]\d/;
const MONTH_NAME = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

/** Exact dates. Years alone, weekdays and months alone stay (not identifying; clinically useful). */
export const date: Detector = (t) => {
  const separated = SEPARATED_DIGITS.test(t);
  const month = MONTH_NAME.test(t);
  return [
    ...(separated ? all(t, ISO_DATE, 'DATE') : []),
    ...(separated ? all(t, NUMERIC_DATE, 'DATE', (m) => {
      const [a, b] = m[0].split(/[-/.]/).map(Number);
      return (a! <= 12 && b! <= 31) || (b! <= 12 && a! <= 31);
    }) : []),
    // "March 3", "Mar. 3rd, 1987", "March 2021"
    ...(month ? all(t, MONTH_FIRST, 'DATE', (m) => /^[A-Z]/.test(m[0]) || /\d{4}/.test(m[0])) : []),
    // "3 March 1987", "3rd of March"; not "4 nov 3" (SMS "for", then the month's own day).
    ...(month ? all(t, DAY_FIRST, 'DATE', (m) => !/^ \d{1,2}(?:st|nd|rd|th)?\b/.test(t.slice(m.index + m[0].length, m.index + m[0].length + 6))) : []),
    // "born in 1984", "DOB 1984": a year tied to a birth is an identifier for the very old
    ...all(t, /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|born(?: on| in)?)[:\s]+(\d{4})\b/gi, 'DATE', undefined, 1),
  ];
};

/** Ages over 89 (HIPAA Safe Harbor); younger ages stay. */
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
/** Ninety to a hundred and twenty-nine in words: "ninety", "ninety-two", "ninety two", "a hundred and one". */
const OLD_WORDS = `(?:ninety(?:[- ](?:${UNITS}))?|(?:a |one )?hundred(?:(?: and)? (?:${UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:${UNITS}))?))?)`;
const OLD = `(?:9\\d|1[0-2]\\d|${OLD_WORDS})`;
const OLD_DIGITS = '(?:9\\d|1[0-2]\\d)';
/**
 * An age over 89 in digits where no age word says it is one (after a name, in brackets or commas after a person:
 * ageAfterName.ts, messyPatterns.ts messyAges): up to 119, since a bare 120–129 there is more often a count or a street.
 */
export const OVER_89_BARE = '(?:9\\d|1[01]\\d)';
/** Counts and measures after a number that make it no age. */
export const NOT_AGE_AFTER = '(?!\\s*(?:%|percent|mg|ml|mcg|days?|weeks?|months?|times|minutes?|mins?|hours?|hrs?|dollars|bucks|cents|\\$|pills|tabs|bus|kg|lbs?|pounds|km|meters|metres|feet|ft|degrees|below|minus|calls|people|beds|units))';
// "97 years" alone is an age too, not "90 years ago" or "90 years of service".
const AGE_AFTER_TAIL = /(?:[- ]?(?:years?|yrs?)[- ]?old|[- ]year[- ]old|\s?(?:yo|y\/o|y\.o\.?|yrs?(?! of)|years? young|ans)(?![\p{L}\p{N}/])| years? of age| years(?=[,.;!)]|\s(?:and|n|but|still|now|today|she|he)\b|$)|\s?-?yr(?![\p{L}]))/u.source;
// Typed on a phone the apostrophe goes ("hes 96", "shes 92", "she 91"), and so does the verb ("she be 100", "turnin 92").
const AGE_CUE_HEAD = `(?<![\\p{L}])(?:age[ds]?|aged|(?:at )?the age of|age of|turned|turning|turnin|turns|turn|is|was|he's|she's|hes|shes|he|she|they're|i'm|will be|would be|gonna be|to be|(?:he|she) be|['’]ll be|ll be)[: ]+(?:about |around |nearly |almost |over |just |like )?`;
/** With numbers only, and with ages in words too: the words' alternatives are tried only in texts that hold one. */
const AGE_REGEXES = [OLD_DIGITS, OLD].map((old) => [
  new RegExp(`(?<![\\p{L}\\p{N}])(${old})${AGE_AFTER_TAIL}`, 'giu'),
  new RegExp(`${AGE_CUE_HEAD}(${old})(?![\\p{L}\\p{N}-])${NOT_AGE_AFTER}`, 'giu'),
]);
/** "her 95th birthday", "his 101st bday". */
const AGE_BIRTHDAY = new RegExp(String.raw`(?<![\p{L}\p{N}])(${OLD_DIGITS}(?:st|nd|rd|th)) (?:birthday|bday|b-day)`, 'giu');
/** "mushum just had his 90th", "she turns her 101st": an ordinal over 89 after a possessive is a birthday (not "her 95th day"). */
const AGE_ORDINAL = new RegExp(String.raw`(?<=\b(?:his|her|their|my|your)\s)(${OLD_DIGITS}(?:st|nd|rd|th))(?![\p{L}\p{N}])(?!\s(?:day|days|time|times|meeting|visit|attempt|try|overdose|session|week|call|street|st|ave|avenue|floor|birthday|bday|b-day|cheque|dose|shot))`, 'giu');

/** "for 100 years", "over 90 years": a span of time, no age. */
const YEARS_SPAN_BEFORE = /\b(?:for|over|past|last|than|about|nearly|almost|around)\s$/i;
/** "At 99, Ida still heats with oil", "at 92 she still does the recycling": "at" an age, then the person. */
const AT_AGE = new RegExp(String.raw`(?<![\p{L}])at (${OLD_DIGITS})(?=,\s\p{L}|\s(?:she|he|they)\s|\s(?:and\s|n\s)?still\b)`, 'giu');

export const age: Detector = (t) => [
  ...AGE_REGEXES[/ninety|hundred/i.test(t) ? 1 : 0]!.flatMap((re) => all(t, re, 'AGE', (m) => !/ years$/.test(m[0]) || !YEARS_SPAN_BEFORE.test(t.slice(Math.max(0, m.index - 12), m.index)), 1)),
  ...all(t, /\b(?:in (?:his|her|their) )(?:(?:early|mid|late)[- ]?)?(nineties|90s|90's|hundreds)\b/gi, 'AGE', undefined, 1),
  ...all(t, AGE_BIRTHDAY, 'AGE', undefined, 1),
  ...all(t, AGE_ORDINAL, 'AGE', undefined, 1),
  ...all(t, AT_AGE, 'AGE', undefined, 1),
];

/** MRN / chart / file numbers: only with a context word, but then any code holding a digit. */
const RECORD_CUE = cue('mrn record chart file patient case');
export const recordNumber: Detector = (t) =>
  !mayHold(t, RECORD_CUE) ? [] : all(t, /\b(?:mrn|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #)?|file(?: number| no\.?| #)|patient (?:id|number|no\.?|#)|record (?:number|no\.?|#)|case (?:number|no\.?|#))\s*(?:is|was)?\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{2,20})\b/gi, 'MRN', (m) => /\d/.test(m[1]!), 1);

/** Licence plates after "plate"; provinces/states use 2–8 letters and digits. */
export const PLATE_CUE = cue('plate tag');
/** A province's, territory's or state's code in capitals right before a plate found: "MB HKT 229", "YT 4HJ92". */
const JURISDICTION_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${PROVINCES.toUpperCase()}|NWT|PEI|${US_STATES.toUpperCase()})[ -]$`, 'u');
/** A plate's last group in capitals or digits: "MN 482 KPJ", "NT 72 449", "NWT 4K 882". */
const PLATE_LAST_GROUP = /^[ -]((?=[A-Z]*\d)[A-Z\d]{2,4}|[A-Z]{3,4})(?![\p{L}\p{N}-])/u;

/** Plates found, widened to the code before them and a last group typed apart (the spans are changed in place). */
export function widenPlates(t: string, found: Entity[]): Entity[] {
  for (const e of found) {
    const code = JURISDICTION_BEFORE.exec(t.slice(Math.max(0, e.start - 4), e.start));
    if (code) e.start -= code[0].length;
    const rest = PLATE_LAST_GROUP.exec(t.slice(e.end, e.end + 6));
    // Not a word in capitals after it ("CKZ 2210 AND", "… LOL").
    if (rest && (/\d/.test(rest[1]!) || (!KEEP.has(rest[1]!.toLowerCase()) && !dictionaries().english.has(rest[1]!.toLowerCase())))) e.end += rest[0].length;
  }
  return found;
}

export const plate: Detector = (t) =>
  !mayHold(t, PLATE_CUE) ? [] : widenPlates(t, all(t, /\b(?:licen[cs]e plates?|plates?|plate number|tag)\s*(?:number|no\.?|#)?\s*(?:is|was|of|reads|:)?\s*([A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5})\b/gi, 'PLATE', (m) => /\d/.test(m[1]!) && /[A-Z]/i.test(m[1]!) && m[1]!.replace(/[- ]/g, '').length >= 4, 1));

/**
 * A ZIP a few words after its label, then "is" or a colon (round 21): "zip for the us form is 14225", "zip for her
 * cousins form: 07302". A preposition first, so "zip it, she said, the bill is 12000" stays.
 */
const ZIP_AFTER_WORDS = /\bzip(?: ?code)?\s(?:for|on|of|from|in)\b[^.!?\n\d,;:]{0,30}?(?:\s(?:is|was)\s|\s?:\s?)(\d{5}(?:-\d{4})?)(?![\p{L}\p{N}-])/giu;
/** US ZIP after a two-letter state ("Springfield, IL 62704") or after a ZIP/postal-code label. */
export const ZIP_CUE = cue('zip post');
export const zip: Detector = (t) => [
  ...(t.includes(',') ? all(t, /(?<=,\s?[A-Z]{2}\s{1,2})\d{5}(?:-\d{4})?\b/g, 'POSTAL_CODE') : []),
  ...(!mayHold(t, ZIP_CUE) ? [] : [
    ...all(t, /\b(?:zip ?code|postal code|post ?code|zip)\s*(?:is|was)?\s*[:#]?\s*((?=[A-Z]{0,3}\d)[A-Z0-9]{2,5}(?:[- ](?=[A-Z]{0,3}\d)[A-Z0-9]{2,4})?|\d{9})\b/gi, 'POSTAL_CODE', undefined, 1),
    ...all(t, ZIP_AFTER_WORDS, 'POSTAL_CODE', undefined, 1),
  ]),
  // A town followed by a postal code and no street: "in Quinta de São Tiago 3610-114 in its ..."
  ...(!mayHoldUpper(t) ? [] : all(t, /(?<=\p{Lu}[\p{L}\p{M}]+ )\d{3,5}(?:[- ]\d{2,3})?(?= (?:in|and|to|for|is)\b|\s*$)/gu, 'POSTAL_CODE', (m) => !isYear(m[0]))),
];

const CONTEXT_GLOBAL = NUMBER_CONTEXT.map(([re, type]) => [new RegExp(re.source, 'gi'), type] as const);

function contextType(text: string, start: number): EntityType | undefined {
  const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
  let best: { at: number; type: EntityType } | undefined;
  for (const [g, type] of CONTEXT_GLOBAL) {
    g.lastIndex = 0;
    for (let m = g.exec(before); m; m = g.exec(before)) {
      if (!best || m.index > best.at) best = { at: m.index, type };
    }
  }
  return best?.type;
}

/**
 * Numbers that identify (SIN, SSN, card, health card, licence, account): typed by the nearest context
 * word, else by shape and check digit. Any other run of 7+ digits is still redacted as ID.
 */
export const idNumber: Detector = (t) => {
  const out: Entity[] = [];
  // Every number kept below holds seven digits or more.
  if (digitsIn(t) < 7) return out;
  const re = /(?<![\w-])(?:[A-Z]{1,2}[- ]?)?\d[\d -]{5,22}\d(?:[- ]?[A-Z]{1,2})?(?![\w-])|(?<![\w-])[A-Z]\d{6,14}(?![\w-])/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    let s = m[0];
    // Don't swallow a trailing separator or run into the next word group.
    s = s.replace(/[ -]+$/, '');
    // A lone last digit before a lower-case word is SMS "4"/"2" ("ahc # 61234-5587 4 the form").
    if (/ \d$/.test(s) && /^ \p{Ll}/u.test(t.slice(m.index + s.length, m.index + s.length + 2))) s = s.slice(0, -2);
    const d = digitsOf(s);
    if (d.length < 7 || d.length > 19) continue;
    // Several space-separated short groups are likely a phone or an address, judged elsewhere.
    const groups = s.split(/[ -]/);
    const ctx = contextType(t, m.index);
    let type: EntityType | undefined = ctx;
    if (ctx === 'POSTAL_CODE') continue;
    if (!type) {
      if (/^\d{3}-\d{2}-\d{4}$/.test(s) && ssnPlausible(d)) type = 'SSN';
      else if (/^\d{3}[- ]\d{3}[- ]\d{3}$/.test(s) && luhn(d)) type = 'SIN';
      else if (d.length >= 13 && luhn(d) && (groups.length === 1 || groups.every((g) => g.length === 4 || g.length >= 5))) type = 'CREDIT_CARD';
      else if (groups.length === 1 && d.length >= 8) type = 'ID';
      else if (groups.length === 1 && /[A-Z]/.test(s)) type = 'ID';
    }
    if (!type) continue;
    if (type === 'SIN' && d.length !== 9) type = 'ID';
    out.push({ start: m.index, end: m.index + s.length, type });
  }
  return out;
};

const EXTENSION = /^,?\s?(?:ext\.?|extension|x)\s?#?\d{1,5}(?![\p{L}\p{N}])/iu;

/** Phone numbers: grouped-digit shapes first, then libphonenumber for the digit clusters they left. */
export const phone: Detector = (t) => {
  const out: Entity[] = [];
  // A country code may take a lone digit after it ("+52 1 55 5555 0134": Mexico's mobile prefix).
  const shape = /(?<![\w+])(?:\+\d{1,3}[ .-]?(?:\d[ .-](?=\d{2}))?)?(?:\(0\)[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{2,5}(?:[ .-]\d{2,8}){1,4}(?:\s?(?:x|ext\.?|#)\s?\d{1,5})?(?![\w])|\+\d{9,14}\b|(?<![\w-])\d{10,11}(?=-?(?:fax|office|mobile|cell)\b)/gi;
  for (let m = shape.exec(t); m; m = shape.exec(t)) {
    const s = m[0];
    const d = digitsOf(s);
    if (d.length < 7 || d.length > 15) continue;
    const strong = /^\+|\(/.test(s) || /\b(?:phone|fone|ph|tel|cell|cel|celular|mobile|fax|call|text|txt|desk|number|registered|reach(?:ed)?|answering at|#)\b[^.\n]{0,20}[:\s]*$/i.test(t.slice(Math.max(0, m.index - 30), m.index)) || /^\s*[-(]?(?:office|fax|mobile|cell|home|work|desk)\b/i.test(t.slice(m.index + s.length, m.index + s.length + 10));
    const groups = s.split(/[ .-]/).length;
    // Dates and plain years are not phones; two short groups need a phone word nearby.
    if (/^\d{4}[-.]\d{2}[-.]\d{2}$/.test(s)) continue;
    if (!strong && groups < 3 && d.length < 10) continue;
    if (!strong && groups === 1) continue;
    out.push({ start: m.index, end: m.index + s.length, type: 'PHONE' });
  }
  // Seven digits after a phone word ("cell 5551234", "# 5551234").
  for (const e of all(t, /(?<![\w-])\d{7}(?![\w-])/g, 'PHONE', (m) => /\b(?:phone|fone|ph|tel|cell|cel|call|text|txt|number|#)\b[^.\n]{0,12}$|#\s*(?:is\s*|:\s*)?$/i.test(t.slice(Math.max(0, m.index - 20), m.index)))) out.push(e);
  // libphonenumber was the largest single cost of the whole de-identifier: it runs only on digit clusters
  // that could hold a phone number and that the shapes above did not already cover.
  const cluster = /[+(]?\d[\d ().\-/x]{5,28}\d/g;
  const byShape = out.slice();
  for (let c = cluster.exec(t); c; c = cluster.exec(t)) {
    // A lone last digit before a lower-case word is SMS "4"/"2" ("780 555 0199 4 the form"), when the number is whole
    // without it (10 or 11 digits left): "587 555 1 2 3 4 lol" keeps its last digit.
    if (/ \d$/.test(c[0]) && [10, 11].includes(digitsOf(c[0]).length - 1) && /^ \p{Ll}/u.test(t.slice(c.index + c[0].length, c.index + c[0].length + 2))) c[0] = c[0].slice(0, -2);
    const cs = c.index;
    const ce = cs + c[0].length;
    const nd = digitsOf(c[0]).length;
    if (nd < 7) continue;
    // No phone holds more than 15 digits, and one bare run of digits is a phone only at 7, 10 or 11 digits: card
    // numbers, IBANs and long ids skip libphonenumber, the costliest step of all.
    if ((nd > 15 && !/[+(]/.test(c[0])) || (/^\d+$/.test(c[0]) && nd !== 7 && nd !== 10 && nd !== 11)) continue;
    // With the US as default country, libphonenumber finds no number of fewer than 10 digits unless it is written
    // internationally ("+44 20 …", "0044 …", "011 …"): skip the rest.
    if (nd < 10 && !/^[+(]|^0/.test(c[0])) continue;
    // Dates and SSNs the other detectors take: "2024-03-14 10", "3/14/2024", "123-45-6789".
    if (/^\d{4}-\d\d-\d\d|^\d{1,2}\/\d{1,2}\/\d{2,4}$|^\d{3}-\d\d-\d{4}$/.test(c[0])) continue;
    if (byShape.some((e) => e.start <= cs + 1 && e.end >= ce - 1)) continue;
    // No run of its digits is a valid number: libphonenumber would find nothing (phoneWindows.ts, exact).
    if (!mayHoldPhone(c[0])) continue;
    try {
      for (const f of findNumbers(c[0], { defaultCountry: 'US', v2: true } as never) as unknown as Array<{ startsAt: number; endsAt: number }>) {
        out.push({ start: cs + f.startsAt, end: cs + f.endsAt, type: 'PHONE' });
      }
    } catch {
      // libphonenumber does not throw on text in practice; the shapes above still ran.
    }
  }
  // An opening parenthesis with no closing one inside the span belongs to the prose: "(416-555-0199)".
  for (const e of out) if (t[e.start] === '(' && !t.slice(e.start, e.end).includes(')')) e.start++;
  // An extension belongs to its number, also after one that libphonenumber found ("cell 7805551234 ext 2").
  for (const e of out) {
    const ext = EXTENSION.exec(t.slice(e.end, e.end + 16));
    if (ext) e.end += ext[0].length;
  }
  return out;
};
