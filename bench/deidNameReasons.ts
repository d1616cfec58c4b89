/**
 * Round 20: why a name word stays visible — the step or list that let it stay. `npx tsx bench/deidNameReasons.ts
 * [--group dev|held|held13|held14|untouched|new|w1,w2,…] [--reg sms,lower,casual,careful] [--writers] [--misses N --reason R]`.
 * Each note of the writers is read step by step as deidentify() reads it (deidentify.ts stepsForBench; in a note read
 * through a detection view a word deidentify() leaves visible is `view`). Each word of a labelled name (PERSON) with a character left visible
 * at the end is put down to one reason:
 * - `back:STEP` some step hid the word and STEP gave it back (wordsInPlace, keepScreenWords, dropKept, runs …);
 * - `settle:DETECTOR` a detector took it and a span of an earlier detector won the overlap without covering it;
 * - never taken, by how messy.ts reads the word (wordVerdict): `short` (two letters or fewer), `other-language`
 *   (a word of the note's French or Spanish, language.ts), `typo` (a misspelt everyday word, typos.ts), `keep` (a
 *   keep-list or safe word), `keepName`, `wordName` (a name that is also a word, out of a person slot), `common` /
 *   `english` (an everyday or other English word), `name` (read as a name yet not taken: capitals, a code beside it).
 * Each never-taken reason is split by whether the name model scored the word within 0.25 of its line (`near`).
 * dev = bench/deidSms.ts's development writers, which leave out the untouched writers (bench/writers.ts: train-bl, bm, bn,
 * bs, bu, round 20's bw, bx, by and round 21's bz, ca); untouched = all of them, new = round 20's three; name a writer
 * to count it. Totals per writer group; --writers per writer too.
 * --misses prints words of one reason with their note (the name in [[ ]], hidden runs in { }) for the dev group only:
 * held-out, untouched and new writers give counts alone.
 */
import { deidentify } from '../services/deidentify';
import { stagesForBench, stepsForBench } from '../services/deidentify/deidentify';
import { detectionView } from '../services/deidentify/evasion';
import { foreignWordTest } from '../services/deidentify/language';
import { wordVerdict } from '../services/deidentify/messy';
import { dictionaries } from '../services/deidentify/dictionaries';
import type { Entity } from '../services/deidentify/types';
import { arg } from './args';
import { devWriters, HELD, HELD13, HELD14, marked, nameWords } from './deidSms';
import { UNTOUCHED, untouchedOf } from './writers';
import { isBlindSet } from './blindSets';
import { loadNotes } from './data/handNotes';
import fs from 'node:fs';
import path from 'node:path';

/** The steps after the detectors, in deidentify.ts STEPS' order (checked against its length). */
const AFTER = ['settle', 'nameModel', 'facilityModel', 'nameNeighbours', 'keepScreenWords', 'wordsInPlace', 'dropKept', 'everywhere', 'nameHalves', 'openers', 'everywhereAgain', 'nameTails', 'facilityParts', 'runsOfOneWord', 'ageAfterName'];

export function stepNames(): string[] {
  const names = ['disguised', ...stagesForBench.detectors.map(([d]) => d.name), ...AFTER];
  if (names.length !== stepsForBench.steps.length) throw new Error(`deidNameReasons: ${stepsForBench.steps.length} steps, ${names.length} names: update AFTER`);
  return names;
}

const covers = (spans: readonly Entity[], start: number, end: number): boolean => {
  // Every character of the word under some span (as bench/deidSms.ts nameWords counts a word visible).
  for (let k = start; k < end; k++) if (!spans.some((e) => e.start <= k && k < e.end)) return false;
  return true;
};
const touches = (spans: readonly Entity[], start: number, end: number): boolean => spans.some((e) => e.start < end && start < e.end);

interface Word { start: number; end: number; word: string }

/** The reason each word of `words` shows at the end, or '' when it is hidden (a note read without a detection view). */
export function reasonsOf(text: string, words: readonly Word[]): string[] {
  const names = stepNames();
  const r = stepsForBench.reading(text) as unknown as { spans: Entity[]; groups: Entity[][]; scored: Array<{ start: number; end: number; score: number; need: number }> };
  const { steps, detectors } = stepsForBench;
  const hidBy: string[] = words.map(() => '');
  const backBy: string[] = words.map(() => '');
  const settleIndex = 1 + detectors;
  for (let i = 0; i < steps.length; i++) {
    steps[i]!(r as never);
    if (i < settleIndex) continue;
    words.forEach((w, j) => {
      const on = covers(r.spans, w.start, w.end);
      if (on && !hidBy[j]) hidBy[j] = names[i]!;
      if (on) backBy[j] = '';
      else if (hidBy[j] && !backBy[j]) backBy[j] = names[i]!;
    });
  }
  const d = dictionaries();
  const other = foreignWordTest(text);
  return words.map((w, j) => {
    if (covers(r.spans, w.start, w.end)) return '';
    if (hidBy[j]) return `back:${backBy[j]}`;
    // A detector that took it before settle: its group is 3 + i (deidentify.ts FIRST_DETECTOR).
    for (let g = 0; g < r.groups.length; g++)
      if (touches(r.groups[g]!, w.start, w.end) && r.groups[g]!.some((e) => e.type === 'NAME' && e.start <= w.start && w.end <= e.end)) return `settle:${names[Math.max(0, g - 2)]}`;
    const s = r.scored.find((x) => x.start <= w.start && w.end <= x.end);
    const near = s && s.score >= s.need - 0.25 ? ' near' : '';
    const lower = w.word.replace(/['’]s$/, '');
    if (lower.length <= 2) return `short${near}`;
    const v = wordVerdict(lower);
    if (other?.(lower) && v !== 'safe') return `other-language${near}`;
    if (v === 'safe') return `keep${near}`;
    if (v === 'word') return `${d.common.has(lower) ? 'common' : 'english'}${near}`;
    return `${v}${near}`;
  });
}

/** Round 20's new writers (bench/writers.ts): counted with their own group, never printed (untouched text). */
export const NEW20 = untouchedOf(20);

/** A note read through a detection view is not traced (its offsets differ): a word deidentify() leaves visible is `view`. */
function viewReasons(text: string, words: readonly Word[]): string[] {
  const { entities } = deidentify(text);
  return words.map((w) => (covers(entities, w.start, w.end) ? '' : 'view'));
}

function groupOf(g: string): string[] {
  if (g === 'dev') return devWriters();
  if (g === 'new') return NEW20;
  const named: Record<string, string[]> = { held: HELD, held13: HELD13, held14: HELD14, untouched: [...UNTOUCHED] };
  return named[g] ?? g.split(',');
}

function main(): void {
  const group = arg('--group') ?? 'dev';
  const registers = new Set((arg('--reg') ?? 'sms,lower,casual,careful').split(','));
  const misses = Number(arg('--misses') ?? 0);
  const shown = arg('--reason');
  const perWriter = process.argv.includes('--writers');
  if (group !== 'dev' && misses) throw new Error('deidNameReasons: misses are printed for the dev group only');
  const total = new Map<string, number>();
  const lines: string[] = [];
  let words = 0;
  let visible = 0;
  for (const w of groupOf(group)) {
    const file = path.resolve(__dirname, 'data', `${w}.txt`);
    if (isBlindSet(file) || !fs.existsSync(file)) throw new Error(`deidNameReasons: ${w} is no development writer here`);
    const mine = new Map<string, number>();
    let wWords = 0;
    let wVisible = 0;
    for (const note of loadNotes(file, w)) {
      if (!registers.has(note.register)) continue;
      const all = nameWords(note, new Uint8Array(note.text.length));
      wWords += all.length;
      if (!all.length) continue;
      const reasons = detectionView(note.text) ? viewReasons(note.text, all) : reasonsOf(note.text, all);
      const hidden = new Uint8Array(note.text.length);
      all.forEach((t, j) => {
        const why = reasons[j]!;
        if (!why) {
          hidden.fill(1, t.start, t.end);
          return;
        }
        wVisible++;
        const key = why.replace(/ near$/, '');
        mine.set(key, (mine.get(key) ?? 0) + 1);
        if (why.endsWith(' near')) mine.set(`${key} (near)`, (mine.get(`${key} (near)`) ?? 0) + 1);
      });
      if (misses && lines.length < misses)
        all.forEach((t, j) => {
          const why = reasons[j]!;
          if (why && (!shown || why.replace(/ near$/, '') === shown) && lines.length < misses) lines.push(`${why}\t${w}\t${marked(note.text, note.spans[t.span]!, hidden)}`);
        });
    }
    words += wWords;
    visible += wVisible;
    for (const [k, v] of mine) total.set(k, (total.get(k) ?? 0) + v);
    if (perWriter) console.log(`${w}: ${wVisible} of ${wWords} visible  ${table(mine)}`);
  }
  console.log(`${group}: name words ${words}, visible ${visible} (${((100 * visible) / Math.max(1, words)).toFixed(2)} %)`);
  console.log(table(total, '\n'));
  for (const l of lines) console.log(l);
}

function table(m: Map<string, number>, sep = '  '): string {
  return [...m].filter(([k]) => !k.endsWith('(near)')).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}${m.get(`${k} (near)`) ? ` (near ${m.get(`${k} (near)`)})` : ''}`).join(sep);
}

if (require.main === module) main();
