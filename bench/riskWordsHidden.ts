/**
 * Words the risk screen needs that de-identification hides. The screen reads de-identified text, so "Client reports
 * self-harm" turned into "Client reports [NAME]" is risk it cannot see. Over every development screen set
 * (bench/data/screen-*.jsonl, never the lead's blind screen-fresh*), counts the sentences where a span that is no
 * identifier was hidden. The sets carry no identifier markup: the identifiers found in them were reviewed by hand and
 * are listed below; every other hidden name, place or address counts as a word lost (dates, ages and numbers always
 * count as identifiers). `npm run bench:screen` prints the count; `npx tsx bench/riskWordsHidden.ts --list` lists
 * each hidden word with a rough reason, for review.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { DATA_DIR } from './screenData';

/** Development screen sets only: the blind ones (screen-fresh*) never match. */
const SETS = /^screen-(?:dev|test|train(?:-[a-z0-9]+)?|you-dev|you-test)\.jsonl$/;

/**
 * Hidden spans reviewed by hand as real identifiers or neutral proper names (people, a street, a landmark, a
 * facility with its street, cities, a singer), lower case. Any other hidden name, facility or address is a word lost.
 */
const REVIEWED_IDENTIFIERS = new Set(['maria', 'jay', 'kevin', 'ahmad', 'bloor', 'main street', 'shelter on 5th', 'regina', 'reno', 'sioux', 'johnny cash']);

/** Span types that are identifiers whatever their text (dates, ages, numbers, contacts). */
const ALWAYS_IDENTIFIER = new Set(['DATE', 'AGE', 'PHONE', 'EMAIL', 'URL', 'IP', 'ID', 'HEALTH_CARD', 'POSTAL', 'ZIP', 'MRN', 'PLATE', 'IBAN', 'SIN', 'SSN', 'HANDLE']);

export interface HiddenWord {
  set: string;
  id: string;
  type: string;
  word: string;
  why: string;
  text: string;
}

/** A rough reason, for the review list: the same groups as docs/DEIDENTIFICATION.md, "Words the risk screen needs". */
function reason(text: string, start: number, word: string): string {
  if (/-/.test(word)) return 'hyphenated compound';
  if (/^[A-Z]{2,6}$/.test(word) || /^[A-Z][a-z]+(?: [A-Z][a-z]+)+$/.test(word)) return 'acronym or program name';
  if (/['’]/.test(word)) return 'contraction';
  if (/(?:reports?|client['’]s|psw['’]s|^|[.!?]\s*)$/i.test(text.slice(Math.max(0, start - 12), start).trimEnd())) return 'after "reports", a possessive or at a sentence start';
  return 'other word in a person slot';
}

/** Every hidden span of the development screen sets that is no reviewed identifier. */
export function hiddenWords(dir: string = DATA_DIR): { sentences: number; hidden: HiddenWord[] } {
  const hidden: HiddenWord[] = [];
  let sentences = 0;
  for (const file of fs.readdirSync(dir).filter((f) => SETS.test(f)).sort()) {
    const set = file.replace(/^screen-|\.jsonl$/g, '');
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; text: string };
      sentences++;
      for (const e of deidentify(r.text).entities) {
        const word = r.text.slice(e.start, e.end);
        if (ALWAYS_IDENTIFIER.has(e.type) || REVIEWED_IDENTIFIERS.has(word.toLowerCase())) continue;
        hidden.push({ set, id: r.id, type: e.type, word, why: reason(r.text, e.start, word), text: r.text });
      }
    }
  }
  return { sentences, hidden };
}

/** The lines bench:screen prints (and writes into docs/SAFETY.md). */
export function hiddenWordsSection(): string[] {
  const { sentences, hidden } = hiddenWords();
  const lost = new Set(hidden.map((h) => `${h.set}/${h.id}`));
  return [
    '### Words the screen needs, hidden by de-identification',
    '',
    `- sentences where a non-identifier word was hidden: ${lost.size} of ${sentences} (all development screen sets; \`npx tsx bench/riskWordsHidden.ts --list\` lists them)`,
  ];
}

function main(): void {
  const { sentences, hidden } = hiddenWords();
  const lost = new Set(hidden.map((h) => `${h.set}/${h.id}`));
  console.log(`sentences where a non-identifier word was hidden: ${lost.size} of ${sentences}; words hidden: ${hidden.length}`);
  if (!process.argv.includes('--list')) return;
  const byWhy = new Map<string, HiddenWord[]>();
  for (const h of hidden) byWhy.set(h.why, [...(byWhy.get(h.why) ?? []), h]);
  for (const [why, list] of byWhy) {
    console.log(`\n${why} (${list.length})`);
    for (const h of list) console.log(`  ${h.set}/${h.id} ${h.type}:${h.word}  —  ${h.text}`);
  }
}

if (require.main === module) main();
