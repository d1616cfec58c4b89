// `timezone <what people type>`: an IANA name ("America/Vancouver"), a city that is the last part of one
// ("Vancouver", "new york", "St. John's"), or a place or region listed in content/timezone-places.json ("Calgary",
// "Montréal", "Vancouver, BC", "pacific"). The list is read and checked against its schema once, when first needed;
// a zone in it that this Node's ICU does not know is a content error naming the place.
import { IANAZone } from 'luxon';
import { readCheckedList } from '../content/checkedList';
import { packagePath } from '../paths';
import { canonicalZone } from './rule';

const FILE = 'timezone-places.json';

export interface ZoneMatch {
  zone: string;
  /** How it was found: the IANA name itself, a city that names a zone, or the content list. */
  via: 'iana' | 'city' | 'list';
}

let listed: Map<string, string> | undefined;
let cities: Map<string, string> | undefined;

/** "Montréal, QC" → "montreal qc"; "St. John's" → "st johns"; "Trois-Rivières" → "trois rivieres". */
export function placeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** The content list, checked: every zone must be one ICU knows, so a typo there fails at first use, not silently. */
export function loadPlaces(dir: string = packagePath('content')): Map<string, string> {
  const data = readCheckedList<{ groups: { places: Record<string, string> }[] }>(FILE, dir);
  const map = new Map<string, string>();
  for (const g of data.groups) {
    for (const [place, zone] of Object.entries(g.places)) {
      if (!IANAZone.isValidZone(zone)) throw new Error(`content/${FILE}: "${place}" names an unknown time zone ${zone}`);
      if (map.has(place)) throw new Error(`content/${FILE}: "${place}" is listed twice`);
      map.set(place, zone);
    }
  }
  return map;
}

/** Every zone's own city ("America/Port_of_Spain" → "port of spain"); the first zone to claim a city keeps it. */
function zoneCities(): Map<string, string> {
  const map = new Map<string, string>();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    if (!zone.includes('/') || zone.startsWith('Etc/')) continue;
    const city = placeKey(zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' '));
    if (!map.has(city)) map.set(city, zone);
  }
  return map;
}

// Region words people add after a city ("Vancouver BC", "Regina, Sask"): dropped when the whole does not match.
const REGION_TAIL = /\s+(?:bc|ab|alta|sk|sask|mb|man|on|ont|ontario|qc|que|quebec|nb|ns|pe|pei|nl|nfld|yt|nt|nu|canada|usa|us|wa|or|ca|tx|il|ny|ma|fl|ga|mn|co|az)$/;

/** The IANA zone for what was typed after `timezone`, or undefined when nothing fits. */
export function zoneFor(input: string): ZoneMatch | undefined {
  listed ??= loadPlaces();
  // The list first: "EST" is also an IANA zone, a fixed offset with no daylight saving, which is not what people mean.
  const named = listed.get(placeKey(input));
  if (named) return { zone: named, via: 'list' };
  const iana = canonicalZone(input);
  if (iana) return { zone: iana, via: 'iana' };
  cities ??= zoneCities();
  const whole = placeKey(input);
  const beforeComma = placeKey(input.split(',')[0] ?? '');
  for (const key of [...new Set([whole, whole.replace(REGION_TAIL, ''), beforeComma])]) {
    if (!key) continue;
    const fromList = listed.get(key);
    if (fromList) return { zone: fromList, via: 'list' };
    const fromCity = cities.get(key);
    if (fromCity) return { zone: canonicalZone(fromCity) ?? fromCity, via: 'city' };
  }
  return undefined;
}
