/**
 * An age over 89 written straight after a person's name: "dorothy 94 today!!", "joe d 90 today", "marguerite 94 lol
 * still sharp", "king yip 90? no 93". Read after the names are settled, so whichever stage found the name counts.
 * Only a number closing its clause or followed by what a birthday note says next; a count, measure or street after the
 * number leaves it ("gave joe 100 bucks", "mary 95 st").
 */
import type { Entity } from './types';
import { NOT_AGE_AFTER, OVER_89_BARE } from './patterns';
import { factsOf } from './words';
import { keepList } from './keepList';

const AFTER_NAME = new RegExp(String.raw`^,?\s(${OVER_89_BARE})(?![\p{L}\p{N}.,:/-]\d|[\p{L}\p{N}%$])(?=\s*(?:[,.;!?)]|$)|\s(?:today|tmrw|tomorrow|next|this|lol|and|n|&|still|now|no|bday|birthday|b-day|in\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*)(?![\p{L}]))`, 'iu');
/** A word after a name with a number after it: a kin word of the keep-list's "name-edge-after" group, or none. */
const KIN_AFTER = /^\s(\p{L}+)(?=,?\s\p{N})/u;
/** Most texts hold no two-digit number from 90 or a 1xx (words.ts TextFacts.oldNumber, asked first): nothing to read then. */
const MAY = new RegExp(String.raw`(?<![\p{N}.,:/-])${OVER_89_BARE}(?![\p{N}])`, 'u');

/**
 * Once a note gives an age over 89, the other numbers from 90 in the same stretch are that age told again or corrected:
 * "91 no 92", "king 90? no 93, he say 93", "is 99!!! 100 in march". A measure, count or street after one leaves it
 * ("she is 95, takes 100 mg", "lives on 118 ave"), as does a counting word before it ("bus 95", "room 101").
 */
const NEAR = 80;
const AGAIN = new RegExp(`(?<![\\p{L}\\p{N}$#.,:/-])(${OVER_89_BARE})(?![\\p{N}.,:/%-]\\d|[\\p{L}\\p{N}%$])${NOT_AGE_AFTER}(?!\\s(?:st|street|ave|avenue|rd|road|dr|am|pm|a\\.m|p\\.m)\\b)`, 'giu');
const COUNTING_BEFORE = /(?:^|[^\p{L}])(?:bus|route|rte|room|rm|apt|unit|suite|ste|bed|exit|hwy|highway|page|pg|grade|number|#|paid|pay|costs?|owes?|\$)\s*$/iu;

function agesAgain(text: string, ages: readonly Entity[], spans: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  for (const a of ages) {
    const from = Math.max(0, a.start - NEAR);
    AGAIN.lastIndex = 0;
    const window = text.slice(from, Math.min(text.length, a.end + NEAR));
    for (let m = AGAIN.exec(window); m; m = AGAIN.exec(window)) {
      const start = from + m.index;
      const end = start + m[1]!.length;
      if (COUNTING_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
      if ([...spans, ...out].some((o) => o.start < end && start < o.end)) continue;
      out.push({ start, end, type: 'AGE' });
    }
  }
  return out;
}

export function agesAfterNames(text: string, spans: Entity[]): Entity[] {
  if (!factsOf(text).oldNumber || !MAY.test(text)) return spans;
  const ages: Entity[] = [];
  for (const s of spans) {
    if (s.type !== 'NAME') continue;
    // A kin word after the name may stand before the number ("rukhsana khala 93", "ilona neni 96"; round 21).
    const kin = KIN_AFTER.exec(text.slice(s.end, s.end + 24));
    const skip = kin && keepList().scoped.get('name-edge-after')?.has(kin[1]!.toLowerCase()) ? kin[0].length : 0;
    const m = AFTER_NAME.exec(text.slice(s.end + skip, s.end + skip + 40));
    if (!m) continue;
    const start = s.end + skip + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    if (!spans.some((o) => o.start < end && start < o.end)) ages.push({ start, end, type: 'AGE' });
  }
  const all = [...spans, ...ages];
  const again = agesAgain(text, all.filter((s) => s.type === 'AGE'), all);
  return ages.length || again.length ? [...all, ...again].sort((a, b) => a.start - b.start) : spans;
}
