/**
 * `npm run --silent deid -- --jsonl`: JSON lines {"id","text"} in, {"id","redacted","entities"} out.
 * A bad line is reported on stderr and skipped; the exit code is non-zero at the end if any was bad.
 */
import readline from 'node:readline';
import { deidentify } from './deidentify';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (!args.includes('--jsonl')) {
    process.stderr.write('usage: npm run --silent deid -- --jsonl  < input.jsonl  (lines of {"id","text"})\n');
    return 2;
  }
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let bad = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      bad++;
      process.stderr.write(`line ${lineNo}: not valid JSON; expected {"id","text"}\n`);
      continue;
    }
    const r = rec as { id?: unknown; text?: unknown };
    if (typeof rec !== 'object' || rec === null || typeof r.text !== 'string' || !('id' in r)) {
      bad++;
      process.stderr.write(`line ${lineNo}: expected an object with "id" and a string "text"\n`);
      continue;
    }
    const { redacted, entities } = deidentify(r.text);
    const ok = process.stdout.write(JSON.stringify({ id: r.id, redacted, entities }) + '\n');
    if (!ok) await new Promise((res) => process.stdout.once('drain', res));
  }
  if (bad > 0) process.stderr.write(`${bad} bad line(s) of ${lineNo}\n`);
  return bad > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`deid failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
