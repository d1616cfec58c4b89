// The compiled server (dist/), as `npm start` runs it: built once per test process when missing or stale.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
let built = false;

/** Runs the same step as `npm start`'s prestart (scripts/build.cjs --if-stale); a build takes a few seconds. */
export function ensureBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.cjs'), '--if-stale'], { cwd: ROOT, stdio: 'pipe' });
  built = true;
}
