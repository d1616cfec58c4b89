/**
 * Round 16 (issue 13, giving back): is there a line for giving back words hidden as a NAME with no person cue before
 * them? `npx tsx bench/deidGiveBack.ts [--groups K]`. Untouched writers: leave them out with DEID_WRITERS_EXCEPT.
 *
 * The mirror of nameHalves.ts's slot. On the lead's blind sets 1,176 of 2,247 words hidden over no identifier were
 * NAME spans with no identifier in them, mostly lower-case words no list knows, hidden by default. The slot: a word of
 * the final output hidden whole as a NAME, not after a person cue or relation (messy.ts PERSON_BEFORE, RELATIONS).
 * Label: the word overlaps a labelled identifier (a name, or any other identifier a NAME span happened to hide — giving
 * it back would show it). Printed, counts only (no word): slot words by the stage that first hid them (deidentify.ts
 * spansIn's trace), and the cross-fitted curve of a small logistic model of the slot (features.ts bucket(), train.ts
 * train(), as nameHalves.ts): writers dealt into K groups (writer j to group j mod K), each group scored by a model
 * trained on the others; words given back lowest score first, ordinary words given back for 0, 1, 2, 5, 10 identifier
 * words exposed.
 *
 * What the slot reads: the stage that hid it; the word's lists (each list code), case and the note's case habit
 * (capitals at sentence openings); whether it opens a sentence; the word before and after (its form when a function
 * or common word, else its lists' class and case; a verb that takes a person after; a stop, a comma, the end, a hidden
 * word); the NAME span's length in words and the word's place in it; whether the word recurs in the note, hidden or
 * visible. Round 19: also the note's hidden share (hiddenShare()) and the name model's margin band, cross-fitted
 * (crossScorers(): a development writer's words scored by a name model trained without its group, a line or held
 * writer's by the shipped model, which never trained on them); a word hidden elsewhere in the same note is left out of
 * the slot (a give-back step would never show it). `--no-hid`, `--no-m`, `--all-again`: without each.
 * Round 19's command (line on W3's rule-free train-bu; untouched train-bs and the held writers as counts):
 * DEID_WRITERS_EXCEPT=train-bm npx tsx bench/deidGiveBack.ts --line-writers train-bu --held 'train-bs|train-bl|train-bn|train-bc|…|train-bk'
 * Round 20: `--kinds` adds the generated writers' own notes (messy, psw) and the public set's first half (DEID_BENCH_DATA),
 * each a cross-fitting group of its own, and prints carriedLine() — the line that shows no identifier in any group
 * unless N words of that group came back for each; `--gate` leaves out by rule what gatedOut() names. Round 20's command:
 * DEID_BENCH_DATA=… npx tsx bench/deidGiveBack.ts --kinds [--gate] [--no-m] --held 'train-bl|train-bm|train-bn|train-bs|train-bu'
 */
import { traced } from './deidOverStages';
import { detectionView } from '../services/deidentify/evasion';
import { boundary, bucket, lists, tokenize, type Token } from '../services/deidentify/classifier/features';
import { train, type Example } from '../services/deidentify/classifier/train';
import { hiddenTypes, marginAt, marginBand } from '../services/deidentify/nameHalves';
import { NameScorer, scoredWords, shippedModel, type NameModel } from '../services/deidentify/classifier/model';
import { PERSON_AFTER, PERSON_BEFORE, RELATIONS, SUBJECT_VERBS } from '../services/deidentify/messy';
import type { Entity } from '../services/deidentify/types';
import { isIdentifierSpan } from './deidMetrics';
import { prepare, WRITERS, writerNotes, type Note } from './deidLowo';
import { linesOf, shippedPoint } from './deidHalves';
import { SHIPPED } from './trainDeid';
import { arg } from './args';
import { PUBLIC_SET, publicHalves } from './deid';

/** One word of the slot: its note, stage, characters, features and label. */
export interface GiveWord {
  note: Note;
  start: number;
  stage: string;
  chars: number;
  features: number[];
  identifier: boolean;
}

const caseOf = (raw: string): string => (raw.length <= 2 ? 'short' : /^\p{Lu}+$/u.test(raw) ? 'UP' : /^\p{Lu}/u.test(raw) ? 'Cap' : /\p{Lu}/u.test(raw) ? 'mixed' : 'lower');
/** A neighbour's own form is read only when it is a function, title, relation, keep or common word. */
const formOk = (l: string): boolean => /[STRKC]/.test(l);

/** The note's case habit: how many of its sentence openings are capitalised. */
function habitOf(text: string, toks: readonly Token[]): string {
  let open = 0;
  let cap = 0;
  toks.forEach((t, i) => {
    if (!t.word || boundary(text, toks, i) !== 'S') return;
    open++;
    if (/^\p{Lu}/u.test(t.raw)) cap++;
  });
  return open === 0 ? 'none' : cap === 0 ? 'lower' : cap === open ? 'caps' : cap * 2 >= open ? 'mostly' : 'few';
}

/** What stands next to token i on side `dir`. */
function neighbour(text: string, toks: readonly Token[], i: number, dir: -1 | 1, types: readonly string[]): string {
  const u = toks[i + dir];
  const t = toks[i]!;
  if (!u) return 'end';
  const gap = dir > 0 ? text.slice(t.end, u.start) : text.slice(u.end, t.start);
  if (/[.!?\n]/.test(gap)) return 'stop';
  if (/[,;:()]/.test(gap)) return 'comma';
  if (types[i + dir]) return `hidden-${types[i + dir]}`;
  if (!u.word) return 'num';
  if (dir > 0 && (SUBJECT_VERBS.has(u.lower) || PERSON_AFTER.has(u.lower))) return 'verb';
  const l = lists(u.lower);
  if (formOk(l)) return `w:${u.lower}`;
  return `${l.replace(/[^EFNIU]/g, '') || 'none'}-${caseOf(u.raw)}`;
}

/** A person cue or relation right before token i (the slot of names.ts's cued names, not this one). */
function cued(toks: readonly Token[], i: number): boolean {
  const p = toks[i - 1];
  return !!p && (PERSON_BEFORE.has(p.lower) || RELATIONS.has(p.lower));
}

/**
 * Round 19: the note's own over-redaction habit, as a band of the share of its words hidden. Round 16's line did not
 * carry between writer groups: how much of a writer's text is hidden over nothing depends on how far the rules were
 * tuned on that writer, and a note that hides a third of its words hides words by default.
 */
export function hiddenShare(toks: readonly Token[], types: readonly string[]): string {
  let words = 0;
  let hidden = 0;
  toks.forEach((t, i) => {
    if (!t.word) return;
    words++;
    if (types[i]) hidden++;
  });
  const r = words ? hidden / words : 0;
  return r < 0.04 ? 'h0' : r < 0.08 ? 'h4' : r < 0.12 ? 'h8' : r < 0.18 ? 'h12' : r < 0.25 ? 'h18' : 'h25';
}

/** What a note gives every slot word in it: its case habit, its hidden share and the name model's band of each word. */
export interface NoteReading {
  habit: string;
  hid: string;
  /** The name model's margin band at a word's start ('na': not asked); none when the model is not read. */
  band?: (start: number) => string;
}

/** The slot's features for token i, as hashed buckets (each once). */
export function giveFeatures(text: string, toks: readonly Token[], i: number, types: readonly string[], stage: string, span: Entity, note: NoteReading): number[] {
  const { habit, hid } = note;
  const t = toks[i]!;
  const l = lists(t.lower);
  const wc = caseOf(t.raw);
  let inSpan = 0;
  let pos = 0;
  for (const u of toks) {
    if (u.start >= span.start && u.end <= span.end && u.word) {
      if (u.start < t.start) pos++;
      inSpan++;
    }
  }
  const len = inSpan >= 3 ? '3+' : String(inSpan);
  const place = inSpan === 1 ? 'alone' : pos === 0 ? 'first' : pos === inSpan - 1 ? 'last' : 'mid';
  const lower = t.lower.replace(/['’]s$/, '');
  let again = 'none';
  for (let j = 0; j < toks.length; j++) {
    if (j === i || toks[j]!.lower.replace(/['’]s$/, '') !== lower) continue;
    again = types[j] ? 'hidden' : again === 'none' ? 'visible' : again;
  }
  const prev = neighbour(text, toks, i, -1, types);
  const next = neighbour(text, toks, i, 1, types);
  const opens = boundary(text, toks, i);
  const f: Array<[string, string]> = [
    ['bias', ''],
    ['stage', stage],
    ['lists', l],
    ['wc', wc],
    ['wc+habit', `${wc}|${habit}`],
    ['opens', opens],
    ['opens+wc', `${opens}|${wc}`],
    ['prev', prev],
    ['next', next],
    ['prev+next', `${prev}|${next}`],
    ['len', `${len}|${place}`],
    ['again', again],
    ['stage+wc', `${stage}|${wc}`],
    ['stage+prev', `${stage}|${prev}`],
    ['stage+lists', `${stage}|${l}`],
    ['lists+wc', `${l}|${wc}`],
    ['lenband', String(Math.min(t.raw.length, 9))],
  ];
  if (FEATURES.hid) f.push(['hid', hid], ['hid+wc', `${hid}|${wc}`], ['hid+stage', `${hid}|${stage}`]);
  if (FEATURES.m && note.band) {
    const m = note.band(t.start);
    f.push(['m', m], ['m+stage', `${m}|${stage}`], ['m+wc', `${m}|${wc}`]);
  }
  for (const c of l) f.push(['list', c]);
  if (formOk(l)) f.push(['w', lower]);
  return [...new Set(f.map(([k, v]) => bucket(`give:${k}`, v)))];
}

/**
 * What the slot reads and which words it holds (round 19): `hid` the note's hidden share, `m` the name model's band,
 * `notAgain` leaves out a word hidden elsewhere in the same note (a give-back step never shows it: the other copy names it).
 */
export const FEATURES = { hid: !process.argv.includes('--no-hid'), m: !process.argv.includes('--no-m'), notAgain: !process.argv.includes('--all-again'), gate: process.argv.includes('--gate') };

/** The stages that hide a word by default (no list, no cue): the only ones the gated slot reads (round 20). */
export const DEFAULT_STAGES = new Set(['names', 'messyNames']);

/**
 * Round 20 (`--gate`): why a slot word is left out by rule before any model reads it ('' when it stays in) — the kinds
 * of words round 19's wired trial showed: a word first hidden by any stage but the two default rules (a facility rule
 * or a place list before them: the trial's facility words hidden as NAME; the name model, a neighbour, a slot model or
 * a second mention: each found it by a name's own evidence), a word a name list holds (given names, surnames,
 * nicknames: lists() F, N, W), and a word a person's verb follows ("X said", messy.ts SUBJECT_VERBS, PERSON_AFTER).
 */
export function gatedOut(toks: readonly Token[], i: number, stage: string): string {
  if (!DEFAULT_STAGES.has(stage)) return 'stage';
  if (/[FNW]/.test(lists(toks[i]!.lower))) return 'nameList';
  const n = toks[i + 1];
  if (n && (SUBJECT_VERBS.has(n.lower) || PERSON_AFTER.has(n.lower))) return 'personVerb';
  return '';
}

/** Slot words the gate read, by its reason and label ('in': left in the slot), since the process started. */
export const gateCounts = new Map<string, number>();

/** Whether the word at i is hidden elsewhere in the note (its possessive aside). */
function hiddenElsewhere(toks: readonly Token[], i: number, types: readonly string[]): boolean {
  const lower = toks[i]!.lower.replace(/['’]s$/, '');
  return toks.some((u, j) => j !== i && !!types[j] && u.lower.replace(/['’]s$/, '') === lower);
}

/**
 * Each note's slot words: words hidden whole as a NAME with no person cue before them. `scorerOf(note)`: the name
 * model that scores the note's words (a model trained without the note's writer), every word asked as if visible with
 * the note's hidden spans as its context.
 */
export function giveWords(notes: readonly Note[], scorerOf?: (n: Note) => NameScorer): GiveWord[] {
  const out: GiveWord[] = [];
  for (const n of notes) {
    // Texts read through a detection view are not traced: their offsets differ (as deidOverStages.ts).
    if (detectionView(n.text)) continue;
    const { spans, by } = traced(n.text);
    const toks = tokenize(n.text);
    const types = hiddenTypes(toks, spans);
    const reading: NoteReading = { habit: habitOf(n.text, toks), hid: hiddenShare(toks, types) };
    const ids = n.spans.filter((s) => isIdentifierSpan(s, n.text));
    toks.forEach((t, i) => {
      if (!t.word || types[i] !== 'NAME' || cued(toks, i)) return;
      if (FEATURES.notAgain && hiddenElsewhere(toks, i, types)) return;
      if (FEATURES.m && scorerOf && !reading.band) {
        const scored = scoredWords(scorerOf(n), n.text, [], spans);
        reading.band = (start) => marginBand(marginAt(scored, start));
      }
      const span = spans.find((e) => e.start <= t.start && t.start < e.end)!;
      const stage = by[t.start] || 'after';
      if (FEATURES.gate) {
        const why = gatedOut(toks, i, stage);
        const key = `${why || 'in'} ${ids.some((s) => s.start < t.end && t.start < s.end) ? 'identifier' : 'ordinary'}`;
        gateCounts.set(key, (gateCounts.get(key) ?? 0) + 1);
        if (why) return;
      }
      const identifier = ids.some((s) => s.start < t.end && t.start < s.end);
      out.push({ note: n, start: t.start, stage, chars: t.end - t.start, features: giveFeatures(n.text, toks, i, types, stage, span, reading), identifier });
    });
  }
  return out;
}

const examplesOf = (ws: readonly GiveWord[]): Example[] => ws.map((w) => ({ features: w.features, label: w.identifier ? 1 : -1 }));

/** Each slot word's score by a model trained without its writer's group (higher: likelier an identifier). */
export function crossFitted(ws: readonly GiveWord[], groupOf: ReadonlyMap<string, number>, k: number): Float64Array {
  const scores = new Float64Array(ws.length);
  for (let g = 0; g < k; g++) {
    const m = train(examplesOf(ws.filter((w) => groupOf.get(w.note.writer) !== g)), 0, { epochs: 8, seed: 13, learner: 'logistic' });
    const w = new Float64Array(1 << 18);
    for (const [key, v] of Object.entries(m.weights)) w[Number(key)] = v;
    ws.forEach((x, j) => {
      if (groupOf.get(x.note.writer) === g) scores[j] = x.features.reduce((a, f) => a + w[f]!, 0);
    });
  }
  return scores;
}

/** Ordinary words given back (lowest score first) before more than `exposed` identifier words show, for each budget. */
export function curve(ws: readonly GiveWord[], scores: Float64Array, budgets: readonly number[]): Array<{ exposed: number; back: number; chars: number; line: number }> {
  const order = ws.map((_w, j) => j).sort((a, b) => scores[a]! - scores[b]!);
  const out = budgets.map((exposed) => ({ exposed, back: 0, chars: 0, line: -Infinity }));
  let ids = 0;
  let back = 0;
  let chars = 0;
  for (const j of order) {
    if (ws[j]!.identifier) ids++;
    else {
      back++;
      chars += ws[j]!.chars;
    }
    for (const o of out) if (ids <= o.exposed) Object.assign(o, { back, chars, line: scores[j]! });
  }
  return out;
}

/** A model trained on every word of `ws`, as scores for `other`. */
function trainedScores(ws: readonly GiveWord[], other: readonly GiveWord[]): Float64Array {
  const m = train(examplesOf(ws), 0, { epochs: 8, seed: 13, learner: 'logistic' });
  const w = new Float64Array(1 << 18);
  for (const [key, v] of Object.entries(m.weights)) w[Number(key)] = v;
  return Float64Array.from(other.map((x) => x.features.reduce((a, f) => a + w[f]!, 0)));
}

/**
 * The name model's scorers, cross-fitted (as deidHalves.ts halfRecipe() does for its slot): a development writer's notes
 * are scored by a name model trained at the shipped lines without its group's writers (every development note, typo
 * copies and generated writers too, each generated writer dealt into a group by its place); any other writer's (line,
 * held) by the shipped model — out of sample for train-bl, bm, bn, bs and bu, in sample for a development writer held
 * here (train-bc … bk are in its training).
 */
function crossScorers(groupOf: ReadonlyMap<string, number>, k: number, outside: (writer: string) => boolean): (n: Note) => NameScorer {
  const dev = writerNotes().filter((n) => !outside(n.writer));
  const prepared = prepare(dev, SHIPPED);
  const names = [...new Set(dev.map((n) => n.writer))];
  const g = new Map(names.map((w, j) => [w, groupOf.get(w) ?? j % k]));
  const scorers: NameScorer[] = [];
  for (let x = 0; x < k; x++) {
    const data: Example[] = [];
    for (const n of dev) if (g.get(n.writer) !== x) for (const e of prepared.exampleOf.get(n) ?? []) data.push(e);
    const model: NameModel = { ...train(data, 0, { ...SHIPPED.train, featureSet: 7 }), ...linesOf(shippedPoint()) };
    scorers.push(new NameScorer(model));
  }
  const shipped = new NameScorer(shippedModel());
  return (n) => (outside(n.writer) ? shipped : scorers[g.get(n.writer)!]!);
}

/** A line and what it gives back: ordinary words back and identifier words shown, in all and in each group. */
export interface CarriedLine {
  line: number;
  back: number;
  shown: number;
  groups: Array<{ back: number; shown: number }>;
}

/**
 * Round 20: the line that carries between writer kinds. `scores`: each word's score by a model trained without its
 * group (`group[j]`, 0 … groups−1: human writers dealt into groups, each generated writer and the public set's first
 * half a group of their own). For a bar N, the line giving most ordinary words back (lowest score first) such that in
 * every group no identifier word shows unless N ordinary words of that group came back for each (N = Infinity: none
 * shows anywhere). A line sits only between two different scores. No word back: line −Infinity.
 */
export function carriedLine(ws: readonly GiveWord[], scores: Float64Array, group: readonly number[], groups: number, bar: number): CarriedLine {
  const order = ws.map((_w, j) => j).sort((a, b) => scores[a]! - scores[b]!);
  const per = Array.from({ length: groups }, () => ({ back: 0, shown: 0 }));
  let best: CarriedLine = { line: -Infinity, back: 0, shown: 0, groups: per.map((g) => ({ ...g })) };
  let back = 0;
  let shown = 0;
  for (let x = 0; x < order.length; x++) {
    const j = order[x]!;
    const g = per[group[j]!]!;
    if (ws[j]!.identifier) {
      g.shown++;
      shown++;
    } else {
      g.back++;
      back++;
    }
    if (x + 1 < order.length && scores[order[x + 1]!] === scores[j]) continue;
    if (back > best.back && per.every((c) => c.shown === 0 || c.back >= bar * c.shown)) best = { line: scores[j]!, back, shown, groups: per.map((c) => ({ ...c })) };
  }
  return best;
}

/** carriedLine() at bars ∞, 40, 20 and 10, printed (counts only), as lines for the held writers. */
function carried(ws: readonly GiveWord[], scores: Float64Array, groupOf: ReadonlyMap<string, number>, groups: number, others: readonly string[]): Array<{ exposed: number; line: number }> {
  const group = ws.map((w) => groupOf.get(w.note.writer)!);
  const name = (g: number): string => (g < groups - others.length ? `g${g}` : others[g - (groups - others.length)]!);
  return [Infinity, 40, 20, 10].map((bar) => {
    const c = carriedLine(ws, scores, group, groups, bar);
    console.log(`carried, bar ${bar} back per shown in every group: line ${c.line.toFixed(3)}, ${c.back} back / ${c.shown} shown — ${c.groups.map((x, g) => `${name(g)} ${x.back}/${x.shown}`).join(', ')}`);
    return { exposed: bar, line: c.line };
  });
}

function main(): void {
  const t0 = Date.now();
  const human = new Set(WRITERS.filter((w) => !w.generated).map((w) => w.name));
  // --held 'train-bn|train-bm': writers counted at the lines the others chose (counts only, never a word).
  const heldArg = arg('--held');
  const held = heldArg ? new RegExp(`^(?:${heldArg})$`) : null;
  // The human writers' own notes (no typo copies, no generated notes).
  // --kinds (round 20): the generated writers' own notes and the public set's first half too, each its own group.
  const kinds = process.argv.includes('--kinds');
  const all = writerNotes().filter((n) => (human.has(n.writer) || kinds) && !n.source.startsWith('typo:'));
  if (kinds) {
    for (const r of publicHalves()[0]) all.push({ ...r, writer: 'public-a', source: PUBLIC_SET });
  }
  const notes = all.filter((n) => !held?.test(n.writer));
  const k = Number(arg('--groups') ?? 6);
  const writers = [...new Set(notes.map((n) => n.writer))];
  const humanWriters = writers.filter((w) => human.has(w));
  const others = writers.filter((w) => !human.has(w));
  const groupOf = new Map([...humanWriters.map((w, j) => [w, j % k] as const), ...others.map((w, j) => [w, k + j] as const)]);
  const groups = k + others.length;
  const lineArg = arg('--line-writers');
  const lineOf = lineArg ? new RegExp(`^(?:${lineArg})$`) : null;
  // The public set's first half: the name model never trained on it (the shipped model scores it).
  const scorerOf = FEATURES.m ? crossScorers(groupOf, groups, (w) => !!held?.test(w) || !!lineOf?.test(w) || w === 'public-a') : undefined;
  console.log(`features: hid ${FEATURES.hid}, name model ${FEATURES.m}; words hidden elsewhere in the note ${FEATURES.notAgain ? 'left out' : 'in'} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  const allWords = giveWords(all, scorerOf);
  const ws = allWords.filter((w) => !held?.test(w.note.writer));
  const byStage = new Map<string, { ids: number; ordinary: number }>();
  for (const w of ws) {
    const s = byStage.get(w.stage) ?? { ids: 0, ordinary: 0 };
    if (w.identifier) s.ids++;
    else s.ordinary++;
    byStage.set(w.stage, s);
  }
  const ordinary = ws.filter((w) => !w.identifier).length;
  console.log(`human writers' own notes: ${notes.length}; words hidden as NAME with no person cue before: ${ws.length} (${ordinary} over no identifier)`);
  for (const [s, c] of [...byStage].sort((a, b) => b[1].ordinary - a[1].ordinary)) console.log(`  ${s}: ${c.ordinary} ordinary, ${c.ids} identifier words`);
  if (FEATURES.gate) console.log(`gate: ${[...gateCounts].map(([x, c]) => `${x} ${c}`).join(', ')}`);
  const scores = crossFitted(ws, groupOf, groups);
  const carriedLines = kinds ? carried(ws, scores, groupOf, groups, others) : null;
  const budgets = [0, 1, 2, 5, 10, 20];
  const stages = [...byStage.keys()];
  const cv = curve(ws, scores, budgets);
  for (const only of [null, ...stages]) {
    const idx = ws.map((_w, j) => j).filter((j) => !only || ws[j]!.stage === only);
    if (only && byStage.get(only)!.ordinary < 50) continue;
    const c = only ? curve(idx.map((j) => ws[j]!), Float64Array.from(idx.map((j) => scores[j]!)), budgets) : cv;
    console.log(`${only ?? 'all stages'} (cross-fitted, ${groups} writer groups): ` + c.map((x) => `${x.exposed} exposed → ${x.back} back (${x.line.toFixed(2)})`).join(', '));
  }
  const other = notes.reduce((a, n) => a + n.text.replace(/\s/g, '').length, 0);
  console.log(`all stages, characters given back: ` + cv.map((x) => `${x.exposed} exposed → ${((100 * x.chars) / other).toFixed(3)} points (line ${x.line.toFixed(2)})`).join(', '));
  // --line-writers R: the line chosen on these writers (counts only), scored by a model trained without them; then
  // held writers read at that line. The rules were tuned on the development writers, so their words left hidden over
  // nothing are the hard residue: the line is chosen on writers the rules have not been tuned on lately.
  let lines = carriedLines ?? cv.map((x) => ({ exposed: x.exposed, line: x.line }));
  const trainOn = ws.filter((w) => !lineOf?.test(w.note.writer));
  if (lineOf) {
    const lw = ws.filter((w) => lineOf.test(w.note.writer));
    const c = curve(lw, trainedScores(trainOn, lw), budgets);
    console.log(`line writers (${lw.length} slot words, ${lw.filter((w) => !w.identifier).length} ordinary), model without them: ` + c.map((x) => `${x.exposed} exposed → ${x.back} back (${x.line.toFixed(2)})`).join(', '));
    lines = c.map((x) => ({ exposed: x.exposed, line: x.line }));
  }
  if (held) {
    const hw = allWords.filter((w) => held.test(w.note.writer));
    const hs = trainedScores(trainOn, hw);
    const tally = lines.map(() => ({ back: 0, exposed: 0, chars: 0 }));
    for (const wr of [...new Set(hw.map((w) => w.note.writer))].sort()) {
      const mine = hw.map((w, j) => ({ w, s: hs[j]! })).filter((x) => x.w.note.writer === wr);
      const at = lines.map((x, b) => {
        const under = mine.filter((y) => y.s <= x.line);
        const back = under.filter((y) => !y.w.identifier).length;
        tally[b]!.chars += under.reduce((a, y) => a + (y.w.identifier ? 0 : y.w.chars), 0);
        const exposed = under.length - back;
        tally[b]!.back += back;
        tally[b]!.exposed += exposed;
        return `line@${x.exposed}: ${back} back / ${exposed} exposed`;
      });
      const stages = new Map<string, number>();
      for (const y of mine) if (!y.w.identifier) stages.set(y.w.stage, (stages.get(y.w.stage) ?? 0) + 1);
      const st = [...stages].sort((a, b) => b[1] - a[1]).map(([x, c]) => `${x} ${c}`).join(', ');
      console.log(`held ${wr} (${mine.length} slot words, ${mine.filter((y) => !y.w.identifier).length} ordinary: ${st}): ${at.join(', ')}`);
    }
    const heldChars = all.filter((n) => held.test(n.writer)).reduce((a, n) => a + n.text.replace(/\s/g, '').length, 0);
    console.log(`held, all: ` + lines.map((x, b) => `line@${x.exposed} (${x.line.toFixed(2)}): ${tally[b]!.back} back (${((100 * tally[b]!.chars) / heldChars).toFixed(3)} points) / ${tally[b]!.exposed} exposed`).join(', '));
  }
  // Development writers only: the words given back first.
  const show = Number(arg('--show') ?? 0);
  const order = ws.map((_w, j) => j).sort((a, b) => scores[a]! - scores[b]!);
  for (const j of order.slice(0, show)) {
    const w = ws[j]!;
    console.log(`  ${scores[j]!.toFixed(2)} ${w.identifier ? 'ID ' : '   '}${w.note.writer} ${w.stage}: …${w.note.text.slice(Math.max(0, w.start - 30), w.start)}[${w.note.text.slice(w.start, w.start + w.chars)}]${w.note.text.slice(w.start + w.chars, w.start + w.chars + 20).replace(/\n/g, ' ')}…`);
  }
  console.log(`(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

if (require.main === module) main();
