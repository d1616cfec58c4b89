/**
 * The lead's blind sets — bench/data/hand-fresh*.txt, screen-fresh*.jsonl and everything under bench/data/lead/ —
 * are scored by the lead only: no bench script reads them. Every script that takes a file name asks this one test.
 */
import path from 'node:path';

const FRESH = /fresh/;
/** Anchored on bench/data/: a checkout that itself lives under a directory called "lead" is no blind set. */
const LEAD_DIR = /(?:^|[/\\])bench[/\\]data[/\\]lead[/\\]/;

/** Whether `file` (relative to the working directory, or absolute) is one of the lead's blind sets. */
export function isBlindSet(file: string): boolean {
  return FRESH.test(path.basename(file)) || LEAD_DIR.test(path.resolve(file));
}
