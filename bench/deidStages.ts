/**
 * Where one deidentify() call spends its CPU: `npx tsx bench/deidStages.ts [set ...]` (default: presidio-synth-v2 and
 * hand-dev). For each set, after 2 CPU-seconds of warm-up, it prints in CPU microseconds per record (median of passes,
 * process.cpuUsage): the whole call; each detector with its gate, run text by text as deidentify() runs it; the
 * classifier, settling, the keep-list check, the repeat pass and joining; the fixed cost of a call (an empty text, a
 * short word) against the cost per character (the same texts joined into long ones); and, in a fresh process, what
 * the first call costs (dictionaries, lists and the model read). Nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { deidentify } from '../services/deidentify';
import { stagesForBench as S } from '../services/deidentify/deidentify';
import type { Entity } from '../services/deidentify/types';
import { loadSet } from './deid';

/** CPU microseconds of one call of `f`, the median of passes repeated for at least `budget` CPU seconds. */
function cpuMedian(f: () => void, budget = 0.4, minPasses = 5): number {
  const times: number[] = [];
  let spent = 0;
  while (times.length < minPasses || spent < budget) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    const s = (c.user + c.system) / 1e6;
    times.push(s);
    spent += s;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]! * 1e6;
}

const bytesOf = (texts: string[]): number => texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
const f1 = (x: number): string => x.toFixed(1);

function stages(name: string, texts: string[]): void {
  const n = texts.length;
  const bytes = bytesOf(texts);
  // Warm up as bench/deid.ts does (dictionaries, memos, JIT): the JIT takes some 20 passes to settle.
  let warm = 0;
  do
    warm += cpuMedian(() => {
      for (const t of texts) deidentify(t);
    }, 0, 1) / 1e6;
  while (warm < 2);
  const whole = cpuMedian(() => {
    for (const t of texts) deidentify(t);
  });
  console.log(`\n## ${name}: ${n} records, ${bytes} bytes (${f1(bytes / n)} per record)`);
  console.log(`whole deidentify(): ${f1(whole / n)} µs per record, ${(bytes / whole).toFixed(2)} MB per CPU-second\n`);
  const rows: Array<[string, number]> = [];
  const groups: Entity[][][] = texts.map(() => []);
  for (const [detect, may] of S.detectors) {
    const us = cpuMedian(() => {
      for (let i = 0; i < n; i++) if (may(texts[i]!)) detect(texts[i]!);
    }, 0.15, 3);
    const gateUs = cpuMedian(() => {
      for (let i = 0; i < n; i++) may(texts[i]!);
    }, 0.05, 3);
    const open = texts.filter((t) => may(t)).length;
    // Round 10: most of several stages' time goes to texts they find nothing in; how many they find something in.
    const acts = texts.filter((t) => may(t) && detect(t).length > 0).length;
    rows.push([`detector ${detect.name || '(anonymous)'} (gate open on ${open} of ${n}, finds something in ${acts}; gate alone ${f1(gateUs / n)})`, us]);
  }
  /** Each text through `stage` with its own input (`inputs[i]`), for timing: nothing is kept. */
  const each = <T>(inputs: T[], stage: (t: string, input: T) => unknown) => () => {
    for (let i = 0; i < n; i++) stage(texts[i]!, inputs[i]!);
  };
  for (let i = 0; i < n; i++) groups[i] = S.detectors.map(([detect, may]) => (may(texts[i]!) ? detect(texts[i]!) : []));
  const ruled = groups.map((g) => S.settle(g));
  rows.push(["settle (the detectors' spans)", cpuMedian(each(groups, (_t, g) => S.settle(g)))]);
  const guessing = texts.filter((t, i) => S.classifierNames(t, ruled[i]!).length > 0).length;
  rows.push([`classifierNames (adds a name in ${guessing} of ${n})`, cpuMedian(each(ruled, S.classifierNames))]);
  const found = texts.map((t, i) => {
    const g = S.classifierNames(t, ruled[i]!);
    return g.length ? S.settle([ruled[i]!, g]) : ruled[i]!;
  });
  const kept = texts.map((t, i) => S.dropKept(t, found[i]!));
  rows.push([`dropKept (keep-list phrases around names; drops one in ${kept.filter((k, i) => k.length !== found[i]!.length).length} of ${n})`, cpuMedian(each(found, S.dropKept))]);
  const again = kept.filter((k, i) => S.everywhere(texts[i]!, k) !== k).length;
  rows.push([`everywhere (the repeat pass; adds in ${again} of ${n})`, cpuMedian(each(kept, (t, k) => S.everywhere(t, k)))]);
  const every = texts.map((t, i) => S.everywhere(t, kept[i]!));
  rows.push(['joinNames', cpuMedian(each(every, S.joinNames))]);
  const sum = rows.reduce((s, [, us]) => s + us, 0);
  rows.sort((a, b) => b[1] - a[1]);
  console.log('| stage | µs per record | share of the stages |\n| --- | ---: | ---: |');
  for (const [label, us] of rows) console.log(`| ${label} | ${f1(us / n)} | ${((us / sum) * 100).toFixed(1)} % |`);
  console.log(`| (stages added up) | ${f1(sum / n)} | |`);

  // Fixed cost per call against cost per character: the same texts joined into texts of about 4,000 characters.
  const long: string[] = [];
  let cur = '';
  for (const t of texts) {
    cur = cur ? `${cur}\n${t}` : t;
    if (cur.length >= 4000) {
      long.push(cur);
      cur = '';
    }
  }
  if (cur) long.push(cur);
  for (const t of long) deidentify(t);
  const longUs = cpuMedian(() => {
    for (const t of long) deidentify(t);
  });
  const empty = cpuMedian(() => {
    for (let i = 0; i < 1000; i++) deidentify('');
  }) / 1000;
  const word = cpuMedian(() => {
    for (let i = 0; i < 1000; i++) deidentify('ok');
  }) / 1000;
  const perByte = longUs / bytesOf(long);
  console.log(`\nper character: joined into ${long.length} texts of ~4,000 characters, ${f1(longUs / n)} µs per record's text (${(perByte * 1000).toFixed(0)} ns per byte, ${(1 / perByte).toFixed(2)} MB per CPU-second)`);
  console.log(`fixed cost per call: deidentify('') ${f1(empty)} µs, deidentify('ok') ${f1(word)} µs; the set's time less its characters at the long texts' rate: ${f1((whole - perByte * bytes) / n)} µs per call`);
}

function firstCall(): void {
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deidentify: d } = require('../services/deidentify') as typeof import('../services/deidentify');
  const loaded = process.cpuUsage(t0);
  const w1 = performance.now();
  d('Met Dawn Whitehorse at 44 King St, she texted 780-555-0199 on feb 6th.');
  const first = process.cpuUsage(t0);
  const w2 = performance.now();
  d('Saw Mike Chen today, his sister joy came too.');
  const second = process.cpuUsage(t0);
  const ms = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1000;
  console.log(`first call (fresh process): import ${ms(loaded).toFixed(0)} ms CPU (${(w1 - w0).toFixed(0)} ms wall); first deidentify() ${(ms(first) - ms(loaded)).toFixed(0)} ms CPU (${(w2 - w1).toFixed(0)} ms wall: dictionaries, lists, typo index, model); the next call ${((ms(second) - ms(first)) * 1000).toFixed(0)} µs`);
}

function main(): void {
  if (process.argv[2] === '--first') {
    firstCall();
    return;
  }
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--first'], { encoding: 'utf8' });
  process.stdout.write(child.stdout || child.stderr);
  const names = process.argv.slice(2).length ? process.argv.slice(2) : ['presidio-synth-v2', 'hand-dev'];
  for (const name of names) {
    const records = loadSet(name);
    if (records) stages(name, records.map((r) => r.text));
  }
}

if (require.main === module) main();
