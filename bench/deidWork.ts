/**
 * The de-identifier's work counted, not timed: `npx tsx bench/deidWork.ts [--sites N] [--tree JSDIR] [set ...]`
 * (default: presidio-synth-v2 and hand-dev). Per text, after one pass to fill the memos: how many times a regex is run
 * (every RegExp.prototype.exec, which test, match, replace and split call) and how many characters are offered to
 * them, in all and by call site (the de-identifier's function, file and line that ran it, and the regex), and how many
 * tokens the shared token stream holds. With exec replaced, a global match, replace or split calls it once per piece
 * (the spec's slow path), so those count their matches, not one scan. CPU time on a shared machine moves by 10-20 % with the load (docs/history/DEIDENTIFICATION-rounds.md,
 * Throughput); these counts do not move at all, so two trees can be compared at any load. `--tree` reads a compiled
 * tree (bench/deidAB.ts leaves them in <tmp>/deid-ab/<sha>/js). Nothing is written.
 */
import path from 'node:path';
import { loadSet } from './deid';

interface Site {
  runs: number;
  chars: number;
}

/**
 * Where in the de-identifier a regex was run: the nearest frame of services/deidentify/ on the stack, past the shared
 * helpers that run a detector's regex for it (patterns.ts's `all`).
 */
function site(stack: string): string {
  const frame = stack.split('\n').find((l) => l.includes('/services/deidentify/') && !/^\s*at (?:all|allMatches) /.test(l)) ?? '?';
  return frame.trim().replace(/^at /, '').replace(/\(?[^ ]*\/services\/deidentify\//, '').replace(/\)$/, '');
}

function main(): void {
  const args = process.argv.slice(2);
  const take = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const sites = Number(take('--sites') ?? 15);
  const tree = take('--tree');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deidentify } = require(tree ? path.resolve(tree, 'services', 'deidentify', 'index.js') : '../services/deidentify') as typeof import('../services/deidentify');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { wordsOf } = require(tree ? path.resolve(tree, 'services', 'deidentify', 'words.js') : '../services/deidentify/words') as typeof import('../services/deidentify/words');
  const exec = RegExp.prototype.exec;
  const counts = new Map<string, Site>();
  let counting = false;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    if (counting) {
      counting = false; // the stack look-up runs regexes of its own
      const key = `${site(new Error().stack ?? '')} \`${this.source.slice(0, 40)}\``;
      const c = counts.get(key) ?? { runs: 0, chars: 0 };
      c.runs++;
      c.chars += s.length - (this.global || this.sticky ? this.lastIndex : 0);
      counts.set(key, c);
      counting = true;
    }
    return exec.call(this, s);
  };
  for (const name of args.length ? args : ['presidio-synth-v2', 'hand-dev']) {
    const records = loadSet(name);
    if (!records) continue;
    const texts = records.map((r) => r.text);
    for (const t of texts) deidentify(t);
    const tokens = texts.reduce((n, t) => n + wordsOf(t).length, 0);
    counts.clear();
    counting = true;
    for (const t of texts) deidentify(t);
    counting = false;
    const n = texts.length;
    const all = [...counts.values()];
    const per = (x: number) => (x / n).toFixed(1);
    console.log(`\n## ${name}: ${n} texts, ${per(tokens)} tokens per text`);
    console.log(`${per(all.reduce((s, c) => s + c.runs, 0))} regex runs and ${per(all.reduce((s, c) => s + c.chars, 0))} characters offered to them per text\n`);
    console.log('| call site and regex (start) | runs per text | characters per text |\n| --- | ---: | ---: |');
    for (const [k, c] of [...counts].sort((a, b) => b[1].chars - a[1].chars).slice(0, sites)) console.log(`| ${k.replace(/\|/g, '\\|')} | ${(c.runs / n).toFixed(2)} | ${per(c.chars)} |`);
  }
  RegExp.prototype.exec = exec;
}

if (require.main === module) main();
