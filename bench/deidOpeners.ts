/**
 * Round 16 (issue 13): is there a line for a visible word opening a sentence or a note? `npx tsx bench/deidOpeners.ts
 * [--groups K] [--curve]`, untouched writers left out with DEID_WRITERS_EXCEPT. On the lead's blind sets 153 of 354
 * person tokens left open a sentence or a note (95 of them lower case; 74 English words, 49 common words): no person cue
 * stands before them, and the name model reads a sentence's first word with nothing on its left.
 *
 * The slot: a word the rules and the first pass left visible, first in the note or after . ! ? or a line break
 * (features.ts boundary() 'S'), not beside a hidden name (that is nameHalves.ts' slot). Its own small model, measured
 * as bench/deidHalves.ts measures the half names' slot (the same cross-fitting, curve, line rule and bar: slotReport()):
 * the word's lists, case and form when a function or common word, what follows it (a verb, a join, a stop, a hidden
 * word, its class and case), where it opens (the note, a line, a sentence), whether it is hidden or said again
 * elsewhere in the note, and the name model's score band. The features and slot are the service's (openers.ts); the
 * recipe (bench/trainDeid.ts) writes its model, opener-model.json.
 */
import { openerBuckets, openerSlots as slotIndices } from '../services/deidentify/openers';
import { marginAt } from '../services/deidentify/nameHalves';
import { slotReport, type SlotPick, type Slotter } from './deidHalves';

/** The slot (services/deidentify/openers.ts): visible words opening a note or sentence, not beside a hidden name. */
export const openerSlots: Slotter = (text, toks, types, words) =>
  slotIndices(text, toks, types).map((i): SlotPick => ({ i, features: openerBuckets(text, toks, i, types, marginAt(words, toks[i]!.start)), beside: [] }));

if (require.main === module) slotReport(openerSlots);
