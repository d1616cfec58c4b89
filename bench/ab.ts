// Before/after for a code change, on a shared machine: `npx tsx bench/ab.ts <commit A> <commit B>` (a commit, or `.`
// for the working tree). Each commit's tree is unpacked into a temporary folder (git archive; node_modules shared),
// then echo and bot of A, echo and bot of B run alternately, ROUNDS times (default 3), 50 connections, SECONDS each
// (default 10). Each variant is compared with its own echo run of the same round, so a machine that slows down
// between rounds moves both sides of a ratio; the report gives the medians of those same-round ratios and the load.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEBRIEF } from './debrief';
import { runLoad, startServer, type Turn } from './load';
import { fmt, median } from './stats';
import { machineLoad } from './verdict';

const ROOT = path.resolve(__dirname, '..');
const ECHO: Turn[] = DEBRIEF.map((t) => ({ ...t, expect: /echo \d+:/ }));

function tree(commit: string): string {
  if (commit === '.') return ROOT;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ab-${commit.slice(0, 8)}-`));
  const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

async function main(): Promise<void> {
  const commits = process.argv.slice(2).filter((a) => a !== '--');
  if (commits.length !== 2) throw new Error('usage: npx tsx bench/ab.ts <commit A> <commit B>');
  const rounds = Number(process.env.ROUNDS ?? 3);
  const seconds = Number(process.env.SECONDS ?? 10);
  const variants = commits.map((c) => ({ name: c, root: tree(c) }));
  const rows: { name: string; round: number; echo: number; bot: number; echoCpu: number; botCpu: number; echoP99: number; botP99: number; load?: number; pressure?: number }[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      for (const v of variants) {
        const got: Record<string, { tps: number; cpu: number; p99: number }> = {};
        for (const kind of ['echo', 'bot'] as const) {
          const server = await startServer(kind, [], v.root);
          try {
            const base = { port: server.port, pid: server.child.pid!, script: kind === 'bot' ? DEBRIEF : ECHO, connections: 50, cards: kind === 'bot' };
            await runLoad({ ...base, seconds: 2, label: `warm-${kind}` });
            const res = await runLoad({ ...base, seconds, label: `${kind}-${r}` });
            if (res.errors || res.non2xx || res.unexpectedReplies || res.missingCards) throw new Error(`${v.name} ${kind}: a run with errors`);
            got[kind] = { tps: res.turnsPerSecond, cpu: res.cpuMsPerTurn, p99: res.latencyMs.p99 };
          } finally {
            await server.stop();
          }
        }
        const load = machineLoad((f) => fs.readFileSync(f, 'utf8'));
        rows.push({ name: v.name, round: r + 1, echo: got.echo!.tps, bot: got.bot!.tps, echoCpu: got.echo!.cpu, botCpu: got.bot!.cpu, echoP99: got.echo!.p99, botP99: got.bot!.p99, load: load.loadAverage?.[0], pressure: load.cpuPressureSome10 });
        const x = rows.at(-1)!;
        console.error(`  ${v.name} round ${r + 1}: echo ${fmt(x.echo)} bot ${fmt(x.bot)} turns/s (${fmt((x.bot / x.echo) * 100)} %), CPU/turn ${fmt(x.botCpu / x.echoCpu)}x echo, p99 ${fmt(x.botP99 / x.echoP99)}x; load ${x.load ?? '–'}, CPU pressure ${x.pressure ?? '–'} %`);
      }
    }
  } finally {
    for (const v of variants) if (v.root !== ROOT) fs.rmSync(v.root, { recursive: true, force: true });
  }
  console.log('| commit | echo turns/s | bot turns/s | throughput vs echo | CPU per turn vs echo | p99 vs echo | load (1 min) | CPU pressure |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const v of variants) {
    const rs = rows.filter((x) => x.name === v.name);
    const m = (f: (x: (typeof rs)[number]) => number) => median(rs.map(f));
    console.log(`| ${v.name} | ${fmt(m((x) => x.echo))} | ${fmt(m((x) => x.bot))} | ${fmt(m((x) => x.bot / x.echo) * 100)} % | ${fmt(m((x) => x.botCpu / x.echoCpu))}× | ${fmt(m((x) => x.botP99 / x.echoP99))}× | ${rs.map((x) => fmt(x.load ?? NaN)).join(', ')} | ${rs.map((x) => `${fmt(x.pressure ?? NaN)} %`).join(', ')} |`);
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
