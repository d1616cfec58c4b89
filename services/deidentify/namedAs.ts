/**
 * Round 13 (names by rules): a word the note itself says is a name. After "his name is", "her last name is", "the baby's
 * name is", "aka", "goes by" and "they call him" the next word is a name whatever word it is — "her name is lovely",
 * "his last name is states", "aka z", "goes by phone", "they call him little" — a slot no name list or word verdict
 * decides. The words that describe a name or say where it is stay: "her name is on the list", "his last name is long",
 * "his name is short for vakameasina", "call her back", "calls her crying".
 */
import type { Entity } from './types';
import { DETERMINERS, RELATIONS, ROLE_WORDS, SAFE, wordVerdict } from './messy';
import { KEEP, TITLES } from './lexicon';
import { cue, mayHold } from './cues';
import { blank, possessive, stemEnd, type Token, withoutPossessive, wordsOf } from './words';

const NAMING_CUE = cue('', 'name nickname aka goes go call calls called');

/** Words before "name" that make it a person's name: "his real name", "her last name", "the family name". */
const OWNERS = new Set('his her their real last first middle legal given full birth family actual proper christian nick'.split(' '));
/** Animals: "the dog name is tank", "pet's name is biscuit" — a pet's name is no identifier. */
const ANIMAL = /^(?:dog|dogs|cat|cats|pet|pets|puppy|puppys|kitten|kittens|horse|horses|bird|birds|fish)(?:['’]s)?$/;
/** Adverbs between "is" and the name: "his name is really king", "her name is actually lorraine". */
const HEDGES = new Set('actually really just also now legally officially'.split(' '));
/** What is said of a name rather than the name: "his last name is long", "her name is spelled wrong". */
const SAID_OF_A_NAME = new Set(
  'long short hard weird wrong funny different same spelled spelt misspelled misspelt unusual common tricky complicated easy similar too so very written printed missing there here still'.split(' '),
);
/** After "call him" / "called her": a time, a place or a manner, not a name ("call her back", "called him tmrw"). */
const CALL_NOT = new Set(
  'back tmrw tmr tomorrow tonight tonite later asap now rn today yesterday again first after before instead every when if about abt lol names name out over up down in on at'.split(' '),
);
/** Endearments a person is called that are no name: "calls her honey". */
const ENDEARMENTS = new Set('honey darling sweetie sweetheart babe baby hun hon dear love sugar bro sis boss chief buddy'.split(' '));
/** The clause goes on after a nickname given by "call him": "they call him little, even the doctor", "called her hope and it stuck". */
const CLAUSE_END = /^[ \t]*(?:$|[,.!?;:)\n]|(?:and|but|lol|cause|cuz|bc|because|since|now|too|n)\b)/i;

/** The word at toks[k] may be a name given by a naming phrase: a word, none of the function words, roles or kin. */
function mayBeGiven(t: Token | undefined): boolean {
  if (!t || !/^\p{L}/u.test(t.raw)) return false;
  const w = withoutPossessive(t.lower);
  return !SAFE.has(w) && !DETERMINERS.has(w) && !RELATIONS.has(w) && !ROLE_WORDS.has(w) && !TITLES.has(w) && !SAID_OF_A_NAME.has(w) && !HEDGES.has(w);
}

/** The index of the name a naming phrase ending at token k (its last word) gives, or -1. */
function givenAfter(text: string, toks: readonly Token[], k: number): number {
  let j = k + 1;
  if (!toks[j] || !blank(text, toks[k]!.end, toks[j]!.start)) return -1;
  while (HEDGES.has(toks[j]!.lower) && toks[j + 1] && blank(text, toks[j]!.end, toks[j + 1]!.start)) j++;
  return mayBeGiven(toks[j]) ? j : -1;
}

/** The name-like words right after a given name ("his real name is young kim", "her name is bui thi lan"): at most two. */
function restOfName(text: string, toks: readonly Token[], j: number): number {
  let last = j;
  for (let n = j + 1; n <= j + 2 && toks[n] && blank(text, toks[n - 1]!.end, toks[n]!.start); n++) {
    if (wordVerdict(toks[n]!.lower) !== 'name') break;
    last = n;
  }
  return last;
}

/** The indexes of the words a naming phrase in the note gives as names. */
function namedWords(text: string, toks: readonly Token[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k]!.lower;
    const next = toks[k + 1];
    const joined = (a: number) => !!toks[a + 1] && blank(text, toks[a]!.end, toks[a + 1]!.start);
    if ((w === 'name' || w === 'nickname' || w === "name's" || w === 'name’s') && k > 0 && joined(k - 1)) {
      // "his name is X", "the baby's name is X", "her nickname was X"; not "the dog name is tank".
      const owner = toks[k - 1]!.lower;
      // A possessive typed without its apostrophe after a determiner counts: "the babys name is".
      const bareOwner = /s$/.test(owner) && k > 1 && DETERMINERS.has(toks[k - 2]!.lower) && joined(k - 2);
      if (ANIMAL.test(owner) || !(OWNERS.has(owner) || possessive(owner) || bareOwner || (w === 'nickname' && (owner === 'a' || owner === 'the')))) continue;
      let v = k;
      if (w === 'name' || w === 'nickname') {
        if (!next || !joined(k) || (next.lower !== 'is' && next.lower !== 'was')) continue;
        v = k + 1;
      }
      const j = givenAfter(text, toks, v);
      if (j >= 0) out.push(j);
    } else if (w === 'aka' || (w === 'goes' && next?.lower === 'by' && joined(k))) {
      // "florence aka floss", "phonesavanh goes by phone".
      const j = givenAfter(text, toks, w === 'aka' ? k : k + 1);
      if (j >= 0) out.push(j);
    } else if ((w === 'call' || w === 'calls' || w === 'called') && next && joined(k) && /^(?:him|her|them)$/.test(next.lower)) {
      // "they call him little", "everyone calls her baby, even the doctor"; not "call her back", "called him crying".
      const j = givenAfter(text, toks, k + 1);
      if (j < 0 || j !== k + 2) continue;
      const x = toks[j]!.lower;
      // What someone is called that is no name: an everyday word no name list holds ("called her lazy"), a kin word ("baba").
      if (CALL_NOT.has(x) || ENDEARMENTS.has(x) || KEEP.has(x) || wordVerdict(x) === 'word' || /(?:ing|in)$/.test(x) || !CLAUSE_END.test(text.slice(toks[j]!.end, toks[j]!.end + 12))) continue;
      out.push(j);
    }
  }
  return out;
}

/** The names found, with the words the note says are names added (never a word inside another span). */
export function namedAs(text: string, found: Entity[]): Entity[] {
  if (!mayHold(text, NAMING_CUE)) return found;
  const toks = wordsOf(text);
  const added: Entity[] = [];
  for (const j of namedWords(text, toks)) {
    const t = toks[j]!;
    const last = toks[restOfName(text, toks, j)]!;
    const start = t.start;
    // A possessive's 's stays outside, as it does for every name ("his name is ray's, not mine" aside).
    const end = stemEnd(last);
    if (found.some((e) => e.start < end && start < e.end) || added.some((e) => e.start < end && start < e.end)) continue;
    added.push({ start, end, type: 'NAME' });
  }
  return added.length ? [...found, ...added].sort((a, b) => a.start - b.start) : found;
}
