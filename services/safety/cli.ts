/**
 * `npm run --silent screen -- --jsonl`: JSON lines {"id","text"} in, one {"id","risk","kinds"} line out per input.
 * Each text is de-identified first, then screened, exactly as the bot screens a free-text answer.
 * A bad line is reported on stderr and still gets an output line that keeps its id ("risk": null and an "error"), so outputs stay one-for-one with inputs; the exit code is non-zero at the end if any line was bad.
 */
import readline from 'node:readline';
import { deidentify } from '../deidentify';
import { riskCategories, screenRisk } from './screen';

/** A bad line gets risk null (never a silent "no risk") and the reason. */
type Verdict = { id: unknown; risk: boolean | null; kinds: string[]; error?: string };

function screenLine(line: string): { out: Verdict; problem?: string } {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch {
    const id = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(line)?.[1];
    const problem = 'not valid JSON; expected {"id","text"}';
    return { out: { id: id === undefined ? null : (JSON.parse(id) as unknown), risk: null, kinds: [], error: problem }, problem };
  }
  const r = rec as { id?: unknown; text?: unknown };
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec) || typeof r.text !== 'string' || !('id' in r)) {
    const problem = 'expected an object with "id" and a string "text"';
    return { out: { id: typeof rec === 'object' && rec !== null && 'id' in r ? r.id : null, risk: null, kinds: [], error: problem }, problem };
  }
  const kinds = riskCategories(screenRisk(deidentify(r.text).redacted));
  return { out: { id: r.id, risk: kinds.length > 0, kinds } };
}

async function main(): Promise<number> {
  if (!process.argv.slice(2).includes('--jsonl')) {
    process.stderr.write('usage: npm run --silent screen -- --jsonl  < input.jsonl  (lines of {"id","text"})\n');
    return 2;
  }
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let bad = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    const { out, problem } = screenLine(line);
    if (problem) {
      bad++;
      process.stderr.write(`line ${lineNo}: ${problem}\n`);
    }
    if (!process.stdout.write(JSON.stringify(out) + '\n')) await new Promise((res) => process.stdout.once('drain', res));
  }
  if (bad > 0) process.stderr.write(`${bad} bad line(s) of ${lineNo}\n`);
  return bad > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`screen failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
