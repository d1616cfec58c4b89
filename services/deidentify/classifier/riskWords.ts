/**
 * The literal words of the risk screen's lexicon (content/risk-terms.json): every whole word its patterns and macros
 * spell out. The de-identifier must not hide them; test/services/deidentify/screenWords.test.ts walks them all.
 * (Keeping all of them at run time was tried: lower-case word-names leaked — "ocean's dad", "story wasnt home".)
 * Round 8: the name classifier reads them too (model.ts asked(): a risk word is asked only in a person's slot, never
 * merely for being in a name list), so they live here, beside the classifier; test/helpers/riskLexicon.ts re-exports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packagePath } from '../../paths';

let words: Set<string> | undefined;

/** Lower-case words of the risk lexicon ("xname", the screen's stand-in for a placeholder, left out). */
export function riskLexiconWords(): Set<string> {
  if (words) return words;
  const terms = JSON.parse(fs.readFileSync(path.join(packagePath('content'), 'risk-terms.json'), 'utf8')) as {
    macros?: Record<string, string>;
    categories: { patterns: { pattern: string }[] }[];
  };
  words = new Set<string>();
  for (const src of [...Object.values(terms.macros ?? {}), ...terms.categories.flatMap((c) => c.patterns.map((p) => p.pattern))]) {
    for (const w of literalWords(src)) words.add(w);
  }
  words.delete('xname');
  return words;
}

/**
 * Letter runs of a regular expression that stand as whole words: not glued to a group, a class, an escape or a
 * quantifier ("overdos(?:e|ed)", "bruis\w+", "jewel+ery" give nothing), and not inside a lookaround.
 */
export function literalWords(pattern: string): string[] {
  // \b is a word edge; other escapes, classes and counted quantifiers are glue; {macro} stands for words.
  const s = pattern.replace(/\\b/g, ' ').replace(/\\./g, '#').replace(/\[[^\]]*\]/g, '#').replace(/\{\d*,?\d*\}/g, '#').replace(/\{[a-z_]+\}/g, ' ');
  const open: number[] = [];
  const groups: Array<[number, number]> = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') open.push(i);
    else if (s[i] === ')' && open.length) groups.push([open.pop()!, i]);
  }
  // A group touching letters or another group on either side is part of a word; a lookaround is no text.
  const glued = new Array<boolean>(s.length).fill(false);
  const touches = (c: string | undefined): boolean => c !== undefined && /[a-z'’#()+*]/i.test(c);
  for (const [from, to] of groups) {
    let after = to + 1;
    while (s[after] === '?') after++;
    const look = /^\(\?<?[=!]/.test(s.slice(from, from + 4));
    if (look || touches(s[from - 1]) || (after < s.length && touches(s[after]) && s[after] !== ')')) glued.fill(true, from, to + 1);
  }
  const out: string[] = [];
  for (const m of s.matchAll(/[a-z][a-z'’-]*[a-z]|[a-z]/gi)) {
    const at = m.index!;
    const end = at + m[0].length;
    const before = s[at - 1];
    // "kids?" is a whole word; "counsell?or" is not.
    let after = s[end];
    if (after === '?' && !/[a-z(]/i.test(s[end + 1] ?? '')) after = s[end + 1];
    const edgeBefore = before === undefined || ' |(:'.includes(before);
    const edgeAfter = after === undefined || ' |)'.includes(after);
    if (!glued[at] && edgeBefore && edgeAfter && m[0].length >= 2) out.push(m[0].toLowerCase());
  }
  return out;
}
