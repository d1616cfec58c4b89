/**
 * Round 23 (name model): does a name model learn context rather than the training writers' names? The name model's
 * recipe (bench/trainDeid.ts nameRecipe: the operating point among those that keep the words that must stay, a line per
 * kind, the model on every writer) for several training variants on one run of the rules — each variant read by
 * leaving groups of writers out (`--groups K`, default 6: deidLowo leaveGroupsOut, a quick read; `--groups 0`: one
 * writer out, the recipe's own figure) and its model written to `--out-dir DIR` as <variant>.json, never over the
 * shipped file. Variants (`--variants a,b`): `plain` (the shipped recipe's learner), `drop<P>` (TrainOptions.dropForm:
 * that share of steps without the word's own letters), `writers<N>` (TrainOptions.minWriters: only features words
 * of N writers have), `l2=<X>` (a stronger L2), `epochs=<N>`. Score a model after
 * with its own slot models (copy it over name-model.json in a scratch tree, rebuild the slot models with the documented
 * envs, then `npx tsx bench/trainDeid.ts --score <writers>` and `--tests`).
 *
 *   DEID_WRITERS_EXCEPT="$(npx tsx bench/writers.ts)|train-cb" npx tsx bench/deidNameGeneral.ts --out-dir DIR --variants plain,drop0.5
 */
import fs from 'node:fs';
import path from 'node:path';
import { arg } from './args';
import { prepare, type Prepared } from './deidLowo';
import { devNotes, nameRecipe, SHIPPED } from './trainDeid';
import type { TrainOptions } from '../services/deidentify/classifier/train';

/** A variant's name as its training options over the shipped recipe's. */
export function variantOptions(name: string, base: TrainOptions): TrainOptions {
  if (name === 'plain') return base;
  const drop = /^drop(0?\.\d+)$/.exec(name);
  if (drop) return { ...base, dropForm: Number(drop[1]) };
  const l2 = /^l2=([\d.e-]+)$/.exec(name);
  if (l2) return { ...base, l2: Number(l2[1]) };
  const mw = /^writers(\d+)$/.exec(name);
  if (mw) return { ...base, minWriters: Number(mw[1]) };
  const ep = /^epochs=(\d+)$/.exec(name);
  if (ep) return { ...base, epochs: Number(ep[1]) };
  throw new Error(`deidNameGeneral: no variant ${name} (plain, drop<P>, writers<N>, l2=<X>, epochs=<N>)`);
}

async function main(): Promise<void> {
  const dir = arg('--out-dir');
  if (!dir) throw new Error('deidNameGeneral: --out-dir DIR');
  fs.mkdirSync(dir, { recursive: true });
  const groups = Number(arg('--groups') ?? 6);
  const notes = devNotes();
  const base = SHIPPED.train;
  let prepared: Prepared | undefined;
  for (const name of (arg('--variants') ?? 'plain').split(',')) {
    SHIPPED.train = variantOptions(name, base);
    const t0 = Date.now();
    prepared ??= prepare(notes, SHIPPED);
    console.log(`\n## ${name} (${groups ? `${groups} groups of writers` : 'one writer out'})`);
    const { model } = await nameRecipe(notes, prepared, groups);
    const out = path.join(dir, `${name}.json`);
    fs.writeFileSync(out, JSON.stringify(model) + '\n');
    console.log(`wrote ${out}: ${Object.keys(model.weights).length} weights, ${model.trainedOn.tokens} words (${model.trainedOn.names} in names), ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  SHIPPED.train = base;
}

if (require.main === module) void main();
