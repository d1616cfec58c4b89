/**
 * Instructions a note, counted, not timed (round 20): `npx tsx bench/deidInstructions.ts [--runs N] [--warm N] [--public N] [--out DIR] REV_A REV_B`.
 *
 * Each tree (compiled as bench/deidAB.ts compiles it) reads the same notes in a plain node process under
 * `valgrind --tool=callgrind`, which counts the instructions executed, so two runs of one tree give (nearly) the same
 * count however loaded the machine is. The child warms up on the first N notes of hand-dev (--warm, default 200), each read
 * once, then reads each note of hand-test and the first N notes (--public, default 200) of the public set's second half once (notes the
 * warm-up never met). Only those readings are counted: each set is read inside a callback that V8's
 * C++ calls (hand-test in a JSON.parse reviver, the public notes in a JSON.stringify replacer, then an empty JSON.parse
 * reviver as the end marker), callgrind dumps its counts on entering either C++ function (--dump-before), and the dumps
 * between the markers are summed (segments()), so startup, model loading and the warm-up are not counted. (Collecting
 * only inside the callbacks with --collect-atstart=no --toggle-collect counted 0: a JIT frame's calls confuse callgrind's
 * call stack, which its dumps on entry do not depend on.) GC and compilation that the readings set off are counted: node runs with
 * --single-threaded (no compile or GC threads: all of it happens on the counted thread), --predictable, --predictable-gc-schedule (without it a tree's runs differed 0.6–2 %; with it 0.01–1.4 %) and fixed
 * --random-seed / --hash-seed, with the same environment and same-length paths for both trees.
 *
 * All runs go at once (--runs N, default 2, each tree N times; the counts do not depend on the load), and it prints, per set, each run's instructions a note,
 * the spread of each tree's runs (max − min, as a percentage of the mean), and B's change against A. Valgrind slows node
 * ~30–80×: a run of one tree takes a few minutes. Callgrind's files go under --out (default the system temp folder).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compiled } from './deidAB';
import { loadSet, publicHalves } from './deid';

const NODE_FLAGS = ['--single-threaded', '--predictable', '--predictable-gc-schedule', '--random-seed=1', '--hash-seed=1', '--max-semi-space-size=16'];
const PARSE = 'v8::internal::JsonParseInternalizer::Internalize(*';
const STRINGIFY = 'v8::internal::JsonStringifier::ApplyReplacerFunction(*';
const SETS = ['hand-test', 'public'] as const;

/** The child: warm-up uncounted, then each counted set read inside the C++ callback callgrind toggles on. */
export const CHILD = `
const fs = require('node:fs');
const path = require('node:path');
const [js, notesFile] = process.argv.slice(2);
const { deidentify } = require(path.join(js, 'services', 'deidentify', 'index.js'));
const notes = JSON.parse(fs.readFileSync(notesFile, 'utf8'));
for (const t of notes.warm) deidentify(t);
let n = 0;
JSON.parse('0', function () { for (const t of notes['hand-test']) if (deidentify(t)) n++; return 0; });
JSON.stringify(0, function (k, v) { if (k === '') for (const t of notes.public) if (deidentify(t)) n++; return v; });
JSON.parse('0', function () { return 0; });
process.stdout.write(String(n) + '\\n');
`;

/** The notes every run reads, written once to the out folder (the same file for both trees). */
function writeNotes(dir: string, warmNotes: number, publicNotes: number): { file: string; counts: Record<(typeof SETS)[number], number> } {
  const notes = {
    warm: (loadSet('hand-dev') ?? []).slice(0, warmNotes).map((r) => r.text),
    'hand-test': (loadSet('hand-test') ?? []).map((r) => r.text),
    public: publicHalves()[1].slice(0, publicNotes).map((r) => r.text),
  };
  const file = path.join(dir, 'notes.json');
  fs.writeFileSync(file, JSON.stringify(notes));
  return { file, counts: { 'hand-test': notes['hand-test'].length, public: notes.public.length } };
}

/** The summed Ir of one callgrind dump file ("totals:" or "summary:" line). */
export function irOfText(text: string): number {
  const m = /^(?:totals|summary): (\d+)/m.exec(text);
  if (!m) throw new Error('deidInstructions: no total in a callgrind dump');
  return Number(m[1]);
}

/** One tree under callgrind: instructions in each counted set. */
async function countTree(tree: { sha: string; js: string }, notesFile: string, dir: string, run: number): Promise<Record<(typeof SETS)[number], number>> {
  const base = path.join(dir, `cg-${tree.sha}-${run}`);
  const script = path.join(dir, 'child.js');
  fs.writeFileSync(script, CHILD);
  for (const f of fs.readdirSync(dir)) if (f.startsWith(path.basename(base))) fs.rmSync(path.join(dir, f));
  const args = [
    '--tool=callgrind',
    `--dump-before=${PARSE}`,
    `--dump-before=${STRINGIFY}`,
    '--dump-instr=no',
    `--callgrind-out-file=${base}.out`,
    process.execPath,
    ...NODE_FLAGS,
    script,
    tree.js,
    notesFile,
  ];
  const env = { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LANG: 'C', TZ: 'UTC' };
  const child = spawn('valgrind', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  if (status !== 0) throw new Error(`deidInstructions: valgrind ${tree.sha} failed: ${stderr.slice(-2000)}`);
  const parts = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${path.basename(base)}.out.`))
    .map((f) => Number(f.split('.').pop()))
    .sort((a, b) => a - b)
    .map((k) => fs.readFileSync(`${base}.out.${k}`, 'utf8'));
  return segments(parts);
}

/**
 * The counted sets from callgrind's dumps, in order. Each dump holds what ran since the one before; one is made on entering
 * JSON.parse's reviver (the start of hand-test, and after the public notes the end marker) and on entering JSON.stringify's
 * replacer (the end of hand-test, the start of the public notes). hand-test: the dumps after the first parse dump up to the
 * first stringify dump; public: after the last stringify dump up to the next parse dump.
 */
export function segments(parts: string[]): Record<(typeof SETS)[number], number> {
  const trigger = (p: string): 'parse' | 'stringify' | 'other' => (/^desc: Trigger: --dump-before=v8::internal::JsonParseInternalizer::Internalize\(/m.test(p) ? 'parse' : /^desc: Trigger: --dump-before=v8::internal::JsonStringifier::ApplyReplacerFunction\(/m.test(p) ? 'stringify' : 'other');
  const kinds = parts.map(trigger);
  const firstParse = kinds.indexOf('parse');
  const firstStringify = kinds.indexOf('stringify');
  const lastStringify = kinds.lastIndexOf('stringify');
  const endParse = kinds.indexOf('parse', lastStringify + 1);
  if (firstParse < 0 || firstStringify <= firstParse || endParse < 0) throw new Error(`deidInstructions: dumps out of order (${kinds.join(' ')})`);
  const sum = (from: number, to: number): number => parts.slice(from, to + 1).reduce((n, p) => n + irOfText(p), 0);
  return { 'hand-test': sum(firstParse + 1, firstStringify), public: sum(lastStringify + 1, endParse) };
}

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(3)} %`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const take = (flag: string, fallback: string): string => {
    const i = args.indexOf(flag);
    return i >= 0 ? args.splice(i, 2)[1]! : fallback;
  };
  const runs = Number(take('--runs', '2'));
  const publicNotes = Number(take('--public', '200'));
  const warmNotes = Number(take('--warm', '200'));
  const dir = take('--out', path.join(os.tmpdir(), 'deid-instructions'));
  if (args.length !== 2) throw new Error('usage: npx tsx bench/deidInstructions.ts [--runs N] [--warm N] [--public N] [--out DIR] REV_A REV_B');
  execFileSync('valgrind', ['--version']);
  fs.mkdirSync(dir, { recursive: true });
  const trees = args.map(compiled);
  const { file, counts } = writeNotes(dir, warmNotes, publicNotes);
  if (!counts.public) throw new Error('deidInstructions: no public notes (set DEID_BENCH_DATA to the public set)');
  console.log(`node ${process.version} ${NODE_FLAGS.join(' ')}; warm-up ${warmNotes} hand-dev notes; counted: hand-test ${counts['hand-test']} notes, public ${counts.public} notes`);
  // Every run at once (the counts do not depend on the load): runs × trees valgrind processes.
  const got = await Promise.all(trees.map((tree) => Promise.all(Array.from({ length: runs }, (_, run) => countTree(tree, file, dir, run)))));
  for (const [j, rs] of got.entries()) {
    for (const [run, c] of rs.entries()) {
      console.log(`run ${run + 1} ${trees[j]!.sha}: ${SETS.map((s) => `${s} ${(c[s] / counts[s]).toFixed(0)}`).join(', ')} instructions a note`);
    }
  }
  for (const s of SETS) {
    const per = got.map((rs) => rs.map((c) => c[s] / counts[s]));
    const mean = per.map((xs) => xs.reduce((a, b) => a + b, 0) / xs.length);
    const spread = per.map((xs, j) => (Math.max(...xs) - Math.min(...xs)) / mean[j]!);
    console.log(
      `${s}: ${trees.map((t, j) => `${t.sha} ${mean[j]!.toFixed(0)} a note (spread ${pct(spread[j]!)})`).join(' | ')} | B against A ${pct(mean[1]! / mean[0]! - 1)}`,
    );
  }
}

if (require.main === module) void main();
