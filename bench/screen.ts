/**
 * `npm run bench:screen`: the risk screen on its labelled sets (bench/data/screen-dev.jsonl, screen-test.jsonl),
 * each sentence de-identified first, as the bot does. Reports recall per kind and overall, the false-positive
 * rate on hard negatives, each layer's contribution and sentences per second, and writes the figures section
 * of docs/SAFETY.md (between its bench:screen markers). `--dry` prints without writing.
 *
 * The classifier is trained on the development set, so its development figures are cross-validated (5 folds,
 * each fold screened by a model trained without it); the test set is never trained or tuned on.
 * The worker's own strand (`reflect me`, bench/data/screen-you-*.jsonl) is screened twice: as the other strands
 * screen text, and with its own rules (`{ self: true }`), which is what the bot does there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { content, RISK_CATEGORIES, type RiskCategory } from '../services/content';
import { riskCategories, screenRisk, type ScreenLayers } from '../services/safety/screen';
import { screenTurn } from '../services/safety/turn';
import { shippedModel, type RiskModel } from '../services/safety/screen/classifier';
import { folds, train } from '../services/safety/screen/train';
import { readSet, readTrain, SCREEN_SETS, screenLabelled, type Labelled } from './screenData';
import { loboBatches, type LoboRow, loboRows, loboTable } from './screenLobo';
import { hiddenWordsSection } from './riskWordsHidden';

const repoRoot = path.join(__dirname, '..');

interface Scores {
  recall: Record<RiskCategory, number>;
  counts: Record<RiskCategory, number>;
  /** Risk sentences flagged as risk at all (any kind). */
  overall: number;
  /** Risk sentences flagged with at least one of their own kinds. */
  rightKind: number;
  fpRate: number;
  risk: number;
  negatives: number;
  missed: string[];
  falseAlarms: string[];
}

function score(set: Labelled[], predict: (ex: Labelled) => RiskCategory[]): Scores {
  const hit = Object.fromEntries(RISK_CATEGORIES.map((k) => [k, 0])) as Record<RiskCategory, number>;
  const counts = { ...hit };
  let flagged = 0;
  let right = 0;
  let fp = 0;
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  for (const ex of set) {
    const got = predict(ex);
    if (ex.kinds.length === 0) {
      if (got.length) {
        fp++;
        falseAlarms.push(ex.id);
      }
      continue;
    }
    if (got.length) flagged++;
    else missed.push(ex.id);
    if (ex.kinds.some((k) => got.includes(k))) right++;
    for (const k of ex.kinds) {
      counts[k]++;
      if (got.includes(k)) hit[k]++;
    }
  }
  const risk = set.filter((e) => e.kinds.length).length;
  const negatives = set.length - risk;
  return {
    recall: Object.fromEntries(RISK_CATEGORIES.map((k) => [k, counts[k] ? hit[k] / counts[k] : 0])) as Record<RiskCategory, number>,
    counts,
    overall: flagged / risk,
    rightKind: right / risk,
    fpRate: fp / negatives,
    risk,
    negatives,
    missed,
    falseAlarms,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** Layer configurations, each adding one layer to the one before. */
const LAYERS: { name: string; layers: ScreenLayers }[] = [
  { name: 'patterns only (no normalisation, no context rules)', layers: { normalise: false, context: false, classifier: false } },
  { name: '+ normalisation', layers: { context: false, classifier: false } },
  { name: '+ context rules (negation, past, harm reduction, accidents)', layers: { classifier: false } },
  { name: '+ classifier = the shipped screen', layers: {} },
];

function main(): void {
  const dry = process.argv.includes('--dry');
  const c = content();
  const lobo = loboSection(c);
  if (process.argv.includes('--lobo-only')) {
    console.log(lobo.join('\n'));
    return;
  }
  const model = shippedModel();
  // screen-fresh*.jsonl are the lead's blind sets: never read here (the lead scores them).
  const sets = { dev: readSet(SCREEN_SETS.dev), test: readSet(SCREEN_SETS.test) };
  const extra = readTrain();

  // Development figures for the classifier are cross-validated: each fold screened by a model trained without it.
  const devModel = new Map<string, RiskModel>();
  for (const { train: part, held } of folds([...sets.dev, ...extra], 5)) {
    const m = { ...train(part), thresholds: model.thresholds };
    for (const ex of held) devModel.set(ex.id, m);
  }
  const predictor = (set: 'dev' | 'test', layers: ScreenLayers) => (ex: Labelled) => {
    const l = layers.classifier === false ? layers : { ...layers, classifier: set === 'dev' ? devModel.get(ex.id)! : model };
    return riskCategories(screenLabelled(ex, c, l));
  };

  const rows: { name: string; dev: Scores; test: Scores }[] = [];
  for (const { name, layers } of LAYERS) {
    rows.push({ name, dev: score(sets.dev, predictor('dev', layers)), test: score(sets.test, predictor('test', layers)) });
  }
  // The classifier on its own, at an even 0.5 threshold per kind (its shipped thresholds only count what it adds).
  const even = (m: RiskModel): RiskModel => ({ ...m, thresholds: Object.fromEntries(RISK_CATEGORIES.map((k) => [k, 0.5])) as RiskModel['thresholds'] });
  const classifierAlone = {
    name: 'classifier alone (normalised, threshold 0.5; for comparison)',
    dev: score(sets.dev, (ex) => {
      const m = devModel.get(ex.id)!;
      return riskCategories(screenLabelled(ex, { ...c, riskTerms: c.riskTerms.map((t) => ({ ...t, patterns: [] })) }, { classifier: even(m) }));
    }),
    test: score(sets.test, (ex) => riskCategories(screenLabelled(ex, { ...c, riskTerms: c.riskTerms.map((t) => ({ ...t, patterns: [] })) }, { classifier: even(model) }))),
  };
  const full = rows[rows.length - 1];

  // Speed: the whole path the CLI takes (de-identify, then screen) and the screen alone, one core.
  const texts = [...sets.dev, ...sets.test].map((e) => e.text);
  const screened = [...sets.dev, ...sets.test].map((e) => e.screened);
  const rate = (fn: (t: string, i: number) => unknown, list: string[]): number => {
    for (let i = 0; i < 200; i++) fn(list[i % list.length], i);
    const t0 = process.hrtime.bigint();
    let n = 0;
    while (Number(process.hrtime.bigint() - t0) < 2e9) for (const [i, t] of list.entries()) {
      fn(t, i);
      n++;
    }
    return n / (Number(process.hrtime.bigint() - t0) / 1e9);
  };
  const screenRate = rate((t) => screenRisk(t, c), screened);
  const pipelineRate = rate((t) => screenTurn({ raw: t }, c), texts);

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`;
  const md: string[] = [];
  const setLine = (s: 'dev' | 'test') =>
    `${{ dev: 'development', test: 'test' }[s]} set: ${sets[s].length} sentences, ${full[s].risk} risk (` +
    RISK_CATEGORIES.map((k) => `${k} ${full[s].counts[k]}`).join(', ') +
    `), ${full[s].negatives} hard negatives`;
  md.push('### The shipped screen', '');
  md.push(`- ${setLine('dev')} (classifier figures cross-validated, 5 folds)`);
  md.push(`- ${setLine('test')} (never trained or tuned on)`);
  md.push('- the fresh sets (`screen-fresh*.jsonl`) are the lead\'s blind measures: not read here; the lead scores them');
  md.push(`- the classifier also trains on ${extra.length} sentences of bench/data/screen-train*.jsonl (in the folds, never scored here)`, '');
  md.push('| | development | test | target (test) |', '|---|---:|---:|---:|');
  md.push(`| recall, any risk flagged | ${pct(full.dev.overall)} | ${pct(full.test.overall)} | ≥ 90 % |`);
  md.push(`| recall, flagged with its own kind | ${pct(full.dev.rightKind)} | ${pct(full.test.rightKind)} | |`);
  for (const k of RISK_CATEGORIES) {
    const target = k === 'suicide' || k === 'overdose' ? '≥ 95 %' : '';
    md.push(`| recall, ${k} | ${pct(full.dev.recall[k])} | ${pct(full.test.recall[k])} | ${target} |`);
  }
  md.push(`| false positives on hard negatives | ${pct(full.dev.fpRate)} | ${pct(full.test.fpRate)} | ≤ 10 % |`, '');
  md.push('### What each layer adds', '', 'Recall (any risk flagged) / false-positive rate on hard negatives; each row adds one layer to the row above.', '');
  md.push('| layers | dev recall | dev FP | test recall | test FP |', '|---|---:|---:|---:|---:|');
  for (const r of [...rows, classifierAlone]) {
    md.push(`| ${r.name} | ${pct(r.dev.overall)} | ${pct(r.dev.fpRate)} | ${pct(r.test.overall)} | ${pct(r.test.fpRate)} |`);
  }
  md.push('', 'Per kind, test set:', '', `| layers | ${RISK_CATEGORIES.join(' | ')} |`, `|---|${RISK_CATEGORIES.map(() => '---:').join('|')}|`);
  for (const r of [...rows, classifierAlone]) md.push(`| ${r.name} | ${RISK_CATEGORIES.map((k) => pct(r.test.recall[k])).join(' | ')} |`);
  md.push('', ...ownStrandSection(c, model));
  md.push('', ...hiddenWordsSection());
  md.push('', '### Speed (one core, shared machine)', '');
  md.push(`- screen alone (normalise, patterns, classifier): ${Math.round(screenRate).toLocaleString('en')} sentences/s`);
  md.push(`- de-identify, then screen as typed and de-identified (what the CLI and the bot do per answer): ${Math.round(pipelineRate).toLocaleString('en')} sentences/s`, '');
  const safetyDoc = path.join(repoRoot, 'docs', 'SAFETY.md');
  const loboMd = lobo.length ? lobo : loboFromDoc(fs.existsSync(safetyDoc) ? fs.readFileSync(safetyDoc, 'utf8') : '');
  if (loboMd.length) md.push(...loboMd, '');
  md.push('### Still missed on the test set', '');
  md.push(`- risk sentences not flagged: ${full.test.missed.join(', ') || 'none'}`);
  md.push(`- hard negatives flagged: ${full.test.falseAlarms.join(', ') || 'none'}`);
  md.push(`- classifier thresholds (chosen leave one batch out by scripts/train-screen.ts): ${RISK_CATEGORIES.map((k) => `${k} ${model.thresholds[k]}`).join(', ')}`);
  const figuresMd = md.join('\n');
  console.log(figuresMd);
  if (dry) return;

  const json = { generatedAt: new Date().toISOString(), command: 'npm run bench:screen', machine, rows: [...rows, classifierAlone], screenRate, pipelineRate, thresholds: model.thresholds };
  fs.writeFileSync(path.join(repoRoot, 'docs', 'safety-screen.json'), JSON.stringify(json, null, 2) + '\n');
  const docPath = path.join(repoRoot, 'docs', 'SAFETY.md');
  const begin = '<!-- bench:screen begin -->';
  const end = '<!-- bench:screen end -->';
  const block = `${begin}\nMeasured with \`npm run bench:screen\` on ${machine}, ${json.generatedAt.slice(0, 10)}.\n\n${figuresMd}\n${end}`;
  const existing = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : `# Safety\n\n${begin}\n${end}\n`;
  const updated = existing.includes(begin) ? existing.replace(new RegExp(`${begin}[\\s\\S]*${end}`), block) : `${existing}\n${block}\n`;
  fs.writeFileSync(docPath, updated);
}

/** The leave-one-batch-out section as docs/SAFETY.md has it: a run without `--lobo` keeps it rather than deleting it. */
export function loboFromDoc(doc: string): string[] {
  const found = /\n(### Leave one batch out[\s\S]*?)\n+(?=### |<!-- bench:screen end -->)/.exec(doc);
  return found ? found[1]!.split('\n') : [];
}

/**
 * `--lobo` (or `--lobo-only`, which prints just this): leave-one-batch-out (./screenLobo), per batch and in total.
 * `--ids` also lists each batch's misses and false alarms (ids only) for the whole screen.
 */
function loboSection(c: ReturnType<typeof content>): string[] {
  if (!process.argv.includes('--lobo') && !process.argv.includes('--lobo-only')) return [];
  return loboMarkdown(loboRows(loboBatches(), (ex, m) => riskCategories(screenLabelled(ex, c, { classifier: m }))));
}

/** The section's markdown for rows already made (scripts/train-screen.ts --lobo makes them from its own models). */
export function loboMarkdown(rows: readonly LoboRow[]): string[] {
  const md = ['### Leave one batch out (`npm run bench:screen -- --lobo`)', ''];
  md.push('Each development batch (and the ordinary notes, as one more) screened by a classifier trained on every other batch, its');
  md.push("thresholds chosen on the other batches' out-of-batch hard negatives and everyday sentences: how the classifier meets a voice it has");
  md.push('never read. The patterns were written with every batch in view, so the columns with patterns are optimistic. The everyday');
  md.push('notes (bench/data/train-*.txt, two halves by writer) hold no note the patterns flag, so their patterns column is 0 by construction.', '');
  md.push(...loboTable(rows));
  if (process.argv.includes('--ids')) for (const r of rows) md.push(`- ${r.name}: missed ${r.missed.join(' ') || 'none'}; false alarms ${r.falseAlarms.join(' ') || 'none'}`);
  return md;
}

/** The worker's own strand: its sets screened as the other strands do, and with its own rules (what the bot does). */
function ownStrandSection(c: ReturnType<typeof content>, model: RiskModel): string[] {
  const sets = { dev: readSet(SCREEN_SETS.youDev), test: readSet(SCREEN_SETS.youTest) };
  const run = (self: boolean) => (ex: Labelled) => riskCategories(screenLabelled(ex, c, { classifier: model }, { self }));
  const as = { dev: score(sets.dev, run(false)), test: score(sets.test, run(false)) };
  const own = { dev: score(sets.dev, run(true)), test: score(sets.test, run(true)) };
  const size = (s: Labelled[]) => `${s.length} (${s.filter((e) => e.kinds.length).length} risk, ${s.filter((e) => !e.kinds.length).length} hard negatives)`;
  const md = ["### The worker's own strand (`reflect me`)", ''];
  md.push(`bench/data/screen-you-dev.jsonl ${size(sets.dev)} and screen-you-test.jsonl ${size(sets.test)}: the PSW's own past use, past suicidal`);
  md.push("feelings now resolved, grief after a client's death, a client's story that stays, meetings (hard negatives); the PSW's own risk");
  md.push('now (labelled psw_distress) and a client risk told there. The own-strand rules were written against the development set only.', '');
  md.push('| | dev, as other strands | dev, own-strand rules | test, as other strands | test, own-strand rules |', '|---|---:|---:|---:|---:|');
  md.push(`| recall, any risk flagged | ${pct(as.dev.overall)} | ${pct(own.dev.overall)} | ${pct(as.test.overall)} | ${pct(own.test.overall)} |`);
  md.push(`| recall, flagged with its own kind (the worker's own risk as psw_distress) | ${pct(as.dev.rightKind)} | ${pct(own.dev.rightKind)} | ${pct(as.test.rightKind)} | ${pct(own.test.rightKind)} |`);
  md.push(`| false positives on hard negatives | ${pct(as.dev.fpRate)} | ${pct(own.dev.fpRate)} | ${pct(as.test.fpRate)} | ${pct(own.test.fpRate)} |`, '');
  const wrongKind = sets.test.filter((ex) => ex.kinds.length && !own.test.missed.includes(ex.id) && !ex.kinds.some((k) => run(true)(ex).includes(k))).map((e) => e.id);
  md.push(`Still missed on its test set (own-strand rules): not flagged ${own.test.missed.join(', ') || 'none'}; flagged with another kind ${wrongKind.join(', ') || 'none'}; hard negatives flagged ${own.test.falseAlarms.join(', ') || 'none'}.`);
  return md;
}

if (require.main === module) main();
