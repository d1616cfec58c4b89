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
 * elsewhere in the note, and the name model's score band. Measuring only: nothing here ships.
 */
import { boundary, bucket, lists, type Token } from '../services/deidentify/classifier/features';
import type { Scored } from '../services/deidentify/classifier/model';
import { isJoinWord } from '../services/deidentify/listJoins';
import { PERSON_AFTER, RELATIONS, SUBJECT_VERBS } from '../services/deidentify/messy';
import { caseOf, nameLists, slotsOf, wordClass } from '../services/deidentify/nameHalves';
import { slotReport, type SlotPick, type Slotter } from './deidHalves';

const stem = (lower: string): string => lower.replace(/['’]s$/, '');

/** What follows the opening word: the end, a stop or comma, a hidden word, a number, a join, a verb, a relation, or its class and case. */
function nextOf(text: string, toks: readonly Token[], i: number, types: readonly string[]): string {
  const u = toks[i + 1];
  if (!u) return 'end';
  const gap = text.slice(toks[i]!.end, u.start);
  if (/[.!?\n]/.test(gap)) return 'stop';
  if (/[,;:()]/.test(gap)) return 'comma';
  if (types[i + 1]) return `hidden-${types[i + 1]}`;
  if (!u.word) return 'num';
  if (isJoinWord(text, u)) return 'join';
  if (SUBJECT_VERBS.has(u.lower) || PERSON_AFTER.has(u.lower)) return 'verb';
  if (RELATIONS.has(u.lower)) return 'rel';
  return `${wordClass(lists(u.lower))}-${caseOf(u.raw)}`;
}

/** The opening word's features as [template, value] pairs. */
export function openerFeatures(text: string, toks: readonly Token[], i: number, types: readonly string[], margin: number | undefined): Array<[string, string]> {
  const t = toks[i]!;
  const l = lists(t.lower);
  const wc = caseOf(t.raw);
  const cls = wordClass(l);
  const nl = nameLists(l);
  const next = nextOf(text, toks, i, types);
  const gap = i === 0 ? '' : text.slice(toks[i - 1]!.end, t.start);
  const where = i === 0 ? 'note' : gap.includes('\n') ? 'line' : 'stop';
  const lower = stem(t.lower);
  let again = 'none';
  for (let j = 0; j < toks.length; j++) {
    if (j === i || stem(toks[j]!.lower) !== lower) continue;
    again = types[j] ? 'hidden' : again === 'none' ? 'visible' : again;
  }
  const named = types.includes('NAME');
  const m = margin === undefined ? 'na' : margin >= 0 ? 'ge0' : margin >= -0.5 ? 'm05' : margin >= -1.5 ? 'm15' : 'lo';
  const f: Array<[string, string]> = [
    ['bias', ''],
    ['wc', wc],
    ['cls', cls],
    ['nl', nl],
    ['wordname', String(l.includes('W'))],
    ['next', next],
    ['where', where],
    ['again', again],
    ['named', String(named)],
    ['poss', String(/['’]s$/.test(t.raw))],
    ['m', m],
    ['wc+cls', `${wc}|${cls}`],
    ['cls+next', `${cls}|${next}`],
    ['wc+next', `${wc}|${next}`],
    ['nl+cls', `${nl}|${cls}`],
    ['where+wc', `${where}|${wc}`],
    ['m+cls', `${m}|${cls}`],
    ['again+cls', `${again}|${cls}`],
  ];
  if (/[STRKC]/.test(l)) f.push(['w', lower]);
  return f;
}

/** The slot: visible words opening a note or sentence, not beside a hidden name. */
export const openerSlots: Slotter = (text, toks, types, words) => {
  const halves = new Set(slotsOf(text, toks, types).map((s) => s.i));
  const out: SlotPick[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.word || types[i] || halves.has(i) || boundary(text, toks, i) !== 'S') continue;
    const w = words.find((x: Scored) => x.start === t.start);
    const features = [...new Set(openerFeatures(text, toks, i, types, w && w.score - w.need).map(([k, v]) => bucket(`open:${k}`, v)))];
    out.push({ i, features, beside: [] });
  }
  return out;
};

if (require.main === module) slotReport(openerSlots);
