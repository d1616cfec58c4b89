/**
 * What a note never read costs that the same note read again does not (round 18): `npx tsx bench/deidUnseen.ts
 * [--warm SECONDS] [--rounds N] [--memos]`. measureUnseen's protocol (bench/deid.ts): the JIT warmed for SECONDS of CPU (default
 * 10) on every dev set and the public set's first half, then the notes never read (bench/deid.ts unseenSets: the public set's
 * second half, and since round 23 the writers never tuned on — held-out halves and untouched writers — in place of
 * hand-test), group by group, read:
 * - "first": once, as measureUnseen reads them (the figure that counts), and "again", a second time: per reading the
 *   process's CPU µs a note (compile and GC threads count), each step's wall µs a note (deidentify.ts STEPS in turn on
 *   the detection view, hrtime around each; the redacted text is not made), bytes allocated a note, and each memo's
 *   answers worked out a note (its misses: wordMemo.ts) with the word records made;
 * - then N rounds (`--rounds`, default 5) of "memos cold" — what the memos and the name model's own scores hold for
 *   the words this set met first forgotten, the notes read — and "memos warm", read again: each note's and step's
 *   fastest wall time over the rounds. Cold less warm is what the memos' misses cost with the compiled code warm;
 *   first less second reading is that plus the JIT's work on branches and shapes first met (and the machine's caches).
 * `--memos`: each memo forgotten alone for those words (the others keep theirs), N rounds: what its misses cost.
 * The load moves every figure: read the columns against each other within a run.
 */
import v8 from 'node:v8';
import { stepsForBench, stagesForBench } from '../services/deidentify/deidentify';
import { detectionView } from '../services/deidentify/evasion';
import { forgetWords, memoCounts, memoKeys } from '../services/deidentify/wordMemo';
import { activeScorer } from '../services/deidentify/classifier/model';
import { unseenSets } from './deid';
import { stepNames } from './deidStageCost';
import { takeFlag } from './args';

type Step = (r: unknown) => void;

const cpuUs = (): number => {
  const c = process.cpuUsage();
  return c.user + c.system;
};
const now = (): number => Number(process.hrtime.bigint());

interface ReadingCost {
  /** Wall µs a note, per step. */
  steps: number[];
  cpu: number;
  bytes: number;
  /** Answers worked out a note, per memo. */
  computed: number[];
  records: number;
}

const { steps, reading } = stepsForBench;
const names = stepNames(steps as unknown as Step[], stagesForBench.detectors.map(([d]) => d));

/**
 * One reading of `texts` (the steps in turn on each, as deidentify() runs them), with what it cost. `best`: each step's
 * fastest wall ns on each note so far (best[step][note]), lowered where this reading was faster.
 */
function read(texts: string[], best?: Float64Array[]): ReadingCost {
  const n = texts.length;
  const wall = new Float64Array(steps.length);
  const m0 = memoCounts();
  const prof = new v8.GCProfiler();
  const used0 = v8.getHeapStatistics().used_heap_size;
  prof.start();
  const c0 = cpuUs();
  for (let k = 0; k < n; k++) {
    const text = texts[k]!;
    const r = reading(detectionView(text)?.text ?? text);
    for (let i = 0; i < steps.length; i++) {
      const t0 = now();
      (steps[i] as unknown as Step)(r);
      const dt = now() - t0;
      wall[i]! += dt;
      if (best && dt < best[i]![k]!) best[i]![k] = dt;
    }
  }
  const cpu = cpuUs() - c0;
  const used1 = v8.getHeapStatistics().used_heap_size;
  let bytes = 0;
  let after = used0;
  for (const s of prof.stop()?.statistics ?? []) {
    bytes += s.beforeGC.heapStatistics.usedHeapSize - after;
    after = s.afterGC.heapStatistics.usedHeapSize;
  }
  bytes += used1 - after;
  const m1 = memoCounts();
  return {
    steps: [...wall].map((ns) => ns / n / 1000),
    cpu: cpu / n,
    bytes: bytes / n,
    computed: m1.memos.map((m, i) => (m.computed - m0.memos[i]!.computed) / n),
    records: (m1.records - m0.records) / n,
  };
}

/** Forgets what the per-word memos and the name model's own scores hold for `words` (memo `slot` only, when given). */
function forget(words: string[], slot?: number): void {
  forgetWords(words, slot);
  if (slot !== undefined) return;
  const own = (activeScorer() as unknown as { own?: Map<string, number> } | null)?.own;
  for (const w of words) own?.delete(w);
}

const f = (x: number, d = 1): string => x.toFixed(d);
const sum = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
};
/** µs a note: each note's fastest ns, summed over the notes and the steps given. */
const perNote = (best: Float64Array[], which: number[], n: number): number => which.reduce((s, i) => s + sum(best[i]!), 0) / n / 1000;

function main(): void {
  const args = process.argv.slice(2);
  const take = (flag: string): string | undefined => takeFlag(args, flag);
  const warmSeconds = Number(take('--warm') ?? 10);
  const rounds = Number(take('--rounds') ?? 5);
  const perMemo = args.includes('--memos');
  const { warm, timed } = unseenSets();
  const warmTexts = warm.map((r) => r.text);
  const c0 = cpuUs();
  do read(warmTexts);
  while (cpuUs() - c0 < warmSeconds * 1e6);
  console.log(`warm-up: ${warmSeconds} CPU-s over ${warmTexts.length} notes; load average ${(require('node:os') as typeof import('node:os')).loadavg()[0]!.toFixed(1)}`);
  for (const [name, rs] of Object.entries(timed)) {
    if (!rs.length) continue;
    const texts = rs.map((r) => r.text);
    const n = texts.length;
    const held = new Set(memoKeys());
    const first = read(texts);
    const again = read(texts);
    // The words this set met first: their memo records are forgotten before each cold reading.
    const fresh = memoKeys().filter((w) => !held.has(w));
    const all = steps.map((_s, i) => i);
    const mins = (): Float64Array[] => steps.map(() => new Float64Array(n).fill(Infinity));
    const cold = mins();
    const warmBest = mins();
    for (let k = 0; k < rounds; k++) {
      forget(fresh);
      read(texts, cold);
      read(texts, warmBest);
    }
    console.log(`\n## ${name}: ${n} notes, ${fresh.length} words the memos met first (${f(fresh.length / n, 2)} a note)\n`);
    console.log('One reading each (process CPU: compile and GC threads count):\n');
    console.log('| | first reading | second reading |\n| --- | ---: | ---: |');
    console.log(`| process CPU µs a note | ${f(first.cpu)} | ${f(again.cpu)} |`);
    console.log(`| the steps' wall µs a note | ${f(sum(first.steps))} | ${f(sum(again.steps))} |`);
    console.log(`| bytes allocated a note | ${f(first.bytes, 0)} | ${f(again.bytes, 0)} |`);
    console.log(`| word records made a note | ${f(first.records, 2)} | ${f(again.records, 2)} |`);
    memoCounts().memos.forEach((m, i) => {
      if (first.computed[i]! > 0) console.log(`| memo ${m.at}: answers worked out a note | ${f(first.computed[i]!, 2)} | ${f(again.computed[i]!, 2)} |`);
    });
    const c = perNote(cold, all, n);
    const w = perNote(warmBest, all, n);
    console.log(`\nEach note's fastest of ${rounds} rounds (wall µs a note, the steps summed): memos cold ${f(c)}, warm ${f(w)}: the memos' misses ${f(c - w)} µs a note (${f((100 * (c - w)) / w)} %), ${f(((c - w) * n) / Math.max(1, fresh.length))} µs a word met first.\n`);
    console.log('| step | first reading | second reading | memos cold (fastest) | memos warm (fastest) |\n| --- | ---: | ---: | ---: | ---: |');
    const order = [...all].sort((a, b) => sum(cold[b]!) - sum(warmBest[b]!) - (sum(cold[a]!) - sum(warmBest[a]!)));
    for (const i of order.slice(0, 12)) console.log(`| ${names[i]} | ${f(first.steps[i]!, 2)} | ${f(again.steps[i]!, 2)} | ${f(perNote(cold, [i], n), 2)} | ${f(perNote(warmBest, [i], n), 2)} |`);
    if (!perMemo) continue;
    // Each memo alone forgotten (its answers for the words met first; the other memos keep theirs): what its misses cost.
    console.log('\n| memo forgotten alone | µs a note over warm (fastest of the rounds) |\n| --- | ---: |');
    memoCounts().memos.forEach((m, slot) => {
      if (!first.computed[slot]) return;
      const one = mins();
      const base = mins();
      for (let k = 0; k < rounds; k++) {
        forget(fresh, slot);
        read(texts, one);
        read(texts, base);
      }
      console.log(`| ${m.at} | ${f(perNote(one, all, n) - perNote(base, all, n), 2)} |`);
    });
  }
}

if (require.main === module) main();
