/**
 * Evasion benchmark: `npm run bench:deid:evasion` (`-- --held-out` for the test halves). Takes every identifier the de-identifier hides in the development
 * sets as typed, rewrites it the way someone dodging a filter would (invisible characters inside, a right-to-left
 * override, full-width, mathematical or Cyrillic look-alike letters, strike-through marks, O and l for 0 and 1 in a
 * phone, a phone said in words, a name spelled out letter by letter), and counts how many are still hidden whole; also the characters hidden outside identifiers, as typed and
 * rewritten. Development sets; `--held-out` scores the test halves instead (never the blind sets).
 */
import { deidentify } from '../services/deidentify';
import { isIdentifierSpan, type LabelledSpan } from './deidMetrics';
import { loadSet } from './deid';

const DEV_SETS = ['hand-dev', 'sms-dev', 'psw-dev', 'messy-dev'];
/** `--held-out`: the test halves instead, scored once and never tuned on. */
const HELD_OUT = ['hand-test', 'sms-test', 'messy-test', 'names-test'];
const PHONE = /^PHONE/;
const WORDS = ['oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х' };
const cp = (s: string, f: (c: string) => string) => [...s].map(f).join('');
const middle = (s: string, mark: string) => (s.length < 2 ? s : s.slice(0, Math.ceil(s.length / 2)) + mark + s.slice(Math.ceil(s.length / 2)));

/** Each rewrite of one identifier's text; the phone one only where a phone has a 0 or a 1. */
const REWRITES: Record<string, (v: string, type: string) => string> = {
  'zero-width space inside': (v) => middle(v, '\u200B'),
  'soft hyphen inside': (v) => middle(v, '\u00AD'),
  'right-to-left override (shows as typed)': (v) => `\u202E${[...v].reverse().join('')}\u202C`,
  'full-width': (v) => cp(v, (c) => (c >= '!' && c <= '~' ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)),
  'mathematical bold': (v) => cp(v, (c) => (/[A-Z]/.test(c) ? String.fromCodePoint(0x1d400 + c.charCodeAt(0) - 65) : /[a-z]/.test(c) ? String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 97) : /\d/.test(c) ? String.fromCodePoint(0x1d7ce + Number(c)) : c)),
  'Cyrillic look-alikes': (v) => cp(v, (c) => CYRILLIC[c] ?? c),
  'strike-through marks': (v) => cp(v, (c) => (/\s/.test(c) ? c : `${c}\u0336`)),
  'phone: O for 0, l for 1': (v, type) => (PHONE.test(type) ? v.replace(/0/g, 'O').replace(/1/g, 'l') : v),
  'phone: digits said in words': (v, type) => (PHONE.test(type) ? v.replace(/\d/g, (d) => ` ${WORDS[Number(d)]} `).replace(/\s+/g, ' ').trim() : v),
  'name: spelled out letter by letter': (v, type) => (type === 'PERSON' || type === 'NAME' ? v.split(/\s+/).map((w) => [...w].join(' ')).join('  ') : v),
};

/** Spaces and the invisible characters a rewrite adds need no hiding. */
const NOTHING_TO_HIDE = /\s|\u034F|[\u00AD\u200B-\u200F\u202A-\u202E\u2066-\u2069]/;

/** Every character of [start, end) that shows is inside one of the entities. */
function covered(text: string, s: LabelledSpan, entities: Array<{ start: number; end: number }>): boolean {
  for (let k = s.start; k < s.end; k++) if (!NOTHING_TO_HIDE.test(text[k]!) && !entities.some((e) => e.start <= k && k < e.end)) return false;
  return true;
}

/** Characters hidden that belong to no identifier span. */
function overRedacted(text: string, spans: LabelledSpan[], entities: Array<{ start: number; end: number }>): number {
  let n = 0;
  for (const e of entities) for (let k = e.start; k < e.end; k++) if (!/\s/.test(text[k]!) && !spans.some((s) => s.start <= k && k < s.end)) n++;
  return n;
}

function main(): void {
  const heldOut = process.argv.includes('--held-out');
  const names = heldOut ? HELD_OUT : DEV_SETS;
  const records = names.flatMap((name) => loadSet(name) ?? []);
  console.log(`${records.length} ${heldOut ? 'held-out' : 'development'} notes (${names.join(', ')})\n`);
  console.log('| rewrite | identifiers hidden as typed | still hidden rewritten | over-redacted chars as typed → rewritten |');
  console.log('|---|---:|---:|---:|');
  for (const [label, rewrite] of Object.entries(REWRITES)) {
    let base = 0;
    let kept = 0;
    let overBefore = 0;
    let overAfter = 0;
    for (const r of records) {
      const ids = r.spans.filter((s) => isIdentifierSpan(s, r.text)).sort((a, b) => a.start - b.start);
      if (!ids.length) continue;
      const plain = deidentify(r.text).entities;
      // Only identifiers hidden as typed, and only those the rewrite changes, are attacked.
      const attacked = ids.filter((s) => covered(r.text, s, plain) && rewrite(r.text.slice(s.start, s.end), s.type) !== r.text.slice(s.start, s.end));
      if (!attacked.length) continue;
      let text = '';
      let at = 0;
      const moved: LabelledSpan[] = [];
      const all: LabelledSpan[] = [];
      for (const s of ids) {
        if (s.start < at) continue;
        text += r.text.slice(at, s.start);
        const v = attacked.includes(s) ? rewrite(r.text.slice(s.start, s.end), s.type) : r.text.slice(s.start, s.end);
        const span = { start: text.length, end: text.length + v.length, type: s.type };
        all.push(span);
        if (attacked.includes(s)) moved.push(span);
        text += v;
        at = s.end;
      }
      text += r.text.slice(at);
      const after = deidentify(text).entities;
      base += moved.length;
      const still = moved.filter((s) => covered(text, s, after));
      kept += still.length;
      if (process.env.SHOW && label.startsWith(process.env.SHOW)) for (const s of moved) if (!still.includes(s)) console.log(JSON.stringify(text.slice(s.start, s.end)), '→', JSON.stringify(deidentify(text).redacted));
      overBefore += overRedacted(r.text, ids, plain);
      overAfter += overRedacted(text, all, after);
    }
    console.log(`| ${label} | ${base} | ${kept} (${((100 * kept) / Math.max(base, 1)).toFixed(1)} %) | ${overBefore} → ${overAfter} |`);
  }
}

main();
