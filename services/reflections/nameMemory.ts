// Names across a debrief and across debriefs about the same client. What is remembered lives on the relationship
// document (so it is deleted with it) as salted HMACs only (hiddenNames.ts):
// - names the PSW asked to hide (typed at the start, or "Hide" at the review) stay hidden in later debriefs;
// - words the PSW said to keep ("Is 'Dawn' a person?", "Is 'Whirlwind' part of a name?" — Keep) are not asked about again;
// - a name found in one answer is hidden in every answer of the same debrief (earlier ones too).
import { POSSESSIVE_RANK, possessiveSForms, repeatSpans, typedPossessiveOf, unsureWords } from '../deidentify';
import { foundNamesIn, hashWord, isKept, namePossessives, newSalt, type HiddenNames } from './hiddenNames';
import type { ReflectionAnswer } from './model';
import { redactWords } from './redact';

/** What a relationship remembers: its salt, the hashes of names to hide and of words to keep. */
export interface NameMemory {
  salt: string;
  hide: string[];
  keep: string[];
}

/** At most this many "Is 'X' a person?" questions at one review. */
export const MAX_UNSURE_QUESTIONS = 3;

/** A debrief's names start from what its relationship remembers (or a fresh salt for a new client). */
export function debriefNames(memory: NameMemory | undefined): HiddenNames {
  return memory ? { salt: memory.salt, hashes: [...memory.hide], keep: [...memory.keep], found: [] } : { salt: newSalt(), hashes: [], keep: [], found: [] };
}

/** What a saved debrief leaves for the next one about this client: the asked-for names and the kept words, never the found ones. */
export function memoryOf(hidden: HiddenNames): NameMemory {
  return { salt: hidden.salt, hide: [...new Set(hidden.hashes)], keep: [...new Set(hidden.keep ?? [])] };
}

/** Merges what a debrief learnt into what the relationship already held (another device may have saved meanwhile). */
export function mergeMemory(prev: NameMemory | undefined, next: NameMemory): NameMemory {
  if (!prev || prev.salt !== next.salt) return next;
  return { salt: prev.salt, hide: [...new Set([...prev.hide, ...next.hide])], keep: [...new Set([...prev.keep, ...next.keep])] };
}

function rewrite(text: string, spans: Array<{ start: number; end: number }>): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + '[NAME]';
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * After an answer, its found names (hashes) join the debrief's, and earlier answers that still hold one of them
 * in clear are redacted again. Returns the new names and answers.
 */
export function spreadFoundNames(secret: string, hidden: HiddenNames, found: string[] | undefined, answers: ReflectionAnswer[]): { hidden: HiddenNames; answers: ReflectionAnswer[] } {
  if (!found?.length) return { hidden, answers };
  const next: HiddenNames = { ...hidden, found: [...new Set([...(hidden.found ?? []), ...found])] };
  const onlyNew: HiddenNames = { ...hidden, found };
  const out = answers.map((a) => {
    const words = foundNamesIn(secret, onlyNew, a.text);
    const spans = repeatSpans(a.text, words).filter((s) => s.type === 'NAME');
    if (!spans.length) return a;
    return { ...a, text: rewrite(a.text, spans), redactions: { ...a.redactions, NAME: (a.redactions.NAME ?? 0) + spans.length } };
  });
  return { hidden: next, answers: out };
}

/** A review question: the word, and whether it stands beside a hidden name ("Is 'Whirlwind' part of a name?"). */
export interface UnsureQuestion {
  word: string;
  kind: 'person' | 'part';
}

/**
 * Up to three words of the answers and note that may be names and that the PSW has not said to keep, the likeliest
 * names first (a word asked in two places takes its likelier rank; ties stay in the order written).
 */
export function unsureQuestions(secret: string, hidden: HiddenNames | undefined, texts: string[]): UnsureQuestion[] {
  const seen = new Map<string, UnsureQuestion & { rank: number }>();
  for (const t of texts) {
    for (const u of unsureWords(t)) {
      const k = u.word.toLowerCase();
      const had = seen.get(k);
      if (had ? had.rank >= u.rank : isKept(secret, hidden, u.word)) continue;
      seen.set(k, { word: had?.word ?? u.word, kind: u.kind, rank: u.rank });
    }
  }
  // Round 24: a name's s-form that is also a word ("hopes mom called", "at tanners place") is asked by the name, last,
  // only where the de-identifier found that name elsewhere in this debrief (its hash among the found).
  if (hidden?.found?.length) {
    const found = new Set(hidden.found);
    for (const t of texts) {
      for (const f of namePossessives(secret, hidden.salt, found, t)) {
        const stem = f.word.slice(0, -1);
        const k = stem.toLowerCase();
        if (seen.has(k) || isKept(secret, hidden, stem)) continue;
        seen.delete(f.word.toLowerCase());
        seen.set(k, { word: stem, kind: 'person', rank: POSSESSIVE_RANK });
      }
    }
  }
  return [...seen.values()].sort((a, b) => b.rank - a.rank).slice(0, MAX_UNSURE_QUESTIONS).map(({ word, kind }) => ({ word, kind }));
}

/**
 * "Hide": the word becomes [NAME] in every answer and the note, in any case, its possessive too ("Ruby's" → "[NAME]'s",
 * and typed without the apostrophe, "rubys" → "[NAME]"; where that is a word, only where it stands as the possessive,
 * "hopes mom called", round 24: unsure.ts typedPossessiveOf, possessiveSForms), and is
 * remembered for this client (the hash of the word; "rubys" in a later debrief matches it, hiddenNames.ts).
 */
export function hideAnswered(secret: string, hidden: HiddenNames, word: string, answers: ReflectionAnswer[], note: string): { hidden: HiddenNames; answers: ReflectionAnswer[]; note: string; count: number } {
  let count = 0;
  const lower = word.trim().toLowerCase();
  const typed = typedPossessiveOf(lower);
  const words = typed ? [word, typed] : [word];
  const hideIn = (text: string, redactions: Record<string, number>): { result: { text: string; redactions: Record<string, number> }; count: number } => {
    const r = redactWords({ text, redactions }, words, 'NAME');
    // Round 24: where that form is a word ("hopes", "dawns"), it is hidden only where it stands as the name's possessive
    // ("hopes mom called"; "she hopes to move" stays).
    const forms = typed ? [] : possessiveSForms(r.result.text, (stem) => stem === lower);
    if (!forms.length) return r;
    const out = rewrite(r.result.text, forms.map((f) => ({ start: f.start, end: f.start + f.word.length })));
    return { result: { text: out, redactions: { ...r.result.redactions, NAME: (r.result.redactions.NAME ?? 0) + forms.length } }, count: r.count + forms.length };
  };
  const next = answers.map((a) => {
    const r = hideIn(a.text, a.redactions);
    count += r.count;
    return r.count ? { ...a, text: r.result.text, redactions: r.result.redactions } : a;
  });
  const n = hideIn(note, {});
  count += n.count;
  const h = hashWord(secret, hidden.salt, word);
  return { hidden: { ...hidden, hashes: [...new Set([...hidden.hashes, h])] }, answers: next, note: n.result.text, count };
}

/** "Keep": the word stays, and this client's later debriefs do not ask about it again. */
export function keepAnswered(secret: string, hidden: HiddenNames, word: string): HiddenNames {
  return { ...hidden, keep: [...new Set([...(hidden.keep ?? []), hashWord(secret, hidden.salt, word)])] };
}
