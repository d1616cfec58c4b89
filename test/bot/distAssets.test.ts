// The compiled server reads its shipped models beside its code (__dirname): the build must put them in dist/.
// Found when `npm start` (dist/) threw ENOENT on the risk screen's model at the first free-text answer.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt, ROOT } from '../helpers/dist';

function jsonUnder(rel: string): string[] {
  return readdirSync(path.join(ROOT, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonUnder(path.join(rel, e.name)) : e.name.endsWith('.json') ? [path.join(rel, e.name)] : [],
  );
}

describe('the compiled build (dist/)', () => {
  before(function () {
    this.timeout(180_000);
    ensureBuilt();
  });

  it('carries every data file the code reads beside itself', () => {
    const files = ['bot', 'dialogs', 'cards', 'services'].flatMap(jsonUnder);
    assert.ok(files.includes(path.join('services', 'safety', 'screen', 'risk-model.json')));
    for (const rel of files) assert.ok(existsSync(path.join(ROOT, 'dist', rel)), `dist/${rel} is missing`);
  });

  it('screens with its classifier and de-identifies as the sources do', function () {
    this.timeout(60_000);
    const script = `
      const { content } = require('./services/content');
      const { screenRisk, riskCategories } = require('./services/safety/screen');
      const { shippedModel } = require('./services/safety/screen/classifier');
      const { deidentify } = require('./services/deidentify');
      shippedModel();
      const kinds = riskCategories(screenRisk('she said she wants to kill herself tonight', content(), {}));
      process.stdout.write('\\n' + JSON.stringify({ kinds, text: deidentify('met Jordan at 780-555-0142').redacted }));`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: path.join(ROOT, 'dist'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    // The service log shares stdout; the result is the last line.
    const got = JSON.parse(out.trim().split('\n').at(-1)!) as { kinds: string[]; text: string };
    assert.ok(got.kinds.includes('suicide'), `kinds: ${got.kinds.join(',')}`);
    assert.doesNotMatch(got.text, /Jordan|555/);
  });
});
