/**
 * Word-names used in their word's sense (issue 13, round 9): after the name classifier, a word it took is given back
 * where its neighbours say it is the word, not a person. Each rule names a sense and the context that shows it:
 * - weather: a weather word doing weather ("rain not stopping", "snow all day", "sun and rain are coming", "in the rain");
 * - topic: an abstract noun as what was talked about ("hope came up a lot", "talked about faith", "full of grace and
 *   joy"; every word of a joined list must be one: "grace and i talked" is a person);
 * - drug: a drug's street name beside its drug ("crystal meth", "smoked crystal", "high on tina");
 * - sport: a game after watching or playing it, or before its game ("watching cricket", "playing hockey", "rugby practice");
 * - because: SMS's "because" before the clause it opens ("cos she was tired", "cuz i was late"; round 14: the end
 *   retrain's model took "cos" opening a sentence).
 * Only the classifier's guesses are given back (deidentify.ts runs the rules' names apart), and never a word a person
 * verb or relation stands right before ("met rain", "her sister hope") nor one written with a possessive.
 */
import { PERSON_BEFORE, RELATIONS, VIRTUES, wordVerdict } from './messy';
import { dictionaries } from './dictionaries';

const set = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

const WEATHER = set(`rain snow sun wind storm hail sleet fog frost thunder lightning sunshine drizzle blizzard mist cloud clouds
  ice heat cold breeze`);
/** What weather does after its word: "rain not stopping", "snow coming", "wind all night". */
const WEATHER_AFTER = set(`stopping stopped stops stop letting let pouring poured falling fell melting melted blowing blew howling
  coming starting started again forecast warning warnings storm storms shower showers everywhere overnight`);
/** After "stopped", "again" …: where a person goes or what a person does ("storm stopped by", "rain again said"). */
const PERSON_NEXT = set(`by in over at to with from said says asked called texted came went left back`);
/** After "not": "rain not stopping" is weather, "rain not coming" may be someone. */
const LETTING_UP = set(`stopping stopped stop stops letting let`);
/** What joins two weather words ("sun and rain"), and what after the pair makes them people ("… the twins", "… came"). */
const PAIR = set(`and & n + or`);
const PAIR_PERSON = set(`the both said says came come went left were was called texted`);
/** Before a weather word: "in the rain", "heavy snow", "freezing rain", "no sun", "a cool breeze". */
const WEATHER_BEFORE = set(`the heavy light freezing more some much any hard bad big pouring cold cool warm acid`);
/** After "coming": where a person comes ("rain coming by later" is someone). */
const COMING_TO = set(`by over to with back home in at round around for from up down here there`);

/** Abstract nouns: messy.ts VIRTUES and more. */
const ABSTRACT = new Set([
  ...VIRTUES,
  ...set(`
  truth serenity liberty unity victory blessing blessings memory memories spirit heaven karma promise chance
  courage wisdom strength forgiveness kindness compassion gratitude prayer prayers healing recovery sobriety
  purpose happiness sadness anger grief fear shame guilt loss family
`),
]);
/**
 * SMS's spellings of "because", and the words that open the clause after it (a subject, "of", "the"). Beside the
 * keep-list's SMS words on purpose: the keep-list keeps "bc" and "bcuz" wherever they stand (the model is never asked
 * about them), but "cos", "coz" and "cuz" are on a name list too and "cause", "bcz", "bcos" on no keep-list, so the
 * model may take them and this sense gives them back before a clause. Every spelling is here, so the sense stays right
 * whatever the keep-list holds.
 */
const BECAUSE = set(`cos coz cuz cause bc bcuz bcz bcos`);
const CLAUSE_OPENER = set(`i im i'm ive i've id i'd he hes he's she shes she's they theyre they're we were we're u ur you
  youre you're it its it's of there that this the her his my our their no`);

/** Words that join a list of topics. */
const JOIN = set(`and & n + or ,`);
/** "full of X", "sense of X": a noun of measure or feeling before "of". */
const OF_FRAME = set(`full sense lots lot alot feeling feelings message power words topic source kind lack loss need signs
  sign bit`);
/** "talked about X": a verb of talking (or "a lot") before "about". */
const ABOUT_FRAME = set(`talked talk talking talks spoke speak speaking chatted chat chatting shared share sharing wrote writing
  reflected reflecting thinking thought learned learning lot alot more bit little much prayed praying story stories`);
/** "discussed X": a verb whose object is a topic. */
const TOPIC_VERBS = set(`discussed discuss discussing`);
/** After "came up": where a person comes from or goes ("hope came up from ottawa" is someone). */
const CAME_UP_TO = set(`to from with here there for by the stairs north south and`);

const DRUGS = set(`crystal molly tina christina roxy charlie lucy`);
/** After a drug's name: "crystal meth", "molly pills", "tina pipe". */
const DRUG_AFTER = set(`meth methamphetamine pipe pipes pill pills tabs caps`);
/** Before a drug's name: how a drug is had ("smoked crystal", "some molly", "high on tina" is read as "high on"). */
const DRUG_BEFORE = set(`smoked smoking smokes smoke snorted snorting sniffing shooting shot slamming used use uses using sold
  selling sells buying buy some more bag bags gram grams point points quit quitting addicted`);
/** "high on tina", "hooked on crystal": the words before "on"/"off" that make it a drug. */
const ON_DRUG = set(`high hooked relapsed back started starting coming came get got getting stay stayed`);

const SPORTS = set(`cricket hockey soccer football basketball baseball rugby golf tennis lacrosse volleyball bingo darts
  bowling curling boxing wrestling softball badminton chess poker cribbage crib pool snooker billiards netball handball
  polo archery`);
/** Before a game: "watching cricket", "playing the hockey", "a game of cricket". */
const SPORT_BEFORE = set(`watch watching watched watches play playing played plays at of love loves loved into`);
/** After a game: "cricket match", "hockey practice". */
const SPORT_AFTER = set(`game games match matches practice team teams season night club league tournament field bat ball stick
  highlights final finals`);

/** Words that make a shade of the colour after them ("royal blue", "navy blue", "baby pink"): a colour, not a person. */
const SHADE = set(`royal navy baby sky forest lime hot pale neon olive hunter kelly dusty powder midnight electric steel slate
  sea cherry candy blood bright dark light deep`);
export const COLOURS = set(`blue green red pink purple yellow orange grey gray white black brown teal maroon`);
/** Labels a phone number is given right before it ("cell 780…", "mobile: 587…"): the label, not a person. */
const PHONE_LABELS = set(`cell cel cellphone mobile mob phone ph tel txt text landline`);
/** What follows a phone label: punctuation, then the number's first digit, "+" or "(" (full-width digits too). */
const NUMBER_NEXT = /^[ \t]*[:#.-]?[ \t]*[+(0-9\uFF10-\uFF19]/u;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’/&+-]*|[,&+]/gu;

/** Up to `n` words before `at` in its sentence, nearest first, lower-cased ("," "&" "+" count as words). */
function before(text: string, at: number, n: number): string[] {
  let a = at;
  while (a > 0 && !'.!?\n;:'.includes(text[a - 1]!) && at - a < 80) a--;
  return (text.slice(a, at).toLowerCase().match(WORD) ?? []).reverse().slice(0, n);
}

/** Up to `n` words after `at` in its sentence, lower-cased. */
function after(text: string, at: number, n: number): string[] {
  let b = at;
  while (b < text.length && !'.!?\n;:'.includes(text[b]!) && b - at < 80) b++;
  return (text.slice(at, b).toLowerCase().match(WORD) ?? []).slice(0, n);
}

/** A person verb or relation right before: "met rain", "her sister hope" are people whatever the word. */
function personSlot(prev: string | undefined): boolean {
  return prev !== undefined && (PERSON_BEFORE.has(prev) || RELATIONS.has(prev));
}

function weather(w: string, b: string[], a: string[]): boolean {
  if (!WEATHER.has(w)) return false;
  const [a1, a2] = a;
  if (a1 === 'coming') return !COMING_TO.has(a2 ?? '');
  if (a1 && WEATHER_AFTER.has(a1)) return !PERSON_NEXT.has(a2 ?? '');
  if ((a1 === 'not' || a1 === 'wont' || a1 === "won't" || a1 === 'never') && a2 && LETTING_UP.has(a2)) return true;
  if (a1 === 'all' && (a2 === 'day' || a2 === 'night' || a2 === 'week' || a2 === 'weekend')) return true;
  // Two weather words joined: "sun and rain are coming", "rain n snow" (not "dawn and rain": dawn is no weather; not
  // "rain n storm the twins came", "sunshine, sunshine thomas": two people, or one said twice).
  if (a1 && PAIR.has(a1) && a2 && a2 !== w && WEATHER.has(a2)) return !PAIR_PERSON.has(a[2] ?? '');
  if (b[0] && PAIR.has(b[0]) && b[1] && b[1] !== w && WEATHER.has(b[1])) return !PAIR_PERSON.has(a1 ?? '');
  return b[0] !== undefined && WEATHER_BEFORE.has(b[0]);
}

/** The words of the list of abstract nouns `w` stands in, and what is before and after that list. */
function topicList(b: string[], a: string[]): { b: string[]; a: string[] } | null {
  let i = 0;
  while (b[i] && JOIN.has(b[i]!) && b[i + 1]) {
    if (!ABSTRACT.has(b[i + 1]!)) return null;
    i += 2;
  }
  let j = 0;
  while (a[j] && JOIN.has(a[j]!) && a[j + 1]) {
    if (!ABSTRACT.has(a[j + 1]!)) return null;
    j += 2;
  }
  return { b: b.slice(i), a: a.slice(j) };
}

function topic(w: string, b0: string[], a0: string[]): boolean {
  if (!ABSTRACT.has(w)) return false;
  const list = topicList(b0, a0);
  if (!list) return false;
  const { b, a } = list;
  if (b[0] === 'of' && b[1] && OF_FRAME.has(b[1])) return true;
  if ((b[0] === 'about' || b[0] === 'abt' || b[0] === 'bout') && b[1] && ABOUT_FRAME.has(b[1])) return true;
  if (b[0] && TOPIC_VERBS.has(b[0])) return true;
  // "hope came up a lot": a topic; "hope came up from ottawa": someone.
  if ((a[0] === 'came' || a[0] === 'comes' || a[0] === 'come' || a[0] === 'keeps') && (a[1] === 'up' || (a[1] === 'coming' && a[2] === 'up'))) {
    return !CAME_UP_TO.has(a[a[1] === 'up' ? 2 : 3] ?? '');
  }
  return (a[0] === 'was' || a[0] === 'is') && (a[1] === 'a' || a[1] === 'the') && (a[2] === 'theme' || a[2] === 'topic' || a[3] === 'theme' || a[3] === 'topic');
}

/** A thing given after the word: "sold molly a bike", "got crystal some socks" make it a person. */
const GIVEN = set(`a an the his her their some sum`);

function drug(w: string, b: string[], a: string[]): boolean {
  if (!DRUGS.has(w)) return false;
  if (a[0] && GIVEN.has(a[0])) return false;
  if (b[0] && DRUG_BEFORE.has(b[0])) return true;
  return (b[0] === 'on' || b[0] === 'off') && b[1] !== undefined && ON_DRUG.has(b[1]);
}

function sport(w: string, b: string[]): boolean {
  if (!SPORTS.has(w)) return false;
  const prev = b[0] === 'the' || b[0] === 'some' ? b[1] : b[0];
  return prev !== undefined && SPORT_BEFORE.has(prev);
}

export type WordSense = 'weather' | 'topic' | 'drug' | 'sport' | 'colour' | 'label' | 'because';

/**
 * The sense in which the one word at [start, end) of `text` is a word, not a person, or null: the post-classifier keep
 * rules above. A possessive ("rain's") or a person verb or relation before it leaves it a person.
 */
export function wordSense(text: string, start: number, end: number): WordSense | null {
  const w = text.slice(start, end).toLowerCase();
  if (!/^\p{L}+$/u.test(w) || /^['’]/.test(text.slice(end, end + 1))) return null;
  const a = after(text, end, 8);
  // A word that names its thing with the next one ("Crystal meth", "cricket match") is that thing after any verb.
  if (a[0] && ((DRUGS.has(w) && DRUG_AFTER.has(a[0])) || (SPORTS.has(w) && SPORT_AFTER.has(a[0])))) return DRUGS.has(w) ? 'drug' : 'sport';
  const b = before(text, start, 8);
  if (personSlot(b[0])) return null;
  // A shade before its colour ("royal blue paint") and a label before its number ("met John, cell 780…") (round 11).
  if (a[0] && SHADE.has(w) && COLOURS.has(a[0])) return 'colour';
  if (PHONE_LABELS.has(w) && NUMBER_NEXT.test(text.slice(end))) return 'label';
  if (BECAUSE.has(w) && a[0] !== undefined && CLAUSE_OPENER.has(a[0])) return 'because';
  if (weather(w, b, a)) return 'weather';
  if (topic(w, b, a)) return 'topic';
  if (drug(w, b, a)) return 'drug';
  if (sport(w, b)) return 'sport';
  return null;
}

/** Letters and digits: what a word is made of. */
const WORDISH = /[\p{L}\p{N}]/u;
/** What may stand between the words of a run ("weary weary", "weary, weary"): no sentence ends inside one. */
const RUN_GAP_CHARS = /[\s,]/u;
const RUN_GAP = 3;

/** How many times `w` (lower case) is said again right after `at` (step 1) or right before it (step -1). */
function repeats(text: string, at: number, w: string, step: 1 | -1): number {
  let n = 0;
  let p = at;
  for (;;) {
    let gap = 0;
    let q = step === 1 ? p : p - 1;
    while (q >= 0 && q < text.length && RUN_GAP_CHARS.test(text[q]!) && gap <= RUN_GAP) {
      q += step;
      gap++;
    }
    if (gap === 0 || gap > RUN_GAP) return n;
    // The same word next, whole: nothing of a word right past it.
    const from = step === 1 ? q : q + 1 - w.length;
    if (from < 0 || text.slice(from, from + w.length).toLowerCase() !== w) return n;
    const edge = step === 1 ? text[from + w.length] : text[from - 1];
    if (edge !== undefined && WORDISH.test(edge)) return n;
    n++;
    p = step === 1 ? from + w.length : from;
  }
}

/**
 * Round 10: a run of one word said three times or more in a row ("weary weary weary …", "grace grace grace", a word
 * held down to fill a box) is no name, whoever found it: no person is named that way, and the run's words hand each
 * other every cue of a name written again. [start, end) is one span; it is in a run when its words are one word and
 * that word, with its repeats right before and after, is said three times or more. Twice ("kofi kofi", a slip) is not.
 */
export function inRunOfOneWord(text: string, start: number, end: number): boolean {
  const span = text.slice(start, end).toLowerCase();
  // Most spans are one word: its repeats right after and before it, no more.
  if (!RUN_GAP_CHARS.test(span)) return repeats(text, end, span, 1) + repeats(text, start, span, -1) >= 2;
  const words = span.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu);
  if (!words?.every((x) => x === words[0])) return false;
  return words.length + repeats(text, end, words[0]!, 1) + repeats(text, start, words[0]!, -1) >= 3;
}

/**
 * Round 19: a run of a word a name list holds and no dictionary reads as a word (four letters or more, no doubled
 * syllable) is someone called over and over ("omid, omid, omid lol he called 5 times"), not a word held down: it
 * stays hidden.
 */
function calledOver(text: string, start: number, end: number): boolean {
  const w = /[\p{L}]+/u.exec(text.slice(start, end))?.[0]?.toLowerCase();
  // Three letters or a doubled syllable is a sound as often: a phone's "wei wei wei", a song's "lala lala lala".
  const d = dictionaries();
  return !!w && w.length >= 4 && !/^(.{2})\1$/u.test(w) && d.anyNames.has(w) && !d.english.has(w) && wordVerdict(w) === 'name';
}

/** A NAME span given back as a run of one word. */
const runGivenBack = (text: string, e: { start: number; end: number; type: string }): boolean =>
  e.type === 'NAME' && inRunOfOneWord(text, e.start, e.end) && !calledOver(text, e.start, e.end);

/**
 * `found` without the names that are runs of one word (inRunOfOneWord()); the same array when there are none. Round 26:
 * a run of a name found outside any run in the note, no English word, stays hidden ("met [hari] … hari hari hari lol",
 * someone called over and over; "[joy] called … she says joy joy joy" is the word).
 */
export function withoutRuns<T extends { start: number; end: number; type: string }>(text: string, found: T[]): T[] {
  const runs = found.filter((e) => runGivenBack(text, e));
  if (!runs.length) return found;
  const named = new Set<string>();
  for (const e of found) if (e.type === 'NAME' && !runs.includes(e)) for (const w of text.slice(e.start, e.end).toLowerCase().split(/[ \t]+/)) named.add(w);
  const back = named.size ? runs.filter((e) => !calledAgain(named, RUN_WORD.exec(text.slice(e.start, e.end).toLowerCase())?.[0] ?? '')) : runs;
  return back.length ? found.filter((e) => !back.includes(e)) : found;
}
/** A run's word that is a name found outside the run and no English word ("joy joy joy" is the word said). */
const calledAgain = (named: ReadonlySet<string>, w: string): boolean => named.has(w) && !dictionaries().english.has(w);
/** A run span's first word. */
const RUN_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/u;
