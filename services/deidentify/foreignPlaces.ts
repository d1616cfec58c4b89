/**
 * Round 26: places named in French or Spanish, or for a people, said in an English note the way people say them.
 *
 * 1. **An article of French or Spanish before a place's name** (`articlePlaces`). In an English clause "le", "la",
 *    "el" before a word is a name's own article: "is at [la boussole]", "tried [le tremplin]", "[le rivage] says call
 *    monday", "[la frontera] wants his id". Taken after a place word of English (at, to, from, into, tried, called …)
 *    or where a sentence opens and an English verb follows the name, and after French "à" with "le" or "les" (which
 *    French writes "au", "aux": an English speaker's French, "à le phare"). A name the rules found right after such an
 *    article takes it in ("tried le [tremplin]"). What stays: a generic place, a role, a kin word or a time after the
 *    article ("at la maison", "to la casa", "with la familia", "la semaine"), an English word said often ("la last"),
 *    a French or Spanish function word, and a town of the list ("to la ronge", "in el paso").
 * 2. **A place named for a people, or a house of worship by its name** (`namedForPeople`): a capitalised run that
 *    holds a people's or a language's word and another word before a capitalised kind of place ("[Hmong Fellowship
 *    Church]", "[Somali Community Centre]", "[Tibetan Community Hall] of Queens"), or a capitalised run the name rules
 *    hid a word of before a house of worship ("[Bodhi] Light Temple", "Full [Gospel] Tabernacle", "[Christ] Apostolic
 *    Church of [Grace]"). A people's word alone before its kind stays its kind ("the Hmong church", namedKind.ts), and
 *    so does a people's word with no kind ("Somali women", "the Hmong store").
 * 3. **A French kind of place written first and capitalised, an article after it** ("[Centre Le Rivage]", "[Club Le
 *    Phare]", "[Maison La Traverse]"): the article says a name follows.
 *
 * Run in the facility step right after facilityFrames.ts (deidentify.ts), on the spans found so far: a name the rules
 * hid inside such a place becomes part of the facility, and facilityMentions.ts then hides the place where the note
 * names it again.
 */
import { type Entity, entity } from './types';
import { dictionaries, spoken } from './dictionaries';
import { isTownName } from './towns';
import { kinWord } from './kinship';
import { keepGroups } from './keepList';
import { KEEP, MONTHS, NEAR_DAYS, OTHER_LANGUAGE, WEEKDAYS, WEEKDAYS_FR_ES } from './lexicon';
import { ROLE_WORDS, SAFE } from './messy';
import { FRENCH_STOP, smsWords } from './messyPatterns';

/** The articles of French and Spanish that open a place's name. */
const ARTICLE = String.raw`le|la|les|el|los|las`;
/** English place words before such an article; "à" only before "le"/"les" (French contracts them: "au", "aux"). */
const CUE_BEFORE = new RegExp(
  String.raw`(?:(?:^|[^\p{L}\p{N}'’])(?:at|to|from|into|outta|tried|try|called|call|leaving|left|visited|visit|2)\s+|@\s*)(?:${ARTICLE})\s$|(?:^|[^\p{L}\p{N}'’])à\s+(?:le|les)\s$`,
  'iu',
);
/** A sentence's opening before the article. */
const OPENING = /(?:^|[.!?\n]\s*|[.!?]\s*["”)]?\s+)$/u;
/** English verbs after a name that opens a sentence: "le rivage says", "la frontera wants". */
const ENGLISH_VERB_AFTER = /^\s(?:says|said|called|calls|wants|wanted|has|had|took|takes|kicked|accepted|texted|emailed|gave|let|sent|needs|needed|got|is|was|cant|can't|won't|wont|doesnt|doesn't|didnt|didn't|will|full)(?![\p{L}\p{N}'’])/iu;
/**
 * Words after such an article that are no place's name: generic places, roles and people, times and the like, in
 * French, Spanish and the English a note mixes in ("at la maison", "to la casa", "with la familia", "la migra").
 */
const NOT_A_NAME = new Set(`
  maison casa clinique clinica clínica hopital hôpital hospital école ecole escuela école iglesia église eglise job shop
  tienda pharmacie farmacia dépanneur depanneur épicerie epicerie banque banco plage playa parc parque ville ciudad
  cuisine cocina chambre cuarto bas haut fin vie même meme familia famille migra policia policía police doctora doctor
  docteur médecin medecin travail trabajo bureau oficina cour corte prison prisión prision cárcel carcel rue calle
  route carretera frontière semaine semana mañana manana noche nuit soir matin journée journee jour dia día tarde fois
  vez gente monde raza jefa jefe patrona patron señora senora madame monsieur seigneur dios dieu virgen vierge
  misa messe loi ley neige nieve pluie lluvia tele télé radio gym bus metro métro auto char carro voiture camion
  troca pharmacy chapelle capilla centre centro foyer refuge hogar posada albergue urgence urgences emergencia
  première premiere primera dernière derniere ultima última grande petite pequeña pequena vieille vieja nouvelle nueva
`.trim().split(/\s+/));
/** A word that may be a place's name after the article: one that says no time, role, relation, place kind or function. */
function nameWord(lower: string, first: boolean): boolean {
  if (!/^\p{L}[\p{L}'’-]*$/u.test(lower) || lower.length < 3) return false;
  if (SAFE.has(lower) || FRENCH_STOP.has(lower) || SPANISH_STOP.has(lower) || NOT_A_NAME.has(lower) || smsWords().has(lower)) return false;
  if (KEEP.has(lower) || ROLE_WORDS.has(lower) || kinWord(lower) || TIMES.has(lower)) return false;
  // An English word said often is English prose after a "la" that is something else ("to la last week"); a later word
  // of the name is no English word at all, or a kind of place ("la frontera recovery").
  const rank = spoken().rank.get(lower) ?? Infinity;
  if (first) return rank > 3000;
  return !dictionaries().english.has(lower) || KIND_AFTER.has(lower);
}
const SPANISH_STOP = new Set('que con por para pero sin sus del los las una uno unos unas muy mas más ya aqui aquí alli allí esta está estan están fue son era como cuando donde porque pues ni aun todavia todavía'.split(' '));
const TIMES = new Set([...WEEKDAYS, ...MONTHS, ...NEAR_DAYS, ...WEEKDAYS_FR_ES, 'tonite', 'tmrw']);
/** English kinds of place that may end such a name ("la frontera recovery", "le phare house"). */
const KIND_AFTER = new Set('recovery house centre center lodge shelter clinic mission detox'.split(' '));

/** A word at `pos` and where it ends. */
const WORD = /\p{L}[\p{L}'’-]*/uy;
function wordAt(text: string, pos: number): string | null {
  WORD.lastIndex = pos;
  return WORD.exec(text)?.[0] ?? null;
}

/**
 * The spans of places named after a French or Spanish article in an English clause (see the file's comment, 1): each
 * [start, end) from the article to the name's last word.
 */
function articlePlaces(text: string, found: readonly Entity[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = new RegExp(String.raw`(?<![\p{L}\p{N}'’])(?:${ARTICLE})\s(?=\p{L})`, 'giu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    const before = text.slice(Math.max(0, at - 16), at + m[0].length);
    const cued = CUE_BEFORE.test(before);
    const opening = !cued && OPENING.test(text.slice(Math.max(0, at - 4), at));
    if (!cued && !opening) continue;
    let pos = at + m[0].length;
    // A name the rules found right after the article: the article joins it.
    const named = found.find((e) => e.start === pos && (e.type === 'NAME' || e.type === 'FACILITY'));
    let end = -1;
    if (named) {
      end = named.end;
    } else {
      for (let n = 0; n < 3; n++) {
        const w = wordAt(text, pos);
        if (!w || !nameWord(w.toLowerCase(), n === 0)) break;
        end = pos + w.length;
        if (text[end] !== ' ') break;
        pos = end + 1;
      }
    }
    if (end < 0) continue;
    if (opening && !ENGLISH_VERB_AFTER.test(text.slice(end, end + 12))) continue;
    const said = text.slice(at, end).toLowerCase();
    if (isTownName(said) || isTownName(said.replace(/\s/, '-'))) continue;
    out.push([at, end]);
  }
  return out;
}

let peopleWords: Set<string> | undefined;
/** Peoples and languages (the keep-list's, and the other-language scope's words, "hmong", "mien"): "Somali", "Cree", "Tibetan". */
const peoples = (): Set<string> => (peopleWords ??= new Set([...keepGroups('languages-and-nationalities', 'peoples'), ...OTHER_LANGUAGE].map((w) => w.toLowerCase())));
/** Kinds of place a people's or a faith's place is named with, capitalised: "Church", "Community Centre", "Healing Lodge". */
const CAP_KIND = String.raw`Church|Temple|Tabernacle|Mosque|Masjid|Synagogue|Chapel|Cathedral|Parish|Gurdwara|Hall|Centre|Center|Lodge|Fellowship`;
const WORSHIP = /^(?:Church|Temple|Tabernacle|Mosque|Masjid|Synagogue|Chapel|Cathedral|Parish|Gurdwara)$/;
/** A capitalised run (joined by of, the, &) ending at a capitalised kind, and its "of X" tail. */
const CAP_RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])((?:\p{Lu}[\p{L}'’-]*\s(?:(?:of|the|&)\s)?){1,4})(${CAP_KIND})(?:\s(?:of|for)\s((?:the\s)?\p{Lu}[\p{L}'’-]*))?(?![\p{L}\p{N}'’-])`,
  'gu',
);

/** The spans of places named for a people, or houses of worship named by a word the name rules took (see 2 above). */
function namedForPeople(text: string, found: readonly Entity[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!/\p{Lu}/u.test(text)) return out;
  CAP_RUN.lastIndex = 0;
  for (let m = CAP_RUN.exec(text); m; m = CAP_RUN.exec(text)) {
    const runWords = m[1]!.trim().split(/\s+/).filter((w) => !/^(?:of|the|&)$/.test(w));
    // A sentence's first word, or a title's, is no name's ("The", "Went", "Our").
    while (runWords.length && (SAFE.has(runWords[0]!.toLowerCase()) || /^(?:The|A|An)$/.test(runWords[0]!))) runWords.shift();
    if (!runWords.length) continue;
    const start = m.index + m[0].indexOf(runWords[0]!);
    const lowers = runWords.map((w) => w.toLowerCase().replace(/['’]s$/, ''));
    const people = lowers.some((w) => peoples().has(w));
    const hidden = found.some((e) => (e.type === 'NAME' || e.type === 'FACILITY') && e.start >= start && e.end <= m!.index + m![1]!.length);
    // A people's word and another word ("Hmong Fellowship Church"); a word the name rules hid before a house of worship.
    const ok = (people && runWords.length >= 2) || (hidden && WORSHIP.test(m[2]!) && runWords.length >= 2);
    if (!ok) continue;
    out.push([start, m.index + m[0].length]);
  }
  return out;
}

/** A French kind of place written first with its capital and an article after it: "Centre Le Rivage", "Club Le Phare". */
const KIND_ARTICLE = /(?<![\p{L}\p{N}'’-])(?:Centre|Maison|Club|Foyer|Refuge|Pavillon|Institut|Casa|Centro|Hogar)\s(?:Le|La|Les|L['’]|El|Los|Las)\s?\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?/gu;
function kindThenArticle(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  KIND_ARTICLE.lastIndex = 0;
  for (let m = KIND_ARTICLE.exec(text); m; m = KIND_ARTICLE.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** `found` with each place above made one FACILITY, the names and facilities inside or across it joined to it. */
export function withForeignPlaces(text: string, found: Entity[]): Entity[] {
  if (!MAY.test(text)) return found;
  const places = [...articlePlaces(text, found), ...namedForPeople(text, found), ...kindThenArticle(text)];
  if (!places.length) return withTheirArticle(text, found);
  let out = found;
  for (let [start, end] of places.sort((a, b) => a[0] - b[0])) {
    const over = out.filter((e) => e.start < end && e.end > start);
    // Another identifier there (an address, a date) is the detectors': leave the place as it is.
    if (over.some((e) => e.type !== 'NAME' && e.type !== 'FACILITY')) continue;
    if (over.length === 1 && over[0]!.type === 'FACILITY' && over[0]!.start <= start && over[0]!.end >= end) continue;
    for (const e of over) {
      start = Math.min(start, e.start);
      end = Math.max(end, e.end);
    }
    out = [...out.filter((e) => !over.includes(e)), entity(start, end, 'FACILITY')].sort((a, b) => a.start - b.start);
  }
  return withTheirArticle(text, out);
}

/** A French article elided and glued before a place: "l'[Hôpital Sainte-Agathe]". */
const ELIDED_BEFORE = /(?<![\p{L}\p{N}'’-])[lL]['’]$/u;
/**
 * Each facility with the elided article glued before it taken in: some writers mark it inside ("[[F:l'Hôpital
 * Saint-Alphonse]]"), others outside, where it costs two characters; left outside, the first writers' place is missed.
 * (A particle at a facility's end, "[Hôpital Saint-Alphonse le] 3 mars", was cut too in a first version: two untouched
 * facilities fewer, so it stays.)
 */
function withTheirArticle(text: string, found: Entity[]): Entity[] {
  let out: Entity[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const e = found[i]!;
    if (e.type !== 'FACILITY') continue;
    let start = e.start;
    const prev = found[i - 1];
    if (ELIDED_BEFORE.test(text.slice(Math.max(0, start - 3), start)) && !(prev && prev.end > start - 2)) start -= 2;
    if (start === e.start) continue;
    out ??= [...found];
    out[i] = entity(start, e.end, 'FACILITY');
  }
  return out ?? found;
}
/** Every text these rules may change holds an article of French or Spanish, or a capitalised kind of place. */
const MAY = /\b(?:le|la|les|el|los|las)\s|[lL]['’]\p{L}|Church|Temple|Tabernacle|Mosque|Masjid|Synagogue|Chapel|Cathedral|Parish|Gurdwara|Hall|Centre|Center|Lodge|Fellowship/iu;

export const forTest = { articlePlaces, namedForPeople, kindThenArticle, nameWord };
