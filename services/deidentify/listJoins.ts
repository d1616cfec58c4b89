/**
 * Round 13: the one reader of "names joined in a list" ("sky and dre", "me n kai", "bo w lulu", "tash an jo",
 * "memo & paty", "dre/kai"). messy.ts (pairs, lists, coordination), nameNeighbours.ts (list-mates of a found name) and
 * the classifier (model.ts: a word first in a list, kind 12) each read their own joiners until round 12, and disagreed
 * ("w" in one, "/" in another, "an" in a third). A comma is no joiner here: whether a comma list counts is each
 * reader's own rule (messy.ts's listed() wants the list closed by a joiner).
 */
import { blank } from './words';

/** Words that join two people, as typed on a phone: "and", "n", "an", "nd", "w" (with). */
export const JOIN_WORDS: ReadonlySet<string> = new Set(['and', 'n', 'an', 'nd', 'w']);
/** A joining word or sign as a regex alternative, for readers of a slot's raw text (round 21: deidentify.ts, nameNeighbours.ts). */
export const JOINER = `(?:${[...JOIN_WORDS].join('|')}|[&+/])`;
/** Its longest word: a token typed longer is none of them (lower-casing never shortens an ASCII word). */
const JOIN_LONGEST = 3;
/** Signs that join two people with nothing but spaces beside them: "memo & paty", "hunter + sky", "dre/kai". */
const JOIN_SIGN = /^[ \t]*[&+/][ \t]*$/;
/** Whether a text holds a joining sign at all (one pass over the text, most notes hold none of the three). */
export const hasJoinSign = (text: string): boolean => text.includes('&') || text.includes('+') || text.includes('/');

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Whether text[t.start, t.end) is a joining word, in any case. */
export function isJoinWord(text: string, t: Span | undefined): boolean {
  if (!t || t.end - t.start > JOIN_LONGEST) return false;
  // Each joining word opens with "a", "n" or "w": most short words ("i", "to", "is") are answered without a string.
  const c = text.charCodeAt(t.start) | 32;
  return (c === 97 || c === 110 || c === 119) && JOIN_WORDS.has(text.slice(t.start, t.end).toLowerCase());
}

/** Whether the gap text[from, to) is a joining sign with only spaces or tabs beside it. */
export function joinSign(text: string, from: number, to: number): boolean {
  // One space, the commonest gap, holds no sign: no string made.
  return !(to - from === 1 && text.charCodeAt(from) === 32) && to > from && JOIN_SIGN.test(text.slice(from, to));
}

/**
 * The index of the token joined to toks[k] on side dir (1 after it, -1 before it) by a sign ("&", "+", "/") or a
 * joining word between single runs of spaces ("x n y"), else -1. The joined token may be any token: callers ask
 * whether it is a word, a name or a pronoun.
 */
export function joinedTo(text: string, toks: readonly Span[], k: number, dir: 1 | -1): number {
  const a = toks[k];
  const b = toks[k + dir];
  if (!a || !b) return -1;
  const from = dir === 1 ? a.end : b.end;
  const to = dir === 1 ? b.start : a.start;
  if (joinSign(text, from, to)) return k + dir;
  const c = toks[k + 2 * dir];
  if (!c || !blank(text, from, to) || !isJoinWord(text, b)) return -1;
  return (dir === 1 ? blank(text, b.end, c.start) : blank(text, c.end, b.start)) ? k + 2 * dir : -1;
}
