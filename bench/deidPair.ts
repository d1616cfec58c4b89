/**
 * Two commits' de-identifiers timed in ONE process, pass for pass: `npx tsx bench/deidPair.ts [--pairs N] REV_A REV_B`.
 * Both trees are compiled as bench/deidAB.ts compiles them; after a warm-up of both, N pairs (default 20) of passes over
 * each set alternate A and B (B first in every second pair), CPU time each (process.cpuUsage). It prints MB per
 * CPU-second, best and median pass of each tree, and the median of the pairs' time ratios (A's time over B's: above 1,
 * B is faster). On a loaded machine a pair shares the same load, so the pair ratio moves less than separate runs do;
 * still read anything within about 8 % as noise at load 8 or more (docs/history/DEIDENTIFICATION-rounds.md, Throughput).
 *
 * The tree loaded first runs faster in the same process (round 9: hand-dev 15-25 %, public 3-7 %, whichever tree it is),
 * so the comparison runs twice, in a child process each: A loaded first, then B loaded first. Each prints its line;
 * the last line gives B's speed-up freed of the order, the geometric mean of the two: sqrt(ratio A-first / ratio
 * B-first), both as A's time over B's. `--once` runs one process, A loaded first (what the children run).
 *
 * `--notes` times note by note instead of pass by pass (round 10): each note of a set through A and through B in turn
 * (order alternating), N rounds (--pairs), each note's fastest time kept; it prints the µs per note of the summed
 * minima and their ratio. A note's fastest time rarely meets a descheduled slice, so at load 10-15, where pass times
 * swing 20 %, this reads a few percent; the load-order bias remains, hence both orders as above.
 *
 * `--unseen` (round 18) times notes never read, as bench/deid.ts measureUnseen reads them: both trees warmed on its warm
 * notes (every dev set and the public set's first half) for 10 CPU-s each, in turns, then each note of hand-test and
 * the public set's second half read ONCE by each tree (which tree first alternates note by note; each tree has its own
 * memos and compiled code, so both readings are first readings): the process CPU of each reading (compile and GC
 * threads count), summed. Since round 23 those notes are bench:deid's (unseenSets): the public second half and the
 * writers never tuned on (held-out halves and untouched writers, ~4,300 notes), read in turn (inTurn). The memos and the JIT meet these notes once only, so one child gives one figure: N pairs of
 * children (--pairs, default 2), both orders each, and the geometric mean of their ratios.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { compiled } from './deidAB';
import { inTurn, loadSet, unseenSets } from './deid';

const SETS = ['hand-dev', 'presidio-synth-v2'];

const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Both load orders, a child process each; then the pair ratio freed of the order, per set. */
function bothOrders(a: string, b: string, pairs: number, notes: boolean, unseen = false): void {
  const ratios: Array<Map<string, number>> = [];
  const orders = unseen ? Array.from({ length: pairs }, () => [[a, b], [b, a]]).flat() : [[a, b], [b, a]];
  for (const [first, second] of orders) {
    const mode = unseen ? ['--unseen'] : notes ? ['--notes'] : [];
    const run = spawnSync(process.execPath, [...process.execArgv, __filename, '--once', ...mode, '--pairs', String(pairs), first!, second!], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`deidPair: ${run.stderr}`);
    process.stdout.write(`${first} loaded first: ${run.stdout}`);
    // The last figure of a set's line is its ratio (pair median, or the ratio of the summed minima with --notes).
    ratios.push(new Map([...run.stdout.matchAll(/^(\S+): .* ([\d.]+)$/gm)].map((m) => [m[1]!, Number(m[2])])));
  }
  for (const name of ratios[0]!.keys()) {
    // Every second run loaded B first: its ratio is B's time over A's, with the order's bias in the same direction.
    const free = Math.exp(ratios.reduce((s, r, i) => s + (i % 2 ? -1 : 1) * Math.log(r.get(name)!), 0) / ratios.length);
    console.log(`${name}: A time / B time, both orders (geometric mean) ${free.toFixed(3)}: B ${free >= 1 ? `${((free - 1) * 100).toFixed(1)} % faster` : `${((1 / free - 1) * 100).toFixed(1)} % slower`}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const p = args.indexOf('--pairs');
  const pairs = p >= 0 ? Number(args.splice(p, 2)[1]) : 20;
  const o = args.indexOf('--once');
  const once = o >= 0 && args.splice(o, 1).length > 0;
  const n = args.indexOf('--notes');
  const notes = n >= 0 && args.splice(n, 1).length > 0;
  const u = args.indexOf('--unseen');
  const unseen = u >= 0 && args.splice(u, 1).length > 0;
  if (args.length !== 2) throw new Error('usage: npx tsx bench/deidPair.ts [--pairs N] [--once] [--notes | --unseen] REV_A REV_B');
  if (!once) {
    bothOrders(args[0]!, args[1]!, p >= 0 || !unseen ? pairs : 2, notes, unseen);
    return;
  }
  const trees = args.map(compiled);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const [a, b] = trees.map((t) => (require(path.join(t.js, 'services', 'deidentify', 'index.js')) as typeof import('../services/deidentify')).deidentify);
  if (unseen) {
    firstReadings([a!, b!], trees);
    return;
  }
  for (const name of SETS) {
    const records = loadSet(name);
    if (!records) continue;
    const texts = records.map((r) => r.text);
    const mb = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
    const pass = (f: typeof a): number => {
      const c0 = cpu();
      for (const t of texts) f!(t);
      return cpu() - c0;
    };
    for (const until = cpu() + 4; cpu() < until; ) {
      pass(a);
      pass(b);
    }
    if (notes) {
      minima(name, texts, [a!, b!], trees, pairs);
      continue;
    }
    const ta: number[] = [];
    const tb: number[] = [];
    for (let k = 0; k < pairs; k++) {
      if (k % 2) {
        tb.push(pass(b));
        ta.push(pass(a));
      } else {
        ta.push(pass(a));
        tb.push(pass(b));
      }
    }
    const mbs = (ts: number[]) => `${(mb / Math.min(...ts)).toFixed(2)} best, ${(mb / median(ts)).toFixed(2)} median`;
    console.log(`${name}: ${trees[0]!.sha} ${mbs(ta)} | ${trees[1]!.sha} ${mbs(tb)} MB per CPU-second | pair ratio (A time / B time) median ${median(ta.map((x, i) => x / tb[i]!)).toFixed(3)}`);
  }
}

/** --notes: each note's fastest time in A and in B over `rounds` interleaved rounds; the summed minima and their ratio. */
function minima(name: string, texts: string[], fs: Array<(t: string) => unknown>, trees: Array<{ sha: string }>, rounds: number): void {
  const best = fs.map(() => texts.map(() => Number.POSITIVE_INFINITY));
  const now = (): number => Number(process.hrtime.bigint()) / 1e3;
  for (let k = 0; k < rounds; k++) {
    for (let i = 0; i < texts.length; i++) {
      for (const j of k % 2 ? [1, 0] : [0, 1]) {
        // Another text first, so no stage's last-text cache holds this one.
        fs[j]!('ok');
        const t0 = now();
        fs[j]!(texts[i]!);
        const us = now() - t0;
        if (us < best[j]![i]!) best[j]![i] = us;
      }
    }
  }
  const [sa, sb] = best.map((b) => b.reduce((x, y) => x + y, 0));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const per = (s: number) => `${(s / texts.length).toFixed(1)} µs per note (${(bytes / s).toFixed(2)} MB/s)`;
  console.log(`${name}: per-note minima ${trees[0]!.sha} ${per(sa!)} | ${trees[1]!.sha} ${per(sb!)} | ratio of the sums (A time / B time) ${(sa! / sb!).toFixed(3)}`);
}

/** --unseen: measureUnseen's warm-up in both trees, then each unseen note read once by each, in turns; CPU µs a note and the ratio. */
function firstReadings(fs: Array<(t: string) => unknown>, trees: Array<{ sha: string }>): void {
  const { warm, timed } = unseenSets();
  const spent = [0, 0];
  while (spent[0]! < 10 || spent[1]! < 10) {
    for (const j of [0, 1]) {
      const c0 = cpu();
      for (const r of warm) fs[j]!(r.text);
      spent[j]! += cpu() - c0;
    }
  }
  // Every note once by each tree, the groups in turn as measureUnseen reads them; which tree first alternates note by note.
  const sums: Record<string, number[]> = Object.fromEntries(Object.keys(timed).map((g) => [g, [0, 0]]));
  inTurn(timed).forEach(({ group, record }, i) => {
    for (const j of i % 2 ? [1, 0] : [0, 1]) {
      const c0 = cpu();
      fs[j]!(record.text);
      sums[group]![j]! += cpu() - c0;
    }
  });
  for (const [name, records] of Object.entries(timed)) {
    const [sa, sb] = sums[name]!;
    const bytes = records.reduce((n, r) => n + Buffer.byteLength(r.text, 'utf8'), 0);
    const per = (s: number) => `${((s * 1e6) / records.length).toFixed(1)} µs per note (${(bytes / 1e6 / s).toFixed(2)} MB per CPU-second)`;
    console.log(`${name.replace(/ /g, '-')}: notes never read, once each ${trees[0]!.sha} ${per(sa!)} | ${trees[1]!.sha} ${per(sb!)} | ratio (A time / B time) ${(sa! / sb!).toFixed(3)}`);
  }
}

if (require.main === module) main();
