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
import { FACILITY_SLOT_MODEL_FILE, shippedFacilitySlotModel } from '../services/deidentify/classifier/facilityModel';
import { HELD15 } from './deidPlaceShapes';
import { checkRecipe, runRecipe, type Recipe } from './trainFacility';

/**
 * Macro over-redaction the slots' model may add on held-out writers above the de-identifier without it: a third of
 * round 13's model's budget (OVER_BUDGET), which counts from the rules alone.
 */
export const SLOT_OVER_BUDGET = 0.0005;

/** The places' held-out writers (deidPlaceShapes HELD15) stay in the folds, counted, never printed. */
export const SLOTS: Recipe = {
  file: FACILITY_SLOT_MODEL_FILE,
  slots: true,
  budget: SLOT_OVER_BUDGET,
  unprinted: HELD15,
  title: 'Slots\' model: "rules" below is the de-identifier as shipped without it (round 13\'s model on)',
};

if (require.main === module && process.argv.includes('--check')) checkRecipe(SLOTS, shippedFacilitySlotModel());
else if (require.main === module) runRecipe(SLOTS);
