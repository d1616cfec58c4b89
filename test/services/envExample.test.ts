// .env.example documents every configuration variable, each with a comment, and its values are valid defaults.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ENV_NAMES, loadConfig } from '../../services/config';

describe('.env.example', () => {
  const lines = fs.readFileSync(path.resolve(__dirname, '..', '..', '.env.example'), 'utf8').split('\n');
  const settings = new Map<string, { value: string; line: number }>();
  lines.forEach((line, i) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) settings.set(m[1]!, { value: m[2]!, line: i });
  });

  it('names every variable of services/config.ts, and no other', () => {
    assert.deepEqual([...settings.keys()].sort(), [...ENV_NAMES].sort());
  });

  it('has a comment right above each variable', () => {
    for (const [name, { line }] of settings) assert.match(lines[line - 1] ?? '', /^# \S/, `${name} has no comment above it`);
  });

  it('loads as a valid local-mode configuration', () => {
    const env = Object.fromEntries([...settings].map(([k, v]) => [k, v.value]));
    const config = loadConfig(env);
    assert.equal(config.localMode, true);
    assert.equal(config.embeddedCosmos, true);
  });
});
