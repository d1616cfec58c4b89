/**
 * The domain keep-list (content/deid-keep.json, checked against content/schemas/deid-keep.schema.json when first
 * read): chains, programs, mutual-aid groups, medications, SMS words, roles, provinces and big cities. A single
 * word on it is never a name; a phrase on it ("Ontario Works", "the mens group") is never hidden as a name or place.
 */
import type { Entity } from './types';
import { readCheckedList } from '../content/checkedList';
import { escapeRegExp } from '../escapeRegExp';

export interface KeepList {
  /** Single words, lower case. */
  words: Set<string>;
  /** Phrases of two words or more, lower case, longest first. */
  phrases: string[];
  /** Each group's terms, lower case, by group id ("chains", "places"): for rules that need one kind of word. */
  groups: Map<string, Set<string>>;
  /**
   * Words of a group scoped to a language ("scope": "french"), by language: words only in a note that reads as that
   * language (language.ts), never in the words above ("pis", "chu" are a surname or a word in an English note).
   */
  scoped: Map<string, Set<string>>;
  /** Single words of the groups marked "slot": a name list may hold them, and then a person slot makes them a name. */
  slotted: Set<string>;
  /**
   * Terms of the groups marked "case": "exact", as written ("AMA", "ED", "NA"): kept only in those capitals, never in
   * the words above (in lower case they are given names: "ama", "Ed", "Na"). See keptAsWritten().
   */
  exact: Set<string>;
}

let cached: KeepList | undefined;

export function keepList(): KeepList {
  if (cached) return cached;
  const data = readCheckedList<{ groups: Array<{ terms: string[]; scope?: string; slot?: boolean; case?: 'exact' }> }>('deid-keep.json');
  const words = new Set<string>();
  const phrases = new Set<string>();
  const groups = new Map<string, Set<string>>();
  const scoped = new Map<string, Set<string>>();
  const slotted = new Set<string>();
  const exact = new Set<string>();
  for (const g of data.groups as Array<{ id: string; terms: string[]; scope?: string; slot?: boolean; case?: 'exact' }>) {
    if (g.case === 'exact') {
      for (const t of g.terms) exact.add(t.trim());
      continue;
    }
    if (g.scope) {
      const inScope = scoped.get(g.scope) ?? new Set<string>();
      scoped.set(g.scope, inScope);
      for (const t of g.terms) inScope.add(t.toLowerCase().trim());
      continue;
    }
    const group = groups.get(g.id) ?? new Set<string>();
    groups.set(g.id, group);
    for (const t of g.terms) {
      const l = t.toLowerCase().trim();
      group.add(l);
      if (/[\s]/.test(l)) phrases.add(l);
      else words.add(l);
      if (g.slot && !/[\s]/.test(l)) slotted.add(l);
    }
  }
  cached = { words, phrases: [...phrases].sort((a, b) => b.length - a.length), groups, scoped, slotted, exact };
  return cached;
}

/**
 * Whether text[start, end) is a term kept as written ("left AMA", "took him to ED", "goes to NA"): those capitals
 * exactly, in a note not written in capitals (where "AMA" may be the name "Ama" shouted). Other cases of the same
 * letters are left to the name rules ("ama came by", "Ed called").
 */
export function keptAsWritten(text: string, start: number, end: number): boolean {
  if (end - start > 4 || !keepList().exact.has(text.slice(start, end))) return false;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return lower > upper;
}

/** The terms of some keep-list groups together (lower case); an unknown id adds nothing. */
export function keepGroups(...ids: string[]): Set<string> {
  const out = new Set<string>();
  for (const id of ids) for (const t of keepList().groups.get(id) ?? []) out.add(t);
  return out;
}

let phraseRe: RegExp | undefined;
/** The ASCII words of the keep-list's phrases (runs of letters and digits, lower case); undefined when unsafe. */
let phraseWords: Set<string> | undefined | null = null;

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Whether a keep-list phrase may cover the character at `at` (false only when none can): a phrase is matched at word
 * edges, so the run of letters and digits around `at` would be one of its words whole. Lets dropKept skip the phrase
 * regex for a name no phrase holds. Conservative outside ASCII (case folding) and for runs of 40 or more (its window).
 */
export function phraseMayCover(text: string, at: number): boolean {
  if (phraseWords === null) {
    const words = keepList().phrases.flatMap((p) => p.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
    // Under the regex's case folding an ASCII word matches no word outside ASCII but one with a long s or a kelvin sign.
    phraseWords = words.some((w) => /[\u017f\u212a]/.test(w)) ? undefined : new Set(words.filter((w) => /^[a-z0-9]+$/.test(w)));
  }
  if (!phraseWords || at >= text.length || !isAsciiAlnum(text.charCodeAt(at))) return true;
  let s = at;
  let e = at + 1;
  while (s > 0 && isAsciiAlnum(text.charCodeAt(s - 1))) s--;
  while (e < text.length && isAsciiAlnum(text.charCodeAt(e))) e++;
  // A neighbour outside ASCII may be a letter of the run.
  if ((s > 0 && text.charCodeAt(s - 1) >= 128) || (e < text.length && text.charCodeAt(e) >= 128) || e - s >= 40) return true;
  return phraseWords.has(text.slice(s, e).toLowerCase());
}

/** Where keep-list phrases sit in the text (any case, whole words). */
export function keepPhraseSpans(text: string): Entity[] {
  phraseRe ??= new RegExp(`(?<![\\p{L}\\p{N}])(?:${keepList().phrases.map((p) => escapeRegExp(p).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const out: Entity[] = [];
  phraseRe.lastIndex = 0;
  for (let m = phraseRe.exec(text); m; m = phraseRe.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, type: 'NAME' });
  return out;
}
