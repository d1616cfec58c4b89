/**
 * Words the two slot models (services/deidentify/nameHalves.ts, openers.ts) must leave, taken from the de-identifier's
 * own tests of words that stay beside a hidden name or opening a sentence (made-up phrases, none from a bench set): the
 * slot tests assert them, and the recipe (bench/trainDeid.ts slotKeeps) chooses a slot's line only among lines that
 * keep each one the pipeline keeps without that slot. A month after "In" before a name is here because a rebuilt half
 * model hid it (round 16's note).
 */
import { escapeRegExp } from '../services/escapeRegExp';

export const SLOT_STAYS: ReadonlyArray<readonly [string, string]> = [
  // Beside a hidden name (test/services/deidentify/nameHalves.test.ts, deidentify.test.ts).
  ['In May Kowalczyk moved to the shelter.', 'May'],
  ["john said he'd come to NA on Friday", 'said'],
  ['Sarah will call back tomorrow', 'will'],
  ['Sarah will call back tomorrow', 'call'],
  ['his wife brenda will check on him', 'wife'],
  ['his wife brenda will check on him', 'will'],
  ['Marcus was upset today and left early', 'was'],
  ['Sarah and her mom came by', 'and'],
  ['met with Jolene at the dropin', 'with'],
  ['met with Jolene at the dropin', 'at'],
  ['gave tanya the number for housing', 'gave'],
  ['gave tanya the number for housing', 'the'],
  ['Met Bob Smith at the cafe.', 'Met'],
  ['Call Maria tomorrow about her methadone.', 'Call'],
  ['Call Maria tomorrow about her methadone.', 'tomorrow'],
  ['Saw Mike Chen at the drop-in.', 'Saw'],
  ['Grace Walker said she felt hopeful.', 'said'],
  ['Follow up with Jan Jílek next week.', 'next'],
  // Round 18: a weekday or month, "little", "will" as words beside a name (the recipe now trains on train-br's halves that are words).
  ['tina may come sunday for her cheque', 'may'],
  ['On Friday Tina moved in', 'Friday'],
  ['i told Marcus little by little it gets easier', 'little'],
  ['josh will call back later', 'will'],
  ['He goes by Dre now.', 'now'],
  ['Met Hope Littlechild today. I hope she calls.', 'today'],
  // Opening a sentence, no name beside it (openers.test.ts, nameHalves.test.ts).
  ['Sunday was busy at the shelter', 'Sunday'],
  ['ok went to the pharmacy', 'ok'],
  ['today she was calm. Monday court', 'today'],
  ['today she was calm. Monday court', 'Monday'],
  ['Methadone picked up. ok', 'Methadone'],
  ['Methadone picked up. ok', 'ok'],
  ['suboxone dose ok. Saturday clinic closed', 'suboxone'],
  ['suboxone dose ok. Saturday clinic closed', 'Saturday'],
  ['walked to tims. seemed ok', 'walked'],
  ['walked to tims. seemed ok', 'seemed'],
  ['went to Thornbury. came back late', 'went'],
  ['went to Thornbury. came back late', 'came'],
  ['slept at the camp. Friday she goes to detox', 'slept'],
  ['slept at the camp. Friday she goes to detox', 'Friday'],
  // Round 19: words that are names too, opening a sentence or a clause as words (the recipe now trains on train-bv).
  ['ok. will call tmrw abt the intake', 'will'],
  ['grace period ends friday for the rent', 'grace'],
  ['frank talk w her today abt the pills', 'frank'],
  ['sunny out so we walked to the river', 'sunny'],
  ['she was quiet, little by little it gets easier', 'little'],
  // Round 21: the deid tests' words opening a note that the openers' parts of speech hid at line 0.25 (screenWords, wordSenses).
  ['ive got nothing left in the tank', 'ive'],
  ['sun and rain are coming', 'sun'],
];

/** `word` is in `redacted` as a whole word (case as given): what the tests' stays() asserts. */
export function staysIn(redacted: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u').test(redacted);
}
