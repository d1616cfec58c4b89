// The real server (node bot/index.ts, as `npm start` runs it) refusing to start on a DATA_DIR it must not
// open: it exits at once with one message that names the file, line or process and says what to do.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localIdSecret } from '../../../services/secret';
import { openStore } from '../../../services/storage/cosmos';
import { SERVER_ARGS } from '../../helpers/serverProcess';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Starts the server as `npm start` does and resolves with what it printed once it exits 1 (a refusal). */
function refusal(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, SERVER_ARGS, { cwd: ROOT, env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after 100 s:\n${out}`));
    }, 100_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 1) resolve(out);
      else reject(new Error(`exited ${code}, not 1:\n${out}`));
    });
  });
}

describe('the server refuses a DATA_DIR it must not open (real process)', function () {
  this.timeout(150_000);
  let dir: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'pr-refuse-'));
    localIdSecret(dir);
    const store = await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir: dir });
    await store.containers.people.items.create({ id: 'someone' });
    await store.close();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a damaged journal: names the file, the line and npm run store -- check|recover', async () => {
    const file = path.join(dir, 'cosmos-journal.jsonl');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[2] = '{"t":"coll",';
    fs.writeFileSync(file, lines.join('\n'));
    const out = await refusal({ DATA_DIR: dir });
    assert.match(out, /PeerReflect could not start: The embedded store's journal .*cosmos-journal\.jsonl is damaged at line 3/);
    assert.match(out, /npm run store -- check/);
    assert.match(out, /npm run store -- recover/);
  });

  it('an empty id-secret: says so and to restore it from the backup', async () => {
    fs.writeFileSync(path.join(dir, 'id-secret'), '');
    const out = await refusal({ DATA_DIR: dir });
    assert.match(out, /PeerReflect could not start: .*id-secret is empty; it must hold at least 32/);
  });

  it('a DATA_DIR held by another process: names its pid', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'holdStore.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve) => holder.stdout.on('data', (d: Buffer) => /opened/.test(String(d)) && resolve()));
      const out = await refusal({ DATA_DIR: dir });
      assert.match(out, new RegExp(`PeerReflect could not start: .* is in use by process ${holder.pid} `));
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
