/**
 * Builds bench/data/typo-dev.jsonl: the dev notes (messy-dev, hand-dev, psw-dev) with the typos of fast phone
 * typing put into their ordinary words — a letter dropped, doubled or swapped with its neighbour, a vowel dropped,
 * a neighbouring key hit, a vowel held ("sooo"). Identifiers are left as labelled (their spans move with the text),
 * so the set measures what typos cost: ordinary words hidden as names (over-redaction) and names missed.
 * Dev data only: nothing held out is read. Seeded: the file is stable across runs.
 * Run: npx tsx bench/data/makeTypoDev.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LabelledRecord } from '../deidMetrics';
import { loadNotes } from './handNotes';
import { seededRandom } from '../../services/seededRandom';

type Rec = LabelledRecord & { register?: string };


const KEYS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbour(c: string, r: () => number): string {
  for (let row = 0; row < KEYS.length; row++) {
    const i = KEYS[row]!.indexOf(c);
    if (i < 0) continue;
    const options = [KEYS[row]![i - 1], KEYS[row]![i + 1]].filter((x): x is string => !!x);
    return options[Math.floor(r() * options.length)]!;
  }
  return c;
}

/** One typo in a word of four letters or more. */
export function typo(word: string, r: () => number): string {
  const i = 1 + Math.floor(r() * (word.length - 1));
  switch (Math.floor(r() * 6)) {
    case 0: return word.slice(0, i) + word.slice(i + 1); // dropped letter
    case 1: return word.slice(0, i) + word[i] + word.slice(i); // doubled letter
    case 2: return i < word.length - 1 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, -1); // swapped
    case 3: { // dropped vowel
      const v = word.slice(1).search(/[aeiou]/);
      return v < 0 ? word : word.slice(0, v + 1) + word.slice(v + 2);
    }
    case 4: return word.slice(0, i) + neighbour(word[i]!, r) + word.slice(i + 1); // neighbouring key
    default: { // a vowel held
      const v = word.search(/[aeiouy]/);
      return v < 0 ? word + word[word.length - 1]!.repeat(2) : word.slice(0, v + 1) + word[v]!.repeat(2) + word.slice(v + 1);
    }
  }
}

/** The record with about one in `every` ordinary words (four letters or more, outside identifiers) misspelt. */
export function typoRecord(rec: Rec, r: () => number, every = 4): Rec {
  const spans = [...rec.spans].sort((a, b) => a.start - b.start);
  let text = '';
  let at = 0;
  const shift: Array<[number, number]> = []; // [original offset, delta after it]
  let delta = 0;
  const WORD = /[a-z]{4,}/g;
  for (let m = WORD.exec(rec.text); m; m = WORD.exec(rec.text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (spans.some((sp) => s < sp.end + 1 && e > sp.start - 1)) continue; // not in or touching an identifier
    if (r() * every >= 1) continue;
    const t = typo(m[0], r);
    text += rec.text.slice(at, s) + t;
    at = e;
    delta += t.length - m[0].length;
    shift.push([e, delta]);
  }
  text += rec.text.slice(at);
  const moved = (x: number): number => {
    let d = 0;
    for (const [o, dd] of shift) if (o <= x) d = dd;
    return x + d;
  };
  return { ...rec, id: `typo-${rec.id}`, text, spans: rec.spans.map((sp) => ({ ...sp, start: moved(sp.start), end: moved(sp.end) })) };
}

if (require.main === module) {
  const dir = __dirname;
  const jsonl = (f: string): Rec[] => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Rec);
  const source = [...jsonl('messy-dev.jsonl'), ...loadNotes(path.join(dir, 'hand-dev.txt'), 'hand-dev'), ...jsonl('psw-dev.jsonl')];
  const r = seededRandom(13);
  const out = source.map((rec) => typoRecord(rec, r));
  out.forEach((rec, i) => {
    rec.spans.forEach((sp, j) => {
      const was = source[i]!.spans[j]!;
      if (rec.text.slice(sp.start, sp.end) !== source[i]!.text.slice(was.start, was.end)) throw new Error(`${rec.id}: an identifier moved`);
    });
  });
  fs.writeFileSync(path.join(dir, 'typo-dev.jsonl'), out.map((x) => JSON.stringify(x)).join('\n') + '\n');
  console.log(`typo-dev.jsonl: ${out.length} notes`);
}
