// The real server in its own process, started as `npm run dev` does (node --import tsx bot/index.ts: the sources,
// no build), for tests that stop it cleanly or kill it outright. `npm start` runs the compiled dist/ instead: see
// test/bot/npmStart.test.ts and test/e2e/productionInstall.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
/** Node's arguments for the server, as package.json's `dev` script has them. */
export const SERVER_ARGS = ['--disable-warning=DEP0111', '--import', 'tsx', 'bot/index.ts'];

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves once a printed line matches (e.g. a log event). */
  printed(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends a signal to the whole process group, as a container stop or the OOM killer would. */
  signal(sig: NodeJS.Signals): void;
}

/** Starts the server and resolves once it prints its address (PORT=0 in env picks a free port). */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, SERVER_ARGS, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so signal() reaches everything it started
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d;
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  // Resolves once the group is gone: the cli exits after the server it runs (it relays the server's exit).
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err; // already gone
    }
  };
  const printed = (pattern: RegExp, timeoutMs = 20000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { listeners.delete(check); reject(new Error(`never printed ${pattern}:\n${out}`)); }, timeoutMs);
      const check = () => {
        if (!pattern.test(out)) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
      check();
    });
  return new Promise((resolve, reject) => {
    void exited.then(() => reject(new Error(`exited early:\n${out}`)));
    printed(/Open (http:\/\/[\d.:]+)\//).then(
      () => resolve({ url: /Open (http:\/\/[\d.:]+)\//.exec(out)![1]!, child, output: () => out, exited, printed, signal }),
      reject,
    );
  });
}
