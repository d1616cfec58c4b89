/**
 * Words that stay (rounds 7-13): over-redaction and recall per writer file, with the over-redacted characters split by the
 * type the de-identifier gave them (NAME, FACILITY, …). `npx tsx bench/deidKeep.ts [--sets a,b] [--words N] [--json F]`.
 * Tune writers (round 13: train-a … bb and the -dev files) may print their over-redacted words (`--words N`);
 * held-out writers (round 13: train-bc … bi, never read by this round's words-that-stay work), untouched writers
 * (round 13: train-bj, bk) and -test sets print figures only, never a word. A writer file not yet written is skipped.
 * Never reads a blind set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { isIdentifierSpan, score } from './deidMetrics';
import { isBlindSet } from './blindSets';
import { load } from './deid';
import { arg } from './args';
import { UNTOUCHED } from './writers';

const dataDir = path.resolve(__dirname, 'data');
const OLDER_TRAIN = [...'abcdefghijklmnopqrstuvwxyz'.split(''), ...'abcdefghijklmnopqrs'.split('').map((c) => `a${c}`)].map((c) => `train-${c}`);
export const TUNE_NEW = ['train-at', 'train-au', 'train-av', 'train-aw', 'train-ax', 'train-ay', 'train-az', 'train-ba', 'train-bb'];
export const TUNE = [...TUNE_NEW, ...OLDER_TRAIN, 'keep-dev', 'keep-own-dev', 'hand-dev', 'sms-dev', 'names-dev', 'names-dev2', 'names-dev3', 'cats-dev', 'cats-dev3'];
/** Written in rounds 10-12, read by no words-that-stay change since: figures only, the measure of transfer. */
export const HELD_OUT = ['train-bc', 'train-bd', 'train-be', 'train-bf', 'train-bg', 'train-bh', 'train-bi'];
/**
 * Round 13's untouched writers (train-bj, bk; read by the models since): kept as their own group, in the default sets,
 * so this script's figures compare with round 13's. The writers untouched today are bench/writers.ts's (`--sets` them:
 * the `untouched` group, figures only).
 */
export const UNTOUCHED13 = ['train-bj', 'train-bk'];
export const TEST = ['keep-test', 'hand-test', 'sms-test', 'names-test3', 'cats-test3', 'messy-test'];

function fileOf(set: string): string {
  const f = path.join(dataDir, fs.existsSync(path.join(dataDir, `${set}.txt`)) ? `${set}.txt` : `${set}.jsonl`);
  if (isBlindSet(f)) throw new Error(`deidKeep: ${set} is a blind set`);
  return f;
}

interface Row { set: string; records: number; recall: number; leak: number; over: number; overChars: number; otherChars: number; byType: Record<string, number>; namesRecall: number }

function run(set: string, words: number): Row {
  const records = load(fileOf(set));
  const preds = records.map((r) => deidentify(r.text).entities);
  const f = score(records, preds);
  const byType: Record<string, number> = {};
  const seen: string[] = [];
  records.forEach((r, i) => {
    const role = new Uint8Array(r.text.length);
    for (const s of r.spans) for (let k = s.start; k < s.end; k++) role[k] = isIdentifierSpan(s, r.text) ? 1 : Math.max(role[k]!, 2);
    for (const p of preds[i]!) {
      let n = 0;
      for (let k = p.start; k < p.end; k++) if (role[k] === 0 && !/\s/.test(r.text[k]!)) n++;
      if (!n) continue;
      byType[p.type] = (byType[p.type] ?? 0) + n;
      if (words && TUNE.includes(set)) seen.push(`${p.type}\t${JSON.stringify(r.text.slice(p.start, p.end))}\t${JSON.stringify(r.text.slice(Math.max(0, p.start - 35), p.end + 35))}`);
    }
  });
  if (seen.length) console.log(seen.slice(0, words).map((l) => `OVER ${set}\t${l}`).join('\n'));
  return { set, records: f.records, recall: f.overall.strictRecall, leak: f.overall.leakRate, over: f.overRedaction, overChars: f.overRedactedChars, otherChars: f.otherChars, byType, namesRecall: f.perType.PERSON?.strictRecall ?? 1 };
}

function main(): void {
  const exists = (s: string): boolean => ['txt', 'jsonl'].some((e) => fs.existsSync(path.join(dataDir, `${s}.${e}`)));
  const sets = (arg('--sets')?.split(',') ?? [...TUNE, ...HELD_OUT, ...UNTOUCHED13, ...TEST]).filter(exists);
  const words = Number(arg('--words') ?? 0);
  const rows = sets.map((s) => run(s, words));
  const pct = (x: number): string => (x * 100).toFixed(2);
  const types = [...new Set(rows.flatMap((r) => Object.keys(r.byType)))].sort();
  console.log(['set', 'recs', 'recall', 'names', 'leak', 'over%', 'overCh', ...types].join('\t'));
  const group = (name: string, members: string[]): void => {
    const g = rows.filter((r) => members.includes(r.set));
    if (!g.length) return;
    const oc = g.reduce((n, r) => n + r.overChars, 0);
    const ot = g.reduce((n, r) => n + r.otherChars, 0);
    console.log([`[${name}]`, g.reduce((n, r) => n + r.records, 0), '', '', '', pct(oc / ot), oc, ...types.map((t) => g.reduce((n, r) => n + (r.byType[t] ?? 0), 0))].join('\t'));
  };
  for (const r of rows) console.log([r.set, r.records, pct(r.recall), pct(r.namesRecall), pct(r.leak), pct(r.over), r.overChars, ...types.map((t) => r.byType[t] ?? 0)].join('\t'));
  group('tune new at … bb', TUNE_NEW);
  group('tune older train a-as', OLDER_TRAIN);
  group('tune older dev', TUNE.filter((s) => !s.startsWith('train')));
  group('held out bc … bi', HELD_OUT);
  group('untouched bj/bk (round 13)', UNTOUCHED13);
  group('untouched (bench/writers.ts)', [...UNTOUCHED]);
  group('test', TEST);
  const out = arg('--json');
  if (out) fs.writeFileSync(out, JSON.stringify(rows, null, 1));
}

if (require.main === module) main();
