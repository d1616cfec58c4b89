// A start skips the costly content checks only for bytes that passed them before (services/content/checkRecord.ts):
// the same content as the full checks give; any edit (a risk term, the safety protocol) checked in full again and
// refused when broken; a damaged or unwritable record costs time, never a check. The same through real processes
// (check:content, a server start): test/e2e/contentAtStart.test.ts.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checksDigest, readFiles } from '../../services/content/checkRecord';
import { SCHEMA_DIR } from '../../services/content/checks';
import { CheckRecordFile, CONTENT_FILES, ContentError, DEFAULT_CONTENT_DIR, loadContent, loadRecordedContent } from '../../services/content';
// biome-ignore lint/suspicious/noExplicitAny: the tests edit content files at arbitrary JSON paths
type Json = Record<string, any>;

function copyContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-checked-'));
  for (const f of Object.values(CONTENT_FILES)) fs.copyFileSync(path.join(DEFAULT_CONTENT_DIR, f), path.join(dir, f));
  return dir;
}

function edit(dir: string, file: string, change: (data: Json) => void): void {
  const p = path.join(dir, file);
  const data = JSON.parse(fs.readFileSync(p, 'utf8')) as Json;
  change(data);
  fs.writeFileSync(p, JSON.stringify(data, null, 2));
}

function refused(load: () => unknown, file: string, pointer: RegExp, detail: RegExp): void {
  assert.throws(load, (err: unknown) => {
    assert.ok(err instanceof ContentError, `expected a ContentError, got ${String(err)}`);
    assert.ok(err.file.endsWith(file), `names ${err.file}, expected ${file}`);
    assert.match(err.pointer, pointer);
    assert.match(err.message, detail);
    return true;
  });
}

describe('content checks at start (the record of checked content)', () => {
  let dir: string;
  let recordFile: string;
  beforeEach(() => {
    dir = copyContent();
    recordFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pr-record-')), 'cache', 'content-checked.json');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.dirname(path.dirname(recordFile)), { recursive: true, force: true });
  });

  it('checks in full the first time, records the pass, and the next start gives the same content without the costly checks', () => {
    const record = new CheckRecordFile(recordFile);
    const first = loadRecordedContent(dir, record);
    assert.equal(first.checkedNow, true);
    assert.equal(JSON.parse(fs.readFileSync(recordFile, 'utf8')).length, 1, 'one digest recorded');
    const second = loadRecordedContent(dir, record);
    assert.equal(second.checkedNow, false);
    assert.deepStrictEqual(second.content, loadContent(dir), 'the same content as the full checks load (macros expanded, order, lookups)');
    assert.ok(Object.isFrozen(second.content.riskTerms[0]!.patterns[0]), 'frozen as before');
  });

  it('refuses a risk term that no longer matches its example, even after the good file was recorded', () => {
    const record = new CheckRecordFile(recordFile);
    assert.equal(loadRecordedContent(dir, record).checkedNow, true);
    edit(dir, CONTENT_FILES.riskTerms, (d) => {
      d.categories[0].patterns[0].examples[0] = 'we talked about the weather and the bus';
    });
    refused(() => loadRecordedContent(dir, record), CONTENT_FILES.riskTerms, /^\/categories\/0\/patterns\/0\/examples\/0$/, /does not match the pattern/);
    refused(() => loadRecordedContent(dir, record), CONTENT_FILES.riskTerms, /examples\/0$/, /does not match/); // never recorded: refused again
    assert.equal(JSON.parse(fs.readFileSync(recordFile, 'utf8')).length, 1, 'the broken file was not recorded');
  });

  it('refuses a risk exclusion that does not compile and a safety protocol missing a kind, after a recorded pass', () => {
    const record = new CheckRecordFile(recordFile);
    loadRecordedContent(dir, record);
    const good = fs.readFileSync(path.join(dir, CONTENT_FILES.riskTerms));
    edit(dir, CONTENT_FILES.riskTerms, (d) => {
      d.categories[1].exclusions.push({ id: 'x-broken', pattern: 'not (really', source: 'PeerReflect' });
    });
    refused(() => loadRecordedContent(dir, record), CONTENT_FILES.riskTerms, /^\/categories\/1\/exclusions\/\d+\/pattern$/, /not a valid regular expression/);
    fs.writeFileSync(path.join(dir, CONTENT_FILES.riskTerms), good);
    assert.equal(loadRecordedContent(dir, record).checkedNow, false, 'the recorded bytes again');
    edit(dir, CONTENT_FILES.safetyProtocol, (d) => {
      delete d.kinds[Object.keys(d.kinds)[0]!];
    });
    assert.throws(() => loadRecordedContent(dir, record), (err: unknown) => err instanceof ContentError && err.file.endsWith(CONTENT_FILES.safetyProtocol));
  });

  it('a schema problem is caught the same way (an unknown property in stages.json)', () => {
    const record = new CheckRecordFile(recordFile);
    loadRecordedContent(dir, record);
    edit(dir, CONTENT_FILES.stages, (d) => {
      d.stages[0].colour = 'blue';
    });
    refused(() => loadRecordedContent(dir, record), CONTENT_FILES.stages, /^\/stages\/0$/, /unexpected property "colour"/);
  });

  it('the digest covers the content bytes and the schemas', () => {
    const files = Object.values(CONTENT_FILES).map((f) => path.join(dir, f));
    const before = checksDigest(SCHEMA_DIR, readFiles(files));
    assert.equal(checksDigest(SCHEMA_DIR, readFiles(files)), before, 'stable');
    fs.appendFileSync(path.join(dir, CONTENT_FILES.onboarding), ' ');
    assert.notEqual(checksDigest(SCHEMA_DIR, readFiles(files)), before, 'a content byte');
    fs.writeFileSync(path.join(dir, CONTENT_FILES.onboarding), fs.readFileSync(path.join(DEFAULT_CONTENT_DIR, CONTENT_FILES.onboarding)));
    const schemas = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-schemas-'));
    try {
      for (const f of fs.readdirSync(SCHEMA_DIR)) fs.copyFileSync(path.join(SCHEMA_DIR, f), path.join(schemas, f));
      assert.equal(checksDigest(schemas, readFiles(files)), before, 'the same schemas elsewhere');
      fs.appendFileSync(path.join(schemas, 'stages.schema.json'), '\n');
      assert.notEqual(checksDigest(schemas, readFiles(files)), before, 'a schema byte');
    } finally {
      fs.rmSync(schemas, { recursive: true, force: true });
    }
  });

  it('a damaged record is ignored and rewritten; an unwritable one only means checking in full each time', () => {
    fs.mkdirSync(path.dirname(recordFile), { recursive: true });
    fs.writeFileSync(recordFile, '{"not": "a list"');
    const record = new CheckRecordFile(recordFile);
    assert.equal(loadRecordedContent(dir, record).checkedNow, true);
    assert.equal(loadRecordedContent(dir, record).checkedNow, false, 'rewritten after the pass');

    const blocked = path.join(dir, CONTENT_FILES.sources, 'content-checked.json'); // under a file: cannot be created
    const readOnly = new CheckRecordFile(blocked);
    assert.equal(readOnly.add('a'.repeat(64)), false);
    assert.equal(loadRecordedContent(dir, readOnly).checkedNow, true);
    assert.equal(loadRecordedContent(dir, readOnly).checkedNow, true, 'checked in full again');
  });
});
