// Where a turn's CPU goes: `npx tsx bench/profile.ts [bot|echo] [seconds] [connections]`. Runs the bench server
// under node --cpu-prof, drives it with the scripted debrief (as bench/run.ts does), stops it with SIGTERM so
// the profile is written, then prints self and inclusive time by package, skipping startup and warm-up.
// Where the de-identifier's time goes: `npx tsx bench/profile.ts deid [seconds] [set]` (in-process inspector, by
// function, over one set of bench/deid.ts after 3 s of warm-up).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEBRIEF } from './debrief';
import { runLoad, startServer, type Turn } from './load';
import { Session } from 'node:inspector';
import { loadSet } from './deid';
import { deidentify } from '../services/deidentify';

const ROOT = path.resolve(__dirname, '..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package a frame belongs to: an npm package, one of our top-level folders, node itself, or a V8 pseudo-frame. */
export function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node (stdlib)';
  const file = url.replace(/^file:\/\//, '');
  return file.startsWith(ROOT) ? `ours: ${path.dirname(path.relative(ROOT, file))}/` : url;
}

/** Self and inclusive sample shares by package, for samples after `skipMs` from the profile's start. */
export function byPackage(profile: CpuProfile, skipMs: number): { total: number; rows: { pkg: string; self: number; attributed: number; inclusive: number }[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const attr = new Map<string, number>();
  const isRuntime = (p: string) => p === 'node (stdlib)' || p === '(native)';
  let t = 0;
  let total = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i]! / 1000;
    if (t < skipMs) return;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') return;
    total++;
    const own = packageOf(node.callFrame.url, node.callFrame.functionName);
    self.set(own, (self.get(own) ?? 0) + 1);
    const seen = new Set<string>();
    let owner: string | undefined; // the nearest package on the stack that isn't node's own code or a builtin
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      if (f.functionName === '(root)') continue;
      const p = packageOf(f.url, f.functionName);
      seen.add(p);
      if (owner === undefined && !isRuntime(p)) owner = p;
    }
    owner ??= 'node (sockets, timers: no package on the stack)';
    attr.set(owner, (attr.get(owner) ?? 0) + 1);
    seen.add(owner);
    for (const p of seen) incl.set(p, (incl.get(p) ?? 0) + 1);
  });
  const rows = [...incl.keys()].map((pkg) => ({ pkg, self: (self.get(pkg) ?? 0) / total, attributed: (attr.get(pkg) ?? 0) / total, inclusive: (incl.get(pkg) ?? 0) / total }));
  rows.sort((a, b) => b.attributed - a.attributed || b.self - a.self);
  return { total, rows };
}

const isRuntimeRow = (p: string) => p === 'node (stdlib)' || p === '(native)';

function report(file: string, skipMs: number): void {
  const { total, rows } = byPackage(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, skipMs);
  console.log(`${total} samples after ${(skipMs / 1000).toFixed(1)} s (${file})`);
  // self: samples in the package's own frames; with node and builtins: self plus the node/builtin frames it called
  // (nearest package on the stack); inclusive: samples with the package anywhere on the stack.
  console.log('| package | self | with the node and builtin code it calls | inclusive |\n| --- | ---: | ---: | ---: |');
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  for (const row of rows.filter((x) => x.inclusive >= 0.005)) console.log(`| ${row.pkg} | ${pct(row.self)} | ${isRuntimeRow(row.pkg) ? '' : pct(row.attributed)} | ${pct(row.inclusive)} |`);
}

/** Self and inclusive sample shares by function (name, file:line), for the de-identifier's profile. */
export function byFunction(profile: CpuProfile): Array<{ fn: string; self: number; inclusive: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode): string => {
    const f = n.callFrame as ProfileNode['callFrame'] & { lineNumber?: number };
    const file = f.url ? `${packageOf(f.url, f.functionName).replace(/^ours: /, '')}${path.basename(f.url)}:${(f.lineNumber ?? 0) + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${file}`.trim();
  };
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  for (const id of profile.samples) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') continue;
    total++;
    self.set(label(node), (self.get(label(node)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(label(byId.get(n)!));
    for (const l of seen) incl.set(l, (incl.get(l) ?? 0) + 1);
  }
  return [...incl.keys()].map((fn) => ({ fn, self: (self.get(fn) ?? 0) / total, inclusive: (incl.get(fn) ?? 0) / total })).sort((a, b) => b.inclusive - a.inclusive);
}

/**
 * The V8 sampling profile of `deidentify` over `texts`, pass after pass for `seconds`, after `warmMs` of the same
 * passes unprofiled (the JIT takes some 20 passes over a set to settle, not one). Shared by this file's `deid` mode and
 * bench/deidProfile.ts (a compiled tree at any revision).
 */
export async function sampleDeid<P>(deidentify: (text: string) => unknown, texts: readonly string[], o: { warmMs: number; seconds: number; intervalUs: number }): Promise<{ profile: P; passes: number }> {
  const warm = Date.now() + o.warmMs;
  do for (const t of texts) deidentify(t);
  while (Date.now() < warm);
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object): Promise<T> => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: o.intervalUs });
  await post('Profiler.start');
  const until = Date.now() + o.seconds * 1000;
  let passes = 0;
  while (Date.now() < until) {
    for (const t of texts) deidentify(t);
    passes++;
  }
  const { profile } = await post<{ profile: P }>('Profiler.stop');
  session.disconnect();
  return { profile, passes };
}

/** Profiles deidentify() over one scored set for `seconds` after 3 s of warm-up, and prints the top functions. */
async function profileDeid(seconds: number, setName: string): Promise<void> {
  const records = loadSet(setName);
  if (!records) return;
  const texts = records.map((r) => r.text);
  const { profile, passes } = await sampleDeid<CpuProfile>(deidentify, texts, { warmMs: 3000, seconds, intervalUs: 200 });
  console.log(`${setName}: ${passes} passes in ${seconds} s`);
  console.log('| function | self | inclusive |\n| --- | ---: | ---: |');
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  for (const r of byFunction(profile).filter((x) => x.inclusive >= 0.01 || x.self >= 0.005)) console.log(`| ${r.fn} | ${pct(r.self)} | ${pct(r.inclusive)} |`);
}

async function main(): Promise<void> {
  // `bench/profile.ts some.cpuprofile [skipSeconds]` reports on a profile already written.
  if (process.argv[2]?.endsWith('.cpuprofile')) return report(process.argv[2], Number(process.argv[3] ?? 5) * 1000);
  if (process.argv[2] === 'deid') return profileDeid(Number(process.argv[3] ?? 10), process.argv[4] ?? 'presidio-synth-v2');
  const kind = (process.argv[2] ?? 'bot') as 'bot' | 'echo';
  const seconds = Number(process.argv[3] ?? 15);
  const connections = Number(process.argv[4] ?? 20);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prof-'));
  const started = Date.now();
  const server = await startServer(kind, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const script: Turn[] = kind === 'bot' ? DEBRIEF : DEBRIEF.map((t) => ({ ...t, expect: /echo \d+:/ }));
  const base = { port: server.port, pid: server.child.pid!, script, connections, cards: kind === 'bot' };
  await runLoad({ ...base, seconds: 3, label: `warm-${kind}` });
  const skipMs = Date.now() - started + 1000; // profile time starts about when the process does; skip startup and warm-up
  const r = await runLoad({ ...base, seconds, label: `prof-${kind}` });
  await new Promise<void>((resolve) => { server.child.once('exit', () => resolve()); server.child.kill('SIGTERM'); });
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  console.log(`${kind}: ${r.turns} turns, ${r.turnsPerSecond.toFixed(0)} turns/s, ${r.cpuMsPerTurn.toFixed(2)} ms CPU/turn`);
  report(path.join(dir, file), skipMs);
}

if (require.main === module) void main().catch((err) => { console.error(err); process.exit(1); });
