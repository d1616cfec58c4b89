/** Runs the detectors, settles overlaps, and writes typed placeholders. */
import type { DeidentifyOptions, DeidentifyResult, Entity } from './types';
import * as p from './patterns';
import { addresses } from './address';
import { facilities } from './facility';
import { names } from './names';
import { KEEP } from './lexicon';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Known names: the whole name and each part, whole word, case-insensitive; "Sam's" keeps its "'s". */
export function knownNameSpans(text: string, known: readonly string[] | undefined): Entity[] {
  if (!known || known.length === 0) return [];
  const variants = new Set<string>();
  for (const raw of known) {
    const n = raw.trim().replace(/\s+/g, ' ');
    if (!n) continue;
    variants.add(n);
    for (const part of n.split(' ')) if (part.length >= 2 && !KEEP.has(part.toLowerCase())) variants.add(part);
  }
  if (variants.size === 0) return [];
  const alternatives = [...variants].sort((a, b) => b.length - a.length).map((v) => escapeRegExp(v).replace(/ /g, '\\s+'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  const out: Entity[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, type: 'NAME' });
  return out;
}

/**
 * Detectors in priority order: on overlap an earlier one wins unless a later span contains it whole.
 * Each carries a cheap test for a character its every match must hold, so texts without digits (most
 * reflections) skip the number detectors' regexes altogether.
 */
const DIGIT = /\d/;
const DETECTORS: Array<[(t: string) => Entity[], (t: string) => boolean]> = [
  [p.email, (t) => t.includes('@')], [p.url, (t) => t.includes('.')], [p.ip, (t) => DIGIT.test(t) && (t.includes('.') || t.includes(':'))],
  [p.iban, (t) => DIGIT.test(t)], [p.handle, (t) => t.includes('@')],
  [p.healthCard, (t) => DIGIT.test(t)], [p.canadianPostal, (t) => DIGIT.test(t)], [p.recordNumber, (t) => DIGIT.test(t)],
  [p.plate, (t) => DIGIT.test(t)], [p.zip, (t) => DIGIT.test(t)],
  [p.date, (t) => DIGIT.test(t)], [p.idNumber, (t) => DIGIT.test(t)], [p.phone, (t) => DIGIT.test(t)],
  [addresses, () => true], [p.age, () => true], [facilities, () => true], [names, () => true],
];

function settle(candidates: Entity[][]): Entity[] {
  let accepted: Entity[] = [];
  for (const group of candidates) {
    for (const c of group) {
      if (c.end <= c.start) continue;
      const overlapping = accepted.filter((a) => a.start < c.end && c.start < a.end);
      if (overlapping.length === 0) {
        accepted.push(c);
      } else if (overlapping.every((a) => c.start <= a.start && a.end <= c.end) && c.end - c.start > Math.max(...overlapping.map((a) => a.end - a.start))) {
        // A longer span that covers finer ones (an address holding its postal code) replaces them.
        accepted = accepted.filter((a) => !overlapping.includes(a));
        accepted.push(c);
      }
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

export function deidentify(text: string, opts: DeidentifyOptions = {}): DeidentifyResult {
  const groups = [knownNameSpans(text, opts.knownNames), ...DETECTORS.map(([d, may]) => (may(text) ? d(text) : []))];
  const entities = settle(groups).map((e) => ({ start: e.start, end: e.end, type: e.type }));
  let redacted = '';
  let at = 0;
  for (const e of entities) {
    redacted += text.slice(at, e.start) + `[${e.type}]`;
    at = e.end;
  }
  redacted += text.slice(at);
  return { redacted, entities };
}
