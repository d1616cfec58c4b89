import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import { Conversation, startBot } from '../helpers/bot';
import { closeStores } from '../helpers/store';
import { SERVER_ARGS, startServerProcess } from '../helpers/serverProcess';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs the server as `npm start` does and resolves once it prints its address. */
const startProcess = startServerProcess;

describe('process lifecycle', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'pr-life-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  after(closeStores);

  it('starts the server the way `npm run dev` does (npm start execs node on the compiled dist/: test/bot/npmStart.test.ts)', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string; dev: string } };
    assert.equal(pkg.scripts.dev, `node ${SERVER_ARGS.join(' ')}`);
    assert.equal(pkg.scripts.start, 'exec node --disable-warning=DEP0111 dist/bot/index.js');
  });

  it('stops a bad start with one line that names the variable', async () => {
    const child = spawn(process.execPath, SERVER_ARGS, {
      cwd: ROOT,
      env: { ...process.env, PORT: 'eighty', DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.equal(err.trim().split('\n').length, 1);
    assert.match(err, /^Configuration error: PORT must be integer/);
  });

  it('serves, shuts down cleanly on SIGTERM, and keeps stored data across a restart', async () => {
    const env = { PORT: '0', DATA_DIR: dir };
    const first = await startProcess(env);
    const convo = new Conversation(first.url, 'restart-user');
    assert.match((await convo.say('help'))[0].text ?? '', /what I can do/);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    assert.match(first.output(), /"event":"shutdown.done"/);

    const second = await startProcess(env);
    try {
      // The person document created on first contact survived: same pseudonymous id, same creation time.
      const health = await fetch(`${second.url}/healthz`);
      assert.equal(health.status, 200);
      assert.match(second.output(), /"event":"embedded.replayed","count":[1-9]/);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  it('lets an in-flight turn finish before close resolves', async () => {
    const bot = await startBot();
    const original = bot.server.bot.run.bind(bot.server.bot);
    const slow = sinon.stub(bot.server.bot, 'run').callsFake(async (ctx) => {
      await new Promise((r) => setTimeout(r, 400));
      return original(ctx);
    });
    try {
      const reply = new Conversation(bot.url).say('help');
      await new Promise((r) => setTimeout(r, 100));
      const closed = bot.server.close(5000);
      const replies = await reply;
      assert.match(replies[0].text ?? '', /what I can do/);
      await closed;
    } finally {
      slow.restore();
      await bot.store.close();
    }
  });
});
