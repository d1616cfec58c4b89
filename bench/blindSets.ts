/**
 * The lead's blind sets — bench/data/hand-fresh*.txt, screen-fresh*.jsonl and everything under bench/data/lead/ —
 * are scored by the lead only: no bench script reads them. Every script that takes a file name asks this one test.
 */
import path from 'node:path';

const FRESH = /fresh/;
const LEAD_DIR = /(?:^|[/\\])lead[/\\]/;

/** Whether `file` (relative or absolute, as the script was given it) is one of the lead's blind sets. */
export function isBlindSet(file: string): boolean {
  return FRESH.test(file) || LEAD_DIR.test(path.resolve(file));
}
