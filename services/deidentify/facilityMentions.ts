/**
 * Round 23: a facility found once is hidden where the same text names it again by its name alone — "stayed at [sunrise
 * lodge] … staff at sunrise said no", "the [kaien house] van … back at kaien" — or by the same words again ("at [the
 * oldman] … stitches at the oldman"). A name the rules or the models found is hidden everywhere in the text
 * (deidentify.ts everywhere); a facility was not, and its bare name, often an everyday word, opens no candidate alone
 * (round 22, bench/deidFacilityShapes.ts). Run right after the facility models and edges, before the give-backs.
 *
 * The name is the facility's words without a leading article and without the kind of place after them
 * (placeKinds.ts PLACE_KIND, SERVICE_KIND: "sunrise lodge" → "sunrise"). A name of common English words only ("sunrise",
 * "the bridge") is hidden again only in a place's slot — right after a place preposition or a verb of leaving or
 * visiting, an article between ("left sunrise", "at the bridge"), or after an article where the facility found was said
 * after one too ("at [the cove] … asked for the cove again", "[the nook] … the nook folks"); "we watched the sunrise"
 * stays. A name holding a word
 * no dictionary reads as common is hidden wherever it stands. A town of the list ("sunrise", "brandon": the list holds
 * 31,000, many of them words) only where a town is not said: after "at", a verb of leaving or visiting, not "to",
 * "from" or "in" ("[brandon friendship centre] … moved to brandon"). Never a name of function words or keep-list words
 * alone (a chain, a program, a city or province), nor a name shorter than three letters.
 */
import { type Entity, entity } from './types';
import { PLACE_KIND, SERVICE_KIND } from './placeKinds';
import { KEEP } from './lexicon';
import { SAFE } from './messy';
import { dictionaries } from './dictionaries';
import { isTownName } from './towns';
import { escapeRegExp } from '../escapeRegExp';

/**
 * The articles before a facility's name, as typed ("da", "teh") and in French: the one list for an article opening the
 * span (ARTICLE), before a mention (articleBefore) and between a place word and one (slotBefore). Until round 24 the
 * last two lacked "les" and "l'".
 */
export const ARTICLES = new Set(['the', 'da', 'tha', 'teh', 'le', 'la', 'les', "l'", 'l’']);
const ARTICLE = new RegExp(String.raw`^(?:${[...ARTICLES].map(escapeRegExp).join('|')})\s+`, 'iu');
const KIND_AT_END = new RegExp(String.raw`(?:^|\s+)(?:${PLACE_KIND}|${SERVICE_KIND})$`, 'iu');
/** Words after which a place is said: a place preposition, a verb of leaving or visiting (an article may stand between). */
const PLACE_BEFORE = new Set(['at', '@', 'to', '2', 'from', 'frm', 'in', 'into', 'outta', 'near', 'inside', 'outside', 'behind', 'leaving', 'left', 'visited', 'visiting', 'visit']);
/** Of those, the words before which a town is not said ("at sunrise" is the lodge, "to sunrise" may be the town). */
const NO_TOWN_BEFORE = new Set(['at', '@', 'outta', 'inside', 'outside', 'behind', 'leaving', 'left', 'visited', 'visiting', 'visit']);

/** The names a facility span is said by again: its words without an article, and without its kind after them. */
function namesOf(span: string): string[] {
  const words = span.toLowerCase().replace(ARTICLE, '').trim().split(/\s+/);
  const out = [words.join(' ')];
  // The name without the kind of place after it: "sunrise lodge" → "sunrise", "hope mission detox" → "hope mission".
  let bare = words.join(' ');
  for (let k = 0; k < 3; k++) {
    const m = KIND_AT_END.exec(bare);
    if (!m || m.index === 0) break;
    bare = bare.slice(0, m.index);
  }
  if (bare !== out[0]) out.push(bare);
  return out;
}

/** Whether a name is one to hide again: a word that is not a function word, a keep-list word or a number, 3 letters or more. */
function sayable(name: string): boolean {
  if (name.replace(/[^\p{L}\p{N}]/gu, '').length < 3 || KEEP.has(name)) return false;
  return name.split(' ').some((w) => !SAFE.has(w) && !KEEP.has(w) && !/^\d+$/.test(w));
}

/** How a name is hidden again: 'any' slot, in a place's slot ('place'), or where no town is said ('noTown'). */
type Where = 'any' | 'place' | 'noTown';
function whereOf(name: string): Where {
  if (isTownName(name)) return 'noTown';
  const d = dictionaries();
  return name.split(' ').every((w) => SAFE.has(w) || d.common.has(w) || d.english.has(w)) ? 'place' : 'any';
}

/** Whether a place preposition or a verb of leaving (`slot`'s words) stands right before `at`, an article between. */
function slotBefore(text: string, at: number, slot: Set<string>): boolean {
  const before = text.slice(Math.max(0, at - 24), at).toLowerCase().match(/[\p{L}\p{N}@'’]+/gu) ?? [];
  let i = before.length - 1;
  if (i >= 0 && ARTICLES.has(before[i]!)) i--;
  return i >= 0 && slot.has(before[i]!);
}

/** Whether an article stands right before `at` ("the cove", "l' envolée"). */
function articleBefore(text: string, at: number): boolean {
  const m = /([\p{L}]+['’]?)[ \t]+$/u.exec(text.slice(Math.max(0, at - 8), at));
  return !!m && ARTICLES.has(m[1]!.toLowerCase());
}

/** `found` with each facility's name hidden again where the text says it alone (see above); `found` as given otherwise. */
export function facilityMentions(text: string, found: Entity[]): Entity[] {
  let names: Map<string, Where> | undefined;
  // The names a facility found was said by after an article ("at [the cove]", "the [nook] is"): said so again, they are it.
  const withThe = new Set<string>();
  for (const e of found) {
    if (e.type !== 'FACILITY') continue;
    const span = text.slice(e.start, e.end);
    const the = ARTICLE.test(span) || articleBefore(text, e.start);
    for (const n of namesOf(span)) {
      if (!sayable(n)) continue;
      names ??= new Map();
      names.set(n, whereOf(n));
      if (the) withThe.add(n);
    }
  }
  if (!names) return found;
  const lower = text.toLowerCase();
  let extra: Entity[] | undefined;
  for (const [name, where] of names) {
    // Most facilities are named once: look for the words only where they stand more than once.
    const first = lower.indexOf(name);
    if (first < 0 || lower.indexOf(name, first + 1) < 0) continue;
    const re = new RegExp(String.raw`(?<![\p{L}\p{N}'’-])${escapeRegExp(name).replace(/ /g, String.raw`\s+`)}(?![\p{L}\p{N}-])`, 'gu');
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      const s = m.index;
      const t = s + m[0].length;
      if (found.some((o) => o.start < t && s < o.end) || extra?.some((o) => o.start < t && s < o.end)) continue;
      if (where !== 'any' && !slotBefore(text, s, where === 'place' ? PLACE_BEFORE : NO_TOWN_BEFORE) && !(withThe.has(name) && articleBefore(text, s))) continue;
      extra ??= [];
      extra.push(entity(s, t, 'FACILITY'));
    }
  }
  if (!extra) return found;
  return [...found, ...extra].sort((a, b) => a.start - b.start);
}

export const forTest = { ARTICLE, ARTICLES, articleBefore, namesOf, sayable, slotBefore, whereOf };
