/**
 * `npm run train:screen`: trains the risk screen's classifier on the development bank (plus
 * bench/data/screen-train.jsonl when present; never the test set) and writes
 * services/safety/screen/risk-model.json. Deterministic: the same data gives the same file.
 * Each kind's threshold is chosen on 5-fold cross-validated predictions of the development bank, counting only
 * what the classifier adds to the pattern layer: every risk sentence it newly catches scores +1, every hard
 * negative it newly flags scores -FP_COST; the best score wins, ties going to the higher threshold.
 */
import fs from 'node:fs';
import path from 'node:path';
import { content, RISK_CATEGORIES } from '../services/content';
import { MODEL_FILE, probabilities, type RiskModel } from '../services/safety/screen/classifier';
import { matchLexicon } from '../services/safety/screen/lexicon';
import { DEFAULT_TRAIN, folds, train } from '../services/safety/screen/train';
import { readSet, SCREEN_SETS } from '../bench/screenData';

const FP_COST = 3;
const GRID = Array.from({ length: 17 }, (_v, i) => Math.round((0.15 + i * 0.05) * 100) / 100);

export function trainShipped(): RiskModel {
  const c = content();
  const bank = [...readSet(SCREEN_SETS.dev), ...readSet(SCREEN_SETS.train)];
  const oof = new Map<string, Record<string, number>>();
  for (const { train: part, held } of folds(bank, 5)) {
    const m = train(part);
    for (const ex of held) oof.set(ex.id, probabilities(m, ex.norm));
  }
  const lexKinds = new Map(bank.map((ex) => [ex.id, new Set(matchLexicon(ex.norm, c).map((h) => h.category))]));
  const model = train(bank, DEFAULT_TRAIN);
  for (const kind of RISK_CATEGORIES) {
    let best = { t: 1, score: 0 };
    for (const t of GRID) {
      let score = 0;
      for (const ex of bank) {
        const lex = lexKinds.get(ex.id)!;
        if (oof.get(ex.id)![kind] < t || lex.has(kind)) continue;
        if (ex.kinds.includes(kind)) score += 1;
        else if (ex.kinds.length === 0 && lex.size === 0) score -= FP_COST;
      }
      if (score > best.score || (score === best.score && t > best.t)) best = { t, score };
    }
    model.thresholds[kind] = best.t;
  }
  model.trainedOn.files = [SCREEN_SETS.dev, SCREEN_SETS.train].filter((f) => fs.existsSync(f)).map((f) => path.relative(path.join(__dirname, '..'), f));
  return model;
}

if (require.main === module) {
  const model = trainShipped();
  fs.writeFileSync(MODEL_FILE, JSON.stringify(model) + '\n');
  const size = fs.statSync(MODEL_FILE).size;
  process.stdout.write(
    `wrote ${path.relative(process.cwd(), MODEL_FILE)}: ${Object.keys(model.weights).length} features, ${(size / 1024).toFixed(0)} KB, ` +
      `thresholds ${JSON.stringify(model.thresholds)}\n`,
  );
}
