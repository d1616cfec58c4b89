/**
 * Round 22: the facilities left visible, by shape, counted — `npx tsx bench/deidFacilityShapes.ts [--group
 * dev|held|untouched|WRITER,…] [--show KEY] [--n N]`. Each labelled FACILITY span with a character left visible is
 * counted once under each of these keys (and its visible characters under `… chars`):
 * - `kind`: a kind of place in it after its name ("sunrise lodge"), first ("centre X", "casa X": another language's
 *   order, or a kind said first), or none;
 * - `slot`: what stands before it (an article aside) — a place preposition after a verb of going, admitting or staying
 *   ("admitted to X"), a place preposition after anything else ("back at X"), such a verb with no preposition ("left
 *   X", "called X"), a sentence's start before a place's doing ("X discharged him"), another sentence start, or other;
 * - `the`: an article right before it (inside the label or out); `case` lower or capitalised; `words` 1, 2, 3+;
 * - `short`: the note names a longer facility holding every word of it ("the X" after "X Recovery Centre"), and
 *   whether that longer one was hidden; `same` the same words labelled elsewhere in the note;
 * - `model`: whether the facility models were asked about exactly this span (facilityModel.ts candidates(), round 13's
 *   model or the slots'), and if so its margin to its line: no candidate, below by more than 1, within 1, at or above
 *   (then something later gave it back or cut it);
 * - `why`, for a span the models were not asked about after a place preposition: its first word (an article aside)
 *   holds a digit, is a keep-list word, one everyday word in lower case (the 2,000 commonest: "the bridge"), a word
 *   the name rules hid already, or other; in another slot, `no-slot`;
 * - `hidden`: how much of it a placeholder covers (none, partly as NAME, partly as another type); `article-only` when
 *   the only characters left are an article the writer marked inside the span ("[[F:the {morris hospital}]]").
 * `--show KEY[,KEY…]` prints up to N (20) notes of any of the keys — the dev group only (held-out and untouched writers: counts only).
 * Never a blind set (bench/blindSets.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { FacilityScorer, observeFacilities, scoredCandidates, shippedFacilityModel, shippedFacilitySlotModel } from '../services/deidentify/classifier/facilityModel';
import { lists } from '../services/deidentify/classifier/features';
import { spoken } from '../services/deidentify/dictionaries';
import { PLACE_KIND } from '../services/deidentify/placeKinds';
import type { Entity } from '../services/deidentify/types';
import { leftVisible, type LabelledRecord } from './deidMetrics';
import { isBlindSet } from './blindSets';
import { load } from './deid';
import { devWriters15, HELD15, marked } from './deidPlaceShapes';
import { UNTOUCHED } from './writers';

const dataDir = path.resolve(__dirname, 'data');

/** A kind of place (placeKinds.ts, and the short kinds deidPlaceShapes counts). */
const KIND_WORD = new RegExp(`^(?:${PLACE_KIND}|house|hall|mall|park|place|centre|center|home|ward|unit|detox|er|emerg|gym|library|church|arena|pool|rink|ctr|hosp)$`, 'i');
/** Kinds said first, in English or another language: "centre X", "casa X", "hopital X", "clinica X", "maison X". */
const KIND_FIRST = /^(?:centre|center|ctr|hopital|hôpital|hospital|clinica|clínica|clinique|casa|maison|hogar|posada|albergue|centro|foyer|accueil|camp|fort|st|saint|ste|mount|mt|our|hotel|motel|club|urgences|c\.?l\.?s\.?c|clsc|masjid|gurdwara|mandir)\b/i;
const PLACE_PREPS = new Set(['at', 'in', 'to', 'from', 'frm', 'into', 'outta', 'near', '2', '@', 'inside', 'outside', 'of', 'by', 'behind', 'across']);
/** Verbs of going, admitting, staying, leaving and contact that take a place. */
const PLACE_VERB = /^(?:go|goes|going|went|gone|back|stay|stays|stayed|staying|slept|sleeps|sleeping|crash\w*|admit\w*|discharg\w*|moved?|moving|sent|took|taken|transferr\w*|released?|dropped|picked|drove|walked|brought|checked|lives?|living|lived|works?|worked|working|intake|bed|booked|housed|placed|locked|held|landed|headed|heading|return\w*|stuck|left|leaving|visit\w*|called|call|calling|phoned|contacted|tried|try|attends?|attended|attending|enrolled|referr\w*|refer|ended|got|get|gets|arrived?|came|come|comes|been)$/i;
/** What a place does as a subject ("X discharged him", "X has a bed", "X staff said"). */
const PLACE_DOES = /^(?:discharg\w*|kicked|kicks|released?|has|had|got|gets|said|says|sed|sez|called|phoned|texted|staff|closed|opened|wants|needs|cant|wont|is|was|full|let|lets|told|sent|gave|took|nurse|caseworker|worker|van|doctor|dr|manager|intake|er|emerg|ward|confirmed|placed|lost|asked|asks|will|accepted|approved|denied|refused|moved)$/i;

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const showKey = option('--show');
const showN = Number(option('--n') ?? 20);
let shown = 0;

const count = new Map<string, number>();
const add = (k: string, n = 1): void => void count.set(k, (count.get(k) ?? 0) + n);

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu)?.map((w) => w.replace(/['’]s$|[.'’-]+$/, '')) ?? [];
const ARTICLE = /^(?:the|teh|da|tha|le|la)$/;

/** The word before `start` (lower case, signs trimmed), the one before it, and whether a sentence opens there. */
export function before(text: string, start: number): { w1: string; w2: string; opens: boolean } {
  const head = text.slice(Math.max(0, start - 60), start);
  const opens = /(?:^|[.!?;:\n]["')\]]*)\s*$/.test(head);
  const ws = head.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase().replace(/^[("']+|[,)"']+$/g, ''));
  return { w1: ws[ws.length - 1] ?? '', w2: ws[ws.length - 2] ?? '', opens };
}

export function slotOf(text: string, start: number, end: number): { slot: string; the: boolean } {
  let b = before(text, start);
  let the = false;
  if (ARTICLE.test(b.w1) && !b.opens) {
    the = true;
    const at = text.lastIndexOf(b.w1, start - 1);
    b = before(text, at >= 0 ? at : start);
  }
  const after = /^\s+([\p{L}']+)/u.exec(text.slice(end, end + 30))?.[1] ?? '';
  if (b.opens) return { slot: PLACE_DOES.test(after) ? 'subject-doing' : 'start-other', the };
  if (PLACE_PREPS.has(b.w1)) return { slot: PLACE_VERB.test(b.w2) ? 'prep-after-verb' : 'prep', the };
  if (PLACE_VERB.test(b.w1)) return { slot: 'verb', the };
  if (/^(?:and|n|&|or|then|,)$/.test(b.w1) || /,$/.test(text.slice(Math.max(0, start - 3), start).trim())) return { slot: 'list', the };
  if (PLACE_DOES.test(after)) return { slot: 'subject-doing', the };
  return { slot: 'other', the };
}

export function kindOf(ws: readonly string[]): string {
  if (ws.length > 1 && KIND_FIRST.test(ws[0]!)) return 'first';
  if (ws.some((w, k) => k > 0 && KIND_WORD.test(w)) || (ws.length > 1 && KIND_WORD.test(ws[ws.length - 1]!))) return 'after';
  if (ws.length === 1 && KIND_WORD.test(ws[0]!)) return 'kind-alone';
  return 'none';
}

/** The shipped models' scorers, made at the first note. */
let scorers: { scorer: FacilityScorer; slotScorer: FacilityScorer | null } | undefined;

/** Why the models were not asked about a span after a place preposition (approximately: the first word's gate). */
export function whyNone(ws: readonly string[], raw: string, slot: string, hidden: string): string {
  if (slot !== 'prep' && slot !== 'prep-after-verb') return 'no-slot';
  const first = ws[0] ?? '';
  if (/\d/.test(first)) return 'digit';
  if (hidden === 'part-NAME') return 'name-hidden';
  if (lists(first).includes('K')) return 'keep-list';
  const r = spoken().rank.get(first);
  if (ws.length === 1 && raw === raw.toLowerCase() && r !== undefined && r < 2000) return 'everyday-one-word';
  if (ws.length > 5) return 'long';
  return 'other';
}

function scoreNote(r: LabelledRecord, printable: boolean): void {
  let found: Entity[] = [];
  observeFacilities((t, f) => {
    if (t === r.text) found = [...f];
  });
  let preds: Entity[];
  try {
    preds = deidentify(r.text).entities;
  } finally {
    observeFacilities(null);
  }
  const facs = r.spans.filter((s) => s.type === 'FACILITY');
  const slotModel = shippedFacilitySlotModel();
  scorers ??= { scorer: new FacilityScorer(shippedFacilityModel()), slotScorer: slotModel ? new FacilityScorer(slotModel) : null };
  const { scorer, slotScorer } = scorers;
  let cands: ReturnType<typeof scoredCandidates> | undefined;
  for (const a of facs) {
    add('F total');
    if (!leftVisible(r.text, a, preds)) continue;
    const v = r.text.slice(a.start, a.end);
    const all = words(v);
    const lead = all.length > 1 && ARTICLE.test(all[0]!) ? 1 : 0;
    const ws = all.slice(lead);
    const { slot, the } = slotOf(r.text, a.start, a.end);
    // A longer facility of the note holding every word of this one (articles and kinds aside).
    const core = ws.filter((w) => !KIND_WORD.test(w));
    let short = 'none';
    for (const o of facs) {
      if (o === a) continue;
      const ow = words(r.text.slice(o.start, o.end)).filter((w) => !ARTICLE.test(w));
      if (ow.join(' ') === ws.join(' ')) {
        if (short === 'none') short = 'same';
        continue;
      }
      if (core.length && ow.length > ws.length && core.every((w) => ow.includes(w))) {
        short = `short-of-${o.start < a.start ? 'earlier' : 'later'}-${leftVisible(r.text, o, preds) ? 'visible' : 'hidden'}`;
        break;
      }
    }
    cands ??= scoredCandidates(scorer, r.text, found, slotScorer);
    const start = a.start + (lead ? (/^\s*\S+\s+/.exec(v)?.[0].length ?? 0) : 0);
    const own = cands.filter((c) => c.start === start && c.end === a.end);
    const line = (slot: boolean) => (slot ? (slotScorer?.model.threshold ?? 0) : scorer.model.threshold);
    const margin = own.length ? Math.max(...own.map((c) => c.score - line(c.slot))) : Number.NaN;
    const modelKey = !own.length ? 'no-candidate' : margin >= 0 ? 'at-line' : margin >= -1 ? 'within-1' : 'below-1';
    const over = preds.filter((p) => p.start < a.end && a.start < p.end);
    const hidden = !over.length ? 'none' : over.every((p) => p.type === 'NAME') ? 'part-NAME' : `part-${[...new Set(over.map((p) => p.type))].join('+')}`;
    const lower = v === v.toLowerCase() ? 'lower' : 'capitalised';
    const visible = [...v].filter((ch, k) => !/\s/.test(ch) && !preds.some((p) => p.start <= a.start + k && a.start + k < p.end)).join('');
    const articleOnly = lead > 0 && ARTICLE.test(visible.toLowerCase());
    const n = ws.length >= 3 ? '3+' : String(ws.length);
    const kind = kindOf(ws);
    const keys = [
      'F-miss',
      `kind ${kind}`,
      `slot ${slot}`,
      `the ${the || lead ? 'yes' : 'no'}`,
      `case ${lower}`,
      `words ${n}`,
      `short ${short}`,
      `model ${modelKey}${own.length ? (own.some((c) => c.slot) ? ' (slot)' : ' (prep)') : ''}`,
      `hidden ${articleOnly ? 'article-only' : hidden}`,
      ...(own.length ? [] : [`why ${whyNone(ws, lead ? v.replace(/^\s*\S+\s+/, '') : v, slot, hidden)}`]),
      `x ${kind === 'none' ? 'no-kind' : `kind-${kind}`}/${slot}/${n}`,
      `x ${kind === 'none' ? 'no-kind' : `kind-${kind}`}/${modelKey}`,
    ];
    const chars = visible.length;
    for (const k of keys) {
      add(k);
      add(`${k} chars`, chars);
    }
    if (printable && showKey?.split(',').some((sk) => keys.some((k) => k.startsWith(sk))) && shown < showN) {
      shown++;
      console.log(`${keys.slice(1, 10).join(' | ')}\t${JSON.stringify(v)}\t${marked(r, preds).replace(/\n/g, ' ')}`);
    }
  }
}

function main(): void {
  const group = option('--group') ?? 'dev';
  const files = group === 'dev' ? devWriters15() : group === 'held' ? HELD15 : group === 'untouched' ? [...UNTOUCHED] : group.split(',');
  const printable = (w: string) => devWriters15().includes(w);
  for (const w of files) {
    const file = ['txt', 'jsonl'].map((x) => path.join(dataDir, `${w}.${x}`)).find((f) => fs.existsSync(f));
    if (!file || isBlindSet(file)) throw new Error(`deidFacilityShapes: ${w} is no training writer here`);
    for (const r of load(file)) scoreNote(r, printable(w));
  }
  console.log(`# ${group}: ${files.length} files`);
  const head = (k: string) => (k.startsWith('x ') ? k.replace(/\/.*$/, '') : k.split(' ')[0]!);
  const sorted = [...count].filter(([k]) => !k.endsWith(' chars')).sort((a, b) => head(a[0]).localeCompare(head(b[0])) || b[1] - a[1]);
  for (const [k, n] of sorted) console.log(`${k}\t${n}\t${count.get(`${k} chars`) ?? ''}`);
}

if (require.main === module) main();
