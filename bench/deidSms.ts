/**
 * Names in the writers' SMS and lower-case notes (round 12): `npx tsx bench/deidSms.ts [--model] [--group dev|held|NAME]
 * [--reg sms,lower] [--misses N] [--over N]`. Names recall (strict), leak and over-redaction (every character outside
 * a labelled span) per register, pooled and as the macro average over writers with 20 names or more; rules alone
 * unless --model (the shipped model is trained on these writers: in-sample). Groups: dev = every train-*.txt writer
 * but the held-out ones and the untouched, plus sms-dev; held = the writers the round-12 SMS-names work never read
 * (train-f, o, aa, aj, as, be), aggregates only; held13 = the writers the round-13 names work never read (train-c, r,
 * ak, ax, bd, bi), aggregates only; held14 = round 14's (train-h, p, ad, av, bc, bg; out of dev since round 14), aggregates
 * only; a writer's name (train-bh) = that writer, aggregates only.
 * --misses and --over print the dev group's missed names (the hidden spans in {}) and notes with over-redaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { useNameModel } from '../services/deidentify/classifier/model';
import { useFacilityModel } from '../services/deidentify/classifier/facilityModel';
import { loadNotes } from './data/handNotes';
import { isIdentifierSpan } from './deidMetrics';
import { isBlindSet } from './blindSets';
import { outOfDev } from './writers';

type LabelledNote = ReturnType<typeof loadNotes>[number];

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

export const HELD = ['train-f', 'train-o', 'train-aa', 'train-aj', 'train-as', 'train-be'];
/** Chosen at the start of round 13's names work and never read by it (figures only). */
export const HELD13 = ['train-c', 'train-r', 'train-ak', 'train-ax', 'train-bd', 'train-bi'];
/** Chosen at the start of round 14's names work and never read by it (figures only; bench/deidNameShapes.ts). */
export const HELD14 = ['train-h', 'train-p', 'train-ad', 'train-av', 'train-bc', 'train-bg'];
/**
 * Rounds 12–13's untouched writers (train-bh, bj, bk): read by the models since, but kept out of dev as they were, so
 * this script's dev stays the dev its earlier figures were made on. The writers untouched today are bench/writers.ts's.
 */
export const OUT_OF_DEV14 = ['train-bh', 'train-bj', 'train-bk'];
const dataDir = path.resolve(__dirname, 'data');

interface Tally { notes: number; names: number; found: number; chars: number; leaked: number; other: number; over: number }
const tally = (): Tally => ({ notes: 0, names: 0, found: 0, chars: 0, leaked: 0, other: 0, over: 0 });

/** The development writers: every train-*.txt writer but the held-out ones, rounds 12–13's (OUT_OF_DEV14), the untouched and the restricted (bench/writers.ts outOfDev), plus sms-dev. */
export function devWriters(): string[] {
  const writers = fs.readdirSync(dataDir).filter((f) => /^train-[a-z]+\.txt$/.test(f)).map((f) => f.replace(/\.txt$/, ''));
  return [...writers.filter((w) => !HELD.includes(w) && !HELD13.includes(w) && !HELD14.includes(w) && !OUT_OF_DEV14.includes(w) && !outOfDev(w)), 'sms-dev'];
}

/** Each note of the writers `files` in `registers`, with the characters deidentify() hides and its text as stored (a blind set refused by `tool`). */
export function* hiddenNotes(files: readonly string[], registers: ReadonlySet<string>, tool: string): Generator<{ writer: string; note: LabelledNote; hidden: Uint8Array; redacted: string }> {
  for (const w of files) {
    const file = path.join(dataDir, `${w}.txt`);
    if (isBlindSet(file) || !fs.existsSync(file)) throw new Error(`${tool}: ${w} is no development writer here`);
    for (const note of loadNotes(file, w)) {
      if (!registers.has(note.register)) continue;
      const hidden = new Uint8Array(note.text.length);
      const { entities, redacted } = deidentify(note.text);
      for (const e of entities) hidden.fill(1, e.start, e.end);
      yield { writer: w, note, hidden, redacted };
    }
  }
}

/** A name word as the shapes tools compare them: lower case, no possessive, letters, digits, apostrophes and hyphens. */
export const nameWordOf = (s: string): string => s.toLowerCase().replace(/['’]s$/, '').replace(/[^\p{L}\p{N}'’-]/gu, '');

/** Every word of every labelled name in `note`: where it is, which name (`span`), its compared form, whether any character shows. */
export function nameWords(note: LabelledNote, hidden: Uint8Array): Array<{ start: number; end: number; span: number; word: string; shows: boolean }> {
  const out: Array<{ start: number; end: number; span: number; word: string; shows: boolean }> = [];
  note.spans.forEach((s, i) => {
    if (s.type !== 'PERSON') return;
    for (const m of note.text.slice(s.start, s.end).matchAll(/[^\s]+/g)) {
      const start = s.start + m.index!;
      const end = start + m[0].length;
      let shows = false;
      for (let k = start; k < end; k++) if (!hidden[k]) shows = true;
      out.push({ start, end, span: i, word: nameWordOf(m[0]), shows });
    }
  });
  return out;
}

/**
 * Where a visible name word stands: `half` of a full name whose other word is hidden, `again` a name hidden elsewhere in
 * the note, `start` opening a sentence, else `other` (the lead's blind shapes, on training writers).
 */
export function nameShape(text: string, words: ReturnType<typeof nameWords>, w: ReturnType<typeof nameWords>[number]): 'half' | 'again' | 'start' | 'other' {
  if (words.some((o) => o.span === w.span && !o.shows)) return 'half';
  if (words.some((o) => o.span !== w.span && !o.shows && o.word === w.word)) return 'again';
  return opensSentence(text, w.start) ? 'start' : 'other';
}

/** A word opens the note or a sentence: nothing before it but spaces, or a sentence's end and spaces. */
export function opensSentence(text: string, at: number): boolean {
  return /(?:^|[.!?\n]["')\]]*)\s*$/.test(text.slice(Math.max(0, at - 8), at)) || text.slice(0, at).trim() === '';
}

/** The text with a labelled span in [[ ]] and every hidden run in { }. */
export function marked(text: string, span: { start: number; end: number }, hidden: Uint8Array): string {
  let out = '';
  for (let k = 0; k <= text.length; k++) {
    const on = k < text.length && hidden[k] === 1;
    if (k > 0 && hidden[k - 1] === 1 && !on) out += '}';
    if (k === span.end) out += ']]';
    if (k === span.start) out += '[[';
    if (on && !(k > 0 && hidden[k - 1] === 1)) out += '{';
    if (k < text.length) out += text[k];
  }
  return out;
}

function main(): void {
  const group = option('--group') ?? 'dev';
  const registers = new Set((option('--reg') ?? 'sms,lower').split(','));
  const misses = Number(option('--misses') ?? 0);
  const over = Number(option('--over') ?? 0);
  const files = group === 'dev' ? devWriters() : group === 'held' ? HELD : group === 'held13' ? HELD13 : group === 'held14' ? HELD14 : [group];
  if (group !== 'dev' && (misses || over)) throw new Error('deidSms: misses and over-redactions are printed for the dev group only');
  if (!flag('--model')) {
    useNameModel(null);
    useFacilityModel(null);
  }
  const byRegister = new Map<string, Tally>();
  const byWriter = new Map<string, Tally>();
  const all = tally();
  const lines: string[] = [];
  for (const { writer: w, note: r, hidden } of hiddenNotes(files, registers, 'deidSms')) {
    const role = new Uint8Array(r.text.length);
    for (const s of r.spans) role.fill(isIdentifierSpan(s, r.text) ? 1 : 2, s.start, s.end);
    const tallies = [all, byRegister.get(r.register) ?? tally(), byWriter.get(w) ?? tally()];
    byRegister.set(r.register, tallies[1]!);
    byWriter.set(w, tallies[2]!);
    for (const t of tallies) t.notes++;
    for (const s of r.spans) {
      if (s.type !== 'PERSON') continue;
      let chars = 0;
      let leaked = 0;
      for (let k = s.start; k < s.end; k++) {
        if (/\s/.test(r.text[k]!)) continue;
        chars++;
        if (!hidden[k]) leaked++;
      }
      for (const t of tallies) {
        t.names++;
        t.chars += chars;
        t.leaked += leaked;
        if (!leaked) t.found++;
      }
      if (leaked && lines.length < misses) lines.push(`MISS ${w}\t${marked(r.text, s, hidden)}`);
    }
    let wrong = false;
    for (let k = 0; k < r.text.length; k++) {
      if (role[k] || /\s/.test(r.text[k]!)) continue;
      for (const t of tallies) {
        t.other++;
        if (hidden[k]) t.over++;
      }
      if (hidden[k]) wrong = true;
    }
    if (wrong && over > 0 && lines.filter((l) => l.startsWith('OVER')).length < over) lines.push(`OVER ${w}\t${marked(r.text, { start: -1, end: -1 }, hidden)}`);
  }
  const pct = (a: number, b: number): string => (b ? (100 * a) / b : 0).toFixed(2);
  const row = (name: string, t: Tally): string => `${name.padEnd(8)} notes ${t.notes} names ${t.names} recall ${pct(t.found, t.names)} leak ${pct(t.leaked, t.chars)} over ${pct(t.over, t.other)}`;
  for (const [name, t] of byRegister) console.log(row(name, t));
  console.log(row('all', all));
  const ws = [...byWriter.values()].filter((t) => t.names >= 20);
  const mean = (f: (t: Tally) => number): string => ((100 * ws.reduce((s, t) => s + f(t), 0)) / Math.max(1, ws.length)).toFixed(2);
  console.log(`macro    writers ${ws.length} recall ${mean((t) => t.found / t.names)} over ${mean((t) => t.over / t.other)}`);
  for (const l of lines) console.log(l);
}

if (require.main === module) main();
