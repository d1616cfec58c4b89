/**
 * Towns said as places (issue 13, over-redaction, round 8). PSWs write where a client lives, moved from or goes back
 * to by the town's name ("moved to edson", "her mom in kutaisi", "he is from yakima"); a town is no identifier of a
 * person, but its name is unknown to the English lists, so the name rules hide it. A name span is given back when
 * content/deid-towns.json (GeoNames, scripts/deid-towns.ts) holds it and it stands in a place slot:
 * - after "in", "near", "outside", "around" ("lives in dallas", "family in kutaisi"), not before a possessive ("in
 *   kevin's car") nor after a word of being somewhere ("he is in springhill till spring", "still in bordeaux": a jail
 *   is named by its town);
 * - after "from" only after a word of coming from or being from ("she is from yakima", "moved here from lagos"; "a
 *   text from sandy", "back from bordeaux" — a jail — and "her friend from crestwood" keep theirs);
 * - after "to" only after a word of going ("moved to edson", "trip to tbilisi"; "talked to X", "sent to X" keep theirs);
 * - after "of" only after a word of a place ("city of kent", "north of hinton");
 * - (round 9) a word of direction between the verb and "to"/"from" ("drove up to X", "flying in from X"; not "back
 *   from X" nor "home from X": a jail, a hospital — round 13: unless X is a country or big city, "back from laos"), and
 *   after "from" a person said by where they are from ("a girl from fairmont", "cousins from lagos"; after a name
 *   only a country or big city: "tevite from tonga", not "brook from crestwood"; round 13: "they r both from X") —
 *   never after a word of messages or leaving ("a text from X", "hiding from X": only words on the lists below open
 *   the slot).
 * Towns a given-name list holds (Regina, Dallas, Pembroke) are given back only where a person cannot stand at all:
 * after a word of moving or travelling before "to"/"from" ("moved to regina", "flight to Dallas", "born in kingston");
 * "ride to regina", "a text from dallas", "with dallas" stay hidden.
 * In a person slot the same word stays hidden: the slot decides, never the list alone. Places that name a jail or a
 * hospital the list cannot tell apart by their place ("in springhill till spring") are the cost, counted in
 * docs/history/DEIDENTIFICATION-rounds.md. Countries,
 * states and boroughs that are names too (Georgia, Tonga, Brooklyn: the keep-list group scoped "place-slot") are
 * given back here, by the same slots.
 */
import { readCheckedList } from '../content/checkedList';
import { dictionaries } from './dictionaries';
import { keepList } from './keepList';
import { CARE_KINDS } from './placeKinds';
import type { Entity } from './types';

const set = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

const IN_PLACE = set(`in near nr outside around`);
/** Words before "in" after which the town may be the jail or hospital there: "is in springhill", "locked up in amos". */
const HELD_IN = set(`is was are were be been being he's she's hes shes they're theyre still now up time doing stays staying
  stayed kept held`);
/** Words before "from" of coming from or being from a place. */
const FROM_PLACE = set(`is was are were be been im i'm iam he's she's hes shes they're theyre came come comes coming moved moving
  immigrated arrived arriving originally fled escaped flew flying drove family families people folks relatives refugee
  refugees newcomer newcomers born raised here all straight driving drive drivin visiting r both`);
/** Words of going before "to": the next word is where. */
const GOING_TO = set(`moved move moves moving went go goes going gone back trip drove drive driving flew fly flying headed heading
  head bus train travel travelled traveled travelling traveling returned return returning came come comes coming relocated
  relocate relocating way road ticket flight flights drivin goin movin headin comin flyin omw otw ride rides uber cab taxi flies
  home`);
/** Words of direction between a verb and "to"/"from" ("drove up to", "flying in from", "drove home from"). */
const DIRECTION = set(`up down out over in home across all`);
/** People said by where they are from, before "from" ("a girl from fairmont", "cousins from lagos"); not "friend": friends
 * are met at programs named by a town ("her friend from crestwood"). */
const PEOPLE_FROM = set(`guy guys girl girls boy boys man men woman women lady ladies kid kids family families couple cousin
  cousins sister sisters brother brothers aunt aunts auntie uncle uncles mom mother dad father parents grandma grandpa nan
  granny son sons daughter daughters niece nephew wife husband elder elders people folks newcomer newcomers client clients
  worker workers psw peer visiting visitors visitor arrive arrives arrived arriving landed`);
/** Words of moving or travelling that leave no room for a person after "to"/"from"/"in": the slots of a town that a
 * given-name list holds ("moved to regina", "flight to dallas", "born in kingston"; "ride to regina" is a person). */
const MOVED = set(`moved move moves moving relocated relocating flew fly flies flying flight flights trip trips headed heading
  immigrated born raised grew lives live living lived drove drive driving drivin`);
/** Words of a place before "of": the next word is the place. */
const PLACE_OF = set(`city town village outskirts north south east west province state county part area region suburbs
  centre center downtown`);

let towns: Set<string> | undefined;
/** Towns a given-name list holds ("regina", "dallas"): given back only after a word of moving (MOVED). */
let namedTowns: Set<string> | undefined;

function townNames(): Set<string> {
  if (towns) return towns;
  const data = readCheckedList<{ terms: string[] }>('deid-towns.json');
  const first = dictionaries().firstNames;
  towns = new Set(data.terms.filter((t) => !first.has(t)));
  namedTowns = new Set(data.terms.filter((t) => first.has(t)));
  for (const t of keepList().scoped.get('place-slot') ?? []) towns.add(t);
  return towns;
}

/** The word that ends right before `at` (spaces or tabs between), from its start; [word, its start] or ['', -1]. */
function wordEndingAt(text: string, at: number): [string, number] {
  let e = at;
  while (e > 0 && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  if (e === at) return ['', -1];
  let s = e;
  while (s > 0 && text[s - 1] !== ' ' && text[s - 1] !== '\t' && text[s - 1] !== '\n' && e - s < 30) s--;
  return [text.slice(s, e).toLowerCase(), s];
}

/**
 * Whether [start, end) stands where a place is said (the slots above), by the words before it: 0 no, 1 yes, 2 yes and
 * after a word of moving (a slot where even a town that is a given name is a place).
 */
export function placeSlot(text: string, start: number, end: number, found: readonly Entity[] = []): 0 | 1 | 2 {
  // "in kevin's car": a possessive names a person's thing, not a place.
  if ((text[end] === "'" || text[end] === '’') && (text[end + 1] === 's' || text[end + 1] === 'S')) return 0;
  // Most name spans have no place word before them: one look at that word, the word before it only after one.
  const [prev, at] = wordEndingAt(text, start);
  if (!prev) return 0;
  const slot = IN_PLACE.has(prev) ? 1 : prev === 'from' || prev === 'frm' ? 2 : prev === 'to' || prev === '2' ? 3 : prev === 'of' ? 4 : 0;
  if (!slot) return 0;
  const [w, at2] = wordEndingAt(text, at);
  let before = w.replace(/[^\p{L}$]+$/u, '');
  // "drove up to", "flying in from", "drove home from": the verb before the word of direction ("back from" is a jail).
  // "home from X" is out of a hospital or a jail ("is home from maplewood"): no direction before "from".
  if ((slot === 2 || slot === 3) && DIRECTION.has(before) && before === w && !(slot === 2 && before === 'home')) before = wordEndingAt(text, at2)[0].replace(/[^\p{L}$]+$/u, '');
  const yes = (ok: boolean): 0 | 1 | 2 => (ok ? (MOVED.has(before) ? 2 : 1) : 0);
  // "grew up in X" is where someone grew up, not "locked up in X".
  if (slot === 1 && before === 'up' && wordEndingAt(text, at2)[0] === 'grew') before = 'grew';
  if (slot === 1) return HELD_IN.has(before) ? 0 : yes(true);
  // "tevite from tonga": a person (a name span right before "from") said by the country or big city they are from — not
  // by a town, which may be a school or a home named for it ("brook from crestwood").
  const named = (): boolean => bigPlace(text.slice(start, end)) && found.some((o) => o.type === 'NAME' && o.end > at2 && o.end <= at);
  // (Round 13) "back from laos": a country or big city is no jail.
  if (slot === 2) return yes(FROM_PLACE.has(before) || PEOPLE_FROM.has(before) || named() || (before === 'back' && bigPlace(text.slice(start, end))));
  return yes(slot === 3 ? GOING_TO.has(before) : PLACE_OF.has(before));
}

/** Whether `name` is a country, state or big city (keep groups scoped place-slot, and world-places). */
function bigPlace(name: string): boolean {
  const l = name.toLowerCase().replace(/\s+/g, ' ');
  const k = keepList();
  return !!(k.scoped.get('place-slot')?.has(l) || k.groups.get('world-places')?.has(l));
}

/** Whether a lower-case word is a town of the list, given names among them ("gimli", "brandon"): two towns are no crossing. */
export function isTownName(word: string): boolean {
  return townNames().has(word) || namedTowns!.has(word);
}

/** Whether the span [start, end) is a town said as a place. */
export function townInPlace(text: string, start: number, end: number, found: readonly Entity[] = []): boolean {
  const slot = placeSlot(text, start, end, found);
  if (!slot) return false;
  const name = text.slice(start, end).toLowerCase().replace(/\s+/g, ' ');
  return townNames().has(name) || (slot === 2 && namedTowns!.has(name)) || placeAfterIn(text, start, end, found);
}

/**
 * Kinds of care after which "in" says the town the care is in: "detox in portland", "dialysis in rupert" — placeKinds.ts
 * CARE_KINDS, and a detox, rehab, treatment or mission, which end no place's name there.
 */
const KIND_IN = new RegExp(String.raw`(?:^|[^\p{L}])(?:detox|rehab|treatment|mission|${CARE_KINDS})[ \t]+in[ \t]+$`, 'iu');

/**
 * (Round 21) Whether the span [start, end) is a town of the list said as where a kind of care is: "detox in portland",
 * "the rehab in pharr", "her dialysis in Rupert". The facility rules take such a town as the place's name; the place
 * is the kind ("detox"), everyone's word, and the town stays (docs/LABELLING.md). Not after a jail's words ("remand in
 * X": the list of kinds holds none), and not a span that is no town of the list ("detox in sunrise lodge").
 */
export function townAfterKind(text: string, start: number, end: number): boolean {
  if (!KIND_IN.test(text.slice(Math.max(0, start - 24), start))) return false;
  const name = text.slice(start, end).toLowerCase().replace(/\s+/g, ' ');
  return isTownName(name) || (name.includes(' ') && name.split(' ').every((w) => isTownName(w)));
}

/** Words of being held or treated somewhere, before a place in the same clause: the place may be the jail or hospital. */
const HELD_PLACE = /\b(?:jail|prison|remand|custody|detention|locked up|arrested|incarcerated|pen|cells?|admitted|icu|psych ward)\b[^.!?\n]*$/i;

/** Verbs that take "in" and then a person: "let in X", "brought in X", "call in X". */
const IN_VERBS = set(`let lets bring brings brought call calls check checks sign signs buzz buzzes pull pulls drag drags take
  takes took send sends sent put puts show shows usher ushers invite invites fill fills sat sit sits walk walks pop pops tuck
  tucks drop drops swore swear`);
/** Words in -ed and -ing after which "in" says where: "born in X", "living in X", "stranded in X". */
const LIVED_IN = set(`born raised based landed arrived located settled stationed lived living worked working married passed
  stranded snowed trapped stuck grounded camped camping hunting fishing trapping parked raised`);

/** Nouns a person owns after a possessive typed without its apostrophe: "in marcias bag", "in tanya place". */
const OWNED_AFTER = set(`place house home room car truck van bag purse apartment apt trailer tent basement yard kitchen phone
  name names arms lap bed`);

/**
 * (Round 11) Any span after "in" in a place slot (placeSlot 1: not after a word of being held, "is in X", a jail),
 * whatever lists hold it: a person is rarely said to be *in* a word, a place often ("the clinic in brandon", "stuck in
 * elsa", "a powwow in tohatchi": small communities no list holds, towns that are given names). On the tune files (54
 * writers, round 11) a name span after "in" is no identifier 300 times and one 27 times, all but a few kept by the
 * guards: a person in a place ("merle in birchmount": a jail), an in-law ("daughter in law navneet"), a verb's "in"
 * ("checked in X"), a possessive without its apostrophe ("in marcias bag"), a crossing or a unit after it.
 */
function placeAfterIn(text: string, start: number, end: number, found: readonly Entity[]): boolean {
  const [prep, at] = wordEndingAt(text, start);
  if (prep !== 'in') return false;
  // "checked in amani", "let in deshawn", "bringing in kwame": "in" is the verb's, and a person follows.
  const verb = wordEndingAt(text, at)[0];
  if (IN_VERBS.has(verb) || (/(?:ed|ing)$/.test(verb) && !LIVED_IN.has(verb))) return false;
  const typed = text.slice(start, end).toLowerCase();
  if (/^law\b/.test(typed) || /^[ \t]+law\b/i.test(text.slice(end, end + 5))) return false;
  // "merle in birchmount": a person in a place, a jail or a hospital named by its town.
  if (found.some((o) => o.type === 'NAME' && o.end <= at && /^[ \t]*$/.test(text.slice(o.end, at)))) return false;
  // "near sterling and bedford": a crossing of two streets; "in nha #27": a unit. The address detectors' call.
  const after = text.slice(end, end + 20);
  if (/^[ \t]*[#\d]|^[ \t]+(?:and|n|&)[ \t]/.test(after)) return false;
  // "in jail down south, in amos": a jail named by its town.
  if (HELD_PLACE.test(text.slice(Math.max(0, start - 60), start))) return false;
  const next = /^[ \t]+(\p{L}+)/u.exec(after)?.[1]?.toLowerCase();
  if (next && OWNED_AFTER.has(next)) return false;
  // "in marcias bag": a name's possessive without its apostrophe, before the thing owned.
  return !(next && typed.endsWith('s') && !typed.includes(' ') && dictionaries().anyNames.has(typed.slice(0, -1)));
}
