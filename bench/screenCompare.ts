/**
 * `npx tsx bench/screenCompare.ts CACHE BEFORE.json AFTER.json`: two risk-model files, verdict by verdict, as the turn
 * screens (bench/screenFolds verdict: both views, patterns, context rules, the gated classifier): the held-out batches
 * (screenData HELD_OUT) per batch with the ids lost and gained, the development batches (batches losing more than 2 named)
 * and the everyday notes. The ship bar of a retrain (docs/history/SAFETY-rounds.md, "Round 14 (classifier)"): held-out met >= before,
 * false alarms <= before, no batch losing more than 2. CACHE is a screenFolds cache file (made if absent; delete it when
 * the tree's de-identifier, rules or data change). Ids and counts only, never a sentence; never reads a test or blind set.
 */
import fs from 'node:fs';
import { prepare, scoreWith, verdict, type CachedBatch } from './screenFolds';
import type { RiskModel } from '../services/safety/screen/classifier';
import { RISK_CATEGORIES } from '../services/content';
const [cache, fa, fb] = process.argv.slice(2);
if (!cache || !fa || !fb) throw new Error('usage: screenCompare.ts CACHE BEFORE.json AFTER.json');
const { dev, held } = prepare(cache);
const A = JSON.parse(fs.readFileSync(fa!, 'utf8')) as RiskModel;
const B = JSON.parse(fs.readFileSync(fb!, 'utf8')) as RiskModel;
console.log('thresholds A', JSON.stringify(A.thresholds));
console.log('thresholds B', JSON.stringify(B.thresholds));
const row = (b: CachedBatch) => {
  let risk = 0, neg = 0, ma = 0, mb = 0, fa2 = 0, fb2 = 0, ra = 0, rb = 0;
  const lost: string[] = [], gained: string[] = [], fpNew: string[] = [], fpGone: string[] = [];
  for (const ex of b.examples) {
    const va = verdict(ex, scoreWith(A, ex), A.thresholds);
    const vb = verdict(ex, scoreWith(B, ex), B.thresholds);
    if (ex.kinds.length) {
      risk++;
      if (va.length) ma++;
      if (vb.length) mb++;
      if (ex.kinds.some((k) => va.includes(k))) ra++;
      if (ex.kinds.some((k) => vb.includes(k))) rb++;
      if (va.length && !vb.length) lost.push(ex.id);
      if (!va.length && vb.length) gained.push(ex.id);
    } else {
      neg++;
      if (va.length) fa2++;
      if (vb.length) fb2++;
      if (!va.length && vb.length) fpNew.push(ex.id);
      if (va.length && !vb.length) fpGone.push(ex.id);
    }
  }
  return { name: b.name, risk, neg, ma, mb, ra, rb, fa: fa2, fb: fb2, lost, gained, fpNew, fpGone };
};
const show = (label: string, bs: CachedBatch[], detail: boolean) => {
  const rows = bs.map(row);
  const s = (f: (r: ReturnType<typeof row>) => number) => rows.reduce((a, r) => a + f(r), 0);
  for (const r of rows) if (detail || r.lost.length > 2) console.log(`  ${r.name}: met ${r.ma} -> ${r.mb} of ${r.risk} (right kind ${r.ra} -> ${r.rb}; lost ${r.lost.join(' ')}${detail ? `; gained ${r.gained.join(' ')}` : ''}), FP ${r.fa} -> ${r.fb} of ${r.neg}${detail ? ` (new ${r.fpNew.join(' ')}; gone ${r.fpGone.join(' ')})` : ''}`);
  const line = `${label}: met ${s((r) => r.ma)} -> ${s((r) => r.mb)} of ${s((r) => r.risk)} (right kind ${s((r) => r.ra)} -> ${s((r) => r.rb)}, lost ${s((r) => r.lost.length)}, gained ${s((r) => r.gained.length)}), FP ${s((r) => r.fa)} -> ${s((r) => r.fb)} of ${s((r) => r.neg)}`;
  console.log(line);
  return { met: s((r) => r.mb) - s((r) => r.ma), fp: s((r) => r.fb) - s((r) => r.fa), worst: Math.max(0, ...rows.map((r) => r.lost.length)) };
};
const h = show('held out', held, true);
const d = show('development (budget batches)', dev.filter((b) => b.budget), false);
show('everyday notes', dev.filter((b) => !b.budget), false);
// Per kind over the held-out batches: risk sentences of the kind flagged with it.
for (const k of RISK_CATEGORIES) {
  const of = held.flatMap((b) => b.examples).filter((e) => e.kinds.includes(k));
  const n = (M: RiskModel) => of.filter((e) => verdict(e, scoreWith(M, e), M.thresholds).includes(k)).length;
  console.log(`  held ${k}: ${n(A)} -> ${n(B)} of ${of.length}`);
}
const pass = h.met >= 0 && h.fp <= 0 && Math.max(h.worst, d.worst) <= 2;
console.log(`ship bar (held-out met >= before, false alarms <= before, no batch losing > 2): ${pass ? 'met' : 'NOT met'}`);
