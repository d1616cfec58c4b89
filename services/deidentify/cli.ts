/**
 * `npm run --silent deid -- --jsonl`: JSON lines {"id","text"} in, {"id","redacted","entities"} out.
 * A bad line is reported on stderr and skipped; the exit code is non-zero at the end if any was bad. Lines that arrive
 * together are de-identified together (deidentifyAll, stage by stage): the same output, less CPU on a file.
 */
import { runJsonlFilter, type LineResult } from '../jsonlFilter';
import { deidentifyAll } from './deidentify';

/** A line's record, or what is wrong with it. */
function recordOf(line: string): { id: unknown; text: string } | { problem: string } {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch {
    return { problem: 'not valid JSON; expected {"id","text"}' };
  }
  const r = rec as { id?: unknown; text?: unknown };
  if (typeof rec !== 'object' || rec === null || typeof r.text !== 'string' || !('id' in r)) {
    return { problem: 'expected an object with "id" and a string "text"' };
  }
  return { id: r.id, text: r.text };
}

function many(lines: string[]): LineResult[] {
  const recs = lines.map(recordOf);
  const good = recs.filter((r): r is { id: unknown; text: string } => !('problem' in r));
  const results = deidentifyAll(good.map((r) => r.text));
  let k = 0;
  return recs.map((r) => {
    if ('problem' in r) return { problem: r.problem };
    const { redacted, entities } = results[k++]!;
    return { out: { id: r.id, redacted, entities } };
  });
}

runJsonlFilter('deid', 'npm run --silent deid -- --jsonl  < input.jsonl  (lines of {"id","text"})', { many });
