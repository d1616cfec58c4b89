/**
 * Which training writers are untouched, and since when (round 21): one list every bench script reads. An untouched
 * writer is measured before and after a change, counts only: no rule is tuned on it, no script prints its words, and no
 * recipe trains on it until the lead's end retrain (recipes leave it out with DEID_WRITERS_EXCEPT=UNTOUCHED_EXCEPT, as
 * the shipped models were made). A new writer lands untouched; it leaves this list only when the lead says so.
 * A script whose group is a round's snapshot (a writer untouched then and read since, or one writer of several) keeps
 * that snapshot as its own named list with a comment saying why, beside this one.
 */

export interface UntouchedWriter {
  writer: string;
  /** The round it landed in or was set aside in, untouched since. */
  since: number;
  what: string;
}

export const UNTOUCHED_WRITERS: readonly UntouchedWriter[] = [
  // Its totals chose the half-name slot's line (docs/DEIDENTIFICATION.md, "Current figures"): not untouched for that slot.
  { writer: 'train-bl', since: 14, what: 'lower-case word-names with no cue beside the same words used as words' },
  { writer: 'train-bm', since: 14, what: 'facilities, addresses, ids, dates, ages' },
  { writer: 'train-bn', since: 15, what: 'names (round 15 new text)' },
  { writer: 'train-bs', since: 18, what: 'other-language words as words (round 18 new text)' },
  { writer: 'train-bu', since: 19, what: 'lower-case words of other languages, slang and street words beside names; rule-free: no recipe trains on it' },
  { writer: 'train-bw', since: 20, what: 'round 20 new text' },
  { writer: 'train-bx', since: 20, what: 'round 20 new text' },
  { writer: 'train-by', since: 20, what: 'short-named places (round 20 new text)' },
  { writer: 'train-bz', since: 21, what: 'named facilities (round 21 new text)' },
  { writer: 'train-ca', since: 21, what: 'words that must stay (round 21 new text)' },
  { writer: 'train-cc', since: 22, what: 'the everyday mix (round 22 new text)' },
];

/** Every untouched writer, in the order above. */
export const UNTOUCHED: readonly string[] = UNTOUCHED_WRITERS.map((w) => w.writer);

/** DEID_WRITERS_EXCEPT's value that leaves every untouched writer out of a recipe's or a measuring run. */
export const UNTOUCHED_EXCEPT = UNTOUCHED.join('|');

/** Whether a writer (a file's name without .txt: "train-bl") is untouched. */
export function isUntouched(writer: string): boolean {
  return UNTOUCHED.includes(writer);
}

/** The untouched writers that landed in or were set aside in `round`. */
export function untouchedOf(round: number): string[] {
  return UNTOUCHED_WRITERS.filter((w) => w.since === round).map((w) => w.writer);
}

/**
 * Writers that are tuning text only for the helpers a round's brief names (round 22 on). They are not untouched (those
 * helpers' recipes and rules read them), but no development group does: every bench script's `--group dev` leaves them
 * out (outOfDev), and `--group NAME` counts one alone. A recipe that may read one says so in its DEID_WRITERS_EXCEPT.
 */
export const RESTRICTED_WRITERS: readonly UntouchedWriter[] = [
  { writer: 'train-cb', since: 22, what: "half names whose surname is a word: the half-name slot's tuning text" },
  { writer: 'train-cd', since: 23, what: "words after verbs of contact and movement: the slot recipes' tuning text" },
  { writer: 'train-ce', since: 24, what: 'full names with rare surnames, kin words beside names and alone: tuning text for the kin-word helper' },
  { writer: 'train-cf', since: 25, what: 'names after verbs that take two objects, other-language words that must stay: tuning text for the two-object-verb and over-redaction helpers' },
  { writer: 'train-cg', since: 26, what: 'named facilities said bare, short, in French or Spanish or for a people, beside described places that are not facilities: tuning text for the facility helpers' },
];

/** Every restricted writer, in the order above. */
export const RESTRICTED: readonly string[] = RESTRICTED_WRITERS.map((w) => w.writer);

/** Whether a writer is out of every development group: untouched, or tuning text for some helpers only (RESTRICTED). */
export function outOfDev(writer: string): boolean {
  return isUntouched(writer) || RESTRICTED.includes(writer);
}

/**
 * The slot models' recipes (round 25): the restricted writers each reads, and the writers each leaves out beside the
 * untouched and the other restricted ones. One place for the values docs Commands and the lead's rebuild pass as
 * DEID_WRITERS_EXCEPT; train-bt and train-bv chose the half-name slot's features, so its recipe never reads them.
 */
export const SLOT_RECIPES = {
  halves: { reads: ['train-cb'], alsoOut: ['train-bt', 'train-bv'] },
  // Round 25: the openers' recipe reads train-cd (words after verbs of contact and movement); the service keeps roles out of its slot (openers.ts).
  openers: { reads: ['train-cd'], alsoOut: [] },
  'facility-slots': { reads: [], alsoOut: [] },
} as const satisfies Record<string, { reads: readonly string[]; alsoOut: readonly string[] }>;

export type SlotRecipe = keyof typeof SLOT_RECIPES;

/** DEID_WRITERS_EXCEPT's value for a slot recipe: the untouched writers, its own extras, every restricted writer it does not read. */
export function recipeExcept(recipe: SlotRecipe): string {
  const { reads, alsoOut } = SLOT_RECIPES[recipe];
  const restricted = RESTRICTED.filter((w) => !(reads as readonly string[]).includes(w));
  return [...UNTOUCHED, ...alsoOut, ...restricted].join('|');
}

/**
 * `npx tsx bench/writers.ts` prints UNTOUCHED_EXCEPT (`DEID_WRITERS_EXCEPT=$(npx tsx bench/writers.ts) npx tsx
 * bench/deidLowo.ts`); `npx tsx bench/writers.ts halves` (or openers, facility-slots) prints that recipe's value.
 */
if (require.main === module) {
  const recipe = process.argv[2];
  if (recipe === undefined) console.log(UNTOUCHED_EXCEPT);
  else if (recipe in SLOT_RECIPES) console.log(recipeExcept(recipe as SlotRecipe));
  else {
    console.error(`bench/writers.ts: no slot recipe "${recipe}"; one of ${Object.keys(SLOT_RECIPES).join(', ')}`);
    process.exitCode = 2;
  }
}
