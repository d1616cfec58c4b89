// Turn load: many simultaneous conversations, each a scripted run of turns posted to /api/messages with
// expectReplies, driven by autocannon on loopback against a server in its own process.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { cardValue } from './debrief';
import { percentile } from './stats';

const ROOT = path.resolve(__dirname, '..');

export interface Turn {
  text?: string;
  value?: Record<string, unknown>;
  /** Tap a button of the previous reply's card (by title, else the first), adding any form inputs. */
  card?: { title?: string; extra?: Record<string, unknown> };
  /** The reply must match this (checked on every response to this turn; the last turn's match counts a completed script). */
  expect?: RegExp;
}

export interface LoadResult {
  turns: number;
  /** Connection errors, timeouts included (each a lost reply). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Scripts begun, those whose last turn was sent (some replies come after the run's end), and those whose last turn got the expected reply. */
  conversations: number;
  finalTurnsSent: number;
  completed: number;
  /** Card turns with no such button in the previous reply, and replies that didn't match `expect`. */
  missingCards: number;
  unexpectedReplies: number;
  /**
   * Conversations that lost a reply (a timeout: autocannon reconnects and sends the next turn). Their later turns
   * are still sent but not checked, and their Save is not counted in `finalTurnsSent`: the dialog is off script.
   */
  brokenConversations: number;
  turnsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number };
  /** Server CPU time (user + system) per turn, from /proc. */
  cpuMsPerTurn: number;
  durationS: number;
}

/** `root`: the source tree to run (bench/ab.ts runs two commits' trees side by side). */
export async function startServer(kind: 'echo' | 'bot', nodeArgs: string[] = [], root = ROOT): Promise<{ port: number; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', ...nodeArgs, path.join(root, 'bench/server.ts'), kind], {
    cwd: root,
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
    stop: () => child.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGKILL'); }),
  };
}

/** CPU seconds used so far by a process (utime + stime from /proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks; 100 Hz on Linux
}


/**
 * Runs `connections` conversations at once, each repeating `script` as new conversations, for `seconds`.
 * `cards: false` (the echo baseline, which shows no cards) sends card turns as a plain value instead.
 */
export async function runLoad(opts: { port: number; pid: number; script: Turn[]; connections: number; seconds: number; label: string; cards?: boolean }): Promise<LoadResult> {
  const latencies: number[] = [];
  let conversations = 0;
  let completed = 0;
  let missingCards = 0;
  let unexpectedReplies = 0;
  let non200 = 0;
  let finalTurnsSent = 0;
  let brokenConversations = 0;
  const last = opts.script.length - 1;
  const requests = opts.script.map((turn, i) => ({
    method: 'POST' as const,
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
      if (i === 0) {
        context.conversation = `${opts.label}-${process.pid}-${++conversations}`;
        context.broken = false;
      } else if (!context.broken && context.answered !== i - 1) {
        context.broken = true; // the previous turn's reply never came
        brokenConversations++;
      }
      context.answered = undefined;
      if (i === last && !context.broken) finalTurnsSent++;
      context.sentAt = process.hrtime.bigint();
      const user = `${context.conversation}-user`;
      let value = turn.value;
      if (turn.card) {
        value = opts.cards === false ? { choice: turn.card.title ?? 'next', ...turn.card.extra } : cardValue(context.lastBody as string | undefined, turn.card);
        if (!value && !context.broken) missingCards++;
      }
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
          ...(value ? { value } : {}),
        }),
      };
    },
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      latencies.push(Number(process.hrtime.bigint() - (context.sentAt as bigint)) / 1e6);
      if (status !== 200) non200++;
      context.lastBody = body;
      context.answered = i;
      if (turn.expect && !context.broken) {
        if (turn.expect.test(body)) {
          if (i === last) completed++;
        } else unexpectedReplies++;
      }
    },
  }));
  const cpuBefore = cpuSeconds(opts.pid);
  const started = Date.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${opts.port}`,
    connections: opts.connections,
    duration: opts.seconds,
    requests: requests as unknown as autocannon.Request[],
    // On 2 shared cores under other sessions' load a turn can queue for seconds; autocannon's 10 s default then
    // times out, reconnects and sends the next turn while the last is still running, which breaks that conversation.
    timeout: 60,
  });
  const durationS = (Date.now() - started) / 1000;
  const cpu = cpuSeconds(opts.pid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  const turns = latencies.length;
  return {
    turns,
    errors: result.errors, // autocannon's errors include its timeouts
    timeouts: result.timeouts,
    non2xx: Math.max(result.non2xx, non200),
    conversations,
    finalTurnsSent,
    completed,
    missingCards,
    unexpectedReplies,
    brokenConversations,
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
