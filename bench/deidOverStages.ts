/**
 * Over-redaction by the stage that hid it and the slot it stood in (round 13, words that stay):
 * `npx tsx bench/deidOverStages.ts [--sets a,b] [--words N] [--stage S]`.
 * Each over-redacted character (no identifier, no neutral span, not a space) of deidentify()'s output is put down to
 * the first stage whose spans cover it: a detector (names, messyNames, places, facilities, messyFacilities, …), the
 * name model, the facility model, nameNeighbours or everywhere() (deidentify.ts spansIn's trace); and to the slot of
 * the word before its span (a sentence's start, a preposition, a determiner, a person cue, any other word).
 * Groups as bench/deidKeep.ts (untouched: bench/writers.ts's): tune writers may print their over-redacted words (`--words N`, `--stage S` for one
 * stage); held-out and untouched writers and -test sets give figures only. Never reads a blind set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { spansIn } from '../services/deidentify/deidentify';
import { detectionView } from '../services/deidentify/evasion';
import type { Entity } from '../services/deidentify/types';
import { isIdentifierSpan } from './deidMetrics';
import { isBlindSet } from './blindSets';
import { load } from './deid';
import { HELD_OUT, TEST, TUNE } from './deidKeep';
import { UNTOUCHED } from './writers';
import { arg } from './args';

const dataDir = path.resolve(__dirname, 'data');

/** The stage each character of `text` was first hidden by, in the order spansIn runs them. */
export function stagesOf(text: string): string[] {
  // Texts read through a detection view (invisible or look-alike characters) are not traced: their offsets differ.
  if (detectionView(text)) return new Array<string>(text.length).fill('view');
  return traced(text).by;
}

/** `text`'s spans (spansIn, no view) and the stage each character was first hidden by ('' for none). */
export function traced(text: string): { spans: Entity[]; by: string[] } {
  const by: string[] = new Array(text.length).fill('');
  const spans = spansIn(text, {}, (stage, ss) => {
    for (const e of ss) for (let k = e.start; k < e.end; k++) if (!by[k]) by[k] = stage;
  });
  return { spans, by };
}

const PREP = new Set(['in', 'at', 'to', 'from', 'with', 'w', 'on', 'for', 'by', 'near', 'of', 'about', 'abt']);
const DET = new Set(['the', 'a', 'an', 'my', 'his', 'her', 'their', 'our', 'your', 'its', 'this', 'that']);
const CUE = new Set(['met', 'called', 'texted', 'txt', 'told', 'asked', 'saw', 'said', 'sister', 'brother', 'mom', 'dad', 'son', 'daughter', 'worker', 'nurse', 'client', 'and', 'n', '&']);

/** The slot of a span: what stands right before it. */
function slotOf(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 40), start);
  if (/(^|[.!?;:\n]\s*)$/.test(before)) return 'start';
  const w = /([\p{L}&']+)\W*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (PREP.has(w)) return `prep`;
  if (DET.has(w)) return 'det';
  if (CUE.has(w)) return 'cue';
  if (/,\s*$/.test(before)) return 'comma';
  return 'word';
}

/** The shape of a span's text: lower case, capitalised, all capitals, or more than one word. */
function shapeOf(s: string): string {
  const t = s.trim();
  if (/\s/.test(t)) return 'multi';
  if (t === t.toLowerCase()) return 'lower';
  if (t === t.toUpperCase()) return 'upper';
  return 'cap';
}

interface Tally { chars: number; spans: number }
type Table = Map<string, Tally>;
const add = (t: Table, k: string, n: number): void => {
  const x = t.get(k) ?? { chars: 0, spans: 0 };
  x.chars += n;
  x.spans++;
  t.set(k, x);
};

/** Over-redacted and other characters by register (sms, lower, casual, careful), for the register's own share. */
const byRegister = new Map<string, { over: number; other: number }>();

function run(set: string, stage: Table, slot: Table, words: number, only: string | undefined): number {
  const file = ['txt', 'jsonl'].map((e) => path.join(dataDir, `${set}.${e}`)).find((f) => fs.existsSync(f));
  if (!file) return 0;
  if (isBlindSet(file)) throw new Error(`deidOverStages: ${set} is a blind set`);
  const printable = TUNE.includes(set);
  let shown = 0;
  let other = 0;
  for (const r of load(file)) {
    const role = new Uint8Array(r.text.length);
    for (const s of r.spans) for (let k = s.start; k < s.end; k++) role[k] = isIdentifierSpan(s, r.text) ? 1 : Math.max(role[k]!, 2);
    const reg = byRegister.get(r.register ?? '-') ?? { over: 0, other: 0 };
    byRegister.set(r.register ?? '-', reg);
    let others = 0;
    for (let k = 0; k < r.text.length; k++) if (role[k] === 0 && !/\s/.test(r.text[k]!)) others++;
    reg.other += others;
    other += others;
    const preds: Entity[] = deidentify(r.text).entities;
    if (!preds.length) continue;
    const by = stagesOf(r.text);
    for (const p of preds) {
      // One span may hold characters of several stages ("[dona fatima]": a title widened by a neighbour).
      const per = new Map<string, number>();
      for (let k = p.start; k < p.end; k++) if (role[k] === 0 && !/\s/.test(r.text[k]!)) per.set(by[k] || 'joined', (per.get(by[k] || 'joined') ?? 0) + 1);
      if (!per.size) continue;
      const where = slotOf(r.text, p.start);
      const shape = shapeOf(r.text.slice(p.start, p.end));
      for (const [st, n] of per) {
        reg.over += n;
        add(stage, `${st}\t${p.type}`, n);
        add(slot, `${st}\t${where}\t${shape}`, n);
        if (printable && shown < words && (!only || st === only)) {
          shown++;
          console.log(`OVER ${set}\t${st}\t${p.type}\t${where}/${shape}\t${JSON.stringify(r.text.slice(p.start, p.end))}\t${JSON.stringify(r.text.slice(Math.max(0, p.start - 40), p.end + 30))}\t${n}\t${r.register ?? '-'}`);
        }
      }
    }
  }
  return other;
}

function print(title: string, t: Table, other: number): void {
  const total = [...t.values()].reduce((n, x) => n + x.chars, 0);
  console.log(`\n## ${title}: ${total} over-redacted of ${other} other characters (${((100 * total) / Math.max(1, other)).toFixed(2)} %)`);
  for (const [k, x] of [...t].sort((a, b) => b[1].chars - a[1].chars)) console.log(`${k}\t${x.chars}\t${x.spans}\t${((100 * x.chars) / Math.max(1, other)).toFixed(2)}`);
}

function main(): void {
  const words = Number(arg('--words') ?? 0);
  const only = arg('--stage');
  const groups: Array<[string, string[]]> = arg('--sets')
    ? [['sets', arg('--sets')!.split(',')]]
    : [['tune', TUNE], ['held out', HELD_OUT], ['untouched', [...UNTOUCHED]], ['test', TEST]];
  for (const [name, sets] of groups) {
    const stage: Table = new Map();
    const slot: Table = new Map();
    let other = 0;
    for (const s of sets) other += run(s, stage, slot, words, only);
    print(`${name}: by stage and type`, stage, other);
    print(`${name}: by stage, slot and shape`, slot, other);
    console.log(`\n## ${name}: by register`);
    for (const [r, x] of byRegister) console.log(`${r}\t${x.over}\t${x.other}\t${((100 * x.over) / Math.max(1, x.other)).toFixed(2)} %`);
    byRegister.clear();
  }
}

if (require.main === module) main();
