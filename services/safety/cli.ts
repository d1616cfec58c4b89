/**
 * `npm run --silent screen -- --jsonl`: JSON lines {"id","text"} in, one {"id","risk","kinds"} line out per input.
 * Each text is screened as typed and de-identified (./turn.ts), exactly as the bot screens a free-text answer.
 * `--self` screens as the worker's own strand (`reflect me`) does (./screen/self.ts).
 * A bad line is reported on stderr and still gets an output line that keeps its id ("risk": null and an "error"), so outputs stay one-for-one with inputs; the exit code is non-zero at the end if any line was bad.
 */
import { runJsonlFilter } from '../jsonlFilter';
import { riskCategories } from './screen';
import { screenTurn } from './turn';

const self = process.argv.slice(2).includes('--self');

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
  const kinds = riskCategories(screenTurn({ raw: r.text }, undefined, {}, { self }));
  return { out: { id: r.id, risk: kinds.length > 0, kinds } };
}

runJsonlFilter('screen', 'npm run --silent screen -- --jsonl [--self]  < input.jsonl  (lines of {"id","text"}; --self: as `reflect me` screens)', screenLine);
