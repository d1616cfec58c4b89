/**
 * `npm run check:content [-- DIR]`: every check of the content in DIR (default content/), in full — schemas, ids,
 * sources, order, and every pattern compiled and matched against its examples — then the pass is recorded, so the
 * next start with these bytes need not repeat it (./checkRecord.ts). `npm test` and the build run it first.
 * Exit 0 and one line when all pass; exit 1 and the file and JSON pointer of the first problem when not.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CheckRecordFile } from './checkRecord';
import { CONTENT_FILES, ContentError, DEFAULT_CONTENT_DIR, displayPath } from './checks';
import { loadRecordedContent } from './load';
import type { Content } from './types';

/** How many patterns and examples the checks matched (for the summary line). */
function patternCount(c: Content): { patterns: number; examples: number } {
  const terms = [
    ...c.stallLanguage,
    ...c.riskTerms.flatMap((k) => [...k.patterns, ...k.exclusions]),
    ...c.you.topics.flatMap((t) => t.offer?.patterns ?? []),
    ...c.acknowledgements.feelings,
  ];
  return { patterns: terms.length, examples: terms.reduce((n, t) => n + (t.examples?.length ?? 0), 0) };
}

const dir = path.resolve(process.argv[2] ?? DEFAULT_CONTENT_DIR);
const started = performance.now();
try {
  // Never trusts the record (this command is the full check); only adds to it when the checks pass.
  const record = new CheckRecordFile();
  const { content } = loadRecordedContent(dir, { has: () => false, add: (d) => record.add(d) });
  const { patterns, examples } = patternCount(content);
  process.stdout.write(
    `content ok: ${Object.keys(CONTENT_FILES).length} files in ${displayPath(dir)}, ${patterns} patterns against ${examples} examples, checked in ${Math.round(performance.now() - started)} ms\n`,
  );
} catch (err) {
  if (!(err instanceof ContentError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
}
