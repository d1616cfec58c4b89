/**
 * Round 15: the review's "Is 'X' a person?" questions, measured on the training writers. `npx tsx bench/deidQuestions.ts
 * [--group dev|held|untouched|NAME] [--reg sms,lower,casual,careful] [--misses N] [--burden N]`. Each note is one
 * debrief: deidentify() with the shipped models, then the questions the review would ask about the stored text
 * (nameMemory.ts unsureQuestions, nothing kept yet). A labelled name word (PERSON) with a character left visible is
 * a leak; it is asked when a question's word is that word. A question whose word is no visible name word of the note
 * is a burden (a tap for nothing). Leaks by shape as bench/deidNameShapes.ts counts them (half, again, start, other)
 * and ≤ 2 letters. Groups: dev = bench/deidSms.ts's development writers and hand-dev; held = every writer an earlier
 * round held out (deidSms HELD, HELD13, HELD14: chosen before this work and never read by it), aggregates only;
 * untouched = bench/writers.ts's untouched writers (no shipped model read them), aggregates only.
 * --misses / --burden print the dev group's leaks not asked / questions about no name, the name in [[ ]], hidden in { }.
 */
import { unsureQuestions } from '../services/reflections/nameMemory';
import { devWriters, HELD, HELD13, HELD14, hiddenNotes, marked, nameShape, nameWordOf, nameWords } from './deidSms';
import { UNTOUCHED } from './writers';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SHAPES = ['half', 'again', 'start', 'other', 'short'] as const;
type Shape = (typeof SHAPES)[number];
/** Any secret: nothing is kept, so no word is skipped as kept. */
const SECRET = 'bench';

function main(): void {
  const group = option('--group') ?? 'dev';
  const registers = new Set((option('--reg') ?? 'sms,lower,casual,careful').split(','));
  const misses = Number(option('--misses') ?? 0);
  const burden = Number(option('--burden') ?? 0);
  const files = group === 'dev' ? [...devWriters(), 'hand-dev'] : group === 'held' ? [...HELD, ...HELD13, ...HELD14] : group === 'untouched' ? UNTOUCHED : [group];
  if (group !== 'dev' && (misses || burden)) throw new Error('deidQuestions: misses and burden are printed for the dev group only');
  const leaks = new Map<Shape, { all: number; asked: number }>(SHAPES.map((s) => [s, { all: 0, asked: 0 }]));
  let notes = 0;
  let words = 0;
  let questions = 0;
  let onNames = 0;
  let notesAsked = 0;
  const byKind = new Map<string, { all: number; names: number }>();
  const lines: string[] = [];
  for (const { writer: w, note: r, hidden, redacted } of hiddenNotes(files, registers, 'deidQuestions')) {
    notes++;
    const toks = nameWords(r, hidden);
    words += toks.length;
    const asked = unsureQuestions(SECRET, undefined, [redacted]);
    const askedWords = new Set(asked.map((q) => nameWordOf(q.word)));
    const visible = new Set(toks.filter((t) => t.shows).map((t) => t.word));
    questions += asked.length;
    if (asked.length) notesAsked++;
    for (const q of asked) {
      const name = visible.has(nameWordOf(q.word));
      if (name) onNames++;
      const k = byKind.get(q.kind) ?? { all: 0, names: 0 };
      k.all++;
      if (name) k.names++;
      byKind.set(q.kind, k);
      if (!name && lines.filter((l) => l.startsWith('BURDEN')).length < burden) lines.push(`BURDEN ${q.kind} "${q.word}" ${w}\t${marked(r.text, { start: -1, end: -1 }, hidden)}`);
    }
    for (const t of toks) {
      if (!t.shows) continue;
      const shape: Shape = t.word.length <= 2 ? 'short' : nameShape(r.text, toks, t);
      const tally = leaks.get(shape)!;
      tally.all++;
      if (askedWords.has(t.word)) tally.asked++;
      else if (lines.filter((l) => l.startsWith('MISS')).length < misses) lines.push(`MISS ${shape} ${w}\t${marked(r.text, r.spans[t.span]!, hidden)}`);
    }
  }
  const pct = (a: number, b: number): string => (b ? (100 * a) / b : 0).toFixed(1);
  const leaked = [...leaks.values()].reduce((s, t) => s + t.all, 0);
  const askedLeaks = [...leaks.values()].reduce((s, t) => s + t.asked, 0);
  console.log(`${group}: notes ${notes}, person words ${words}, left visible ${leaked}, asked ${askedLeaks} (${pct(askedLeaks, leaked)} %)`);
  console.log(`  by shape: ${SHAPES.map((s) => `${s} ${leaks.get(s)!.asked}/${leaks.get(s)!.all}`).join('  ')}`);
  console.log(`  questions ${questions} (${(questions / Math.max(1, notes)).toFixed(3)} a note; notes asked ${notesAsked}), about a name ${onNames} (${pct(onNames, questions)} %)`);
  console.log(`  by kind: ${[...byKind].map(([k, v]) => `${k} ${v.names}/${v.all}`).join('  ')}`);
  for (const l of lines) console.log(l);
}

main();
