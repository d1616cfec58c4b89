// One process per DATA_DIR (issue 15, item 2), with real processes: a second one refuses and names the pid
// that holds the folder; a lock left by a killed process is taken over.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../../services/storage/cosmos';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURE = path.join(__dirname, 'fixtures', 'holdStore.ts');

interface Holder { child: ChildProcess; out: () => string; exited: Promise<number | null>; opened: Promise<boolean> }

function hold(dataDir: string): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const opened = new Promise<boolean>((resolve) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      if (/opened \d+/.test(out)) resolve(true);
    });
    child.stderr!.on('data', (d: Buffer) => (out += d));
    void exited.then(() => resolve(false));
  });
  return { child, out: () => out, exited, opened };
}

const open = (dataDir: string) => openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir });

describe('DATA_DIR lock (real processes)', function () {
  this.timeout(120_000); // real processes on a busy machine
  let dir: string;
  const started: Holder[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'pr-lock-'));
  });
  afterEach(async () => {
    for (const h of started.splice(0)) {
      h.child.kill('SIGKILL');
      await h.exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a second process on the same DATA_DIR refuses to start and names the process that holds it', async () => {
    const first = hold(dir);
    started.push(first);
    assert.equal(await first.opened, true, first.out());
    const second = hold(dir);
    started.push(second);
    assert.equal(await second.opened, false);
    assert.equal(await second.exited, 3);
    assert.match(second.out(), new RegExp(`in use by process ${first.child.pid}\\b`));
    assert.match(second.out(), new RegExp(`kill ${first.child.pid}`));
  });

  it('a lock left by a killed process is taken over, and what it acknowledged is there', async () => {
    const first = hold(dir);
    started.push(first);
    assert.equal(await first.opened, true, first.out());
    first.child.kill('SIGKILL');
    await first.exited;
    assert.ok(fs.existsSync(path.join(dir, 'store.lock')), 'the killed process left its lock behind');
    const next = hold(dir);
    started.push(next);
    assert.equal(await next.opened, true, next.out());
    next.child.kill('SIGTERM');
    assert.equal(await next.exited, 0, next.out());
    assert.ok(!fs.existsSync(path.join(dir, 'store.lock')), 'a clean stop releases the lock');
    const store = await open(dir);
    try {
      const { resources } = await store.containers.people.items.query<string>('SELECT VALUE c.id FROM c').fetchAll();
      assert.deepEqual(resources.sort(), [`written-by-${first.child.pid}`, `written-by-${next.child.pid}`].sort());
    } finally {
      await store.close();
    }
  });

  it('three processes starting together on a new DATA_DIR: exactly one opens it', async () => {
    const all = [hold(dir), hold(dir), hold(dir)];
    started.push(...all);
    const opened = await Promise.all(all.map((h) => h.opened));
    assert.equal(opened.filter(Boolean).length, 1, all.map((h) => h.out()).join('\n'));
    for (const h of all.filter((_, i) => !opened[i])) assert.match(h.out(), /is in use by process \d+/);
  });

  it('a lock whose pid now belongs to another process (a restart reused it) is taken over', async () => {
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    fs.mkdirSync(dir, { recursive: true });
    // process.ppid is alive, but it is not the process that wrote this lock: its start time differs.
    fs.writeFileSync(path.join(dir, 'store.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), boot, start: '1', since: '2026-01-01T00:00:00Z' }));
    const store = await open(dir);
    await store.close();
  });

  it('a lock from another host is refused, naming the host and what to check before deleting it', async () => {
    fs.writeFileSync(path.join(dir, 'store.lock'), JSON.stringify({ pid: 4242, host: 'other-vm', since: '2026-01-01T00:00:00Z' }));
    await assert.rejects(open(dir), /in use by process 4242 on host other-vm .*delete .*store\.lock/);
  });

  it('the same DATA_DIR opened twice in one process is refused too', async () => {
    const store = await open(dir);
    try {
      await assert.rejects(open(dir), new RegExp(`in use by process ${process.pid}\\b`));
    } finally {
      await store.close();
    }
    const again = await open(dir); // released by the close
    await again.close();
  });
});
