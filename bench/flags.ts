// A side run for a runtime lever: `npx tsx bench/flags.ts -- --max-semi-space-size=32`. Runs echo and bot with
// and without the given node flags (the same flags for both servers), alternating, and prints medians, so a
// flag is adopted only if it helps the bot measurably and stays fair to the baseline.
import { DEBRIEF } from './debrief';
import { runLoad, startServer, type LoadResult, type Turn } from './load';
import { fmt, median } from './stats';

const ECHO: Turn[] = DEBRIEF.map((t) => ({ ...t, expect: /echo \d+:/ }));

async function main(): Promise<void> {
  const flags = process.argv.slice(2).filter((a) => a !== '--');
  const rounds = Number(process.env.ROUNDS ?? 2);
  const seconds = Number(process.env.SECONDS ?? 12);
  const variants = [{ name: 'default', args: [] as string[] }, { name: flags.join(' '), args: flags }];
  const results = new Map<string, LoadResult[]>();
  for (let r = 0; r < rounds; r++) {
    for (const v of variants) {
      for (const kind of ['echo', 'bot'] as const) {
        const server = await startServer(kind, v.args);
        try {
          const base = { port: server.port, pid: server.child.pid!, script: kind === 'bot' ? DEBRIEF : ECHO, connections: 50, cards: kind === 'bot' };
          await runLoad({ ...base, seconds: 2, label: `warm-${kind}-${r}` });
          const res = await runLoad({ ...base, seconds, label: `${kind}-${r}` });
          if (res.errors || res.non2xx || res.unexpectedReplies || res.missingCards) throw new Error(`${kind} ${v.name}: a run with errors`);
          const key = `${v.name}|${kind}`;
          results.set(key, [...(results.get(key) ?? []), res]);
          console.error(`  ${v.name} ${kind} round ${r + 1}: ${fmt(res.turnsPerSecond)} turns/s p99 ${fmt(res.latencyMs.p99)} ms ${fmt(res.cpuMsPerTurn)} ms CPU/turn`);
        } finally {
          await server.stop();
        }
      }
    }
  }
  console.log('| flags | server | turns/s | p50 | p99 | CPU per turn |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const [key, rs] of results) {
    const [name, kind] = key.split('|');
    console.log(`| ${name} | ${kind} | ${fmt(median(rs.map((x) => x.turnsPerSecond)))} | ${fmt(median(rs.map((x) => x.latencyMs.p50)))} ms | ${fmt(median(rs.map((x) => x.latencyMs.p99)))} ms | ${fmt(median(rs.map((x) => x.cpuMsPerTurn)))} ms |`);
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
