// Start-up time: `npm run bench:startup [-- ROUNDS]`. From spawn to the first GET /healthz 200 (to READY for the
// baselines), each kind in turn, ROUNDS times (default 5), medians and ranges:
//   empty        node serving one route with node:http: the floor of starting node at all
//   echo         the turn benchmark's echo bot (bench/server.ts echo): botbuilder, restify and Cosmos state, no PeerReflect
//   start        `npm start`'s command (node dist/bot/index.js), content checked before (the record holds its digest)
//   start-cold   the same with the record of checked content removed: the full checks at start, as every start was
//   dev          `npm run dev` / the process tests (node --import tsx bot/index.ts), content checked before
//   dev-cold     the same, record removed
// Wall time depends on the machine's load; the CPU time the process used until then (from /proc) much less so.
// The servers run from a snapshot of the tree taken at the start (sources, content, dist/; node_modules linked
// package by package), so other work in the tree cannot change what is measured and the snapshot keeps its own
// record of checked content. Each bot start logs content.loaded with mode `checked` (full checks ran) or
// `checked-before`; a run whose mode is not the one its kind needs is reported and not counted.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuSeconds } from './load';
import { snapshotPackage, snapshotRecordFile } from './snapshot';
import { fmt, median } from './stats';

const ROOT = path.resolve(__dirname, '..');
let snapshot = '';
let recordFile = '';
const ROUNDS = Number(process.argv[2] ?? 5);
const NODE = ['--disable-warning=DEP0111'];
const EMPTY = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { console.log('READY ' + this.address().port); });`;

interface Kind {
  name: string;
  args: string[];
  /** For the bot: whether content must be checked in full (the record removed first). */
  cold?: boolean;
  bot: boolean;
}

const KINDS: Kind[] = [
  { name: 'empty', args: ['-e', EMPTY], bot: false },
  { name: 'echo', args: [...NODE, '--import', 'tsx', 'bench/server.ts', 'echo'], bot: false },
  { name: 'start', args: [...NODE, 'dist/bot/index.js'], bot: true },
  { name: 'start-cold', args: [...NODE, 'dist/bot/index.js'], bot: true, cold: true },
  { name: 'dev', args: [...NODE, '--import', 'tsx', 'bot/index.ts'], bot: true },
  { name: 'dev-cold', args: [...NODE, '--import', 'tsx', 'bot/index.ts'], bot: true, cold: true },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One start: wall and CPU ms from spawn until it answers (healthz 200, or READY), and the content mode it logged. */
async function once(kind: Kind): Promise<{ ms: number; cpuMs: number; mode?: string; contentMs?: number }> {
  // A cold start: the record set aside (and put back after, so the other kind's digest stays recorded).
  const record = kind.cold && fs.existsSync(recordFile) ? fs.readFileSync(recordFile) : undefined;
  if (kind.cold) fs.rmSync(recordFile, { force: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-data-'));
  const started = performance.now();
  const child = spawn(process.execPath, kind.args, {
    cwd: snapshot,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', MicrosoftAppId: '', COSMOS_ENDPOINT: '', NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    let port: number | undefined;
    while (port === undefined) {
      if (child.exitCode !== null) throw new Error(`${kind.name} exited before it listened:\n${out}`);
      const m = /READY (\d+)|Open http:\/\/[^:]+:(\d+)\//.exec(out);
      if (m) port = Number(m[1] ?? m[2]);
      else await sleep(2);
    }
    if (kind.bot) {
      for (;;) {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        if (r?.status === 200) break;
        await sleep(2);
      }
    }
    const ms = performance.now() - started;
    const cpuMs = cpuSeconds(child.pid!) * 1000;
    const loaded = /"event":"content.loaded","mode":"([\w-]+)","durationMs":(\d+)/.exec(out);
    return { ms, cpuMs, mode: loaded?.[1], contentMs: loaded ? Number(loaded[2]) : undefined };
  } finally {
    child.kill('SIGKILL');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (record) fs.writeFileSync(recordFile, record);
  }
}

async function main(): Promise<void> {
  // As `npm start`'s prestart: dist/ current with the sources (a build also runs the full content checks).
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.cjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  snapshot = snapshotPackage({ dist: true });
  recordFile = snapshotRecordFile(snapshot);
  const times = new Map<string, number[]>(KINDS.map((k) => [k.name, []]));
  const cpu = new Map<string, number[]>(KINDS.map((k) => [k.name, []]));
  const contentMs = new Map<string, number[]>(KINDS.map((k) => [k.name, []]));
  let skipped = 0;
  for (const k of KINDS) await once(k); // a first pass unmeasured: files into the page cache, the record written
  for (let r = 0; r < ROUNDS; r++) {
    for (const k of KINDS) {
      const { ms, cpuMs, mode, contentMs: loadMs } = await once(k);
      const want = k.cold ? 'checked' : 'checked-before';
      if (k.bot && mode !== want) {
        skipped++;
        process.stderr.write(`  ${k.name} round ${r + 1}: content mode ${mode ?? 'not logged'}, not ${want}: not counted\n`);
        continue;
      }
      times.get(k.name)!.push(ms);
      cpu.get(k.name)!.push(cpuMs);
      if (loadMs !== undefined) contentMs.get(k.name)!.push(loadMs);
      process.stderr.write(`  ${k.name} round ${r + 1}: ${fmt(ms)} ms, ${fmt(cpuMs)} ms CPU\n`);
    }
  }
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  const lines = [
    `Start-up, spawn to first /healthz 200 (READY for the baselines), ${ROUNDS} rounds, ${os.cpus().length} cores, load average ${load} at the end${skipped ? `, ${skipped} runs not counted` : ''}:`,
    '',
    '| kind | median ms | min–max ms | median CPU ms | CPU above echo | loading content/ (logged), median ms |',
    '| --- | ---: | --- | ---: | ---: | ---: |',
  ];
  const med = (m: Map<string, number[]>, name: string) => median(m.get(name)!);
  for (const k of KINDS) {
    const t = times.get(k.name)!;
    // Only the tsx forms compare with echo (itself run by tsx); dist/ has no transpiling to pay.
    const aboveEcho = k.name.startsWith('dev') ? fmt(med(cpu, k.name) - med(cpu, 'echo')) : '';
    lines.push(`| ${k.name} | ${fmt(median(t))} | ${fmt(Math.min(...t))}–${fmt(Math.max(...t))} | ${fmt(med(cpu, k.name))} | ${aboveEcho} | ${k.bot ? fmt(med(contentMs, k.name)) : ''} |`);
  }
  const saved = (warm: string) => `${fmt(med(times, `${warm}-cold`) - med(times, warm))} ms (${fmt(med(cpu, `${warm}-cold`) - med(cpu, warm))} ms CPU)`;
  lines.push('', `Content checked before saves, per start (cold − checked before, medians): npm start ${saved('start')}, npm run dev ${saved('dev')}.`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main()
  .catch((err) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 1;
  })
  .finally(() => snapshot && fs.rmSync(snapshot, { recursive: true, force: true }));
