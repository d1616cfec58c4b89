// `npm start` execs node (no shell left between npm and the server), so a signal sent to npm — as a container
// runtime, a terminal's Ctrl-C or a process manager sends it — reaches the server, which shuts down cleanly and
// leaves nothing behind (issue 15, item 2).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuilt, ROOT } from '../helpers/dist';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startAndSignal(signal: NodeJS.Signals, env: Record<string, string> = {}, waitMs = 30_000): Promise<{ output: string; serverPid: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'npm-start-'));
  // --ignore-scripts skips prestart (ensureBuilt did it) but still runs `start` itself.
  const npm = spawn('npm', ['start', '--ignore-scripts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', MicrosoftAppId: '', COSMOS_ENDPOINT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start never said it was running:\n${output}`)), waitMs);
      const onData = (d: Buffer) => {
        output += d;
        if (/PeerReflect is running/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      npm.stdout!.on('data', onData);
      npm.stderr!.on('data', onData);
      void exited.then(() => reject(new Error(`npm start exited early:\n${output}`)));
    });
    // npm's only child is the server itself: the shell exec'd into node.
    const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(npm.pid)], { encoding: 'utf8' }).trim().split('\n');
    assert.equal(children.length, 1, `npm's children: ${children.join('; ')}`);
    const [pid, comm] = children[0]!.trim().split(/\s+/);
    assert.equal(comm, 'node');
    const serverPid = Number(pid);

    process.kill(npm.pid!, signal); // to npm only, not to its process group
    await Promise.race([exited, new Promise((_, reject) => setTimeout(() => reject(new Error(`npm still running after ${signal}:\n${output}`)), 15_000))]);
    for (let i = 0; i < 50 && alive(serverPid); i++) await new Promise((r) => setTimeout(r, 100));
    return { output, serverPid };
  } finally {
    if (npm.exitCode === null) npm.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('npm start: signals reach the server', function () {
  this.timeout(90_000);
  before(() => ensureBuilt());

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to the npm process shuts the server down cleanly and orphans nothing`, async () => {
      const { output, serverPid } = await startAndSignal(signal);
      assert.equal(alive(serverPid), false, `server ${serverPid} outlived npm`);
      assert.match(output, new RegExp(`"event":"shutdown.done","signal":"${signal}"`));
      assert.doesNotMatch(output, /deid\.warm_up/, 'no warm start in tests unless asked (test/helpers/setup.ts)');
    });
  }

  it('reads the warm-up notes before it listens when DEID_WARM_UP_SECONDS is set, logging counts only', async function () {
    this.timeout(180_000); // a few CPU-seconds more than a start, slow on a loaded machine
    const { output } = await startAndSignal('SIGTERM', { DEID_WARM_UP_SECONDS: '1' }, 150_000);
    const line = output.split('\n').find((l) => l.includes('"event":"deid.warm_up"'));
    assert.ok(line, output);
    const fields = JSON.parse(line) as Record<string, unknown>;
    assert.ok(Number(fields.count) >= 100 && Number(fields.durationMs) > 0, line);
    assert.deepEqual(Object.keys(fields).filter((k) => !['level', 'time', 'event', 'count', 'durationMs'].includes(k)), []);
    assert.ok(output.indexOf(line) < output.indexOf('PeerReflect is running'), 'warmed before it listens');
  });
});
