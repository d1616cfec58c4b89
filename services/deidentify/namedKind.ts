/**
 * A place's name the name rules took, and the kind of place right after it (round 13): "[NAME] family clinic",
 * "[NAME] dialysis", "the [NAME] [NAME] hall", "[NAME] jr high". The writers mark the name and its kind as one
 * facility; the name rules hide the name and leave the kind visible, and the whole facility reads as missed.
 */
import type { Entity } from './types';
import { dictionaries } from './dictionaries';
import { PLACE_KIND, WORSHIP_KINDS } from './placeKinds';

/** Where a kind after a name ends: the word's end, or its possessive ("[NAME] high's robotics team"). */
const KIND_END = String.raw`(?=['’]s(?![\p{L}\p{N}])|(?![\p{L}\p{N}'’-]))`;
/** Kinds that name a place after any name: a clinic, a school, a church is nobody's first name's (placeKinds.ts). */
const KIND_AFTER = new RegExp(String.raw`^ (?:${PLACE_KIND})${KIND_END}`, 'iu');
/**
 * Kinds that are also what a person has or is ("hall", "house", "high", "general", "medical"): only after "the" or a place word.
 * Not a mall (a shopping strip, left unmarked like a chain), nor "care" or "health" alone ("[free] dental care").
 */
const SHARED_KIND_AFTER = new RegExp(String.raw`^ (?:hall|house|inn|motel|gym|campus|regional|general|high|medical|psych(?! (?:ward|unit|eval|appt|meds|nurse|dr|doc))|crisis|mission|fellowship)${KIND_END}`, 'iu');
/** "the" or a place word before the name, or one word before it ("at the polish [NAME] hall"), not an owner ("at her [NAME] house"). */
const PLACE_BEFORE = /(?:^|[^\p{L}])(?:the|at|to|from|into|in|@)\s+(?:(?!(?:her|his|their|my|our|your|ur|a|an)\s)\p{L}+\s)?$/iu;
/** A people or a faith before a house of worship is its kind, not its name: "the maronite church", "the hmong church". */
const WORSHIP = new RegExp(`^ (?:${WORSHIP_KINDS})$`, 'i');
const FAITH_OR_PEOPLE = /(?:ite|ian|ese|ish|ic|ist|an|ox|hmong|korean|thai|lao|polish)$/i;

/**
 * Kinds of place written before the name (round 14): "masjid [NAME]", "refuge [de l'aube]", "villa [NAME]", "Centre
 * [Saint-Gédéon]". Not English words that are a person's too ("camp", "house"); "centre" only as written with its
 * capital, before a capitalised name ("the centre [NAME] runs" is someone at the centre). The name rules may have taken
 * the kind itself as the run's first name ("[Centre] [Saint-Gédéon]").
 */
const KIND_FIRST_WORD = /^(?:[Mm]asjid|MASJID|[Mm]usalla|[Rr]efuge|[Mm]aison|[Vv]illa|[Hh][ôo]pital|[Cc]linique|[Ff]oyer|[Cc]asa|Centre|Center)$/u;
const KIND_FIRST = /(?<![\p{L}\p{N}'’-])(\p{L}+) $/u;
/** Where a name run found[first..i] opens with the kind of place before it or as its first word (KIND_FIRST_WORD); -1: none. */
function kindBefore(text: string, found: readonly Entity[], first: number, i: number): number {
  const start = found[first]!.start;
  const capital = /^\p{Lu}/u.test(text.slice(start, start + 1));
  const opens = (w: string): boolean => KIND_FIRST_WORD.test(w) && (!/^Cent/.test(w) || capital);
  if (first < i && opens(text.slice(start, found[first]!.end))) return start;
  const m = KIND_FIRST.exec(text.slice(Math.max(0, start - 12), start));
  if (!m || !opens(m[1]!)) return -1;
  const from = start - m[0].length;
  const prev = found[first - 1];
  return prev && prev.end > from ? -1 : from;
}

/**
 * `found` with each name, or run of names one space apart, that a kind of place follows made one FACILITY with its kind.
 * A given name before "house" is a person's ("tanya house"), and a name ending in s a
 * possessive typed without its apostrophe ("kevins school"): both stay as they are.
 */
export function withNamedKinds(text: string, found: Entity[]): Entity[] {
  let out: Entity[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const e = found[i]!;
    if (e.type !== 'NAME') continue;
    const next = found[i + 1];
    // A name run on into the next name ("[sokol] [polish]") takes the kind after the last.
    if (next && next.type === 'NAME' && next.start === e.end + 1) continue;
    const tail = text.slice(e.end, e.end + 40);
    let first = i;
    while (first > 0 && found[first - 1]!.type === 'NAME' && found[first - 1]!.end + 1 === found[first]!.start && text[found[first]!.start - 1] === ' ') first--;
    const start = found[first]!.start;
    const placed = PLACE_BEFORE.test(text.slice(Math.max(0, start - 24), start));
    const m = text.charCodeAt(e.end) !== 32 ? null : KIND_AFTER.exec(tail) ?? (placed ? SHARED_KIND_AFTER.exec(tail) : null);
    if (!m || (next && next.start < e.end + m[0].length)) {
      // No kind after it: a kind of place written first may open the name ("masjid [NAME]", "refuge [de l'aube]").
      const from = kindBefore(text, found, first, i);
      if (from < 0) continue;
      out ??= [...found];
      out.splice(first, i - first + 1, { start: from, end: e.end, type: 'FACILITY' });
      found = out;
      i = first;
      continue;
    }
    const last = text.slice(e.start, e.end).toLowerCase();
    if (/s$/.test(last)) continue;
    if (WORSHIP.test(m[0]) && FAITH_OR_PEOPLE.test(last)) continue;
    // "on huron church": a street named for a place's kind, not the place.
    if (/(?:^|[^\p{L}])on\s+$/iu.test(text.slice(Math.max(0, start - 4), start))) continue;
    if (/^ house$/i.test(m[0]) && first === i && dictionaries().firstNames.has(last)) continue;
    out ??= [...found];
    const from = kindBefore(text, found, first, i);
    out.splice(first, i - first + 1, { start: from < 0 ? start : from, end: e.end + m[0].length, type: 'FACILITY' });
    // The list is one shorter for each name merged: keep walking from the new span.
    found = out;
    i = first;
  }
  return out ?? found;
}
