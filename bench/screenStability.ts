/**
 * `npx tsx bench/screenStability.ts CACHE_A CACHE_B [--variant NAME …]`: how far a classifier recipe moves when only the
 * de-identifier changes (round 15). CACHE_A and CACHE_B are bench/screenFolds cache files of the same data made by two
 * de-identifiers (another tree's model files, or DEID_DEFAULT_LEAVE set). Per variant: a model trained on A's text and
 * one trained on B's, both at the shipped file's thresholds, then the risk sentences and false alarms whose verdict
 * differs — reading B's text with A's model (the de-identifier changed under a shipped file) and with B's (the same
 * command retrained) — over the held-out batches, the development batches and the everyday notes. The patterns alone
 * (no classifier) are the floor: they read the de-identified view too. Ids and counts only, never a sentence.
 */
import fs from 'node:fs';
import { RISK_CATEGORIES, type RiskCategory } from '../services/content';
import { shippedModel, type RiskModel } from '../services/safety/screen/classifier';
import { train } from '../services/safety/screen/train';
import { type Cached, type CachedBatch, scoreWith, trainingSet, VARIANTS, verdict } from './screenFolds';

type Data = { dev: CachedBatch[]; held: CachedBatch[] };
const groups = (d: Data) => ({ held: d.held, dev: d.dev.filter((b) => b.budget), everyday: d.dev.filter((b) => !b.budget) });

/** Per group: sentences whose verdict (flagged or not) differs between (model a on data A) and (model b on data B). */
export function moves(A: Data, B: Data, a: RiskModel | null, b: RiskModel | null): Record<string, { risk: number; negatives: number; of: number }> {
  const off = Object.fromEntries(RISK_CATEGORIES.map((k) => [k, 2])) as Record<RiskCategory, number>;
  const says = (m: RiskModel | null, ex: Cached) => (m ? verdict(ex, scoreWith(m, ex), m.thresholds) : verdict(ex, scoreWith(shippedModel(), ex), off)).length > 0;
  const ga = groups(A);
  const gb = groups(B);
  const out: Record<string, { risk: number; negatives: number; of: number }> = {};
  for (const g of ['held', 'dev', 'everyday'] as const) {
    const byId = new Map(gb[g].flatMap((x) => x.examples.map((ex) => [`${x.name}\t${ex.id}`, ex] as const)));
    const r = { risk: 0, negatives: 0, of: 0 };
    for (const x of ga[g]) {
      for (const ex of x.examples) {
        const other = byId.get(`${x.name}\t${ex.id}`);
        if (!other) continue;
        r.of++;
        if (says(a, ex) !== says(b, other)) r[ex.kinds.length ? 'risk' : 'negatives']++;
      }
    }
    out[g] = r;
  }
  return out;
}

if (require.main === module) {
  const [fa, fb] = process.argv.slice(2);
  if (!fa || !fb) throw new Error('usage: screenStability.ts CACHE_A CACHE_B [--variant NAME …]');
  const A = JSON.parse(fs.readFileSync(fa, 'utf8')) as Data;
  const B = JSON.parse(fs.readFileSync(fb, 'utf8')) as Data;
  const names = process.argv.flatMap((x, i) => (process.argv[i - 1] === '--variant' ? [x] : []));
  const line = (label: string, m: ReturnType<typeof moves>) =>
    console.log(`${label}: ${Object.entries(m).map(([g, r]) => `${g} ${r.risk} risk + ${r.negatives} negatives of ${r.of}`).join('; ')}`);
  line('patterns alone (the floor)', moves(A, B, null, null));
  for (const name of names.length ? names : ['base']) {
    const v = VARIANTS[name];
    if (!v) throw new Error(`unknown variant ${name}`);
    const th = shippedModel().thresholds;
    const a = { ...train(trainingSet(A.dev, v), v), thresholds: th };
    const b = { ...train(trainingSet(B.dev, v), v), thresholds: th };
    line(`${name}, A's model reading B`, moves(A, B, a, a));
    line(`${name}, retrained on B`, moves(A, B, a, b));
  }
}
