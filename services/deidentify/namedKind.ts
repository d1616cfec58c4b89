/**
 * A place's name the name rules took, and the kind of place right after it (round 13): "[NAME] family clinic",
 * "[NAME] dialysis", "the [NAME] [NAME] hall", "[NAME] jr high". The writers mark the name and its kind as one
 * facility; the name rules hide the name and leave the kind visible, and the whole facility reads as missed.
 */
import type { Entity } from './types';
import { dictionaries } from './dictionaries';

/** Kinds that name a place after any name: a clinic, a school, a church is nobody's first name's. */
const KIND = String.raw`(?:(?:family|community|medical|dental|health|youth|elders|seniors|native|indian|friendship|treatment|recovery|personal|long[ -]term|memorial|regional|general|middle|elementary|public|catholic|christian|baptist|united|lutheran|anglican|pentecostal|community health) )*(?:clinic|dialysis|hospital|hosp|health cent(?:re|er)|medical cent(?:re|er)|cent(?:re|er)|shelter|lodge|manor|hospice|school|high school|(?:jr|junior|senior) high|elementary|academy|college|church|cathedral|chapel|mosque|masjid|temple|gurdwara|synagogue|parish|cemetery|care home|nursing home|elders home|ihs|correctional|penitentiary|detention cent(?:re|er)|jail|detox|treatment cent(?:re|er)|orthodontics)`;
const KIND_AFTER = new RegExp(String.raw`^ (?:${KIND})(?![\p{L}\p{N}'’-])`, 'iu');
/**
 * Kinds that are also what a person has or is ("hall", "house", "high", "general"): only after "the" or a place word.
 * Not a mall (a shopping strip, left unmarked like a chain), nor "care" or "health" alone ("[free] dental care").
 */
const SHARED_KIND_AFTER = /^ (?:hall|house|inn|motel|gym|campus|regional|general|high)(?![\p{L}\p{N}'’-])/iu;
/** "the" or a place word before the name, or one word before it ("at the polish [NAME] hall"), not an owner ("at her [NAME] house"). */
const PLACE_BEFORE = /(?:^|[^\p{L}])(?:the|at|to|from|into|in|@)\s+(?:(?!(?:her|his|their|my|our|your|ur|a|an)\s)\p{L}+\s)?$/iu;
/** A people or a faith before a house of worship is its kind, not its name: "the maronite church", "the hmong church". */
const WORSHIP = /^ (?:church|cathedral|chapel|mosque|masjid|temple|gurdwara|synagogue|parish)$/i;
const FAITH_OR_PEOPLE = /(?:ite|ian|ese|ish|ic|ist|an|ox|hmong|korean|thai|lao|polish)$/i;

/**
 * `found` with each name, or run of names one space apart, that a kind of place follows made one FACILITY with its kind.
 * A given name before "house" is a person's ("tanya house"), and a name ending in s a
 * possessive typed without its apostrophe ("kevins school"): both stay as they are.
 */
export function withNamedKinds(text: string, found: Entity[]): Entity[] {
  let out: Entity[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const e = found[i]!;
    if (e.type !== 'NAME' || text.charCodeAt(e.end) !== 32) continue;
    const next = found[i + 1];
    // A name run on into the next name ("[sokol] [polish]") takes the kind after the last.
    if (next && next.type === 'NAME' && next.start === e.end + 1) continue;
    const tail = text.slice(e.end, e.end + 40);
    let first = i;
    while (first > 0 && found[first - 1]!.type === 'NAME' && found[first - 1]!.end + 1 === found[first]!.start && text[found[first]!.start - 1] === ' ') first--;
    const start = found[first]!.start;
    const placed = PLACE_BEFORE.test(text.slice(Math.max(0, start - 24), start));
    const m = KIND_AFTER.exec(tail) ?? (placed ? SHARED_KIND_AFTER.exec(tail) : null);
    if (!m || (next && next.start < e.end + m[0].length)) continue;
    const last = text.slice(e.start, e.end).toLowerCase();
    if (/s$/.test(last)) continue;
    if (WORSHIP.test(m[0]) && FAITH_OR_PEOPLE.test(last)) continue;
    // "on huron church": a street named for a place's kind, not the place.
    if (/(?:^|[^\p{L}])on\s+$/iu.test(text.slice(Math.max(0, start - 4), start))) continue;
    if (/^ house$/i.test(m[0]) && first === i && dictionaries().firstNames.has(last)) continue;
    out ??= [...found];
    out.splice(first, i - first + 1, { start, end: e.end + m[0].length, type: 'FACILITY' });
    // The list is one shorter for each name merged: keep walking from the new span.
    found = out;
    i = first;
  }
  return out ?? found;
}
