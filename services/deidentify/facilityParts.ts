/**
 * Round 26: a place's first word left visible before a name the rules hid ("at souls [NAME]", "to Shock [NAME]",
 * "brought her to Wat [NAME]"): after a place preposition, one word that is no function word, verb, role, kin word,
 * kind or generic place, and the name after it, are one facility. Run after every name step (deidentify.ts), so a name
 * any step found is read.
 */
import type { Entity } from './types';
import { RELATIONS, ROLE_WORDS, SAFE, VERB_NEXT } from './messy';
import { GENERIC_PLACES, KIND_WORDS, OWNER_WORDS } from './messyPatterns';
import { KEEP, MONTHS, TITLES, WEEKDAYS } from './lexicon';
import { kinWord } from './kinship';
import { ownerMarked } from './words';
import { isTownName } from './towns';
import { PLACE_KIND } from './placeKinds';

/** A place preposition (an article after it) and one word right before a name: the word is group 1. */
const HEAD = /(?:^|[^\p{L}\p{N}'’-])(?:at|to|from|into|frm|outta|@)\s+(?:(?:the|da|tha|teh)\s+)?(\p{L}[\p{L}'’-]*) $/iu;
const CAPITAL = /^\p{Lu}/u;
const ARTICLE = /^(?:the|da|tha|teh|le|la|el)$/;
/** Verbs that take a person after "to" ("to Visit [NAME]", "to Ask [NAME]"), with VERB_NEXT's. */
const TO_PERSON = new Set(['visit', 'tell', 'ask', 'thank', 'hug', 'remind', 'introduce', 'mentor', 'teach', 'show', 'pay', 'give', 'send', 'email', 'phone', 'ring', 'wish', 'move', 'feed', 'cook', 'sit', 'relieve', 'cover']);

function headWord(w: string): boolean {
  const l = w.toLowerCase();
  if (l.length < 2 || SAFE.has(l) || ARTICLE.test(l) || KEEP.has(l) || KIND_WORDS.has(l) || GENERIC_PLACES.has(l) || TITLES.has(l) || ROLE_WORDS.has(l) || RELATIONS.has(l) || VERB_NEXT.has(l) || TO_PERSON.has(l)) return false;
  if (MONTHS.includes(l) || WEEKDAYS.includes(l) || kinWord(l) || OWNER_WORDS.test(l) || ownerMarked(l)) return false;
  return true;
}

/** `found` with each name (or run of names one space apart) that a place's first word opens made one FACILITY. */
export function withPlaceHeads(text: string, found: Entity[]): Entity[] {
  let out: Entity[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const e = found[i]!;
    if (e.type !== 'NAME') continue;
    const prev = found[i - 1];
    if (prev && prev.end + 1 >= e.start) continue;
    const m = HEAD.exec(text.slice(Math.max(0, e.start - 40), e.start));
    // Only a word and a name both written with a capital: a lower-case word there is most often a verb ("to tell [NAME]").
    if (!m || !CAPITAL.test(m[1]!) || !CAPITAL.test(text.slice(e.start, e.start + 1)) || !headWord(m[1]!)) continue;
    let last = i;
    while (found[last + 1]?.type === 'NAME' && found[last + 1]!.start === found[last]!.end + 1 && text[found[last]!.end] === ' ') last++;
    const from = e.start - m[1]!.length - 1;
    if (prev && prev.end > from) continue;
    const end = found[last]!.end;
    if (isTownName(text.slice(from, end).toLowerCase())) continue;
    out ??= [...found];
    const at = out.indexOf(e);
    out.splice(at, last - i + 1, { start: from, end, type: 'FACILITY' });
  }
  return out ?? found;
}

/** A kind of place that ends a capitalised run (or comes before its "of …"): placeKinds.ts's, and a hall or a house. */
const RUN_KIND = new RegExp(String.raw`^(?!services$)(?:${PLACE_KIND}|tabernacle|lodge|mission)$`, 'iu');
/** A kind that is a surname too ("Ruby Hall"): only before its "of …" ("Hall of Queens"). */
const RUN_KIND_OF = /^(?:hall|house)$/i;
/** A capitalised or joining word one space before or after a name (withCapitalRuns' gate). */
const BESIDE_BEFORE = /(?:\p{Lu}[\p{L}'’-]*|\b(?:of|de|du|des)|&) $/u;
const BESIDE_AFTER = /^ (?:\p{Lu}|(?:of|de|du|des|&) )/u;
/** A capitalised word, or a joining word inside a name ("Church of Grace", "Saint & Mary"). */
const RUN_WORD = /^(?:\p{Lu}[\p{L}'’-]*|of|de|du|des|&)$/u;

/**
 * Round 26: a capitalised place's name the name rules hid in part ("[NAME] Apostolic Church of [NAME]", "Tibetan [NAME]
 * Hall of Queens", "[NAME] Light Temple"): a run of capitalised words one space apart, no function word, kin word, role
 * or title among them, that holds a name found and a word left visible and ends on a kind of place (or a kind and its
 * "of …"), is one facility.
 */
export function withCapitalRuns(text: string, found: Entity[]): Entity[] {
  // A name inside such a run has a capitalised word or a joining word one space beside it: most notes have none.
  if (!found.some((e) => e.type === 'NAME' && (BESIDE_BEFORE.test(text.slice(Math.max(0, e.start - 24), e.start)) || BESIDE_AFTER.test(text.slice(e.end, e.end + 6))))) return found;
  let out: Entity[] | undefined;
  const re = /[\p{L}][\p{L}'’-]*|&/gu;
  const words: Array<{ w: string; start: number; end: number }> = [];
  for (const m of text.matchAll(re)) words.push({ w: m[0], start: m.index!, end: m.index! + m[0].length });
  let i = 0;
  while (i < words.length) {
    // The longest run from i of capitalised words (joining words inside) one space apart.
    let j = i;
    if (!CAPITAL.test(words[i]!.w) || !runWord(words[i]!.w)) {
      i++;
      continue;
    }
    while (j + 1 < words.length && text.slice(words[j]!.end, words[j + 1]!.start) === ' ' && RUN_WORD.test(words[j + 1]!.w) && runWord(words[j + 1]!.w)) j++;
    while (j > i && !CAPITAL.test(words[j]!.w)) j--;
    const next = j + 1;
    // The kind: the run's last word, or the last word before its "of …".
    let k = j;
    for (let x = i + 1; x <= j; x++) if (/^of$/i.test(words[x]!.w)) { k = x - 1; break; }
    if (j > i && k >= i && (RUN_KIND.test(words[k]!.w) || (k < j && RUN_KIND_OF.test(words[k]!.w)))) {
      const start = words[i]!.start;
      const end = words[j]!.end;
      const cur = out ?? found;
      const over = cur.filter((e) => e.start < end && start < e.end);
      const inside = over.every((e) => e.start >= start && e.end <= end);
      const names = over.filter((e) => e.type === 'NAME').length;
      let covered = 0;
      for (const e of over) covered += e.end - e.start;
      if (inside && names && over.every((e) => e.type === 'NAME' || e.type === 'FACILITY') && covered < end - start - 1) {
        out = [...cur.filter((e) => !over.includes(e)), { start, end, type: 'FACILITY' as const }].sort((a, b) => a.start - b.start);
      }
    }
    i = next;
  }
  return out ?? found;
}

/** A word a capitalised place's name may hold: no function word, kin word, role, title, month or weekday. */
function runWord(w: string): boolean {
  const l = w.toLowerCase();
  if (/^(?:of|de|du|des|&)$/.test(l)) return true;
  return !(SAFE.has(l) || ARTICLE.test(l) || TITLES.has(l) || ROLE_WORDS.has(l) || RELATIONS.has(l) || kinWord(l) || MONTHS.includes(l) || WEEKDAYS.includes(l));
}
