// Reminder rules as people type them — "at 16:30 on weekdays", "every day at 4:30pm", "mon wed fri at 9" — and
// when the next one falls in a person's own time zone. Pure and DST-correct (luxon does the wall-clock maths).
import { DateTime, IANAZone } from 'luxon';
import { distance, typoBudget } from '../editDistance';

export interface ReminderRule {
  /** Wall-clock time in the person's zone, "HH:mm". */
  time: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday, sorted. */
  days: number[];
}

export type ParseResult =
  | { ok: true; rule: ReminderRule }
  | { ok: false; reason: 'no_time' | 'bad_time' | 'unknown_words' }
  /** "at 4:30" with no am/pm, 1:00–7:59: both are likely, so the person is asked which (never 4:30 am silently). */
  | { ok: false; reason: 'am_or_pm'; am: ReminderRule; pm: ReminderRule };

export const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

const DAY_WORDS: Record<string, number[]> = {
  weekdays: WEEKDAYS, weekday: WEEKDAYS, workdays: WEEKDAYS, 'work days': WEEKDAYS, 'monday to friday': WEEKDAYS, 'mon-fri': WEEKDAYS,
  'every day': EVERY_DAY, everyday: EVERY_DAY, daily: EVERY_DAY, 'each day': EVERY_DAY,
  weekends: [6, 7], weekend: [6, 7],
  monday: [1], mon: [1], mondays: [1], tuesday: [2], tue: [2], tues: [2], tuesdays: [2],
  wednesday: [3], wed: [3], weds: [3], wednesdays: [3], thursday: [4], thu: [4], thur: [4], thurs: [4], thursdays: [4],
  friday: [5], fri: [5], fridays: [5], saturday: [6], sat: [6], saturdays: [6], sunday: [7], sun: [7], sundays: [7],
};
// Longest first, so "every day" wins over "day" and "monday to friday" over "monday".
const DAY_PATTERN = new RegExp(`\\b(${Object.keys(DAY_WORDS).sort((a, b) => b.length - a.length).map((k) => k.replace(/[-\s]/g, (c) => (c === ' ' ? '\\s+' : '-'))).join('|')})\\b`, 'g');
// "16:30", "4:30pm", "4 pm", "4.30 p.m.", "at 9", "noon"; joined as phones type them, "430pm", "at 1630"
const TIME_PATTERN = /\b(?:at\s+)?(noon|midday|(\d{1,2})(?:([:.h]?)(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?=\s|$|,))/;
const FILLER = /\b(at|on|every|each|and|the|of|me|please|remind|to|reflect)\b|[,&]/g;

/** Reads the words after `remind me`. Days default to weekdays (shift work) when none are named. */
export function parseReminder(input: string): ParseResult {
  let text = ` ${input.toLowerCase().replace(/\s+/g, ' ').trim()} `;
  const time = findTime(text);
  if (time === 'none') return { ok: false, reason: 'no_time' };
  if (time === 'bad') return { ok: false, reason: 'bad_time' };
  text = text.replace(time.match, ' ');
  const days = new Set<number>();
  text = text.replace(DAY_PATTERN, (word) => {
    for (const d of DAY_WORDS[word.replace(/\s+/g, ' ')] ?? []) days.add(d);
    return ' ';
  });
  // What is left must be days misspelt as phones do ("weekdys", "tusday"), each close to exactly one day word.
  for (const word of text.replace(FILLER, ' ').trim().split(/\s+/).filter(Boolean)) {
    const meant = closeDayWord(word);
    if (!meant) return { ok: false, reason: 'unknown_words' };
    for (const d of DAY_WORDS[meant]!) days.add(d);
  }
  const rule = { time: time.value, days: days.size ? [...days].sort((a, b) => a - b) : WEEKDAYS };
  if (time.ambiguous) return { ok: false, reason: 'am_or_pm', am: rule, pm: { ...rule, time: `${Number(rule.time.slice(0, 2)) + 12}${rule.time.slice(2)}` } };
  return { ok: true, rule };
}

const ONE_WORD_DAYS = Object.keys(DAY_WORDS).filter((k) => !/[\s-]/.test(k));

/** The one day word `word` is a close misspelling of, or undefined (none, or two equally close). */
function closeDayWord(word: string): string | undefined {
  let best: string[] = [];
  let bestCost = Infinity;
  for (const key of ONE_WORD_DAYS) {
    const cost = distance(word, key);
    if (cost > typoBudget(key) || cost > bestCost) continue;
    if (cost < bestCost) [best, bestCost] = [[], cost];
    best.push(key);
  }
  // "weekdys" is near "weekdays" and "weekday" alike: close words that mean the same days are one answer.
  const meanings = new Set(best.map((k) => DAY_WORDS[k]!.join(',')));
  return meanings.size === 1 ? best[0] : undefined;
}

function findTime(text: string): { match: string; value: string; ambiguous?: boolean } | 'none' | 'bad' {
  const m = TIME_PATTERN.exec(text);
  if (!m) return 'none';
  const [match, whole, h, separator, min, ampm] = m;
  if (whole === 'noon' || whole === 'midday') return { match, value: '12:00' };
  // A bare number is a time only after "at" or with am/pm: "remind me 3 days" is not 3 o'clock.
  if (min === undefined && !ampm && !/^at\s/.test(match)) return 'none';
  // Digits run together ("430pm", "at 1630") likewise: "remind me 100 days" is not 1:00.
  if (separator === '' && !ampm && !/^at\s/.test(match)) return 'none';
  let hour = Number(h);
  const minute = min === undefined ? 0 : Number(min);
  if (minute > 59) return 'bad';
  if (ampm) {
    if (hour < 1 || hour > 12) return 'bad';
    const pm = ampm.startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) return 'bad';
  const value = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  // 1:00–7:59 with no am/pm could be either end of a shift; "07:30" (a leading zero) is plainly the 24-hour clock.
  return { match, value, ambiguous: !ampm && hour >= 1 && hour <= 7 && !h!.startsWith('0') };
}

/** The first reminder strictly after `after`, as a UTC Date. A time skipped by a DST jump moves forward an hour (luxon). */
export function nextOccurrence(rule: ReminderRule, timeZone: string, after: Date): Date {
  const [hour, minute] = rule.time.split(':').map(Number);
  const start = DateTime.fromJSDate(after, { zone: timeZone });
  for (let d = 0; d <= 7; d++) {
    const day = start.plus({ days: d });
    if (!rule.days.includes(day.weekday)) continue;
    const at = day.set({ hour, minute, second: 0, millisecond: 0 });
    if (at.toMillis() > after.getTime()) return at.toJSDate();
  }
  throw new Error('reminder rule has no days');
}

/** What a person would type to set `rule` ("at 16:30 mon tue"): what a button sends, in the parser's own words. */
export function ruleAsTyped(rule: ReminderRule): string {
  return `at ${rule.time} ${rule.days.map((d) => DAY_ABBREVIATIONS[d - 1]).join(' ')}`;
}

const DAY_ABBREVIATIONS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A stored rule read back from a job payload; undefined when it is not a valid rule. */
export function ruleFrom(payload: Record<string, unknown>): ReminderRule | undefined {
  const { time, days } = payload;
  if (typeof time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return undefined;
  if (!Array.isArray(days) || days.length === 0 || !days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) return undefined;
  return { time, days: [...(days as number[])] };
}

/** The canonical IANA name for what a person typed ("america/vancouver" → "America/Vancouver"), or undefined. */
export function canonicalZone(input: string): string | undefined {
  const z = input.trim().replace(/\s+/g, '_');
  if (!z || !IANAZone.isValidZone(z)) return undefined;
  // Keep the name the person typed, properly cased: ICU would turn Asia/Kolkata into Asia/Calcutta.
  const listed = KNOWN_ZONES.get(z.toLowerCase());
  if (listed) return listed;
  const titled = z.replace(/[A-Za-z]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
  if (IANAZone.isValidZone(titled)) return titled;
  return new Intl.DateTimeFormat('en-US', { timeZone: z }).resolvedOptions().timeZone;
}

const KNOWN_ZONES = new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
