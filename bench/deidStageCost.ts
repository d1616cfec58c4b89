/**
 * What each stage of the pipeline costs a note on the service's path (round 14): `npx tsx bench/deidStageCost.ts
 * [--rounds N] [--tree JSDIR] [set ...]` (default hand-dev and presidio-synth-v2; --tree: a compiled tree, as
 * bench/deidAB.ts leaves them in <tmp>/deid-ab/<sha>/js). Text after text, every step of deidentify.ts's STEPS is run
 * in turn on the text's reading — as deidentify() runs them, so each stage meets the machine as the previous stage
 * left it (unlike bench/deidStages.ts, which runs one stage over every text) — and each step's wall time on each text
 * is kept at its fastest over N rounds (default 7, after 3 CPU-seconds of warm-up), less the clock's own cost. Per
 * stage: the sum of those minima in µs per note, its share of the steps' sum, and the whole deidentify() call beside
 * it. A new stage's line is its cost: put it in the commit that adds it. Wall time on a loaded machine: read shares,
 * and differences of a few tenths of a µs at most between two runs.
 */
import path from 'node:path';
import { loadSet } from './deid';
import { takeFlag } from './args';

type Step = (r: unknown) => void;

/** A step's stage name: the detector it runs, else the first function its source calls on the reading. */
/** A statement's keyword before a parenthesis is no call ("if (r.spans === r.spread) return"). */
const KEYWORDS = new Set(['if', 'while', 'for', 'switch', 'return', 'typeof']);

export function stepNames(steps: readonly Step[], detectors: Array<{ name: string }>): string[] {
  return steps.map((s, i) => {
    if (i >= 1 && i <= detectors.length) return detectors[i - 1]!.name;
    const src = s.toString();
    // Inner calls run first within a statement ("joinedCrossings(r.text, withFacilities(r.text, r.spans))" is
    // withFacilities → joinedCrossings), statements in their order (round 23: facilityMentions after withStreetEdges).
    const calls = src.split(';').flatMap((st) => [...st.matchAll(/(\w+)\)?\(r\.(?:text|spans)/g)].map((m) => m[1]!).filter((f) => !KEYWORDS.has(f)).reverse());
    if (/settle\(r\.groups/.test(src)) return 'settle';
    if (/disguisedNames/.test(src)) return 'disguisedNames, knownNames, spelledPhones';
    return calls.length ? calls.join(' → ') : `step ${i}`;
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const take = (flag: string): string | undefined => takeFlag(args, flag);
  const rounds = Number(take('--rounds') ?? 7);
  const tree = take('--tree');
  const from = (m: string): string => (tree ? path.resolve(tree, 'services', 'deidentify', m) : `../services/deidentify/${m}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const D = require(from('deidentify')) as typeof import('../services/deidentify/deidentify');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { detectionView } = require(from('evasion')) as typeof import('../services/deidentify/evasion');
  const { steps, reading } = D.stepsForBench;
  const names = stepNames(steps as Step[], D.stagesForBench.detectors.map(([d]) => d));
  const now = (): number => Number(process.hrtime.bigint());
  // The clock's own cost, taken off each step: the median of many back-to-back reads (a preempted read is an outlier).
  const gaps: number[] = [];
  for (let i = 0; i < 20_001; i++) {
    const t0 = now();
    gaps.push(now() - t0);
  }
  const clock = gaps.sort((a, b) => a - b)[10_000]!;
  for (const name of args.length ? args : ['hand-dev', 'presidio-synth-v2']) {
    const records = loadSet(name);
    if (!records) continue;
    // What the steps read: the detection view where a text has one (as deidentify() reads it).
    const texts = records.map((r) => detectionView(r.text)?.text ?? r.text);
    const n = texts.length;
    // Each step's fastest time on each text over the rounds: a step of a few µs rarely meets a descheduled slice, so
    // the minima read the cost at a load where pass times swing (bench/deidPair.ts --notes reads notes the same way).
    const best = names.map(() => new Float64Array(n).fill(Infinity));
    const whole = new Float64Array(n).fill(Infinity);
    const cpu = (): number => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1e6;
    };
    const warm = cpu() + 3;
    for (let round = 0; round < rounds || cpu() < warm; round++) {
      texts.forEach((t, k) => {
        const r = reading(t);
        for (let i = 0; i < steps.length; i++) {
          const t0 = now();
          (steps[i] as Step)(r);
          const dt = now() - t0 - clock;
          if (dt < best[i]![k]!) best[i]![k] = dt;
        }
        const t0 = now();
        D.deidentify(t);
        const dt = now() - t0 - clock;
        if (dt < whole[k]!) whole[k] = dt;
      });
      if (cpu() < warm) round = -1;
    }
    const perNote = (xs: Float64Array): number => xs.reduce((a, b) => a + Math.max(0, b), 0) / n / 1000;
    const rows = names.map((stage, i) => ({ stage, us: perNote(best[i]!) }));
    const sum = rows.reduce((s, r) => s + r.us, 0);
    console.log(`\n## ${name}: ${n} texts, ${rounds} rounds after 3 CPU-seconds of warm-up; µs per note: each text's fastest round, summed (the clock's ${clock.toFixed(0)} ns a read taken off)\n`);
    console.log(`the steps in turn: ${sum.toFixed(1)} µs a note; deidentify() whole (the detection view and the redacted text besides): ${perNote(whole).toFixed(1)} µs\n`);
    console.log('| stage | µs per note | share |\n| --- | ---: | ---: |');
    for (const r of rows.sort((a, b) => b.us - a.us)) console.log(`| ${r.stage} | ${r.us.toFixed(2)} | ${((100 * r.us) / sum).toFixed(1)} % |`);
  }
}

if (require.main === module) main();
