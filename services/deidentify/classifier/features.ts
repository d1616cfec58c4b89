/**
 * Features of the name classifier (issue 13): for each word of a text, what an averaged perceptron needs to tell a
 * name from a word — its shape, prefixes and suffixes, which lists hold it (given names, names
 * and surnames, English and its inflections, common and everyday English, keep-list, function words, nicknames, word-names, misspellings), its
 * capitals against the sentence start, its neighbours' forms and shapes (±2), and the person cues around it (met,
 * texted, with, sponsor, her + relation, said after). Features are hashed (FNV-1a) into 2^BITS buckets, so the
 * shipped weights hold no word list and no note's words in clear.
 */
import { dictionaries } from '../dictionaries';
import { AMBIGUOUS_NAMES, KEEP, TITLES } from '../lexicon';
import { DETERMINERS, english, everyday, misspelt, NICKNAMES, PERSON_AFTER, PERSON_BEFORE, RELATIONS, SAFE, SUBJECT_VERBS } from '../messy';

export const BITS = 18;
const MASK = (1 << BITS) - 1;

/** FNV-1a over a feature's template and value, folded into the bucket space. */
export function bucket(template: string, value: string): number {
  let h = 0x811c9dc5;
  const s = template + '\u0001' + value;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

export interface Token {
  start: number;
  end: number;
  /** As typed. */
  raw: string;
  lower: string;
  /** Whether a word of letters (only these are scored). */
  word: boolean;
  /** The characters between the previous token and this one hold a sentence end (or this is the first). */
  sentenceStart: boolean;
  /** The characters between the previous token and this one hold a comma, dash, colon or bracket. */
  clauseStart: boolean;
}

const TOKEN = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*|\p{N}+/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const gap = text.slice(at, m.index);
    const raw = m[0];
    out.push({
      start: m.index,
      end: m.index + raw.length,
      raw,
      lower: raw.toLowerCase(),
      word: !/^\p{N}/u.test(raw),
      sentenceStart: out.length === 0 || /[.!?\n]/.test(gap),
      clauseStart: /[,;:()–—-]/.test(gap),
    });
    at = m.index + raw.length;
  }
  return out;
}

/** Shape: capitals X, lower x, digits d, runs collapsed ("Dawn" Xx, "anne-sophie" x-x, "JT" X). */
export function shape(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch === '’' ? "'" : ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** Which lists hold a lower-cased word, as one code per list ("F" a given name, "E" English …). */
export function lists(lower: string): string {
  const d = dictionaries();
  const base = lower.replace(/['’]s$/, '');
  let s = '';
  if (SAFE.has(base)) s += 'S';
  if (KEEP.has(base)) s += 'K';
  if (TITLES.has(base)) s += 'T';
  if (d.firstNames.has(base)) s += 'F';
  if (d.anyNames.has(base)) s += 'N';
  if (d.common.has(base)) s += 'C';
  else if (everyday().has(base)) s += 'V';
  if (d.english.has(base)) s += 'E';
  // An inflection or contraction of an English word: "felines", "you're", "comin".
  else if (english(lower, d)) s += 'I';
  if (NICKNAMES.has(base) || AMBIGUOUS_NAMES.has(base)) s += 'W';
  if (RELATIONS.has(base) || PERSON_BEFORE.has(base)) s += 'R';
  // A misspelt everyday word ("talkd", "realy") is no name; only asked of words in no other list (it is costly).
  if (!s && base.length >= 3 && /^[a-z]+$/.test(base) && misspelt(base)) s += 'M';
  return s || 'U';
}

/** A neighbour's class: function word, keep-list, English, name list, unknown, number or none. */
function neighbourClass(t: Token | undefined): string {
  if (!t) return '_';
  if (!t.word) return 'num';
  const l = lists(t.lower);
  if (l.includes('S')) return 'fn';
  if (l.includes('K')) return 'kp';
  if (l.includes('F') || l.includes('N') || l.includes('W')) return l.includes('C') ? 'nw' : 'nm';
  if (l.includes('E') || l.includes('C')) return 'en';
  return l === 'M' ? 'ty' : 'un';
}

const POSSESSIVES = new Set(['her', 'his', 'my', 'their', 'our', 'your', 'ur', 'hr']);

/**
 * Features of the word itself, the same wherever it stands (cached by the caller per typed form). Not its own form:
 * with it the model learnt the training notes' names and words ("grace" a name here, a word there) and did worse on
 * held-out notes; what a word is comes from its shape, affixes and lists, what it is doing from its neighbours.
 */
export function ownFeatures(raw: string, lower: string): number[] {
  const l = lists(lower);
  const f = [bucket('b', ''), bucket('sh', shape(raw)), bucket('L', l)];
  for (const code of l) f.push(bucket('l', code));
  if (lower.length >= 2) f.push(bucket('p2', lower.slice(0, 2)), bucket('s2', lower.slice(-2)));
  if (lower.length >= 3) f.push(bucket('p3', lower.slice(0, 3)), bucket('s3', lower.slice(-3)));
  f.push(bucket('len', String(Math.min(lower.length, 8))));
  f.push(bucket('shL', `${shape(raw)}|${l}`));
  return f;
}

/** Features of the word at `i` in its place: capitals against the sentence start, neighbours, person cues. */
export function contextFeatures(toks: readonly Token[], i: number): number[] {
  const t = toks[i]!;
  const p1 = toks[i - 1];
  const p2 = toks[i - 2];
  const n1 = toks[i + 1];
  const n2 = toks[i + 2];
  const cap = /^\p{Lu}/u.test(t.raw);
  const f = [
    bucket('cap', `${cap ? 'C' : 'l'}${t.sentenceStart ? 'S' : t.clauseStart ? 'c' : '-'}`),
    bucket('w-1', p1?.lower ?? '<s>'),
    bucket('w+1', n1?.lower ?? '</s>'),
    bucket('w-2', p2?.lower ?? '<s>'),
    bucket('w+2', n2?.lower ?? '</s>'),
    bucket('sh-1', p1 ? shape(p1.raw) : '<s>'),
    bucket('sh+1', n1 ? shape(n1.raw) : '</s>'),
    bucket('c-1', neighbourClass(p1)),
    bucket('c+1', neighbourClass(n1)),
    bucket('c-1c+1', `${neighbourClass(p1)}|${neighbourClass(n1)}`),
    bucket('w-1|L', `${p1?.lower ?? '<s>'}|${lists(t.lower)}`),
    bucket('L|w+1', `${lists(t.lower)}|${n1?.lower ?? '</s>'}`),
  ];
  if (p1 && PERSON_BEFORE.has(p1.lower)) f.push(bucket('cue', 'before'));
  if (p1 && RELATIONS.has(p1.lower) && p2 && POSSESSIVES.has(p2.lower)) f.push(bucket('cue', 'poss+rel'));
  if (p1 && DETERMINERS.has(p1.lower)) f.push(bucket('cue', 'det'));
  if (n1 && PERSON_AFTER.has(n1.lower)) f.push(bucket('cue', 'after'));
  if (n1 && SUBJECT_VERBS.has(n1.lower) && (t.sentenceStart || t.clauseStart)) f.push(bucket('cue', 'subject'));
  if (cap && !t.sentenceStart) f.push(bucket('cue', 'capMid'));
  return f;
}
