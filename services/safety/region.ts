// Which country's crisis lines to show a person: read from their IANA time zone (every person has one), so a
// PSW in Winnipeg sees 9-8-8 and Kids Help Phone, one in Chicago 988 and Childhelp. A zone we can't place (or
// one outside Canada and the US) shows every region's lines, never none.
export type Region = 'CA' | 'US';

// Canada's zones (tzdata zone1970.tab and backward links), by their city part.
const CANADA = new Set([
  'St_Johns', 'Halifax', 'Glace_Bay', 'Moncton', 'Goose_Bay', 'Toronto', 'Montreal', 'Nipigon', 'Thunder_Bay', 'Iqaluit',
  'Pangnirtung', 'Winnipeg', 'Rainy_River', 'Resolute', 'Rankin_Inlet', 'Regina', 'Swift_Current', 'Edmonton',
  'Cambridge_Bay', 'Yellowknife', 'Inuvik', 'Dawson_Creek', 'Fort_Nelson', 'Creston', 'Whitehorse', 'Dawson',
  'Vancouver', 'Atikokan', 'Coral_Harbour', 'Blanc-Sablon',
]);
const US = new Set([
  'New_York', 'Detroit', 'Chicago', 'Menominee', 'Denver', 'Boise', 'Phoenix', 'Los_Angeles', 'Anchorage', 'Juneau',
  'Sitka', 'Metlakatla', 'Yakutat', 'Nome', 'Adak', 'Louisville', 'Indianapolis', 'Fort_Wayne', 'Shiprock',
]);

export function regionOf(timeZone: string | undefined): Region | undefined {
  if (!timeZone) return undefined;
  if (timeZone.startsWith('Canada/')) return 'CA';
  if (timeZone.startsWith('US/') || timeZone === 'Pacific/Honolulu' || timeZone === 'Navajo') return 'US';
  const m = /^America\/(.+)$/.exec(timeZone);
  if (!m) return undefined;
  const [city, sub] = m[1]!.split('/');
  if (CANADA.has(city!)) return 'CA';
  // America/Indiana/*, America/Kentucky/*, America/North_Dakota/* are all US.
  if (US.has(city!) || (sub && ['Indiana', 'Kentucky', 'North_Dakota'].includes(city!))) return 'US';
  return undefined;
}
