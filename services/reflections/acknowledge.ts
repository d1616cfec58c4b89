// A brief acknowledgement before moving on (issue 14): after a debrief answer that carries feeling, one short line
// that says back its tone ("That sounds hard."), from content/acknowledgements.json. Deciding "carries feeling" is
// kept simple on purpose: a feeling word of a tone (hard, warm) or a cue that names a feeling ("I felt"). An answer
// with no feeling word gets nothing; the line is never the same as the last one said in this debrief.
import { compilePattern, content, normalizeForMatching, type Acknowledgement, type Content } from '../content';

export type Tone = Acknowledgement['tone'];

const compiled = new WeakMap<Content, { tone: 'hard' | 'warm' | 'cue'; re: RegExp }[]>();

function patterns(c: Content) {
  let list = compiled.get(c);
  if (!list) {
    list = c.acknowledgements.feelings.map((f) => ({ tone: f.tone, re: compilePattern(f.pattern, 'gi') }));
    compiled.set(c, list);
  }
  return list;
}

/** The tone of feeling an answer carries, or undefined when it carries none that we can tell. */
export function feelingTone(text: string, c: Content = content()): Tone | undefined {
  let rest = normalizeForMatching(text);
  const found = new Set<string>();
  // Hard words first, and taken out of the text: "not great" is hard, and its "great" must not then count as warm.
  for (const tone of ['hard', 'warm', 'cue'] as const) {
    for (const p of patterns(c).filter((x) => x.tone === tone)) {
      p.re.lastIndex = 0;
      if (p.re.test(rest)) {
        found.add(tone);
        p.re.lastIndex = 0;
        rest = rest.replace(p.re, ' ');
      }
    }
  }
  if (found.has('hard') && found.has('warm')) return 'mixed';
  if (found.has('hard')) return 'hard';
  if (found.has('warm')) return 'warm';
  return found.has('cue') ? 'feeling' : undefined;
}

/**
 * The acknowledgement for an answer, or undefined when it carries no feeling. `last` is the id said last in this
 * debrief (never repeated); `turn` varies the choice from answer to answer so the lines do not cycle in a fixed order.
 */
export function acknowledgementFor(text: string, last: string | undefined, turn: number, c: Content = content()): Acknowledgement | undefined {
  const tone = feelingTone(text, c);
  if (!tone) return undefined;
  const lines = c.acknowledgements.acknowledgements.filter((a) => a.tone === tone && a.id !== last);
  return lines[(turn * 7 + text.length) % lines.length];
}
