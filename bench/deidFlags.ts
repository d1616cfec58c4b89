/**
 * The runtime's settings and a warm start, on notes the process has never read (round 17, issue 13's 2 MB/s):
 *   npx tsx bench/deidFlags.ts [--rounds N] [--flags 'A;B C;…']    V8 options, each in its own child process
 *   npx tsx bench/deidFlags.ts --curve [--rounds N] [--warm -1,0,1,3] [--flags 'A …']   a fresh process's first notes
 * Flags: each child runs measureUnseen's protocol (bench/deid.ts: 10 CPU-s over every dev set and the public first
 * half, then the public second half and, since round 23, the writers never tuned on read ONCE) and then hand-test looped (loopedFigure). Every setting is run between two runs of the default (D F1 D F2 D …, the
 * order reversed each round), so each is compared with the default of the same minutes: printed, the setting's figure
 * over the mean of its two neighbours, per round and as the median over rounds. CPU is the process's (every thread:
 * compile and GC threads count), MB of UTF-8 per CPU-second.
 * Curve: a fresh child (as the service starts) reads one of the messy generator's notes (new seeds, never a scored set:
 * it loads the lists and models) and then `--warm` CPU-seconds more of them (-1: not even the first), then the unseen notes once — hand-test, every other -test half and the public second half,
 * interleaved in a fixed order — and prints µs a note by block of 100, the warm-up's wall ms and the memory after it.
 * The machine is shared: read ratios within a round, and claim nothing under ~10 %. Load averages are printed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { loadSet, measureUnseen, publicHalves, sets, UNSEEN_PUBLIC, UNSEEN_WRITERS_GROUP, unseenSets } from './deid';
import { generate } from './data/makeMessy';
import { warmUpDeidentifier } from '../bot/warmUp';
import { takeFlag } from './args';
import { median } from './stats';

const MARK = '=====deidFlags ';
const BLOCK = 100;

const cpuUs = (): number => {
  const c = process.cpuUsage();
  return c.user + c.system;
};
const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

/**
 * Notes the messy generator does not write, for bot/warmUpNotes.ts: each reaches something the de-identifier loads or
 * compiles only when a note first needs it (the French and Spanish lists, the SMS words, long public-style records,
 * folded characters, spelled names). Invented; no scored set's words.
 */
const WARM_UP_EXTRA = [
  "Visite chez Mme Gagnon ce matin, elle était fatiguée pis elle m'a dit que son fils Réjean vient la voir jeudi. On a parlé de son rendez-vous à l'hôpital.",
  'Hablé con Lupita hoy, dijo que su hermano Jorge tiene cita el martes en la clínica. Estaba muy cansada pero tranquila, gracias a Dios.',
  'omw 2 see jay @ the shelter lol he ok tho, txt me at 416 555 0199 if u need, his bday is 4/12 n he turns 93',
  'Patient Robert Kimble, DOB 03/14/1961, lives at 742 Evergreen Terrace, Springfield IL 62704. Contact rkimble61@example.com or (217) 555-0143. SSN 078-05-1120, card 4111 1111 1111 1111, plate ABCD 123, health card 1234-567-890-AB. Records at https://example.org/r/8812 and 10.0.0.7.',
  'met ｍａｒｙ ｓｍｉｔｈ at St. Brigid\'s drop-in on Queen St E, her worker is J-O-H-N from Mnt Sinai, she said her dr is Dr. Ngata at 55 Bloor St W unit 4.',
  'Говорил с Иваном сегодня, he said Mrs Oyelaran on Birchmount Rd wants a ride to the food bank Tue 9am, MRN 00482213.',
]

/** bot/warmUpNotes.ts: two of the messy generator's notes a template (new seeds), then WARM_UP_EXTRA. */
function writeWarmUpNotes(): void {
  const made = (['dev', 'test'] as const).flatMap((split, i) => generate(split, 2, 7_000_001 + i).map((l) => (JSON.parse(l) as { text: string }).text));
  const file = path.join(__dirname, '..', 'bot', 'warmUpNotes.ts');
  const head = '// Made by `npx tsx bench/deidFlags.ts --write-warm-up` (round 17): the messy generator\'s notes (bench/data/makeMessy.ts,\n// seeds no scored set uses) and a few it does not write (WARM_UP_EXTRA there). Invented people and values.\n';
  fs.writeFileSync(file, `${head}export const WARM_UP_NOTES: readonly string[] = ${JSON.stringify([...made, ...WARM_UP_EXTRA], null, 2)};\n`);
  console.log(`${file}: ${made.length + WARM_UP_EXTRA.length} notes`);
}

/** The synthetic notes of a warm start: the messy generator's templates with seeds no scored set uses. */
export function* warmNotes(): Generator<string> {
  for (let seed = 1; ; seed++) for (const split of ['dev', 'test'] as const) for (const line of generate(split, 1, 7_000_000 + seed)) yield (JSON.parse(line) as { text: string }).text;
}

/**
 * Reads warm notes until `seconds` of CPU are spent after the first (which loads the lists and models); the notes read.
 * Below 0: none at all.
 */
export function warmFor(seconds: number): number {
  if (seconds < 0) return 0;
  let until = 0;
  let n = 0;
  for (const text of warmNotes()) {
    deidentify(text);
    if (n++ === 0) until = cpuUs() + seconds * 1e6;
    if (cpuUs() >= until) break;
  }
  return n;
}

/** The curve's unseen notes: hand-test, the other -test halves and the public second half, round robin. */
function curveNotes(): string[] {
  const lists = [loadSet('hand-test') ?? [], ...sets.filter((s) => /-test/.test(s.name) && s.name !== 'hand-test').map((s) => loadSet(s) ?? []), publicHalves()[1]].map((l) => l.map((r) => r.text));
  const out: string[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

/**
 * The same notes looped: passes over them until LOOP_CPU_SECONDS are spent, MB per CPU-second of the median pass of
 * the second half (bench:deid's looped column warms 2 CPU-s on the set itself and adds a baseline and a bulk pass:
 * this is cheaper, for a child per setting, and reads the same kind of figure).
 */
const LOOP_CPU_SECONDS = 2;
function loopedFigure(texts: string[]): number {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const passes: number[] = [];
  for (let spent = 0; spent < LOOP_CPU_SECONDS * 1e6 || passes.length < 6; ) {
    const c0 = cpuUs();
    for (const t of texts) deidentify(t);
    passes.push(cpuUs() - c0);
    spent += passes[passes.length - 1]!;
  }
  return bytes / median(passes.slice(passes.length >> 1));
}

function unseenChild(): object {
  const { warm, timed } = unseenSets();
  // The public set sits outside the repository (../shared/data, or DEID_BENCH_DATA): without it the figure means nothing.
  if (!timed[UNSEEN_PUBLIC]) throw new Error('deidFlags: no public notes (DEID_BENCH_DATA?)');
  // Since round 23 measureUnseen's writers' group (held-out halves and untouched writers) stands where hand-test stood.
  const { mbps } = measureUnseen(warm, timed);
  const [writers, pub] = [mbps[UNSEEN_WRITERS_GROUP]!, mbps[UNSEEN_PUBLIC]!];
  const looped = loopedFigure((loadSet('hand-test') ?? []).map((r) => r.text));
  return { writers, pub, looped, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
}

function curveChild(warmSeconds: number, which: string): object {
  const notes = curveNotes();
  const t0 = performance.now();
  const c0 = cpuUs();
  const warmed = which === 'shipped' ? warmUpDeidentifier(warmSeconds).notes : warmFor(warmSeconds);
  const warmMs = Math.round(performance.now() - t0);
  const warmCpuMs = Math.round((cpuUs() - c0) / 1000);
  const memAfterWarm = process.memoryUsage();
  const blocks: number[] = [];
  let first = 0;
  for (let i = 0; i < notes.length; i += BLOCK) {
    const b0 = cpuUs();
    const end = Math.min(notes.length, i + BLOCK);
    for (let j = i; j < end; j++) {
      deidentify(notes[j]!);
      if (j === 0) first = cpuUs() - b0;
    }
    blocks.push((cpuUs() - b0) / (end - i));
  }
  const mem = process.memoryUsage();
  return { warmed, warmMs, warmCpuMs, first, blocks, notes: notes.length, rssWarmMB: mb(memAfterWarm.rss), heapWarmMB: mb(memAfterWarm.heapUsed), rssEndMB: mb(mem.rss), heapEndMB: mb(mem.heapUsed) };
}

function run(flags: string[], childArgs: string[]): Record<string, unknown> {
  const load = os.loadavg()[0]!;
  const r = spawnSync(process.execPath, [...flags, ...process.execArgv, __filename, '--child', ...childArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = r.stdout.split('\n').find((l) => l.startsWith(MARK));
  if (r.status !== 0 || !line) throw new Error(`deidFlags child (${flags.join(' ') || 'default'}): ${r.stderr.slice(-2000)}`);
  return { ...(JSON.parse(line.slice(MARK.length)) as Record<string, unknown>), load };
}

const f2 = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(3));

/** What a child reports, as figures where higher is better (MB per CPU-second, or notes per CPU-second for a curve). */
const FIGURES = {
  unseen: { args: ['unseen'], keys: ['writers', 'pub', 'looped'], head: 'unseen writers never tuned on | unseen public 2nd half | looped hand-test (MB per CPU-second)' },
  cold: { args: ['curve', '1', 'shipped'], keys: ['first1000', 'after1000'], head: 'a fresh process after its warm-up: first 1000 unseen notes | the rest (notes per CPU-second)' },
} as const;

function figuresOf(out: Record<string, unknown>): Record<string, number> {
  if (!out.blocks) return out as Record<string, number>;
  const blocks = out.blocks as number[];
  const rate = (xs: number[]): number => 1e6 / (xs.reduce((a, b) => a + b, 0) / xs.length);
  return { ...(out as Record<string, number>), first1000: rate(blocks.slice(0, 10)), after1000: rate(blocks.slice(10)) };
}

function flagsMain(settings: string[][], rounds: number, kind: keyof typeof FIGURES): void {
  const { args, keys, head } = FIGURES[kind];
  const ratios = new Map<string, Record<string, number[]>>();
  const show = (f: Record<string, number>): string => keys.map((k) => f2(f[k]!)).join(' / ');
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...settings].reverse() : settings;
    let before = figuresOf(run([], [...args]));
    console.log(`round ${round + 1} default: ${show(before)} (load ${f2(before.load!)})`);
    for (const flags of order) {
      const mine = figuresOf(run(flags, [...args]));
      const after = figuresOf(run([], [...args]));
      const name = flags.join(' ');
      const got = ratios.get(name) ?? Object.fromEntries(keys.map((k) => [k, [] as number[]]));
      const cells = keys.map((k) => {
        const ratio = mine[k]! / ((before[k]! + after[k]!) / 2);
        got[k]!.push(ratio);
        return `${f2(mine[k]!)} (×${ratio.toFixed(2)})`;
      });
      ratios.set(name, got);
      console.log(`round ${round + 1} ${name}: ${cells.join(' / ')} (load ${f2(mine.load!)}${mine.maxRssMB ? `, max RSS ${mine.maxRssMB} MB` : ''}); default after: ${show(after)}`);
      before = after;
    }
  }
  console.log(`\nsetting | ${head}   (median over rounds of the setting over its two neighbouring defaults [each round])`);
  for (const [name, got] of ratios) console.log(`${name} | ${keys.map((k) => `×${median(got[k]!).toFixed(2)} [${got[k]!.map((x) => x.toFixed(2)).join(' ')}]`).join(' | ')}`);
}

function curveMain(warms: number[], rounds: number, flags: string[], which: string): void {
  for (let round = 0; round < rounds; round++) {
    for (const w of round % 2 ? [...warms].reverse() : warms) {
      const c = run(flags, ['curve', String(w), which]);
      const blocks = (c.blocks as number[]).map((x) => Math.round(x));
      const firstK = blocks.slice(0, 10).reduce((a, b) => a + b, 0) / Math.min(10, blocks.length);
      console.log(`round ${round + 1} warm ${w} s (${which})${flags.length ? ` ${flags.join(' ')}` : ''}: ${c.warmed} notes in ${c.warmMs} ms wall (${c.warmCpuMs} ms CPU), heap/RSS after ${c.heapWarmMB}/${c.rssWarmMB} MB, at the end ${c.heapEndMB}/${c.rssEndMB} MB; first note ${Math.round(c.first as number)} µs; first ${Math.min(10, blocks.length) * BLOCK} notes ${Math.round(firstK)} µs a note; by ${BLOCK}: ${blocks.join(' ')} (load ${f2(c.load as number)})`);
    }
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const take = (flag: string): string | undefined => takeFlag(args, flag);
  if (args[0] === '--child') {
    const out = args[1] === 'curve' ? curveChild(Number(args[2]), args[3] ?? 'messy') : unseenChild();
    console.log(MARK + JSON.stringify(out));
    return;
  }
  const rounds = Number(take('--rounds') ?? 2);
  const flagList = take('--flags');
  if (args.includes('--curve')) {
    curveMain((take('--warm') ?? '-1,0,1,3').split(',').map(Number), rounds, flagList ? flagList.split(' ').filter(Boolean) : [], args.includes('--shipped') ? 'shipped' : 'messy');
    return;
  }
  if (args.includes('--write-warm-up')) {
    writeWarmUpNotes();
    return;
  }
  const settings = (flagList ?? '--max-semi-space-size=16;--max-semi-space-size=64;--maglev;--no-lazy-feedback-allocation;--interrupt-budget=16384;--single-threaded-gc;--no-flush-bytecode;--always-sparkplug').split(';').map((s) => s.split(' ').filter(Boolean));
  flagsMain(settings, rounds, args.includes('--cold') ? 'cold' : 'unseen');
}

if (require.main === module) main();
