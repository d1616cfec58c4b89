#!/usr/bin/env node
// Compiles the server (bot/, dialogs/, cards/, services/) to dist/ with tsc. Plain JavaScript, so it runs where
// TypeScript and tsx are not installed (a production install: `npm ci --omit=dev`).
//   node scripts/build.cjs            clean build
//   node scripts/build.cjs --if-stale what `npm start` runs first: build only when dist/ is missing or older than
//                                     the sources; with no TypeScript installed, use dist/ as it is, or say what to do.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.built');
const SOURCES = ['bot', 'dialogs', 'cards', 'services', 'tsconfig.json', 'tsconfig.build.json'];
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Newest modification time under the given paths (0 when none exist, as in an image that ships dist/ only). */
function newest(paths) {
  let max = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else max = Math.max(max, st.mtimeMs);
  };
  for (const p of paths) visit(path.join(ROOT, p));
  return max;
}

/**
 * Copies the data files the code reads beside itself (the shipped models: JSON files under services/, read through
 * __dirname) to the same place under dist/: tsc emits only JavaScript, and without them the compiled risk screen
 * could not load its classifier.
 */
function assets() {
  const found = [];
  const visit = (rel) => {
    for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (entry.name.endsWith('.json')) found.push(child);
    }
  };
  for (const dir of SOURCES) if (fs.existsSync(path.join(ROOT, dir)) && fs.statSync(path.join(ROOT, dir)).isDirectory()) visit(dir);
  return found;
}

function copyAssets() {
  for (const rel of assets()) {
    fs.mkdirSync(path.dirname(path.join(DIST, rel)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, rel), path.join(DIST, rel));
  }
}

function build() {
  fs.rmSync(DIST, { recursive: true, force: true });
  const started = Date.now();
  const r = spawnSync(process.execPath, [TSC, '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('PeerReflect: the TypeScript build failed (errors above); dist/ was not written.\n');
    process.exit(r.status ?? 1);
  }
  copyAssets();
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  process.stderr.write(`PeerReflect: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  // Every content check in full, by the code just built: a broken content file stops the build, and a pass is
  // recorded so the start need not repeat the costly checks (services/content/checkRecord.ts).
  const check = spawnSync(process.execPath, [path.join(DIST, 'services', 'content', 'cli.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (check.status !== 0) {
    process.stderr.write('PeerReflect: the content check failed (above): fix the file it names, then build again.\n');
    process.exit(check.status ?? 1);
  }
}

const ifStale = process.argv.includes('--if-stale');
const built = fs.existsSync(STAMP) ? fs.statSync(STAMP).mtimeMs : 0;
const haveTsc = fs.existsSync(TSC);
if (!ifStale) {
  if (!haveTsc) {
    process.stderr.write('PeerReflect: TypeScript is not installed here. Run `npm install` (with dev dependencies) to build.\n');
    process.exit(1);
  }
  build();
} else if (built && (!haveTsc || (newest(SOURCES) <= built && assets().every((rel) => fs.existsSync(path.join(DIST, rel)))))) {
  // Up to date, or a production install (no TypeScript) running the dist/ it was given.
} else if (haveTsc) {
  build();
} else {
  process.stderr.write(
    'PeerReflect: dist/ is missing and TypeScript is not installed (a production install, `npm ci --omit=dev`).\n' +
      'Build first where dev dependencies are installed (`npm ci && npm run build`), then copy dist/ with the package;\n' +
      'scripts/install-production.sh does both (see docs/DEPLOY.md).\n',
  );
  process.exit(1);
}
