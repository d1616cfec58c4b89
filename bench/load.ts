// Turn load: many simultaneous conversations, each a scripted run of turns posted to /api/messages with
// expectReplies, driven by autocannon on loopback against a server in its own process.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

const ROOT = path.resolve(__dirname, '..');

export interface Turn {
  text?: string;
  value?: Record<string, unknown>;
}

export interface LoadResult {
  turns: number;
  errors: number;
  non2xx: number;
  turnsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number };
  /** Server CPU time (user + system) per turn, from /proc. */
  cpuMsPerTurn: number;
  durationS: number;
}

export async function startServer(kind: 'echo' | 'bot'): Promise<{ port: number; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'bench/server.ts'), kind], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`bench server ${kind} exited with ${code}`)));
  });
  return {
    port,
    child,
    stop: () => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGKILL'); }),
  };
}

/** CPU seconds used so far by a process (utime + stime from /proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks; 100 Hz on Linux
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `connections` conversations at once, each repeating `script` as new conversations, for `seconds`. */
export async function runLoad(opts: { port: number; pid: number; script: Turn[]; connections: number; seconds: number; label: string }): Promise<LoadResult> {
  const latencies: number[] = [];
  let conversations = 0;
  const requests = opts.script.map((turn, i) => ({
    method: 'POST' as const,
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
      if (i === 0) context.conversation = `${opts.label}-${process.pid}-${++conversations}`;
      context.sentAt = process.hrtime.bigint();
      const user = `${context.conversation}-user`;
      return {
        ...req,
        body: JSON.stringify({
          type: 'message',
          id: `${context.conversation}-${i}`,
          channelId: 'bench',
          serviceUrl: 'http://127.0.0.1:9/',
          from: { id: user },
          recipient: { id: 'bot' },
          conversation: { id: context.conversation },
          deliveryMode: 'expectReplies',
          text: turn.text ?? '',
          ...(turn.value ? { value: turn.value } : {}),
        }),
      };
    },
    onResponse: (_status: number, _body: string, context: Record<string, unknown>) => {
      latencies.push(Number(process.hrtime.bigint() - (context.sentAt as bigint)) / 1e6);
    },
  }));
  const cpuBefore = cpuSeconds(opts.pid);
  const started = Date.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${opts.port}`,
    connections: opts.connections,
    duration: opts.seconds,
    requests: requests as unknown as autocannon.Request[],
  });
  const durationS = (Date.now() - started) / 1000;
  const cpu = cpuSeconds(opts.pid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  const turns = latencies.length;
  return {
    turns,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    turnsPerSecond: turns / durationS,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, turns),
    },
    cpuMsPerTurn: (cpu * 1000) / Math.max(1, turns),
    durationS,
  };
}
