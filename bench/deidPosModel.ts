/**
 * Round 22 (name model): the name model's recipe (bench/trainDeid.ts nameRecipe: leave one writer out, the operating
 * point, the model on every writer) for several feature sets on one run of the rules over the development writers —
 * `--features 12,14` (featureSet 7 as shipped, and featureSet 9: with the parts of speech of the word and its
 * neighbours) — each model written to `--out-dir DIR` as features<N>.json, never over the shipped file. Score them
 * after with `npx tsx bench/trainDeid.ts --score <writers> --model FILE` and `--tests --model FILE`.
 *
 *   DEID_WRITERS_EXCEPT="$(npx tsx bench/writers.ts)" npx tsx bench/deidPosModel.ts --out-dir DIR [--features 12,14]
 */
import fs from 'node:fs';
import path from 'node:path';
import { arg } from './args';
import { prepare, type Prepared } from './deidLowo';
import { devNotes, nameRecipe, SHIPPED } from './trainDeid';

async function main(): Promise<void> {
  const dir = arg('--out-dir');
  if (!dir) throw new Error('deidPosModel: --out-dir DIR');
  fs.mkdirSync(dir, { recursive: true });
  const notes = devNotes();
  let runs: Prepared['runs'] | undefined;
  for (const features of (arg('--features') ?? '12,14').split(',').map(Number)) {
    if (features !== 12 && features !== 14) throw new Error(`deidPosModel: --features 12 or 14, not ${features}`);
    SHIPPED.features = features;
    const t0 = Date.now();
    const prepared = prepare(notes, SHIPPED, runs);
    runs = prepared.runs;
    console.log(`\n## features ${features} (prepared in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    const { model } = await nameRecipe(notes, prepared);
    const out = path.join(dir, `features${features}.json`);
    fs.writeFileSync(out, JSON.stringify(model) + '\n');
    console.log(`wrote ${out}: ${Object.keys(model.weights).length} weights, ${model.trainedOn.tokens} words (${model.trainedOn.names} in names), ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
}

void main();
