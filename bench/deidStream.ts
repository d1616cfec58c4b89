/**
 * What a settled note costs in a stream of different notes, and what of it is regex (round 19): `npx tsx
 * bench/deidStream.ts [set ...]` (default hand-dev and presidio-synth-v2). After 10 passes of warm-up, each note's
 * fastest deidentify() (wall µs, minima: the load's stalls drop out) three ways:
 * - in passes over the set, each note after the one before it (how a service reads notes);
 * - two notes in turn, 20 times (no cache kept for the last text hits, but the code and tables each note touches stay hot);
 * - the same note 20 times in a row (the per-text caches of words.ts, cues.ts and language.ts hit too).
 * Then every regex run of one pass (RegExp.prototype.exec patched while it is recorded: test, match, replace and split
 * go through it), replayed in the same order on the same objects unpatched, each run's fastest of 9: regex runs and
 * their µs a note, and the costliest regexes, with the share of their runs that found nothing and the µs of those (round
 * 20: the runs a cheaper gate might skip). `--sites` adds each regex's two commonest calling sites. The gap between the first and the second figure is the machine
 * (instruction and data caches, branch history) meeting a pipeline of some 45 steps and ~190 regexes anew each note.
 */
import { deidentify } from '../services/deidentify';
import { loadSet } from './deid';

const args = process.argv.slice(2);
const sitesAt = args.indexOf('--sites');
/** --sites: each regex's two commonest calling sites (a stack trace a run: slower, counts unchanged). */
const sites = sitesAt >= 0 && args.splice(sitesAt, 1).length > 0;
const now = (): number => Number(process.hrtime.bigint());
const mean = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0) / xs.length / 1e3;

function stream(name: string): void {
  const records = loadSet(name, console.log);
  if (!records) return;
  const texts = records.map((r) => r.text);
  const n = texts.length;
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, 'utf8'), 0) / n;
  for (let k = 0; k < 10; k++) for (const t of texts) deidentify(t);
  const inPasses = new Float64Array(n).fill(Infinity);
  for (let round = 0; round < 7; round++)
    texts.forEach((t, k) => {
      const a = now();
      deidentify(t);
      inPasses[k] = Math.min(inPasses[k]!, now() - a);
    });
  const inTurn = new Float64Array(n).fill(Infinity);
  const again = new Float64Array(n).fill(Infinity);
  texts.forEach((t, k) => {
    const other = texts[(k + 1) % n]!;
    for (let j = 0; j < 20; j++) {
      const a = now();
      deidentify(t);
      inTurn[k] = Math.min(inTurn[k]!, now() - a);
      deidentify(other);
    }
    for (let j = 0; j < 20; j++) {
      const a = now();
      deidentify(t);
      again[k] = Math.min(again[k]!, now() - a);
    }
  });
  const line = (label: string, xs: Float64Array): string => `| ${label} | ${mean(xs).toFixed(1)} | ${(bytes / mean(xs)).toFixed(2)} |`;
  console.log(`\n## ${name}: ${n} notes, ${bytes.toFixed(0)} bytes a note; each note's fastest reading (wall)\n`);
  console.log('| reading | µs a note | MB/s at that speed |\n| --- | ---: | ---: |');
  console.log(line('in passes over the set', inPasses));
  console.log(line('two notes in turn', inTurn));
  console.log(line('the same note again', again));

  // Every regex run of one pass, in order, then replayed.
  const exec = RegExp.prototype.exec;
  const runs: Array<[RegExp, string, number, boolean, string]> = [];
  let inside = false;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    // A stack trace's own regex runs (source maps) are not the pipeline's.
    if (inside) return exec.call(this, s);
    const from = this.lastIndex;
    const found = exec.call(this, s);
    let site = '';
    if (sites) {
      inside = true;
      site = (new Error().stack ?? '').split('\n').slice(2, 5).map((l) => l.trim().replace(/^at /, '').replace(/\(.*[\\/]/, '(')).join(' < ');
      inside = false;
    }
    runs.push([this, String(s), from, found !== null, site]);
    return found;
  };
  try {
    for (const t of texts) deidentify(t);
  } finally {
    RegExp.prototype.exec = exec;
  }
  const best = new Float64Array(runs.length).fill(Infinity);
  for (let round = 0; round < 9; round++)
    for (let i = 0; i < runs.length; i++) {
      const [re, s, from] = runs[i]!;
      re.lastIndex = from;
      const a = now();
      exec.call(re, s);
      best[i] = Math.min(best[i]!, now() - a);
    }
  const bySource = new Map<string, { ns: number; runs: number; emptyNs: number; empty: number; sites: Map<string, number> }>();
  runs.forEach(([re, , , found, site], i) => {
    const key = `/${re.source.length > 90 ? `${re.source.slice(0, 90)}…` : re.source}/${re.flags}`;
    const c = bySource.get(key) ?? { ns: 0, runs: 0, emptyNs: 0, empty: 0, sites: new Map<string, number>() };
    c.ns += best[i]!;
    c.runs++;
    if (!found) {
      c.emptyNs += best[i]!;
      c.empty++;
    }
    c.sites.set(site, (c.sites.get(site) ?? 0) + 1);
    bySource.set(key, c);
  });
  const total = best.reduce((a, b) => a + b, 0);
  const empty = runs.filter((r) => !r[3]).length;
  console.log(`\nregex runs: ${(runs.length / n).toFixed(1)} a note (${(empty / n).toFixed(1)} finding nothing), ${bySource.size} regexes, ${(total / n / 1e3).toFixed(1)} µs a note replayed in order (each run's fastest of 9, the clock's read included)\n`);
  console.log(`| regex | runs a note | of them finding nothing | µs a note | µs of those |${sites ? ' sites |' : ''}\n| --- | ---: | ---: | ---: | ---: |${sites ? ' --- |' : ''}`);
  for (const [k, c] of [...bySource].sort((a, b) => b[1].ns - a[1].ns).slice(0, 12)) {
    const where = [...c.sites].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([s]) => s).join('; ');
    console.log(`| \`${k.replace(/\|/g, '\\|')}\` | ${(c.runs / n).toFixed(2)} | ${(c.empty / n).toFixed(2)} | ${(c.ns / n / 1e3).toFixed(2)} | ${(c.emptyNs / n / 1e3).toFixed(2)} |${sites ? ` ${where} |` : ''}`);
  }
}

for (const name of args.length ? args : ['hand-dev', 'presidio-synth-v2']) stream(name);
