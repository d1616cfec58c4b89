/**
 * Identifiers as they are typed on a phone: lower-case addresses without a street type, rural routes and post
 * office boxes, postal codes without the space, ZIP+4, day-and-month dates ("feb 6th", "3/17", "the 14th of
 * june"), ids after their label ("client ID 10534", "CFS file 2426"), obfuscated emails ("jdoe at gmail dot
 * com"), handles without "@", plates without the word "plate", ages over 89 in brackets ("kokum (97)") and
 * facilities written in lower case ("hope mission", "george spady detox").
 */
import { type Entity, type EntityType, entity } from './types';
import { KEEP, MAIL_PROVIDERS, MONTHS, NAME_PARTICLES, NEAR_DAYS, oneOf, WEEKDAYS, WEEKDAYS_FR_ES, WEEKDAYS_SHORT, WEEKDAYS_SMS } from './lexicon';
import { dictionaries } from './dictionaries';
import { all as allMatches, isYear, OVER_89_BARE, PLATE_CUE, widenPlates, ZIP_CUE } from './patterns';
import { SAFE } from './messy';
import { keepGroups } from './keepList';
import { oneEdit } from './typos';
import { mergeSpans } from './spans';
import { cue, mayHold } from './cues';
import { factsOf, MARK, mayHoldUpper, ownerMarked, wordsOf } from './words';
import { isTownName } from './towns';
import { placeBefore } from './facilityEdges';
import { PROVINCES, US_STATES } from './regionCodes';
import { foreignWordsOf } from './language';
import { kinRelations, kinTerms } from './kinship';
import { escapeRegExp } from '../escapeRegExp';

/** patterns.ts's `all`, locating a capture group from the end of its match (these patterns' groups close them). */
function all(text: string, re: RegExp, type: EntityType, keep?: (m: RegExpExecArray) => boolean, group = 0): Entity[] {
  return allMatches(text, re, type, keep, group, true);
}

const TLDS = 'com|ca|net|org|edu|gov|co|uk|us|io|me|info';
/** A dot said or bracketed: "dot", French "point", Portuguese "ponto", Spanish "punto", "(dot)", "[dot]", or typed. */
const SAID_DOT = '(?:\\bdot\\b|\\bpoint\\b|\\bponto\\b|\\bpunto\\b|\\(dot\\)|\\[dot\\]|\\.)';
/** An "@" said: "at", Spanish and Portuguese "arroba", "(at)", "[at]". */
const SAID_AT = '(?:\\bat\\b|\\barroba\\b|\\(at\\)|\\[at\\])';
/**
 * "jdoe at gmail dot com", "nakita dot b at hotmail dot com", "jdoe(at)gmail(dot)com", "fz.b at videotron point ca",
 * "kw at yahoo dot com dot hk": after "dot" any two letters end it (a country's domain: "wp dot pl") when the user
 * name has a digit, dot or underscore ("she is at home dot no" stays).
 */
const OBFUSCATED_EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}._-])[\\p{L}\\p{N}._+-]+(?:\\s?(?:\\bdot\\b|\\.)\\s?[\\p{L}\\p{N}_+-]+|\\sunderscore\\s[\\p{L}\\p{N}_+-]+)*\\s?${SAID_AT}\\s?[\\p{L}\\p{N}-]+(?:\\s?${SAID_DOT}\\s?(?:[\\p{L}]{2,10}))*\\s?${SAID_DOT}\\s?(?:${TLDS}|(?<=(?:\\bdot|\\(dot\\))\\s?)\\p{L}{2})\\b`,
  'giu',
);

const COMMON_TLD_END = new RegExp(`(?:${TLDS})$`, 'i');

/** "kaylam22 at gmail": a user name before a mail provider, no domain ending typed. */
const PROVIDER_EMAIL = new RegExp(`(?<![\\p{L}\\p{N}._-])([\\p{L}\\p{N}._+-]{3,40}(?:\\s(?:dot|underscore)\\s[\\p{L}\\p{N}_+-]{1,20})?)\\s?(?:${SAID_AT}|@)\\s?(?:${MAIL_PROVIDERS.join('|')})(?![\\p{L}\\p{N}])`, 'giu');

export function obfuscatedEmail(t: string): Entity[] {
  return [
    // A path after the domain makes it a web address ("it's at gofundme.com/f/…"): the URL detector's. Every match says
    // its "@" (SAID_AT: "at", "arroba", "(at)", "[at]"), so it needs no test of a word said besides (round 21).
    ...all(t, OBFUSCATED_EMAIL, 'EMAIL', (m) => t[m.index + m[0].length] !== '/' && !/^(?:at|me|him|her|us|them|home|work|it|there)\s/i.test(m[0]) && (COMMON_TLD_END.test(m[0]) || /^[^\s]*[\d._]/u.test(m[0]))).map((e) => {
      // A user name said with spaces before its number: "sky dot blue 99 at icloud dot com".
      const spoken = /^\d{1,4}\s?(?:at|arroba|\(at\)|\[at\])\s/i.test(t.slice(e.start, e.end)) ? SPOKEN_USER.exec(t.slice(Math.max(0, e.start - 40), e.start)) : null;
      return spoken ? entity(e.start - spoken[0].length, e.end, e.type) : e;
    }),
    // The user name must look like one: a digit, dot or underscore in it, or no English word ("she is at gmail" stays).
    ...all(t, PROVIDER_EMAIL, 'EMAIL', (m) => /[\d._]|\s(?:dot|underscore)\s/.test(m[1]!) || (!dictionaries().english.has(m[1]!.toLowerCase()) && !SAFE.has(m[1]!.toLowerCase()))),
  ];
}

const SPOKEN_USER = /(?<![\p{L}\p{N}])[\p{L}\p{N}_+-]+(?:\s(?:dot|\.|underscore)\s[\p{L}\p{N}_+-]+)+\s$/iu;

/** Platforms by name: a handle follows one, and is never one ("handle on Facebook is mo.lee"). */
const PLATFORMS = 'insta(?:gram)?|ig|snap(?:chat)?|tiktok|twitter|fb|facebook|discord';
/**
 * A handle after its platform ("insta is kaydenmoon_44", "snap her at lexxi_xo", "handle on Facebook is mo.lee"; the
 * platform's name is never the handle), or any word with an underscore.
 */
const PLATFORM_HANDLE = new RegExp(
  String.raw`\b(?:${PLATFORMS}|tik tok|handle|user ?name|gamertag)\b(?:,?[ \t]+(?:is|name|there|at|on|she|he|they|her|his|their|@|:|-|was)){0,5}[ \t:,]+(?!(?:${PLATFORMS})\b)([\p{L}\p{N}_.]{3,30}(?:#\d{4}(?!\d))?)(?![\p{L}\p{N}_])`,
  'giu',
);
/** What DOTTED_HANDLE needs somewhere in a text: a lower-case letter, a dot, a lower-case letter (deidentify.ts asks first). */
export const DOTTED_MAY = /\p{Ll}\.\p{Ll}/u;
/**
 * A user name of lower-case words joined by dots with a number at its end ("mo.lee.207", "kat.rain88"), or two such
 * words after "from" ("a message from kat.rainier"): no sentence, time or abbreviation is typed that way.
 */
const DOTTED_HANDLE = /(?<![\p{L}\p{N}@._/-])(?:\p{Ll}{3,}(?:\.\p{Ll}{2,})+\.?\d{2,4}|(?<=\bfrom\s)\p{Ll}{3,}\.\p{Ll}{3,})(?![\p{L}\p{N}_@]|\.\p{L})/gu;
/** A web domain or a file's extension at its end: "kat.rainier.com", "notes.pdf" are no user name. */
const SITE_OR_FILE = new RegExp(`\\.(?:${TLDS}|pdf|txt|docx?|jpe?g|png|html?)$`);
/** A Discord tag: a user name, "#" and four digits ("wolfie#4412", "ghost_rider#0921"). */
const DISCORD_TAG = /(?<![\p{L}\p{N}_.#@/])(\p{L}[\p{L}\p{N}_.]{1,31})#\d{4}(?![\p{L}\p{N}])/gu;
/** What DISCORD_TAG needs somewhere in a text (deidentify.ts opens the handles' gate on it). */
export const DISCORD_MAY = /[\p{L}\p{N}_]#\d{4}/u;
const UNDERSCORE = /(?<![\p{L}\p{N}@._])[\p{L}\p{N}.]*[\p{L}\p{N}]_[\p{L}\p{N}_.]*[\p{L}\p{N}](?![\p{L}\p{N}_])/gu;

export function handles(t: string): Entity[] {
  const d = dictionaries();
  return [
    ...all(t, PLATFORM_HANDLE, 'HANDLE', (m) => {
      // "SNAP" in capitals is the food benefit, not Snapchat ("her SNAP recertification", "SNAP 0047719").
      if (m[0].startsWith('SNAP')) return false;
      const h = m[1]!.toLowerCase().replace(/\.$/, '');
      return /[\d_.]/.test(h) || (!d.common.has(h) && !SAFE.has(h) && !KEEP.has(h));
    }, 1),
    ...all(t, UNDERSCORE, 'HANDLE'),
    // Not a counter's or label's word ("room#1234", "file#2231"): a name that is no English word, or holds a digit or "_".
    ...(DISCORD_MAY.test(t) ? all(t, DISCORD_TAG, 'HANDLE', (m) => {
      const w = m[1]!.toLowerCase();
      return !ID_LABEL_SET.has(w) && !NUMBER_LABELS.has(w) && !COUNTERS.has(w) && (/[\d_.]/.test(w) || (w.length >= 3 && !d.english.has(w) && !KEEP.has(w)));
    }) : []),
    ...(DOTTED_MAY.test(t) ? all(t, DOTTED_HANDLE, 'HANDLE', (m) => !SITE_OR_FILE.test(m[0])) : []),
  ];
}

/** Ids after a label: the label stays, the code goes. Health and benefit ids become HEALTH_CARD. */
const ID_LABEL = /\b((?:client|file|case|cfs file|cas file|cfs|cas|inmate|booking|aish file|aish|member|patient|resident|tenant|application|applicant|student|chart|dossier|ticket|medicaid|medicare|medi-?cal|health card|health|ahcip|ahc|phn|phin|hcn|hsn|hc|mcp|ohip|care card|status card|band|docket|warrant|claim|treaty|pid|offender|passport|referral|intake|reference|ref|certificate|cert|registration|odsp|snap|ebt|ssi|ssdi|fps|csc|cdcr|uci|oin|sid)\s*(?:id|number|no\.?|num|#|file|card)?\s*(?:#|no\.?|is|was|:)?\s*\(?)(?=(?:(?:ab|bc|qc|mb|sk|ns|nb|pe|nl|yt|nt|nu)\s|[A-Z]{2,5}\s(?=\d))?[A-Za-z]{0,3}-?\d)((?:(?:ab|bc|qc|mb|sk|ns|nb|pe|nl|yt|nt|nu)\s(?=\d)|[A-Z]{2,5}\s(?=\d))?[A-Za-z]{0,3}-?\d[\dA-Za-z-]{1,14}(?: \d{2,5}){0,2})\b/gi;
// A province's code may come first ("health card is ab 123456789"), not "on" (prose).
const PROVINCE_CODE = /^(?:ab|bc|qc|mb|sk|ns|nb|pe|nl|yt|nt|nu)$/i;
const HEALTH_LABEL = /medicaid|medicare|medi-?cal|health|ahc|phn|phin|hcn|hsn|\bhc\b|mcp|ohip|care card|status|band|aish|treaty|registration|odsp|snap|ebt|ssi|income support|\bow\b|\bsin\b/i;

/**
 * A US Medicare Beneficiary Identifier without its label ("1EG4-TE5-MK73"): digit, letter, letter or digit,
 * digit, then letter, letter or digit, digit, then two letters and two digits; S, L, O, I, B and Z are never used.
 */
const MBI = /(?<![\p{L}\p{N}-])[1-9][ac-hjkmnp-rt-y][ac-hjkmnp-rt-y\d]\d-?[ac-hjkmnp-rt-y][ac-hjkmnp-rt-y\d]\d-?[ac-hjkmnp-rt-y]{2}\d{2}(?![\p{L}\p{N}-])/giu;

const VERSION_CODE = /^(?:\s?-\s?|\s(?:version|vers|ver|vc|v)\.?:?\s)[a-z]{2}(?![\p{L}\p{N}])/iu;

/** ID_LABEL's labels (the first word of each, anywhere in a word: cues.ts), asked before it: keep in step with it. */
const ID_LABEL_WORDS = `client file case cfs cas inmate booking aish member patient resident tenant application applicant student chart dossier ticket medicaid
  medicare medi health ahc phn phin hcn hsn hc mcp ohip care status band docket warrant claim treaty pid offender passport referral intake
  ref cert registration odsp snap ebt ssi ssdi fps csc cdcr uci oin sid`;
const ID_LABEL_CUE = cue(ID_LABEL_WORDS);
/** The same labels as words: "cfs#7731" is a file's number, no Discord tag. */
const ID_LABEL_SET = new Set(ID_LABEL_WORDS.split(/\s+/));

export function labelledIds(t: string): Entity[] {
  const out: Entity[] = /\d[a-z]{1,2}\d/i.test(t) ? all(t, MBI, 'HEALTH_CARD') : [];
  ID_LABEL.lastIndex = 0;
  for (let m = mayHold(t, ID_LABEL_CUE) ? ID_LABEL.exec(t) : null; m; m = ID_LABEL.exec(t)) {
    let code = m[2]!.replace(/-+$/, '');
    let start = m.index + m[1]!.length;
    // Letters before the number are the program's acronym in capitals ("AISH 3345871") or a province's code, not a word.
    const prefix = /^([A-Za-z]{2,5}) (?=\d)/.exec(code);
    if (prefix && !/^[A-Z]+$/.test(prefix[1]!) && !PROVINCE_CODE.test(prefix[1]!)) {
      code = code.slice(prefix[0].length);
      start += prefix[0].length;
    }
    // A second part of two digits is the id's ("inmate # 4471 23"), not a count after it ("client 4471 23 years").
    while (/ \d{2,5}$/.test(code) && AFTER_COUNT.test(t.slice(start + code.length, start + code.length + 10))) code = code.replace(/ \d{2,5}$/, '');
    // Three groups of two or three digits are one id typed apart ("claim 44 71 20"); two such groups lose the second.
    if (/ \d{2}$/.test(code) && !/\d{4}/.test(code) && !/^\d{2,3} \d{2,3} \d{2}$/.test(code)) code = code.replace(/ \d{2}$/, '');
    // A last digit typed apart after groups of four ("Member ID 8821 0043 7"); not 2 or 4, SMS "to" and "for".
    const lone = / \d{4}$/.test(code) && /\d{4} \d{4}$/.test(code) ? /^ [0135-9](?![\p{L}\p{N}.,:/-])/u.exec(t.slice(start + code.length, start + code.length + 3)) : null;
    if (lone && !AFTER_COUNT.test(t.slice(start + code.length + 2, start + code.length + 12))) code += lone[0];
    const digits = code.replace(/\D/g, '').length;
    // "file 2" or "case 3" are counts; a year alone ("file 2024") is no id.
    if (digits < 3 || isYear(code)) continue;
    const health = HEALTH_LABEL.test(m[1]!);
    // A health card's version code may follow apart: "1234 567 890 - xk", "… version xk", "… vc xk".
    const version = health ? (VERSION_CODE.exec(t.slice(start + code.length, start + code.length + 14))?.[0].length ?? 0) : 0;
    if (AFTER_COUNT.test(t.slice(start + code.length, start + code.length + 10))) continue;
    out.push({ start, end: start + code.length + version, type: health ? 'HEALTH_CARD' : 'MRN' });
  }
  // A code shaped like one needs no label: capitals, a hyphen, four digits or more ("HF-22817", "P-44821").
  if (factsOf(t).capitals > 0 && /[A-Z]-\d{5}/.test(t)) out.push(...all(t, CODE_SHAPE, 'MRN'));
  if (/#\s?(?:is\s|:\s?)?[A-Za-z]{0,3}-?\d|(?:no\.?|num|number|nbr|id)\s?(?:is\s|:\s?)?[A-Za-z]{0,3}-?\d/i.test(t) || REGION_MARKED_MAY.test(t)) out.push(...markedIds(t));
  if (/\d-\d|\d{5}/.test(t) && NEAR_LABEL_MAY.test(t)) out.push(...all(t, NEAR_ID, 'MRN', (m) => !isYear(m[1]!) && !LOWER_LETTERED.test(m[1]!) && !AFTER_COUNT.test(t.slice(m.index + m[0].length, m.index + m[0].length + 10)), 1));
  if (/\d{3}/.test(t) && NEAR_LABEL_MAY.test(t)) out.push(...all(t, NEAR_SHORT_ID, 'MRN', (m) => !isYear(m[1]!), 1));
  if (/\d{5}|\d-\d{3}|\d{3}[ -]\d{3}[ -]\d{3}|[a-z*]-\d{4}/i.test(t)) out.push(...letteredCodes(t));
  return out;
}

/**
 * An id with its own letters, label or not; the letters go with the number: "CFS-118-2207", "sc-219004", "J-20117"
 * (letters, a hyphen, digit groups), "TR48291K" (capitals glued to the digits), "HRA 77120943", "EPS 24-118302",
 * "A 204-118-937" (capitals, a space, six digits or hyphen-joined groups). Five digits or more in all: no count, time,
 * dose or room number is that long. A word that counts, places or prices is no id's letters ("room 123456", "PAID 150000"),
 * nor a word that only names the kind of number ("MRN 12345678": the label stays, as in labelledIds).
 */
const LETTERED_CODE = /(?<![\p{L}\p{N}$#.-])(?:(\p{L}{1,6}(?:-\p{L}{2,4})?)-(\d{2,8}(?:-\d{2,8}){0,2})|([A-Z]{1,3})(\d{5,9})[A-Z]{0,2}|([A-Z]{1,6}(?:-[A-Z]{2,4})?) (\d{6,10}|\d{1,4}-\d{3,8}(?:-\d{1,4})?))(?![\p{L}\p{N}]|-\d)/gu;
/** A health card's nine digits with its version letter ("902-118-455-P", "900 412 387 T"); a masked SSN ("xxx-xx-8812"). */
const LETTER_AFTER_CARD = /(?<![\p{L}\p{N}-])\d{3}([ -])\d{3}\1\d{3}\1[A-Z](?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:xxx|\*\*\*)-(?:xx|\*\*)-\d{4}(?![\p{L}\p{N}])/giu;
const NOT_ID_LETTERS = new Set(
  `an the and or of to in on at by for is was are be it no so if as up we he she his her my our me us paid pay owe owes owed
  cost costs rent bill total about over under around only just got get won gave raised spent saved
  mrn id no num nbr pin ref dob tel ph sin ssn phn`.split(/\s+/),
);

function letteredCodes(t: string): Entity[] {
  const out = all(t, LETTER_AFTER_CARD, 'HEALTH_CARD');
  LETTERED_CODE.lastIndex = 0;
  for (let m = LETTERED_CODE.exec(t); m; m = LETTERED_CODE.exec(t)) {
    const letters = (m[1] ?? m[3] ?? m[5]!).toLowerCase();
    const digits = m[2] ?? m[4] ?? m[6]!;
    if (digits.replace(/\D/g, '').length < 5 || /^(?:19|20)\d\d-(?:19|20)?\d\d$/.test(digits)) continue;
    // A lone capital before a space is an article or "I" unless hyphen-joined groups follow ("A 204-118-937").
    if (m[5] && letters.length === 1 && !digits.includes('-')) continue;
    if (NOT_ID_LETTERS.has(letters) || COUNTERS.has(letters) || (m[1] && m[1].length > 3 && SAFE.has(letters))) continue;
    if (AFTER_COUNT.test(t.slice(m.index + m[0].length, m.index + m[0].length + 10))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: HEALTH_LABEL.test(letters) ? 'HEALTH_CARD' : 'MRN' });
  }
  return out;
}

/**
 * A code a few words after its label: "the claim for her back 55-0921", "his number at the jail 77812", "son dossier au
 * cisss c'est le 2231-0045". Only codes no count or time is shaped like: digits joined by a hyphen, or five digits or more.
 */
const NEAR_LABEL_MAY = /\b(?:file|case|claim|inmate|client|dossier|docket|booking|member|account|acct|voucher|ticket|tenant|student|number|num[ée]ro|tracking)\b/i;
const NEAR_ID = /\b(?:file|case|claim|inmate|client|dossier|docket|booking|member|account|acct|voucher|ticket|tenant|student|number|num[ée]ro|tracking)\b(?:\s(?:[\p{L}'’]+|#)){0,5}?\s(?:is\s|was\s|c['’]est\s(?:le\s)?|:\s?|#\s?)?(\d{2,6}-\d{2,6}(?:-[\dA-Za-z]{1,6})?|\d{4}-[a-z]{2,3}-\d{3,6}|\d{4,8}-\d|\d{5,12}|[A-Z]{1,3}\d{1,2}-\d{3,6}|\d[A-Z]{1,2}\d{4,9})(?![\p{L}\p{N}-])/giu;
/** Letters glued to a code's digits are its own only in capitals ("E5-1198", "1Z48876"; not "b2-1100", "3am12345"). */
const LOWER_LETTERED = /^[a-z]{1,3}\d{1,2}-|^\d[a-z]{1,2}\d/;
/**
 * Three or four digits a few words after the label, right after "is", "was", ":" or "#" and ending the clause: "the CAS
 * file on her is 5521." (not "the file on her is 300 pages", "the client is 1200 on rent").
 */
const NEAR_SHORT_ID = /\b(?:file|case|claim|inmate|client|dossier|docket|booking|member|account|acct|voucher|ticket|tenant|student)\b(?:\s[\p{L}'’]+){0,5}?\s(?:is|was|:|#)\s?(\d{3,4})(?![\p{L}\p{N}-])(?=\s*(?:[,.;!?)]|$)|\s(?:and|so|but|if)\b)/giu;

/**
 * Any label typed loosely before a number sign, "no.", "number" or "id" ("ref no 55821", "intake # A-20931", "cfs#7731",
 * "info # 23-1187", "pt id 9937122"): the code after it is an id, whatever the label, unless the label counts or places
 * things ("room # 214", "bus no 9", "exit 12") or is a phone's (the phone detector's). A prose word before the sign
 * ("his # is ...") takes only "id".
 */
const MARKED_ID = /(?<![\p{L}\p{N}])(\p{L}[\p{L}'’-]{0,20})\.?\s?((?:(?:id|#|number|num\.?|no\.?|nbr)\s?){1,2})(?:is\s|was\s|:\s?|-\s)?((?:[A-Za-z]{2,6}\s(?=\d))?[A-Za-z]{0,3}-?\d[\dA-Za-z-]{1,16})(?![\p{L}\p{N}])/giu;
// Two to six capitals, maybe a second group of them, and five digits or more ("LMCH-30912", "HFX-SH-20981"): a client
// code is up to four digits ("C-14", "AB-1234"; identifier.ts).
const CODE_SHAPE = /(?<![\p{L}\p{N}-])[A-Z]{2,6}(?:-[A-Z]{2,4})?-\d{5,10}(?![\p{L}\p{N}]|-\d)/gu;
const COUNTERS = new Set(
  `room rm rms bed beds bus unit units apt apartment suite ste site lot box exit gate route rte hwy highway ward locker seat page pg
  pages step steps grade chapter ch day days week weeks month months year years floor fl level stall table door platform line
  track pod cell phone ph tel telephone call text txt fax mobile house hse stop bay lane pump aisle row section sec size vol
  volume issue question item part episode ep season round game pick spot jersey channel dose doses pill pills tab tabs kid
  kids child children tier sheet form forms slot window counter booth desk extension ext x`.split(/\s+/),
);
/** Counts, measures and money right after a number: "claim 500 dollars", "case 120 mg". */
const AFTER_COUNT = /^\s?(?:%|\$|dollars?|bucks|mg|mcg|ml|cc|kg|km|lbs?|mins?|minutes|hrs?|hours?|days?|weeks?|months?|yrs?|years?|times|pills|tabs|am|pm)(?![\p{L}])/iu;

/** A marker, then a state's or province's code in capitals and a digit ("id OK 4417", "number is MA 00318"): markedIds' gate. */
const REGION_MARKED_MAY = /(?:#|\b(?:no|No|NO|num|number|Number|NUMBER|nbr|id|Id|ID))\.?\s?(?:is\s|:\s?)?[A-Z]{2}\s\d/;
const REGION_CODE = new RegExp(`^(?:${US_STATES.toUpperCase()}|${PROVINCES.toUpperCase()})$`);
/** Digit groups typed apart after a code with its region's letters: " 2290 18". */
const REGION_GROUPS = /^(?: \d{2,5}){1,2}(?![\p{L}\p{N}])/u;

function markedIds(t: string): Entity[] {
  const out: Entity[] = [];
  MARKED_ID.lastIndex = 0;
  for (let m = MARKED_ID.exec(t); m; m = MARKED_ID.exec(t)) {
    const label = m[1]!.toLowerCase();
    const marker = m[2]!.toLowerCase();
    // A marker glued to the word is part of it: "paid 1200", "casino 2024" (not "cfs#7731", "pt.id").
    if (/^\p{L}/u.test(marker) && /\p{L}/u.test(t[m.index + m[1]!.length] ?? '')) continue;
    // So is a word glued after it: "notified 1530" holds "no", no marker.
    if (/\p{L}$/u.test(m[2]!) && /\p{L}/u.test(t[m.index + m[1]!.length + m[2]!.length] ?? '')) continue;
    // A program's letters before the number are the id's in capitals ("student number is ALC 559012"), not a word.
    // A state's or province's code in capitals is the id's too ("id OK 4417 2290 18", "MA 00318 7725"), with its groups.
    const region = /^([A-Z]{2}) \d/.exec(m[3]!) && REGION_CODE.test(m[3]!.slice(0, 2));
    let code = m[3]!.replace(/-+$/, '').replace(/^([A-Za-z]+) (?=\d)/, (x, w: string) => (region || (/^[A-Z]+$/.test(w) && !KEEP.has(w.toLowerCase())) ? x : ''));
    if (region && code === m[3]) {
      const groups = REGION_GROUPS.exec(t.slice(m.index + m[0].length, m.index + m[0].length + 14));
      if (groups && !AFTER_COUNT.test(t.slice(m.index + m[0].length + groups[0].length, m.index + m[0].length + groups[0].length + 10))) code += groups[0];
    }
    // Four digits or more: "worker id 551" is a desk, not a person.
    if (COUNTERS.has(label) || (code.replace(/\D/g, '').length < 4)) continue;
    if (SAFE.has(label) && !/\bid\b/.test(marker)) continue;
    const end = m.index + m[0].length - (m[3]!.length - m[3]!.replace(/-+$/, '').length) + Math.max(0, code.length - m[3]!.length);
    if (isYear(code) || AFTER_COUNT.test(t.slice(end, end + 10))) continue;
    const start = end - code.length;
    out.push({ start, end, type: HEALTH_LABEL.test(label) ? 'HEALTH_CARD' : 'MRN' });
  }
  return out;
}

export const STREET = 'cl|hollow|holler|pike|st|street|ave|av|avenue|rd|road|dr|drive|blvd|boulevard|cres|crescent|way|lane|ln|crt|ct|court|pl|place|terr|terrace|trail|trl|hwy|highway|pkwy|parkway|close|cir|circle|gate|row|sq|square|grove|park|hill|heights|green|mews|line|concession|sideroad|bay|rise|landing|point|pt|view|link|cove|common|commons|wynd|gardens|gdns|crossing|glen|vale|loop|concourse|esplanade|promenade|causeway|boardwalk|turnpike|expressway|plaza';
/**
 * The commonest street types, spelt right (a subset of STREET; test/services/deidentify/streetTypos.test.ts keeps it
 * one): one among a street's name words before a misspelt type says the street is another detector's ("12 main st
 * raod trip", streetTypos.ts). Not STREET whole: its other types are also words of a street's name ("44 park hill
 * cresent", "9 bay view drvie").
 */
export const SPELT_STREET = 'st|street|ave|avenue|rd|road|dr|drive|blvd|cres|crescent|ct|court|pl|place|ln|lane|way|hwy|highway';
// In SMS "w" is "with" and "n" is "and": before a person or a possessive they are no direction ("95 st w his cousin").
const WITH_AFTER = '(?!\\s(?:his|her|my|the|a|an|their|our|me|him|them|us|u|ur|it|some|kids?|bf|gf|mom|dad|ma|sis|bro|friends?|fam|family|cousin|aunt|auntie|uncle|partner|wife|husband|son|daughter|baby|dog)\\b)';
const DIR = `(?:\\s(?:nw|ne|sw|se|s|e|north ?west|north ?east|south ?west|south ?east|north|south|east|west)\\b\\.?|\\s(?:n|w)\\b\\.?${WITH_AFTER})?`;
/** Words that make the number before them a time or a count, not a house: "at 2 pm", "5 hrs". */
const CLOCK_WORD = "(?:am|pm|a\\.m|p\\.m|o['’]?clock|hrs?|hours?|mins?|minutes?|ish)(?![\\p{L}\\p{N}])";
// "unit 12 at 550 jasper ave", "unit 4 of 880 king": the unit may come before "at" or "of" and the house number.
const UNIT_PREFIX = '(?:(?:(?:basement|bsmt|main floor|upper|lower)\\s)?(?:apt|apartment|unit|suite|ste|bsmt|basement|bay|lot|room|rm|#)\\.?\\s?#?\\s?(?:\\d{1,5}[a-z]?|[a-z](?=\\s\\d))(?:,?\\s|\\s?-\\s?(?=\\d))(?:at\\s|of\\s)?|\\d{1,5}[a-z]?\\s-\\s(?=\\d)|\\d{1,4}[a-z]\\s(?=\\d{2,6}\\s))';
const NAME_PART = "(?:\\d{1,3}(?:st|nd|rd|th|[a-z])?|[\\p{L}][\\p{L}'’-]+)";
/** "1210 98 st nw", "apt 4c 1210 98 st nw", "44 birch cres", "#303 9920 jasper ave". */
// A direction may lead the street's name ("120 e 5th ave"); a numbered street may have its type glued on ("98st", "86ave").
const LOWER_STREET = new RegExp(`(?<![\\p{L}\\p{N}.,/-])${UNIT_PREFIX}?#?\\d{1,6}[a-z]?(?:-\\d{1,5}|-[a-z](?=\\s))?\\s(?:[nsew]\\.?\\s)?(?:(?:${NAME_PART}\\s){1,3}(?:${STREET})|\\d{1,3}(?:st|ave|avenue|street|rd|road))\\b\\.?${DIR}(?:,?\\s(?:apt|unit|suite|#)\\.?\\s?\\d{1,5}[a-z]?\\b)?`, 'giu');
/** The shortest street from a given house number, tried when the longest takes in prose ("15 westwood cres in st albert"). */
const LOWER_STREET_SHORT = new RegExp(LOWER_STREET.source.replace('){1,3}(?:', '){1,3}?(?:'), 'iuy');
/** Edmonton's "house-street" numbering: "1020-34 ave nw", "10220 - 104 st". */
const HYPHEN_STREET = new RegExp(`(?<![\\p{L}\\p{N}.,/-])\\d{2,6}[a-z]?\\s?-\\s?\\d{1,3}[a-z]?(?:st|nd|rd|th)?\\s(?:${STREET})\\b\\.?${DIR}`, 'giu');
/**
 * A unit before a house number and a street name, no street type: "unit 5 44 king", "#1105 500 queen". A clock time
 * after "at" is no house ("group in room 5 at 2 pm").
 */
const UNIT_STREET = new RegExp(`(?<![\\p{L}\\p{N}])${UNIT_PREFIX}\\d{1,6}[a-z]?\\s(?!${CLOCK_WORD})[\\p{L}][\\p{L}'’-]+(?:\\s[\\p{L}][\\p{L}'’-]+)?`, 'giu');
/**
 * What every match holds, tested before the costly regexes (same flags, so the same letters match): a street type
 * after a space, or a numbered street with its type glued on (LOWER_STREET, HYPHEN_STREET, CROSSING); a unit word
 * and its number, or "12 - 34" (UNIT_STREET). Each is absent from most texts with a digit.
 */
const STREET_TYPE_IN = new RegExp(`\\s(?:${STREET})\\b|\\d(?:st|ave|avenue|street|rd|road)\\b`, 'iu');
/** The words STREET_TYPE_IN and UNIT_IN need (cues.ts); UNIT_IN's "#" and "12 - 34" are looked for apart. */
const STREET_TYPE_CUE = cue('', STREET.replace(/\|/g, ' '));
const UNIT_CUE = cue('apt apartment unit suite ste bsmt basement bay lot room rm');
const UNIT_IN = /(?:apt|apartment|unit|suite|ste|bsmt|basement|bay|lot|room|rm|#)\.?\s?#?\s?[\da-z]|\d[a-z]?\s-\s\d/iu;
/** Rural routes and boxes: "rr 3 site 2 box 9", "r.r. 1", "po box 88", "p.o. box 412", "box 412". */
const RURAL = /(?<![\p{L}\p{N}])(?:(?:r\.?r\.?|rural route)\s?#?\d{1,3}(?:,?\s(?:site|s|box|comp|c)\s?#?\d{1,5}){0,2}|(?:general delivery,?\s)?(?:p\.?\s?o\.?\s?b\.?|(?:p\.?\s?o\.?\s?)?box)\s?#?\d{1,6}(?:,?\s(?:stn|station)\s\p{L}+)?|site\s\d{1,3},?\s(?:box|comp|c)\s?\d{1,5}|(?:hc|h\.c\.|star route|rt|rte|route)\s?#?\d{1,3},?\s(?:box)\s?#?\d{1,5})(?![\p{L}\p{N}])/giu;
/** A place on a highway by its kilometre or mile: "km 42 hwy 16", "hwy 2 at km 310", "mile 88 on the alaska hwy". */
const HIGHWAY_MARK = /(?<![\p{L}\p{N}])(?:(?:km|mile|mi)\s?\d{1,4}(?:\.\d)?,?\s(?:on\s|of\s)?(?:the\s)?(?:(?:hwy|highway|rte|route)\s?\d{1,4}|\p{L}+\s(?:hwy|highway))|(?:hwy|highway|rte|route)\s?\d{1,4},?\s(?:at\s)?(?:km|mile)\s?\d{1,4}(?:\.\d)?)(?![\p{L}\p{N}])/giu;

/** RURAL's words: "rr" or "r.r.", "rural", a box ("po box", "pobox", "p.o.b.") or a site. */
const RURAL_CUE = cue('rural box site', 'rr r b ob pob');

/** A box or site before its rural route ("box 45 rr 1"); range and township roads ("lot 22 range rd 231", "twp rd 534"). */
const RURAL_BOX_FIRST = /(?<![\p{L}\p{N}])(?:box|site|comp)\s?#?\d{1,5},?\s(?:r\.?r\.?|rural route)\s?#?\d{1,3}(?![\p{L}\p{N}])/giu;
const RANGE_ROAD = /(?<![\p{L}\p{N}])(?:(?:lot|site|box)\s?#?\d{1,5},?\s)?(?:\d{3,6}[a-z]?,?\s)?(?:range|rge|rng|twp|township|tsp)\.?\s?(?:rd|road)\.?\s?\d{1,4}[a-z]?(?![\p{L}\p{N}])/giu;

/**
 * Prairie land descriptions ("sw 12-34-5 w4", "NE-4-52-21-W4M", "lsd 4-12-34-5 w5"): section, township, range and
 * meridian; Ontario's lots and concessions ("lot 14 concession 6", "con 3 lot 22"); a numbered house on a reserve or in
 * a settlement ("lives in house 112"); a block ("the 1700 block of 32 ave").
 */
const LAND = /(?<![\p{L}\p{N}])(?:(?:(?:n\.?[ew]\.?|s\.?[ew]\.?)[ -]?(?:1\/4[ -]?)?|lsd[ -]?\d{1,2}[ -])?\d{1,2}[- ]\d{1,3}[- ]\d{1,2}[ -]?[we]\.?\s?[1-6]m?|(?:pt\.?\s)?lot\s?\d{1,3}[a-z]?,?\s(?:con(?:cession|c)?\.?)\s?\d{1,2}|con(?:cession|c)?\.?\s?\d{1,2},?\s(?:pt\.?\s)?lot\s?\d{1,3}[a-z]?)(?![\p{L}\p{N}])/giu;
const HOUSE_NUMBER = /(?:(?<=\b(?:in|at|to|from|into|is|of)\s)|(?<=\b(?:reserve|rez|res|nation|settlement|colony),?\s)|(?=(?:house|hse)\s?#?\s?\d{1,4}[a-z]?\s(?:on|at|in)\s(?:the\s)?(?:rez|res|reserve|nation|settlement|colony)\b))(?:house|hse)\s?#?\s?\d{1,4}[a-z]?(?![\p{L}\p{N}])(?!\s*(?:%|mg|days?|weeks?|rules|people|kids|times|of\s))/giu;
/** A house number with a half: "77 1/2 main st". */
const HALF_HOUSE = new RegExp(`(?<![\\p{L}\\p{N}/])\\d{1,5}\\s1\\/2\\s(?:[nsew]\\.?\\s)?(?:${NAME_PART}\\s){1,3}(?:${STREET})\\b\\.?`, 'giu');

/** A lot, trailer or pad in a park, after a place cue: "his trailer is at lot 34", "she's in trailer 12". */
const LOT = /(?<=\b(?:in|at|to|from|into|on|is)\s)(?<!\bpark(?:ed|ing)?\s(?:in|at)\s)(?:lot|trailer|pad)\s?#?\s?\d{1,4}[a-z]?(?![\p{L}\p{N}])(?!\s(?:of|mg|days?|weeks?|people|cars?)\b)/giu;
/** A numbered road after "on", "off", "at", "near" or "along": "hwy 31", "fm 907", "county rd 12", "route 66", "bia route 41" (round 21). */
const NUMBERED_ROAD = /\b(on|off|at|near|along)\s((?:(?:bia|tribal|navajo|indian)\s)?(?:hwy|highway|route|rte|fm|county\s(?:rd|road)|sr|state\s(?:route|road|hwy))\s?#?\d{1,4}[a-z]?|(?:the\s)?mile\s\d{1,2}(?:\s1\/2)?(?:\s(?:[nsew]|north|south|east|west)(?=[\s,.;!?)]|$))?(?:\s(?:rd|road)\b)?)(?![\p{L}\p{N}/])(?!\s*(?:%|am|pm|mg|kms?|miles?|mins?|minutes|hrs?|hours|times|days)\b)/giu;
/** A house number of two digits or more, one or two words, a direction, then a unit: "14520 gratiot apt 2", "44 king unit 5". */
const STREET_THEN_UNIT = /(?<![\p{L}\p{N}.,/$#:-])(\d{2,6}[a-z]?)\s(?:[nsew]\.?\s)?(\p{L}[\p{L}'’-]+)(?:\s(\p{L}[\p{L}'’-]+))?(?:\s(?:[nsew]|nw|ne|sw|se|est|ouest))?,?\s(?:apt|apartment|app|unit|suite|ste|#)\.?\s?#?\s?\d{1,5}[a-z]?(?![\p{L}\p{N}])/giu;
/**
 * A lot with no place cue, when the park's name follows it and ends on a settlement word (round 10): "has lot 12 sunny
 * acres", "lot 7 pine ridge estates"; "parking lot 3 times", "lot 4 today" take nothing.
 */
const LOT_IN_PARK = /(?<![\p{L}\p{N}])(?:lot|pad)\s?#?\s?\d{1,4}[a-z]?(?![\p{L}\p{N}])/giu;
/** A lot on a numbered or rural road: "lot 52 fm 2557", "lot 31 rr 2", "lot 7 hwy 16" (round 10). */
const LOT_ON_ROAD = /(?<![\p{L}\p{N}])lot\s?#?\s?\d{1,4}[a-z]?,?\s(?:fm|r\.?r\.?|hwy|highway|route|rte|county\s(?:rd|road))\s?#?\d{1,4}[a-z]?(?![\p{L}\p{N}])/giu;
const PARK_AFTER_LOT = /^,?\s(?:\p{L}[\p{L}'’-]*\s){0,2}(?:acres|estates|park|village|court|heights|meadows|gardens|grove|trailer park|mobile home park|mhp|trailer court|campground|colony)(?![\p{L}])/iu;
const BLOCK = new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,3}00\\s(?:block|blk)\\s(?:of\\s)?(?:(?:n|s|e|w|north|south|east|west)\\s)?(?:\\d{1,3}(?:st|nd|rd|th)?(?:\\s(?:${'st|street|ave|av|avenue|rd|road|dr|drive|blvd|way|lane'}))?|\\p{L}[\\p{L}'’-]+(?:\\s(?:${'st|street|ave|av|avenue|rd|road|dr|drive|blvd|boulevard|way|lane|cres|crescent|pl|place|ct|court'}))?)${'(?:\\s(?:nw|ne|sw|se|n|s|e|w)\\b)?'}`, 'giu');

/** Two streets that cross, in lower case: "118 ave and 95 st", "jasper ave & 109 st". */
const STREET_NAME = `(?:\\d{1,3}(?:st|nd|rd|th)?|[\\p{L}][\\p{L}'’-]+)\\s(?:${STREET})\\b\\.?${DIR}`;
const CROSSING = new RegExp(`(?<![\\p{L}\\p{N}])(?:corner of\\s)?${STREET_NAME}\\s(?:and|&|@|at|n)\\s${STREET_NAME}`, 'giu');

/**
 * A house number and a street name with no street type, after a place cue: "lives on 44 king", "at 1820 belmont", "the end
 * of 3420 hurontario", "in scarborough, 44 brimley" (after a comma, a house number of 10 or more).
 */
// A unit may lead with a hyphen ("7-1010 king"); after a direction the street may be an ordinal ("123 w 45th").
const BARE_STREET = /(?:^|\b(?:on|at|to|from|is|into|near|by|place|address|moved|lives|living|staying|of|off|in|house|home|apartment)\s|@\s|,\s)((?:\d{1,5}[a-z]?(?:\s?-\s?|\s(?=\d{3,5}\s\p{L})))?(\d{1,5})([a-z]?)(?:\s1\/2)?\s(?:([nsew])\.?\s)?(\p{L}[\p{L}'’-]+|\d{1,3}(?:st|nd|rd|th)))(?![\p{L}\p{N}])/giu;
/**
 * Edmonton's numbered grid with no street type, after a place cue: "lives at 10135 117", "moved to 8812 148", "apt 1207 at
 * 9930 106". A house number of three digits or more, then a street's number; no measure, time or money after it.
 */
const NUMBERED_PAIR = /(?:\b(?:at|to|address|addr|lives|living|moved|staying|place)|@)\s(\d{3,6}[a-z]?\s\d{2,3}[a-z]?)(?![\p{L}\p{N}:./-])/giu;
/**
 * Two streets that cross, with no street type, after a place cue: "on 118 and 95", "at jasper and 101", "the corner queen
 * and bathurst" (round 21: "corner" with no "of" reads the sides as any place cue does, not as "corner of"). One side is a
 * number of 13 or more (both numbers: one of 50 or more), the other a number or a word that is no prose; a measure or
 * time after it makes them counts ("at 50 and 60 mg").
 */
const BARE_CROSSING = /(?:\b(on|at|of|by|near|off|to|from|outside|behind|past|corner(?!\sof\s))|@)\s((?:[nsew]\s)?(\d{1,3}(?:st|nd|rd|th)|\d{2,3}|\p{L}[\p{L}'’-]+)(?:\s(?:and|&|n|\/|\+)\s|\s?[&/]\s?)(?:[nsew]\s)?(\d{1,3}(?:st|nd|rd|th)|\d{2,3}|\p{L}[\p{L}'’-]+))(?![\p{L}\p{N}'’/-])(?!\s*(?:am|pm|mg|ml|mcg|%|yrs?|years?|y\/?o|days?|weeks?|months?|hrs?|hours?|mins?|kids|times|dollars|bucks|pills|tabs)\b)/giu;
/** Words before "to"/"from" that make a crossing the place of a ride or a walk ("a ride to robie n almon"), not a person. */
const GOING_BEFORE = /(?:^|[^\p{L}])(?:ride|rides|lift|walk|walked|walking|drove|drive|driving|towed|bus|cab|taxi|headed|heading|way)\s+$/iu;
/** A word after a crossing that makes its second word someone's ("at tanis n kofis place"). */
const OWNED_AFTER = /^\s(?:place|house|home|apartment|apt|room|trailer|camp|mom|moms|mum|dad|family|kids|bf|gf)\b/i;

const CORNER_BEFORE = /(?:^|[^\p{L}])corner\s+$/iu;
/** Verbs that take a person after "at" or "on" ("mad at", "checked on"): no place is said there. */
const VERB_BEFORE_AT = /(?:^|[^\p{L}])(?:mad|angry|yell(?:ed|ing)?|look(?:ed|ing)?|star(?:e|ed|es|ing)|laugh(?:ed|ing)?|smil(?:ed|ing)|point(?:ed|ing)?|check(?:ed|ing)?|call(?:ed|ing)?|wait(?:ed|ing)?|count(?:ed|ing)?|rel(?:y|ied|ying)|depend(?:ed|ing)?|focus(?:ed|ing)?|keep|kept|sign(?:ed)?)\s+$/iu;

function bareCrossings(t: string): Entity[] {
  const out: Entity[] = [];
  BARE_CROSSING.lastIndex = 0;
  for (let m = BARE_CROSSING.exec(t); m; m = BARE_CROSSING.exec(t)) {
    const cue = (m[1] ?? '@').toLowerCase();
    const end = m.index + m[0].length;
    // Two streets named by words alone ("salter and aberdeen") only where a place is said, not after "to"/"from" alone
    // ("talked to tanis n kofi"), and not before a possession ("at tanis n kofis place").
    const located = ((cue !== 'to' && cue !== 'from') || GOING_BEFORE.test(t.slice(Math.max(0, m.index - 12), m.index))) && !VERB_BEFORE_AT.test(t.slice(Math.max(0, m.index - 12), m.index));
    // A slash joins two words only (dates and doses are numbers: "on 3/17", "50/50").
    if (/^[^&]*\/[^&]*$/.test(m[2]!) && (/^\d/.test(m[3]!) && /^\d/.test(m[4]!))) continue;
    // Two towns are a trip, not a crossing, after a word of going or nearness ("drove to gimli and selkirk", "near
    // plymouth and greenfield"); after "on", "at" or "corner of" they are streets named for towns.
    const trip = cue !== 'on' && cue !== 'at' && cue !== 'of' && cue !== '@' && isTownName(m[3]!.toLowerCase()) && isTownName(m[4]!.toLowerCase());
    // "the corner of", "corner at": the word says two streets cross (round 11).
    const corner = (cue === 'of' || cue === 'at') && CORNER_BEFORE.test(t.slice(Math.max(0, m.index - 8), m.index));
    // Round 13: right after "on", "at", "off" or "@" (not "of", "by", "near"), a place is said most plainly.
    const onAt = cue === 'on' || cue === 'at' || cue === 'off' || cue === '@';
    if (trip || !crossingSides(m[3]!, m[4]!, located && !OWNED_AFTER.test(t.slice(end, end + 12)), corner, onAt)) continue;
    out.push({ start: end - m[2]!.length, end, type: 'ADDRESS' });
  }
  TYPED_CROSSING.lastIndex = 0;
  for (let m = TYPED_CROSSING.exec(t); m; m = TYPED_CROSSING.exec(t)) {
    // The second side is read greedily ("memorial waiting"): its words are dropped from the end until both sides name streets.
    const words = m[3]!.split(/\s+/);
    for (let n = words.length; n >= 1; n--) {
      const b = words.slice(0, n).join(' ');
      const end = m.index + m[0].length - (m[3]!.length - b.length);
      if (!typedSides(m[2]!, b) || OWNED_AFTER.test(t.slice(end, end + 12))) continue;
      out.push({ start: m.index + m[0].length - m[1]!.length, end, type: 'ADDRESS' });
      break;
    }
  }
  return out;
}

/** The four quadrants a street's name may end on ("11810 kingsway nw", "4512 118 ave nw"). */
export const QUADRANTS = 'nw|ne|sw|se';
/**
 * Where a quadrant after a street ends: no letter, digit, apostrophe or hyphen follows, so no address ends inside a
 * word ("kingsway nwé", "nw-side", "ne'er"); in the notes a hyphen after a letter joins a word ("st-laurent"), never a
 * dash. One end for the quadrant after a street in every stage (QUADRANT_AFTER, streetTypos.ts, streetEdges.ts).
 */
export const QUADRANT_END = String.raw`(?![\p{L}\p{N}'’-])`;
/** One side of a crossing: a direction, one or two words, a street type, a quadrant ("1st ave e", "irving park", "52 st"). */
const SIDE = `(?:[nsew]\\s)?(?:\\d{1,3}(?:st|nd|rd|th)?|\\p{L}[\\p{L}'’-]+)(?:\\s(?!(?:and|n)\\s)\\p{L}[\\p{L}'’-]+)?(?:\\s(?:${STREET})\\.?)?(?:\\s(?:${QUADRANTS}|[nsew]))?`;
/**
 * Two streets crossing after a place word, a side of two words or with a street type (round 10): "at memorial n 52 st",
 * "corner of cesar chavez & 2nd", "on irving park n cicero", "at 1st ave e n mcbride".
 */
const TYPED_CROSSING = new RegExp(`(?:\\b(?:on|at|of|by|near|off|outside|behind|past)|@)\\s((${SIDE})\\s(?:and|&|n)\\s(${SIDE}))(?![\\p{L}\\p{N}'’/-])`, 'giu');
const STREET_TYPE_WORD = new RegExp(`^(?:${STREET})\\.?$`, 'i');
/** A street's direction or quadrant as a word ("n", "nw"): also never a saint's initial (saintInitials: "centre st n"). */
const QUADRANT_WORD = new RegExp(`^(?:${QUADRANTS}|[nsew])$`, 'i');

/**
 * Whether two sides of TYPED_CROSSING name streets: every name word no prose, kept word, weekday or month; each side a
 * number, an ordinal, a street type or words that are no common word (or words streets are named for); and one side at
 * least two words long or holding a type, a number or an ordinal (one word each is BARE_CROSSING's).
 */
function typedSides(a: string, b: string): boolean {
  const d = dictionaries();
  const read = (side: string): { ok: boolean; marked: boolean; words: number } => {
    const words = side.split(/\s+/);
    while (words.length > 1 && QUADRANT_WORD.test(words[0]!)) words.shift();
    while (words.length > 1 && QUADRANT_WORD.test(words[words.length - 1]!)) words.pop();
    // "kofis place" is someone's place (a possessive typed without its apostrophe), not a street called Kofis Place.
    const typed = words.length > 1 && STREET_TYPE_WORD.test(words[words.length - 1]!) && !(/^place$/i.test(words[words.length - 1]!) && /s$/i.test(words[words.length - 2]!));
    if (typed) words.pop();
    const numbered = words.some((w) => /^\d/.test(w));
    const lower = words.map((w) => w.toLowerCase());
    const prose = lower.some((w) => !/^\d/.test(w) && (proseWord(w) || KEEP.has(w) || TIME_NAMES.test(w.replace(/s$/, '')) || WEEKDAY_SHORT.test(w) || MEASURES.has(w)));
    // A bare number names a street from 13 up ("midland and 2" is a count).
    const named = lower.every((w) => /^\d{1,3}(?:st|nd|rd|th)$/.test(w) || (/^\d{2,3}$/.test(w) && Number(w) >= 13) || STREET_WORDS.has(w) || (w.length >= 3 && !/^\d/.test(w) && !d.common.has(w)));
    const small = lower.some((w) => /^\d+$/.test(w) && Number(w) < 13);
    return { ok: !prose && !small && (typed || named), marked: typed || numbered, words: words.length };
  };
  const [x, y] = [read(a), read(b)];
  // Two numbers or ordinals and no street type are counts or floors ("on 2nd and 3rd floor").
  const bare = (side: string): boolean => /^\d+(?:st|nd|rd|th)?$/i.test(side);
  return x.ok && y.ok && (x.marked || y.marked || x.words > 1 || y.words > 1) && !(bare(a) && bare(b));
}

function crossingSides(a: string, b: string, located = false, corner = false, onAt = false): boolean {
  const num = (x: string): number => (/^\d/.test(x) ? Number.parseInt(x, 10) : Number.NaN);
  const word = (x: string): boolean => !/^\d/.test(x) && !proseWord(x.toLowerCase()) && !KEEP.has(x.toLowerCase()) && !dictionaries().common.has(x.toLowerCase());
  const [na, nb] = [num(a), num(b)];
  // An ordinal street ("5th and main", "albert and 10th") takes a word that is no prose, or a word streets are named for.
  const ordinal = (x: string): boolean => /^\d{1,3}(?:st|nd|rd|th)$/i.test(x);
  // Round 11: two ordinals where a place is said, one past any day of a month ("on 37th n 86th"; "on the 13th n 14th" is dates).
  if (located && ordinal(a) && ordinal(b) && Math.max(na, nb) > 31) return true;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na >= 13 && nb >= 13 && Math.max(na, nb) >= 50 && !/\d(?:st|nd|rd|th)$/i.test(a + b);
  // Round 11: where a place is said, an ordinal of 13 or more takes any word that is no prose, kept word, weekday or month
  // ("on junction n 37th"; "on 5th n final" stays); after "corner of", two such words cross ("the corner of barton n sherman").
  const plain = (x: string): boolean => !/^\d/.test(x) && streetNameWord(x.toLowerCase());
  if (located && ((ordinal(a) && na >= 13 && plain(b)) || (ordinal(b) && nb >= 13 && plain(a)))) return true;
  if (corner && plain(a) && plain(b)) return true;
  const streetWord = (x: string): boolean => word(x) || STREET_WORDS.has(x.toLowerCase()) || dictionaries().anyNames.has(x.toLowerCase());
  if ((ordinal(a) && Number.isNaN(nb) && streetWord(b) && !proseWord(b.toLowerCase())) || (ordinal(b) && Number.isNaN(na) && streetWord(a) && !proseWord(a.toLowerCase()))) return true;
  // Two words joined by "&" or "and": one a word streets are named for, the other no prose ("portage & main").
  if (Number.isNaN(na) && Number.isNaN(nb)) {
    const [la, lb] = [a.toLowerCase(), b.toLowerCase()];
    // Round 13: a city of the keep-list is a street's name too right after "on" or "at" ("on oakley n chicago").
    const kept = (x: string): boolean => KEEP.has(x) && !(onAt && isTownName(x) && !isTownName(x === la ? lb : la));
    if (proseWord(la) || proseWord(lb) || kept(la) || kept(lb)) return false;
    // Round 21: an English word that is no name, street word or town pairs with no street word ("main and foremost").
    const pairs = (x: string): boolean => streetWord(x) && (!dictionaries().english.has(x.toLowerCase()) || STREET_WORDS.has(x.toLowerCase()) || dictionaries().anyNames.has(x.toLowerCase()) || isTownName(x.toLowerCase()));
    if ((STREET_WORDS.has(la) && pairs(b)) || (STREET_WORDS.has(lb) && pairs(a))) return true;
    // Round 26: a word streets are named for that speech uses too much for STREET_WORDS ("state", "broad", "canal") is a
    // street at a crossing beside a word that is no common word ("at state & hancock", "on canal and broad" pairs "broad" with "canal").
    const odd = (x: string): boolean => x.length >= 3 && !dictionaries().common.has(x) && !TIME_NAMES.test(x.replace(/s$/, '')) && !WEEKDAY_SHORT.test(x);
    if ((CROSSING_WORDS.has(la) && odd(lb)) || (CROSSING_WORDS.has(lb) && odd(la))) return true;
    // Round 10: where a place is said, two words that are no everyday word, no weekday or month, and not both common
    // given names ("on selkirk and mckenzie"; "at jess n tom" stays).
    const d = dictionaries();
    const named = (x: string): boolean => x.length >= 3 && !d.common.has(x) && !TIME_NAMES.test(x.replace(/s$/, '')) && !WEEKDAY_SHORT.test(x);
    if (located && named(la) && named(lb) && !(d.firstNames.has(la) && d.firstNames.has(lb))) return true;
    // Round 13: right after "on" or "at", a word of no English and a city streets are named for ("at milwaukee n
    // diversey"; "at kennedy and walked", "on tea and candles", "conferences at toronto n ottawa" stay).
    const foreign = (x: string): boolean => named(x) && !d.english.has(x);
    return located && onAt && ((foreign(la) && isTownName(lb)) || (foreign(lb) && isTownName(la))) && !(d.firstNames.has(la) && d.firstNames.has(lb));
  }
  return (na >= 13 && word(b)) || (nb >= 13 && word(a));
}

/**
 * Words streets are named for in any town, that are also everyday words: trees, kings and queens, and the plain
 * names ("main", "front", "water"). After a house number or at a crossing they name a street ("221b maple", "portage &
 * main").
 */
export const STREET_WORDS = new Set(
  `main broadway commercial front water market church college centre center central union station railway king queen
  prince princess victoria albert elizabeth george wellington portage maple birch cedar pine spruce willow aspen poplar
  oak elm ash cherry walnut chestnut hickory magnolia juniper laurel lilac rose park lake lakeshore lakeview river
  riverside hillside hill valley ridge bay harbour harbor beach mill grand division memorial`.split(/\s+/),
);

/**
 * Round 26: words streets are named for that are too everyday for STREET_WORDS (a house number before "state" or "high"
 * is rare, "lives on high" is no street): only one side of a crossing, beside a word that is no common word (crossingSides).
 */
const CROSSING_WORDS = new Set('state broad canal high pearl vine arch locust dock spring'.split(' '));

/** A quadrant after a street, at the start of what follows it ("at 11810 kingsway nw", "88 kinsmen raod nw"). */
export const QUADRANT_AFTER = new RegExp(String.raw`^\s(?:${QUADRANTS})${QUADRANT_END}`, 'iu');
/** A street name alone after "down on", "up on": "hangs out down on whyte". */
const ON_STREET = /\b(?:down|up|over|out|along)\s+on\s+(\p{L}[\p{L}'’-]+)(?![\p{L}\p{N}])/giu;
/**
 * A street with no house number after a place cue: "on whyte ave", "by rossdale rd", "at the library on 100 st",
 * "@ stony plain rd". Only street types that are no everyday word ("dr" is also a doctor: "at jess dr appt"); a
 * bare number takes only st/ave/rd/blvd/trail ("on 100 st").
 */
const BARE_TYPES = 'st|street|ave|av|avenue|rd|road|drive|blvd|boulevard|cres|crescent|hwy|highway|trail|trl|pkwy|parkway|terrace|terr|way|lane|sq';
// Found from the street type back (cheaper than scanning every text for a cue): the type, then up to three name
// words before it, then the cue before those.
/**
 * The same everyday types end a street's name where the clause ends after them or a joining word follows (round 11):
 * "lives on erin woods dr now", "a walk on whitehorn dr and she waved", "on sterling pl"; a doctor comes before a name
 * ("on tuesday dr smith said", "at jess dr appt") and stays.
 */
const CLAUSE_END_TYPES = 'dr|pl|cir|circle|ct|crt|close';
/** The words mayNameStreet's tests need (cues.ts), "&" aside: "on", a bare type, "and"/"n" of a crossing, "coin". */
const NAMED_STREET_CUE = cue('', `on and n coin ne nw se sw rue boul boulevard chemin rang avenue av ${BARE_TYPES.replace(/\|/g, ' ')} ${CLAUSE_END_TYPES.replace(/\|/g, ' ')}`);
/**
 * Street types that are everyday words or a title ("dr"), streets only before a quadrant: "on martinwood pl ne", "at
 * madeira dr ne" (Calgary's and Edmonton's way; round 10).
 */
const QUADRANT_TYPES = 'dr|pl|cl|ct|cir|close|court|circle|gate|green|bay|link|rise|common|landing|view|point|mews|grove|park|heights|hill|cove|crt|manor|place';
const AFTER_CLAUSE_END_TYPE = `(?=\\s*(?:[,;:!?)]|$)|\\s(?:and|n|now|in|near|by|w|with|for|till|til|since|then|so|but|the|where|when|bc|lol|again|today|tonight|after|before|to|at)(?![\\p{L}\\p{N}'’-]))`;
const BARE_TYPE_WORD = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${BARE_TYPES}|(?:${QUADRANT_TYPES})(?=\\s(?:ne|nw|se|sw)(?![\\p{L}]))|(?:${CLAUSE_END_TYPES})${AFTER_CLAUSE_END_TYPE})(?![\\p{L}\\p{N}'’-])`, 'giu');
/** Whether a text may name a street without a number: a street type ("on whyte ave") or "on" ("the 7-11 on jasper"). */
export function mayNameStreet(t: string): boolean {
  if (!mayHold(t, NAMED_STREET_CUE) && !t.includes('&') && !t.includes('/')) return false;
  BARE_TYPE_WORD.lastIndex = 0;
  return / on /i.test(t) || BARE_TYPE_WORD.test(t) || wordCrossingMay(t) || (mayHold(t, FRENCH_STREET_CUE) && (COIN.test(t) || FRENCH_TYPE_FIRST_MAY.test(t)));
}
/** The words COIN and FRENCH_TYPE_FIRST_MAY need (cues.ts), asked before them: keep in step with both. */
const FRENCH_STREET_CUE = cue('', 'coin rue boul boulevard chemin rang avenue av');
/** A French corner: "au coin jean-talon pis st-laurent", "coin de sherbrooke et papineau"; the two streets. */
const COIN = /(?<![\p{L}])coin\s(?:de\s)?(?:la\s|l['’])?([\p{L}\d][\p{L}\p{N}'’.-]+)\s(?:et|pis|&)\s([\p{L}\d][\p{L}\p{N}'’.-]+)/iu;
const COIN_ALL = new RegExp(COIN.source, 'giu');
/**
 * Where messyAddresses takes crossings itself: a number beside "and", "&", "n" or "/" ("5th n main", "albert & 10th",
 * "jasper&109").
 */
const CROSSING_WITH_DIGIT = /\d(?:st|nd|rd|th)?\s(?:and|&|n|\+)\s|\s(?:and|&|n|\+)\s\d|\d(?:st|nd|rd|th)?\s?[&/]\s?\p{L}|\p{L}\s?[&/]\s?\d/u;
/** A join of two streets by words: "and", "n", "&" or "+" (round 21) between spaces, "&" or "/" between letters ("hastings/main"). */
const WORD_JOIN = /\s(?:&|and|n|\+)\s|\p{L}\s?[&/]\s?\p{L}/iu;
/**
 * Two streets named by words alone may cross ("portage & main", "salter and aberdeen"). Round 10: any join (the sides are
 * judged in crossingSides); before, a street word had to be in the text, and crossings of two names were missed.
 */
function wordCrossingMay(t: string): boolean {
  // A text where messyAddresses runs bareCrossings (a digit beside the join) is left to it; a digit elsewhere is no
  // reason to skip ("slept in the booth at 8 on portage n main", round 9).
  return WORD_JOIN.test(t) && !CROSSING_WITH_DIGIT.test(t);
}
const AFTER_TYPE = new RegExp(`\\.?${DIR}(?![\\p{L}\\p{N}])`, 'iuy');
const STREET_CUES = new Set('on by off along near at to from past across down up onto of behind under @'.split(' '));
const STREET_NAME_WORD = /^(?:\d{1,3}(?:st|nd|rd|th)?|\p{L}[\p{L}'’-]+)$/iu;
const NUMBER_STREET_TYPES = /^(?:st|street|ave|av|avenue|rd|road|blvd|boulevard|trail|trl)$/i;
/** Words that end a street's name when they come first: prose, SMS and measures ("on my way", "at 10 mins st…"). */
function proseWord(w: string): boolean {
  return SAFE.has(w) || smsWords().has(w) || MEASURES.has(w);
}
let sms: Set<string> | undefined;
/** The keep-list's SMS, typo and risk words: never a name or a place's name ("gonna", "txtd"). */
export const smsWords = (): Set<string> => (sms ??= keepGroups('sms', 'typos', 'risk-language'));

/**
 * "the 7-11 on jasper", "the food bank on 118", "the tims on main": after a chain or a kind of place, "on" and one
 * word or number name the street. Not a weekday, month, SMS word or prose ("the walmart on sunday", "the clinic on
 * time").
 */
const DIRECTED_STREET = /\bon\s(([nsew])\.?\s(\p{L}[\p{L}'’-]{2,}))(?![\p{L}\p{N}'’-])/giu;
const ON_WORD = /\bon\s(\d{2,3}(?:st|nd|rd|th)?|\d(?:st|nd|rd|th)|\p{L}[\p{L}'’-]+)(?![\p{L}\p{N}'’-])/giu;
export const NOT_STREET_AFTER_ON = new Set(
  [
    ...'foot fire sale time break shift call duty hold board site top line it weekend weekends payday welfare cheque day night nights purpose track meds methadone suboxone crack meth the a her his my their our its way lunch tv camera video speaker phone tap probation parole bail'.split(' '),
    ...WEEKDAYS,
    // Not "thu": "thus" less its s would read as one.
    ...WEEKDAYS_SHORT.filter((w) => w !== 'thu'),
  ],
);

/**
 * The street after a named place, as the length of " on <street>" at `end` (0 when none): "the sally ann on jasper", "hope
 * mission on 105a st". A number or ordinal, a word with a street type, a word streets are named for, or a word that is no
 * everyday word; not a weekday, time or prose ("at the mission on sundays", "on time").
 */
const ON_STREET_AFTER = new RegExp(`^\\s(?:on|off)\\s(\\d{1,3}[a-z]?(?:st|nd|rd|th)?(?:\\s(?:${'st|street|ave|av|avenue|rd|road|blvd|boulevard|drive|way|trail'}))?|(\\p{L}{3,})(?:\\s(?:${'st|street|ave|av|avenue|rd|road|blvd|boulevard|drive|way|trail'}))?)(?![\\p{L}\\p{N}'’-])`, 'iu');
export function streetAfterPlace(t: string, end: number): number {
  const m = ON_STREET_AFTER.exec(t.slice(end, end + 30));
  if (!m) return 0;
  const w = m[2]?.toLowerCase();
  if (w && (proseWord(w) || KEEP.has(w) || NOT_STREET_AFTER_ON.has(w) || NOT_STREET_AFTER_ON.has(w.replace(/s$/, '')) || (dictionaries().common.has(w) && !STREET_WORDS.has(w) && m[0].trimEnd().endsWith(w)))) return 0;
  return m[0].length;
}
let places: Set<string> | undefined;
/** Chains and kinds of place, with "7-11" as typed, one to three words. */
const placeWords = (): Set<string> => (places ??= new Set([...keepGroups('chains', 'generic-places'), '7-11', '711', 'mcds', 'gas station', 'bus stop', 'liquor store', 'pawn shop', 'bottle depot']));

function afterPlace(t: string, at: number): boolean {
  const before = t.slice(Math.max(0, at - 40), at).toLowerCase().replace(/[’]/g, "'").trim().split(/\s+/);
  const kinds = placeWords();
  for (let n = 1; n <= 3 && n <= before.length; n++) if (kinds.has(before.slice(-n).join(' '))) return true;
  return false;
}

/**
 * Round 19: a shop's or a service's street, named in passing by an everyday word or a number ("the tims on main", "the
 * pharmacy on king", "the safeway on 127"), points to no one (LABELLING.md: a shopping strip stays). Still hidden: where a
 * person sleeps or stays ("the shelter on main"), a clause where someone lives, sleeps, works or is met ("she works at the
 * tims on main"), a corner, a unit or a direction after it ("the tims on main n 3rd"), and a word of no everyday use
 * ("the sobeys on gottingen": the name rules would take it anyway). `onAt` is where "on" starts, `end` where `word` ends.
 */
export function shopStreet(t: string, onAt: number, word: string, end: number): boolean {
  const w = word.toLowerCase();
  const d = dictionaries();
  if (!/^\d/.test(w) && !STREET_WORDS.has(w) && !(d.common.has(w) && !d.anyNames.has(w))) return false;
  const before = t.slice(Math.max(0, onAt - 16), onAt);
  if ((!afterPlace(t, onAt) && !SHOP_BEFORE_ON.test(before)) || STAY_BEFORE_ON.test(before)) return false;
  if (PERSON_AT_PLACE.test(t.slice(Math.max(0, onAt - 60), onAt).replace(/^.*[.!?;\n]/s, ''))) return false;
  return !STREET_GOES_ON.test(t.slice(end, end + 12));
}
/** The head word of a shop or a service before "on" that no chain or kind-of-place list holds ("the roti shop on …"). */
const SHOP_BEFORE_ON = /(?:^|[^\p{L}])(?:shop|store|restaurant|bakery|cafe|café|bar|diner|market|grocery|bodega|deli|office|church|mosque|temple|clinic|pharmacy|library|bank|laundromat|garage|dealership|mechanic|stop|station)\s+$/iu;
/** Places a person sleeps or stays: their street is where someone is. */
const STAY_BEFORE_ON = /(?:^|[^\p{L}])(?:shelter|motel|hotel|inn|hostel|lodge|detox)\s+$/iu;
/** Round 26: spots a person sleeps in outside ("in the vestibule on 10th", "the doorway on 79th"): their street is where someone is. */
const SLEEPING_SPOTS = 'vestibule|doorway|alley|alleyway|underpass|overpass|stairwell|encampment|squat';
/** Words of living or sleeping somewhere, one list for PERSON_AT_PLACE, SPOT_BEFORE_ON, LIVES_IN_CLAUSE and LIVES_BEFORE_ON. */
const LIVING = 'lives|living|stays|staying|sleeps|sleeping|slept|camps|camping|camped';
/** Someone lives, sleeps, works, is found or is met at the place, earlier in the sentence. */
const PERSON_AT_PLACE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${LIVING}|live|stay|stayed|sleep|camp|found|works?|working|worked|job|met|meet|meeting)(?![\p{L}])`, 'iu');
/** After the street: a corner ("n 3rd", "& jasper", "/main"), a unit or a direction. */
const STREET_GOES_ON = /^(?:\s(?:n|and|&|@)\s\S|\s?[&/]\s?\S|,?\s(?:apt|unit|suite|rm|room|#)|\s[nsew]\.?(?![\p{L}])|\s(?:ne|nw|se|sw|north|south|east|west)(?![\p{L}]))/iu;

/**
 * Words a park, reserve or rural settlement is named with ("sunny acres", "upper cherry brook", "pine ridge estates"):
 * after a lot or rural route they end the place's name (settlementAfter).
 */
const SETTLEMENT_WORDS = new Set(
  `acres estates park village villa court heights ridge brook creek lake lakes point landing meadows hills hill grove
   glen gardens springs farms farm ranch corners crossing reserve settlement colony mobile trailer`.split(/\s+/),
);
/**
 * The place a lot or rural route is in, written right after it (round 9): "lot 12 sunny acres", "rr 1 east preston".
 * One to three words (four before a park's kind of two words, round 21: "lot 14 shady pines trailer park"), none of them prose, a weekday or a month; the run is taken when it ends on a settlement word or
 * holds a word that is no common English word (a name). "lot 34 today", "rr 2 near the lake" take nothing.
 * Returns how many characters to add.
 */
/** A park's kind in two words ("mobile home park", "trailer court"): a fourth word for the place's name. */
const PARK_KIND = /\b(?:mobile\shomes?|trailer|rv)\s(?:park|court|estates|village|community)\b/;
function settlementAfter(t: string, e: { start: number; end: number }): number {
  if (!/^(?:r\.?r\.?|rural|lot|site|comp|trailer|pad)\b/i.test(t.slice(e.start, e.end)) && !/\b(?:site|comp|c)\s?#?\d{1,5}$/i.test(t.slice(e.start, e.end))) return 0;
  // Whole words of letters only: "rr 1 site 5 box 12 h2x3y7" ends before its postal code.
  const m = /^\s\p{Ll}[\p{Ll}'’-]+(?![\p{L}\p{N}])(?:\s\p{Ll}[\p{Ll}'’-]+(?![\p{L}\p{N}]))*/u.exec(t.slice(e.end, e.end + 50));
  if (!m) return 0;
  const words = m[0].trim().split(/\s+/).slice(0, PARK_KIND.test(m[0]) ? 4 : 3);
  let n = 0;
  // A word of nearness ends the place: "lot 52 fm 2557 near san carlos" (round 10). "home" after "mobile" is the park's
  // kind ("lot 3 maplewood mobile home park", round 21).
  const mobileHome = (i: number): boolean => i > 0 && words[i - 1] === 'mobile' && /^homes?$/.test(words[i]!);
  while (n < words.length && (mobileHome(n) || (!proseWord(words[n]!) && !KEEP.has(words[n]!) && !TIME_NAMES.test(words[n]!) && !MEASURES.has(words[n]!) && !NEARNESS.has(words[n]!)))) n++;
  const d = dictionaries();
  for (; n > 0; n--) {
    const run = words.slice(0, n);
    if (SETTLEMENT_WORDS.has(run[n - 1]!) || run.some((w) => !d.common.has(w) && !d.english.has(w))) break;
  }
  if (n === 0) return 0;
  return m[0].indexOf(words[n - 1]!, m[0].length - m[0].trimStart().length + words.slice(0, n - 1).join(' ').length) + words[n - 1]!.length;
}

/** Words that end a street's name and are no street type: "notre dame", "piney branch", "kings cross". */
const STREET_END_WORDS = new Set('dame branch cross bridge mall walk run trace pass bend'.split(' '));
const NEARNESS = new Set('near by past off outside behind across beside next in at on'.split(' '));
/** Counts and measures after a number ("on 30 days", "at 10 mins") are no street. */
export const MEASURES = new Set('mg ml mcg cc hrs hr hours mins min minutes days weeks months years yrs yo y/o bucks dollars km kg lbs pills tabs times units people kids am pm'.split(' '));

/** Whether a word after a house number (or after "down on") is a street name: no English word, or a name. */
function streetName(t: string, start: number, w: string, house: number): boolean {
  const d = dictionaries();
  const lower = w.toLowerCase();
  if (SAFE.has(lower) || KEEP.has(lower) || MEASURES.has(lower) || CONTEXT_STOP.has(lower)) return false;
  if (!d.common.has(lower) && !d.english.has(lower)) return true;
  // Streets named for people ("44 king", "12 Jasper"): a name-list word, singular, after a house number of 10 or more;
  // a surname ending in s after one of three digits or more too, unless a common word's plural ("at 440 burrows", not
  // "at 200 parks"; round 9).
  if (d.anyNames.has(lower) && ((!lower.endsWith('s') && (house >= 10 || /\p{Lu}/u.test(t[start]!))) || (house >= 100 && !d.common.has(lower.slice(0, -1))))) return true;
  // Round 10: after a house number of three digits or more, a word of the large English list that is no common word
  // and no plural ("on 1187 wyandotte", "at 210 balmoral"; "at 1200 calories" stays).
  return house >= 100 && !d.common.has(lower) && !lower.endsWith('s') && lower.length >= 4;
}

/**
 * Streets named without a house number ("on whyte ave", "the 7-11 on jasper"): an address detector of its own in
 * deidentify.ts, whose gate opens on a street type or "on" (mayNameStreet), digit or none.
 */
export function namedStreets(t: string): Entity[] {
  // Crossings of two named streets (messyAddresses takes those with a number beside the join).
  const out: Entity[] = wordCrossingMay(t) ? bareCrossings(t) : [];
  const french = mayHold(t, FRENCH_STREET_CUE);
  if (french && FRENCH_TYPE_FIRST_MAY.test(t)) out.push(...frenchTypeFirst(t));
  if (french && COIN.test(t)) {
    COIN_ALL.lastIndex = 0;
    for (let m = COIN_ALL.exec(t); m; m = COIN_ALL.exec(t)) {
      if (proseWord(m[2]!.toLowerCase()) || FRENCH_STOP.has(m[2]!.toLowerCase())) continue;
      const end = m.index + m[0].length;
      out.push({ start: end - m[0].length + m[0].indexOf(m[1]!, 4), end, type: 'ADDRESS' });
    }
  }
  BARE_TYPE_WORD.lastIndex = 0;
  for (let m = BARE_TYPE_WORD.exec(t); m; m = BARE_TYPE_WORD.exec(t)) {
    const type = m[0].toLowerCase();
    const before = t.slice(Math.max(0, m.index - 60), m.index);
    if (!/\s$/.test(before)) continue;
    const words = before.trimEnd().split(/\s+/);
    // The most name words (three at most) that have a cue before them and no prose among them: "on whyte ave",
    // "by mill creek rd"; "on my way" has none. A bare number takes only a plain street type ("on 100 st").
    let n = Math.min(3, words.length - 1);
    for (; n >= 1; n--) {
      const name = words.slice(words.length - n);
      if (!STREET_CUES.has(words[words.length - n - 1]!.toLowerCase())) continue;
      // A direction may lead the name (round 10), with its period too (round 17): "the dentist on e 24th st", "on E. Monument Street".
      const nameWord = (w: string, i: number): boolean => (i === 0 && name.length > 1 && /^[nsew]\.?$/i.test(w)) || (STREET_NAME_WORD.test(w) && !proseWord(w.toLowerCase()));
      if (name.every(nameWord) && !(name.every((w) => /^\d+$/.test(w)) && !NUMBER_STREET_TYPES.test(type))) break;
    }
    if (n < 1) continue;
    AFTER_TYPE.lastIndex = m.index + m[0].length;
    const dir = AFTER_TYPE.exec(t);
    if (!dir) continue;
    // Where the first name word starts, whatever the spaces between the words.
    let start = before.trimEnd().length;
    for (let k = 0; k < n; k++) start = before.lastIndexOf(words[words.length - 1 - k]!, start - 1);
    // "Main Street" is every town's shopping strip: a person is placed on it only after a word of living or a home
    // ("she lives on main st", "the house on main street"), not in passing ("walked on main street today"; round 10).
    if (n === 1 && /^main$/i.test(words[words.length - 1]!) && /^(?:st|street)$/.test(type) && !SPOT_BEFORE_ON.test(before.slice(Math.max(0, start - 24), start).replace(/\S+\s+$/, ''))) continue;
    // A unit after the street: "on Division St, unit 2", "on Princess Ave #6" (round 10).
    const unit = TRAILING_UNIT.exec(t.slice(m.index + m[0].length + dir[0].length, m.index + m[0].length + dir[0].length + 24));
    out.push({ start: m.index - before.length + start, end: m.index + m[0].length + dir[0].length + (unit?.[0].length ?? 0), type: 'ADDRESS' });
  }
  // A direction before a street's name makes it one with no type or number: "the old apartment on s henderson" (round 8).
  DIRECTED_STREET.lastIndex = 0;
  for (let m = / on [nsew]\.? /i.test(t) ? DIRECTED_STREET.exec(t) : null; m; m = DIRECTED_STREET.exec(t)) {
    const w = m[3]!.toLowerCase();
    if (proseWord(w) || KEEP.has(w) || NOT_STREET_AFTER_ON.has(w) || (dictionaries().english.has(w) && !STREET_WORDS.has(w) && !dictionaries().anyNames.has(w))) continue;
    const end = m.index + m[0].length;
    out.push({ start: end - m[1]!.length, end, type: 'ADDRESS' });
  }
  ON_WORD.lastIndex = 0;
  for (let m = / on /i.test(t) ? ON_WORD.exec(t) : null; m; m = ON_WORD.exec(t)) {
    const w = m[1]!.toLowerCase();
    if (proseWord(w) || KEEP.has(w) || NOT_STREET_AFTER_ON.has(w) || NOT_STREET_AFTER_ON.has(w.replace(/s$/, '')) || WEEKDAY_SHORT.test(w) || TIME_NAMES.test(w)) continue;
    // A floor or a grade is no street: "she lives on 2nd floor now" (categories.test.ts).
    if (/^\d/.test(w) && FLOOR_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 10))) continue;
    // An ordinal of one digit ("on 4th") only where someone lives or sleeps (onStreetAfterSpot), not after a shop.
    if (!((!/^\d(?:st|nd|rd|th)$/.test(w) && afterPlace(t, m.index)) || onStreetAfterSpot(t, m.index, w))) continue;
    // A second word that names a street or a settlement goes with it: "the house on crane lake", "on hays cove" (round 10).
    const second = /^\s(\p{L}+)(?![\p{L}\p{N}'’-])/u.exec(t.slice(m.index + m[0].length, m.index + m[0].length + 16));
    const more = second && (STREET_WORDS.has(second[1]!.toLowerCase()) || SETTLEMENT_WORDS.has(second[1]!.toLowerCase()) || STREET_TYPE_WORD.test(second[1]!)) && !/^(?:st|dr)$/i.test(second[1]!) ? second[0].length : 0;
    const end = m.index + m[0].length + more;
    if (!more && shopStreet(t, m.index, m[1]!, end)) continue;
    out.push({ start: end - more - m[1]!.length, end, type: 'ADDRESS' });
  }
  return out;
}

/** Where someone is, stays or stops, before "on" and a street's bare name ("walking home on salter", "stuck on burrows"). */
const SPOT_BEFORE_ON = new RegExp(String.raw`(?:^|[^\p{L}])(?:home|house|place|apartment|apt|door|stuck|${LIVING}|live|stayed|found|tent|trailer|duplex|basement|room|unit|booth|desk|office|parked|corner|building|motel|hotel|store|shop)\s+$`, 'iu');
/**
 * A street named by its bare name after a spot and "on" (round 9): a street word ("on portage") or a surname that is
 * no given name and no common word ("on salter", "on burrows"); "home on time", "the door on kofi's room" stay.
 * Round 10: after a word of living or sleeping somewhere ("staying on", "sleeps on", "found on") or a home ("the
 * yellow house on"), an ordinal ("on 4th") or any word that is no everyday word ("she's staying on mckenzie").
 */
function onStreetAfterSpot(t: string, at: number, w: string): boolean {
  const before = t.slice(Math.max(0, at - 14), at);
  const lives = LIVES_BEFORE_ON.test(before) || LIVES_IN_CLAUSE.test(t.slice(Math.max(0, at - 40), at));
  // Round 26: a spot someone sleeps in outside takes a numbered street ("in the vestibule on 10th", "the doorway on 79th").
  const sleeps = SLEEPING_SPOT_BEFORE_ON.test(before);
  if (!lives && !sleeps && !SPOT_BEFORE_ON.test(before)) return false;
  // A number street only where someone lives or sleeps ("sleeps behind the church on 4th"; "the cfs office on 118" stays
  // as it was: a chain or kind of place takes it in afterPlace).
  if (/^\d/.test(w)) return (lives || sleeps) && (/\d(?:st|nd|rd|th)$/.test(w) || Number(w) >= 13);
  if (!lives && !SPOT_BEFORE_ON.test(before)) return false;
  const d = dictionaries();
  if (w.length < 3) return false;
  return STREET_WORDS.has(w) || (d.anyNames.has(w) && !d.firstNames.has(w) && !d.common.has(w)) || (lives && !d.common.has(w) && !d.firstNames.has(w) && (!d.english.has(w) || d.anyNames.has(w)));
}
export const FLOOR_AFTER = /^\s(?:floor|flr|fl|grade|level|shift|time|try|round|visit|day|week|month)\b/i;
/** A word of living, sleeping or being found somewhere earlier in the clause: "sleeps behind the church on 4th". */
// Not "found": "found him at the park on 6th" may be the sixth of the month (categories.test.ts).
const LIVES_IN_CLAUSE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${LIVING})\s[^.,;:!?()\n]{0,30}$`, 'iu');
/** Words of living, sleeping or being found somewhere, or of a home, right before "on" (onStreetAfterSpot). */
const LIVES_BEFORE_ON = new RegExp(String.raw`(?:^|[^\p{L}])(?:house|home|(?:her|his|their|my|our|your|\p{L}+['’]?s)\s+place|apartment|apt|${LIVING}|stayed|found|tent|trailer|duplex|basement)\s+$`, 'iu');
/** Round 26: a spot a person sleeps in outside, right before "on" (SLEEPING_SPOTS): a numbered street after it only. */
const SLEEPING_SPOT_BEFORE_ON = new RegExp(String.raw`(?:^|[^\p{L}])(?:${SLEEPING_SPOTS})\s+$`, 'iu');

/**
 * The words of messyAddresses' gate regexes below (cues.ts), asked before them: keep each in step with its regexes.
 * Road and rural words: the numbered-road and rural-route gates; spot words: the house, block, lot and kilometre gates.
 */
const RURAL_ROAD_CUE = cue('rural range rge rng twp township tsp hwy highway route rte county fm sr mile', 'rr r');
const SPOT_CUE = cue('blk block', 'km mile mi lot trailer pad house hse');

export function messyAddresses(t: string): Entity[] {
  const out: Entity[] = [];
  BARE_STREET.lastIndex = 0;
  for (let m = /\d[a-z]?\s\p{L}/u.test(t) ? BARE_STREET.exec(t) : null; m; m = BARE_STREET.exec(t)) {
    const end = m.index + m[0].length;
    const w = m[5]!;
    // Round 10: "in", "house", "home" and "apartment" lead to a house number of three digits or more, never a year
    // ("in 1310 magnolia", "tita cora house 24 mcphillips" is two digits: a house word; "in 2019 kabul" stays).
    const houseCue = /(?:in|house|home|apartment)\s$/i.test(m[0].slice(0, m[0].length - m[1]!.length));
    if (houseCue && (/^\d/.test(w) || dictionaries().common.has(w.toLowerCase()) || isYear(m[2]!) || (!/^\d{3,5}$/.test(m[2]!) && !/(?:house|home)\s$/i.test(m[0].slice(0, m[0].length - m[1]!.length))))) continue;
    if (/^\d/.test(w)) {
      if (m[4]) out.push({ start: end - m[1]!.length, end, type: 'ADDRESS' });
      continue;
    }
    // A lettered house number ("221b maple") or a direction ("410 e hastings") makes a street of a word streets are named for.
    const lw = w.toLowerCase();
    const house = Number(m[2]);
    // After a comma only a word that is no common word: ", 28 day program", ", 24 women" stay.
    if (m[0].startsWith(',') && (house < 10 || dictionaries().common.has(lw))) continue;
    // A word streets are named for after a house number of three digits or more ("on 2100 lakeshore").
    const named = !proseWord(lw) && !KEEP.has(lw) && ((m[3] && STREET_WORDS.has(lw)) || (m[4] && house >= 10 && !SAFE.has(lw)) || (STREET_WORDS.has(lw) && house >= 100));
    // Capitalised words after the first name the street with it, common or not: "on 118 Possum Trot", "at 27 Gore Vale".
    const more = /^\p{Lu}/u.test(w) ? CAPITAL_WORDS.exec(t.slice(end, end + 40)) : null;
    const capitals = more?.[0].trim().split(/\s+/).every((x) => !SAFE.has(x.toLowerCase()) && !KEEP.has(x.toLowerCase()) && !TIME_NAMES.test(x)) && !SAFE.has(lw) && !KEEP.has(lw) ? more[0].length : 0;
    // A second lower-case word that ends a street's name goes with it: "1150 notre dame", "5131 grand river", "8807 piney
    // branch" (round 10; a name after the street stays its own: "at 24 mcphillips jenny was there").
    const tail = capitals ? null : /^\s(\p{Ll}+)(?![\p{L}\p{N}'’-])/u.exec(t.slice(end, end + 16));
    const second = tail && (STREET_WORDS.has(tail[1]!) || SETTLEMENT_WORDS.has(tail[1]!) || STREET_END_WORDS.has(tail[1]!)) ? tail[0].length : 0;
    if (named || capitals || streetName(t, end - w.length, w, house)) out.push({ start: end - m[1]!.length, end: end + capitals + second + (QUADRANT_AFTER.exec(t.slice(end + capitals + second, end + capitals + second + 4))?.[0].length ?? 0), type: 'ADDRESS' });
  }
  // Numbered highways, French streets and directions that make a street of any word (HOUSE_ROAD_MAY's shapes).
  if (HOUSE_ROAD_MAY.test(t)) {
    for (const re of [HOUSE_HIGHWAY, SAINT_STREET, FRENCH_HOUSE, DIRECTED_HOUSE]) {
      re.lastIndex = 0;
      for (let m = re.exec(t); m; m = re.exec(t)) {
        const w = (m[1] ?? '').toLowerCase();
        if (w && (proseWord(w) || KEEP.has(w) || NOT_FRENCH_STREET.test(w) || (re === DIRECTED_HOUSE && dictionaries().common.has(w) && !STREET_WORDS.has(w)))) continue;
        out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
      }
    }
  }
  if (CROSSING_WITH_DIGIT.test(t)) out.push(...bareCrossings(t));
  const f = factsOf(t);
  if (f.marks & MARK.hyphen && /\d{2}-\d{2}/.test(t)) out.push(...all(t, HYPHEN_HOUSE, 'ADDRESS', (m) => hyphenHouseStreet(m[1]!)));
  if (/\d{3}\s\d{2}/.test(t)) out.push(...all(t, NUMBERED_PAIR, 'ADDRESS', (m) => !AFTER_COUNT.test(t.slice(m.index + m[0].length, m.index + m[0].length + 10)) && !/^\s?(?:and|or|to|-)\s?\d/.test(t.slice(m.index + m[0].length, m.index + m[0].length + 6)), 1));
  ON_STREET.lastIndex = 0;
  for (let m = mayHold(t, ON_OFF_CUE) && /\son\s/.test(t) ? ON_STREET.exec(t) : null; m; m = ON_STREET.exec(t)) {
    const end = m.index + m[0].length;
    if (streetName(t, end - m[1]!.length, m[1]!, 0) && !dictionaries().firstNames.has(m[1]!.toLowerCase())) out.push({ start: end - m[1]!.length, end, type: 'ADDRESS' });
  }
  const streetType = mayHold(t, STREET_TYPE_CUE) && STREET_TYPE_IN.test(t);
  CROSSING.lastIndex = 0;
  for (let m = streetType ? CROSSING.exec(t) : null; m; m = CROSSING.exec(t)) {
    const words = m[0].toLowerCase().match(/(?<![\p{L}\p{N}])\p{L}[\p{L}'’-]*/gu) ?? [];
    if (!words.some((w) => SAFE.has(w) && !/^(?:st|dr|n|s|e|w|and|at|corner|of)$/.test(w))) out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  LOWER_STREET.lastIndex = 0;
  for (let m = streetType ? LOWER_STREET.exec(t) : null; m; m = LOWER_STREET.exec(t)) {
    // The words of a street name are not prose: "walked 2 blocks down the road" stays.
    const prose = (found: string): boolean => (found.toLowerCase().match(/(?<![\p{L}\p{N}])\p{L}[\p{L}'’-]*/gu) ?? []).some((w) => SAFE.has(w) && !/^(?:st|dr|n|s|e|w)$/.test(w));
    let found = m[0];
    if (prose(found)) {
      LOWER_STREET_SHORT.lastIndex = m.index;
      found = LOWER_STREET_SHORT.exec(t)?.[0] ?? '';
      if (!found || prose(found)) continue;
    }
    out.push({ start: m.index, end: m.index + found.length, type: 'ADDRESS' });
  }
  if (streetType) out.push(...all(t, HYPHEN_STREET, 'ADDRESS'));
  UNIT_STREET.lastIndex = 0;
  for (let m = (mayHold(t, UNIT_CUE) || t.includes('#') || t.includes('-')) && UNIT_IN.test(t) ? UNIT_STREET.exec(t) : null; m; m = UNIT_STREET.exec(t)) {
    const words = m[0].toLowerCase().split(/\s+/).slice(-2).filter((w) => /^\p{L}/u.test(w));
    // Keep only the street's own words ("unit 5 44 king now" ends at "king").
    let end = m.index + m[0].length;
    if (words.length === 2 && !STREET_WORDS.has(words[1]!) && (SAFE.has(words[1]!) || dictionaries().common.has(words[1]!))) end = m.index + m[0].lastIndexOf(' ');
    if (SAFE.has(words[0]!)) continue;
    out.push({ start: m.index, end, type: 'ADDRESS' });
  }
  // A numbered road where a person or a place is ("the walmart on highway 491", "a colonia off fm 907"; round 10).
  NUMBERED_ROAD.lastIndex = 0;
  const roadWords = mayHold(t, RURAL_ROAD_CUE);
  for (let m = roadWords && /(?:hwy|highway|route|rte|fm|county|sr|mile)\s?#?\d/i.test(t) ? NUMBERED_ROAD.exec(t) : null; m; m = NUMBERED_ROAD.exec(t)) {
    const before = t.slice(Math.max(0, m.index - 40), m.index);
    // The Rio Grande Valley's mile roads with their direction ("the tienda on mile 2 1/2 w", "the clinic on mile 6 n") are
    // streets wherever said; "we were on mile 3 when it rained" stays.
    const mile = /^(?:the\s)?mile/i.test(m[2]!);
    if (!mile && m[1]!.toLowerCase() !== 'off' && !afterPlace(t, m.index) && !SPOT_BEFORE_ON.test(before.slice(-14)) && !LIVES_IN_CLAUSE.test(before)) continue;
    if (mile && (m[1]!.toLowerCase() !== 'on' || !/\s(?:[nsew]|north|south|east|west)(?:\s(?:rd|road))?$/i.test(m[2]!))) continue;
    const end = m.index + m[0].length;
    const lead = /^the\s/i.exec(m[2]!)?.[0].length ?? 0;
    out.push({ start: end - m[2]!.length + lead, end, type: 'ADDRESS' });
  }
  // A house number and a street's name with a unit after them, no cue needed: the unit says it ("44 king unit 5", round 10).
  STREET_THEN_UNIT.lastIndex = 0;
  for (let m = mayHold(t, UNIT_CUE) || t.includes('#') ? STREET_THEN_UNIT.exec(t) : null; m; m = STREET_THEN_UNIT.exec(t)) {
    const names = [m[2]!, m[3]].filter((w): w is string => !!w).map((w) => w.toLowerCase());
    if (names.some((w) => proseWord(w) || KEEP.has(w) || MEASURES.has(w) || TIME_NAMES.test(w) || WEEKDAY_SHORT.test(w))) continue;
    if (dictionaries().common.has(names[0]!) && !STREET_WORDS.has(names[0]!)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  if (/\d[- ]\d{1,3}[- ]\d{1,2}[ -]?[we]|\blot\s?\d|\bcon(?:c|cession)?\.?\s?\d/i.test(t)) out.push(...all(t, LAND, 'ADDRESS'));
  const spotWords = mayHold(t, SPOT_CUE);
  if (spotWords && /\bh(?:ou)?se\s?#?\s?\d/i.test(t)) out.push(...all(t, HOUSE_NUMBER, 'ADDRESS'));
  if (spotWords && /00\sbl(?:oc)?k/i.test(t)) out.push(...all(t, BLOCK, 'ADDRESS'));
  if (t.includes('1/2 ')) out.push(...all(t, HALF_HOUSE, 'ADDRESS'));
  const rural = !mayHold(t, RURAL_CUE) ? [] : all(t, RURAL, 'ADDRESS', (m) => !/^box\s\d{1,2}$/i.test(m[0]) || /\b(?:mail|address|send|use|at)\b[^.]{0,20}$/i.test(t.slice(Math.max(0, m.index - 30), m.index)));
  // A street that starts inside a rural route is its site or box number and the prose after it ("rr 3 site 2 box
  // 9 way out there", "box 14 4 kisiks aunties place"), not a street.
  if (roadWords && /\b(?:r\.?r|rural|range|rge|rng|twp|township|tsp)(?:\b|(?=#?\d))/i.test(t)) rural.push(...all(t, RURAL_BOX_FIRST, 'ADDRESS'), ...all(t, RANGE_ROAD, 'ADDRESS'));
  if (spotWords && /\b(?:lot|trailer|pad)\s?#?\d/i.test(t)) rural.push(...all(t, LOT, 'ADDRESS'), ...all(t, LOT_IN_PARK, 'ADDRESS', (m) => PARK_AFTER_LOT.test(t.slice(m.index + m[0].length, m.index + m[0].length + 40))), ...all(t, LOT_ON_ROAD, 'ADDRESS'));
  // A site, box and route written in any order are one address ("site 5, box 12, rr 1").
  const ruralSpans = mergeSpans(rural);
  for (const e of ruralSpans) e.end += settlementAfter(t, e);
  const spans = [...out.filter((e) => !ruralSpans.some((r) => r.start < e.start && e.start < r.end)), ...ruralSpans];
  // A ZIP code right after an address is its own, with or without a state ("1422 e 7th st apt 2, 90021").
  if (spotWords && /\b(?:km|mile|mi)\s?\d/i.test(t)) spans.push(...all(t, HIGHWAY_MARK, 'ADDRESS'));
  for (const e of spans) {
    // A numbered road's number: "4471 county rd 12", "880 concession rd 4", "1875 concession 9" (round 21).
    const roadNumber = /(?:rd|road|route|rte|hwy|highway|line|sideroad|concession|conc)$/i.test(t.slice(e.start, e.end)) ? ROAD_NUMBER.exec(t.slice(e.end, e.end + 8)) : null;
    if (roadNumber) e.end += roadNumber[0].length;
    // A direction typed after the street, before a unit, a postal code or the clause's end: "1220 eglinton w unit 3".
    const direction = DIRECTION_AFTER.exec(t.slice(e.end, e.end + 24));
    if (direction) e.end += direction[0].length;
    // A unit after the street, typed without a comma: "221 maple unit b", "1200 w broadway apt 4", "4210 de bordeaux app 3".
    const unit = TRAILING_UNIT.exec(t.slice(e.end, e.end + 24));
    if (unit) e.end += unit[0].length;
    const zip = ADDRESS_ZIP.exec(t.slice(e.end, e.end + 14));
    if (zip) e.end += zip[0].length;
    // The street it crosses, named in capitals or by a number and type: "at 7 Mile and Gratiot", "19300 Fenkell & Evergreen Rd".
    // A given name crosses no street unless a street type follows it ("1200 main st and Bob helped" ends at "st").
    const cross = CROSS_AFTER.exec(t.slice(e.end, e.end + 40));
    const crossType = cross ? CROSS_TYPE.exec(t.slice(e.end + cross[0].length, e.end + cross[0].length + 16)) : null;
    const crossWord = cross ? cross[1]!.toLowerCase() : '';
    if (cross && (crossType || (!/^\d/.test(crossWord) && !dictionaries().firstNames.has(crossWord))) && !SAFE.has(crossWord) && !KEEP.has(crossWord) && !TIME_NAMES.test(crossWord)) e.end += cross[0].length + (crossType?.[0].length ?? 0);
    // A unit number before the house number with no word: "their unit is 1208 8080 saba rd" (Vancouver's way).
    // A unit by its word before the house number: "apt 3 715 e hackberry", "2nd fl 2918 n kedvale", "#2 1527 w 4th" (round 10).
    const unitWord = /^\d{3}/.test(t.slice(e.start, e.start + 3)) ? LEADING_UNIT_WORD.exec(t.slice(Math.max(0, e.start - 24), e.start)) : null;
    const lead = unitWord ?? (/^\d{3}/.test(t.slice(e.start, e.start + 3)) ? LEADING_UNIT_NUMBER.exec(t.slice(Math.max(0, e.start - 8), e.start)) : null);
    if (lead) e.start -= lead[0].length;
  }
  // Two readings of one address ("1208 8080 saba", "8080 saba rd") are one span.
  return mergeSpans(spans);
}

const CROSS_AFTER = /^\s(?:and|&|@)\s(\p{Lu}[\p{L}'’-]+|\d{1,3}(?:st|nd|rd|th)?(?=\s[A-Za-z]))(?![\p{L}\p{N}])/u;
const CROSS_TYPE = new RegExp(`^\\s(?:${STREET})\\b\\.?`, 'iu');
/** Capitalised words after a capitalised street name: " Trot", " Gore Vale" (one or two). */
const CAPITAL_WORDS = /^(?:\s\p{Lu}[\p{L}'’-]+){1,2}(?![\p{L}\p{N}])/u;
/** Weekdays as SMS writes them ("weds", "thurs", "sat"): no street's name. */
const WEEKDAY_SHORT = new RegExp(`^(?:${oneOf(WEEKDAYS_SMS)})s?$`);
/** Weekdays, months and near days (not "yesterday": never among them; adding it would be a rule change). */
const TIME_NAMES = new RegExp(`^(?:${oneOf([...WEEKDAYS, ...MONTHS, ...NEAR_DAYS.filter((d) => d !== 'yesterday')])})$`, 'i');
/** Whether a lower-cased word may be a street's own name: no prose word, kept word, weekday, month or day-word. */
export function streetNameWord(l: string): boolean {
  return !proseWord(l) && !KEEP.has(l) && !TIME_NAMES.test(l) && !WEEKDAY_SHORT.test(l);
}
/** What HOUSE_HIGHWAY, SAINT_STREET, FRENCH_HOUSE and DIRECTED_HOUSE need: a house number before one of their words. */
const HOUSE_ROAD_MAY = /\d\s(?:hwy|highway|route|rte|county|st|ste|saint|sainte|mont|de|du|des|d['’]|rue|boul|av|ch|[nsew]\.?\s)|\d\s\p{L}+\s(?:est|ouest)\b/iu;
/**
 * French streets name their type first, with or without a house number (round 11): "au 1012 rue prince", "sur rue
 * saint-roch", "avenue du parc", "au 915 9e rue", "on avenue querbes". "rue", "boulevard", "chemin" and "rang" are no
 * English words a note uses, so any name after them counts; "avenue" and "av" take a name that is no everyday English
 * word, a French particle, a single letter ("avenue j") or a house number before them. Prose or a French function word
 * after the type names nothing ("the avenue and", "rue de la" alone).
 */
const FRENCH_TYPE_FIRST_MAY = /\b(?:rue|boul|boulevard|chemin|rang|avenue|av)\b/i;
const FRENCH_TYPE_FIRST = /(?<![\p{L}\p{N}])(\d{1,6}(?!(?:e|ème|eme)\s)[a-z]?\s)?(?:\d{1,2}(?:e|ème|eme)\s(?:rue|avenue|av)\b|(rue|boul\.?|boulevard|chemin|rang|avenue|av\.?)\s(de\sla\s|de\sl['’]|du\s|des\s|de\s|d['’]|l['’])?(\p{L}[\p{L}'’-]*))(?![\p{L}\p{N}'’-])/giu;
function frenchTypeFirst(t: string): Entity[] {
  return all(t, FRENCH_TYPE_FIRST, 'ADDRESS', (m) => {
    if (!m[2]) return true;
    const w = m[4]!.toLowerCase();
    if (proseWord(w) || FRENCH_STOP.has(w) || NOT_FRENCH_STREET.test(w) || TIME_NAMES.test(w) || /^(?:la|le|les|l)$/.test(w)) return false;
    // With a house number or a particle the street is said; alone, its name is no everyday English word ("rue before").
    if (m[1] || m[3]) return true;
    if (!/^av/i.test(m[2])) return w.length > 1 && !dictionaries().common.has(w);
    return w.length === 1 || (!dictionaries().common.has(w) && !KEEP.has(w));
  });
}
/**
 * Queens' house numbers name their cross street first ("lives at 40-22 junction", "at 35-16 95th", "apt 3b 86-12
 * whitney"; round 11): after a place cue or a unit, two digits or three, a hyphen, two digits, and a street's word. A
 * range, a score or a count is no street ("at 10-15 mins", "won 21-14 tonight").
 */
const HYPHEN_HOUSE = /(?:(?<![\p{L}\p{N}])(?:apt|unit)\s?#?\w{1,4}\s|(?<=(?:^|[^\p{L}\p{N}])(?:at|on|to|from|in|@)\s))\d{2,3}-\d{2}[a-z]?\s(\d{1,3}(?:st|nd|rd|th)|\p{L}[\p{L}'’-]+)(?:\s(?:st|street|ave|avenue|rd|road|blvd|pl|dr|ct)\b)?(?![\p{L}\p{N}'’-])/giu;
function hyphenHouseStreet(w: string): boolean {
  const l = w.toLowerCase();
  return /^\d/.test(l) || (streetNameWord(l) && !MEASURES.has(l));
}
/** A house number on a numbered highway: "2380 hwy 1428", "88 county rd 12". */
const HOUSE_HIGHWAY = /(?<![\p{L}\p{N}.,/$-])\d{2,6}[a-z]?\s(?:hwy|highway|route|rte|county\s(?:rd|road))\s?#?\d{1,4}[a-z]?(?![\p{L}\p{N}])(?!\s*(?:%|am|pm|mg|kms?|miles?|mins?|minutes|hrs?|hours|times|days)\b)/giu;
/** A house number and a saint's or a mountain's street: "7245 St-Denis", "3450 boul. st-laurent", "55 mont-royal". */
const SAINT_STREET = /(?<![\p{L}\p{N}.,/$-])\d{2,6}[a-z]?\s(?:(?:rue|boul|boulevard|av|avenue|ch|chemin)\.?\s)?(?:st|ste|saint|sainte|mont|côte|cote)-\p{L}[\p{L}'’-]+(?![\p{L}\p{N}])/giu;
/**
 * French streets after a house number of two digits or more: "4210 de bordeaux", "5180 de la roche", "300 du parc";
 * and any street a French direction follows: "2150 Ontario est" (three digits or more). Not a month ("5 de mayo") or a
 * time of day ("10 de la mañana").
 */
const FRENCH_HOUSE = /(?<![\p{L}\p{N}.,/$-])(?:\d{2,6}[a-z]?\s(?:rue\s|av\.?\s|boul\.?\s|ch\.?\s)?(?:de\sla\s|de\sl['’]|du\s|des\s|de\s|d['’])(\p{L}[\p{L}'’-]+)|\d{3,6}[a-z]?\s\p{L}[\p{L}'’-]+(?:\s\p{L}[\p{L}'’-]+)?\s(?:est|ouest))(?![\p{L}\p{N}])/giu;
const NOT_FRENCH_STREET = /^(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|mañana|manana|tarde|noche|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)$/;
/** A house number of three digits or more and a direction make a street of a word that is no English word: "1120 s lorena". */
// Round 10: any word that is no common word ("715 e hackberry"; was: no word of the large English list), or an ordinal ("1527 w 4th").
const DIRECTED_HOUSE = /(?<![\p{L}\p{N}.,/:$-])\d{3,6}[a-z]?\s[nsew]\.?\s(\p{L}[\p{L}'’-]+|\d{1,3}(?:st|nd|rd|th))(?![\p{L}\p{N}])/giu;
/** A direction after a street, where a unit, a postal code or a clause's end follows it ("n" and "w" are SMS "and", "with" before a word). */
const DIRECTION_AFTER = /^\s(?:(?:nw|ne|sw|se|est|ouest|east|west|north|south|[nsewo])\.?(?=\s?[,.;:!?)]|\s*$|\s(?:apt|app|unit|suite|ste|bsmt|basement|#)|\s[a-z]\d[a-z])|(?:[seo]|est|ouest)(?=\s(?:has|had|is|was|and|near|by|in|at|for|to|on|where)\b))/iu;
const LEADING_UNIT_WORD = /(?<![\p{L}\p{N}])(?:(?:(?:bottom|top|upper|lower|main|back|front|basement|bsmt)\s)?(?:apt|apartment|app|unit|suite|ste|rm|room)\.?\s?#?\s?\d{1,5}[a-z]?|#\s?\d{1,5}[a-z]?|\d(?:st|nd|rd|th)\s(?:fl|floor)),?\s$/iu;
const LEADING_UNIT_NUMBER = /(?<=(?:\bis|\bat|\bunit|\bapt|#|,)\s?)\d{1,5}[a-z]?\s$/iu;

const ROAD_NUMBER = /^\s\d{1,4}[a-z]?(?![\p{L}\p{N}:./-])(?!\s*(?:%|am|pm|mg|kms?|miles?|mins?|minutes|hrs?|hours|times|days)\b)/iu;
const ADDRESS_ZIP = /^,?\s\d{5}(?:-\d{4})?(?![\p{L}\p{N}-])/u;
// A lettered unit stands apart from its word ("apt b", "#c"): "appt" is an appointment, not "app t" (round 10).
const TRAILING_UNIT = /^,?\s(?:apt|apartment|app|unit|suite|ste|bsmt|basement|rm|room|#)\.?(?:\s?#?\s?\d{1,5}[a-z]?|\s#?\s?[a-z]|(?<=#)[a-z])(?![\p{L}\p{N}])/iu;

/** Canadian postal codes in any case, with or without the space; US ZIP+4. */
const POSTAL = /(?<![\p{L}\p{N}])[abceghj-nprstvxy]\d[abceghj-nprstv-z][ -]?\d[abceghj-nprstv-z]\d(?![\p{L}\p{N}])/giu;
const ZIP4 = /(?<![\d-])\d{5}-\d{4}(?![\d-])/g;
/** A ZIP after its state's code in any case: "new york ny 10118", "springfield il 62704"; the state stays. */
const STATE_ZIP = new RegExp(String.raw`(?<![\p{L}\p{N}])(${US_STATES}|dc)\.?,?\s(\d{5}(?:-\d{4})?)(?![\p{L}\p{N}-])`, 'giu');
/** Codes that are also words or labels ("in 10000 steps", "or 12345", "client ID 10534"): no ZIP after them here (after a comma, patterns.zip). */
const FIVE_DIGITS = /\d{5}/;
const WORD_STATES = new Set('al co de hi id in la me ma mi ne oh ok or pa'.split(' '));

/** A ZIP code a place is named by, with no state: "staying w her tia in 90022", "90022 is her zip" (not a round count). */
const PLACE_ZIP = /(?<=\b(?:in|zip|zipcode|zip code)\s)\d{5}(?=\s*(?:[,.;!?)]|$)|\s(?:area|now|zip)\b)|(?<![\d-])\d{5}(?=\s(?:is\s(?:her|his|the|my|their|our)\s)?zip\b)/gi;

export function messyPostal(t: string): Entity[] {
  const f = factsOf(t);
  // A postal code holds a letter right before a digit (outside ASCII its case folding goes further: always run); ZIP+4 a hyphen.
  const postal = f.ascii && !f.letterDigit ? [] : all(t, POSTAL, 'POSTAL_CODE');
  const zip4 = f.marks & MARK.hyphen ? all(t, ZIP4, 'POSTAL_CODE') : [];
  if (!FIVE_DIGITS.test(t)) return [...postal, ...zip4];
  return [
    ...postal,
    ...zip4,
    ...all(t, STATE_ZIP, 'POSTAL_CODE', (m) => !WORD_STATES.has(m[1]!.toLowerCase()), 2),
    ...(mayHold(t, ZIP_CUE) || / in \d{5}/.test(t) ? all(t, PLACE_ZIP, 'POSTAL_CODE', (m) => !/000$/.test(m[0])) : []),
    ...(t.includes(',') ? all(t, TOWN_ZIP, 'POSTAL_CODE', (m) => townBeforeZip(t, m), 2) : []),
    ...(mayHold(t, MAIL_CUE) ? all(t, MAIL_ZIP, 'POSTAL_CODE', (m) => !/000$/.test(m[0]) && !AFTER_COUNT.test(t.slice(m.index + 5, m.index + 15)) && !COUNTED_AFTER.test(t.slice(m.index + 5, m.index + 15))) : []),
  ];
}

/** A ZIP after a town and a comma, no state between: "…, Tulsa, 74103". */
const TOWN_ZIP = /(?<![\p{L}\p{N}])(\p{L}[\p{L}'’.-]+),\s?(\d{5})(?![\p{L}\p{N}-])(?!\s?(?:%|\$))/gu;
/** The town is a town of the list, or a capitalised word that is no English word and opens no sentence; no count follows ("Tulsa, 20000 people"). */
function townBeforeZip(t: string, m: RegExpExecArray): boolean {
  const w = m[1]!;
  const end = m.index + m[0].length;
  if (/000$/.test(m[2]!) || AFTER_COUNT.test(t.slice(end, end + 10)) || COUNTED_AFTER.test(t.slice(end, end + 10))) return false;
  const l = w.toLowerCase();
  if (isTownName(l)) return true;
  const opens = /(?:^|[.!?]\s*)$/.test(t.slice(Math.max(0, m.index - 3), m.index));
  return /^\p{Lu}\p{Ll}/u.test(w) && !opens && !dictionaries().english.has(l) && !KEEP.has(l);
}
/** A ZIP things are mailed or sent to: "mail her stuff to 74103". */
const MAIL_ZIP = /(?<=\b(?:mail|mailed|mailing|send|sent|sending|ship|shipped|shipping|forward|forwarded|post|posted)\b[^.!?\n\d]{0,30}\bto\s)\d{5}(?![\p{L}\p{N}-])/giu;
/** MAIL_ZIP's words (cues.ts): keep in step with it. */
const MAIL_CUE = cue('mail send sent ship forward post');

const MONTH_ALTS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
// The day may be glued on, as typed on a phone: "oct21", "may3".
const MONTH_DAY = new RegExp(`(?<![\\p{L}])(?:${MONTH_ALTS})\\.?\\s?(?:the\\s(?=\\d{1,2}(?:st|nd|rd|th)))?(\\d{1,2})(st|nd|rd|th)?(?![\\p{L}\\p{N}:])`, 'giu');
const SLASH_DATE = /(?<![\d/.:-])(\d{1,2})\/(\d{1,2})(?![\d/]|\.\d)/g;
const WEEKDAY_ALTS = `(?:${oneOf(WEEKDAYS_SHORT)})(?:day)?|(?:${oneOf(WEEKDAYS)})`;
/** "the 22nd", "tues the 9th" (not "the 3rd time", "the 2nd floor"). */
const ORDINAL_DAY = new RegExp(`(?<![\\p{L}])(?:(?:${WEEKDAY_ALTS})\\.?\\s)?the\\s(\\d{1,2})(?:st|nd|rd|th)(?:\\s(?:of\\s)?(?:${MONTH_ALTS})\\b\\.?)?(?!\\s(?:of\\s)?(?:time|times|floor|grade|step|street|st|ave|avenue|place|try|attempt|round|day|week|month|year|cheque|one|visit|meeting|session|dose|shot|kid|child|baby|overdose|relapse))(?![\\p{L}\\p{N}])`, 'giu');
/** "appt 3-17", "court 11-2": a month and day with a hyphen, only after a cue that wants a date. */
const HYPHEN_DATE = /(?<![\d/.:-])(\d{1,2})-(\d{1,2})(?![\d/-]|\.\d)/g;
const STRICT_DATE_CUE = /\b(?:on|appt|appointment|court|date|due|dob|born|bday|birthday|intake|hearing|booked|set for|starts?|starting|discharged?|released?|admitted|sentencing|sentenced|trial)\s*:?\s*$/i;
const DATE_CUE = /\b(?:on|appt|appointment|court|date|due|by|until|til|till|since|from|dob|intake|hearing|@|starting|starts|start|before|after|is|was|booked|set|for|of|sent|signed|filed|applied|mailed|faxed|received|started|ended|moved|released|discharged|admitted|dated|expires?|exp|last|next)\s*:?\s*$/i;
/** A bare day after a date cue, as typed: "meeting the 10 at 1", "see u on the 12", "court is the 3." (not "the 10 bus"). */
const BARE_DAY = /(?<=\b(?:on|by|til|till|until|since|before|after|due|meeting|meet|see (?:u|you|ya)|court|appt|is)\s)the\s([1-9]|[12]\d|3[01])(?=\s?[,.;!?)]|\s?$|\s(?:at|@|for|to|and|or|then|so|but|if|when|in the|morning|afternoon|evening|night|ok|okay|pls|please)\b)/gi;
/**
 * An ordinal day after a date cue with no "the": "due on 28th", "by 3rd", "til 15th" (not "by 5th ave"; not after "on"
 * alone, which names a street as often: "the walgreens on 5th").
 */
const CUED_ORDINAL = /(?<=\b(?:by|til|till|until|since|due|due on|starting|appt|appt on|court|court on|moved to|rescheduled to|booked for|set for)\s)(\d{1,2})(?:st|nd|rd|th)(?!\s(?:of\s)?(?:time|times|floor|grade|step|street|st|ave|avenue|place|pl|try|attempt|round|day|week|month|year|cheque|one|visit|meeting|session|dose|shot|kid|child|baby|overdose|relapse|and|&)\b)(?![\p{L}\p{N}])/giu;
/** Buses and trains are got on by number: "got on the 10 at 3". */
const RIDE_BEFORE = /\b(?:got|get|gets|getting|hop|hopped|jump|jumped|catch|caught|take|took|ride|rode|missed|bus|train|lrt|route)\s+(?:on\s+)?$/i;
/** A weekday before a date is part of it: "mon 4/14", "Wednesday, November 19", "thu jan9". */
const WEEKDAY_BEFORE = new RegExp(`(?<![\\p{L}])(?:${WEEKDAY_ALTS})\\.?,?\\s$`, 'iu');
/** Pain, mood and craving scores out of ten are no dates: "pain 7/10", "anxiety was 8/10". */
const SCORE_BEFORE = /\b(?:pain|sore|hurts?|rated?|rates|rating|score|scale|mood|anxiety|anx|cravings?|urges?|stress|energy|level|depression|sleep)\b[^.,;\d]{0,12}$/i;

/** What MONTH_DAY and ORDINAL_DAY need in an ASCII text (outside ASCII their case folding goes further: always run). */
const MONTH_IN = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const THE_ORDINAL_IN = /the\s\d{1,2}(?:st|nd|rd|th)/i;
/** The letters MONTH_IN, DAY_MONTH_MAY and FR_DATE_MAY need inside a word (cues.ts), asked before them: keep in step. */
/** Words after "may 6" that a date takes ("may 8 at the office", "may 6 for court"). */
const MAY_DAY_AFTER = /^\s(?:at|for|and|to|with|in|on|is|was|then|so|but|or|when|if)(?![\p{L}])/iu;
/** A pronoun after a verb of meeting ("see u", "c you", "meet ya"): the one met, no subject of a "may" after it. */
const SEEN_PRONOUN = /\b(?:see|c|meet|visit|catch)\s(?:u|you|ya)\s$/i;
/** Who or what is counted after "may 6": the verb, not the month. */
const COUNTED_AFTER = /^\s(?:people|ppl|persons?|guys|folks|kids|more|others|men|women|girls|boys|clients|of)(?![\p{L}])/iu;

const MONTH_CUE = cue('jan feb fev mar apr avr may mai jun juin jul juil aug aout sep oct nov dec');

export function messyDates(t: string): Entity[] {
  const out: Entity[] = [];
  const f = factsOf(t);
  for (const e of f.ascii && (!mayHold(t, MONTH_CUE) || !MONTH_IN.test(t)) ? [] : all(t, MONTH_DAY, 'DATE', (m) => {
    const day = Number(m[1]);
    if (day < 1 || day > 31) return false;
    // "may 2", "march 3" could be a verb: a date with an ordinal or a date cue before, and also with a capital ("Saturday, May 18") or a weekday before it, and "march 3" as typed, unless a person
    // does it or a count follows ("we march 3 blocks", "May 3 of us go"); lower-case "may 2" is too often the verb.
    const before = t.slice(Math.max(0, m.index - 20), m.index);
    // "may the 4th be with you": "may the" is a date only after a cue.
    if (/^may\.?\sthe\s/i.test(m[0]) && !DATE_CUE.test(before)) return false;
    if (/^(?:may|mar|march)\b/i.test(m[0]) && !m[2] && !DATE_CUE.test(before) && !WEEKDAY_BEFORE.test(before)) {
      const end = m.index + m[0].length;
      const after = t.slice(end, end + 10);
      // A pronoun seen or met is no one who may ("see u may 8", "c u may 14", round 21): not "i told u may 2 go".
      if (/\b(?:i|we|they|you|u|he|she|it|who|to|will|gonna|lets|let's|can|could|might)\s$/i.test(before) && !SEEN_PRONOUN.test(before)) return false;
      if (AFTER_COUNT.test(after) || /^\s(?:blocks?|miles?|steps?|laps?|of)\b/i.test(after)) return false;
      // Lower-case "may" is the verb before a count of something ("may 6 people came", "may 3 more") and in SMS "may 2 go",
      // "may 4 sure"; else the month ("court may 6", "may 8 w dr").
      if (/^may/.test(m[0]) && ((nounAfter(t, end) && !MAY_DAY_AFTER.test(after)) || COUNTED_AFTER.test(after) || (/^[24]$/.test(m[1]!) && /^\s\p{Ll}/u.test(after)))) return false;
    }
    return true;
  })) out.push(e);
  for (const e of !(f.marks & MARK.slash) ? [] : all(t, SLASH_DATE, 'DATE', (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a < 1 || b < 1 || !((a <= 12 && b <= 31) || (b <= 12 && a <= 31)) || m[0] === '24/7') return false;
    const measured = /^\s*(?:of|a|cup|cups|tab|tabs|pill|pills|mg|ml|%)\b/i.test(t.slice(m.index + m[0].length, m.index + m[0].length + 6));
    // Fractions ("1/2 a pill", "2/3 of", "last 3/4 of it") stay unless a date cue comes before ("letter sent 2/3.").
    if (a < b && b <= 4) return !measured && DATE_CUE.test(t.slice(Math.max(0, m.index - 20), m.index));
    if (b === 10 && SCORE_BEFORE.test(t.slice(Math.max(0, m.index - 30), m.index))) return false;
    return !measured;
  })) out.push(e);
  for (const e of !(f.marks & MARK.hyphen) ? [] : all(t, HYPHEN_DATE, 'DATE', (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a < 1 || a > 12 || b < 1 || b > 31) return false;
    return STRICT_DATE_CUE.test(t.slice(Math.max(0, m.index - 20), m.index)) && !/^\s*(?:times|days?|weeks?|months?|hrs?|hours?|mins?|pills|tabs|mg|ml|%|am|pm)\b/i.test(t.slice(m.index + m[0].length, m.index + m[0].length + 8));
  })) out.push(e);
  const month = mayHold(t, MONTH_CUE);
  if (month && FR_DATE_MAY.test(t)) for (const e of all(t, FR_DATE, 'DATE')) out.push(e);
  if (FR_MONTH_DAY_MAY.test(t)) for (const e of all(t, FR_MONTH_DAY, 'DATE', (m) => !AFTER_COUNT.test(t.slice(m.index + m[0].length, m.index + m[0].length + 10)) && !nounAfter(t, m.index + m[0].length))) out.push(e);
  if (DAY_OTHER_MONTH_MAY.test(t)) for (const e of all(t, DAY_OTHER_MONTH, 'DATE')) out.push(e);
  if (month && holdsWord(t, MONTH_WORDS) && DAY_MONTH_MAY.test(t)) {
    for (const e of all(t, DAY_MONTH, 'DATE', (m) => {
      const day = Number(m[1]);
      // "3 may come" is the verb: lower-case "may" needs an ordinal, "of" or a date cue or weekday before.
      const before = t.slice(Math.max(0, m.index - 20), m.index);
      return day >= 1 && day <= 31 && (!/\smay\b/.test(m[0]) || !!m[2] || DATE_CUE.test(before) || WEEKDAY_BEFORE.test(before));
    })) out.push(e);
  }
  const weekday = holdsWord(t, WEEKDAY_WORDS);
  for (const e of !weekday ? [] : all(t, WEEKDAY_DAY, 'DATE', (m) => {
    const day = Number(m[1]);
    // "thurs 17th", "fri 14 at 2"; a bare number up to 12 after a weekday is an hour ("mon 9"), one before a noun or
    // after a comma a count ("sat, 30 coats").
    const end = m.index + m[0].length;
    return day >= 1 && day <= 31 && (!!m[2] || (day >= 13 && !m[0].includes(',') && !AFTER_COUNT.test(t.slice(end, end + 10)) && !nounAfter(t, end)));
  })) out.push(e);
  if (weekday && OTHER_LANGUAGE_MAY.test(t)) for (const e of all(t, OTHER_LANGUAGE_DATE, 'DATE')) out.push(e);
  if (mayHoldWordDate(t)) for (const e of all(t, WORD_DATE, 'DATE')) out.push(e);
  for (const e of f.ascii && (!f.ordinal || !THE_ORDINAL_IN.test(t)) ? [] : all(t, ORDINAL_DAY, 'DATE', (m) => Number(m[1]) >= 1 && Number(m[1]) <= 31 && (/\d(?:st|nd|rd|th)\s/i.test(m[0]) || !nounAfter(t, m.index + m[0].length)))) out.push(e);
  if (f.ordinal && /\d(?:st|nd|rd|th)\b/i.test(t)) for (const e of all(t, CUED_ORDINAL, 'DATE', (m) => Number(m[1]) >= 1 && Number(m[1]) <= 31 && !nounAfter(t, m.index + m[0].length))) out.push(e);
  if (f.theDigit && /the \d/i.test(t)) for (const e of all(t, BARE_DAY, 'DATE', (m) => !RIDE_BEFORE.test(t.slice(Math.max(0, m.index - 20), m.index - 3)))) out.push(e);
  for (const e of out) {
    const w = WEEKDAY_BEFORE.exec(t.slice(Math.max(0, e.start - 12), e.start));
    if (w) e.start -= w[0].length;
  }
  return out;
}

/** A day in words: "the fourth of july", "march the second", "june twenty-first". */
const ORDINAL_WORDS = '(?:twenty|thirty)?[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth';
const WORD_DATE = new RegExp(`(?<![\\p{L}])(?:(?:the\\s)?(?:${ORDINAL_WORDS})\\sof\\s(?:${MONTH_ALTS})|(?!may\\sthe\\s)(?:${MONTH_ALTS})\\s(?:the\\s)?(?:${ORDINAL_WORDS}))(?![\\p{L}])`, 'giu');
const WORD_DATE_MAY = /(?:first|second|third|th) of |(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (?:the )?(?:twenty|thirty|first|second|third|[a-z]+th\b)/i;
/** Whether a text without a digit may still hold a date, in words (deidentify.ts opens messyDates' gate on it). */
/** WORD_DATE_MAY's words (cues.ts): a month's first letters inside a word, or "of". Keep in step with it. */
const WORD_DATE_CUE = cue('jan feb mar apr may jun jul aug sep oct nov dec', 'of');
export function mayHoldWordDate(t: string): boolean {
  return mayHold(t, WORD_DATE_CUE) && WORD_DATE_MAY.test(t);
}

/** French day and month: "le 3 mars", "le 1er mai", "12 avril 2024" ("le" stays outside). */
const FR_MONTHS = 'janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?';
const FR_DATE = new RegExp(`(?<![\\p{L}\\p{N}])(?:[1-9]|[12]\\d|3[01]|1er)\\s(?:${FR_MONTHS})\\.?(?:\\s\\d{4})?(?![\\p{L}])`, 'giu');
const FR_DATE_MAY = /\d(?:er)?\s(?:janv|f[ée]v|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)/i;
/** A French month written out before its day: "janvier 8", "le 2 février" is FR_DATE's ("mars 3 bars" is a count). */
const FR_MONTH_DAY = /(?<![\p{L}\p{N}])(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s(?:le\s)?([1-9]|[12]\d|3[01]|1er)(?![\p{L}\p{N}]|[:/.,-]\d)/giu;
const FR_MONTH_DAY_MAY = /(?:vier|mars|avril|mai|juin|llet|ao[uû]t|bre)\s(?:le\s)?\d/i;
/** A Turkish, Portuguese or Spanish month after its day: "12 aralık", "3 de março", "5 mayo". */
const OTHER_MONTHS = 'ocak|şubat|subat|mart|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul|ekim|kasım|kasim|aralık|aralik|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre';
const DAY_OTHER_MONTH = new RegExp(`(?<![\\p{L}\\p{N}/.:,$-])([1-9]|[12]\\d|3[01])\\s(?:de\\s)?(?:${OTHER_MONTHS})(?:\\s(?:de\\s)?(?:19|20)\\d{2})?(?![\\p{L}\\p{N}])`, 'giu');
const DAY_OTHER_MONTH_MAY = /\d\s(?:de\s)?(?:oca|şub|sub|mart|nis|may|haz|tem|ağu|agu|eyl|ek|kas|ara|jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez|ene|feb|sep|oct|dic)/i;

/** A day before its month: "Saturday, 22 March", "the 3rd of may", "2 june" (the weekday joins it in messyDates). */
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\p{N}/.:,$-])(?:the\\s)?(\\d{1,2})(st|nd|rd|th)?(?:\\s(?:of\\s)?|-)(?:${MONTH_ALTS})(?:,?\\s(?:19|20)\\d{2})?(?![\\p{L}\\p{N}])`, 'giu');
const DAY_MONTH_MAY = /\d(?:st|nd|rd|th)?(?:\s(?:of\s)?|-)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
/** A day right after a weekday, no "the": "Thursday 17th", "tues 9th", "fri 14". */
const WEEKDAY_DAY = new RegExp(`(?<![\\p{L}])(?:${WEEKDAY_ALTS})\\.?,?\\s(\\d{1,2})(st|nd|rd|th)?(?![\\p{L}\\p{N}:/-]|\\.\\d)`, 'giu');
/**
 * French and Spanish day-and-month dates beyond FR_DATE: a weekday and its day ("mardi le 4", "jeudi 12 juin", "martes
 * 3"), and "5 de mayo", "12 de junio de 2024" ("el", "le" before a date alone stay, as in FR_DATE).
 */
const ES_MONTHS = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const OTHER_LANGUAGE_DATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\s(?:le\\s)?(?:[1-9]|[12]\\d|3[01]|1er)(?:\\s(?:${FR_MONTHS})\\.?)?|(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)\\s(?:el\\s)?(?:[1-9]|[12]\\d|3[01])(?:\\sde\\s(?:${ES_MONTHS}))?|(?:[1-9]|[12]\\d|3[01])\\sde\\s(?:${ES_MONTHS})(?:\\sde(?:l)?\\s\\d{4})?)(?![\\p{L}\\p{N}:h])`,
  'giu',
);
/**
 * The words DAY_MONTH, WEEKDAY_DAY and OTHER_LANGUAGE_DATE need, looked for among the text's shared words (words.ts)
 * before their regexes run (cues.ts has no cue left to spare).
 */
const MONTH_WORDS = new Set('jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december'.split(' '));
const WEEKDAY_WORDS = new Set([...WEEKDAYS_SMS, ...WEEKDAYS, ...WEEKDAYS_FR_ES, 'de']);
function holdsWord(t: string, words: Set<string>): boolean {
  for (const w of wordsOf(t)) if (words.has(w.lower)) return true;
  return false;
}
const OTHER_LANGUAGE_MAY = /(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|rcoles|jueves|viernes|bado|domingo)\s|\d\sde\s/i;

/** Words after "the 3rd" that make it an order, not a day: an everyday word that is no function word ("the 1st thing"). */
const DAY_FOLLOWERS = new Set(
  `till until morning afternoon evening night nite am pm because cause every each when whenever while since unless though although as
  around about during instead which who whose where whether yet nor plus per`.split(/\s+/),
);
function nounAfter(t: string, end: number): boolean {
  const w = /^\s(\p{L}+)/u.exec(t.slice(end, end + 20))?.[1]?.toLowerCase();
  return !!w && dictionaries().common.has(w) && !SAFE.has(w) && !smsWords().has(w) && !DAY_FOLLOWERS.has(w);
}

/** "kokum (97)", "her grandpa (93)", "great-grandmother, 102,": a number over 89 in brackets or commas after a person. */
const OLD_AGE = `(?:${OVER_89_BARE}|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a |one )?hundred(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten))?)`;
// "(103!)", "(90 next month)", "(92 in may)", "(95 today)": an exclamation or when it turns that age, inside the brackets.
const BRACKET_AGE = new RegExp(`(?<=\\(\\s?(?:age |aged )?)(${OLD_AGE})(?=\\s?(?:yrs?|years?(?: old)?|yo|y\\/o)?(?:\\s?!+|\\s(?:next|this)\\s(?:week|wk|month|mo|year|yr|spring|summer|fall|winter)|\\s(?:on|in)\\s(?:${MONTH_ALTS})|\\s(?:now|today|tmrw|tomorrow|soon))?\\s?\\))`, 'gi');
/**
 * People an age follows: kin in English and in the languages clients' families speak (the kin list, kinship.ts:
 * "her kokum (97)", "abuela, 93,"), and who a PSW meets.
 */
const KIN = [
  ...[...kinTerms()].filter((t) => !/['’]/.test(t)).sort((a, b) => b.length - a.length).map(escapeRegExp),
  'great[- ]?(?:grand(?:mother|father|ma|pa)|gran|gramma|aunt|auntie|uncle)',
  ...'elder neighbour neighbor resident patient tenant lady man woman gentleman'.split(' '),
].join('|');
const RELATION_AGE = new RegExp(`\\b(?:${KIN})\\b(?:\\s(?:is|was|turned|just turned|will be|turns|who is|who's|at))?[,\\s]+(${OLD_AGE})\\b(?!\\s*(?:%|mg|ml|km|times|days?|weeks?|months?|dollars|bucks|\\$|min|minutes|pills))`, 'gi');
/** Any word, then a number over 89 between commas, ending the sentence or before "today": "his mosom, 98, is an elder", "métis, 92. she". */
const COMMA_AGE = new RegExp(String.raw`(?<=[\p{L})"”],\s)(${OVER_89_BARE})(?=,\s\p{L}|[.!]+(?:\s|$)|$|\s(?:today|tmrw|tomorrow)\b)`, 'gu');
/** A text that may hold one of the ages above. */
const MAY_AGE = new RegExp(String.raw`(?<!\d)${OVER_89_BARE}(?!\d)|ninety|hundred`, 'i');

export function messyAges(t: string): Entity[] {
  if (!MAY_AGE.test(t)) return [];
  return [...all(t, BRACKET_AGE, 'AGE'), ...all(t, RELATION_AGE, 'AGE', undefined, 1), ...all(t, COMMA_AGE, 'AGE')];
}

/** Plates without the word: "CKZR 210", "DXK-3390", or after a vehicle word in any case ("the car was cmv 5521"). */
const PLATE_SHAPE = /(?<![\p{L}\p{N}-])(?:[A-Z]{2,4}[ -]?\d{3,4}|\d[A-Z]{3}\d{3})(?![\p{L}\p{N}-])(?![ -]?\d)/gu;
/** Labels that come before a number: "SIN 046 454 286", "BC 9123 456 789". */
const NUMBER_LABELS = new Set('sin ssn phn mrn ohip hcn dob apt ste rm po bc ab on qc mb sk ns nb pe nl id no'.split(' '));
const VEHICLE_PLATE = /\b(?:car|truck|van|vehicle|suv|jeep|plate|plates|tag|tags)\b(?:\s(?:was|is|are|r|as|number|no\.?|#|reads|:)){0,2}\s([a-z]{2,4}[ -]?\d{3,4}|\d[a-z]{3}\d{3})\b/gi;
/**
 * A lower-case plate in a sentence about a vehicle, with no plate word right before it: "drives a black f150 cmx
 * 8832", "her civic cjw-2290". The letters are no word or label ("apt 204", "hwy 216" stay).
 */
const LOOSE_PLATE = /(?<![\p{L}\p{N}-])(?:([a-z]{2,4})[ -]?\d{3,4}|\d[a-z]{3}\d{3})(?![\p{L}\p{N}-])/giu;
const VEHICLE_CUE = /\b(?:car|cars|truck|van|caravan|minivan|vehicle|suv|jeep|ford|dodge|chevy|gmc|toyota|honda|nissan|hyundai|kia|mazda|subaru|bmw|vw|civic|corolla|camry|accord|f-?150|silverado|tacoma|charger|mustang|camaro|impala|malibu|altima|sentra|elantra|equinox|wrangler|durango|motorcycle|motorbike|plates?|tags?|licen[cs]e|pickup|sedan|hatchback|drives?|driving|drove|parked|towed|impounded|booted|tow yard)\b/i;
const NOT_PLATE_LETTERS = new Set('hwy rte exit lot stn bus lrt bay gate unit apt ste rm room suite box site comp rr po pg ch ext ex am pm mg ml mcg km kg lbs hrs mins yrs dob age pt'.split(' '));
function loosePlates(t: string): Entity[] {
  return all(t, LOOSE_PLATE, 'PLATE', (m) => {
    const letters = (m[1] ?? m[0].replace(/\d/g, '')).toLowerCase();
    // A make before a hyphen and digits is a plate all the same ("bmw-1182"); before a space it is a model ("bmw 328").
    const kept = KEEP.has(letters) && !/^[a-z]+-\d/i.test(m[0]);
    if (kept || dictionaries().english.has(letters) || SAFE.has(letters) || NUMBER_LABELS.has(letters) || NOT_PLATE_LETTERS.has(letters) || MEASURES.has(letters)) return false;
    // The vehicle is named in the same sentence, before or after the plate.
    const around = t.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40);
    const clause = around.split(/[.!?\n]/).find((x) => x.includes(m[0])) ?? around;
    return VEHICLE_CUE.test(clause);
  });
}

/**
 * A plate typed loosely after its word, maybe after its state's or province's code: "plate ky 3hj-447", "plate oh hbr
 * 2291", "tags r 8kd 442". Two digits and two letters at least between them ("tag 2 of them" stays); the code stays.
 */
const PLATE_WORD = new RegExp(
  String.raw`\b(?:plates?|tags?|licen[cs]e plate)\b(?:\s(?:was|is|are|r|number|no\.?|#|reads|:)){0,2}\s((?:(?:${US_STATES}|${PROVINCES})\s)?[a-z0-9]{1,4}(?:[ -][a-z0-9]{2,4})?)(?![\p{L}\p{N}-])`,
  'giu',
);
/** A plate in capitals near a vehicle (the sentence before may name it), letters and digits mixed: "F42 KRT", "8KD 442". */
const CAPITAL_PLATE = /(?<![\p{L}\p{N}-])(?=[A-Z0-9]{2,4}[ -][A-Z0-9]{2,4}(?![\p{L}\p{N}-]))(?=[A-Z0-9 -]*\d[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z][A-Z0-9 -]*[A-Z])[A-Z0-9]{2,4}[ -][A-Z0-9]{2,4}(?![\p{L}\p{N}-])/gu;
const PLATE_FIVE = /(?<![\p{L}\p{N}-])([A-Z]{2})[ -]?\d{5}(?![\p{L}\p{N}-])/gu;
/** Models and trims typed in capitals are no plates: "F150 XLT", "RAV4 LE", "4X4". */
const MODEL = /^(?:[A-Z]{1,2}-?\d{3}|RAV4|CRV|HRV|CX\d|4X4|V6|V8|XLT|XL|LX|EX|SE|LE|GT|SS|RS|SUV|LT|LTZ|SLE|SLT)$/;

export function messyPlates(t: string): Entity[] {
  return widenPlates(t, platesFound(t));
}

function platesFound(t: string): Entity[] {
  // Most texts name no vehicle at all.
  const vehicle = VEHICLE_CUE.test(t);
  const capitals = factsOf(t).capitals;
  return [
    ...(!mayHold(t, PLATE_CUE) ? [] : all(t, PLATE_WORD, 'PLATE', (m) => {
      const code = m[1]!.replace(/^[a-z]{2}\s(?=.*\d)/i, (x) => (/\d/.test(m[1]!.slice(3)) ? '' : x));
      return (code.match(/\d/g)?.length ?? 0) >= 2 && (code.match(/\p{L}/gu)?.length ?? 0) >= 2;
    }, 1)),
    // Both shapes below hold two capitals A-Z at least.
    ...(vehicle && capitals >= 2 ? all(t, CAPITAL_PLATE, 'PLATE', (m) => m[0].replace(/[ -]/g, '').length >= 6 && !m[0].split(/[ -]/).some((x) => MODEL.test(x)) && !COUNTERS.has(/(\p{L}+)\W*$/u.exec(t.slice(Math.max(0, m.index - 12), m.index))?.[1]?.toLowerCase() ?? '') && VEHICLE_CUE.test(t.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40))) : []),
    ...(capitals < 2 ? [] : all(t, PLATE_SHAPE, 'PLATE', (m) => {
      const letters = m[0].replace(/[^A-Z]/g, '').toLowerCase();
      // Acronyms and labels with a number ("AA 2024", "SIN 046") are no plates, nor short client codes ("AB-113").
      return !KEEP.has(letters) && !NUMBER_LABELS.has(letters) && m[0].replace(/[ -]/g, '').length >= 6 && !isYear(m[0].replace(/\D/g, ''));
    })),
    // Two capitals and five digits near a vehicle ("black charger DN 48812"); not a state's ZIP after a town ("Dallas, TX 75201").
    ...(vehicle && capitals >= 2 ? all(t, PLATE_FIVE, 'PLATE', (m) => !KEEP.has(m[1]!.toLowerCase()) && !NUMBER_LABELS.has(m[1]!.toLowerCase()) && !/,\s?$/.test(t.slice(Math.max(0, m.index - 2), m.index)) && VEHICLE_CUE.test(t.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40))) : []),
    ...all(t, VEHICLE_PLATE, 'PLATE', (m) => !KEEP.has(m[1]!.replace(/[^a-z]/gi, '').toLowerCase()) || /^[a-z]+-\d/i.test(m[1]!), 1),
    ...(vehicle ? loosePlates(t) : []),
  ];
}

/**
 * Facilities in lower case: up to three name words before a facility word ("hope mission", "george spady
 * detox", "herb jamieson centre"). Generic kinds of place ("the food bank", "friendship centre") are on the
 * keep-list and removed later; words that are prose ("her", "the", "a") end the name.
 */
// Not "house", "residence" or "health": "my aunts house" is no facility.
// "house" only with a name-shaped word after "the" or a place word ("staying at harbour house"), never "her moms house".
const FAC_WORDS = ['hospital', 'clinic', 'centre', 'center', 'shelter', 'mission', 'detox', 'infirmary', 'hostel', 'lodge', 'manor', 'institute', 'institution', 'hospice', 'jail', 'remand', 'correctional', 'penitentiary', 'pretrial', 'detention', 'prison', 'recovery', 'rehab', 'house', 'corr', 'detachment'];
/** Any of them, anywhere in a lower-cased text: one scan, not an includes() for each word. */
const FAC_WORD_IN = new RegExp(FAC_WORDS.join('|'));
/**
 * Heads that name a place only after a word that is no everyday word, or one in capitals: "harmony place", "mercy er",
 * "parkside ltc", "mercy general", "sunnyside care home" (not "a good place", "the busy er", "the group home").
 */
const SHAPED_HEADS = ['care home', 'group home', 'nursing home', 'foster home', 'retirement home', 'personal care home', 'place', 'inn', 'residence', 'ranch', 'village', 'towers', 'homes', 'villa', 'motel', 'hotel', 'er', 'emerg', 'ltc', 'general'];
/** "the attorney general", "general store", "the general population": "general" is no hospital there. */
const NOT_GENERAL_BEFORE = new Set('attorney surgeon solicitor secretary governor lieutenant brigadier major postmaster auditor inspector consul dollar adjutant director manager'.split(' '));
const NOT_GENERAL_AFTER = /^\s(?:store|population|public|delivery|knowledge|manager|assembly|practitioner|idea|rule|sense|feeling|meeting|admission|labou?r|contractor|election|strike|studies|interest|purpose|use|area|ward)\b/i;
/** Whether "general" after `words`, with `after` right behind it, is no hospital ("the attorney general said"); the
 * rules here and the facility model's guesses (classifier/facilityModel.ts) both ask. */
export function generalIsNoHospital(words: readonly string[], after: string): boolean {
  return words.some((w) => NOT_GENERAL_BEFORE.has(w.toLowerCase())) || NOT_GENERAL_AFTER.test(after);
}
/** Words before which a facility's own name comes: "at the alpha centre", "moved him to sunrise lodge". */
const PLACE_CUE = new Set('the teh da tha at to from of into in outta @ leaving left near by'.split(' '));
/** "the" as phones type it (round 15): no word of a place's name ("at da clinic", "da sunrise lodge"). */
const TYPED_THE = new Set(['da', 'tha', 'teh']);
/** Kinds of place no keep-list word describes (round 23): a kept word before one is the place's name ("sweetgrass lodge"). */
const NAMING_KINDS = new Set(['hospital', 'lodge', 'shelter', 'detox', 'manor', 'hostel', 'infirmary', 'hospice', 'institute']);
let keptNames: Set<string> | undefined;
/**
 * Keep-list words that name no kind of service (round 23): labels typed before an id ("hsn", "phn") and the words of
 * ceremonies and holidays ("sweetgrass", "powwow"). Before a kind of place they are its name; a medication, program,
 * group or service before one says what kind of place it is ("the methadone clinic"; "sweat lodge" is a keep-list
 * phrase, kept whole).
 */
const keptNameWords = (): Set<string> => (keptNames ??= keepGroups('identifier-labels', 'holidays'));
/**
 * Kinds, sizes and owners of a place that make "the X shelter" a description, not a name: "the youth shelter",
 * "the big house", "the trap house", "the other lodge".
 */
export const KIND_WORDS = new Set(`
  youth womens women's women mens men's men family families community health friendship rec recreation treatment tax county
  halfway group safe sober transition transitional warming sobering day night emergency overflow crisis addiction
  addictions medical dental urgent care cancer children's childrens kids seniors senior elders native indigenous
  aboriginal cultural wellness recovery outreach homeless pregnancy support counselling counseling resource
  employment job learning training visitor visitors animal dog pet bus trap crack drug flop boarding rooming
  court guest tiny big small old new nice good bad whole same other only next nearest closest local city main
  white green blue red brown yellow black grey gray pink first second third last regular usual winter summer
  cold hot mental public private provincial federal correctional remand detox jail walk-in walkin drop-in dropin
  eye foot skin sexual sti std hiv hep vaccine flu covid vax wound diabetes kidney heart birth fertility abortion
  psych psychiatric rehab shopping service call civic town art arts sports leisure fitness distribution open
  coffee haunted frat party bath ski hunting fishing opera school light ware tarp foster nursing care respite
  daycare intake assessment access housing legal immigrant newcomer refugee food clothing shower laundry
  inuit metis métis cree dene ojibwe first nations islamic muslim jewish catholic christian sikh hindu buddhist
  chinese korean vietnamese filipino african caribbean arab latino latin ukrainian polish somali eritrean
`.trim().split(/\s+/));
/**
 * Words that name someone's home, not a facility: "aunties house", "moms lodge". The relations of the kin list
 * (kinship.ts) and the other people whose place a note names; not "father" nor "mother", a priest's or a nun's title
 * in a facility's name ("Father Joe's Villages", round 24).
 */
export const OWNER_WORDS = new RegExp(
  `^(?:${[...kinRelations().filter((w) => w !== 'father' && w !== 'mother'), ...'ma pa friend buddy bf gf boyfriend girlfriend ex partner neighbour neighbor roommate client worker sponsor parent parents grandparent grandparents'.split(' ')].map(escapeRegExp).join('|')})(?:['’]?s)?$`,
);
// A second facility word belongs to the name: "calgary remand centre".
const LOWER_FACILITY = new RegExp(`(?<![\\p{L}])((?:[\\p{L}][\\p{L}'’-]*\\s){1,3})(?:${[...SHAPED_HEADS.slice(0, 6), ...FAC_WORDS, ...SHAPED_HEADS.slice(6)].join('|')})(?:\\s(?:centre|center|hospital|clinic|shelter|house))?(?![\\p{L}])`, 'giu');

/**
 * A kind of place named by its street: "the detox on 82nd", "shelter on 95 st", "the clinic off whyte ave". The street
 * makes the one place; the whole phrase is the facility.
 */
const KIND_ON_STREET = new RegExp(`(?<![\\p{L}])(?:detox|shelter|clinic|hospital|mission|lodge|manor|drop-?in|drop in|hostel|methadone clinic|treatment centre|treatment center|sobering centre|safe injection site|consumption site|needle exchange)\\s(?:on|off|at|by)\\s(?:\\d{1,3}(?:st|nd|rd|th)?(?:\\s(?:${BARE_TYPES}))?|\\p{L}[\\p{L}'’-]+\\s(?:${BARE_TYPES}))\\b${DIR}(?![\\p{L}\\p{N}])`, 'giu');

let placeNameSet: Set<string> | undefined;
/** Provinces, cities and countries: a keep-listed word that may name a facility's town ("calgary remand centre"). */
const placeNames = (): Set<string> => (placeNameSet ??= keepGroups('places', 'countries'));

const KIND_WORD = /detox|shelter|clinic|hospital|mission|lodge|manor|drop|hostel|centre|center|site|exchange/i;
/** The words each gate of messyFacilities needs (cues.ts): keep each in step with the regex beside it. */
const KIND_CUE = cue('detox shelter clinic hospital mission lodge manor drop hostel centre center site exchange');
const ON_OFF_CUE = cue('', 'on off');
const BESIDE_CUE = cue('', 'on off at by');
const FRENCH_CUE = cue('hopital clinique maison refuge pavillon foyer chsld clsc centre');
const MOUNT_CUE = cue('', 'mt mount');
const SAINT_CUE = cue('', 'st saint');
const U_CUE = cue('', 'u');
const OF_CUE = cue('', 'of');

/**
 * "u of a hospital", "U of C": a university (and its hospital) by the short name people use; round 13: by its city or
 * province ("the u of winnipeg") and with its school ("u of m dental school").
 */
const UNIVERSITY = /(?<![\p{L}])u of ([a-z]|\p{L}{3,})(?: (?:hospital|(?:dental|medical|law|nursing) school|campus))?(?![\p{L}])/giu;

/**
 * French places name their kind first: "l'hôpital notre-dame", "la maison du père", "le refuge st-michel". The name is
 * one or two words after an optional particle, ending at a function word ("ce matin", "l'a accepté").
 */
const FRENCH_PLACE = /(?<![\p{L}])(?:hôpital|hopital|clinique|maison|refuge|pavillon|foyer|chsld|clsc|centre hospitalier|centre d['’]hébergement)\s((?:(?:de la|de|du|des|d['’]|la|le|les)\s?)?(?:(?:st|ste|saint|sainte)-)?\p{L}[\p{L}-]+(?:\s\p{L}[\p{L}-]+)?)/giu;
export const FRENCH_STOP = new Set("ce cette ces ça matin soir demain hier pour avec et ou pis mais depuis est a il elle on je tu nous vous ils elles qui que quand dans sur en au aux à chez pas ne".split(' '));
/**
 * Words after a French kind of place that are no part of a name (round 16): a role ("le CLSC nurse", "the clsc worker"),
 * an SMS word ("the chsld lol"), an English verb in the past ("the CLSC checked the wound"). English notes say the kind
 * as a noun, and these follow it.
 */
function noPlaceName(w: string): boolean {
  if (keepGroups('roles').has(w) || smsWords().has(w)) return true;
  return w.length >= 6 && w.endsWith('ed') && dictionaries().english.has(w) && dictionaries().english.has(w.slice(0, -2));
}

/**
 * A place by a short name and its street: "meet me at cmha on 3rd", "at the sally ann on jasper". The name (one or two
 * words after a place cue) looks like a name and is no chain, program or everyday word; the street is an ordinal, a
 * number of two digits or more, or a word with a street type.
 */
const NAME_ON_STREET = new RegExp(`(?<=\\b(?:at|to|from|into|@)\\s(?:the\\s)?)(\\p{L}[\\p{L}'’-]+(?:\\s\\p{L}[\\p{L}'’-]+)?)\\s(?:on|off)\\s(?:\\d{1,3}(?:st|nd|rd|th)|\\d{2,3}(?:\\s(?:${BARE_TYPES}))?|\\p{L}[\\p{L}'’-]+(?:\\s(?:${BARE_TYPES}))?)(?![\\p{L}\\p{N}])`, 'giu');

/** "mount sinai", "Mt. Carmel": a mount and a name-like word after a place cue is a hospital ("in mount pleasant" stays). */
const MOUNT = /(?<=\b(?:at|in|to|from|into|@)\s)(?:mount|mt\.?)\s(\p{L}{3,})(?![\p{L}\p{N}])/giu;

/** A saint's name is a hospital's in any city: "st mikes", "St. Joe's", "saint pauls" (not "118 st john"). */
const SAINT = /(?<!\d\s)(?<!\bfort\s)(?<![\p{L}\p{N}])(?:st\.?|saint)\s(\p{L}+?)((?:['’]?s)?)(?![\p{L}\p{N}])/giu;
/**
 * The kind of place after a saint's or Our Lady's name belongs to the name (round 10): "St. Cecilia's Parish", "st marys
 * church", "our lady of peace school".
 */
const NAMED_HEAD = /^\s(?:parish|church|cathedral|chapel|hospital|hosp|school|academy|college|centre|center|ctr|manor|lodge|place|house|mission|shelter|residence|villa|hospice)(?![\p{L}\p{N}])/iu;
const headAfter = (t: string, end: number): number => end + (NAMED_HEAD.exec(t.slice(end, end + 14))?.[0].length ?? 0);
/**
 * Round 23: a saint's hospital by its initials, "st b", "St. B's", "st ig", where a place is said — after a place word,
 * "the" or a sentence's start (facilityEdges.ts placeBefore: "at st b's", "the st b maternity ward", "…, st ig"). The
 * development writers mark every one of these a facility (16 of 16); before a street's direction ("centre st n") or
 * after a street's name ("king st is") the letters are no saint's. Not a function word ("the saint of"), nor a
 * direction.
 */
const saintInitials = (t: string, at: number, w: string): boolean => w.length <= 2 && !SAFE.has(w) && !QUADRANT_WORD.test(w) && placeBefore(t, at);
/**
 * "our lady of peace", "Our Lady of the Rosary hall": a church, school or hospital after a place cue or before its kind
 * (round 10; "prayed to our lady of …" names no place).
 */
const OUR_LADY = /(?<![\p{L}])our lady of (?:the )?(?:perpetual help|good counsel|\p{L}[\p{L}'’-]+)(?![\p{L}\p{N}])/giu;
// Not "to": "prays to our lady of guadalupe".
const OUR_LADY_CUE = /(?:^|[^\p{L}])(?:at|from|in|into|@|outside|near)\s$/iu;

const SHAPED_HEAD_MAY = /(?:care|group|nursing|foster|retirement) home|\b(?:place|inn|residence|ranch|village|towers|homes|villa|motel|hotel|er|emerg|ltc|general)\b/i;
/** FAC_WORD_IN's words anywhere in a word, or SHAPED_HEAD_MAY's. */
const FAC_CUE = cue(`${FAC_WORDS.join(' ')} home`, 'place inn residence ranch village towers homes villa motel hotel er emerg ltc general');

/** A word that looks like a name: no everyday word, a given name, or written with a capital. */
function nameLike(w: string): boolean {
  const lower = w.toLowerCase();
  const d = dictionaries();
  return !d.common.has(lower) || d.firstNames.has(lower) || /^\p{Lu}/u.test(w);
}

/**
 * Places named by what happens there: "detox at pathways", "at the willows for detox", "did 28 days in edgewood",
 * "a year in stony mountain", "out of Rikers since", "booked into Twin Towers". The name is one to three words that are
 * no prose, city or kind of place, and the first looks like a name.
 */
const FACILITY_CONTEXT = new RegExp(
  `(?:(?:detox|rehab|treatment|respite|dialysis|withdrawal management|a bed|a mat)\\s(?:at|in)\\s(?:the\\s)?` +
    `|(?:\\b(?:did|doing|done|spent|spend|served|serving|do|does|got|get|gets|gave him|gave her)\\s(?:a|an|one|two|three|six|\\d{1,3})\\s(?:days?|nights?|weeks?|wks?|months?|mos?|years?|yrs?)\\s(?:in|at)\\s(?:the\\s)?)` +
    `|(?:booked into|locked up (?:in|at)|released from|transferred to|sentenced to \\w+ (?:in|at)|back in|out of|been (?:in|at))\\s(?:the\\s)?` +
    `|(?:at|in|to|into)\\s(?:the\\s)?(?=\\p{L}+(?:\\s\\p{L}+)?\\s(?:for|4)\\s(?:detox|rehab|treatment|respite|dialysis|a bed|beds|a mat|the night|supper|dinner|meals?|lunch|breakfast|a shower|showers)\\b)` +
    // An inmate, booking or offender number and where it is held: "inmate # A43019 at pine grove".
    `|(?:\\b(?:inmate|booking|offender)(?:\\s(?:#|no\\.?|num|number|id))?(?:\\s?[\\p{L}\\d-]*\\d[\\p{L}\\d-]*)?,?\\s(?:at|in)\\s(?:the\\s)?)` +
    `|(?:stayed|staying|stays|slept|sleeping|sleeps|crashed|crashing|checked into|admitted to|discharged from|dropped (?:him|her|them) (?:off )?at|picked (?:him|her|them) up (?:at|from))\\s(?:at\\s|in\\s)?(?:the\\s)?` +
    `)((?:\\p{L}[\\p{L}'’-]*)(?:\\s\\p{L}[\\p{L}'’-]*){0,2})`,
  'giu',
);
/** What FACILITY_CONTEXT_MAY needs: a word of each of its alternatives ("been in" has "been", "3 days " has "days"). */
const CONTEXT_CUE = cue(
  'inmate booking offender detox rehab treatment respite dialysis withdrawal been stay slept sleep crash checked admitted discharged dropped picked bed mat night supper dinner meal lunch breakfast shower booked locked released transferred sentenced back out',
  'day days night nights week weeks wk wks month months mo mos year years yr yrs',
);
const FACILITY_CONTEXT_MAY = /inmate|booking|offender|detox|rehab|treatment|respite|dialysis|withdrawal|been (?:in|at)|stay|slept|sleep|crash|checked into|admitted|discharged|dropped|picked|for (?:a bed|beds|a mat|the night|supper|dinner|meals?|lunch|breakfast|a shower|showers)|\b(?:a bed|a mat)\b|\d\s(?:days?|nights?|weeks?|wks?|months?|mos?|years?|yrs?)\s|\b(?:a|an|one|two|three|six)\s(?:day|night|week|month|year)s?\s(?:in|at)|booked into|locked up|released from|transferred to|sentenced|back in|out of/i;
/** Generic places after those cues: "did 3 months in jail", "10 days in hospital", "detox at the hospital". */
export const GENERIC_PLACES = new Set(`jail prison pen remand hospital hosp detox rehab treatment juvie juvenile custody lockup holding cells cell
  shelter hostel hotel motel bed home house town city school class the a his her their my our its this that there here
  icu er emerg ward psych hospice care bed jail's federal provincial max medium minimum solitary seg segregation detention`.split(/\s+/));

const TYPO_GUARD = ['town', 'city', 'court', 'work', 'treatment', 'school', 'jail', 'prison', 'remand', 'hospital', 'shelter', 'detox', 'rehab', 'custody'];
/** What a misspelt kind of place is one edit from (built once, not per match). */
const TYPO_TARGETS = [...GENERIC_PLACES, ...TYPO_GUARD].filter((g) => g.length >= 3);
const CONTEXT_STOP = new Set('since til till until last next per w wit tonight today yesterday now then again already'.split(' '));

function facilitiesByContext(t: string): Entity[] {
  const out: Entity[] = [];
  FACILITY_CONTEXT.lastIndex = 0;
  for (let m = FACILITY_CONTEXT.exec(t); m; m = FACILITY_CONTEXT.exec(t)) {
    const words = m[1]!.split(/\s+/);
    let n = 0;
    while (n < words.length) {
      const w = words[n]!.toLowerCase();
      // A kind of place may follow the name ("cook county"), never start it ("the federal pen").
      if (SAFE.has(w) || KEEP.has(w) || CONTEXT_STOP.has(w) || smsWords().has(w) || GENERIC_PLACES.has(w) || (KIND_WORDS.has(w) && n === 0) || MEASURES.has(w) || placeNames().has(w)) break;
      n++;
    }
    const jailVerb = /^(?:booked|locked|released|transferred|sentenced|back|out|been)/i.test(m[0]);
    // Where someone sleeps or is dropped off takes a name only: no everyday word, or two words and a name-like first
    // ("stayed at harbour light"); "stayed at her moms", "slept at the park" stay.
    const forMeal = /^(?:at|in|to|into)\s/i.test(m[0]) && !/\s(?:for|4)\s(?:detox|rehab|treatment|respite|dialysis)\b/i.test(t.slice(m.index, m.index + m[0].length + 40));
    if (forMeal || /^(?:stay|slept|sleep|crash|checked|admitted|discharged|dropped|picked)/i.test(m[0])) {
      const w0 = words[0]!.toLowerCase();
      if (OWNER_WORDS.test(w0) || ownerMarked(w0) || (dictionaries().english.has(w0) && !/^\p{Lu}/u.test(words[0]!) && !(n >= 2 && nameLike(words[0]!)))) continue;
    }
    const after = t.slice(m.index + m[0].length - m[1]!.length + words.slice(0, n).join(' ').length);
    const timed = /^\s(?:since|til|till|until|next|last|on|in|for)\b/i.test(after);
    // Where an inmate is held is a place whatever its words ("inmate # A43019 at pine grove"); generic ones ended the name.
    const inmate = /^(?:inmate|booking|offender)/i.test(m[0]);
    if (n === 0 || (!inmate && !nameLike(words[0]!) && dictionaries().common.has(words[0]!.toLowerCase()) && !(jailVerb && timed && n >= 2))) continue;
    // A misspelt kind of place is no name ("back in toown", "out of jali").
    const first = words[0]!.toLowerCase();
    if (TYPO_TARGETS.some((g) => oneEdit(first, g))) continue;
    // After a jail's verbs the name has a capital, is no English word, or a time follows it ("out of rikers since"):
    // "out of pocket", "transferred to the north office" stay.
    if (jailVerb && !/^\p{Lu}/u.test(words[0]!)) {
      // Everyday words name a place only two together before a time ("been in cook county since friday"), never one ("been in pain since").
      if ((dictionaries().english.has(first) || dictionaries().common.has(first)) && !(timed && n >= 2)) continue;
    }
    const name = words.slice(0, n).join(' ');
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ start, end: start + name.length, type: 'FACILITY' });
  }
  return out;
}

/**
 * A place by its initials after what people do there: "seen at CAMH", "her case manager at CMHA", "the HSC chart". The
 * initials are capitals, not a program or group on the keep-list ("at AA", "to ODSP") nor a province's or state's code.
 */
const ACRONYM_PLACE = /(?:\b(?:seen|admitted|discharged|transferred|referred|sent|staying|stayed|sleeping|slept|appt|appointment|intake|nurse|doctor|dr|worker|manager|counsellor|counselor|psychiatrist|therapist|bed|room|detox|program|group|volunteers?|works?)\s(?:at|to|from|in|into|with)\s(?:the\s)?|\bthe\s(?=[A-Z]{3,5}\s(?:chart|er|emerg|icu|ward|clinic|shelter|detox|unit|program)\b))([A-Z]{3,5})(?![\p{L}\p{N}])/gu;

export function messyFacilities(t: string): Entity[] {
  const d = dictionaries();
  const out: Entity[] = mayHold(t, U_CUE) && mayHold(t, OF_CUE) ? all(t, UNIVERSITY, 'FACILITY', (m) => m[1]!.length === 1 || isTownName(m[1]!.toLowerCase()) || placeNames().has(m[1]!.toLowerCase())) : [];
  if (mayHold(t, FRENCH_CUE) && /h[ôo]pital|clinique|maison|refuge|pavillon|foyer|chsld|clsc|centre (?:hosp|d)/i.test(t)) {
    FRENCH_PLACE.lastIndex = 0;
    for (let m = FRENCH_PLACE.exec(t); m; m = FRENCH_PLACE.exec(t)) {
      const words = m[1]!.split(/\s+/);
      const particle = /^(?:de|du|des|d['’]|la|le|les)$/i.test(words[0]!) ? 1 : /^d['’]/i.test(words[0]!) ? 0 : 0;
      let n = particle;
      while (n < words.length && !FRENCH_STOP.has(words[n]!.toLowerCase()) && !SAFE.has(words[n]!.toLowerCase()) && !/['’]/.test(words[n]!) && !noPlaceName(words[n]!.toLowerCase())) n++;
      if (n === particle) continue;
      // "la maison de ma mère" is a home: a possessive or a family word after the particle is no name.
      if (/^(?:ma|mon|mes|sa|son|ses|leur|leurs|notre|votre|mère|père|soeur|sœur|frère|tante|oncle|cousin|cousine|grand-mère|grand-père|chum|blonde)$/i.test(words[particle]!) && !/^notre-/i.test(words[particle]!)) continue;
      const end = m.index + m[0].length - m[1]!.length + words.slice(0, n).join(' ').length;
      out.push({ start: m.index, end, type: 'FACILITY' });
    }
  }
  if (mayHold(t, ON_OFF_CUE) && /\s(?:on|off)\s/i.test(t)) {
    out.push(...all(t, NAME_ON_STREET, 'FACILITY', (m) => {
      const words = m[1]!.toLowerCase().split(/\s+/);
      // A chain or kind of place on the keep-list ("tim hortons on whyte ave") is no place's name: its street is hidden alone.
      if (placeWords().has(words.join(' ').replace(/[’]/g, "'"))) return false;
      const street = m[0].slice(m[1]!.length).trim().split(/\s+/).slice(1);
      // A bare word after "on" must be no prose, weekday or time ("at cmha on monday", "at kims on time").
      if (street.length === 1 && /^\p{L}/u.test(street[0]!) && (proseWord(street[0]!.toLowerCase()) || NOT_STREET_AFTER_ON.has(street[0]!.toLowerCase()) || KEEP.has(street[0]!.toLowerCase()) || d.common.has(street[0]!.toLowerCase()))) return false;
      return words.every((w) => !SAFE.has(w) && !KEEP.has(w) && !smsWords().has(w) && !GENERIC_PLACES.has(w) && !KIND_WORDS.has(w) && !OWNER_WORDS.test(w) && !ownerMarked(w)) && !d.english.has(words[0]!) && !placeNames().has(words[0]!);
    }));
  }
  if (mayHold(t, MOUNT_CUE) && /\bm(?:oun)?t\b/i.test(t)) out.push(...all(t, MOUNT, 'FACILITY', (m) => !d.common.has(m[1]!.toLowerCase()) && !KEEP.has(m[1]!.toLowerCase()) && !placeNames().has(m[1]!.toLowerCase())));
  if (factsOf(t).capitals >= 3 && /[A-Z]{3}/.test(t)) out.push(...all(t, ACRONYM_PLACE, 'FACILITY', (m) => !KEEP.has(m[1]!.toLowerCase()) && !PROVINCE_CODE.test(m[1]!) && !NUMBER_LABELS.has(m[1]!.toLowerCase()), 1));
  if (mayHold(t, KIND_CUE) && mayHold(t, BESIDE_CUE) && KIND_WORD.test(t) && /\s(?:on|off|at|by)\s/i.test(t)) out.push(...kindsOnStreets(t));
  SAINT.lastIndex = 0;
  for (let m = mayHold(t, SAINT_CUE) && /\bs(?:ain)?t\b/i.test(t) ? SAINT.exec(t) : null; m; m = SAINT.exec(t)) {
    const w = m[1]!.toLowerCase();
    const given = (x: string): boolean => d.firstNames.has(x) && !SAFE.has(x) && !KEEP.has(x);
    if (given(w) || given(w + m[2]!.replace(/['’]/, '').toLowerCase()) || saintInitials(t, m.index, w)) out.push({ start: m.index, end: headAfter(t, m.index + m[0].length), type: 'FACILITY' });
  }
  if (mayHold(t, OF_CUE) && /lady of/i.test(t)) {
    out.push(...all(t, OUR_LADY, 'FACILITY', (m) => OUR_LADY_CUE.test(t.slice(Math.max(0, m.index - 8), m.index)) || headAfter(t, m.index + m[0].length) > m.index + m[0].length).map((e) => entity(e.start, headAfter(t, e.end), e.type)));
  }
  if (mayHold(t, CONTEXT_CUE) && FACILITY_CONTEXT_MAY.test(t)) out.push(...facilitiesByContext(t));
  if (mayHold(t, VIRTUE_CUE) && VIRTUE.test(t)) out.push(...virtuePlaces(t));
  if (mayHoldUpper(t) && CAP_THE_MAY.test(t)) out.push(...capitalPlaces(t));
  if (mayHold(t, SHORT_HOSPITAL_CUE) && SHORT_HOSPITAL_MAY.test(t)) out.push(...all(t, SHORT_HOSPITAL, 'FACILITY', (m) => SHORT_HOSPITAL_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 12))));
  // The facility regex is costly to scan with: run it only when one of its words is there.
  if (!mayHold(t, FAC_CUE)) return out;
  const lower = t.toLowerCase();
  if (!FAC_WORD_IN.test(lower) && !SHAPED_HEAD_MAY.test(t)) return out;
  const foreign = foreignWordsOf(t);
  LOWER_FACILITY.lastIndex = 0;
  for (let m = LOWER_FACILITY.exec(t); m; m = LOWER_FACILITY.exec(t)) {
    const all3 = m[1]!.trim().split(/\s+/);
    // The name is the run of words right before the facility word up to the first prose word ("zorblax at the
    // shelter" has none); it must hold a word that is no plain common word (a name).
    let from = all3.length;
    // Kinds of place on the keep-list ("recovery", "detox") stay in the name: "riverbend recovery house".
    // (Round 23) A function word of the note's French or Spanish, or a French one no English list holds, ends the name
    // too ("elle est au centre"); a name's particle does not ("de la salle centre", "el paso hospital").
    const inName = (w: string): boolean => !SAFE.has(w) && !TYPED_THE.has(w) && (!KEEP.has(w) || KIND_WORDS.has(w)) && (NAME_PARTICLES.has(w) || (foreign?.(w) !== 2 && !(FRENCH_STOP.has(w) && !d.english.has(w))));
    // (Round 23) A keep-list word that is a label or a ceremony's word, right before a kind of place that is no everyday
    // word, is that place's own name: "sweetgrass lodge", "hsn hospital" (the keep-list keeps "hsn 4417…" and "smudge").
    const head0 = m[0].slice(m[1]!.length).toLowerCase().split(/\s/)[0]!;
    if (from > 0 && NAMING_KINDS.has(head0) && keptNameWords().has(all3[from - 1]!.toLowerCase())) from--;
    while (from > 0 && inName(all3[from - 1]!.toLowerCase())) from--;
    // (Round 23) Name particles alone are no name: "en el hospital", "tannée du shelter".
    if (all3.slice(from).every((w) => NAME_PARTICLES.has(w.toLowerCase()))) from = all3.length;
    const core = all3.slice(from);
    // The wider run also takes keep-listed words: a city before a kind of place ("calgary remand centre").
    let wide = from;
    while (wide > 0 && !SAFE.has(all3[wide - 1]!.toLowerCase())) wide--;
    const head = m[0].slice(m[1]!.length).toLowerCase();
    const facWord = head.split(/\s/)[0]!;
    const shapedHead = SHAPED_HEADS.find((h) => head === h || head.startsWith(`${h} `));
    const named = core.some((w) => !KIND_WORDS.has(w.toLowerCase()) && (!d.common.has(w.toLowerCase()) || d.firstNames.has(w.toLowerCase())));
    // By shape: a word that is no kind, size or owner, right after "the" or a place word, names the place
    // ("at the alpha centre", "moved him to sunrise lodge").
    const before = (from > 0 ? all3[from - 1]! : (/(\S+)\s+$/.exec(t.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '')).toLowerCase();
    const last = core[core.length - 1]?.toLowerCase() ?? '';
    const nameShaped = (w: string): boolean => !KIND_WORDS.has(w) && !OWNER_WORDS.test(w) && !ownerMarked(w) && w.length >= 3;
    // The last word before the head, or the first after the cue when kinds follow it ("from riverbend recovery house").
    // Or what a place does follows it: "sunrise house has a bed open", "cedar lodge is full".
    const shaped = !!last && (PLACE_CUE.has(before) || FAC_PREDICATE.test(t.slice(m.index + m[0].length, m.index + m[0].length + 24))) && (nameShaped(last) || (nameShaped(core[0]!.toLowerCase()) && KIND_WORDS.has(last)));
    const widened = all3.slice(wide);
    const city = widened[0]?.toLowerCase() ?? '';
    if (shapedHead) {
      // These heads are everyday words: the name before them must look like one, and "general" must be a hospital's.
      const first = core[0] ?? widened[0] ?? '';
      const city = !core.length && placeNames().has(first.toLowerCase());
      // A name's possessive may name the place ("mary's place", "hull's homes"), an owner's never ("her moms place").
      const possessor = /^(\p{L}{3,})['’]s$/u.exec(first);
      const namedBy = possessor ? !OWNER_WORDS.test(possessor[1]!.toLowerCase()) && !SAFE.has(possessor[1]!.toLowerCase()) && !KIND_WORDS.has(possessor[1]!.toLowerCase()) : nameShaped(first.toLowerCase()) && nameLike(first);
      if (!first || (!city && !namedBy) || (shapedHead !== 'place' && !city && core.length > 2)) continue;
      if (shapedHead === 'general' && generalIsNoHospital(core, t.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
      if (shapedHead === 'place' && !PLACE_CUE.has(before)) continue;
      const words = city ? widened : core;
      const start = m.index + m[0].lastIndexOf(words.join(' '), m[1]!.length);
      // A department or kind after the name is no part of it: "mercy er", "parkside ltc".
      const end = /^(?:er|emerg|ltc)$/.test(shapedHead) ? m.index + m[1]!.trimEnd().length : m.index + m[0].length;
      pushWithStreet(t, out, start, end);
      continue;
    }
    // "calgary remand centre"; "sent to alberta hospital" (a province or city alone before the facility word, after a place cue).
    const wideBefore = (wide > 0 ? all3[wide - 1]! : (/(\S+)\s+$/.exec(t.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '')).toLowerCase();
    const cityKind = facWord !== 'house' && !named && !shaped && widened.length > core.length && placeNames().has(city) && !KIND_WORDS.has(city) &&
      widened.slice(1).every((w) => KIND_WORDS.has(w.toLowerCase())) && (widened.length > 1 || KIND_WORDS.has(facWord) || (PLACE_CUE.has(wideBefore) && wideBefore !== 'the' && wideBefore !== 'teh'));
    const words = cityKind ? widened : core;
    if (!words.length) continue;
    if (facWord === 'house' ? !shaped : !(named || shaped || cityKind)) {
      // A name before the kinds: "canadian native friendship centre" (not "the youth shelter", "her womens shelter").
      const lead = from > 0 ? all3[from - 1]!.toLowerCase() : '';
      if (facWord !== 'house' && core.length && core.every((w) => KIND_WORDS.has(w.toLowerCase())) && leadName(lead)) {
        out.push({ start: m.index + m[0].lastIndexOf(all3.slice(from - 1).join(' '), m[1]!.length), end: ofTail(t, m.index + m[0].length), type: 'FACILITY' });
        continue;
      }
      // Kinds right after a named place belong to it: "the hope mission womens shelter".
      const prevFac = out[out.length - 1];
      const coreStart = m.index + m[0].lastIndexOf(core.join(' '), m[1]!.length);
      if (core.length && prevFac && /^ $/.test(t.slice(prevFac.end, coreStart)) && core.every((w) => KIND_WORDS.has(w.toLowerCase()))) prevFac.end = m.index + m[0].length;
      continue;
    }
    const start = m.index + m[0].lastIndexOf(words.join(' '), m[1]!.length);
    const end = ofTail(t, m.index + m[0].length);
    pushWithStreet(t, out, start, end);
  }
  // In text order, longest first where two start together: a named place settles before a kind on a street inside it
  // ("sunrise lodge" before "lodge on 118 ave").
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * A kind of place by its street ("the detox on 82nd", "shelter on 95 st", "the clinic off whyte ave"): round 21 hides
 * the street alone, as an ADDRESS. The kind is everyone's word and stays (docs/LABELLING.md: "the shelter" stays, a
 * street a person sleeps or is found on is A); writers since round 10 mark "the shelter on [[A:95 st]]". A named place
 * before the kind still takes its street through pushWithStreet ("hope mission on 105a st").
 */
function kindsOnStreets(t: string): Entity[] {
  const found = all(t, KIND_ON_STREET, 'FACILITY', (m) => !/\s(?:on|off|at|by)\s(?:\d{1,2})$/i.test(m[0]) || /\d(?:st|nd|rd|th)$|\s\p{L}+$/u.test(m[0]));
  return found.map((e) => {
    const beside = /\s(on|off|at|by)\s/i.exec(t.slice(e.start, e.end))!;
    const before = /(\S+)\s+$/.exec(t.slice(Math.max(0, e.start - 12), e.start))?.[1]?.toLowerCase() ?? '';
    // Only the bare kind: a word before it may make it a place's name ("the somali clinic on lake st"), and a street
    // after "at" may open one ("the clinic at jane street health").
    if (beside[1]!.toLowerCase() === 'at' || !BARE_KIND_BEFORE.has(before)) return e;
    return entity(e.start + beside.index + beside[0].length, e.end, 'ADDRESS');
  });
}
/** Words before a kind of place that leave it bare: a determiner or a place preposition. */
const BARE_KIND_BEFORE = new Set('the a an da di teh at to 2 from frm in into @ that this'.split(' '));

/**
 * A named place, and again with its street when one follows ("the ritz motel on 118", "sunrise lodge on 52 st"): the
 * longer span wins where it covers what else was found, and the name alone stays found where an address reaches
 * further than the street ("… on 118 ave nw, edmonton t5k 2j1").
 */
function pushWithStreet(t: string, out: Entity[], start: number, end: number): void {
  start = withOrdinal(t, start);
  out.push({ start, end, type: 'FACILITY' });
  const street = t.startsWith(' o', end) ? streetAfterPlace(t, end) : 0;
  if (street) out.push({ start, end: end + street, type: 'FACILITY' });
}

/**
 * A name that opens on an ordinal's letters takes its digits too (round 11): the name's words are runs of letters, so
 * "the 24th st shelter" and "9th west clinic" were found as "th st shelter", "th west clinic", leaving the number.
 */
const ORDINAL_TAIL = /^(?:st|nd|rd|th)(?![\p{L}])/iu;
function withOrdinal(t: string, start: number): number {
  if (start === 0 || !/\d/.test(t[start - 1]!) || !ORDINAL_TAIL.test(t.slice(start, start + 3))) return start;
  let k = start;
  while (k > 0 && /\d/.test(t[k - 1]!)) k--;
  return k;
}

/** What a place does, after its name: it has beds, fills up, closes. */
const FAC_PREDICATE = /^\s(?:has|had|have|got)\s(?:a\s|no\s|one\s|\d\s)?(?:beds?|room|spots?|openings?|space|mats?)\b|^\s(?:is|was)\s(?:full|closed|open)\b|^\s(?:closed|opened)\s(?:for|till|until|on)\b/i;

/** A word that names a place before its kinds: a town, or a word that is no English word ("canadian", "edmonton"). */
function leadName(w: string): boolean {
  return w.length >= 3 && !proseWord(w) && !KIND_WORDS.has(w) && !OWNER_WORDS.test(w) && !ownerMarked(w) && (placeNames().has(w) || !dictionaries().english.has(w));
}

/**
 * A hospital by the one word people call it after a place cue: "at the general in ottawa", "to the royal for an
 * assessment", "in the civic again" — not before an everyday word ("the general public", "the royal family").
 */
const SHORT_HOSPITAL = /(?<=\b(?:at|to|from|in|into|@)\sthe\s)(?:general|gen|royal|civic|childrens|children['’]s|regional)(?![\p{L}\p{N}'’-])/giu;
const SHORT_HOSPITAL_MAY = /the (?:gen|royal|civic|child|regional)/i;
const SHORT_HOSPITAL_CUE = cue('', 'general gen royal civic childrens children regional');
/** What may follow such a name: the end, a sign, or a word of time, place or linking ("in ottawa", "for a scan", "again"). */
const SHORT_HOSPITAL_AFTER = /^(?:\s*(?:[,.;:!?)]|$)|\s(?:in|on|at|for|4|to|2|from|with|w|again|now|since|till|til|until|today|tonight|yesterday|tomorrow|tmrw|this|last|next|and|or|but|so|when|where|after|before|because|bc|cuz|er|emerg|ward|icu|is|was|has|had|said|says|lol)\b)/i;

/**
 * A place by a capitalised name after "the" and a place cue: "got her into the Willows for 60 days", "back at the Anchor";
 * or as the subject of what a place does: "The Anchor is closed", "the Willows called". Not a keep-listed word ("the
 * Salvation Army" is its own rule), a month or a word of faith or state ("the Bible", "the Crown").
 */
const CAP_THE_MAY = /\b[Tt]he \p{Lu}/u;
const CAP_THE_PLACE = /(?<=\b(?:at|to|from|in|into|@)\s[Tt]he\s)(\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}[\p{Ll}'’-]+)?)(?![\p{L}\p{N}])/gu;
const CAP_THE_SUBJECT = /(?<=\b[Tt]he\s)(\p{Lu}[\p{Ll}'’-]+)(?=\s(?:is|was|has|had|called|phoned|texted|said|says|closed|opened)\b)/gu;
const NOT_CAP_PLACE = new Set('bible internet crown creator lord god government band court news city state nation reserve province north south east west end way one first last new old good other'.split(' '));
function capitalPlaces(t: string): Entity[] {
  const ok = (name: string): boolean => name.split(/\s/).every((w) => {
    const l = w.toLowerCase();
    return !KEEP.has(l) && !NOT_CAP_PLACE.has(l) && !SAFE.has(l) && !/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/.test(l);
  });
  return [
    ...all(t, CAP_THE_PLACE, 'FACILITY', (m) => ok(m[1]!) && SHORT_HOSPITAL_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 12)), 1),
    ...all(t, CAP_THE_SUBJECT, 'FACILITY', (m) => ok(m[1]!), 1),
  ];
}

/** A named place's "of" and the one or two words after it that are no prose: "salvation army centre of hope". */
const OF_TAIL = /^\sof\s(?:the\s)?(\p{L}[\p{L}'’-]*)(?:\s(\p{L}[\p{L}'’-]*))?/u;
function ofTail(t: string, end: number): number {
  const m = OF_TAIL.exec(t.slice(end, end + 40));
  const ok = (w: string | undefined): boolean => !!w && !proseWord(w.toLowerCase()) && !KEEP.has(w.toLowerCase());
  if (!m || !ok(m[1])) return end;
  // A second word only after a word that opens a name ("of good hope", "of st jude"): "centre of hope bed 41" ends at hope.
  const two = ok(m[2]) && /^(?:good|divine|sacred|holy|st|saint|our|new)$/i.test(m[1]!);
  return end + (two ? m[0].length : m[0].length - (m[2] ? m[2].length + 1 : 0));
}

/**
 * Charities are named "X of <virtue>": "wings of providence", "shepherds of good hope", "house of mercy". After a place
 * cue, a plural or a place word before "of" (not "in need of hope", "in hopes of").
 */
const VIRTUE = /\s(?:of|from)\s(?:good\s|the\s|divine\s)?(?:hope|providence|mercy|grace|charity|peace|compassion|refuge|the cold)\b/i;
const VIRTUE_CUE = cue('', 'hope providence mercy grace charity peace compassion refuge cold');
const VIRTUE_PLACE = /(?<=\b(?:at|to|from|into|in|@)\s(?:the\s)?)(?:(?!the\s)(\p{L}[\p{L}'’-]+)\s)?(\p{L}[\p{L}'’-]+)\s(?:of|from)\s(?:good\s|the\s|divine\s)?(?:hope|providence|mercy|grace|charity|peace|compassion|refuge|the cold)(?![\p{L}\p{N}])/giu;
const VIRTUE_HEADS = new Set('house home centre center haven harbour harbor city place inn oasis village door gate lodge mission shelter sisters brothers shepherds wings servants daughters friends hands arms'.split(' '));
function virtuePlaces(t: string): Entity[] {
  return all(t, VIRTUE_PLACE, 'FACILITY', (m) => VIRTUE_HEADS.has(m[2]!.toLowerCase()) && (!m[1] || !proseWord(m[1].toLowerCase())));
}
