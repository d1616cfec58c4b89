/**
 * Round 18 (addresses): where a street address's span stops short or runs long, by the word at the edge:
 * `npx tsx bench/deidAddrEdges.ts [--group dev|held|untouched|test|new|FILE,…] [--show KEY] [--n N]`.
 * Misses: each labelled STREET_ADDRESS with a word left visible — wholly visible (by digit or none) or partly, and then
 * each visible word by where it stands (left edge, right edge, inside) and what it is (unit, unit number, direction,
 * street type, joiner of a crossing, number, other). Over: each word no label touches that an ADDRESS placeholder hides —
 * `widens` (the span also covers a labelled identifier; left or right of it, and the word's kind) or `alone` (no
 * identifier in it; by the stage that first hid it). `--show KEY` prints notes of a key whose name starts with KEY, for
 * the dev group only: held-out, untouched and -test writers give counts only.
 * Groups (chosen before any miss was read): held = train-y, am, bc, bk (held since round 14) and train-bp (never read);
 * untouched = bench/writers.ts's untouched writers (round 18: train-bm alone; train-bl and bn were read as dev then);
 * test = the -test halves; new = round 18's train-bq, br, bs (scored only); dev = every other train-* (up to train-bp)
 * and cats-* file, hand-dev, messy-dev. Never a blind set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import type { Entity } from '../services/deidentify/types';
import { isIdentifierSpan, type LabelledRecord } from './deidMetrics';
import { isBlindSet } from './blindSets';
import { load } from './deid';
import { stagesOf } from './deidOverStages';
import { marked as markedNote, show } from './deidPlaceShapes';
import { UNTOUCHED } from './writers';

const marked = (r: LabelledRecord, preds: readonly Entity[]): string => markedNote(r, preds).replace(/\n/g, ' ⏎ ');

export const HELD18 = ['train-y', 'train-am', 'train-bc', 'train-bk', 'train-bp'];
/** Round 18's new writers, written while it ran: its `new` group, scored only (bq and br have been read since; bs is untouched). */
export const NEW18 = ['train-bq', 'train-br', 'train-bs'];
export const TEST18 = ['cats-test', 'cats-test3', 'cats-own-test', 'cats-own2-test', 'hand-test', 'sms-test', 'messy-test', 'names-test', 'names-test3', 'keep-test', 'keep-own-test'];
const dataDir = path.resolve(__dirname, 'data');
const fileOf = (w: string) => ['txt', 'jsonl'].map((x) => path.join(dataDir, `${w}.${x}`)).find((f) => fs.existsSync(f));

export function devWriters18(): string[] {
  // Writers up to train-bp: round 18's new writers (train-bq …) are scored only (NEW18).
  const all = fs.readdirSync(dataDir).filter((f) => /^(?:train-(?:[a-z]|a[a-z]|b[a-p])|cats-[a-z0-9-]+)\.txt$/.test(f)).map((f) => f.replace(/\.txt$/, ''));
  const held = new Set([...HELD18, ...UNTOUCHED, ...TEST18]);
  return [...all.filter((w) => !held.has(w) && !/test|heldout/.test(w)), 'hand-dev', 'messy-dev'];
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const UNIT = /^(?:apt|appt|app|unit|suite|ste|#\w*|rm|room|lot|site|box|bsmt|basement|fl|floor|bldg|building|trlr|space|sp|po|p\.o\.?|rr|hc)\.?$/i;
const DIRECTION = /^(?:n|s|e|w|ne|nw|se|sw|n\.?e|n\.?w|s\.?e|s\.?w|north|south|east|west|northeast|northwest|southeast|southwest)\.?$/i;
const TYPE = /^(?:st|street|ave|av|avenue|rd|road|dr|drive|blvd|boulevard|cres|crescent|ct|court|crt|pl|place|way|ln|lane|trail|tr|hwy|highway|pkwy|parkway|cir|circle|close|cl|terr|terrace|ter|sq|square|row|gate|grove|hts|heights|mews|rue|route|rte|loop|bay|landing|point|pt)\.?,?$/i;
const JOIN = /^(?:and|n|&|\/|at|@|\+)$/i;

function kindOf(word: string, prev: string): string {
  const w = word.replace(/[,.;:]+$/, '');
  if (UNIT.test(w)) return 'unit';
  if (/^#?\d+[a-z]?$/i.test(w) && UNIT.test(prev.replace(/[,.;:]+$/, ''))) return 'unit-no';
  if (DIRECTION.test(w)) return 'direction';
  if (TYPE.test(w)) return 'type';
  if (JOIN.test(w)) return 'join';
  if (/\d/.test(w)) return /^\d+(?:st|nd|rd|th)$/i.test(w) ? 'ordinal' : 'number';
  return w === w.toLowerCase() ? 'word' : 'Word';
}

const count = new Map<string, number>();
const add = (k: string, n = 1): void => void count.set(k, (count.get(k) ?? 0) + n);
const WORD = /[^\s]+/g;
function scoreNote(r: LabelledRecord, printable: boolean): void {
  const preds = deidentify(r.text).entities;
  const covered = (s: number, e: number) => {
    for (let k = s; k < e; k++) if (/[\p{L}\p{N}]/u.test(r.text[k]!) && !preds.some((p) => p.start <= k && k < p.end)) return false;
    return true;
  };
  for (const a of r.spans) {
    if (a.type !== 'STREET_ADDRESS') continue;
    add('A total');
    const ws = [...r.text.slice(a.start, a.end).matchAll(WORD)].map((m) => ({ s: a.start + m.index!, e: a.start + m.index! + m[0].length, w: m[0] }));
    const vis = ws.map((w) => !covered(w.s, w.e));
    if (!vis.some(Boolean)) continue;
    add('A-miss');
    const text = r.text.slice(a.start, a.end);
    if (vis.every(Boolean)) {
      const k = `A-miss whole ${/\d/.test(text) ? 'digit' : 'no-digit'}`;
      add(k);
      add(`${k} words`, ws.length);
      show(k, printable, () => marked(r, preds));
      continue;
    }
    add('A-miss partly');
    const first = vis.indexOf(false);
    const last = vis.lastIndexOf(false);
    ws.forEach((w, i) => {
      if (!vis[i]) return;
      const where = i < first ? 'left' : i > last ? 'right' : 'inside';
      const k = `A-partly ${where}/${kindOf(w.w, ws[i - 1]?.w ?? '')}`;
      add(k);
      show(k, printable, () => `${JSON.stringify(w.w)}\t${marked(r, preds)}`);
    });
  }
  // Over: words outside every label that an ADDRESS placeholder hides.
  const labelled = new Uint8Array(r.text.length);
  for (const s of r.spans) labelled.fill(1, s.start, s.end);
  const ids = r.spans.filter((s) => isIdentifierSpan(s, r.text));
  let by: string[] | undefined;
  for (const m of r.text.matchAll(WORD)) {
    const s = m.index!;
    const e = s + m[0].length;
    let touched = false;
    for (let k = s; k < e; k++) if (labelled[k]) touched = true;
    if (touched || !/[\p{L}\p{N}]/u.test(m[0])) continue;
    const p = preds.find((x) => x.type === 'ADDRESS' && x.start < e && s < x.end);
    if (!p) continue;
    const hit = ids.find((i) => i.start < p.end && p.start < i.end);
    const prevWord = /(\S+)\s*$/.exec(r.text.slice(Math.max(0, s - 30), s))?.[1] ?? '';
    let k: string;
    if (hit) k = `O-widens ${s < hit.start ? 'left' : 'right'}/${kindOf(m[0], prevWord)}/${hit.type === 'STREET_ADDRESS' ? 'A' : hit.type}`;
    else {
      by ??= stagesOf(r.text);
      k = `O-alone ${by[s] || 'joined'}/${kindOf(m[0], prevWord)}`;
    }
    add('O words');
    add(k);
    show(k, printable, () => `${JSON.stringify(m[0])}\t${marked(r, preds)}`);
  }
}

function main(): void {
  const group = option('--group') ?? 'dev';
  const files = group === 'dev' ? devWriters18() : group === 'held' ? HELD18 : group === 'untouched' ? [...UNTOUCHED] : group === 'test' ? TEST18 : group === 'new' ? NEW18 : group.split(',');
  const dev = new Set(devWriters18());
  let printable = true;
  for (const w of files) {
    const file = fileOf(w);
    if (!file || isBlindSet(file)) throw new Error(`deidAddrEdges: ${w} is no scored or training file here`);
    if (!dev.has(w)) printable = false;
  }
  for (const w of files) for (const r of load(fileOf(w)!)) scoreNote(r, printable);
  console.log(`# ${group}: ${files.length} files`);
  const head = (k: string) => k.replace(/[/ ][^/ ]*$/, '');
  const sorted = [...count].sort((a, b) => head(a[0]).localeCompare(head(b[0])) || b[1] - a[1]);
  for (const [k, n] of sorted) console.log(`${k}\t${n}`);
}

if (require.main === module) main();
