// De-identification of a debrief's free text at the moment it arrives, and the PSW's own extra redactions at
// review. Only the redacted text and counts by type leave here; the original words stay with the caller's turn.
import { deidentify } from '../deidentify';
import { hiddenNamesIn, type HiddenNames } from './hiddenNames';

export interface RedactedText {
  text: string;
  /** What was redacted, by type and count only. */
  redactions: Record<string, number>;
}

export function redactText(raw: string, opts: { secret: string; hidden?: HiddenNames }): RedactedText {
  const text = raw.trim();
  const knownNames = hiddenNamesIn(opts.secret, opts.hidden, text);
  const { redacted, entities } = deidentify(text, { knownNames });
  const redactions: Record<string, number> = {};
  for (const e of entities) redactions[e.type] = (redactions[e.type] ?? 0) + 1;
  return { text: redacted, redactions };
}

export const PSW_REDACTION = 'REDACTED';

/**
 * Replaces each of the given words or phrases (whole words, case-insensitive) with [REDACTED], and counts them.
 * Placeholders already in the text are never touched.
 */
export function redactWords(current: RedactedText, words: string[]): { result: RedactedText; count: number } {
  let text = current.text;
  let count = 0;
  const phrases = words.map((w) => w.trim()).filter((w) => w.length >= 2 && !/^\[[A-Z_]+\]$/.test(w)).sort((a, b) => b.length - a.length);
  for (const phrase of phrases) {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const re = new RegExp(`(?<![\\p{L}\\p{N}_\\[])${escaped}(?![\\p{L}\\p{N}_\\]])`, 'giu');
    text = text.replace(re, () => {
      count += 1;
      return `[${PSW_REDACTION}]`;
    });
  }
  const redactions = { ...current.redactions };
  if (count) redactions[PSW_REDACTION] = (redactions[PSW_REDACTION] ?? 0) + count;
  return { result: { text, redactions }, count };
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
