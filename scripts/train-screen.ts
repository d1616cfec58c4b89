/**
 * `npm run train:screen`: trains the risk screen's classifier on every development batch (the development bank and
 * bench/data/screen-train*.jsonl, with the ordinary notes of bench/data/psw-dev.jsonl and the everyday notes of
 * bench/data/train-*.txt as negatives, the latter at low weight and setting no threshold; never a test set,
 * a blind set or a held-out batch) and writes services/safety/screen/risk-model.json. Deterministic: the same data
 * gives the same file.
 * Each kind's threshold is set on LEAVE-ONE-BATCH-OUT probabilities (bench/screenLobo.ts): every batch's hard
 * negatives, and the ordinary notes as one more batch, scored by a model that never read that batch's voice, the lowest threshold at which the classifier on its
 * own flags that kind on at most its budget of them (2 % for suicide and overdose, whose recall matters most; 0.5 % for
 * the others), never below its floor. Five folds by position mixed every voice into every fold and set thresholds
 * that read ~2 % false alarms there and ~7 % on a voice the model had not read. Round 9 measured a cap per batch on
 * top (`--batch-cap`): it bought false alarms only by switching kinds off, so it is not the recipe (docs/history/SAFETY-rounds.md).
 * The everyday notes are pinned (bench/screenData EVERYDAY_WRITERS) so the same tree retrains the same model.
 *
 * Reproducible (round 14): training has no randomness (full-batch steps, fixed epochs, files and sentences in a fixed
 * order), but it reads every sentence DE-IDENTIFIED, so the de-identifier's rules and models are part of its input:
 * the file records a SHA-256 of what it read (`trainedOn.inputs`). `--digest` de-identifies the data and compares
 * that digest with the shipped file's (minutes, no training): a mismatch means a retrain gives another file.
 * `--check` retrains and compares byte for byte without writing; `--out FILE` writes elsewhere (docs/history/SAFETY-rounds.md,
 * "Round 14 (classifier)").
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MODEL_FILE, type RiskModel, wordsRead } from '../services/safety/screen/classifier';
import { DEFAULT_TRAIN, train } from '../services/safety/screen/train';
import { EVERYDAY_NOTES, ORDINARY_NOTES, SCREEN_SETS, screenLabelled, TRAIN_BATCHES } from '../bench/screenData';
import { batchThresholds, type Batch, type LoboRow, loboBatches, loboProbabilities, loboRows, possibleAlarms } from '../bench/screenLobo';
import { loboMarkdown } from '../bench/screen';
import { content } from '../services/content';
import { riskCategories } from '../services/safety/screen';

/** The shipped file keeps a feature only if one of its weights is at least this large: round 13's end model was 2.14 MB
 * (the size budget is 2 MB), dropping features below 0.008 gives 1.92 MB with every verdict on every development,
 * held-out and everyday sentence unchanged (docs/history/SAFETY-rounds.md, round 13). The left-out models that set thresholds keep all. */
export const SHIPPED_MIN_WEIGHT = 0.008;

/** SHA-256 of the training sentences as the classifier reads them, in training order: batch, id, weight, kinds and the
 * de-identified normalised text. Equal digests, equal code: the same file. */
export function inputsDigest(batches: readonly Batch[]): string {
  const h = crypto.createHash('sha256');
  // The text as the recipe's model reads it (a vocabulary model folds words outside it): a vocabulary change is an input change.
  for (const ex of batches.flatMap((b) => b.examples)) h.update(`${ex.group ?? ''}\t${ex.id}\t${ex.weight ?? 1}\t${ex.kinds.join(',')}\t${wordsRead(ex.norm, DEFAULT_TRAIN.features).join(' ')}\n`);
  return `sha256:${h.digest('hex')}`;
}

/** `cap`: also hold each batch to a share of classifier-only false alarms (bench/screenLobo BATCH_CAP; measured in round 9,
 * not shipped: docs/history/SAFETY-rounds.md). */
export function trainShipped(lobo?: (rows: LoboRow[]) => void, cap?: number): RiskModel {
  const batches = loboBatches();
  const loboModels = loboProbabilities(batches, DEFAULT_TRAIN);
  const model = train(batches.flatMap((b) => b.examples), { ...DEFAULT_TRAIN, minWeight: SHIPPED_MIN_WEIGHT });
  const alarms = cap === undefined ? undefined : possibleAlarms(batches, loboModels);
  model.thresholds = batchThresholds(batches, loboModels.probs, alarms, cap);
  if (lobo) {
    const c = content();
    lobo(loboRows(batches, (ex, m) => riskCategories(screenLabelled(ex, c, { classifier: m })), DEFAULT_TRAIN, loboModels, alarms));
  }
  model.trainedOn.files = [SCREEN_SETS.dev, ...TRAIN_BATCHES, ORDINARY_NOTES, ...EVERYDAY_NOTES].filter((f) => fs.existsSync(f)).map((f) => path.relative(path.join(__dirname, '..'), f));
  model.trainedOn.inputs = inputsDigest(batches);
  return model;
}

/** What differs between two model files, in a line: thresholds, biases, features. */
function difference(a: RiskModel, b: RiskModel): string {
  const out: string[] = [];
  if (JSON.stringify(a.thresholds) !== JSON.stringify(b.thresholds)) out.push(`thresholds ${JSON.stringify(a.thresholds)} -> ${JSON.stringify(b.thresholds)}`);
  if (JSON.stringify(a.bias) !== JSON.stringify(b.bias)) out.push('biases');
  const keys = new Set([...Object.keys(a.weights), ...Object.keys(b.weights)]);
  const changed = [...keys].filter((k) => JSON.stringify(a.weights[k]) !== JSON.stringify(b.weights[k])).length;
  if (changed) out.push(`${changed} of ${keys.size} features' weights`);
  if (a.trainedOn.inputs !== b.trainedOn.inputs) out.push('inputs (the de-identified training text)');
  return out.join('; ') || 'the same fields, other bytes';
}

if (require.main === module) {
  const t0 = Date.now();
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const shippedText = fs.existsSync(MODEL_FILE) ? fs.readFileSync(MODEL_FILE, 'utf8') : undefined;
  const shipped = shippedText ? (JSON.parse(shippedText) as RiskModel) : undefined;
  if (process.argv.includes('--digest')) {
    // The de-identified training text only, no training: does the tree still read what the shipped file was trained on?
    const digest = inputsDigest(loboBatches());
    const same = digest === shipped?.trainedOn.inputs;
    process.stdout.write(`inputs ${digest}; shipped ${shipped?.trainedOn.inputs ?? 'none recorded'}: ${same ? 'the same (a retrain gives the shipped file)' : 'DIFFERENT (retrain: npm run train:screen)'}, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    process.exit(same ? 0 : 1);
  }
  // `--lobo`: also the leave-one-batch-out section of docs/SAFETY.md, from the same left-out models (one run, not two).
  let lobo: string[] = [];
  // `--batch-cap 0.05`: thresholds also capped per batch (a measurement; the shipped recipe has no cap).
  const capAt = arg('--batch-cap');
  const model = trainShipped(process.argv.includes('--lobo') ? (rows) => (lobo = loboMarkdown(rows)) : undefined, capAt !== undefined ? Number(capAt) : undefined);
  const text = JSON.stringify(model) + '\n';
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (process.argv.includes('--check')) {
    // Retrain and compare with the shipped file, writing nothing.
    const same = text === shippedText;
    process.stdout.write(`${same ? 'identical to' : 'DIFFERS from'} ${path.relative(process.cwd(), MODEL_FILE)}${same ? '' : `: ${difference(shipped!, model)}`}, ${secs} s\n`);
    process.exit(same ? 0 : 1);
  }
  const file = arg('--out') ?? MODEL_FILE;
  fs.writeFileSync(file, text);
  const size = fs.statSync(file).size;
  process.stdout.write(
    `wrote ${path.relative(process.cwd(), file)}: ${Object.keys(model.weights).length} features, ${(size / 1024).toFixed(0)} KB, ` +
      `thresholds ${JSON.stringify(model.thresholds)}, inputs ${model.trainedOn.inputs}, ${secs} s\n`,
  );
  if (lobo.length) process.stdout.write(`${lobo.join('\n')}\n`);
}
