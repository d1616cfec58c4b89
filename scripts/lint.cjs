#!/usr/bin/env node
// Biome lint (biome.json), quiet when clean — like tsc — so a passing `npm test` prints only the specifications.
// Warnings fail too: the tree is kept at zero findings. Extra arguments go to biome (e.g. --write).
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const biome = path.join(__dirname, '..', 'node_modules', '.bin', 'biome');
const r = spawnSync(biome, ['lint', '--error-on-warnings', ...process.argv.slice(2)], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
if (r.status !== 0) {
  process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `${r.error.message}\n` : ''}`);
  process.exit(r.status ?? 1);
}
