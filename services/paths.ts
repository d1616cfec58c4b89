// Where the package's own files are. The same code runs from source (tsx) and compiled (dist/), so files beside
// the code (content/, web/, node_modules/) are found from the package root, never from a fixed `..` count.
import { existsSync } from 'node:fs';
import path from 'node:path';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('PeerReflect: package.json not found above the code');
  }
}

/** The folder holding package.json (the clone, or the install in a container). */
export const PACKAGE_ROOT = findPackageRoot(__dirname);

/** A path under the package root: packagePath('content', 'stages.json'). */
export function packagePath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}
