/**
 * Bulk against one by one: `npx tsx bench/deidBulk.ts [--rounds N] [--batch N,N…] [REV] [set …]` (REV compiled as
 * bench/deidAB.ts compiles it; default HEAD; sets default hand-dev and presidio-synth-v2). In one process, after a
 * warm-up, passes over each set alternate: deidentify() text by text (what the service does) and deidentifyAll() in
 * batches of each size (stage by stage: docs/history/DEIDENTIFICATION-rounds.md, "Round 13 throughput"); the order of the passes
 * is reversed every other round. Prints CPU ms a pass (median / fastest) and MB per CPU-second of each, and the
 * ratio of the medians (one by one over bulk: above 1, bulk is faster).
 */
import path from 'node:path';
import { compiled } from './deidAB';
import { loadSet, sets } from './deid';
import { takeFlag } from './args';

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e3;
};

function main(): void {
  const args = process.argv.slice(2);
  const take = (flag: string): string | undefined => takeFlag(args, flag);
  const rounds = Number(take('--rounds') ?? 9);
  const batches = (take('--batch') ?? '64,256').split(',').map(Number);
  const rev = args[0] && !sets.some((s) => s.name === args[0]) ? args.shift()! : 'HEAD';
  const names = args.length ? args : ['hand-dev', 'presidio-synth-v2'];
  const tree = compiled(rev);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const d = require(path.join(tree.js, 'services', 'deidentify', 'index.js')) as typeof import('../services/deidentify');
  for (const name of names) {
    const records = loadSet(name);
    if (!records) continue;
    const texts = records.map((r) => r.text);
    const mb = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
    // 0: one by one; k > 0: in batches of batches[k - 1].
    const pass = (k: number): void => {
      if (k === 0) for (const t of texts) d.deidentify(t);
      else for (let i = 0; i < texts.length; i += batches[k - 1]!) d.deidentifyAll(texts.slice(i, i + batches[k - 1]!));
    };
    const kinds = [0, ...batches.map((_b, i) => i + 1)];
    for (let w = 0; w < 3; w++) for (const k of kinds) pass(k);
    const times: number[][] = kinds.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (const k of r % 2 ? [...kinds].reverse() : kinds) {
        const c0 = cpuMs();
        pass(k);
        times[k]!.push(cpuMs() - c0);
      }
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const cell = (k: number): string => `${median(times[k]!).toFixed(1)} / ${Math.min(...times[k]!).toFixed(1)} ms (${(mb / (median(times[k]!) / 1e3)).toFixed(2)} MB/s)`;
    console.log(`${name} (${tree.sha}, ${texts.length} texts, ${rounds} rounds): one by one ${cell(0)}; ${batches.map((b, i) => `batches of ${b} ${cell(i + 1)}, ${(median(times[0]!) / median(times[i + 1]!)).toFixed(2)}×`).join('; ')}`);
  }
}

if (require.main === module) main();
