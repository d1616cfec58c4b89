/**
 * What a note costs the first time (round 16): `npx tsx bench/deidFirstTime.ts [--passes N] [set ...]` (default
 * hand-dev and presidio-synth-v2). In a service every note is one the process has not read; the figures here say
 * where that costs more than a note read again:
 * - the fixed cost of a call (an empty note, one word, one short sentence), CPU µs a call;
 * - per set, after 2 CPU-s of warm-up on it: a pass over its different notes against each note read 8 times in a row
 *   (µs a note, median of N passes, default 5), with the bytes allocated a note and the GC's share of the pass
 *   (v8.GCProfiler: the heap used before each collection less what the one before left);
 * - the per-word memo (wordMemo.ts) after it all: how many words it holds against its bound.
 * CPU time on a shared machine moves with the load: read the ratios within one run.
 */
import v8 from 'node:v8';
import { deidentify } from '../services/deidentify';
import { memoWords } from '../services/deidentify/wordMemo';
import { loadSet } from './deid';

const cpuUs = (): number => {
  const c = process.cpuUsage();
  return c.user + c.system;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU µs, bytes allocated and GC ms of `f`. */
function measure(f: () => void): { us: number; bytes: number; gcMs: number; gcs: number } {
  const prof = new v8.GCProfiler();
  const used0 = v8.getHeapStatistics().used_heap_size;
  prof.start();
  const t0 = cpuUs();
  f();
  const us = cpuUs() - t0;
  const used1 = v8.getHeapStatistics().used_heap_size;
  const stats = prof.stop()?.statistics ?? [];
  let bytes = 0;
  let after = used0;
  let gcMs = 0;
  for (const s of stats) {
    bytes += s.beforeGC.heapStatistics.usedHeapSize - after;
    after = s.afterGC.heapStatistics.usedHeapSize;
    gcMs += s.cost / 1000;
  }
  bytes += used1 - after;
  return { us, bytes, gcMs, gcs: stats.length };
}

function fixedCost(): void {
  for (const [label, text] of [
    ['empty', ''],
    ['one word', 'ok'],
    ['a short sentence', 'met hope at the dropin'],
  ] as const) {
    const calls = 20_000;
    for (let i = 0; i < calls; i++) deidentify(text);
    const m = measure(() => {
      for (let i = 0; i < calls; i++) deidentify(text);
    });
    console.log(`fixed cost, ${label}: ${(m.us / calls).toFixed(2)} µs a call, ${Math.round(m.bytes / calls)} bytes allocated a call`);
  }
}

function perSet(name: string, passes: number): void {
  const records = loadSet(name);
  if (!records) return;
  const texts = records.map((r) => r.text);
  const n = texts.length;
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, 'utf8'), 0);
  let warm = 0;
  do {
    const t0 = cpuUs();
    for (const t of texts) deidentify(t);
    warm += cpuUs() - t0;
  } while (warm < 2e6);
  const pass = [];
  const repeat = [];
  for (let k = 0; k < passes; k++) {
    pass.push(
      measure(() => {
        for (const t of texts) deidentify(t);
      }),
    );
    repeat.push(
      measure(() => {
        for (const t of texts) for (let i = 0; i < 8; i++) deidentify(t);
      }),
    );
  }
  const line = (label: string, ms: Array<ReturnType<typeof measure>>, per: number): string => {
    const us = median(ms.map((m) => m.us)) / per;
    const gc = median(ms.map((m) => m.gcMs / (m.us / 1000)));
    return `${label} ${us.toFixed(1)} µs a note (${(bytes / n / us).toFixed(2)} MB/s), ${Math.round(median(ms.map((m) => m.bytes)) / per)} bytes allocated a note, GC ${(gc * 100).toFixed(1)} % of CPU (${median(ms.map((m) => m.gcs))} collections a pass)`;
  };
  console.log(`${name} (${n} notes, ${Math.round(bytes / n)} bytes a note):`);
  console.log(`  ${line('different notes:', pass, n)}`);
  console.log(`  ${line('each note 8 times in a row:', repeat, n * 8)}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const p = args.indexOf('--passes');
  const passes = p >= 0 ? Number(args.splice(p, 2)[1]) : 5;
  fixedCost();
  for (const name of args.length ? args : ['hand-dev', 'presidio-synth-v2']) perSet(name, passes);
  const m = memoWords();
  console.log(`per-word memo: ${m.words} words of ${m.bound} before it starts over`);
}

if (require.main === module) main();
