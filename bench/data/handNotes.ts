/**
 * Reads the hand-written notes (bench/data/hand-{dev,test}.txt) into labelled records. A line is
 * `register<TAB>text`, identifiers marked [[T:value]]; `#` lines are comments.
 */
import fs from 'node:fs';
import type { LabelledRecord } from '../deidMetrics';

const TYPES: Record<string, [string, string]> = {
  N: ['PERSON', 'A_NAMES'], A: ['STREET_ADDRESS', 'B_GEOGRAPHIC'], Z: ['ZIP_CODE', 'B_GEOGRAPHIC'], F: ['FACILITY', 'B_GEOGRAPHIC'],
  D: ['DATE_TIME', 'C_DATES'], G: ['AGE', 'C_AGE_OVER_89_ONLY'], P: ['PHONE_NUMBER', 'D_PHONE'], E: ['EMAIL_ADDRESS', 'F_EMAIL'],
  M: ['MRN', 'H_MRN'], H: ['HEALTH_CARD', 'I_HEALTH_PLAN'], L: ['PLATE', 'L_VEHICLE'], K: ['HANDLE', 'R_OTHER'], U: ['URL', 'N_URL'],
};

export function parseNote(id: string, line: string): LabelledRecord & { register: string } {
  const tab = line.indexOf('\t');
  if (tab < 0) throw new Error(`${id}: expected "register<TAB>text"`);
  const register = line.slice(0, tab).trim();
  const marked = line.slice(tab + 1);
  let text = '';
  const spans: LabelledRecord['spans'] = [];
  // A value may hold a single ']' ("jdoe[at]hotmail"); ']]' ends it.
  const re = /\[\[([A-Z]):((?:[^\]]|\](?!\]))+)\]\]/g;
  let at = 0;
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    text += marked.slice(at, m.index);
    const t = TYPES[m[1]!];
    if (!t) throw new Error(`${id}: unknown type ${m[1]}`);
    spans.push({ start: text.length, end: text.length + m[2]!.length, type: t[0], hipaa: t[1] });
    text += m[2]!;
    at = m.index + m[0].length;
  }
  text += marked.slice(at);
  return { id, register, text, spans };
}

export function loadNotes(file: string, prefix: string): Array<LabelledRecord & { register: string }> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l, i) => parseNote(`${prefix}-${String(i).padStart(4, '0')}`, l));
}
