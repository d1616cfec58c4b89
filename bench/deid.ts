/**
 * De-identification benchmark: `npm run bench:deid`.
 * Scores services/deidentify on the public presidio-synth-v2 set, the generated messy notes (dev and test,
 * different names and templates), the hand-written notes (dev and test) and bench/data/psw-dev.jsonl; reports
 * per type and per register, measures single-core throughput, and writes docs/DEIDENTIFICATION.md and
 * docs/deidentification.json. DEID_BENCH_DATA overrides the presidio file's path.
 * Flags: `--misses N` prints N missed spans per set (and N over-redactions), `--dry` prints without writing
 * the docs and without timing, `--set NAME` scores one set, `--cold` times after one warm-up pass instead of two
 * CPU-seconds (measureThroughput).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deidentify, deidentifyAll } from '../services/deidentify';
import { isIdentifierSpan, leftVisible, score, type Figures, type LabelledRecord } from './deidMetrics';
import { loadNotes } from './data/handNotes';
import { dictionaries } from '../services/deidentify/dictionaries';
import { unsureQuestions } from '../services/reflections/nameMemory';

const repoRoot = path.resolve(__dirname, '..');
const data = (f: string): string => path.resolve(repoRoot, 'bench', 'data', f);
/** The public benchmark: its file is not in the repository (publicSetFile()). */
export const PUBLIC_SET = 'presidio-synth-v2';
/** The public set's file: DEID_BENCH_DATA, else ../shared/data beside the repository (a clone elsewhere has no such path). */
export const publicSetFile = (env: NodeJS.ProcessEnv = process.env): string =>
  env.DEID_BENCH_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data', 'presidio-synth-v2.jsonl');
export interface BenchSet {
  name: string;
  file: string;
  about: string;
}
export const sets: BenchSet[] = [
  { name: PUBLIC_SET, file: publicSetFile(), about: 'public benchmark' },
  { name: 'messy-dev', file: data('messy-dev.jsonl'), about: 'generated phone-typed notes, dev names and templates' },
  { name: 'messy-test', file: data('messy-test.jsonl'), about: 'generated phone-typed notes, held-out names and templates' },
  { name: 'hand-dev', file: data('hand-dev.txt'), about: 'hand-written notes, dev half' },
  { name: 'hand-test', file: data('hand-test.txt'), about: 'hand-written notes, held-out half' },
  { name: 'psw-dev', file: data('psw-dev.jsonl'), about: 'tidy notes written alongside the first rules' },
  { name: 'typo-dev', file: data('typo-dev.jsonl'), about: 'the dev notes with phone typos in their ordinary words (bench/data/makeTypoDev.ts)' },
  { name: 'sms-dev', file: data('sms-dev.txt'), about: 'hand-written SMS and lower-case notes rich in addresses, plates, facilities, emails, health cards, codes, phones; dev two thirds' },
  { name: 'sms-test', file: data('sms-test.txt'), about: 'the same kind of notes, held-out third' },
  { name: 'names-dev', file: data('names-dev.txt'), about: 'names-heavy notes in new voices (round 5), dev half' },
  { name: 'names-test', file: data('names-test.txt'), about: 'the same writer, held-out half: scored, never tuned on' },
  { name: 'cats-dev', file: data('cats-dev.txt'), about: 'non-name identifiers typed loosely in new voices (round 5), dev half' },
  { name: 'cats-test', file: data('cats-test.txt'), about: 'the same writer, held-out half: scored, never tuned on' },
  { name: 'cats-own-dev', file: data('cats-own-dev.txt'), about: "the categories engineer's own notes of addresses, facilities, ids, ages over 89 and lookalikes (round 5), dev half" },
  { name: 'cats-own-test', file: data('cats-own-test.txt'), about: 'the same writer, held-out half: scored, never tuned on' },
  { name: 'cats-own-heldout', file: data('cats-own-heldout.txt'), about: 'the same writer, written after the rules and scored once: never tuned on, misses never printed' },
  { name: 'cats-own2-dev', file: data('cats-own2-dev.txt'), about: "the categories engineer's fresh notes of round 6 (facilities, addresses, ids, day-and-month dates, look-alikes), dev half" },
  { name: 'cats-own2-test', file: data('cats-own2-test.txt'), about: 'the same writer, held-out half: scored before and after, never tuned on' },
  { name: 'cats-dev3', file: data('cats-dev3.txt'), about: 'a writer helper\'s loosely typed non-name identifiers beside words that stay (round 6), dev half' },
  { name: 'cats-test3', file: data('cats-test3.txt'), about: 'the same writer, held-out half: scored before and after, never tuned on' },
  { name: 'names-dev2', file: data('names-dev2.txt'), about: 'names-heavy notes, second batch in new voices (northern, youth, second-language, dictation): dev' },
  { name: 'names-dev3', file: data('names-dev3.txt'), about: 'names-heavy notes in new voices (round 6: thumb SMS, autocorrect, Punjabi-, Somali-, Inuk, Acadian, Appalachian, retired nurse), dev half' },
  { name: 'names-test3', file: data('names-test3.txt'), about: 'the same writer, held-out half: scored before and after, never tuned on' },
  { name: 'keep-own-dev', file: data('keep-own-dev.txt'), about: "the keep engineer's own notes in non-standard Englishes (patois, AAVE, ESL, franglais, Spanish, Indigenous words, slang), words that must stay: dev half" },
  { name: 'keep-own-test', file: data('keep-own-test.txt'), about: 'the same writer, held-out half: scored before and after, never tuned on' },
  { name: 'keep-dev', file: data('keep-dev.txt'), about: 'notes in non-standard Englishes by a writer helper (patois, AAVE, Pidgin, Newfoundland, Appalachian, ESL, French/Spanish switching, Indigenous words, slang): dev' },
  { name: 'keep-test', file: data('keep-test.txt'), about: 'the same writer, held-out half: scored before and after, never tuned on' },
];

type Rec = LabelledRecord & { register?: string };

export function load(file: string): Rec[] {
  if (file.endsWith('.txt')) return loadNotes(file, path.basename(file, '.txt'));
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Rec);
}

/** The scored set of that name (an unknown name throws: a typo must not read as a set skipped). */
export function benchSet(name: string): BenchSet {
  const set = sets.find((s) => s.name === name);
  if (!set) throw new Error(`no scored set ${name} (bench/deid.ts sets: ${sets.map((s) => s.name).join(', ')})`);
  return set;
}

/**
 * Whether a set's file is here; when it is not, says so on stderr, and why: the public set lives outside the
 * repository (../shared/data), so a clone elsewhere skips it unless DEID_BENCH_DATA names its file.
 */
export function present(set: BenchSet, say: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): boolean {
  if (fs.existsSync(set.file)) return true;
  const why =
    set.name !== PUBLIC_SET ? '' : process.env.DEID_BENCH_DATA ? ' (DEID_BENCH_DATA names it)' : ' (the public set is not in the repository: set DEID_BENCH_DATA to its file)';
  say(`skipping ${set.name}: ${set.file} not found${why}`);
  return false;
}

/** A scored set's records (by name or set), or undefined when its file is not here (said by present()). Every bench script reads a scored set here. */
export function loadSet(set: string | BenchSet, say?: (line: string) => void): Rec[] | undefined {
  const s = typeof set === 'string' ? benchSet(set) : set;
  return present(s, say) ? load(s.file) : undefined;
}

/** The CPU seconds (user + system) this process spent running `f`. */
function cpuSeconds(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

const BASELINE_WORD = /[\p{L}\p{N}]+/gu;
/**
 * The baseline: the least any word-level de-identifier does — split the text into words, lower-case each and look it
 * up in the English word list. Timed in the same run, interleaved with the de-identifier, so both see the same load.
 */
function baselinePass(records: LabelledRecord[]): number {
  const english = dictionaries().english;
  let hits = 0;
  for (const r of records) {
    BASELINE_WORD.lastIndex = 0;
    for (let m = BASELINE_WORD.exec(r.text); m; m = BASELINE_WORD.exec(r.text)) if (english.has(m[0].toLowerCase())) hits++;
  }
  return hits;
}

export interface Throughput {
  /** De-identifier: megabytes (UTF-8) per CPU second, median of the timed passes. */
  mbps: number;
  /** The baseline pass over the same text, in the same run. */
  baselineMBps: number;
  /** The same texts read in bulk (deidentifyAll, batches of 256: stage by stage), in the same run: a file, not the service. */
  bulkMBps: number;
}

/**
 * CPU seconds of warm-up before timing: the JIT takes some 20 passes over a set to settle, as it settles in a running
 * service. `--cold` warms up one pass only, the method of the rounds before round 5 (it read about half the speed).
 */
const WARM_CPU_SECONDS = process.argv.includes('--cold') ? 0 : 2;

/**
 * Single-core MB per CPU second over the records, after warming up (WARM_CPU_SECONDS): passes of the de-identifier and of the
 * baseline alternate (at least 5 each and 1.5 s of CPU), and the median of each is kept. CPU time, not wall time: on a
 * shared machine a loaded hour would otherwise read as a slow de-identifier; the baseline shows how loaded it was.
 */
export function measureThroughput(records: LabelledRecord[]): Throughput {
  const bytes = records.reduce((n, r) => n + Buffer.byteLength(r.text, 'utf8'), 0);
  // Warm up dictionaries, caches and JIT: one pass at least, then until WARM_CPU_SECONDS are spent.
  let warm = 0;
  do
    warm += cpuSeconds(() => {
      for (const r of records) deidentify(r.text);
    });
  while (warm < WARM_CPU_SECONDS);
  baselinePass(records);
  const texts = records.map((r) => r.text);
  const bulkPass = (): void => {
    for (let i = 0; i < texts.length; i += 256) deidentifyAll(texts.slice(i, i + 256));
  };
  bulkPass();
  const mine: number[] = [];
  const base: number[] = [];
  const bulk: number[] = [];
  let spent = 0;
  while (mine.length < 5 || spent < 1.5) {
    const a = cpuSeconds(() => {
      for (const r of records) deidentify(r.text);
    });
    const b = cpuSeconds(() => baselinePass(records));
    const c = cpuSeconds(bulkPass);
    mine.push(a);
    base.push(b);
    bulk.push(c);
    spent += a + b;
  }
  const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { mbps: bytes / 1e6 / median(mine), baselineMBps: bytes / 1e6 / Math.max(median(base), 1e-6), bulkMBps: bytes / 1e6 / median(bulk) };
}

/**
 * CPU seconds the JIT is warmed on other notes before the first reading of unseen ones (measureUnseen). Round 16: passes
 * over one set keep compiling for some 15-30 thousand notes, and a note that takes a branch no note before it took throws
 * its function's optimised code away ("insufficient type feedback") until it is compiled again: the warm-up reads every
 * dev set, as a service that has read many kinds of note.
 */
const UNSEEN_WARM_CPU_SECONDS = 10;

/**
 * MB per CPU-second on notes the process has never read — what a service pays, where every note is new: the JIT is
 * warmed for UNSEEN_WARM_CPU_SECONDS on `warm` (passes over it), then each of `timed` is read ONCE, text by text, in
 * turn. Their words meet the per-word memos for the first time (those the warm notes did not hold), their texts the
 * per-text caches, their branches the compiled code. One pass of a few hundred notes: it moves with the load more than
 * the figure after many passes does.
 */
export function measureUnseen(warm: LabelledRecord[], timed: LabelledRecord[][]): number[] {
  let spent = 0;
  do
    spent += cpuSeconds(() => {
      for (const r of warm) deidentify(r.text);
    });
  while (spent < UNSEEN_WARM_CPU_SECONDS);
  return timed.map((set) => {
    const bytes = set.reduce((n, r) => n + Buffer.byteLength(r.text, 'utf8'), 0);
    return bytes / 1e6 / cpuSeconds(() => {
      for (const r of set) deidentify(r.text);
    });
  });
}

/** MB per CPU-second alone (bench/run.ts reports it). */
export function throughput(records: LabelledRecord[]): number {
  return measureThroughput(records).mbps;
}

/** What the review's "Is 'X' a person?" step would ask about each note of a dev set, as the dialog asks it. */
interface Questions {
  notes: number;
  asked: number;
  notesAsked: number;
  aboutNames: number;
  aboutOtherWords: number;
  otherWords: string[];
}

function reviewQuestions(records: Rec[], predictions: Array<Array<{ start: number; end: number; type?: string }>>): Questions {
  const q: Questions = { notes: records.length, asked: 0, notesAsked: 0, aboutNames: 0, aboutOtherWords: 0, otherWords: [] };
  records.forEach((r, i) => {
    let redacted = '';
    let at = 0;
    for (const e of predictions[i]!) {
      redacted += `${r.text.slice(at, e.start)}[${e.type ?? 'NAME'}]`;
      at = e.end;
    }
    redacted += r.text.slice(at);
    const words = unsureQuestions('bench', undefined, [redacted]).map((u) => u.word);
    q.asked += words.length;
    if (words.length) q.notesAsked++;
    for (const w of words) {
      const isName = r.spans.some((s) => s.type === 'PERSON' && r.text.slice(s.start, s.end).toLowerCase().split(/[\s.]+/).includes(w.toLowerCase()));
      if (isName) q.aboutNames++;
      else {
        q.aboutOtherWords++;
        q.otherWords.push(w.toLowerCase());
      }
    }
  });
  return q;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

function table(f: Figures): string {
  const rows = Object.entries(f.perType).sort((a, b) => b[1].spans - a[1].spans);
  const lines = ['| type | spans | strict recall | leak rate |', '| --- | ---: | ---: | ---: |'];
  for (const [type, t] of rows) lines.push(`| ${type} | ${t.spans} | ${pct(t.strictRecall)} | ${pct(t.leakRate)} |`);
  lines.push(`| **all identifiers** | **${f.overall.spans}** | **${pct(f.overall.strictRecall)}** | **${pct(f.overall.leakRate)}** |`);
  return lines.join('\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? '') : undefined;
}

function printMisses(name: string, records: Rec[], predictions: Array<Array<{ start: number; end: number }>>, n: number): void {
  let shown = 0;
  let over = 0;
  records.forEach((r, i) => {
    const preds = predictions[i]!;
    for (const s of r.spans) {
      if (shown >= n || !isIdentifierSpan(s, r.text)) continue;
      if (leftVisible(r.text, s, preds)) {
        shown++;
        console.log(`MISS ${name} ${s.type} ${JSON.stringify(r.text.slice(s.start, s.end))} in ${JSON.stringify(r.text.slice(Math.max(0, s.start - 40), s.end + 30))}`);
      }
    }
    for (const p of preds) {
      if (over >= n || r.spans.some((s) => s.start < p.end && p.start < s.end)) continue;
      over++;
      console.log(`OVER ${name} ${JSON.stringify(r.text.slice(p.start, p.end))} in ${JSON.stringify(r.text.slice(Math.max(0, p.start - 30), p.end + 30))}`);
    }
  });
}

/**
 * measureUnseen's notes: the warm-up (every dev set and the public set's first half) and the notes read once after it
 * (hand-test and the public set's second half), by the set each is shown beside. bench/deidFlags.ts reads the same.
 */
export function unseenSets(): { warm: Rec[]; timed: Record<string, Rec[]> } {
  const records = (name: string): Rec[] => loadSet(name) ?? [];
  const pub = records('presidio-synth-v2');
  const warm = [...sets.filter((s) => /-dev/.test(s.name)).flatMap((s) => records(s.name)), ...pub.slice(0, pub.length >> 1)];
  return { warm, timed: { 'hand-test': records('hand-test'), 'presidio-synth-v2': pub.slice(pub.length >> 1) } };
}

/**
 * The first-reading figures (measureUnseen), taken before any set is scored: hand-test and the public set's second half,
 * after a warm-up on every dev set and the public set's first half. By the set each is shown beside.
 */
function unseenFigures(): Record<string, number> {
  const { warm, timed } = unseenSets();
  const figures = measureUnseen(warm, Object.values(timed));
  const out = Object.fromEntries(Object.keys(timed).map((name, i) => [name, figures[i]!]));
  for (const [name, mbps] of Object.entries(out)) console.log(`unseen notes, ${name}: ${mbps.toFixed(2)} MB per CPU-second`);
  return out;
}

type Result = Figures & { throughputMBps?: number; unseenMBps?: number; baselineMBps?: number; bulkMBps?: number; questions?: Questions; file: string; about: string; perRegister?: Record<string, Figures> };

function main(): void {
  const showMisses = arg('--misses') !== undefined ? Number(arg('--misses') || 20) : 0;
  const dry = process.argv.includes('--dry');
  const only = arg('--set');
  const results: Record<string, Result> = {};
  const unseen = dry || (only && !['hand-test', 'presidio-synth-v2'].includes(only)) ? {} : unseenFigures();
  for (const set of sets) {
    if (only && set.name !== only) continue;
    const records = loadSet(set);
    if (!records) continue;
    const predictions = records.map((r) => deidentify(r.text).entities);
    const figures = score(records, predictions);
    const result: Result = { ...figures, file: path.relative(repoRoot, set.file), about: set.about };
    if (records.some((r) => r.register)) {
      result.perRegister = {};
      for (const reg of [...new Set(records.map((r) => r.register ?? 'none'))]) {
        const idx = records.map((r, i) => ((r.register ?? 'none') === reg ? i : -1)).filter((i) => i >= 0);
        result.perRegister[reg] = score(idx.map((i) => records[i]!), idx.map((i) => predictions[i]!));
      }
    }
    // The review's questions, on the dev sets only (held-out sets are scored, never looked into).
    if (!/test|presidio/.test(set.name)) result.questions = reviewQuestions(records, predictions);
    if (!dry) {
      const tp = measureThroughput(records);
      result.throughputMBps = tp.mbps;
      result.baselineMBps = tp.baselineMBps;
      result.bulkMBps = tp.bulkMBps;
    }
    if (unseen[set.name] !== undefined) result.unseenMBps = unseen[set.name];
    results[set.name] = result;
    if (showMisses) printMisses(set.name, records, predictions, showMisses);
  }
  // Throughput is only as good as the machine is idle: the load average says how shared the cores were.
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`;

  const md: string[] = ['| set | records | identifier spans | strict recall | leak | over-redaction | records clean | MB per CPU-second | unseen notes, first reading | in bulk (deidentifyAll) | baseline MB per CPU-second (same run) |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const [name, r] of Object.entries(results)) {
    md.push(`| ${name} (${r.about}) | ${r.records} | ${r.overall.spans} | ${pct(r.overall.strictRecall)} | ${pct(r.overall.leakRate)} | ${pct(r.overRedaction)} | ${pct(r.recordsFullyCleanRate)} | ${r.throughputMBps?.toFixed(2) ?? '–'} | ${r.unseenMBps?.toFixed(2) ?? '–'} | ${r.bulkMBps?.toFixed(2) ?? '–'} | ${r.baselineMBps?.toFixed(1) ?? '–'} |`);
  }
  md.push('');
  const withRegisters = Object.entries(results).filter(([, r]) => r.perRegister);
  if (withRegisters.length) {
    md.push('#### Per register', '', '| set | register | records | strict recall | leak | over-redaction |', '| --- | --- | ---: | ---: | ---: | ---: |');
    for (const [name, r] of withRegisters) {
      for (const [reg, f] of Object.entries(r.perRegister!)) md.push(`| ${name} | ${reg} | ${f.records} | ${pct(f.overall.strictRecall)} | ${pct(f.overall.leakRate)} | ${pct(f.overRedaction)} |`);
    }
    md.push('');
  }
  const withQuestions = Object.entries(results).filter(([, r]) => r.questions);
  if (withQuestions.length) {
    md.push('#### Review questions ("Is \'X\' a person?") on the dev sets', '', '| set | notes | questions | per note | notes asked | about a name | about another word | the other words |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const [name, r] of withQuestions) {
      const q = r.questions!;
      md.push(`| ${name} | ${q.notes} | ${q.asked} | ${(q.asked / q.notes).toFixed(2)} | ${q.notesAsked} | ${q.aboutNames} | ${q.aboutOtherWords} | ${q.otherWords.join(', ') || '–'} |`);
    }
    md.push('');
  }
  for (const [name, r] of Object.entries(results)) {
    md.push(`#### ${name} (${r.records} records, \`${r.file}\`)`, '', table(r), '');
    md.push(`- over-redaction (non-identifier characters replaced): ${pct(r.overRedaction)} (${r.overRedactedChars} of ${r.otherChars})`);
    md.push(`- records fully clean (no identifier character left): ${pct(r.recordsFullyCleanRate)} (${r.recordsFullyClean} of ${r.records})`);
    md.push(`- neutral spans (not identifiers under Safe Harbor, not scored): ${r.neutralSpans}`, '');
  }
  const figuresMd = md.join('\n');
  console.log(figuresMd);
  if (dry || only) return;
  const json = { generatedAt: new Date().toISOString(), command: 'npm run bench:deid', machine, results };
  fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, 'docs', 'deidentification.json'), JSON.stringify(json, null, 2) + '\n');
  const docPath = path.join(repoRoot, 'docs', 'DEIDENTIFICATION.md');
  const begin = '<!-- bench:deid begin -->';
  const end = '<!-- bench:deid end -->';
  const block = `${begin}\nMeasured with \`npm run bench:deid\` on ${machine}, ${json.generatedAt.slice(0, 10)}; throughput after ${WARM_CPU_SECONDS ? `${WARM_CPU_SECONDS} CPU-seconds of warm-up per set` : 'one warm-up pass (--cold)'}, the same notes again and again; "unseen notes": one reading of notes the process has never read (hand-test and the public set's second half, after ${UNSEEN_WARM_CPU_SECONDS} CPU-seconds over every dev set and the public set's first half) — what a service pays.\n\n${figuresMd}\n${end}`;
  const existing = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : `# De-identification\n\n${begin}\n${end}\n`;
  const updated = existing.includes(begin) ? existing.replace(new RegExp(`${begin}[\\s\\S]*${end}`), block) : `${existing}\n${block}\n`;
  fs.writeFileSync(docPath, updated);
}

if (require.main === module) main();
