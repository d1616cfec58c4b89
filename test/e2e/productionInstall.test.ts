// A production install, exactly as the Dockerfile makes one: scripts/install-production.sh copies the compiled
// server and runs `npm ci --omit=dev` in a temporary folder, so no TypeScript, tsx or mocha is there. Then
// `npm start` there (1) refuses to start in production without COSMOS_ENDPOINT, saying what to set, and (2) runs
// against a Cosmos endpoint — the embedded server stands in for Azure Cosmos DB — answers /healthz, refuses an
// unauthenticated activity, and stops cleanly on SIGTERM.
// The first run pays for npm ci (minutes on a busy 2-core machine); later runs with the same package-lock.json
// keep that folder's node_modules (see the script).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/storage/embedded';
import { ensureBuilt, ROOT } from '../helpers/dist';

const APP = path.join(tmpdir(), 'peerreflect-production-install', 'app');
const APP_ID = '00000000-0000-0000-0000-00000000b07a';

interface Run {
  output: () => string;
  exited: Promise<number | null>;
  printed: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpExecArray>;
  signal: (sig: NodeJS.Signals) => void;
}

/** `npm start` in the production folder, with only the given environment (plus PATH and HOME). */
function npmStart(env: Record<string, string>): Run {
  const child = spawn('npm', ['start'], {
    cwd: APP,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? tmpdir(), NODE_ENV: 'production', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  child.stderr!.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const printed = async (pattern: RegExp, timeoutMs = 60_000) => {
    for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((r) => setTimeout(r, 100))) {
      const m = pattern.exec(out);
      if (m) return m;
      if (child.exitCode !== null) break;
    }
    throw new Error(`never printed ${pattern}:\n${out}`);
  };
  return { output: () => out, exited, printed, signal: (sig) => child.kill(sig) };
}

describe('production install (npm ci --omit=dev, then npm start)', function () {
  this.timeout(15 * 60_000);
  let standIn: EmbeddedCosmos;

  before(async () => {
    ensureBuilt();
    mkdirSync(path.dirname(APP), { recursive: true });
    execFileSync(path.join(ROOT, 'scripts', 'install-production.sh'), [APP], { env: { ...process.env, NPM_CI_FLAGS: '--prefer-offline' }, stdio: 'pipe' });
    standIn = await startEmbeddedCosmos();
  });
  after(() => standIn?.stop());

  it('has no dev tools: no TypeScript, tsx, mocha, sinon or sources', () => {
    for (const tool of ['typescript', 'tsx', 'mocha', 'sinon', '@biomejs/biome', '.bin/tsc', '.bin/tsx']) {
      assert.equal(existsSync(path.join(APP, 'node_modules', tool)), false, `${tool} is installed`);
    }
    assert.equal(existsSync(path.join(APP, 'services')), false);
    assert.ok(existsSync(path.join(APP, 'dist', 'bot', 'index.js')));
  });

  it('without COSMOS_ENDPOINT in production: refuses to start and says what to set', async () => {
    const run = npmStart({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' });
    const code = await run.exited;
    assert.notEqual(code, 0);
    assert.match(run.output(), /Configuration error: COSMOS_ENDPOINT is required when NODE_ENV=production: your Azure Cosmos DB account, e\.g\. https:\/\/<account>\.documents\.azure\.com:443\//);
    assert.match(run.output(), /ID_SECRET/);
  });

  it('runs against a Cosmos endpoint: healthy, refuses an unauthenticated activity, stops cleanly', async () => {
    const run = npmStart({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      COSMOS_ENDPOINT: standIn.endpoint,
      COSMOS_KEY: standIn.key,
      COSMOS_DATABASE: 'production-install',
      ID_SECRET: 'p'.repeat(40),
      // The stand-in's certificate is self-signed for loopback; Azure Cosmos DB's is not. This process only.
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
    });
    try {
      const [, url] = await run.printed(/PeerReflect is running on (http:\/\/\S+)\/api\/messages/);
      const health = await fetch(`${url}/healthz`);
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { storage: string }).storage, 'ok');
      const post = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'hi' }) });
      assert.equal(post.status, 401);
      assert.match(run.output(), /"event":"storage.opened","mode":"cosmos"/);
    } finally {
      run.signal('SIGTERM');
    }
    await run.exited;
    assert.match(run.output(), /"event":"shutdown.done","signal":"SIGTERM"/);
  });
});
