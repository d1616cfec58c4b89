// De-identification of a debrief's free text at the moment it arrives, and the PSW's own extra redactions at
// review. Only the redacted text, counts by type and salted hashes of the names found leave here; the original
// words stay with the caller's turn.
import { deidentify, withoutInvisible } from '../deidentify';
import { escapeRegExp } from '../escapeRegExp';
import { foundNamesIn, hashWord, hiddenNamesIn, type HiddenNames } from './hiddenNames';

export interface RedactedText {
  text: string;
  /** What was redacted, by type and count only. */
  redactions: Record<string, number>;
  /** Salted hashes (the debrief's salt) of the words found as names here, to hide them in the debrief's other answers. */
  found?: string[];
}

const NAME_WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

export function redactText(raw: string, opts: { secret: string; hidden?: HiddenNames }): RedactedText {
  const text = raw.trim();
  const knownNames = hiddenNamesIn(opts.secret, opts.hidden, text);
  const repeatNames = foundNamesIn(opts.secret, opts.hidden, text);
  const { redacted, entities } = deidentify(text, { knownNames, repeatNames });
  const redactions: Record<string, number> = {};
  const found = new Set<string>();
  for (const e of entities) {
    redactions[e.type] = (redactions[e.type] ?? 0) + 1;
    if (e.type === 'NAME' && opts.hidden) for (const w of withoutInvisible(text.slice(e.start, e.end)).match(NAME_WORD) ?? []) if (w.length >= 2) found.add(hashWord(opts.secret, opts.hidden.salt, w));
  }
  return { text: redacted, redactions, ...(found.size ? { found: [...found] } : {}) };
}

/**
 * How many placeholders of each of these types ("[NAME]", …) the text holds: what an answer still hides when it
 * carries placeholders from before (the first part of a long answer, an answer changed at the review).
 */
export function placeholderCounts(text: string, types: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of new Set(types)) {
    const n = text.split(`[${type}]`).length - 1;
    if (n) counts[type] = n;
  }
  return counts;
}

export const PSW_REDACTION = 'REDACTED';

/**
 * Replaces each of the given words or phrases (whole words, case-insensitive) with [REDACTED] (or the placeholder
 * given), and counts them. Placeholders already in the text are never touched.
 */
export function redactWords(current: RedactedText, words: string[], placeholder: string = PSW_REDACTION): { result: RedactedText; count: number } {
  let text = current.text;
  let count = 0;
  const phrases = words.map((w) => w.trim()).filter((w) => w.length >= 2 && !/^\[[A-Z_]+\]$/.test(w)).sort((a, b) => b.length - a.length);
  for (const phrase of phrases) {
    const escaped = escapeRegExp(phrase).replace(/\s+/g, '\\s+');
    const re = new RegExp(`(?<![\\p{L}\\p{N}_\\[])${escaped}(?![\\p{L}\\p{N}_\\]])`, 'giu');
    text = text.replace(re, () => {
      count += 1;
      return `[${placeholder}]`;
    });
  }
  const redactions = { ...current.redactions };
  if (count) redactions[placeholder] = (redactions[placeholder] ?? 0) + count;
  return { result: { text, redactions }, count };
}

/** Hides the words in every answer (the review's "Hide more words"), counting what was hidden across them all. */
export function redactAnswers<A extends RedactedText>(answers: readonly A[], words: string[]): { answers: A[]; count: number } {
  let count = 0;
  const out = answers.map((a) => {
    const r = redactWords({ text: a.text, redactions: a.redactions }, words);
    count += r.count;
    return { ...a, text: r.result.text, redactions: r.result.redactions };
  });
  return { answers: out, count };
}

/**
 * Splits what a PSW typed after "redact" into words/phrases: commas separate phrases. Without commas, the whole
 * text is tried first as one phrase ("bus tickets" becomes one [REDACTED], not two), then each word on its own
 * (so "Maria Jo" still hides both names wherever they are apart).
 */
export function wordsToRedact(typed: string): string[] {
  const t = typed.trim();
  const unquote = (w: string): string => w.trim().replace(/^["“']|["”']$/g, '');
  if (t.includes(',')) return t.split(',').map(unquote).filter(Boolean);
  const words = t.split(/\s+/).map(unquote).filter(Boolean);
  return words.length > 1 ? [unquote(t), ...words] : words;
}
