// Content checks through real processes. `npm run check:content`: exit 0 and one line, or exit 1 naming the file
// and JSON pointer. The server, run from a copy of the package (bench/snapshot.ts, its own record of checked
// content): its first start checks content in full and records the pass, the next skips the costly checks, and
// once a risk term no longer matches its example it refuses to start (exit 1, ContentError), recorded good bytes or
// not. A broken SAFETY_PROTOCOL_FILE stops it too. The in-process cases: test/content/checkRecord.test.ts.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { snapshotPackage } from '../../bench/snapshot';
import { CONTENT_FILES, DEFAULT_CONTENT_DIR } from '../../services/content';
import { SERVER_ARGS } from '../helpers/serverProcess';

const ROOT = path.resolve(__dirname, '..', '..');
// biome-ignore lint/suspicious/noExplicitAny: the tests edit content files at arbitrary JSON paths
type Json = Record<string, any>;

function edit(file: string, change: (data: Json) => void): void {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  change(data);
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}

/** Starts the server in `cwd`; once it runs, stops it. Resolves with its exit code (null: it ran) and its output. */
function startOnce(cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-start-data-'));
  const child = spawn(process.execPath, SERVER_ARGS, {
    cwd,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', MicrosoftAppId: '', COSMOS_ENDPOINT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let ran = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`neither ran nor stopped in 180 s:\n${out}`));
    }, 180_000);
    const onData = (d: Buffer) => {
      out += d;
      if (!ran && /PeerReflect is running/.test(out)) {
        ran = true;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve({ code: ran ? null : code, out });
    });
  });
}

const loadedMode = (out: string) => /"event":"content.loaded","mode":"([\w-]+)"/.exec(out)?.[1];

describe('content checks in real processes', function () {
  this.timeout(600_000);

  it('npm run check:content: exit 0 and one line for good content, exit 1 naming the file and pointer for broken', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-check-'));
    try {
      for (const f of Object.values(CONTENT_FILES)) fs.copyFileSync(path.join(DEFAULT_CONTENT_DIR, f), path.join(dir, f));
      const cli = () => spawnSync(process.execPath, ['--import', 'tsx', 'services/content/cli.ts', dir], { cwd: ROOT, encoding: 'utf8' });
      const ok = cli();
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /^content ok: 11 files in .*, \d+ patterns against \d+ examples, checked in \d+ ms\n$/);
      edit(path.join(dir, CONTENT_FILES.riskTerms), (d) => {
        d.categories[0].patterns[0].pattern = 'unclosed (group';
      });
      const bad = cli();
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /^Content error in .*risk-terms\.json at \/categories\/0\/patterns\/0\/pattern: not a valid regular expression/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the server checks in full once, then starts without the costly checks, and refuses a broken risk term', async () => {
    const pkg = snapshotPackage();
    try {
      const first = await startOnce(pkg);
      assert.equal(first.code, null, first.out);
      assert.match(first.out, /"event":"content.loaded","mode":"checked","durationMs":\d+,"status":"recorded"/);
      const second = await startOnce(pkg);
      assert.equal(second.code, null, second.out);
      assert.equal(loadedMode(second.out), 'checked-before');

      edit(path.join(pkg, 'content', CONTENT_FILES.riskTerms), (d) => {
        d.categories[0].patterns[0].examples[0] = 'we talked about the weather and the bus';
      });
      const broken = await startOnce(pkg);
      assert.equal(broken.code, 1, broken.out);
      assert.doesNotMatch(broken.out, /PeerReflect is running/);
      assert.match(broken.out, /"event":"server.start_failed","errorName":"ContentError"/);
      assert.match(broken.out, /PeerReflect could not start: ContentError/);
    } finally {
      fs.rmSync(pkg, { recursive: true, force: true });
    }
  });

  it('a broken organisation safety protocol stops the server at start', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-protocol-'));
    try {
      const file = path.join(dir, 'protocol.json');
      fs.copyFileSync(path.join(DEFAULT_CONTENT_DIR, CONTENT_FILES.safetyProtocol), file);
      edit(file, (d) => {
        delete d.kinds[Object.keys(d.kinds)[0]!];
      });
      const r = await startOnce(ROOT, { SAFETY_PROTOCOL_FILE: file });
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, /PeerReflect could not start: ContentError/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
