/**
 * The loop shared by the JSON-lines command-line filters (`npm run --silent deid|screen -- --jsonl`): read stdin
 * line by line, hand each non-blank line to the handler (alone, or with the lines that arrived with it), write what it
 * returns as one JSON line, report a bad line on stderr by number, and exit non-zero at the end if any line was bad.
 */
import readline from 'node:readline';
import pino from 'pino';
import { setLogSink } from './log';

/** What one input line gave: an output record (omitted for a line that yields none) and/or a problem with it. */
export interface LineResult {
  out?: unknown;
  problem?: string;
}

/** The most lines handed to a `many` handler at once. */
const BATCH = 256;

/**
 * How the lines are handled: one at a time (a function of a line), or `{ many }`, which reads the lines that arrived
 * together (one read of the input: many from a file, one when typed), up to BATCH at a time (deid: deidentifyAll).
 */
export type LineHandler = ((line: string) => LineResult) | { many: (lines: string[]) => LineResult[] };

export function runJsonlFilter(name: string, usage: string, handler: LineHandler): void {
  let bad = 0;
  // Standard output carries only the result lines: the service's own log lines (e.g. content.loaded) go to stderr.
  setLogSink(pino({ level: process.env.LOG_LEVEL || 'info', base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2)));
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${name} failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );

  /** A line's problem to stderr, its output to stdout; true when stdout is full (wait for 'drain'). */
  function report(no: number, { out, problem }: LineResult): boolean {
    if (problem) {
      bad++;
      process.stderr.write(`line ${no}: ${problem}\n`);
    }
    return out !== undefined && !process.stdout.write(`${JSON.stringify(out)}\n`);
  }

  async function main(): Promise<number> {
    if (!process.argv.slice(2).includes('--jsonl')) {
      process.stderr.write(`usage: ${usage}\n`);
      return 2;
    }
    if (typeof handler !== 'function') return inBatches(handler.many);
    const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of rl) {
      lineNo++;
      if (!line.trim()) continue;
      if (report(lineNo, handler(line))) await new Promise((res) => process.stdout.once('drain', res));
    }
    if (bad > 0) process.stderr.write(`${bad} bad line(s) of ${lineNo}\n`);
    return bad > 0 ? 1 : 0;
  }

  /** main's loop for a `{ many }` handler: the lines read so far are handled together once the input pauses. */
  function inBatches(handleMany: (lines: string[]) => LineResult[]): Promise<number> {
    return new Promise((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
      let lineNo = 0;
      let pending: Array<{ no: number; line: string }> = [];
      let queued = false;
      const flush = (): void => {
        queued = false;
        while (pending.length) {
          const part = pending.slice(0, BATCH);
          pending = pending.slice(BATCH);
          const results = handleMany(part.map((p) => p.line));
          let full = false;
          results.forEach((result, k) => {
            if (report(part[k]!.no, result)) full = true;
          });
          if (full) {
            rl.pause();
            process.stdout.once('drain', () => rl.resume());
          }
        }
      };
      rl.on('line', (line) => {
        lineNo++;
        if (!line.trim()) return;
        pending.push({ no: lineNo, line });
        if (!queued) {
          queued = true;
          setImmediate(flush);
        }
      });
      rl.on('close', () => {
        flush();
        if (bad > 0) process.stderr.write(`${bad} bad line(s) of ${lineNo}\n`);
        resolve(bad > 0 ? 1 : 0);
      });
    });
  }
}
