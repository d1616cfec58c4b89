/**
 * Addresses, ids and dates per writer (round 7): `npx tsx bench/deidIds.ts [--misses] FILE...` (files of bench/data).
 * Prints, per file and summed, strict recall of street addresses (A), postal/ZIP codes (Z), labelled case/client/file
 * ids (M), health cards (H), plates (L) and dates (D), the whole-note figures and over-redaction. `--misses` prints
 * the address/id/date spans left (whole span, as the scorer counts it) — only for development files: a held-out
 * writer or a -test file is scored, never looked into. Never a blind set (refused).
 */
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { leftVisible, score, type LabelledRecord, type PredictedSpan } from './deidMetrics';
import { isBlindSet } from './blindSets';
import { load } from './deid';

const TYPES: Array<[string, string]> = [['A', 'STREET_ADDRESS'], ['Z', 'ZIP_CODE'], ['M', 'MRN'], ['H', 'HEALTH_CARD'], ['L', 'PLATE'], ['D', 'DATE_TIME']];
/** Writers whose misses may be printed: the development half of round 7's train-* writers and older dev files. */
const DEV = /train-[acegij]\.txt$|-dev\d*\.(txt|jsonl)$/;

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const files = args.filter((a) => !a.startsWith('--'));
const pct = (n: number, d: number): string => (d ? ((100 * n) / d).toFixed(1) : '–').padStart(6);
const totals = { recs: [] as LabelledRecord[], preds: [] as PredictedSpan[][] };

function row(name: string, recs: LabelledRecord[], preds: PredictedSpan[][]): void {
  const f = score(recs, preds);
  const cells = TYPES.map(([k, t]) => {
    const x = f.perType[t];
    return `${k} ${x ? `${x.found}/${x.spans}`.padStart(6) : '   0/0'}${pct(x?.found ?? 0, x?.spans ?? 0)}`;
  });
  console.log(`${name.padEnd(18)} ${cells.join(' | ')} | all ${pct(f.overall.found, f.overall.spans)} | over ${(100 * f.overRedaction).toFixed(2)}`);
}

for (const file of files) {
  if (isBlindSet(file)) throw new Error(`deidIds: ${file} is a blind set`);
  const recs = load(path.resolve(__dirname, 'data', path.basename(file)));
  const preds = recs.map((r) => deidentify(r.text).entities);
  row(path.basename(file), recs, preds);
  totals.recs.push(...recs);
  totals.preds.push(...preds);
  if (!showMisses || !DEV.test(file)) continue;
  recs.forEach((r, i) => {
    for (const s of r.spans) {
      if (!TYPES.some(([, t]) => t === s.type)) continue;
      if (leftVisible(r.text, s, preds[i]!)) console.log(`  MISS ${s.type} ${JSON.stringify(r.text.slice(s.start, s.end))} in ${JSON.stringify(r.text.slice(Math.max(0, s.start - 50), s.end + 40))}`);
    }
    for (const p of preds[i]!) {
      if (r.spans.some((s) => s.start < p.end && p.start < s.end)) continue;
      if (/ADDRESS|POSTAL|STREET|ZIP|MRN|HEALTH|PLATE|DATE|ID/.test(p.type ?? '')) console.log(`  OVER ${p.type} ${JSON.stringify(r.text.slice(p.start, p.end))} in ${JSON.stringify(r.text.slice(Math.max(0, p.start - 40), p.end + 30))}`);
    }
  });
}
if (files.length > 1) row('TOTAL', totals.recs, totals.preds);
