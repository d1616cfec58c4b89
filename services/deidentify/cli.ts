/**
 * `npm run --silent deid -- --jsonl`: JSON lines {"id","text"} in, {"id","redacted","entities"} out.
 * A bad line is reported on stderr and skipped; the exit code is non-zero at the end if any was bad.
 */
import { runJsonlFilter } from '../jsonlFilter';
import { deidentify } from './deidentify';

runJsonlFilter('deid', 'npm run --silent deid -- --jsonl  < input.jsonl  (lines of {"id","text"})', (line) => {
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
  const { redacted, entities } = deidentify(r.text);
  return { out: { id: r.id, redacted, entities } };
});
