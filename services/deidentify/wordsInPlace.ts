/**
 * Words that stay by their place (issue 13, over-redaction). The name rules hide a word no list knows (Philter's turn):
 * in notes written in other Englishes that is most often a word of the writer's language ("his troca", "her madda",
 * "irie"). After the detectors and the classifier, a one-word name typed in lower case is given back where a name
 * cannot stand:
 * - after "a" or a possessive ("his troca", "her madda", "a chamba"): a name takes none — unless a given-name list holds the word ("her lola") or "her" is the object of a verb before it ("told her
 *   deshawn called", "gave her jamal's number");
 * - a word of other Englishes that a name list also holds (keep-list groups scoped "word-name": "seh", "irie", "mija"),
 *   unless a cue that takes a person stands before it or a person's verb follows it ("met irie", "irie said").
 * - common English words in a title-cased sentence ("Walked To The Park."), none a given name;
 * - a function word of the note's French or Spanish (language.ts) where a name list holds it ("de", "la", "Ella dijo");
 * - "will" before a verb in its base form, with no person cue before it: the modal ("the landlord will learn");
 * - a town said as a place, in any case and of any length ("moved to edson", "in Fox Creek": towns.ts);
 * - (round 25) a town, with its state or province, typed after a comma right after an address ("[ADDRESS], Steinbach
 *   [POSTAL]": address.ts townAfter), beside a postal code or not;
 * - (round 11) a lower-case word of five letters or more that no list holds, after "the" where no place is said ("said
 *   the kemem was huge", "the wigilia dinner"), and a dish after a verb of cooking ("made bolani for the potluck");
 * - (round 13) a thanks or greeting after a verb of saying ("says mahalo for the rice") or opening a sentence before
 *   whom it goes to ("X to everybody"), a thing after "made me" or a container ("a tray of X"), a language after
 *   "speaks", a verb after a relation ("the nurse say"), none a given name.
 * Never given back: a name the PSW asked to hide; by the first two rules, a word written with a capital or a span of
 * more than one word.
 */
import { type Entity, entity } from './types';
import { dictionaries } from './dictionaries';
import { keepList } from './keepList';
import { foreignWordsOf } from './language';
import { townAfterKind, townInPlace } from './towns';
import { townAfter } from './address';
import { AMBIGUOUS_NAMES, oneOf, OTHER_LANGUAGE, SHORT_TITLES } from './lexicon';
import { english, NICKNAMES, PERSON_AFTER, PERSON_BEFORE, RELATIONS, ROLE_WORDS, SAFE, VERB_NEXT } from './messy';
import { blank, possessive, withoutPossessive } from './words';
import { kinWord, kinWordOf } from './kinship';

const set = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/**
 * Words after which a name cannot stand: "a", "his"… ("her" is read apart: it may be an object). Not "the" nor "this":
 * PSWs name places by one word after them ("the rockyview", "the ywca") and families too ("the smiths").
 */
const NO_NAME_AFTER = set(`a an my your our their his its`);
/** Possessives before which a word a name list holds is still no name (round 18): "her" also, read apart. */
const POSSESSIVES = set(`my his her their`);

/** Verbs before "her" that make it their object, so a name may follow: "told her deshawn called". */
const OBJECT_VERBS = set(`gave give gives giving bought buy paid pay sent send showed show let made make got get lent owe owed
  told tell asked ask`);
/** Verbs that name the person after them ("named her …", "nicknamed him …"): what follows is a name, never her thing. */
const NAMING = set(`named nicknamed renamed`);
/** Possessives after which a kin word is the relation (round 23, kinship.ts): "her mama", "our kokum". */
const KIN_AFTER = set(`my his her their our your`);
/** Verbs of calling before "her": "calls her nana" may be what she is called. */
const CALLING = set(`call calls called calling`);
/** A verb that names or calls the person after it: "named her", "calls her" (NAMING, CALLING). */
const namesOrCalls = (verb: string): boolean => NAMING.has(verb) || CALLING.has(verb);
/** Words before "her" that leave it a possessive even though they take a person: "with her abuela", "w her kuya". */
const POSSESSIVE_AFTER = set(`with w w/ to for about from at of by`);

const WORD = /^\p{Ll}[\p{Ll}\p{M}'’-]*$/u;
/** A word typed with a capital and the rest in lower case ("Nana", "Kokum's"). */
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u;
const PREV_WORD = /(\p{L}[\p{L}\p{M}'’/-]*)[ \t]+$/u;
const NEXT_WORD = /^[ \t]+(\p{L}[\p{L}\p{M}'’-]*)/u;

/**
 * The last two words read before a place and the last one after, kept: givenBack's rules ask a span's word before (and
 * the one before that) in turn, five to eight times a span, each a regex over a slice (round 14). Never change a tuple.
 */
const before: Array<{ text: string | undefined; at: number; word: readonly [string, number] }> = [
  { text: undefined, at: -1, word: ['', -1] },
  { text: undefined, at: -1, word: ['', -1] },
];
let after: { text: string | undefined; at: number; word: string } = { text: undefined, at: -1, word: '' };

/** The word right before `at` (spaces only between), lower-cased; '' when a mark or nothing stands there. */
function wordBefore(text: string, at: number): readonly [string, number] {
  const [a, b] = before as [(typeof before)[0], (typeof before)[0]];
  if (a.at === at && a.text === text) return a.word;
  if (b.at === at && b.text === text) return b.word;
  const m = PREV_WORD.exec(text.slice(Math.max(0, at - 24), at));
  const word: readonly [string, number] = m ? [m[1]!.toLowerCase(), at - m[0].length] : ['', -1];
  // The older slot gives way.
  before[1] = a;
  before[0] = { text, at, word };
  return word;
}

function wordAfter(text: string, at: number): string {
  if (after.at !== at || after.text !== text) after = { text, at, word: NEXT_WORD.exec(text.slice(at, at + 24))?.[1]?.toLowerCase() ?? '' };
  return after.word;
}

/** Whether a word before a possessive leaves the word after it out of a person's slot ("with her", not "texted my"). */
const personFree = (pp: string): boolean => POSSESSIVE_AFTER.has(pp) || !PERSON_BEFORE.has(pp);

/** French and Spanish possessives before a kin word ("sa Mamie", "son père", "su abuela"): in a note with words of that language only (language.ts). */
const FOREIGN_POSSESSIVES = set(`sa son ses ma mon ta ton su sus mi mis tu`);

/** Whether `prev` is a possessive a kin word after is the relation of: English, or French and Spanish in a note of that language (round 24). */
const kinPossessive = (text: string, prev: string): boolean => KIN_AFTER.has(prev) || (FOREIGN_POSSESSIVES.has(prev) && foreignWordsOf(text) !== null);

/** After a possessive `prev` (at `at`), whether a kin word is the relation: not where "her" is the object of a verb that names or calls her. */
const ownsKin = (text: string, prev: string, at: number): boolean => prev !== 'her' || !namesOrCalls(wordBefore(text, at)[0]);

/**
 * (Round 24) A kin word typed with a capital after a possessive is the relation as the lower-case one is ("her Nana
 * came", "my Kokum's place", "his Lola made pancit"; afterDeterminer): PSWs capitalise the word they call the person by.
 */
function capitalKinAfterPossessive(text: string, start: number, typed: string, w: string): boolean {
  if (!CAPITALISED.test(typed) || !kinWord(w)) return false;
  const [prev, at] = wordBefore(text, start);
  return kinPossessive(text, prev) && ownsKin(text, prev, at);
}

/** The kin words a text says after a possessive ("his Lola raised him"), lower case: the last text's, kept. */
let ownedKin: { text: string | undefined; words: Set<string> } = { text: undefined, words: new Set() };
/** A possessive kinPossessive reads (KIN_AFTER, FOREIGN_POSSESSIVES), then the word after it. */
const OWNED_KIN = new RegExp(String.raw`(?<![\p{L}\p{N}])(${[...KIN_AFTER, ...FOREIGN_POSSESSIVES].join('|')})[ \t]+(\p{L}[\p{L}\p{M}'’-]*)`, 'giu');

function kinOwnedIn(text: string): Set<string> {
  if (ownedKin.text === text) return ownedKin.words;
  const words = new Set<string>();
  for (const m of text.matchAll(OWNED_KIN)) {
    const w = withoutPossessive(m[2]!.toLowerCase());
    const prev = m[1]!.toLowerCase();
    if (kinWord(w) && kinPossessive(text, prev) && ownsKin(text, prev, m.index!)) words.add(w);
  }
  ownedKin = { text, words };
  return words;
}

/**
 * (Round 24) A kin word alone, no name beside it, is the relation the note calls by that word: where the note says it
 * after a possessive too ("his Lola raised him … Lola wants him home"), or an English or French one no given-name list
 * holds ("Mummy sat in on the visit", "Grand-maman gardera les enfants"). Other languages' kin words alone are often
 * given names ("Nokomis", "Zaida", "Ama" name people on the development writers), as is one before a capitalised word
 * ("Big Mummy Folake"): the name rules' call.
 */
function kinAlone(text: string, e: Entity, typed: string, w: string, found: readonly Entity[]): boolean {
  if (!CAPITALISED.test(typed) || !kinWord(w)) return false;
  if (found.some((o) => o !== e && o.type === 'NAME' && (blank(text, o.end, e.start) || blank(text, e.end, o.start)))) return false;
  // A capitalised word after it may be the name the kin word titles ("Big Mummy Folake"): the name rules' call.
  if (/^[ \t]+\p{Lu}/u.test(text.slice(e.end, e.end + 3))) return false;
  return kinOwnedIn(text).has(w) || (noGivenName(w) && kinWordOf(w, 'english', 'french'));
}

/** Whether a name cannot stand where the word at [start, end) is, by the word before it. */
function afterDeterminer(text: string, start: number, end: number, w: string): boolean {
  const [prev, at] = wordBefore(text, start);
  if (!prev) return false;
  const d = dictionaries();
  // (Round 23) A kin word of another language or English after a possessive is the relation, whatever verb follows and
  // whichever name list holds it ("her mama came", "his tutu said", "called his lola"; kinship.ts) — not where "her" is
  // the object of a verb that names or calls her ("named her lola", "calls her nana").
  if (kinPossessive(text, prev) && kinWord(w)) return ownsKin(text, prev, at);
  if (AMBIGUOUS_NAMES.has(w) || NICKNAMES.has(w)) return false;
  // (Round 20) After a verb that names her or him ("named her wazhiya", "nicknamed him tito") the word is what they are called.
  if ((prev === 'her' || prev === 'him') && NAMING.has(wordBefore(text, at)[0])) return false;
  // A word no name list holds ("his troca": a truck) or (round 10) an everyday English word ("his car", "a case").
  const unlisted = !d.anyNames.has(w) || d.common.has(w);
  // (Round 18) After "his", "my", "their" or a possessive "her" a name-list word too: a name takes no possessive, and
  // there the lists' words are kin words and things of other languages ("his lola", "her tota", "his moto") — 0 of the
  // writers' names stood there. Not before a person's own verb ("my jaswinder came by"), not where a verb that takes a
  // person stands before the possessive ("texted my jordan"; "with his lola" is still his), nor after "a", "our",
  // "its" ("an jisoo", "our hodan", "hey its chantelle").
  const owned = POSSESSIVES.has(prev) && !PERSON_AFTER.has(wordAfter(text, end)) && personFree(wordBefore(text, at)[0]);
  // (Round 20) "its" is most often "it's" typed short: after it a word of no list and no English is the name it says
  // ("no its jelanie", "its tarkwas"); an English word is its thing ("its lid").
  if (prev === 'its') return unlisted && (d.common.has(w) || english(w, d));
  if (NO_NAME_AFTER.has(prev)) return unlisted || owned;
  // After "her" (it may be an object) an everyday word a name list holds only as a possessive's thing ('her car').
  if (prev !== 'her' || (d.anyNames.has(w) && !owned)) return false;
  const [pp] = wordBefore(text, at);
  if (POSSESSIVE_AFTER.has(pp)) return true;
  // A name-list word after a verb that takes her ("named her esperanza", "calls her lola") is what she is called.
  return !(OBJECT_VERBS.has(pp) || (PERSON_BEFORE.has(pp) && (!RELATIONS.has(pp) || d.anyNames.has(w))));
}

/** A title right before `start` ("mrs deh", "Mr. Deh"; round 20): the word after it is a name. */
const TITLE_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${oneOf(SHORT_TITLES)})\\.?[ \\t]+$`, 'iu');
const titled = (text: string, start: number): boolean => TITLE_BEFORE.test(text.slice(Math.max(0, start - 8), start));

/** Whether a word a name list holds, said in another English ("seh", "irie"), is out of a person's slot here. */
function wordNameOutOfSlot(text: string, start: number, end: number, w: string): boolean {
  if (!keepList().scoped.get('word-name')?.has(w)) return false;
  const [prev] = wordBefore(text, start);
  if (PERSON_BEFORE.has(prev) || RELATIONS.has(prev) || titled(text, start)) return false;
  return !PERSON_AFTER.has(wordAfter(text, end));
}

/**
 * Verbs in their base form (messy.ts VERB_NEXT's and more): after one of them a lower-case "will" is the modal, not a
 * name ("the landlord will learn", "the worker will follow up"; "met will at the dropin" and "saw will go in" keep their
 * person).
 */
const BASE_VERBS = new Set([
  ...VERB_NEXT,
  ...set(`
  pay learn follow keep find give tell ask start move check send drop walk look sign apply wait work sleep
  eat use leave lose win hurt kill regret understand know think feel speak listen answer reach connect book
  phone visit attend show live
`),
]);

/** Whether a lower-case "will" is the modal verb here: a base-form verb (or "not"/"never") follows, no person cue before. */
function modalWill(text: string, start: number, end: number, w: string): boolean {
  if (w !== 'will') return false;
  const next = wordAfter(text, end);
  const [prev] = wordBefore(text, start);
  // (Round 13) After a relation or role any English verb follows the modal ("his son will renew it", "the nurse will
  // assess"): BASE_VERBS cannot list them all. Not a function word ("grandpa will and i": a name).
  if (PERSON_NOUNS.has(prev) && !SAFE.has(next) && verbAfter(text, end)) return true;
  if (!(BASE_VERBS.has(next) || next === 'not' || next === 'never' || next === 'prob' || next === 'probably')) return false;
  return !(PERSON_BEFORE.has(prev) && !RELATIONS.has(prev));
}

/** Relations, roles and words for people: a verb after one is what they do ("the nurse say", "the kids love it"). */
const PERSON_NOUNS = new Set([...RELATIONS, ...ROLE_WORDS, ...set(`kids sons daughters boys girls parents ppl people folks
  neighbours neighbors client clients landlady`)].filter((w) => w !== 'named'));
/** Verbs a relation or role does, typed without their -s as many Englishes write them ("my husband say", "kids love it"). */
const DOES = new Set([...BASE_VERBS, ...set(`love like hate miss want carry`)]);
/** Verbs that take a bare verb after them ("helped carry the groceries", "help cook"). */
const HELP = set(`help helps helped helping`);
/** Verbs before "em" ("them", as SMS types it): "told em abt the food drive", "cant tell em apart". */
const EM_VERBS = new Set([...PERSON_BEFORE, ...set(`tell let give gave show get got take took keep bring make made leave left pay
  paid feed fed`)]);

/**
 * (Round 13) A verb the rules read as a name after a relation, a role or a word for people ("kwame the nurse say the
 * ulcer is better", "my husband say i work too much", "the kids love it"), after "help" ("helped carry the groceries"),
 * "em" after a verb ("told em abt the drive"), and "boy" or "girl" after "baby" ("had a baby boy"). A name that is a
 * verb is not after a relation in such a slot: "her son sky" stays hidden, and so does a word before a person's verb
 * or a possessive ("her son will said").
 */
function verbOfPerson(text: string, e: Entity, w: string): boolean {
  const prev = wordBefore(text, e.start)[0];
  if (w === 'em') return EM_VERBS.has(prev);
  if (prev === 'baby') return w === 'boy' || w === 'girl';
  // A person's verb itself too ("auntie brought a tray"), but "jr" ("her son jr") is a name.
  const does = DOES.has(w) || (PERSON_AFTER.has(w) && w !== 'jr');
  if (!does || /^['’]/.test(text.slice(e.end, e.end + 1)) || PERSON_AFTER.has(wordAfter(text, e.end))) return false;
  return PERSON_NOUNS.has(prev) || (HELP.has(prev) && w !== 'will');
}

/** The sentence around [start, end): from the mark before it to the mark after it. */
function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !'.!?\n'.includes(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !'.!?\n'.includes(text[b]!)) b++;
  return text.slice(a, b);
}

/**
 * Whether a span is common English words written in title case ("Today Went Well. Walked To The Park.", a notes-app
 * habit): in a sentence of three words or more, most of them capitalised, a capital says nothing, and words that are
 * common English and in no given-name or word-name list are words.
 */
function titleCaseWords(text: string, e: Entity): boolean {
  const d = dictionaries();
  // The span's words as split(/\s+/) gives them, read one by one: most spans fail at their first word ("John Smith").
  for (let from = e.start; ; ) {
    let to = from;
    while (to < e.end && !isSpace(text.charCodeAt(to))) to++;
    const w = text.slice(from, to);
    const l = w.toLowerCase();
    if (w !== 'I' && (!/^\p{Lu}\p{Ll}+$/u.test(w) || !d.common.has(l) || d.firstNames.has(l) || AMBIGUOUS_NAMES.has(l) || NICKNAMES.has(l))) return false;
    if (to >= e.end) break;
    from = to;
    while (from < e.end && isSpace(text.charCodeAt(from))) from++;
  }
  const all = sentenceAround(text, e.start, e.end).match(/\p{L}+/gu) ?? [];
  const capitalised = all.filter((w) => /^\p{Lu}/u.test(w)).length;
  return all.length >= 3 && capitalised >= 0.7 * all.length;
}

/** Whether a UTF-16 unit is one /\s/ matches (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether another span of `found` sits right before or after `e` (a space between): a part of a longer name. */
function besideSpan(text: string, found: readonly Entity[], e: Entity): boolean {
  return found.some((o) => o !== e && ((o.end <= e.start && blank(text, o.end, e.start)) || (o.start >= e.end && blank(text, e.end, o.start))));
}

/** Whether the one-word span is a function word of the note's French or Spanish ("de", "la", "ella dijo"). */
function foreignFunctionWord(text: string, e: Entity, typed: string): boolean {
  if (/^\p{Lu}/u.test(typed) && !sentenceStart(text, e.start)) return false;
  return foreignWordsOf(text)?.(typed.toLowerCase()) === 2;
}

function sentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '"' || text[i] === '“')) i--;
  return i < 0 || '.!?\n:;'.includes(text[i]!);
}

/** Whether one name span is a word by its place (the rules above); a span beside another is judged in wordsInPlace. */
function givenBack(text: string, e: Entity, found: readonly Entity[]): boolean {
  const typed = text.slice(e.start, e.end);
  if (dishAfterCooking(text, e, typed)) return true;
  // A town said as a place ("moved to edson", "her mom in Kutaisi", "farida from kabul"): towns.ts.
  if (townInPlace(text, e.start, e.end, found)) return true;
  if (/^\p{Lu}/u.test(typed) && titleCaseWords(text, e)) return true;
  if (!/^\p{L}[\p{L}\p{M}'’-]*$/u.test(typed)) return false;
  // A word before a number is part of an address or a code ("a madeira 1"): the detectors' call.
  if (/^[ \t]+\d/.test(text.slice(e.end, e.end + 3))) return false;
  if (foreignFunctionWord(text, e, typed)) return true;
  const w = withoutPossessive(typed).toLowerCase();
  if (capitalKinAfterPossessive(text, e.start, typed, w) || kinAlone(text, e, typed, w, found)) return true;
  if (otherLanguageWord(text, e, typed, w)) return true;
  // A word-name of another English opening a sentence takes its capital from there ("Tansi! …", "Oya, next step").
  if (!WORD.test(typed)) return sentenceStart(text, e.start) && wordNameOutOfSlot(text, e.start, e.end, w);
  return afterDeterminer(text, e.start, e.end, w) || wordNameOutOfSlot(text, e.start, e.end, w) || modalWill(text, e.start, e.end, w) || willAfterName(text, e, found) || theWordOutOfPlace(text, e, typed) || wordSaid(text, e, w) || thingForMe(text, e, w) || verbOfPerson(text, e, w) || wordAsWord(text, e, w);
}

/** Words after which a place may be named by a word of another language ("at karibu", "the kenbe shelter"). */
const PLACE_BEFORE = set(`at to from in into the da tha teh @ near by outta leaving left`);
/** Marks that join a word to a handle, an email, an address or a code. */
const GLUED = /[_@.#/\\\d]/;
/** The same marks after a word; a full stop only before a letter or digit ("mahalo.k", not "said mahalo."). */
const GLUED_AFTER = /^(?:[_@#/\\\d]|\.[\p{L}\d])/u;

/**
 * (Round 25) A lone word of another language's everyday speech (lexicon.ts OTHER_LANGUAGE: thanks, greetings, yes and
 * no, Haitian Creole and Hmong words, none a name any list holds): "said quyana", "kamsahamnida lol", "her txiv came",
 * "Mahalo for the ride". Not after a place word, where a place may be named by it ("at karibu"), nor after a word that
 * takes a person or a title ("met quyana", "mrs tsaug"), nor typed with a capital inside a sentence.
 */
function otherLanguageWord(text: string, e: Entity, typed: string, w: string): boolean {
  if (!OTHER_LANGUAGE.has(w) || (!WORD.test(typed) && !sentenceStart(text, e.start))) return false;
  return outOfPersonAndPlace(text, e);
}

/** No place or person cue nor title before a span, and no handle's, address's or code's mark glued to it. */
function outOfPersonAndPlace(text: string, e: Entity): boolean {
  // A word glued to a handle's, an address's or a code's marks is the detectors' call ("quyana_22", "@mahalo.k").
  if (GLUED.test(text.slice(Math.max(0, e.start - 1), e.start)) || GLUED_AFTER.test(text.slice(e.end, e.end + 2))) return false;
  const prev = wordBefore(text, e.start)[0];
  return !PLACE_BEFORE.has(prev) && !PERSON_BEFORE.has(prev) && !titled(text, e.start);
}

/** Whether a lower-case word is one no given-name or nickname list holds: the rules below give back only such words. */
function noGivenName(w: string): boolean {
  return !dictionaries().firstNames.has(w) && !AMBIGUOUS_NAMES.has(w) && !NICKNAMES.has(w);
}

/** Verbs of saying: the word after one, before "for" or "to", is what was said. */
const SAYING = set(`said says say sez sed saying`);

/**
 * (Round 13) A word after a verb of saying and before "for" or "to" is a thanks or a greeting, in whatever language
 * ("says mahalo for the rice", "said tashakor for the ride", "said salam to every1"): a person is told, not said. Not
 * a name given ("we say ibou for short") nor a given name ("said tony to call"). On the tune files such a word is no
 * identifier about 30 times and a name once (the "for short", kept).
 */
function wordSaid(text: string, e: Entity, w: string): boolean {
  if (!SAYING.has(wordBefore(text, e.start)[0])) return false;
  const rest = /^[ \t]+(for|to)[ \t]+(\p{L}[\p{L}\d'’]*)/u.exec(text.slice(e.end, e.end + 40));
  if (!rest || !noGivenName(w)) return false;
  const [, prep, then] = rest as unknown as [string, string, string];
  // "says deshawn to come home": a verb after "to" makes the word the one told; "said hi to everyone" is said to someone.
  if (prep === 'to') return TOLD_TO.has(then.toLowerCase()) || !dictionaries().english.has(then.toLowerCase());
  return then.toLowerCase() !== 'short';
}

/** Who a greeting is said to: "said salam to every1", "says hi to the group". */
const TOLD_TO = set(`me us him her them you u ya yall everyone every1 everybody all the my his our their your staff group`);

/** Verbs of speaking a language, and the words that may stand between ("speaks only X", "speaks a little X"). */
const SPEAK = set(`speak speaks spoke speaking`);
const SPEAK_HOW = set(`only mostly some little just`);
/** What a dish comes in or by, before "of" ("a tray of X", "lots of X"). */
const CONTAINERS = set(`tray box plate bowl pot cup bag jar bottle pan piece slice loaf lots lot batch`);
/** Who thanks or greetings opening a sentence go to ("X to everybody"), or what they are for ("X for the ride"). */
const THANKED = set(`everyone everybody every1 all u you ya yall`);
const THANKED_FOR = set(`the ur your everything all today`);

/**
 * (Round 13) A word of another language in a slot where it can only be a word: the language someone speaks ("speaks
 * only qeqchi"), a dish by its container ("a tray of X", "lots of X"), a thanks or greeting opening a sentence before
 * whom it goes to or what it is for ("X to everybody", "X for the ride"). None a given name; on the tune files none of
 * these slots holds a labelled name.
 */
function wordAsWord(text: string, e: Entity, w: string): boolean {
  if (!noGivenName(w)) return false;
  const [prev, at] = wordBefore(text, e.start);
  const prev2 = wordBefore(text, at)[0];
  if (SPEAK.has(prev) || (SPEAK_HOW.has(prev) && (SPEAK.has(prev2) || (prev2 === 'a' && prev === 'little')))) return true;
  if (prev === 'of' && CONTAINERS.has(prev2)) return true;
  if (!sentenceStart(text, e.start)) return false;
  const m = /^[ \t]+(for|to)[ \t]+(\p{L}+)/u.exec(text.slice(e.end, e.end + 30));
  return !!m && (m[1] === 'to' ? THANKED : THANKED_FOR).has(m[2]!.toLowerCase());
}

/**
 * Verbs of making or giving with "me" after them: the next word is a thing. Not "calls me": "calls me koukla" is an
 * endearment but "called me keiko again" a name (a tune writer's), and nothing tells them apart.
 */
const TO_ME = set(`made make makes making gave give gives giving brought bring brings bringing bought buy buys cooked cook
  cooks`);

/**
 * (Round 13) A word after "made me", "gave me", "brought me"… is a thing given or made ("made me koshari", "gave me
 * ma'amoul"): the writer is the person there. None a given name, nor someone's before what of theirs ("gave me amina's
 * number"). On the tune files no such word is a labelled name.
 */
function thingForMe(text: string, e: Entity, w: string): boolean {
  const [me, at] = wordBefore(text, e.start);
  if (me !== 'me' || !TO_ME.has(wordBefore(text, at)[0]) || !noGivenName(w)) return false;
  // "gave me deshawn's number", "gave me amins number": someone's, then what of theirs was given.
  return !/^['’]s/.test(text.slice(e.end, e.end + 2)) && !possessive(text.slice(e.start, e.end)) && !OWNED_THING.has(wordAfter(text, e.end));
}

/** What of a person's is given or passed on: "gave me X's number", "brought me X's file". */
const OWNED_THING = set(`number # phone cell address addy email info contact contacts name card file papers stuff keys`);

/** Verbs of cooking: what follows is a dish ("made bolani for the potluck", "cooked jaknik"). */
const COOKED = set(`made make makes making cooked cook cooks cooking baked bake bakes baking fried fry fries frying`);
/** Words that end a dish after a verb of cooking ("made X for", "cooked X and", "made X lol"); not a verb or a
 * determiner ("made safiya cough", "made autumn a vest": a person). */
const AFTER_DISH = set(`for and n & + lol with w again today tonight yesterday this every at on in from or too last`);

/**
 * (Round 11) A word after a verb of cooking and before the end of the clause or a word of AFTER_DISH ("made bolani for
 * the potluck", "cooked jaknik and rice", "makes pepperpot every xmas"): a dish of the writer's language, none a given
 * name. Not after a determiner ("the fries junior dropped"). On the tune files 40 such spans are no identifier and 4
 * are, all a person before a verb or an object ("making safiya cough", "made autumn a vest"), kept here.
 */
function dishAfterCooking(text: string, e: Entity, typed: string): boolean {
  const [prev, at] = wordBefore(text, e.start);
  if (!COOKED.has(prev)) return false;
  const before = wordBefore(text, at)[0];
  if (NO_NAME_AFTER.has(before) || before === 'the') return false;
  const d = dictionaries();
  if (typed.toLowerCase().split(/\s+/).some((w) => d.firstNames.has(w) || AMBIGUOUS_NAMES.has(w) || NICKNAMES.has(w))) return false;
  const rest = text.slice(e.end, e.end + 20);
  if (/^\s*(?:$|[.,!?;:)\n]|\p{Extended_Pictographic})/u.test(rest)) return true;
  return AFTER_DISH.has(wordAfter(text, e.end));
}

/** Words before "the" that make the next word a place someone is at or goes to ("at the X", "to the X"): a facility's slot. */
const PLACE_BEFORE_THE = set(`at to from in into inside near by outside behind across past over on off leaving left visit visited
  visiting frm 2 4 @ @the thru through round around`);
/** Words after a name that make it a family's: "the sylliboy family", "the tran kids". */
const FAMILY_AFTER = set(`family families fam household kids boys girls clan crew house place home residence`);

/**
 * (Round 11) A lower-case word no name or English list holds, after "the" where no place is said ("said the kemem was
 * big", "the wigilia dinner", "the jebena is at my place"): a thing of the writer's other language, not a person. Not
 * after a word of place ("at the rockyview", "to the X": a facility's slot), not a family ("the lysenkos", "the
 * sylliboy family"). On the tune files such a word is no identifier 91 times and a family 5 times (all kept by
 * the guards), and a facility by its acronym once ("the ywca has a bed": words of four letters or fewer stay hidden).
 */
function theWordOutOfPlace(text: string, e: Entity, typed: string): boolean {
  const [prev, at] = wordBefore(text, e.start);
  // Four letters or fewer may be an acronym's facility ("the ywca has a bed").
  if (prev !== 'the' || typed.length < 5 || !WORD.test(typed) || /s$/.test(typed)) return false;
  const d = dictionaries();
  if (d.anyNames.has(typed) || d.english.has(typed) || AMBIGUOUS_NAMES.has(typed) || NICKNAMES.has(typed)) return false;
  if (PLACE_BEFORE_THE.has(wordBefore(text, at)[0])) return false;
  return !FAMILY_AFTER.has(wordAfter(text, e.end));
}

/** A lower-case "will" found apart right after a name, before a verb ("[kofi] [will] cover"): the modal (round 10). */
function willAfterName(text: string, e: Entity, found: readonly Entity[]): boolean {
  if (text.slice(e.start, e.end) !== 'will' || !verbAfter(text, e.end)) return false;
  const name = found.find((o) => o.type === 'NAME' && o.end <= e.start && blank(text, o.end, e.start));
  return !!name && !NICK_QUALIFIER.test(text.slice(name.start, name.end));
}

/** Words that make "will" after them a nickname ("big will", "lil will"), never the modal. */
const NICK_QUALIFIER = /^(?:big|lil|little|old|young)$/i;

/** Past forms: after one, "will" is no modal but a name ("big will got jumped", "will said"). */
const PAST = set(`got said was were went came told gave took made left had did saw ran felt kept brought bought thought found
  sent lost paid met heard fell broke drove wrote stole won hit quit`);

/**
 * Whether a lower-case English word that could follow the modal follows `at` ("tamika will etransfer me", "Kofi will
 * accompany him"): after a name, "will" before it is the modal (round 10; BASE_VERBS above cannot list every verb).
 * Not a capitalised word ("Mary Will Smith"), a given name ("kofi will grace the stage"), a past form or a word in -s
 * ("big will got jumped", "will says"): there "will" is a name.
 */
function verbAfter(text: string, at: number): boolean {
  const m = /^[ \t]+(\p{Ll}+)(?![\p{L}\p{N}'’])/u.exec(text.slice(at, at + 30));
  if (!m) return false;
  const w = m[1]!;
  const d = dictionaries();
  return d.english.has(w) && !d.firstNames.has(w) && !AMBIGUOUS_NAMES.has(w) && !PAST.has(w) && !/(?:ed|s)$/.test(w);
}

/** Words before "at" that aim it at a person ("mad at tanis n kofi", "yelling at"): two people, not a corner. */
const AIMED_AT = set(`mad angry pissed upset annoyed mean rude yell yelled yelling yells scream screamed screaming shout shouted
  shouting swore swearing laugh laughed laughing look looked looking stare stared staring glare glared smile smiled smiling
  wave waved waving snap snapped snapping lash lashed lashing lashes threw throw throwing point pointed pointing`);
/** Words that join two names inside one span ("tanis n kofi", "ali and omar"): no part of either name. */
const JOINING = set(`n and &`);
const SPAN_WORD = /\S+/g;

/**
 * A name span of several words less the words in it that are no name: a joining word between two names ("tanis n
 * kofi" is two names and an "n") and a modal "will" at its end before a verb ("tony will call": the rules join a
 * word-name to the name before it). Only lower-case joining words and "will": "Maria N. Garcia" keeps its initial.
 */
function withoutJoins(text: string, e: Entity): Entity[] {
  const words: Array<[number, number]> = [];
  SPAN_WORD.lastIndex = 0;
  const typed = text.slice(e.start, e.end);
  for (let m = SPAN_WORD.exec(typed); m; m = SPAN_WORD.exec(typed)) words.push([e.start + m.index, e.start + m.index + m[0].length]);
  let last = words.length - 1;
  const lastWord = text.slice(words[last]![0], words[last]![1]);
  // A nickname's "big will", "lil will" is the name whole.
  const nick = last === 1 && NICK_QUALIFIER.test(text.slice(words[0]![0], words[0]![1]));
  if (last >= 1 && lastWord === 'will' && (modalWill(text, words[last]![0], e.end, 'will') || (!nick && verbAfter(text, e.end)))) last--;
  const out: Entity[] = [];
  let from = 0;
  // After "on" two names joined are a corner of two streets ("on cesar chavez n soto"): one place, kept whole. So after
  // "at" or "@" (round 21: "met him at weston n hollis"), unless a word aimed at a person comes before ("mad at").
  const [prev, prevAt] = wordBefore(text, e.start);
  const corner = prev === 'on' || (prev === '' && /@[ \t]*$/.test(text.slice(Math.max(0, e.start - 4), e.start))) || (prev === 'at' && !AIMED_AT.has(wordBefore(text, prevAt)[0]));
  for (let i = 1; i < last && !corner; i++) {
    if (!JOINING.has(text.slice(words[i]![0], words[i]![1]))) continue;
    out.push(entity(words[from]![0], words[i - 1]![1], e.type));
    from = i + 1;
  }
  out.push(entity(words[from]![0], words[last]![1], e.type));
  return out;
}

/**
 * A name span with the surname after it when that surname is a word of a keep group marked "slot" that a name list
 * holds ("kevin irish", "Ahmed Mubarak"): the keep-list keeps the word alone, not a person's last name.
 */
function withSlottedSurname(text: string, e: Entity): Entity {
  // Gate (round 10, outputs identical): a next word of ASCII letters ended by a space, an ASCII mark or the text is the
  // word the regex below reads; when no slotted name is that word, the regex would give `e` back.
  let i = e.end + 1;
  for (let c = text.charCodeAt(i); (c >= 65 && c <= 90) || (c >= 97 && c <= 122); c = text.charCodeAt(++i));
  const after = text.charCodeAt(i);
  if (i < e.end + 40 && (Number.isNaN(after) || (after < 128 && after !== 39 && after !== 45 && !(after >= 48 && after <= 57))) && !slottedNames().has(text.slice(e.end + 1, i).toLowerCase())) return e;
  const m = /^ (\p{L}[\p{L}\p{M}'’-]*)(?![\p{L}\p{N}])/u.exec(text.slice(e.end, e.end + 40));
  if (!m) return e;
  const w = m[1]!.toLowerCase();
  // In a capitalised name the surname is capitalised too ("Kevin Irish"; "Kevin irish music" is not his name).
  if (/^\p{Lu}/u.test(text.slice(e.start, e.end)) !== /^\p{Lu}/u.test(m[1]!)) return e;
  return keepList().slotted.has(w) && dictionaries().anyNames.has(w) ? entity(e.start, e.end + m[0].length, e.type) : e;
}

let slotted: { from: Set<string>; names: Set<string> } | undefined;
/** The words of slotted keep groups that a name list holds (withSlottedSurname's gate), kept with the set read. */
function slottedNames(): Set<string> {
  const from = keepList().slotted;
  if (slotted?.from !== from) slotted = { from, names: new Set([...from].filter((w) => dictionaries().anyNames.has(w))) };
  return slotted.names;
}

/**
 * Whether `w` (a word of the "name-edge-before" group) is a title before `next`: always, unless a given-name list holds
 * `w` too ("Don", "Nani", "Abba"); then only before a given name that is no English word ("Don Aurelio", "Tia Rosa";
 * "Don Smith", "Don Grace" stay whole), or, both typed in lower case and the title no English word, before a word no
 * English list holds (round 9: "dona fatima", "nani sookdeo": the given-name lists miss many names of other languages;
 * "don smith" stays whole).
 */
function titleBefore(w: string, next: string, lower = false): boolean {
  const d = dictionaries();
  return !d.firstNames.has(w) || (!d.common.has(next) && (d.firstNames.has(next) || (lower && !d.common.has(w) && !d.english.has(next))));
}

/**
 * (Round 23) Whether kin word `w` (kinship.ts) is the relation before `next` rather than the first word of a full
 * name: before a given name that is no everyday word ("lola consuelo", "tito nestor", "mamie lucille"); or, both typed
 * in lower case, when no name list holds the kin word ("aama durga", "thambi niro"). Many kin words are given names
 * too ("ama", "zia", "saba", "nana"): before a surname they are the name ("ama mensah", "zia ahmadzai").
 */
function kinBefore(w: string, next: string, lower: boolean): boolean {
  if (!kinWord(w) || next.length < 3) return false;
  const d = dictionaries();
  return !d.common.has(next) && (d.firstNames.has(withoutPossessive(next)) || (lower && !d.anyNames.has(w)));
}

/** Whether both words are typed in lower case ("dona fatima"). */
const allLower = (typed: string): boolean => typed === typed.toLowerCase();

/**
 * A name span less a title or honorific at its edge ("pani Stefaniya", "Khanum Rahimi", "Ato Girma", "Soraya khanum",
 * "krishna sano"): keep-list groups scoped "name-edge-before" and "name-edge-after". A word a given-name list also
 * holds ("Don", "Nani", "Jan") is taken off only where it cannot be the name: before another given name ("Don Aurelio";
 * "Don Smith" stays whole), or after the name in lower case ("javad jan").
 */
function withoutHonorifics(text: string, e: Entity): Entity {
  const typed = text.slice(e.start, e.end);
  const words: Array<[number, number]> = [];
  SPAN_WORD.lastIndex = 0;
  for (let m = SPAN_WORD.exec(typed); m; m = SPAN_WORD.exec(typed)) words.push([e.start + m.index, e.start + m.index + m[0].length]);
  if (words.length < 2) return e;
  const kl = keepList().scoped;
  const before = kl.get('name-edge-before');
  const after = kl.get('name-edge-after');
  const first = dictionaries().firstNames;
  const lower = (k: number): string => text.slice(words[k]![0], words[k]![1]).toLowerCase();
  let a = 0;
  let b = words.length - 1;
  const w0 = lower(0);
  const bothLower = allLower(text.slice(words[0]![0], words[1]![1]));
  if (before?.has(w0) ? titleBefore(w0, lower(1), bothLower) : kinBefore(w0, lower(1), bothLower)) a = 1;
  const wz = lower(b);
  if (b > a && after?.has(wz) && (!first.has(wz) || text.slice(words[b]![0], words[b]![1]) === wz)) b--;
  return a === 0 && b === words.length - 1 ? e : entity(words[a]![0], words[b]![1], e.type);
}

/**
 * Whether the one-word name span `e` is a title or honorific the rules found apart from the name beside it ("[agha]
 * [javad]", "[soraya] [khanum]"), by the same rule as withoutHonorifics.
 */
function honorificBeside(text: string, found: readonly Entity[], e: Entity): boolean {
  const typed = text.slice(e.start, e.end);
  const w = typed.toLowerCase();
  const kl = keepList().scoped;
  const first = dictionaries().firstNames;
  const title = kl.get('name-edge-before')?.has(w);
  if (title || kinWord(w)) {
    const next = found.find((o) => o.type === 'NAME' && o.start >= e.end && blank(text, e.end, o.start));
    const first = next && /^\S+/.exec(text.slice(next.start, next.end))![0];
    if (first && (title ? titleBefore(w, first.toLowerCase(), allLower(typed + first)) : kinBefore(w, first.toLowerCase(), allLower(typed + first)))) return true;
  }
  if (kl.get('name-edge-after')?.has(w) && (!first.has(w) || typed === w)) {
    return found.some((o) => o.type === 'NAME' && o.end <= e.start && blank(text, o.end, e.start));
  }
  return false;
}

/**
 * The name spans of `found` less those given back as words by their place; `known` (names asked to hide) stay, and
 * so does a word beside a span that stays ("tansi castillo": a name of two words; "de la" between two names).
 */
export function wordsInPlace(text: string, found: Entity[], known: readonly Entity[]): Entity[] {
  found = found.map((e) => (e.type === 'NAME' && text.slice(e.start, e.end).includes(' ') && !known.some((k) => k.start < e.end && e.start < k.end) ? withoutHonorifics(text, e) : e));
  if (found.length > 1) {
    const apart = found.filter((e) => e.type === 'NAME' && !/\s/.test(text.slice(e.start, e.end)) && !known.some((k) => k.start < e.end && e.start < k.end) && honorificBeside(text, found, e));
    if (apart.length) found = found.filter((e) => !apart.includes(e));
  }
  if (found.some((e) => e.type === 'NAME' && /\s(?:n|and|&|will)(?:\s|$)/.test(text.slice(e.start, e.end)))) {
    found = found.flatMap((e) => (e.type === 'NAME' && !known.some((k) => k.start < e.end && e.start < k.end) && /\s(?:n|and|&|will)(?:\s|$)/.test(text.slice(e.start, e.end)) ? withoutJoins(text, e) : [e]));
  }
  found = found.map((e) => (e.type === 'NAME' && text.charCodeAt(e.end) === 32 && !found.some((o) => o.start === e.end + 1) ? withSlottedSurname(text, e) : e));
  // Round 25: a town (and its state) typed after a comma right after an address stays ("[ADDRESS], Steinbach [POSTAL]"),
  // beside a postal code or not (address.ts townAfter).
  if (found.length > 1 && found.some((e) => e.type === 'ADDRESS')) found = withoutTowns(text, found, known);
  const back = found.map((e) => !known.some((k) => k.start < e.end && e.start < k.end) && (e.type === 'NAME' ? givenBack(text, e, found) : e.type === 'FACILITY' && townAfterKind(text, e.start, e.end)));
  if (!back.includes(true)) return found;
  const staying = found.filter((_, i) => !back[i]);
  // A modal "will" is no part of the name before it ("Shaylene will not come"), beside it or not.
  return found.filter((e, i) => !back[i] || (!titleCaseWords(text, e) && text.slice(e.start, e.end) !== 'will' && besideSpan(text, staying, e)));
}

/** The name spans of `found` less those inside the town after an address (address.ts townAfter); `known` stay. */
function withoutTowns(text: string, found: Entity[], known: readonly Entity[]): Entity[] {
  const towns: Array<[number, number]> = [];
  for (const e of found) {
    // A lot's park after its comma is the lot's place, not a town ("lot 14, Tundra Ridge"): the writers take it.
    if (e.type !== 'ADDRESS' || text.charCodeAt(e.end) !== 44 || /^lot\b/i.test(text.slice(e.start, e.start + 4))) continue;
    const town = townAfter(text, e.end);
    if (town) towns.push(town);
  }
  if (!towns.length) return found;
  return found.filter((e) => e.type !== 'NAME' || known.some((k) => k.start < e.end && e.start < k.end) || !towns.some(([s, t]) => s <= e.start && e.end <= t));
}
