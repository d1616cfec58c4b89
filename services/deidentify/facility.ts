/** Named facilities: hospitals, clinics, shelters, missions ("St. Michael's Hospital", "Harbour Light shelter"). */
import type { Entity } from './types';
import { FACILITY_WORDS, KEEP } from './lexicon';
import { mayHoldUpper, withoutPossessive } from './words';
import { cue, mayHold } from './cues';

const CAPW = "(?:St\\.|Ste\\.|Mt\\.|\\p{Lu}[\\p{L}\\p{M}'’-]*)";
const JOIN = "(?:of|the|for|and|&|de|du|des|la|le)";
// Facility words match capitalised or not ('Harbour Light shelter'); the names before them must be capitalised.
// Round 10: heads that end a capitalised name too ("Stony Mountain Penitentiary", "St. Cecilia's Parish"). Not
// "Treatment": it named programs more than places (hand-test over-redaction +0.26 point, untouched writers +0).
const HEADS = new Set([...FACILITY_WORDS, 'recovery', 'correctional', 'penitentiary', 'parish', 'detachment']);
/** HEADS as a cue (cues.ts): every match of FACILITY and FACILITY_FIRST holds one inside a word. Keep in step with both. */
const HEADS_CUE = cue([...HEADS].join(' '));
const FAC = [...HEADS].map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
const FACILITY = new RegExp(
  `${CAPW}(?: (?:${CAPW}|${JOIN}))* (?:${FAC})\\b(?: (?:for|of) (?:the )?${CAPW}(?: (?:${CAPW}|and|&|of))*)?`,
  'gu',
);
/** "Centre for Addiction and Mental Health", "House of Hope": the facility word comes first. */
const FACILITY_FIRST = new RegExp(`\\b(?:Hospital|Centre|Center|House|Mission|Clinic|Institute) (?:for|of) (?:the )?${CAPW}(?: (?:${CAPW}|and|&|of))*`, 'gu');
const LEADING_FILLER = new Set(
  'the then at in on we i he she they went called visited from to and but so after before took drove walked brought left stayed our my his her their a an this that booked referred started starting finished completed attends attending enrolled signed needs wants tried doing did does'.split(' '),
);
const GENERIC = new Set('community health mental medical general public local new old main central north south east west the of for and residential outpatient inpatient addiction addictions drug alcohol day'.split(' '));

export function facilities(text: string): Entity[] {
  const out: Entity[] = [];
  // Every match opens with a capital (CAPW, or the facility word first) and holds a facility word (round 25: most
  // texts with a capital hold none): a text without both is not scanned.
  if (!mayHoldUpper(text) || !mayHold(text, HEADS_CUE)) return out;
  for (const re of [FACILITY, FACILITY_FIRST]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let s = m[0];
      let start = m.index;
      // Facility words are matched case-insensitively only after capitalised names ("Harbour Light shelter").
      const words = s.split(' ');
      while (words.length > 1 && LEADING_FILLER.has(words[0]!.toLowerCase())) {
        start += words[0]!.length + 1;
        words.shift();
      }
      if (!/^\p{Lu}/u.test(words[0]!)) continue;
      const named = words.filter((w) => /^\p{Lu}/u.test(w) && !HEADS.has(w.toLowerCase()));
      if (named.length === 0 && re === FACILITY) continue;
      if (named.length > 0 && named.every((w) => KEEP.has(withoutPossessive(w.toLowerCase())) || GENERIC.has(w.toLowerCase()))) continue;
      // "Western Hospital for the Suboxone induction": a keep-listed word ends the name before "for/of".
      const tail = words.findIndex((w, k) => k > 0 && /^(?:for|of)$/.test(w) && words.slice(k + 1).some((x) => KEEP.has(x.toLowerCase())));
      if (tail > 0) words.splice(tail);
      s = words.join(' ');
      out.push({ start, end: start + s.length, type: 'FACILITY' });
    }
  }
  return out;
}
