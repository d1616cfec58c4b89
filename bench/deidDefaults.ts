/**
 * Round 14 (person slots): the words the name rules hid only by default (services/deidentify/byDefault.ts: no English
 * word, in no name list, no person's slot) and the name model's score for each, from a model that never saw the writer:
 * `DEID_WRITERS_EXCEPT='…held out…' nice -n 10 npx tsx bench/deidDefaults.ts [--groups K] [--words N]`.
 * The writers (bench/deidLowo.ts WRITERS, less DEID_WRITERS_EXCEPT) are dealt into K groups (default 3); each group's
 * notes are scored by a model trained on the other groups (the shipped recipe: featureSet 7, logistic, the shipped
 * lines). Prints, by the stage that hid the word, how many such words are names, other identifiers or no identifier,
 * and the curve: for each line below the model's own, the names, identifiers and over-redacted characters a word
 * scoring under it would give back (per cent of the human writers' names and non-identifier characters).
 * `--words N` prints N words of each side with their scores (only for writers whose misses may be read).
 * `--held a,b` (the honest figure): one model trained on every writer above (DEID_WRITERS_EXCEPT must leave a, b out),
 * then the whole de-identifier on the notes of a, b with it, the words hidden by default never left and left at each
 * line of `--lines` (default 0,0.5,1,1.5,2): strict and names recall, leak, over-redaction. Aggregates only.
 * `--save FILE` keeps that model, `--model FILE` reads it back (the same writers left out) instead of training again.
 */
import fs from 'node:fs';
import { spansIn } from '../services/deidentify/deidentify';
import { defaultKind, hiddenByDefault } from '../services/deidentify/byDefault';
import { defaultScores, NameScorer, observeClassifier, shippedModel, useNameModel, type NameModel } from '../services/deidentify/classifier/model';
import { DEFAULT_TRAIN, noteExamples, train, type Example } from '../services/deidentify/classifier/train';
import { useFacilityModel } from '../services/deidentify/classifier/facilityModel';
import type { Entity } from '../services/deidentify/types';
import { isIdentifierSpan, score, type Figures } from './deidMetrics';
import { deidentify } from '../services/deidentify';
import { WRITERS, writerNotes, type Note } from './deidLowo';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Judged {
  writer: string;
  stage: string;
  /** 'name' (in a PERSON span), 'other' (another identifier), 'word' (no identifier). */
  is: 'name' | 'other' | 'word';
  /** Non-identifier, non-space characters it covers (what leaving it takes off over-redaction). */
  over: number;
  /** Score minus the model's own line for its kind. */
  short: number;
  /** Whether the whole de-identifier (this model, no word left) still hides it: later steps give some back anyway. */
  final: boolean;
  /** The word before it, as a slot: a place's preposition, a determiner, the start of a sentence, any other word. */
  slot: string;
  word: string;
  context: string;
  register: string;
}

/** The rules alone on a note (no name or facility model): the spans the classifier is given, and the stage of each. */
function rulesOf(text: string): { covered: Entity[]; stage: Map<Entity, string> } | null {
  const stage = new Map<Entity, string>();
  let covered: Entity[] | null = null;
  useNameModel(null);
  useFacilityModel(null);
  observeClassifier((t, c) => {
    if (t === text) covered = [...c];
  });
  try {
    spansIn(text, {}, (st, spans) => {
      for (const e of spans) if (!stage.has(e)) stage.set(e, st);
    });
  } finally {
    observeClassifier(null);
    useNameModel(undefined);
    useFacilityModel(undefined);
  }
  return covered ? { covered, stage } : null;
}

const pct = (x: number): string => (100 * x).toFixed(2);
const line = (f: Figures): string => `${pct(f.overall.strictRecall)} / names ${pct(f.perType.PERSON?.strictRecall ?? 1)} / leak ${pct(f.overall.leakRate)} / over ${pct(f.overRedaction)} %`;

/** `--held`: the honest figure on writers the model never saw (see the file's comment). */
function held(heldOut: string[]): void {
  const t0 = Date.now();
  const notes = writerNotes();
  if (notes.some((n) => heldOut.includes(n.writer))) throw new Error('deidDefaults: DEID_WRITERS_EXCEPT must leave the held-out writers out');
  const shipped = shippedModel();
  // `--model FILE`: the model a run before trained on the same writers (`--save FILE` writes it), to compare rules only.
  const saved = arg('--model');
  let model: NameModel;
  if (saved) model = JSON.parse(fs.readFileSync(saved, 'utf8')) as NameModel;
  else {
    const data: Example[] = [];
    const own = new Map<string, number[]>();
    for (const n of notes) {
      const r = rulesOf(n.text);
      if (r) for (const e of noteExamples(n, r.covered, own, true, true, true, true)) data.push(e);
    }
    const trained = train(data, 0, { ...DEFAULT_TRAIN, learner: 'logistic', featureSet: 7 });
    model = { ...trained, threshold: shipped.threshold, wordNameMargin: shipped.wordNameMargin, kindMargins: shipped.kindMargins };
    if (arg('--save')) fs.writeFileSync(arg('--save')!, JSON.stringify(model));
  }
  console.log(`Model trained on ${notes.length} notes of ${new Set(notes.map((n) => n.writer)).size} writers (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  const lines = (arg('--lines') ?? '0,0.5,1,1.5,2').split(',').map(Number);
  const heldNotes = writerNotes(heldOut.map((w) => ({ name: w, files: [`${w}.txt`] })));
  const run = (m: NameModel | null, ns: Note[]): Figures => {
    useNameModel(m);
    try {
      return score(ns, ns.map((n) => deidentify(n.text).entities));
    } finally {
      useNameModel(undefined);
    }
  };
  const groups: Array<[string, Note[]]> = [['all', heldNotes], ...heldOut.map((w): [string, Note[]] => [w, heldNotes.filter((n) => n.writer === w)]), ...[...new Set(heldNotes.map((n) => n.register ?? 'none'))].map((r): [string, Note[]] => [`register ${r}`, heldNotes.filter((n) => (n.register ?? 'none') === r)])];
  console.log(`| notes | rules alone | model, nothing left | ${lines.map((l) => `left under line − ${l}`).join(' | ')} |`);
  console.log(`| --- | --- | --- | ${lines.map(() => '---').join(' | ')} |`);
  for (const [name, ns] of groups) {
    const cells = [run(null, ns), run({ ...model, defaultLeave: 1e9 }, ns), ...lines.map((l) => run({ ...model, defaultLeave: l }, ns))];
    console.log(`| ${name} (${ns.length}) | ${cells.map(line).join(' | ')} |`);
  }
  console.log(`(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

const PLACE_BEFORE = new Set(['in', 'at', 'to', 'from', 'on', 'near', 'of', 'into', 'outta', 'frm', '2']);
const DET = new Set(['the', 'a', 'an', 'my', 'his', 'her', 'their', 'our', 'your', 'this', 'that', 'some']);
/** The slot of a word: what stands right before it. */
function slotOf(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 40), start);
  if (/(^|[.!?;:\n]\s*)$/.test(before)) return 'start';
  const w = /([\p{L}\p{N}&']+)\W*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  return PLACE_BEFORE.has(w) ? 'place' : DET.has(w) ? 'det' : 'word';
}

function main(): void {
  if (arg('--held')) {
    held(arg('--held')!.split(','));
    return;
  }
  const k = Number(arg('--groups') ?? 3);
  const words = Number(arg('--words') ?? 0);
  const t0 = Date.now();
  const notes = writerNotes();
  const generated = new Set(WRITERS.filter((w) => w.generated).map((w) => w.name));
  const writers = [...new Set(notes.map((n) => n.writer))];
  const groupOf = new Map(writers.map((w, j) => [w, j % k]));
  const runs = new Map<Note, ReturnType<typeof rulesOf>>();
  const examples = new Map<Note, Example[]>();
  const own = new Map<string, number[]>();
  for (const n of notes) {
    const r = rulesOf(n.text);
    runs.set(n, r);
    if (r) examples.set(n, noteExamples(n, r.covered, own, true, true, true, true));
  }
  console.error(`rules and examples: ${notes.length} notes, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const shipped = shippedModel();
  const judged: Judged[] = [];
  let names = 0;
  let other = 0;
  for (let g = 0; g < k; g++) {
    const data: Example[] = [];
    for (const n of notes) if (groupOf.get(n.writer) !== g) for (const e of examples.get(n) ?? []) data.push(e);
    const trained = train(data, 0, { ...DEFAULT_TRAIN, learner: 'logistic', featureSet: 7 });
    const model: NameModel = { ...trained, threshold: shipped.threshold, wordNameMargin: shipped.wordNameMargin, kindMargins: shipped.kindMargins };
    const scorer = new NameScorer(model);
    for (const n of notes) {
      if (groupOf.get(n.writer) !== g || generated.has(n.writer)) continue;
      const ids = n.spans.filter((s) => isIdentifierSpan(s, n.text));
      names += ids.filter((s) => s.type === 'PERSON').length;
      for (let c = 0; c < n.text.length; c++) if (!/\s/.test(n.text[c]!) && !ids.some((s) => s.start <= c && c < s.end)) other++;
      const r = runs.get(n);
      if (!r) continue;
      const scored = defaultScores(scorer, n.text, r.covered);
      if (!scored.length) continue;
      useNameModel({ ...model, defaultLeave: 1e9 });
      const final = deidentify(n.text).entities;
      useNameModel(undefined);
      for (const w of scored) {
        const inIds = ids.filter((s) => s.start < w.end && w.start < s.end);
        let over = 0;
        for (let c = w.start; c < w.end; c++) if (!/\s/.test(n.text[c]!) && !inIds.some((s) => s.start <= c && c < s.end)) over++;
        const is = inIds.some((s) => s.type === 'PERSON') ? 'name' : inIds.length ? 'other' : 'word';
        judged.push({ writer: n.writer, stage: `${r.stage.get(w.span) ?? '?'} ${defaultKind(w.span) === 1 ? 'no list' : 'surname list'}`, is, over, short: w.score - w.need, final: final.some((e) => e.start <= w.start && w.end <= e.end), slot: slotOf(n.text, w.start), word: n.text.slice(w.start, w.end), context: n.text.slice(Math.max(0, w.start - 30), w.end + 30), register: n.register ?? 'none' });
      }
    }
    console.error(`group ${g + 1}/${k} scored, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const all = notes.filter((n) => !generated.has(n.writer)).map((n) => runs.get(n)?.covered.filter(hiddenByDefault).length ?? 0).reduce((a, b) => a + b, 0);
  console.log(`Human writers: ${names} names, ${other} non-identifier characters; ${all} words hidden by default, ${judged.length} of them asked and judged (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
  console.log('| stage | judged | names | other identifiers | no identifier | their over-redacted chars (% of all) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const st of [...new Set(judged.map((j) => j.stage))]) {
    const js = judged.filter((j) => j.stage === st);
    const over = js.reduce((a, j) => a + j.over, 0);
    console.log(`| ${st} | ${js.length} | ${js.filter((j) => j.is === 'name').length} | ${js.filter((j) => j.is === 'other').length} | ${js.filter((j) => j.is === 'word').length} | ${over} (${((100 * over) / other).toFixed(2)} %) |`);
  }
  console.log('\nThe curve: a word is left where its score is below the model\'s own line minus L.');
  const curve = (js: Judged[], title: string) => {
  console.log(`\n${title}\n`);
  console.log('| L | words left | names left (% of names) | other identifiers left | over-redacted chars given back (points) |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const l of [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]) {
    const left = js.filter((j) => j.short < -l);
    const over = left.reduce((a, j) => a + j.over, 0);
    const nm = left.filter((j) => j.is === 'name').length;
    console.log(`| ${l} | ${left.length} | ${nm} (${((100 * nm) / names).toFixed(2)} %) | ${left.filter((j) => j.is === 'other').length} | ${over} (${((100 * over) / other).toFixed(2)}) |`);
  }
  };
  const still = judged.filter((j) => j.final && j.is === 'word').reduce((a, j) => a + j.over, 0);
  console.log(`\nThe ceiling: the judged words that are no identifier and that the whole de-identifier still hides: ${still} characters (${((100 * still) / other).toFixed(2)} points).`);
  curve(judged, 'Every word judged');
  curve(judged.filter((j) => j.final), 'Only the words the whole de-identifier still hides (no word left)');
  for (const sl of ['start', 'place', 'det', 'word']) curve(judged.filter((j) => j.final && j.slot === sl), `Still hidden, slot ${sl}`);
  console.log('\nBy register (names left / words left at L = 0, 1, 2):');
  for (const reg of [...new Set(judged.map((j) => j.register))]) {
    const js = judged.filter((j) => j.register === reg);
    console.log(`${reg}: ${[0, 1, 2].map((l) => `${js.filter((j) => j.short < -l && j.is === 'name').length}/${js.filter((j) => j.short < -l).length}`).join(', ')} of ${js.length}`);
  }
  // `--dump FILE`: every judged word as a tab-separated row, for a slice the tables above do not make.
  if (arg('--dump')) fs.writeFileSync(arg('--dump')!, judged.map((j) => [j.writer, j.stage, j.is, j.over, j.short.toFixed(3), j.final ? 1 : 0, j.slot, j.register, JSON.stringify(j.word), JSON.stringify(j.context)].join('\t')).join('\n') + '\n');
  if (words) {
    for (const is of ['name', 'word', 'other'] as const) {
      for (const j of judged.filter((x) => x.is === is && x.final).sort((a, b) => a.short - b.short).slice(0, words)) console.log(`${is}\t${j.short.toFixed(2)}\t${j.slot}\t${j.stage}\t${j.writer}\t${JSON.stringify(j.word)}\t${JSON.stringify(j.context)}`);
    }
  }
}

if (require.main === module) main();
