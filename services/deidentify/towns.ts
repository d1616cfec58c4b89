/**
 * Towns said as places (issue 13, over-redaction, round 8). PSWs write where a client lives, moved from or goes back
 * to by the town's name ("moved to edson", "her mom in kutaisi", "he is from yakima"); a town is no identifier of a
 * person, but its name is unknown to the English lists, so the name rules hide it. A name span is given back when
 * content/deid-towns.json (GeoNames, scripts/deid-towns.ts) holds it and it stands in a place slot:
 * - after "in", "near", "outside", "around" ("lives in dallas", "family in kutaisi"), not before a possessive ("in
 *   kevin's car") nor after a word of being somewhere ("he is in springhill till spring", "still in bordeaux": a jail
 *   is named by its town);
 * - after "from" only after a word of coming from or being from ("she is from yakima", "moved here from lagos"; "a
 *   text from sandy", "back from bordeaux" — a jail — and "her friend from crestwood" keep theirs);
 * - after "to" only after a word of going ("moved to edson", "trip to tbilisi"; "talked to X", "sent to X" keep theirs);
 * - after "of" only after a word of a place ("city of kent", "north of hinton").
 * In a person slot the same word stays hidden: the slot decides, never the list alone. Towns a given-name list holds
 * (Regina, Austin, Pearl) are left out, and so are places that name a jail or a hospital the list cannot tell apart
 * by their place ("in springhill till spring"): those are the cost, counted in docs/DEIDENTIFICATION.md. Countries,
 * states and boroughs that are names too (Georgia, Tonga, Brooklyn: the keep-list group scoped "place-slot") are
 * given back here, by the same slots.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { packagePath } from '../paths';
import { dictionaries } from './dictionaries';
import { keepList } from './keepList';

const set = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

const IN_PLACE = set(`in near nr outside around`);
/** Words before "in" after which the town may be the jail or hospital there: "is in springhill", "locked up in amos". */
const HELD_IN = set(`is was are were be been being he's she's hes shes they're theyre still now up time doing stays staying
  stayed kept held`);
/** Words before "from" of coming from or being from a place. */
const FROM_PLACE = set(`is was are were be been im i'm iam he's she's hes shes they're theyre came come comes coming moved moving
  immigrated arrived arriving originally fled escaped flew flying drove family families people folks relatives refugee
  refugees newcomer newcomers born raised here all straight`);
/** Words of going before "to": the next word is where. */
const GOING_TO = set(`moved move moves moving went go goes going gone back trip drove drive driving flew fly flying headed heading
  head bus train travel travelled traveled travelling traveling returned return returning came come comes coming relocated
  relocate relocating way road ticket flight flights`);
/** Words of a place before "of": the next word is the place. */
const PLACE_OF = set(`city town village outskirts north south east west province state county part area region suburbs
  centre center downtown`);

let towns: Set<string> | undefined;

function townNames(): Set<string> {
  if (towns) return towns;
  const file = path.join(packagePath('content'), 'deid-towns.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { terms: string[] };
  const schema = JSON.parse(fs.readFileSync(path.join(packagePath('content'), 'schemas', 'deid-towns.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: true }).compile(schema);
  if (!validate(data)) throw new Error(`content/deid-towns.json: ${validate.errors?.[0]?.instancePath} ${validate.errors?.[0]?.message}`);
  const first = dictionaries().firstNames;
  towns = new Set(data.terms.filter((t) => !first.has(t)));
  for (const t of keepList().scoped.get('place-slot') ?? []) towns.add(t);
  return towns;
}

/** The word that ends right before `at` (spaces or tabs between), from its start; [word, its start] or ['', -1]. */
function wordEndingAt(text: string, at: number): [string, number] {
  let e = at;
  while (e > 0 && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  if (e === at) return ['', -1];
  let s = e;
  while (s > 0 && text[s - 1] !== ' ' && text[s - 1] !== '\t' && text[s - 1] !== '\n' && e - s < 30) s--;
  return [text.slice(s, e).toLowerCase(), s];
}

/** Whether [start, end) stands where a place is said (the slots above), by the one or two words before it. */
export function placeSlot(text: string, start: number, end: number): boolean {
  // "in kevin's car": a possessive names a person's thing, not a place.
  if ((text[end] === "'" || text[end] === '’') && (text[end + 1] === 's' || text[end + 1] === 'S')) return false;
  // Most name spans have no place word before them: one look at that word, the word before it only after one.
  const [prev, at] = wordEndingAt(text, start);
  if (!prev) return false;
  const slot = IN_PLACE.has(prev) ? 1 : prev === 'from' || prev === 'frm' ? 2 : prev === 'to' || prev === '2' ? 3 : prev === 'of' ? 4 : 0;
  if (!slot) return false;
  const before = wordEndingAt(text, at)[0].replace(/[^\p{L}$]+$/u, '');
  if (slot === 1) return !HELD_IN.has(before);
  if (slot === 2) return FROM_PLACE.has(before);
  return slot === 3 ? GOING_TO.has(before) : PLACE_OF.has(before);
}

/** Whether the span [start, end) is a town said as a place. */
export function townInPlace(text: string, start: number, end: number): boolean {
  if (!placeSlot(text, start, end)) return false;
  const name = text.slice(start, end).toLowerCase().replace(/\s+/g, ' ');
  return townNames().has(name);
}
