/**
 * De-identification benchmark: `npm run bench:deid`.
 * Scores services/deidentify on the public presidio-synth-v2 set and on bench/data/psw-dev.jsonl,
 * measures single-core throughput, and writes docs/DEIDENTIFICATION.md and docs/deidentification.json.
 * DEID_BENCH_DATA overrides the presidio file's path; `--misses N` prints N missed spans per set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { isIdentifierSpan, score, type Figures, type LabelledRecord } from './deidMetrics';

const repoRoot = path.resolve(__dirname, '..');
export const sets: Array<{ name: string; file: string }> = [
  { name: 'presidio-synth-v2', file: process.env.DEID_BENCH_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data', 'presidio-synth-v2.jsonl') },
  { name: 'psw-dev', file: path.resolve(repoRoot, 'bench', 'data', 'psw-dev.jsonl') },
];

export function load(file: string): LabelledRecord[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRecord);
}

/** Single-core MB/s over the records (at least 3 passes and 2 s). */
export function throughput(records: LabelledRecord[]): number {
  const bytes = records.reduce((n, r) => n + Buffer.byteLength(r.text, 'utf8'), 0);
  for (const r of records.slice(0, 50)) deidentify(r.text); // warm up dictionaries and JIT
  let total = 0;
  let passes = 0;
  const t0 = process.hrtime.bigint();
  while (passes < 3 || Number(process.hrtime.bigint() - t0) < 2e9) {
    for (const r of records) deidentify(r.text);
    total += bytes;
    passes++;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return total / 1e6 / seconds;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

function table(f: Figures): string {
  const rows = Object.entries(f.perType).sort((a, b) => b[1].spans - a[1].spans);
  const lines = ['| type | spans | strict recall | leak rate |', '| --- | ---: | ---: | ---: |'];
  for (const [type, t] of rows) lines.push(`| ${type} | ${t.spans} | ${pct(t.strictRecall)} | ${pct(t.leakRate)} |`);
  lines.push(`| **all identifiers** | **${f.overall.spans}** | **${pct(f.overall.strictRecall)}** | **${pct(f.overall.leakRate)}** |`);
  return lines.join('\n');
}

function main(): void {
  const missesArg = process.argv.indexOf('--misses');
  const showMisses = missesArg >= 0 ? Number(process.argv[missesArg + 1] ?? 20) : 0;
  const results: Record<string, Figures & { throughputMBps: number; file: string }> = {};
  for (const set of sets) {
    if (!fs.existsSync(set.file)) {
      process.stderr.write(`skipping ${set.name}: ${set.file} not found\n`);
      continue;
    }
    const records = load(set.file);
    const predictions = records.map((r) => deidentify(r.text).entities);
    const figures = score(records, predictions);
    results[set.name] = { ...figures, throughputMBps: throughput(records), file: path.relative(repoRoot, set.file) };
    if (showMisses) {
      let shown = 0;
      records.forEach((r, i) => {
        for (const s of r.spans) {
          if (shown >= showMisses || !isIdentifierSpan(s, r.text)) continue;
          const covered = predictions[i]!.some((p) => p.start <= s.start && p.end >= s.end);
          if (!covered) {
            shown++;
            console.log(`MISS ${set.name} ${s.type} ${JSON.stringify(r.text.slice(s.start, s.end))} in ${JSON.stringify(r.text.slice(Math.max(0, s.start - 40), s.end + 30))}`);
          }
        }
      });
    }
  }
  // Throughput is only as good as the machine is idle: the load average says how shared the cores were.
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`;
  const json = { generatedAt: new Date().toISOString(), command: 'npm run bench:deid', machine, results };
  fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, 'docs', 'deidentification.json'), JSON.stringify(json, null, 2) + '\n');

  const md: string[] = [];
  for (const [name, r] of Object.entries(results)) {
    md.push(`### ${name} (${r.records} records, \`${r.file}\`)`, '', table(r), '');
    md.push(`- over-redaction (non-identifier characters replaced): ${pct(r.overRedaction)} (${r.overRedactedChars} of ${r.otherChars})`);
    md.push(`- records fully clean (no identifier character left): ${pct(r.recordsFullyCleanRate)} (${r.recordsFullyClean} of ${r.records})`);
    md.push(`- neutral spans (not identifiers under Safe Harbor, not scored): ${r.neutralSpans}`);
    md.push(`- throughput, one core: ${r.throughputMBps.toFixed(2)} MB/s`, '');
  }
  const figuresMd = md.join('\n');
  const docPath = path.join(repoRoot, 'docs', 'DEIDENTIFICATION.md');
  const begin = '<!-- bench:deid begin -->';
  const end = '<!-- bench:deid end -->';
  const block = `${begin}\nMeasured with \`npm run bench:deid\` on ${machine}, ${json.generatedAt.slice(0, 10)}.\n\n${figuresMd}\n${end}`;
  const existing = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : `# De-identification\n\n${begin}\n${end}\n`;
  const updated = existing.includes(begin) ? existing.replace(new RegExp(`${begin}[\\s\\S]*${end}`), block) : `${existing}\n${block}\n`;
  fs.writeFileSync(docPath, updated);
  console.log(figuresMd);
}

if (require.main === module) main();
