/**
 * Golden check for de-identifier performance work: `npm run bench:deid:golden -- save|check [dir]`.
 * Runs deidentify() over every scored set of bench/deid.ts (public, dev and test; never the blind sets) — each text
 * alone, and again with the names found in the record before it as `repeatNames` — and writes every output (redacted
 * text and entities) to DIR/<set>.jsonl with one hash per set. `check` recomputes and compares with a saved DIR,
 * printing the first differing records: a change that claims to be about speed must leave every output identical.
 * Every text is also read in bulk (deidentifyAll, batches of 256): its output must be the one it has alone, in both modes.
 * DIR defaults to /tmp/deid-golden (never committed).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deidentify, deidentifyAll } from '../services/deidentify';
import { loadSet, sets } from './deid';

const DEFAULT_DIR = '/tmp/deid-golden';

/** One output line per record and pass: the record id, the pass, the redacted text and the entities. */
export function goldenLines(texts: Array<{ id: string; text: string }>): string[] {
  const lines: string[] = [];
  let earlier: string[] = [];
  for (const r of texts) {
    const alone = deidentify(r.text);
    lines.push(JSON.stringify({ id: r.id, pass: 'alone', redacted: alone.redacted, entities: alone.entities }));
    const again = deidentify(r.text, { repeatNames: earlier });
    lines.push(JSON.stringify({ id: r.id, pass: 'repeat', redacted: again.redacted, entities: again.entities }));
    earlier = alone.entities.filter((e) => e.type === 'NAME').flatMap((e) => r.text.slice(e.start, e.end).split(/\s+/));
  }
  return lines;
}

/** The 'alone' lines again, read in batches by deidentifyAll (stage by stage): they must equal deidentify's. */
export function bulkLines(texts: Array<{ id: string; text: string }>, batch = 256): string[] {
  const lines: string[] = [];
  for (let i = 0; i < texts.length; i += batch) {
    const part = texts.slice(i, i + batch);
    deidentifyAll(part.map((r) => r.text)).forEach((x, k) => {
      lines.push(JSON.stringify({ id: part[k]!.id, pass: 'alone', redacted: x.redacted, entities: x.entities }));
    });
  }
  return lines;
}

const sha = (s: string): string => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16);

function main(): void {
  const mode = process.argv[2] ?? 'check';
  const dir = process.argv[3] ?? DEFAULT_DIR;
  if (mode !== 'save' && mode !== 'check') throw new Error('usage: bench/deidGolden.ts save|check [dir]');
  if (mode === 'save') fs.mkdirSync(dir, { recursive: true });
  // A check against nothing must not read as identical (a mistyped or default DIR that was never saved).
  if (mode === 'check' && !fs.existsSync(dir)) throw new Error(`nothing to check against: ${dir} does not exist (run "save ${dir}" first)`);
  let differing = 0;
  let compared = 0;
  let unread = 0;
  for (const set of sets) {
    const records = loadSet(set);
    if (!records) {
      // Saved but not read now (the public set outside /work/main: set DEID_BENCH_DATA): the check is incomplete.
      if (mode === 'check' && fs.existsSync(path.join(dir, `${set.name}.jsonl`))) unread++;
      continue;
    }
    const texts = records.map((r, i) => ({ id: r.id || `${set.name}-${i}`, text: r.text }));
    const lines = goldenLines(texts);
    // Read in bulk (deidentifyAll), every text's output is the one it has alone.
    const alone = lines.filter((_l, i) => i % 2 === 0);
    const bulkDiff = bulkLines(texts).filter((l, i) => l !== alone[i]).length;
    if (bulkDiff) {
      differing += bulkDiff;
      console.log(`${set.name}: ${bulkDiff} of ${alone.length} outputs DIFFER read in bulk (deidentifyAll) from read alone`);
    }
    const file = path.join(dir, `${set.name}.jsonl`);
    const body = lines.join('\n') + '\n';
    if (mode === 'save') {
      fs.writeFileSync(file, body);
      console.log(`${set.name}: ${records.length} records, ${lines.length} outputs, hash ${sha(body)} -> ${file}`);
      continue;
    }
    // A set added since the save (names-dev, names-test…) has nothing to compare with: said, not failed.
    if (!fs.existsSync(file)) {
      console.log(`${set.name}: not in ${dir} (a set added since the save; run "save" again to include it)`);
      continue;
    }
    const before = fs.readFileSync(file, 'utf8');
    compared++;
    if (before === body) {
      console.log(`${set.name}: identical (${lines.length} outputs, hash ${sha(body)})`);
      continue;
    }
    const old = before.split('\n');
    const diff = lines.map((l, i) => [l, old[i] ?? ''] as const).filter(([a, b]) => a !== b);
    differing += diff.length;
    console.log(`${set.name}: ${diff.length} of ${lines.length} outputs DIFFER (hash ${sha(before)} before, ${sha(body)} now)`);
    for (const [now, was] of diff.slice(0, 5)) console.log(`  before: ${was}\n  now:    ${now}`);
  }
  if (mode === 'check') {
    if (differing) console.log(`DIFFERENT: ${differing} outputs changed`);
    else if (!compared || unread) console.log(`INCOMPLETE: ${compared} sets compared, ${unread} saved sets not read now (their data is missing)`);
    else console.log('IDENTICAL: every output as saved');
    if (differing || !compared || unread) process.exitCode = 1;
  }
}

if (require.main === module) main();
