/**
 * How often the stages read a note's words again, counted by stage (round 14): `npx tsx bench/deidWalks.ts [--texts N]
 * [set ...]` (default hand-dev and presidio-synth-v2; the service's path: deidentify() one text at a time, after one
 * pass to fill the memos). Per text and per stage (the function right below the pipeline's step loop, as
 * bench/deidProfile.ts names it): how many times the stage asks for the shared token list (words.ts wordsOf: one walk
 * over the tokens each), how many regex scans cover the whole text (a word walk of its own), how many strings it
 * lower-cases (a word, or a whole text), how many set and map look-ups it makes (dictionaries, lists, memo records),
 * and which sets it asks most. Counted with the stack of each call, so it is slow; the counts do not move with the load.
 * Nothing is written.
 */
import Module from 'node:module';
import path from 'node:path';

interface Row {
  wordsOf: number;
  tokenised: number;
  scans: number;
  lowerWord: number;
  lowerText: number;
  sliceLower: number;
  setHas: number;
  mapGet: number;
  regex: number;
}
const empty = (): Row => ({ wordsOf: 0, tokenised: 0, scans: 0, lowerWord: 0, lowerText: 0, sliceLower: 0, setHas: 0, mapGet: 0, regex: 0 });

Error.stackTraceLimit = 80;
const DEID = `${path.sep}services${path.sep}deidentify${path.sep}`;

/**
 * The stage a call belongs to: the outermost frame of services/deidentify/ inside the step loop (readThrough), past
 * deidentify.ts's step closures; "(outside the steps)" for the detection view and the redacted text.
 */
function stageOf(stack: string): string {
  const frames = stack.split('\n').slice(1);
  let loop = -1;
  for (let i = frames.length - 1; i >= 0; i--) if (/ at (?:readThrough|spansIn) /.test(frames[i]!)) loop = i;
  if (loop < 0) return '(outside the steps)';
  for (let i = loop - 1; i >= 0; i--) {
    const f = frames[i]!;
    if (!f.includes(DEID)) continue;
    const name = /^\s*at (?:Object\.|Array\.)?([^ ]+) \(/.exec(f)?.[1];
    if (!name || name.includes('anonymous') || (f.includes('deidentify.ts') && /^(?:opens|test|oldAge|DETECTORS|STEPS)$/.test(name))) {
      if (f.includes('deidentify.ts') && name && /^(?:opens|test|oldAge)$/.test(name)) return 'detector gates';
      continue;
    }
    return name;
  }
  return 'step loop (self)';
}

function main(): void {
  const args = process.argv.slice(2);
  const ti = args.indexOf('--texts');
  const limit = ti >= 0 ? Number(args.splice(ti, 2)[1]) : Infinity;
  const rows = new Map<string, Row>();
  const setsAsked = new Map<string, number>();
  const labels = new WeakMap<object, string>();
  let counting = false;
  let current = '';
  let lastTokenised = '';

  // words.ts's wordsOf, wrapped where every module requires it: the calls are counted, not changed.
  const load0 = (Module as unknown as { _load: (req: string, parent: unknown, main: boolean) => unknown })._load;
  (Module as unknown as { _load: typeof load0 })._load = function (req, parent, isMain) {
    const got = load0.call(this, req, parent, isMain) as Record<string, unknown>;
    if (/(^|\/)words(\.ts)?$/.test(req) && typeof got.wordsOf === 'function' && typeof got.factsOf === 'function') {
      const wordsOf = got.wordsOf as (t: string) => unknown;
      return new Proxy(got, {
        get(target, key) {
          if (key !== 'wordsOf') return target[key as string];
          return (t: string) => {
            if (counting) {
              const r = row();
              r.wordsOf++;
              if (t !== lastTokenised) r.tokenised++;
              lastTokenised = t;
            }
            return wordsOf(t);
          };
        },
      });
    }
    return got;
  };

  // Loaded after the wrap: ./deid loads the de-identifier too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadSet } = require('./deid') as typeof import('./deid');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deidentify } = require('../services/deidentify') as typeof import('../services/deidentify');
  // Sets named by where they are exported (every module of the de-identifier, and the dictionaries' fields).
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!file.includes(DEID) || !mod) continue;
    for (const [k, v] of Object.entries(mod.exports as Record<string, unknown>)) if (v instanceof Set) labels.set(v, `${path.basename(file, '.ts')}.${k}`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dicts = (require('../services/deidentify/dictionaries') as typeof import('../services/deidentify/dictionaries')).dictionaries();
  for (const [k, v] of Object.entries(dicts)) if (v instanceof Set) labels.set(v, `dictionaries.${k}`);

  /** The row of the stage calling; the counters are off while it is found (the stack and the maps call what is counted). */
  function row(): Row {
    counting = false;
    const stage = stageOf(new Error().stack ?? '');
    const r = rows.get(stage) ?? empty();
    rows.set(stage, r);
    counting = true;
    return r;
  }

  const lower = String.prototype.toLowerCase;
  const has = Set.prototype.has;
  const get = Map.prototype.get;
  const exec = RegExp.prototype.exec;
  /** Whether a regex reads words (letters, \\w, \\S): its global scan of a text is a walk over the words. */
  const WORDY = /\\p\{L\}|\\w|\\S|\[a-z/i;
  const wordy = (re: RegExp): boolean => {
    const was = counting;
    counting = false;
    const yes = exec.call(WORDY, re.source) !== null;
    counting = was;
    return yes;
  };
  String.prototype.toLowerCase = function (this: string) {
    if (counting) {
      const r = row();
      if (this.length >= current.length && current.length > 0) r.lowerText++;
      else r.lowerWord++;
    }
    return lower.call(this);
  };
  Set.prototype.has = function (this: Set<unknown>, v: unknown) {
    if (counting) {
      counting = false;
      const stage = stageOf(new Error().stack ?? '');
      const r = rows.get(stage) ?? empty();
      rows.set(stage, r);
      r.setHas++;
      const k = `${stage}: ${labels.get(this) ?? `a set of ${this.size}`}`;
      setsAsked.set(k, (setsAsked.get(k) ?? 0) + 1);
      counting = true;
    }
    return has.call(this, v);
  };
  Map.prototype.get = function (this: Map<unknown, unknown>, k: unknown) {
    if (counting) row().mapGet++;
    return get.call(this, k);
  };
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    if (counting) {
      const r = row();
      r.regex++;
      // A scan of the whole text from its start: a walk of its own over the note.
      if (this.global && this.lastIndex === 0 && current.length > 0 && s.length >= current.length && wordy(this)) r.scans++;
    }
    return exec.call(this, s);
  };

  for (const name of args.length ? args : ['hand-dev', 'presidio-synth-v2']) {
    const records = loadSet(name);
    if (!records) continue;
    const texts = records
      .map((r) => r.text)
      .slice(0, limit);
    for (const t of texts) deidentify(t);
    rows.clear();
    setsAsked.clear();
    for (const t of texts) {
      current = t;
      counting = true;
      deidentify(t);
      counting = false;
    }
    const n = texts.length;
    const all = empty();
    for (const r of rows.values()) for (const k of Object.keys(all) as Array<keyof Row>) all[k] += r[k];
    const f = (x: number) => (x / n).toFixed(2);
    console.log(`\n## ${name}: ${n} texts, one at a time; per text\n`);
    console.log('| stage | token walks (wordsOf) | tokenised anew | whole-text word scans (regex) | words lower-cased | texts lower-cased | set look-ups | map look-ups | regex runs |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const line = (k: string, r: Row) => `| ${k} | ${f(r.wordsOf)} | ${f(r.tokenised)} | ${f(r.scans)} | ${f(r.lowerWord)} | ${f(r.lowerText)} | ${f(r.setHas)} | ${f(r.mapGet)} | ${f(r.regex)} |`;
    for (const [k, r] of [...rows].sort((a, b) => b[1].setHas + b[1].lowerWord + b[1].mapGet - (a[1].setHas + a[1].lowerWord + a[1].mapGet))) console.log(line(k, r));
    console.log(line('**all**', all));
    console.log('\n| stage: set asked | look-ups per text |\n| --- | ---: |');
    for (const [k, c] of [...setsAsked].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`| ${k} | ${f(c)} |`);
  }
}

if (require.main === module) main();
