/**
 * `npm run train:deid:facility-slots` (round 20): trains the slots' facility model (facilityModel.ts
 * FACILITY_SLOT_MODEL_FILE) on the candidates of slots with no place preposition only (Candidate.slot: "called
 * [pembina]", "the waitlist for [hillside]", "says [kaien house] kicked him out", "[sunrise] sed no beds"), beside round
 * 13's facility-model.json, which keeps its own candidates and file. Same writers, trainer and folds as
 * bench/trainFacility.ts (leaveOneWriterOut with prepare(notes, true)): each held-out writer is scored with round 13's
 * shipped model and the fold's slots' model at each threshold, against the de-identifier as shipped without the slots'
 * model; the threshold is the most macro facility recall with at most SLOT_OVER_BUDGET macro over-redaction added on the
 * seed-averaged folds and every writer within its limit. Deterministic: the same notes, rules and models give the same
 * file, byte for byte.
 *
 * Flags as trainFacility.ts: `--folds` (no file written), `--sweep`, `--at T`, `--misses`, `--wrong [T]` (never for the
 * places' held-out writers, deidPlaceShapes HELD15);
 * FACILITY_SEEDS, FACILITY_HELD, DEID_WRITERS_EXCEPT. `--check`: whether the shipped file is what the recipe makes now
 * at its threshold (IDENTICAL / DIFFERS; exit code 1 when it differs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { FACILITY_SLOT_MODEL_FILE, shippedFacilitySlotModel } from '../services/deidentify/classifier/facilityModel';
import { writerNotes } from './deidLowo';
import { arg } from './args';
import { HELD15 } from './deidPlaceShapes';
import { CHOICE_SEEDS, chooseThreshold, leaveOneWriterOut, meanOverSeeds, prepare, report, sweep, THRESHOLDS, trainShipped } from './trainFacility';

const repoRoot = path.resolve(__dirname, '..');

/**
 * Macro over-redaction the slots' model may add on held-out writers above the de-identifier without it: a third of
 * round 13's model's budget (OVER_BUDGET), which counts from the rules alone.
 */
export const SLOT_OVER_BUDGET = 0.0005;

function write(t: number): void {
  const model = trainShipped(writerNotes(), t, true);
  fs.writeFileSync(FACILITY_SLOT_MODEL_FILE, JSON.stringify(model) + '\n');
  console.log(`wrote ${path.relative(repoRoot, FACILITY_SLOT_MODEL_FILE)}: ${Object.keys(model.weights).length} weights, threshold ${t}, ${model.trainedOn.tokens} candidates (${model.trainedOn.names} facilities)`);
}

function check(): void {
  const shipped = shippedFacilitySlotModel();
  if (!shipped) {
    console.log(`${path.relative(repoRoot, FACILITY_SLOT_MODEL_FILE)}: none shipped`);
    process.exitCode = 1;
    return;
  }
  const made = trainShipped(writerNotes(), shipped.threshold, true);
  const same = `${JSON.stringify(made)}\n` === fs.readFileSync(FACILITY_SLOT_MODEL_FILE, 'utf8');
  const added = made.trainedOn.files.filter((f) => !shipped.trainedOn.files.includes(f));
  const gone = shipped.trainedOn.files.filter((f) => !made.trainedOn.files.includes(f));
  console.log(`facility-slot-model.json (threshold ${shipped.threshold}, ${shipped.trainedOn.names} facilities): ${same ? 'IDENTICAL' : 'DIFFERS'}`);
  console.log(`inputs (notes, name and facility models, the rules' spans): ${made.trainedOn.sha256 === shipped.trainedOn.sha256 ? 'as trained' : 'changed since it was trained'}; files added ${added.join(', ') || 'none'}; gone ${gone.join(', ') || 'none'}`);
  if (!same) process.exitCode = 1;
}

if (require.main === module && process.argv.includes('--check')) check();
else if (require.main === module) {
  const t0 = Date.now();
  const notes = writerNotes();
  const only = process.env.FACILITY_HELD ? new RegExp(process.env.FACILITY_HELD) : undefined;
  const prepared = prepare(notes, true);
  const seeds = process.env.FACILITY_SEEDS ? process.env.FACILITY_SEEDS.split(',').map(Number) : CHOICE_SEEDS;
  const runs = seeds.map((seed) => leaveOneWriterOut(notes, prepared, seed, only));
  const results = runs[0]!;
  const mean = meanOverSeeds(runs);
  const atArg = arg('--at');
  const t = atArg !== undefined ? Number(atArg) : chooseThreshold(mean, SLOT_OVER_BUDGET) ?? THRESHOLDS[THRESHOLDS.length - 1]!;
  console.log('Slots\' model: "rules" below is the de-identifier as shipped without it (round 13\'s model on)');
  console.log(report(results, t).join('\n'));
  if (runs.length > 1) console.log(`(the threshold chosen on the figures averaged over seeds ${seeds.join(', ')}; the table is seed ${seeds[0]}'s)`);
  if (process.argv.includes('--sweep')) console.log(`\n${sweep(mean).join('\n')}`);
  const i = THRESHOLDS.indexOf(t);
  // The places' held-out writers (deidPlaceShapes HELD15) stay in the folds, counted, never printed.
  const shown = results.filter((r) => !HELD15.includes(r.writer));
  if (process.argv.includes('--misses')) for (const r of shown) for (const m of r.missed[i]!) console.log(`${r.writer}\t${m}`);
  const wrongAt = Number(arg('--wrong'));
  if (process.argv.includes('--wrong')) for (const r of shown) for (const m of r.wrong[THRESHOLDS.includes(wrongAt) ? THRESHOLDS.indexOf(wrongAt) : i]!) console.log(`${r.writer}\t${m}`);
  if (!process.argv.includes('--folds')) write(t);
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
