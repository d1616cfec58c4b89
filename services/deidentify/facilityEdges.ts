/**
 * Where a facility found stops short of the words that say it is one (round 21): the writers mark a saint's place whole
 * ("[[st nektarios]]", "[[St Columba's]]"), a faith's or a number's word before a place found ("[[lutheran general]]",
 * "[[three forks detox]]"), a kind of place written first in another language ("[[clinica guadalupe]]", "[[urgences du
 * sacré-coeur]]", "[[posada san martin]]"), a few kinds after a name that placeKinds.ts does not hold ("[[eagle's
 * nest]]", "[[sandy lake nursing station]]", "[[NAME] detox]]", "[[NAME]'s crossing]]") and "house" after a name that is
 * a word ("[[pine house]]"). The name or facility rules hide the name and leave the other words visible, and the whole
 * facility reads as missed. Run after the facility model (classifier/facilityModel.ts withFacilities), so the models
 * read the spans they were trained on; a name so widened becomes a FACILITY.
 */
import { type Entity, entity } from './types';
import { FOREIGN_KIND_FIRST, PLACE_KIND, WORSHIP_FIRST } from './placeKinds';
import { dictionaries, spoken } from './dictionaries';
import { isTownName } from './towns';

/** A saint's title (or "holy", "sacred") before a name: "st nektarios", "St. Columba's", "sts cyril", "holy eucharist". */
const SAINT = String.raw`st\.?|sts\.?|ste\.?|saint|sainte|san|santa|sant|s[ãa]o|sto\.?|holy|sacred`;
/**
 * Words before a place found that open its name: a faith ("lutheran general"), a number ("three forks detox"). Not a
 * land's word ("cape", "fort", "port", "mount": no facility on the development writers, words over nothing on an
 * untouched one).
 */
const LEAD_OF_FACILITY = String.raw`lutheran|baptist|catholic|anglican|methodist|presbyterian|pentecostal|adventist|two|three|four|five|six|seven|eight|nine|ten|twin`;
/**
 * A kind of place written before its name in another language, or a house of worship's (placeKinds.ts WORSHIP_FIRST:
 * "gurdwara", "masjid"): "clinica", "urgences du", "posada", "hogar de", "centre le" (a French article after it: "the
 * centre [NAME] runs" is someone at the centre), "Hospital" with its capital ("Hospital [General de Nogales]").
 */
const KIND_FIRST = String.raw`(?:cl[ií]nica|centro|urgences|h[oô]pital|hogar|albergue|posada|accueil|cent(?:re|er)(?= (?:le|la|les|du|des|de))|coll[eè]ge|c[ée]gep|[ée]cole|chsld|clsc|foyer|maison|refuge|musalla|casa|${FOREIGN_KIND_FIRST}|${WORSHIP_FIRST})(?: (?:du|des|de la|de l['’]|de los|de las|de|del|do|da|dos|das|le|la|les))?`;
const HOSPITAL_FIRST = /(?:^|[^\p{L}\p{N}'’.-])(Hospital(?: (?:de|del|de la))?) $/u;
/** What may stand before a saint's title: a place word, "the", or a sentence's start (not "main st [NAME]", a street). */
const PLACE_BEFORE = /(?:[.!?,;:()\n]\s*|[^\p{L}\p{N}](?:at|to|from|frm|in|into|@|the|of|near|outta|by|behind|2|la|le|el|al|au|du|à|a)\s+)$/iu;
/**
 * Whether the words before `pos` are PLACE_BEFORE's: the note's start counts as a sentence's, a window's cut as a word.
 * Also messyPatterns.ts's saint by its initials ("at st b's", round 23).
 */
export function placeBefore(text: string, pos: number): boolean {
  return PLACE_BEFORE.test((pos <= 16 ? '\n' : 'x') + text.slice(Math.max(0, pos - 16), pos));
}
const BEFORE_SAINT = new RegExp(String.raw`(?:^|[^\p{L}\p{N}'’.-])(${SAINT}) $`, 'iu');
const BEFORE_LEAD = new RegExp(String.raw`(?:^|[^\p{L}\p{N}'’.-])(${LEAD_OF_FACILITY}) $`, 'iu');
// Round 26: an elided article may be glued before the kind ("à l'église [Saint-Dominique]").
const BEFORE_KIND = new RegExp(String.raw`(?:^|[^\p{L}\p{N}'’.-]|(?<![\p{L}\p{N}])[ld]['’])(${KIND_FIRST}) $`, 'iu');
/** A land word between a name and its kind ("[NAME] lake nursing station"), or kinds after a name placeKinds.ts leaves. */
const LAND = `lake|lakes|river|creek|bay|island|hills?|valley|falls|ridge|point|landing|springs?|heights|mountain|park`;
const KIND_AFTER = new RegExp(
  String.raw`^(?:['’]s nest| (?:(?:${LAND}) (?:${PLACE_KIND})|nest|regional|detox|probation office|(?:family|youth|provincial|drug|criminal|county|district|superior|municipal|traffic|treatment|wellness) court)|['’]s crossing(?! (?:the|a|an|at|over|on|into|to|with|his|her|their|my|street|road|rd|st)(?![\p{L}\p{N}])))(?![\p{L}\p{N}'’-])`,
  'iu',
);
/**
 * "house" after a name that is an everyday word ("[pine] house", "[fern] house", "[harmony] house"): a shelter's name,
 * in any slot. namedKind.ts takes "house" only after "the" or a place word, and never after a given name ("tanya
 * house" is her house); a name ending in s is a possessive typed without its apostrophe ("[chayo]s house"), and a
 * person after "house" makes it a verb ("[will] house him").
 */
const HOUSE_AFTER = /^ house(?![\p{L}\p{N}'’-])(?! (?:him|her|them|us|me|you|it|the|a|an|his|their|my|our|ur)(?![\p{L}\p{N}]))/iu;
/** Whether a name span is one word people say ("pine", not a surname the lists hold, "pereira") and no possessive. */
function wordName(word: string): boolean {
  if (!/^\p{L}+$/u.test(word) || /s$/i.test(word)) return false;
  const lower = word.toLowerCase();
  return dictionaries().english.has(lower) && (spoken().rank.get(lower) ?? Infinity) <= SAID;
}
/** The rank in spoken English a house's name-word is within (the 20,000 words said most). */
const SAID = 20000;
/**
 * Whether a saint's title as written and the name after it are a town of the list, with or without the title's period
 * ("st albert" is the list's "st. albert", "san jose"). Only as written: the list holds small towns named for most
 * saints ("saint ansgar"), and a saint's place written "st." is no town for that.
 */
function saintTown(title: string, name: string): boolean {
  const t = title.toLowerCase().replace(/\.$/, '');
  const n = name.toLowerCase();
  return [t, `${t}.`].some((s) => isTownName(`${s} ${n}`) || isTownName(`${s}-${n}`));
}
/** A possessive right after a saint's name: "St Columba's", "st. anne's". */
const POSSESSIVE = /^['’]s(?![\p{L}\p{N}])/u;

/** Whether `e` is a name or a facility the edges may widen. */
const widenable = (e: Entity): boolean => e.type === 'NAME' || e.type === 'FACILITY';

/**
 * `found` with each name or facility widened to the words beside it that make it a facility (see above); a name so
 * widened becomes a FACILITY. A word another span holds is never taken.
 */
export function withFacilityEdges(text: string, found: Entity[]): Entity[] {
  let out: Entity[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const e = found[i]!;
    if (!widenable(e)) continue;
    // Each span alone: a name beside it stays a name ("[st mary] [magdalene]" hides the same words), and a word a later
    // step gives back ("[pandit ramsaran] [will]") is not carried into the facility.
    const prev = i > 0 ? found[i - 1]! : undefined;
    const next = i + 1 < found.length ? found[i + 1]! : undefined;
    let start = e.start;
    let end = e.end;
    const free = (from: number, to: number): boolean => !(prev && prev.end > from) && !(next && next.start < to);
    let widened = false;
    // Twice: a kind written first may stand before a saint's title ("posada san [NAME]", "clinica santa [NAME]").
    for (let round = 0; round < 2; round++) {
      const before = text.slice(Math.max(0, start - 24), start);
      const saint = BEFORE_SAINT.exec(before);
      const kindFirst = saint ? null : (BEFORE_KIND.exec(before) ?? HOSPITAL_FIRST.exec(before));
      const lead = saint || kindFirst || e.type !== 'FACILITY' || widened ? null : BEFORE_LEAD.exec(before);
      const word = (saint ?? kindFirst ?? lead)?.[1];
      if (!word || !free(start - word.length - 1, start)) break;
      // A saint's title or a faith's, a number's or a land's word only after a place word, a sentence's start or a kind
      // written first (taken in the next round).
      const at = start - word.length - 1;
      const kindThen = saint !== null && BEFORE_KIND.test(text.slice(Math.max(0, at - 24), at));
      const placed = kindFirst !== null || kindThen || placeBefore(text, at);
      // A town named for a saint is no place of care ("st albert"), unless a kind of place opens it ("posada san martin").
      if (!placed || (saint && !kindThen && saintTown(word, text.slice(e.start, e.end)))) break;
      start -= word.length + 1;
      widened = true;
      const p = saint ? POSSESSIVE.exec(text.slice(end, end + 3)) : null;
      if (p && free(end, end + p[0].length)) end += p[0].length;
    }
    const tail = text.slice(end, end + 50);
    const k = KIND_AFTER.exec(tail) ?? (e.type === 'NAME' && wordName(text.slice(e.start, e.end)) ? HOUSE_AFTER.exec(tail) : null);
    if (k && free(end, end + k[0].length)) {
      end += k[0].length;
      widened = true;
    }
    if (!widened) continue;
    out ??= [...found];
    out[i] = entity(start, end, 'FACILITY');
    found = out;
  }
  return out ?? found;
}
