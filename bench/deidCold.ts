/**
 * What a note costs the first time against the same note again (round 11): `npx tsx bench/deidCold.ts [--rounds N] [REV]`
 * (REV compiled as bench/deidAB.ts compiles it; default HEAD). Per set, each note's fastest time over N rounds (default
 * 7) after a warm-up: "in order" (each note after a different one: what a pass and the service pay), "after one other"
 * (the note, another note, the note again: no per-text cache holds it any more) and "right again" (the same note twice:
 * the last text's tokens and cue bits are reused, words.ts and cues.ts). The memos and the JIT are warm in all three,
 * so the difference between the first two is the machine's own state (caches, branch history) for that note.
 */
import path from 'node:path';
import { compiled } from './deidAB';
import { loadSet } from './deid';

const SETS = ['hand-dev', 'presidio-synth-v2'];

function main(): void {
  const args = process.argv.slice(2);
  const r = args.indexOf('--rounds');
  const rounds = r >= 0 ? Number(args.splice(r, 2)[1]) : 7;
  const tree = compiled(args[0] ?? 'HEAD');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deidentify } = require(path.join(tree.js, 'services', 'deidentify', 'index.js')) as typeof import('../services/deidentify');
  const time = (t: string): number => {
    const t0 = process.hrtime.bigint();
    deidentify(t);
    return Number(process.hrtime.bigint() - t0) / 1000;
  };
  for (const name of SETS) {
    const records = loadSet(name);
    if (!records) continue;
    const texts = records.map((x) => x.text);
    const n = texts.length;
    for (let i = 0; i < 5; i++) for (const t of texts) deidentify(t);
    const inOrder = new Float64Array(n).fill(Infinity);
    const afterOther = new Float64Array(n).fill(Infinity);
    const again = new Float64Array(n).fill(Infinity);
    for (let k = 0; k < rounds; k++) {
      for (let i = 0; i < n; i++) inOrder[i] = Math.min(inOrder[i]!, time(texts[i]!));
      for (let i = 0; i < n; i++) {
        time(texts[i]!);
        time(texts[(i * 7 + 13) % n]!);
        afterOther[i] = Math.min(afterOther[i]!, time(texts[i]!));
      }
      for (let i = 0; i < n; i++) {
        time(texts[i]!);
        again[i] = Math.min(again[i]!, time(texts[i]!));
      }
    }
    const mean = (a: Float64Array): string => (a.reduce((s, x) => s + x, 0) / n).toFixed(1);
    console.log(`${name} (${tree.sha}): µs per note, fastest of ${rounds} — in order ${mean(inOrder)}, after one other ${mean(afterOther)}, right again ${mean(again)}`);
  }
}

if (require.main === module) main();
