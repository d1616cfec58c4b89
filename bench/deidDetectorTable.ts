/**
 * What each regex detector of deidentify.ts's DETECTORS does per note, counted (round 15): `npx tsx
 * bench/deidDetectorTable.ts [--tree JSDIR] [set ...]` (default hand-dev and presidio-synth-v2; dev and public sets
 * only). Per detector, over a set's texts (as deidentify() reads them: the detection view where a text has one): how
 * many texts its gate opens it for, how many it finds any span in, and, per text, how many regex runs it makes (every
 * RegExp.prototype.exec, which test, match, replace and split call), how many of them over the whole text, and how many
 * characters are offered to them. Counts, not times: exact at any load; bench:deid:stages gives the µs.
 */
import path from 'node:path';
import { loadSet } from './deid';
import { takeFlag } from './args';

interface Row {
  opened: number;
  found: number;
  runs: number;
  /** Of the runs, those the gate made. */
  gateRuns: number;
  whole: number;
  chars: number;
}

function main(): void {
  const args = process.argv.slice(2);
  const take = (flag: string): string | undefined => takeFlag(args, flag);
  const tree = take('--tree');
  const from = (m: string): string => (tree ? path.resolve(tree, 'services', 'deidentify', m) : `../services/deidentify/${m}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const D = require(from('deidentify')) as typeof import('../services/deidentify/deidentify');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { detectionView } = require(from('evasion')) as typeof import('../services/deidentify/evasion');
  const detectors = D.stagesForBench.detectors;
  const exec = RegExp.prototype.exec;
  let current: Row | undefined;
  let whole = '';
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    if (current) {
      current.runs++;
      if (s === whole) current.whole++;
      current.chars += s.length - (this.global || this.sticky ? this.lastIndex : 0);
    }
    return exec.call(this, s);
  };
  for (const name of args.length ? args : ['hand-dev', 'presidio-synth-v2']) {
    const records = loadSet(name);
    if (!records) continue;
    const texts = records.map((r) => detectionView(r.text)?.text ?? r.text);
    // One pass first: the memos and word lists are filled as the service's would be after its first notes.
    for (const t of texts) for (const [detect, may] of detectors) if (may(t)) detect(t);
    const rows = detectors.map((): Row => ({ opened: 0, found: 0, runs: 0, gateRuns: 0, whole: 0, chars: 0 }));
    for (const t of texts) {
      whole = t;
      detectors.forEach(([detect, may], i) => {
        current = rows[i]!;
        const before = current.runs;
        const open = may(t);
        current.gateRuns += current.runs - before;
        if (open) {
          current.opened++;
          if (detect(t).length) current.found++;
        }
        current = undefined;
      });
    }
    const n = texts.length;
    const per = (x: number): string => (x / n).toFixed(2);
    const sum = (k: keyof Row): number => rows.reduce((s, r) => s + r[k], 0);
    console.log(`\n## ${name}: ${n} texts; per text, all detectors: ${per(sum('runs'))} regex runs, ${per(sum('whole'))} over the whole text, ${per(sum('chars'))} characters\n`);
    console.log('| detector | texts opened | texts with a span | regex runs a text | of them the gate\'s | of them over the whole text | characters a text |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    detectors.forEach(([detect], i) => {
      const r = rows[i]!;
      console.log(`| ${detect.name} | ${r.opened} | ${r.found} | ${per(r.runs)} | ${per(r.gateRuns)} | ${per(r.whole)} | ${per(r.chars)} |`);
    });
  }
  RegExp.prototype.exec = exec;
}

if (require.main === module) main();
