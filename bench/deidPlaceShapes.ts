/**
 * Round 15: the lead's blind counts of over-redaction and facility misses, made on the training writers:
 * `npx tsx bench/deidPlaceShapes.ts [--group dev|held|untouched|WRITER,…] [--show KEY] [--n N]`.
 * Over-redaction: each word no labelled span touches (identifier or neutral) that a placeholder covers, by the
 * placeholder's type × whether its span also covers a labelled identifier (`widens`) or none (`standalone`) × dictionary
 * (common word, other English word, name list, unknown; `town` when content/deid-towns.json holds it) × the word before
 * the span (sentence start, "the", a place preposition, a person preposition, other) × the stage that first hid it.
 * Facilities: each labelled FACILITY span with a character left visible, by part, case, words, kind word, what hid a
 * part of it, the word before it; each STREET_ADDRESS the same way (`A-miss`: digit or none). Each key has a `… chars`
 * twin counting the characters the misses leave visible (spaces aside). `--show KEY` prints up to N (20) notes of a key ("FACILITY/standalone", "F-miss",
 * "NAME/town", "F-hiddenAs NAME") — for the dev group only: held-out and untouched writers give counts only.
 * `--no-stages` leaves out the stage keys (a faster run). The first lines give all identifiers' strict recall, leak and
 * over-redaction (characters, bench/deidMetrics.ts) and the facilities', addresses' and names' recall.
 * Groups: held = round 15's places held-out writers (chosen before any miss was read), untouched = bench/writers.ts's
 * untouched writers; dev = the other train-* writers (train-bj, a names writer, left out as in round 14) and hand-dev.
 * Never a blind set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { dictionaries } from '../services/deidentify/dictionaries';
import { isTownName } from '../services/deidentify/towns';
import { PLACE_KIND } from '../services/deidentify/placeKinds';
import type { Entity } from '../services/deidentify/types';
import { isIdentifierSpan, leftVisible, score, type LabelledRecord, type PredictedSpan } from './deidMetrics';
import { isBlindSet } from './blindSets';
import { load } from './deid';
import { stagesOf } from './deidOverStages';
import { outOfDev, UNTOUCHED } from './writers';

export const HELD15 = ['train-y', 'train-am', 'train-bc', 'train-bk'];
/** A names writer left out of the places' dev as in round 14 (no longer untouched; the untouched are bench/writers.ts's). */
const LEFT_OUT = ['train-bj'];
const dataDir = path.resolve(__dirname, 'data');

export function devWriters15(): string[] {
  const all = fs.readdirSync(dataDir).filter((f) => /^train-[a-z]+\.txt$/.test(f)).map((f) => f.replace(/\.txt$/, ''));
  return [...all.filter((w) => !HELD15.includes(w) && !outOfDev(w) && !LEFT_OUT.includes(w)), 'hand-dev'];
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const KIND = new RegExp(String.raw`\b${PLACE_KIND}\b|\b(?:house|hall|mall|park|place|centre|center|home|ward|unit|detox|er|emerg|gym|library|church|arena|pool|rink)\b`, 'i');
const PLACE_PREP = new Set(['in', 'at', 'to', 'from', 'frm', 'near', '2', '@']);
const PERSON_PREP = new Set(['with', 'w', 'w/', 'told', 'called', 'texted', 'met', 'saw', 'and', 'n', '&']);


function prevOf(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 40), start);
  if (/(?:^|[.!?;:\n]["')\]]*)\s*$/.test(before)) return 'start';
  const w = /(\S+)\s*$/.exec(before)?.[1]?.toLowerCase().replace(/[,]+$/, '') ?? '';
  if (w === 'the' || w === 'da' || w === 'teh') return 'the';
  if (PLACE_PREP.has(w)) return 'place-prep';
  if (PERSON_PREP.has(w)) return 'person-prep';
  return 'other';
}

function dictOf(word: string): string {
  const d = dictionaries();
  const l = word.toLowerCase().replace(/['’]s$/, '');
  if (isTownName(l)) return 'town';
  if (d.common.has(l)) return 'common';
  if (d.english.has(l)) return 'english';
  if (d.anyNames.has(l)) return 'namelist';
  return 'unknown';
}

const count = new Map<string, number>();
const add = (k: string, n = 1): void => void count.set(k, (count.get(k) ?? 0) + n);
/** The characters of a labelled span no placeholder covers (spaces aside): what a miss leaves readable. */
function visibleChars(text: string, span: { start: number; end: number }, preds: readonly Entity[]): number {
  let n = 0;
  for (let k = span.start; k < span.end; k++) if (!/\s/.test(text[k]!) && !preds.some((p) => p.start <= k && k < p.end)) n++;
  return n;
}
const shown = new Map<string, number>();
const showKey = option('--show');
const showN = Number(option('--n') ?? 20);

/** The note with each labelled span in [[ ]] and each placeholder's run in {TYPE: …}. */
export function marked(r: LabelledRecord, preds: readonly Entity[]): string {
  const opens = new Map<number, string[]>();
  const push = (k: number, s: string) => opens.set(k, [...(opens.get(k) ?? []), s]);
  for (const s of r.spans) {
    push(s.end, ']]');
    push(s.start, '[[');
  }
  for (const p of preds) {
    push(p.end, '}');
    push(p.start, `{${p.type}:`);
  }
  let out = '';
  for (let k = 0; k <= r.text.length; k++) {
    const o = opens.get(k) ?? [];
    out += o.filter((x) => x === '}' || x === ']]').join('') + o.filter((x) => x !== '}' && x !== ']]').join('');
    if (k < r.text.length) out += r.text[k];
  }
  return out;
}

/** Prints `line()` under `key` when `--show` names its prefix, at most `--n` (20) a key; never for a set that may not print. */
export function show(key: string, printable: boolean, line: () => string): void {
  if (!printable || !showKey || !key.startsWith(showKey)) return;
  const n = shown.get(showKey) ?? 0;
  if (n >= showN) return;
  shown.set(showKey, n + 1);
  console.log(`${key}\t${line()}`);
}

let words = 0;
let overWords = 0;
const scored = { recs: [] as LabelledRecord[], preds: [] as PredictedSpan[][] };
const traced = !args.includes('--no-stages');
function scoreNote(r: LabelledRecord, printable: boolean): void {
  const preds = deidentify(r.text).entities;
  scored.recs.push(r);
  scored.preds.push(preds);
  const labelled = new Uint8Array(r.text.length);
  for (const s of r.spans) labelled.fill(1, s.start, s.end);
  const ids = r.spans.filter((s) => isIdentifierSpan(s, r.text));
  const by = preds.length && traced ? stagesOf(r.text) : [];
  for (const m of r.text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu)) {
    const s = m.index!;
    const e = s + m[0].replace(/[.'’-]+$/, '').length;
    words++;
    let touched = false;
    for (let k = s; k < e; k++) if (labelled[k]) touched = true;
    if (touched) continue;
    const p = preds.find((x) => x.start < e && s < x.end);
    if (!p) continue;
    overWords++;
    const ext = ids.some((i) => i.start < p.end && p.start < i.end) ? 'widens' : 'standalone';
    const dict = dictOf(m[0]);
    const prev = prevOf(r.text, p.start);
    const stage = by[s] || 'joined';
    const keys = [`type ${p.type}`, `${p.type}/${ext}`, `${p.type}/${ext}/${dict}`, `${p.type}/${ext}/prev ${prev}`, `${p.type}/${ext}/stage ${stage}`, `town ${dict === 'town' ? 'yes' : 'no'}`];
    for (const k of keys) add(k);
    for (const k of keys.slice(1)) show(k, printable, () => `${JSON.stringify(m[0])}\t${marked(r, preds)}`);
  }
  // Addresses and facilities left visible: the same keys for both (the span's share hidden, case, length, the word
  // before), each counted once and by its visible characters.
  const missed = (type: string, tag: 'A' | 'F', extra: (v: string, over: readonly Entity[], prev: string) => string[]): void => {
    for (const a of r.spans) {
      if (a.type !== type) continue;
      add(`${tag} total`);
      if (!leftVisible(r.text, a, preds)) continue;
      const v = r.text.slice(a.start, a.end);
      const over = preds.filter((p) => p.start < a.end && a.start < p.end);
      const nWords = v.trim().split(/\s+/).length;
      const prev = prevOf(r.text, a.start);
      const keys = [
        `${tag}-miss`,
        `${tag}-miss part ${over.length ? 'partly' : 'all-visible'}`,
        `${tag}-miss case ${v === v.toLowerCase() ? 'lower' : 'mixed'}`,
        `${tag}-miss len ${nWords >= 4 ? '4+' : nWords}`,
        ...extra(v, over, prev),
        `${tag}-miss prev ${prev}`,
      ];
      const chars = visibleChars(r.text, a, preds);
      for (const k of keys) add(k);
      for (const k of keys) add(`${k} chars`, chars);
      for (const k of keys) show(k, printable, () => marked(r, preds));
    }
  };
  missed('STREET_ADDRESS', 'A', (v) => [`A-miss digits ${/\d/.test(v) ? 'has-digit' : 'no-digit'}`]);
  missed('FACILITY', 'F', (v, over, prev) => {
    const words = v.split(/\s+/);
    return [
      `F-miss kind ${KIND.test(v) ? 'has-kind-word' : 'no-kind-word'}`,
      `F-miss hiddenAs ${over.map((p) => p.type).join('+') || 'none'}`,
      `F-miss first ${dictOf(words[0] === 'the' ? (words[1] ?? '') : words[0]!)}`,
      `F-miss x ${over.length ? 'partly' : 'all-visible'}/${KIND.test(v) ? 'kind' : 'no-kind'}/${prev}/${v === v.toLowerCase() ? 'lower' : 'mixed'}`,
    ];
  });
}

function main(): void {
  const group = option('--group') ?? 'dev';
  const files = group === 'dev' ? devWriters15() : group === 'held' ? HELD15 : group === 'untouched' ? [...UNTOUCHED] : group.split(',');
  const printable = (w: string) => group === 'dev' || (devWriters15().includes(w) && !HELD15.includes(w));
  for (const w of files) {
    const file = ['txt', 'jsonl'].map((x) => path.join(dataDir, `${w}.${x}`)).find((f) => fs.existsSync(f));
    if (!file || isBlindSet(file)) throw new Error(`deidPlaceShapes: ${w} is no training writer here`);
    for (const r of load(file)) scoreNote(r, printable(w));
  }
  const f = score(scored.recs, scored.preds);
  const pct = (n: number, d: number) => `${n}/${d} ${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
  console.log(`# ${group}: ${files.length} files, words ${words}, hidden with no label ${overWords} (${((100 * overWords) / Math.max(1, words)).toFixed(2)} %)`);
  console.log(`# all ${(100 * f.overall.strictRecall).toFixed(2)} / leak ${(100 * f.overall.leakRate).toFixed(2)} / over ${(100 * f.overRedaction).toFixed(2)} %; facilities ${pct(f.perType.FACILITY?.found ?? 0, f.perType.FACILITY?.spans ?? 0)}, addresses ${pct(f.perType.STREET_ADDRESS?.found ?? 0, f.perType.STREET_ADDRESS?.spans ?? 0)}, names ${pct(f.perType.PERSON?.found ?? 0, f.perType.PERSON?.spans ?? 0)}`);
  // Grouped by the key less its last part ("FACILITY/standalone/common" under "FACILITY/standalone"), most first.
  const head = (k: string) => k.replace(/[/ ][^/ ]*$/, '');
  const sorted = [...count].sort((a, b) => head(a[0]).localeCompare(head(b[0])) || b[1] - a[1]);
  for (const [k, n] of sorted) console.log(`${k}\t${n}`);
}

if (require.main === module) main();
