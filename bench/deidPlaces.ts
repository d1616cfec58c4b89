/**
 * Facilities and street addresses per writer (round 8): `npx tsx bench/deidPlaces.ts [--misses|--addr] [--model off] FILE...`
 * (files of bench/data, or paths). Prints, per file and summed, strict recall of FACILITY and STREET_ADDRESS spans,
 * all identifiers' recall and leak, over-redaction, and the part of it the FACILITY spans make (characters of no
 * identifier hidden as a facility, over the note's other characters). `--misses` prints the facility and address
 * spans left and the facilities added over nothing — only for this round's development writers (DEV): an untouched
 * writer is scored, never looked into. `--addr` prints only the street addresses left and the addresses hidden over no
 * identifier (round 10), for the same writers. `--model off` scores without the facility model. Never a blind set (refused).
 */
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { useFacilityModel } from '../services/deidentify/classifier/facilityModel';
import { leftVisible, score, type LabelledRecord, type PredictedSpan } from './deidMetrics';
import { isBlindSet } from './blindSets';
import { load } from './deid';
import { isUntouched } from './writers';

/**
 * Writers whose misses may be printed. Round 10 (street addresses): every writer before round 10's, train-a … train-as
 * (rounds 7–9 kept some untouched; their before/after figures are in docs/history/DEIDENTIFICATION-rounds.md), and two of round 10's six
 * new writers, train-av and train-aw; train-at, au, ax and ay stay untouched (scored before and after, never looked into).
 * Round 11 (facilities): every writer up to train-be; round 11's train-bf and train-bg are untouched.
 * Round 12 (facilities): every writer up to train-bg; round 12's train-bh and train-bi are untouched.
 * Round 13 (facilities and addresses): every writer up to train-bi but a held-out group chosen before any miss was read,
 * train-h, train-au, train-ba and train-bi; round 13's train-bk is untouched.
 * Round 14 (facilities and addresses): every writer but a held-out group chosen before any miss was read, train-y,
 * train-am, train-bc and train-bk, and round 14's untouched train-bl and train-bm (train-bj, a names writer, left out too).
 * Since round 21 no writer untouched today (bench/writers.ts) either: round 15's to 21's new writers, printed before.
 */
export const DEV = /train-(?!(?:y|am|bc|bj|bk|bl|bm)\.txt$)[a-z]{1,2}\.txt$|-dev\d*\.(txt|jsonl)$/;
/** Whether a file's misses may be printed: DEV, and no untouched writer's. */
export const printable = (file: string): boolean => DEV.test(file) && !isUntouched(path.basename(file).replace(/\.(?:txt|jsonl)$/, ''));

const args = process.argv.slice(2);
const addrOnly = args.includes('--addr');
const showMisses = addrOnly || args.includes('--misses');
if (args.includes('--model') && args[args.indexOf('--model') + 1] === 'off') useFacilityModel(null);
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--model');
const pct = (n: number, d: number): string => (d ? ((100 * n) / d).toFixed(1) : '–').padStart(5);

/** Characters outside every labelled span that a prediction of one type hides, over all characters outside them. */
function overOf(type: string, recs: LabelledRecord[], preds: PredictedSpan[][]): number {
  let other = 0;
  let over = 0;
  recs.forEach((r, i) => {
    for (let k = 0; k < r.text.length; k++) {
      if (/\s/.test(r.text[k]!) || r.spans.some((s) => s.start <= k && k < s.end)) continue;
      other++;
      if (preds[i]!.some((p) => p.type === type && p.start <= k && k < p.end)) over++;
    }
  });
  return other ? over / other : 0;
}

function row(name: string, recs: LabelledRecord[], preds: PredictedSpan[][]): void {
  const f = score(recs, preds);
  const cell = (t: string) => {
    const x = f.perType[t];
    return `${`${x?.found ?? 0}/${x?.spans ?? 0}`.padStart(7)} ${pct(x?.found ?? 0, x?.spans ?? 0)}`;
  };
  console.log(
    `${name.padEnd(16)} fac ${cell('FACILITY')} | addr ${cell('STREET_ADDRESS')} | all ${pct(f.overall.found, f.overall.spans)} leak ${(100 * f.overall.leakRate).toFixed(1)} | over ${(100 * f.overRedaction).toFixed(2)} (fac ${(100 * overOf('FACILITY', recs, preds)).toFixed(2)}, addr ${(100 * overOf('ADDRESS', recs, preds)).toFixed(2)})`,
  );
}

const totals = { recs: [] as LabelledRecord[], preds: [] as PredictedSpan[][] };
const around = (t: string, s: number, e: number) => JSON.stringify(`${t.slice(Math.max(0, s - 45), s)}[[${t.slice(s, e)}]]${t.slice(e, e + 30)}`);
for (const file of files) {
  const full = file.includes('/') ? path.resolve(file) : path.resolve(__dirname, 'data', file);
  if (isBlindSet(full)) throw new Error(`deidPlaces: ${file} is a blind set`);
  const recs = load(full);
  const preds = recs.map((r) => deidentify(r.text).entities);
  row(path.basename(file), recs, preds);
  totals.recs.push(...recs);
  totals.preds.push(...preds);
  if (!showMisses || !printable(full)) continue;
  recs.forEach((r, i) => {
    for (const s of r.spans) {
      if (s.type !== 'STREET_ADDRESS' && (addrOnly || s.type !== 'FACILITY')) continue;
      if (leftVisible(r.text, s, preds[i]!)) console.log(`  MISS ${s.type === 'FACILITY' ? 'F' : 'A'} ${around(r.text, s.start, s.end)}`);
    }
    for (const p of preds[i]!) {
      if (p.type !== (addrOnly ? 'ADDRESS' : 'FACILITY') || r.spans.some((s) => s.start < p.end && p.start < s.end)) continue;
      console.log(`  OVER ${addrOnly ? 'A' : 'F'} ${around(r.text, p.start, p.end)}`);
    }
  });
}
if (files.length > 1) row('TOTAL', totals.recs, totals.preds);
