/**
 * Where a note's CPU goes, by function and by stage (round 13): `npx tsx bench/deidProfile.ts [REV] [set] [seconds]
 * [interval µs]` (REV compiled as bench/deidAB.ts compiles it, default HEAD; set default hand-dev; 20 s; 100 µs). After
 * 4 s of warm-up, the V8 sampling profiler runs over passes of deidentify() text by text and prints: self time by
 * function (the top 30: a regex's own run is counted to the function that ran it), and time by stage — each sample put
 * down to the frame right below spansIn or readThrough, past the step closures (a detector, the name or facility model,
 * a step after them), else below deidentify (the detection view, the redacted text). Sampling slows a pass several times: read shares, not times.
 */
import path from 'node:path';
import { compiled } from './deidAB';
import { loadSet, sets } from './deid';
import { sampleDeid } from './profile';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
}

/** Self samples by function, and samples by the stage (the frame right below spansIn, else below deidentify). */
export function byStage(profile: CpuProfile): { total: number; self: Map<string, number>; stage: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const stage = new Map<string, number>();
  const add = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  let total = 0;
  for (const id of profile.samples) {
    const node = byId.get(id)!;
    if (['(idle)', '(program)', '(root)'].includes(node.callFrame.functionName)) continue;
    total++;
    add(self, label(node));
    // The step closures of deidentify.ts's STEPS run between spansIn/deidentify and the stage: look through them.
    const below = (top: (n: ProfileNode) => boolean): string | undefined => {
      let child: ProfileNode | undefined;
      for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) {
        const n = byId.get(c)!;
        if (top(n)) return child ? label(child) : `${label(n)} (self)`;
        if (!(n.callFrame.functionName === '' && n.callFrame.url.endsWith('deidentify.js'))) child = n;
      }
      return undefined;
    };
    const isDeid = (n: ProfileNode) => n.callFrame.url.endsWith('deidentify.js');
    add(stage, below((n) => ['spansIn', 'readThrough', 'deidentifyAll'].includes(n.callFrame.functionName) && isDeid(n)) ?? `deidentify: ${below((n) => n.callFrame.functionName === 'deidentify' && isDeid(n)) ?? '(outside)'}`);
  }
  return { total, self, stage };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rev = args[0] && !sets.some((s) => s.name === args[0]) ? args.shift()! : 'HEAD';
  const [setName = 'hand-dev', seconds = '20', interval = '100'] = args;
  const tree = compiled(rev);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deidentify } = require(path.join(tree.js, 'services', 'deidentify', 'index.js')) as typeof import('../services/deidentify');
  const records = loadSet(setName);
  if (!records) return;
  const texts = records.map((r) => r.text);
  const { profile, passes } = await sampleDeid<CpuProfile>(deidentify, texts, { warmMs: 4000, seconds: Number(seconds), intervalUs: Number(interval) });
  const { total, self, stage } = byStage(profile);
  const pct = (x: number): string => `${((100 * x) / total).toFixed(1)} %`;
  console.log(`${setName} at ${tree.sha}: ${passes} passes in ${seconds} s, ${total} samples every ${interval} µs\n`);
  console.log('| function (self) | share |\n| --- | ---: |');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`| ${k} | ${pct(v)} |`);
  console.log('\n| stage (inclusive) | share |\n| --- | ---: |');
  for (const [k, v] of [...stage].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`| ${k} | ${pct(v)} |`);
}

if (require.main === module) void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
