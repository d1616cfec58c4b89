/**
 * De-identifier throughput of two or more commits, compared fairly on a shared machine:
 * `npx tsx bench/deidAB.ts [--rounds N] REV REV ...` (REV: any commit-ish).
 * Each commit's services/ is taken with `git archive` into a temporary folder and compiled with tsc (the JavaScript
 * `npm start` runs, not tsx); then one process per commit runs in turn, in rotating order, N rounds (default 5): each
 * warms up 2 CPU-seconds per set, times 8 passes over it (CPU time, process.cpuUsage) and reports MB per CPU-second.
 * The table gives the median of the rounds' medians and the best pass. Every commit reads the same texts: the public
 * set and hand-dev as this tree loads them. Only the load average is reported about the machine: read the ratios.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchSet, loadSet, present } from './deid';

const ROOT = path.resolve(__dirname, '..');
const SETS = ['presidio-synth-v2', 'hand-dev'];
const WARM_CPU_SECONDS = 2;
const PASSES = 8;

/**
 * Every model file the commit has (classifier/*.json: the name and facility models, and since round 16 the two slot
 * models, which tsc does not emit): without one, a slot model's step finds no file and is off in the compiled tree.
 */
export function copyModels(src: string, js: string): void {
  const from = path.join(src, 'services', 'deidentify', 'classifier');
  const to = path.join(js, 'services', 'deidentify', 'classifier');
  for (const f of fs.readdirSync(from)) if (f.endsWith('.json') && !fs.existsSync(path.join(to, f))) fs.copyFileSync(path.join(from, f), path.join(to, f));
}

/** The commit compiled into <tmp>/deid-ab/<sha>/js (done once per sha). */
export function compiled(rev: string): { sha: string; js: string } {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(os.tmpdir(), 'deid-ab', sha);
  const js = path.join(dir, 'js');
  const src = path.join(dir, 'src');
  if (fs.existsSync(path.join(js, 'services', 'deidentify', 'index.js'))) {
    // A tree compiled before its models were all copied (round 17) gets them now.
    copyModels(src, js);
    return { sha, js };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(src, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${sha} services content package.json | tar -x -C ${JSON.stringify(src)}`], { cwd: ROOT });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'));
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = ['--outDir', js, '--rootDir', src, '--noEmit', 'false', '--target', 'ES2022', '--module', 'node16', '--moduleResolution', 'node16', '--esModuleInterop', '--resolveJsonModule', '--skipLibCheck', '--types', 'node', '--ignoreConfig', path.join(src, 'services', 'deidentify', 'index.ts')];
  // Type errors of an old commit do not stop the emit; a missing index.js does.
  spawnSync(process.execPath, [tsc, ...args], { cwd: src, encoding: 'utf8' });
  if (!fs.existsSync(path.join(js, 'services', 'deidentify', 'index.js'))) throw new Error(`deidAB: ${sha} did not compile`);
  copyModels(src, js);
  fs.symlinkSync(path.join(src, 'content'), path.join(js, 'content'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(js, 'node_modules'));
  fs.copyFileSync(path.join(src, 'package.json'), path.join(js, 'package.json'));
  return { sha, js };
}

const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

/** In a child process: MB per CPU-second of one compiled tree, median and best of PASSES after the warm-up, per set. */
function timeTree(js: string): Record<string, { median: number; best: number }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deidentify } = require(path.join(js, 'services', 'deidentify', 'index.js')) as typeof import('../services/deidentify');
  const out: Record<string, { median: number; best: number }> = {};
  for (const name of SETS) {
    const records = loadSet(name, () => {});
    if (!records) continue;
    const texts = records.map((r) => r.text);
    const mb = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
    const warm = cpu() + WARM_CPU_SECONDS;
    do for (const t of texts) deidentify(t);
    while (cpu() < warm);
    const times: number[] = [];
    for (let k = 0; k < PASSES; k++) {
      const c0 = cpu();
      for (const t of texts) deidentify(t);
      times.push(cpu() - c0);
    }
    times.sort((a, b) => a - b);
    out[name] = { median: mb / times[Math.floor(times.length / 2)]!, best: mb / times[0]! };
  }
  return out;
}

function main(): void {
  if (process.argv[2] === '--time') {
    process.stdout.write(JSON.stringify(timeTree(process.argv[3]!)));
    return;
  }
  const r = process.argv.indexOf('--rounds');
  const rounds = r >= 0 ? Number(process.argv[r + 1]) : 5;
  const revs = process.argv.slice(2).filter((a, i, all) => a !== '--rounds' && all[i - 1] !== '--rounds');
  if (revs.length < 2) throw new Error('usage: npx tsx bench/deidAB.ts [--rounds N] REV REV ...');
  // A set whose file is not here is said once, here, and left out of the table (the children skip it too).
  const names = SETS.filter((name) => present(benchSet(name)));
  const trees = revs.map(compiled);
  const results = new Map<string, Array<Record<string, { median: number; best: number }>>>(trees.map((t) => [t.sha, []]));
  const loads: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < trees.length; k++) {
      const tree = trees[(round + k) % trees.length]!;
      loads.push(os.loadavg()[0]!);
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--time', tree.js], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`deidAB: ${tree.sha} failed: ${child.stderr}`);
      results.get(tree.sha)!.push(JSON.parse(child.stdout) as Record<string, { median: number; best: number }>);
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${rounds} rounds, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}; MB per CPU-second, median of the rounds' medians (best pass)\n`);
  console.log(`| commit | ${names.join(' | ')} |\n| --- |${names.map(() => ' ---: |').join('')}`);
  for (const t of trees) {
    const runs = results.get(t.sha)!;
    const cells = names.map((s) => `${median(runs.map((x) => x[s]!.median)).toFixed(2)} (${Math.max(...runs.map((x) => x[s]!.best)).toFixed(2)})`);
    console.log(`| ${t.sha} | ${cells.join(' | ')} |`);
  }
}

if (require.main === module) main();
