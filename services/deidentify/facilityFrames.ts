/**
 * Round 25: a place named in a frame that says people stay, are treated or are held there — "day 6 at [nickel hill]",
 * "admitted to [mohawk valley recovery]", "intake at the [samaritan]", "inmate # … @ [the hmp]", "appt @ [nose creek]",
 * "no showed [birch hill]", "in [bellin] for pneumonia", "[front range] 4th floor", "[X] AMA". The frame is evidence of
 * a facility for the words after it (or before its tail), as a person cue is for a name: they are taken though they are
 * everyday words ("nickel hill"), and a span the name rules hid in part in such a frame is taken whole ("[NAME] front
 * range 4th floor" → one facility). Run right after the facility models (deidentify.ts), on the words still visible or
 * hidden as a name.
 *
 * What stays: a generic place or a kind of place first ("day 6 at home", "admitted to the icu", "a ride to the store"),
 * a function word, a time, a number, an owner's home ("at her moms"), a keep-list word first (a chain, a program, a
 * city), a town of the list, one English word alone, and a span the name rules hid whole (a person: "discharged to
 * [NAME]").
 */
import type { Entity } from './types';
import { tokenize, type Token } from './classifier/features';
import { tokenMarks } from './classifier/facilityModel';
import { GENERIC_PLACES, KIND_WORDS, OWNER_WORDS, smsWords } from './messyPatterns';
import { SAFE } from './messy';
import { FACILITY_WORDS, KEEP, MONTHS, WEEKDAYS } from './lexicon';
import { dictionaries, spoken } from './dictionaries';
import { ARTICLES } from './facilityMentions';
import { blank, ownerMarked } from './words';
import { isTownName } from './towns';

/**
 * A frame before a place: a verb or noun of a stay, a treatment or a custody and a place preposition ("admitted to",
 * "intake at", "a bed @"), a count of days ("day 6 at", "wk 2 @"), an inmate's number ("inmate # 4417 at"), visiting
 * hours, a no-show ("no showed birch hill"). Read on the text before the span's first word (an article there aside).
 */
const FRAME_BEFORE = new RegExp(
  String.raw`(?:\b(?:admitted|admited|readmitted|discharged|released|transferred|transfered|intake|appt|appointment|detained|incarcerated|booked)\s*(?:at|to|from|in|into|frm|2|@)` +
    String.raw`|\b(?:beds?|mat|spot)\s*(?:at|@)` +
    String.raw`|\b(?:day|night|wk|week)\s*#?\d{1,3}\s*(?:at|in|@)` +
    String.raw`|\binmate\b[^.\n]{0,24}?\s(?:at|in|@)|\binmate\b[^.\n]{0,24}?@` +
    String.raw`|\bvisiting\s(?:hours|hrs)\s(?:at|@|for)` +
    // Round 26: a release at a jail's gate ("picked up at the gate [joyceville] 6am", "2 gate pickups - [X]").
    String.raw`|(?:\bat|@)\s*(?:the\s)?gate|\bgate\spick[- ]?ups?(?:\s*[-:@]|\s(?:at|from|in))?` +
    String.raw`|\bno[- ]?show(?:ed)?\s(?:at|to|for)|\bno[- ]?showed)\s*$`,
  'i',
);
/** The frames of a stay, a treatment or a custody (not an appointment, a booking or a border's detention). */
const STAY_FRAME =
  /(?:\b(?:admitted|admited|readmitted|discharged|released|transferred|transfered|intake|beds?|mat|spot)\s*(?:at|to|from|in|into|frm|2|@)|\b(?:day|night|wk|week)\s*#?\d{1,3}\s*(?:at|in|@)|\binmate\b[^.\n]{0,24}?(?:\s(?:at|in)|@))\s*$/i;
/** A place preposition right before a span, for the frames after it. */
const PREP_BEFORE = /(?:\b(?:at|to|from|in|into|frm|2|outta|near|inside|outside|leaving|left|visiting|visited)|@)\s*$/i;
/**
 * A frame after a place of care: an illness, a test or a stay after "for" ("in [bellin] for pneumonia", "a ride to
 * [prairie mercy] for bloodwork", "the [lighthouse] 4 intake").
 * Like STAY_FRAME it lets one English word after an article be the name.
 */
const CARE_AFTER =
  /^,?\s(?:again,?\s)?(?:for|4|with)\s(?:(?:his|her|their|a|an)\s)?(?:bloodwork|blood\swork|labs?|tests?|x-?rays?|scans?|mri|surgery|chemo|dialysis|pneumonia|intake|detox|treatment|assessment|infection|stitches|observation|obs|fluids|eval|chest\spain|stroke|seizures?|overdose|withdrawal|cellulitis|copd|sepsis|dehydration|gallbladder|wound\scare)\b/i;
/**
 * Round 26: a part of the body after "for" and a possessive ("a ride 2 [down east community] for her knee"): a frame
 * after a place as PLACE_AFTER is, that lets no English word alone be its name ("to the gym for her knee" stays).
 */
const BODY_AFTER =
  /^,?\s(?:again,?\s)?(?:for|4)\s(?:his|her|their)\s(?:legs?|knees?|hips?|shoulders?|ankles?|wrists?|foot|feet|arms?|hands?|heart|eyes?|teeth|tooth|kidneys?|lungs?|liver|wound|back|neck|chest)\b/i;
/** A count of nights after a place said with "at" ("at the [samaritan] three nights"; round 26: "… for the night"): as CARE_AFTER. */
const NIGHTS_AFTER = /^,?\s(?:(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s(?:nights|days|weeks|wks)|for\sthe\s(?:night|nite))\b/i;
/** An inmate's number after a place (round 26): "in [riverbend] again, inmate no. …". As CARE_AFTER. */
const INMATE_AFTER = /^,?\s(?:(?:again|now),?\s)?inmate\s?(?:#|no\b|number\b)/i;
const AT_BEFORE = /(?:\bat|@)\s*$/i;
/** A frame after a place that lets no English word alone be its name: a floor ("[front range] 4th floor"), AMA, a day's count ("she's at [sun mesa] day 4"). */
const PLACE_AFTER = /^,?\s(?:again,?\s)?(?:\d{1,2}(?:st|nd|rd|th)?\s(?:floor|fl)\b|floor\s\d\b|AMA\b|(?:day|wk|week)\s\d{1,3}\b)/;
/** Words that end a place's name after a frame: times, counts and the like ("admitted to [sunrise] yesterday"). */
const STOPS = new Set(
  `today tonight yesterday tmrw tomorrow again now overnight since til till until last next per w wit already still
   this morning afternoon evening night day days week weeks wk wks month months am pm ama floor fl following after
   before cuz bc cause because gonna wanna lrt station`
    .trim()
    .split(/\s+/),
);
/** Words that open no place's name: titles and roles ("transferred to dr …", "intake at the worker's"). */
const NOT_FIRST = new Set(['dr', 'doctor', 'nurse', 'worker', 'staff', 'another', 'other', 'new', 'old', 'same', 'that', 'this', 'there', 'here', 'program']);
/** Words that end an office's, a bank's or a stop's name, no place people stay at: "the immigration office", "the furniture bank". */
const NOT_LAST = new Set(['office', 'offices', 'bank', 'program', 'stop', 'station', 'lrt', 'loop', 'unit', 'units', 'team', 'room', 'ward', 'floor']);
const MAX_WORDS = 3;
/** Round 26: function words that open a place's name ("at [back bay mercy]", "a ride 2 [down east community]"), before two more words only. */
const LEADING = new Set(['back', 'down', 'up']);
const COMPASS = /^(?:north|south|east|west|northeast|northwest|southeast|southwest|n|s|e|w|ne|nw|se|sw|here|there|home|town)$/;
/** A kind of place after a framed name, taken in: "[sun valley detox]". */
const KIND_TAIL = new Set(['detox', 'rehab', 'shelter', 'hospital', 'hosp', 'treatment', 'centre', 'center', 'clinic', 'lodge', 'house', 'manor', 'recovery']);
/** Among the 2,000 words spoken English says most, or a word of care said alone ("the dentist", "the lab"). */
const everyday = (w: string): boolean => {
  const r = spoken().rank.get(w);
  return (r !== undefined && r < 2000) || CARE_WORDS.has(w);
};
const CARE_WORDS = new Set(['dentist', 'dentists', 'doctor', 'doctors', 'lab', 'labs', 'pharmacy', 'clinic', 'office', 'library', 'courthouse', 'surgery', 'maternity', 'oncology', 'cardiology', 'infirmary', 'hostel', 'daycare', 'airport', 'hotel', 'motel']);

/** Words that say nothing of a place's name: function words, generic and kind words, times, numbers. */
function stops(t: Token): boolean {
  const w = t.lower;
  return !t.word || w.length < 2 || SAFE.has(w) || smsWords().has(w) || STOPS.has(w) || GENERIC_PLACES.has(w) || MONTHS.includes(w) || WEEKDAYS.includes(w) || /\d/.test(w);
}

/** Whether the words [s, e] may be a place's name: no kept or generic first word, not a town, no English word alone. */
function nameable(text: string, toks: readonly Token[], marks: Uint8Array, s: number, e: number, stay: boolean): boolean {
  let visible = 0;
  for (let k = s; k <= e; k++) if (marks[k] === 0) visible++;
  if (!visible) return false;
  const first = toks[s]!.lower;
  if (marks[s] === 0 && ((KEEP.has(first) && (s === e || KIND_TAIL.has(toks[s + 1]!.lower))) || KIND_WORDS.has(first) || NOT_FIRST.has(first) || OWNER_WORDS.test(first) || ownerMarked(first))) return false;
  if (NOT_LAST.has(toks[e]!.lower)) return false;
  // A name that runs on past a joining word ("the [volunteers] of america office") is not this span.
  const next = toks[e + 1];
  if (next && /^(?:of|de|du|des|and|&)$/.test(next.lower) && blank(text, toks[e]!.end, next.start)) return false;
  if (isTownName(text.slice(toks[s]!.start, toks[e]!.end).toLowerCase().replace(/\s+/g, ' '))) return false;
  if (s === e && marks[s] === 0) {
    const d = dictionaries();
    // One word alone is a place's name when no dictionary knows it ("in [bellin] for pneumonia"), or after an article
    // when it is no everyday word and no kind of place ("intake at the [samaritan]"; "the dentist", "the park" stay).
    const known = d.english.has(first) || d.common.has(first);
    if (first.length < 3 || (known && !(stay && !everyday(first) && !FACILITY_WORDS.has(first)))) return false;
  }
  return true;
}

/** The span a frame opens at word `s` (an article skipped): up to MAX_WORDS words that stop() nothing; [s, e] or null. */
function spanFrom(text: string, toks: readonly Token[], marks: Uint8Array, s: number): [number, number] | null {
  if (s < toks.length && ARTICLES.has(toks[s]!.lower) && toks[s + 1] && blank(text, toks[s]!.end, toks[s + 1]!.start)) s++;
  let e = s - 1;
  for (let k = s; k < Math.min(toks.length, s + MAX_WORDS); k++) {
    const t = toks[k]!;
    if (k > s && !blank(text, toks[k - 1]!.end, t.start)) break;
    if (marks[k] === 2 || marks[k] === 3 || (stops(t) && !(k === s && LEADING.has(t.lower)))) break;
    e = k;
  }
  if (e < s) return null;
  // A direction's word opens a place's name only before two more words, the last no compass point ("at [back bay
  // mercy]", "2 [down east community]"; "admitted to up north" stays).
  if (LEADING.has(toks[s]!.lower) && (e - s < 2 || COMPASS.test(toks[e]!.lower))) return null;
  // The kind of place after the name is the place's too: "a bed at [sun valley detox]".
  const k = toks[e + 1];
  if (k && KIND_TAIL.has(k.lower) && blank(text, toks[e]!.end, k.start) && marks[e + 1] === 0) e++;
  return [s, e];
}

/**
 * `found` with the places a stay's, a treatment's or a custody's frame names (see the module's comment): each a
 * FACILITY taking whole any name it holds.
 */
export function withFramedFacilities(text: string, found: Entity[]): Entity[] {
  if (!FRAME_MAY.test(text)) return found;
  const toks = tokenize(text);
  const marks = tokenMarks(toks, found);
  const add: Entity[] = [];
  for (let i = 1; i < toks.length; i++) {
    // Every frame ends on a preposition, "@" or a no-show: most words follow none, and pass before any regex.
    const prev = toks[i - 1]!;
    if (!OPENERS.has(prev.lower) && !atBetween(text, prev.end, toks[i]!.start)) continue;
    const head = text.slice(Math.max(0, toks[i]!.start - 40), toks[i]!.start);
    const before = FRAME_BEFORE.test(head);
    if (!before && !PREP_BEFORE.test(head)) continue;
    const span = spanFrom(text, toks, marks, i);
    if (!span) continue;
    const tail = text.slice(toks[span[1]]!.end, toks[span[1]]!.end + 30);
    const care = CARE_AFTER.test(tail) || INMATE_AFTER.test(tail) || (NIGHTS_AFTER.test(tail) && AT_BEFORE.test(head));
    if (!before && !care && !PLACE_AFTER.test(tail) && !BODY_AFTER.test(tail)) continue;
    // One English word after an article is a place's name only in a stay's or care's frame (STAY_FRAME, CARE_AFTER).
    if (!nameable(text, toks, marks, span[0], span[1], span[0] > i && ((before && STAY_FRAME.test(head)) || care))) continue;
    add.push({ start: toks[span[0]]!.start, end: toks[span[1]]!.end, type: 'FACILITY' });
  }
  if (!add.length) return found;
  let out = [...found];
  for (const g of add) {
    const over = out.filter((x) => x.start < g.end && g.start < x.end);
    if (over.some((x) => x.type !== 'NAME')) continue;
    out = out.filter((x) => !over.includes(x));
    out.push({ start: Math.min(g.start, ...over.map((x) => x.start)), end: Math.max(g.end, ...over.map((x) => x.end)), type: 'FACILITY' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether "@" stands in text[from, to) (the signs between two words: most often one space). */
function atBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 64) return true;
  return false;
}
/** The words a frame ends on (PREP_BEFORE's, a no-show's), "@" aside. */
const OPENERS = new Set(['gate', 'pickup', 'pickups', 'pick-ups', 'at', 'to', 'from', 'in', 'into', 'frm', '2', 'outta', 'near', 'inside', 'outside', 'leaving', 'left', 'visiting', 'visited', 'showed', 'noshowed', 'no-showed', 'for']);
/** A word of some frame somewhere in the text: most notes have none, and pass before any work. */
const FRAME_MAY = /admit|discharg|releas|transfer|intake|\bbeds?\b|\bmat\b|\bspot\b|appt|appointment|visit|detain|incarcerat|booked|inmate|\bgate\b|\bda?ys?\b|nights?\b|\bwks?\b|weeks?\b|show|\bfor\b|\bwith\b|\b4\b|\bAMA\b|floor|\bfl\b/i;
