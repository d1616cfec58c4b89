import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyModels } from '../../bench/deidAB';

describe('bench/deidAB: a compiled tree carries every model file of its commit', () => {
  it('copies each classifier/*.json tsc does not emit (the slot models too), and nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deidab-'));
    try {
      const from = path.join(dir, 'src', 'services', 'deidentify', 'classifier');
      const to = path.join(dir, 'js', 'services', 'deidentify', 'classifier');
      fs.mkdirSync(from, { recursive: true });
      fs.mkdirSync(to, { recursive: true });
      for (const f of ['name-model.json', 'half-model.json', 'opener-model.json', 'model.ts']) fs.writeFileSync(path.join(from, f), f);
      copyModels(path.join(dir, 'src'), path.join(dir, 'js'));
      assert.deepEqual(fs.readdirSync(to).sort(), ['half-model.json', 'name-model.json', 'opener-model.json']);
      assert.equal(fs.readFileSync(path.join(to, 'opener-model.json'), 'utf8'), 'opener-model.json');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the shipped tree has the two slot models beside the name model (what copyModels must carry)', () => {
    const here = path.resolve(__dirname, '..', '..', 'services', 'deidentify', 'classifier');
    for (const f of ['name-model.json', 'facility-model.json', 'half-model.json', 'opener-model.json']) assert.ok(fs.existsSync(path.join(here, f)), f);
  });
});
