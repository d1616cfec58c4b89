/**
 * Where a note the process has never read throws compiled code away (round 16): `npx tsx bench/deidDeopts.ts
 * [--passes N] [--top N]`. A child process runs with V8's --trace-deopt: N passes (default 8) over every dev set and the
 * public set's first half — a fixed amount of work, not of CPU time, so the load does not change what it reads — then
 * hand-test and the public second half ONCE (the unseen notes of bench:deid), then both again. Printed: the
 * deoptimisations of each phase, and the functions and reasons of the unseen phase's (a function's optimised code is
 * dropped when a note takes a branch, or brings an object shape, that no earlier note did; it runs slower until V8
 * compiles it again). Counts depend a little on when background compilation finishes: read tens, not units.
 */
import { spawnSync } from 'node:child_process';
import { deidentify } from '../services/deidentify';
import { loadSet, publicHalves, sets } from './deid';
import { takeFlag } from './args';

const MARK = '=====deidDeopts ';

function child(passes: number): void {
  const records = (name: string): string[] => (loadSet(name) ?? []).map((r) => r.text);
  const [pubFirst, pubSecond] = publicHalves().map((h) => h.map((r) => r.text));
  const warm = [...sets.filter((s) => /-dev/.test(s.name)).flatMap((s) => records(s.name)), ...pubFirst!];
  const unseen = [...records('hand-test'), ...pubSecond!];
  const bytes = unseen.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const read = (): string => {
    const c0 = process.cpuUsage();
    for (const t of unseen) deidentify(t);
    const c = process.cpuUsage(c0);
    return (bytes / (c.user + c.system)).toFixed(2);
  };
  for (let k = 0; k < passes; k++) for (const t of warm) deidentify(t);
  console.log(`${MARK}unseen`);
  const first = read();
  console.log(`${MARK}again ${first}`);
  const second = read();
  console.log(`${MARK}end ${second}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const take = (flag: string, d: number): number => (args.includes(flag) ? Number(takeFlag(args, flag)) : d);
  const passes = take('--passes', 8);
  const top = take('--top', 20);
  if (args.includes('--child')) {
    child(passes);
    return;
  }
  const run = spawnSync(process.execPath, ['--trace-deopt', ...process.execArgv, __filename, '--child', '--passes', String(passes)], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`deidDeopts: ${run.stderr}`);
  let phase = 'warm-up';
  const counts = new Map<string, number>();
  const mbps = new Map<string, string>();
  const where = new Map<string, number>();
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith(MARK)) {
      const [next, figure] = line.slice(MARK.length).split(' ');
      if (figure) mbps.set(phase, figure);
      phase = next!;
      continue;
    }
    const m = /^\[bailout \(kind: ([^,]+), reason: ([^)]*)\): begin\. deoptimizing \S+ <JSFunction ?([^\s(>]*)/.exec(line);
    if (!m) continue;
    counts.set(phase, (counts.get(phase) ?? 0) + 1);
    if (phase === 'unseen') {
      const key = `${m[3] || '(anonymous)'}: ${m[2]}`;
      where.set(key, (where.get(key) ?? 0) + 1);
    }
  }
  console.log(`deoptimisations: ${passes} passes of warm-up ${counts.get('warm-up') ?? 0}, unseen notes read once ${counts.get('unseen') ?? 0} (${mbps.get('unseen')} MB per CPU-second), the same notes again ${counts.get('again') ?? 0} (${mbps.get('again')})`);
  console.log('unseen notes, by function and reason:');
  for (const [k, n] of [...where].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${String(n).padStart(3)}  ${k}`);
}

if (require.main === module) main();
