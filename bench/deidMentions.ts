/**
 * Second mentions (round 19): labelled name words left visible while the same word is hidden elsewhere in the note
 * (any case, a possessive, inside a hidden email or handle), and names repeated in a note and missed every time.
 * `npx tsx bench/deidMentions.ts [--sets a,b] [--words]`. Each such word is put down to the step that gave it back
 * (the last step after which it was hidden) or to 'never' (no step hid it). Development writers only: a blind set
 * is refused, and `--words` prints words only for the sets named (never pass an untouched writer with it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { stepsForBench } from '../services/deidentify/deidentify';
import { detectionView } from '../services/deidentify/evasion';
import type { Entity } from '../services/deidentify/types';
import { isBlindSet } from './blindSets';
import { load } from './deid';
import { arg } from './args';

const dataDir = path.resolve(__dirname, 'data');
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu;
const base = (w: string): string => w.toLowerCase().replace(/['’]s$/, '');

/** The step names in STEPS order (the detectors folded into one 'detectors'). */
function stepNames(n: number, detectors: number): string[] {
  const after = ['settle', 'nameModel', 'facilityModel', 'nameNeighbours', 'keepScreenWords', 'wordsInPlace', 'dropKept', 'everywhere', 'nameHalves', 'openers', 'everywhere again', 'runs+join', 'ages'];
  const names = ['known', ...new Array(detectors).fill('detectors'), ...after];
  return names.slice(0, n);
}

const covers = (ss: Entity[], s: number, t: number): boolean => ss.some((e) => e.start <= s && t <= e.end);

function main(): void {
  const { steps, detectors, reading } = stepsForBench;
  const names = stepNames(steps.length, detectors);
  const sets = arg('--sets')!.split(',');
  const words = process.argv.includes('--words');
  const table = new Map<string, number>();
  const bump = (k: string): void => void table.set(k, (table.get(k) ?? 0) + 1);
  let visible = 0;
  for (const set of sets) {
    const f = path.join(dataDir, fs.existsSync(path.join(dataDir, `${set}.txt`)) ? `${set}.txt` : `${set}.jsonl`);
    if (isBlindSet(f)) throw new Error(`${set} is a blind set`);
    for (const rec of load(f)) {
      const text = rec.text;
      if (detectionView(text)) continue;
      const r = reading(text);
      // The spans after each step from 'settle' on (detectors fill groups, not spans).
      const after: Entity[][] = [];
      for (let i = 0; i < steps.length; i++) {
        steps[i]!(r);
        after.push(names[i] === 'settle' || i > names.indexOf('settle') ? r.spans : []);
      }
      const detected = r.groups.flat();
      const final = r.spans;
      // Every labelled name word and whether it is hidden at the end.
      const labelled: Array<{ w: string; s: number; t: number; hidden: boolean }> = [];
      for (const sp of rec.spans ?? []) {
        if (sp.type !== 'PERSON' && sp.type !== 'NAME' && sp.type !== 'N') continue;
        WORD.lastIndex = 0;
        const piece = text.slice(sp.start, sp.end);
        for (let m = WORD.exec(piece); m; m = WORD.exec(piece)) {
          const s = sp.start + m.index;
          const t = s + m[0].length;
          labelled.push({ w: base(m[0]), s, t, hidden: covers(final, s, t) });
        }
      }
      // Words hidden anywhere at the end (hidden name words, and the text of hidden handles/emails).
      const hiddenWords = new Set(labelled.filter((x) => x.hidden && x.w.length >= 2).map((x) => x.w));
      const hiddenText = final.filter((e) => e.type === 'EMAIL' || e.type === 'HANDLE').map((e) => text.slice(e.start, e.end).toLowerCase());
      for (const x of labelled) {
        if (x.hidden || x.w.length < 2) continue;
        visible++;
        const same = labelled.filter((y) => y !== x && y.w === x.w);
        let kind = '';
        if (hiddenWords.has(x.w)) kind = 'hidden-elsewhere';
        else if (x.w.length >= 4 && hiddenText.some((h) => h.includes(x.w))) kind = 'in-handle';
        else if (same.length && same.every((y) => !y.hidden)) kind = 'repeated-all-missed';
        else continue;
        // The last step after which it was hidden, or never.
        let last = -1;
        for (let i = 0; i < steps.length; i++) if (after[i]!.length && covers(after[i]!, x.s, x.t)) last = i;
        const inDet = covers(detected, x.s, x.t);
        let how = last >= 0 ? `given back by ${names[last + 1]}` : inDet ? 'detector span lost in settle' : 'never hidden';
        // For a word hidden elsewhere: the step that first hid that other mention (after 'everywhere' it never saw it).
        if (kind === 'hidden-elsewhere') {
          const other = same.filter((y) => y.hidden);
          const first = Math.min(...other.map((y) => after.findIndex((ss) => ss.length > 0 && covers(ss, y.s, y.t))));
          how += `; other hidden by ${first >= 0 && Number.isFinite(first) ? names[first] : 'detectors'}`;
        }
        bump(`${kind}\t${how}`);
        if (words) console.log(`${set}\t${kind}\t${how}\t${JSON.stringify(text.slice(x.s, x.t))}\t${JSON.stringify(text.slice(Math.max(0, x.s - 40), x.t + 40))}`);
      }
    }
  }
  console.log(`name words left visible: ${visible}`);
  for (const [k, n] of [...table].sort((a, b) => b[1] - a[1])) console.log(`${n}\t${k}`);
}

main();
