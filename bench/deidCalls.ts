/**
 * How often each function of the de-identifier runs a note, exactly (round 16): `npx tsx bench/deidCalls.ts [REV]
 * [--top N] [set …]` (REV compiled as bench/deidAB.ts compiles it, default HEAD; sets default hand-dev and
 * presidio-synth-v2; top 60). V8's precise coverage counts every call: after one pass to warm the memos, one pass of
 * deidentify() over the set is counted and each function's calls are divided by the texts. Counts do not move with the
 * machine's load, so a cut that skips work shows here when a CPU reading cannot tell it from noise (round 16: the
 * facility model's subject gate, boundary() 13.9 → 9.9 calls a hand-dev note).
 */
import { Session } from 'node:inspector';
import path from 'node:path';
import { compiled } from './deidAB';
import { loadSet, sets } from './deid';

interface Coverage {
  result: Array<{ url: string; functions: Array<{ functionName: string; ranges: Array<{ count: number }> }> }>;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--top');
  const top = at >= 0 ? Number(args.splice(at, 2)[1]) : 60;
  const rev = args[0] && !sets.some((s) => s.name === args[0]) ? args.shift()! : 'HEAD';
  const tree = compiled(rev);
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object): Promise<T> => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as T))));
  await post('Profiler.enable');
  await post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deidentify } = require(path.join(tree.js, 'services', 'deidentify', 'index.js')) as typeof import('../services/deidentify');
  for (const name of args.length ? args : ['hand-dev', 'presidio-synth-v2']) {
    const records = loadSet(name);
    if (!records) continue;
    const texts = records.map((r) => r.text);
    for (const t of texts) deidentify(t);
    // Taking the coverage resets its counts: the next take counts the pass alone.
    await post('Profiler.takePreciseCoverage');
    for (const t of texts) deidentify(t);
    const { result } = await post<Coverage>('Profiler.takePreciseCoverage');
    const rows: Array<[string, number]> = [];
    for (const script of result) {
      if (!script.url.includes('/deidentify/')) continue;
      for (const f of script.functions) {
        const calls = f.ranges[0]?.count ?? 0;
        if (calls > 0 && f.functionName) rows.push([`${f.functionName} (${path.basename(script.url)})`, calls / texts.length]);
      }
    }
    rows.sort((a, b) => b[1] - a[1]);
    console.log(`\n## ${name} at ${tree.sha}: calls a note (${texts.length} texts)\n\n| function | calls a note |\n| --- | ---: |`);
    for (const [fn, perNote] of rows.slice(0, top)) console.log(`| ${fn} | ${perNote.toFixed(2)} |`);
  }
  session.disconnect();
}

if (require.main === module) void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
