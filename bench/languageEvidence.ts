/**
 * Writes services/deidentify/languageEvidence.ts, round 20's languages' evidence words as language.ts's strictEvidence()
 * reads them from their packages (run after a package or the keep-list changes: `npx tsx bench/languageEvidence.ts`; a
 * test fails while its words differ), formatted by prettier.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strictEvidence } from '../services/deidentify/language';

export function evidenceSource(): string {
  const lines = Object.entries(strictEvidence()).map(([scope, words]) => `  ${scope}: ${JSON.stringify(words).replace(/,/g, ', ')},`);
  return [
    '// Written by `npx tsx bench/languageEvidence.ts` from the @zxcvbn-ts/language-* packages (language.ts, strictEvidence):',
    "// the words that show a note is partly written in one of round 20's languages, by keep-list scope. Do not edit.",
    'export const LANGUAGE_EVIDENCE: Record<string, readonly string[]> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

if (require.main === module) {
  const file = path.resolve(__dirname, '..', 'services', 'deidentify', 'languageEvidence.ts');
  fs.writeFileSync(file, evidenceSource());
  execFileSync('npx', ['prettier', '--write', file], { stdio: 'inherit' });
}
