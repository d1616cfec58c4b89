// A copy of the package to run servers from, so that other work in the tree cannot change them while they run:
// package files, sources, content/, dist/, web/ and the bench's code copied; node_modules linked package by package,
// so the copy's node_modules/.cache (where the record of checked content lives) is its own. Used by
// bench/startup.ts and test/e2e/contentAtStart.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** Makes the copy in a new temporary folder and returns it; `dist` only when dist/ is built. */
export function snapshotPackage(opts: { dist?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerreflect-snapshot-'));
  for (const f of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  for (const d of ['bot', 'cards', 'dialogs', 'services', 'content', 'web', ...(opts.dist ? ['dist'] : [])]) {
    fs.cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  }
  fs.cpSync(path.join(ROOT, 'bench'), path.join(dir, 'bench'), { recursive: true, filter: (f) => !/\/bench\/(?:data|out)$/.test(f) }); // the echo server
  fs.mkdirSync(path.join(dir, 'node_modules'));
  for (const name of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (name !== '.cache') fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
  return dir;
}

/** The copy's record of checked content (services/content/checkRecord.ts). */
export function snapshotRecordFile(dir: string): string {
  return path.join(dir, 'node_modules', '.cache', 'peerreflect', 'content-checked.json');
}
