/**
 * Verbs that take a person, then a thing (round 25, issue 13): "gave rusty a blanket", "grabbed priyanka some food",
 * "got jo a coffee", "made joy a plan", "bought deshawn lunch". The one reader of that slot: the word after such a verb
 * is a person when a thing follows it (givenThing: messy.ts reads it for a word-name, secondMentions.ts for a name
 * found elsewhere), and the verb itself is never a name's first word (classifier/model.ts asks it nothing there).
 * With no person between ("got a coffee", "grabbed some food") nothing is read: the word after the verb is the thing.
 */
import { partOfSpeech } from './partsOfSpeech';

const set = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** What was past (or is done now) to give: read as a verb before a person wherever it stands. */
const GIVEN = set(`
  gave given gives giving got gotten gets getting grabbed grabs grabbing bought buys buying brought brings bringing
  made makes making sent sends sending lent lends lending handed hands handing showed shown shows showing
  found finds finding told tells telling fixed fixes fixing cooked cooks cooking poured pours pouring
  ordered orders ordering saved saves saving paid pays paying owed owes owing texted texts texting
  promised promises promising offered offers offering sold sells selling wrote writes writing taught teaches
  baked bakes baking packed packs packing fetched fetches fetching passed passes passing snagged snags scored
`);
/** The same verbs' base forms ("give jo a ride"): some are names too ("Cook", "Hand"), so they count only before a thing. */
const TO_GIVE = set(`give get grab buy bring make send lend hand show find tell fix cook pour order save pay owe text promise offer
  sell write teach bake pack fetch pass snag`);

/** Whether `w` (lower case) is a verb that gives a person a thing, in a form that is never a name ("grabbed", "gave"). */
export const givingVerb = (w: string): boolean => GIVEN.has(w);

/** Whether `w` (lower case) is a verb that gives a person a thing, in any form. */
export const givesTo = (w: string): boolean => GIVEN.has(w) || TO_GIVE.has(w);

/** What opens the thing given: an article, a determiner, a possessive ("a coffee", "some food", "his meds"). */
const THING_OPENERS = set(`a an the some his her their my your our this that these those another any`);
/**
 * After an article, what says when or how much rather than what ("got rain a lot", "found hope the other day", "made
 * grace this morning"): no thing, so no person before it.
 */
const NO_THING = set(`lot bit little while few couple whole other rest same time times day days week weeks weekend month
  months year years morning night afternoon evening hour hours minute minutes moment`);

/**
 * What someone or something is made or found to be, not a thing made for them: "made faith a priority", "made art a
 * big part of her life", "found hope a comfort" (make and find take a thing's quality as well as a person and a thing).
 */
const NOT_GIVEN = set(`priority priorities habit part point goal focus rule reality struggle challenge comfort problem issue
  mess chore routine hobby`);
/** make and find in every form: the verbs of NOT_GIVEN. */
const MAKE_OR_FIND = set(`made makes making make found finds finding find`);

/** The three words after a person's word (only spaces before each), as typed. */
const WORDS_AFTER = /^[ \t]+(\p{L}+)(?:[ \t]+(\p{L}+))?(?:[ \t]+(\p{L}+))?/u;

/**
 * Whether a thing follows the word ending at `end`: an amount ("gave joe 20 bucks", "$5"; not SMS "2" or "4", "bring
 * boudin 4 the meeting") or an article, determiner or possessive before a word that says no time or amount ("a coffee",
 * "some food", "his meds"; not "a lot", "the other day"). A bare noun is no sign: after a word-name it is as often the
 * thing the word qualifies ("get winter clothes", "gave free lunch"; round 25, development writers).
 */
export function thingAfter(text: string, end: number, verb = ''): boolean {
  if (AMOUNT.test(text.slice(end, end + 8))) return true;
  const m = WORDS_AFTER.exec(text.slice(end, end + 48));
  const then = m?.[2]?.toLowerCase();
  if (!then || !THING_OPENERS.has(m![1]!.toLowerCase()) || NO_THING.has(then)) return false;
  if (!MAKE_OR_FIND.has(verb)) return true;
  // After make or find, the noun (past one adjective or adverb: "a big part", "a top priority") says which it is.
  const noun = /^[AR]$/.test(partOfSpeech(then)) ? (m![3]?.toLowerCase() ?? '') : then;
  return !NOT_GIVEN.has(noun);
}
/** An amount: digits alone or after "$" (not "2day", not a lone SMS "2" or "4"). */
const AMOUNT = /^[ \t]+(?:\$\d|(?![24](?![\d.,]))\d[\d.,]*(?![\p{L}\d]))/u;

/**
 * Whether the word ending at `end` stands after `verb` (lower case), a verb that gives a person a thing, with the thing
 * after it: "grabbed [maria] a coffee", "got [jo] some food", "gave [joe] 20 bucks".
 */
export function givenThing(verb: string, text: string, end: number): boolean {
  return givesTo(verb) && thingAfter(text, end, verb);
}
