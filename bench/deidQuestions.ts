/**
 * Round 15: the review's "Is 'X' a person?" questions, measured on the training writers. `npx tsx bench/deidQuestions.ts
 * [--group dev|held|untouched|NAME[,NAME…]] [--reg sms,lower,casual,careful] [--by-writer] [--misses N] [--burden N]`.
 * Each note is one debrief: deidentify() with the shipped models, then the questions the review would ask about the
 * stored text (nameMemory.ts unsureQuestions, nothing kept yet). A labelled name word (PERSON) with a character left
 * visible is a leak; it is asked when a question's word is that word. Every question is about one of three things
 * (round 21, `Aim`): a name left visible; a word of another identifier left visible (a facility's, an address's: no
 * name, though "Hide" is right); or a word that should stay (a tap for nothing). Leaks by shape as
 * bench/deidNameShapes.ts counts them (half, again, start, other) and ≤ 2 letters. Groups: dev = bench/deidSms.ts's
 * development writers and hand-dev; held = every writer an earlier round held out (deidSms HELD, HELD13, HELD14: chosen
 * before this work and never read by it), aggregates only; untouched = bench/writers.ts's untouched writers (no shipped
 * model read them), aggregates only. --by-writer adds one line of counts per writer.
 * --misses / --burden print the dev group's leaks not asked / questions about no name, the name in [[ ]], hidden in { }.
 */
import { unsureQuestions } from '../services/reflections/nameMemory';
import { typedPossessiveStem } from '../services/deidentify/unsure';
import { devWriters, HELD, HELD13, HELD14, hiddenNotes, marked, nameShape, nameWordOf, nameWords } from './deidSms';
import { UNTOUCHED } from './writers';
import { isIdentifierSpan } from './deidMetrics';
import type { loadNotes } from './data/handNotes';

type LabelledNote = ReturnType<typeof loadNotes>[number];

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SHAPES = ['half', 'again', 'start', 'other', 'short'] as const;
type Shape = (typeof SHAPES)[number];
/** Any secret: nothing is kept, so no word is skipped as kept. */
const SECRET = 'bench';

/** What a question is about (round 21): a name word left visible; a word of another identifier left visible (a facility's, an address's: "Hide" is right, but it is no name); or a word that is no identifier at all, which should stay (a tap for nothing). */
export type Aim = 'name' | 'id' | 'word';
export const AIMS: readonly Aim[] = ['name', 'id', 'word'];

/** The compared forms of the words of `note`'s identifiers other than names that have a character left visible. */
export function visibleIdWords(note: LabelledNote, hidden: Uint8Array): Set<string> {
  const out = new Set<string>();
  for (const s of note.spans) {
    if (s.type === 'PERSON' || !isIdentifierSpan(s, note.text)) continue;
    for (const m of note.text.slice(s.start, s.end).matchAll(/[^\s]+/g)) {
      const start = s.start + m.index!;
      if (hidden.subarray(start, start + m[0].length).includes(0)) out.add(nameWordOf(m[0]));
    }
  }
  return out;
}

/**
 * The compared forms a question may name a labelled name word by (round 23): the word; its possessive typed without the
 * apostrophe when the note types one after it ("ruby" labelled in "rubys hair": "rubys"); and, for a word labelled
 * whole with that possessive ("tonys" in "tonys mom"), its stem as the review asks it ("tony": unsure.ts typedPossessiveStem).
 */
export function nameForms(text: string, t: { end: number; word: string }): string[] {
  const out = [t.word];
  if (/^s(?![\p{L}\p{N}'’])/u.test(text.slice(t.end, t.end + 2))) out.push(`${t.word}s`);
  const stem = typedPossessiveStem(t.word);
  if (stem) out.push(stem);
  return out;
}

/** Counts of one group of notes: names left and asked by shape, questions by aim and kind. */
export interface QuestionTally {
  notes: number;
  words: number;
  leaks: Map<Shape, { all: number; asked: number }>;
  questions: number;
  notesAsked: number;
  aims: Record<Aim, number>;
  byKind: Map<string, Record<Aim, number>>;
}

export const emptyTally = (): QuestionTally => ({ notes: 0, words: 0, leaks: new Map(SHAPES.map((s) => [s, { all: 0, asked: 0 }])), questions: 0, notesAsked: 0, aims: { name: 0, id: 0, word: 0 }, byKind: new Map() });

/** Adds one debrief (a note, the characters hidden, its text as stored) to `tally`; `say` hears each question's aim and each name left that is not asked. */
export function tallyNote(tally: QuestionTally, note: LabelledNote, hidden: Uint8Array, redacted: string, say?: (what: 'question' | 'miss', line: { aim?: Aim; kind?: string; word?: string; shape?: Shape; span?: { start: number; end: number } }) => void): void {
  tally.notes++;
  const toks = nameWords(note, hidden);
  tally.words += toks.length;
  const asked = unsureQuestions(SECRET, undefined, [redacted]);
  const askedWords = new Set(asked.map((q) => nameWordOf(q.word)));
  const visible = new Set(toks.filter((t) => t.shows).flatMap((t) => nameForms(note.text, t)));
  const ids = asked.length ? visibleIdWords(note, hidden) : new Set<string>();
  tally.questions += asked.length;
  if (asked.length) tally.notesAsked++;
  for (const q of asked) {
    const w = nameWordOf(q.word);
    const aim: Aim = visible.has(w) ? 'name' : ids.has(w) ? 'id' : 'word';
    tally.aims[aim]++;
    const k = tally.byKind.get(q.kind) ?? { name: 0, id: 0, word: 0 };
    k[aim]++;
    tally.byKind.set(q.kind, k);
    say?.('question', { aim, kind: q.kind, word: q.word });
  }
  for (const t of toks) {
    if (!t.shows) continue;
    const shape: Shape = t.word.length <= 2 ? 'short' : nameShape(note.text, toks, t);
    const leak = tally.leaks.get(shape)!;
    leak.all++;
    if (nameForms(note.text, t).some((f) => askedWords.has(f))) leak.asked++;
    else say?.('miss', { shape, span: note.spans[t.span]! });
  }
}

/** The sum of several tallies. */
export function mergeTallies(tallies: readonly QuestionTally[]): QuestionTally {
  const out = emptyTally();
  for (const t of tallies) {
    out.notes += t.notes;
    out.words += t.words;
    out.questions += t.questions;
    out.notesAsked += t.notesAsked;
    for (const [s, l] of t.leaks) {
      const o = out.leaks.get(s)!;
      o.all += l.all;
      o.asked += l.asked;
    }
    for (const aim of AIMS) out.aims[aim] += t.aims[aim];
    for (const [k, v] of t.byKind) {
      const o = out.byKind.get(k) ?? { name: 0, id: 0, word: 0 };
      for (const aim of AIMS) o[aim] += v[aim];
      out.byKind.set(k, o);
    }
  }
  return out;
}

/** One group's lines: names left and asked (and their share), questions a note, and the questions split by aim. */
export function tallyLines(group: string, t: QuestionTally): string[] {
  const pct = (a: number, b: number): string => (b ? (100 * a) / b : 0).toFixed(1);
  const leaked = [...t.leaks.values()].reduce((s, l) => s + l.all, 0);
  const askedLeaks = [...t.leaks.values()].reduce((s, l) => s + l.asked, 0);
  return [
    `${group}: notes ${t.notes}, person words ${t.words}, left visible ${leaked}, asked ${askedLeaks} (${pct(askedLeaks, leaked)} %)`,
    `  by shape: ${SHAPES.map((s) => `${s} ${t.leaks.get(s)!.asked}/${t.leaks.get(s)!.all}`).join('  ')}`,
    `  questions ${t.questions} (${(t.questions / Math.max(1, t.notes)).toFixed(3)} a note; notes asked ${t.notesAsked}): a name left visible ${t.aims.name} (${pct(t.aims.name, t.questions)} %), a word of another identifier ${t.aims.id}, a word that should stay ${t.aims.word} (${pct(t.aims.word, t.questions)} %)`,
    `  by kind (name / identifier / word): ${[...t.byKind].map(([k, v]) => `${k} ${v.name}/${v.id}/${v.word}`).join('  ')}`,
  ];
}

function filesOf(group: string): string[] {
  if (group === 'dev') return [...devWriters(), 'hand-dev'];
  if (group === 'held') return [...HELD, ...HELD13, ...HELD14];
  if (group === 'untouched') return [...UNTOUCHED];
  return group.split(',');
}

function main(): void {
  const group = option('--group') ?? 'dev';
  const registers = new Set((option('--reg') ?? 'sms,lower,casual,careful').split(','));
  const misses = Number(option('--misses') ?? 0);
  const burden = Number(option('--burden') ?? 0);
  const byWriter = args.includes('--by-writer');
  const files = filesOf(group);
  if (group !== 'dev' && (misses || burden)) throw new Error('deidQuestions: misses and burden are printed for the dev group only');
  const writers = new Map<string, QuestionTally>();
  const lines: string[] = [];
  const count = (tag: string): number => lines.filter((l) => l.startsWith(tag)).length;
  for (const { writer: w, note: r, hidden, redacted } of hiddenNotes(files, registers, 'deidQuestions')) {
    if (!writers.has(w)) writers.set(w, emptyTally());
    tallyNote(writers.get(w)!, r, hidden, redacted, (what, q) => {
      if (what === 'question' && q.aim !== 'name' && count('BURDEN') < burden) lines.push(`BURDEN ${q.aim} ${q.kind} "${q.word}" ${w}\t${marked(r.text, { start: -1, end: -1 }, hidden)}`);
      if (what === 'miss' && count('MISS') < misses) lines.push(`MISS ${q.shape} ${w}\t${marked(r.text, q.span!, hidden)}`);
    });
  }
  const all = mergeTallies([...writers.values()]);
  for (const l of tallyLines(group, all)) console.log(l);
  if (byWriter) for (const [w, t] of writers) console.log(tallyLines(w, t).filter((_, i) => i === 0 || i === 2).join('\n'));
  for (const l of lines) console.log(l);
}

if (require.main === module) main();
