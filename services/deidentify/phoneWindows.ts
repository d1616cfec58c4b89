/**
 * Whether libphonenumber can find a number in a digit cluster at all, asked before calling it: `findNumbers` costs
 * 100-1,000 µs a call (for a number of calling code 1 it tries the 25 NANP countries in turn, compiling their patterns
 * from strings each time), most clusters it is given are house numbers, card numbers and ids, and it finds nothing in
 * them.
 *
 * The test is exact, not a guess. With "US" as the default country and no "+" or "011" (the US international prefix),
 * every number libphonenumber can find in a cluster has calling code 1, and its national number is a run of the
 * cluster's digits (separators, a leading "1" and an extension are only ever dropped around it). `findNumbers` keeps
 * only valid numbers (leniency VALID), and a valid number of calling code 1 matches a type pattern of its country
 * (fixed line, mobile, toll-free…) where the country has types (US, CA), and the country's national-number pattern
 * where it has none (getNumberType, isValid). So when no run of the digits matches any of those patterns of any NANP
 * country, `findNumbers` finds nothing. The patterns are read from the metadata `findNumbers` itself uses.
 */
import { Metadata } from 'libphonenumber-js';

let anyPattern: RegExp | undefined;

/** Every pattern a valid number of calling code 1 matches entirely, as one anchored regex (built once). */
function nanpPattern(): RegExp {
  if (anyPattern) return anyPattern;
  const m = new Metadata() as unknown as {
    metadata: { country_calling_codes: Record<string, string[]> };
    selectNumberingPlan(c: string): void;
    numberingPlan: { types(): unknown[] | undefined; nationalNumberPattern(): string };
  };
  const patterns: string[] = [];
  for (const country of m.metadata.country_calling_codes['1'] ?? []) {
    m.selectNumberingPlan(country);
    const types = (m.numberingPlan.types() ?? []).filter((t): t is [string] => Array.isArray(t) && typeof t[0] === 'string' && t[0] !== '');
    if (types.length) for (const t of types) patterns.push(t[0]);
    else patterns.push(m.numberingPlan.nationalNumberPattern());
  }
  anyPattern = new RegExp(`^(?:${patterns.map((p) => `(?:${p})`).join('|')})$`);
  return anyPattern;
}

/**
 * False when libphonenumber (default country US) can find no number in `cluster`: no "+", no "011", and no run of its
 * digits is a valid national number of a NANP country. True means only that it may.
 */
export function mayHoldPhone(cluster: string): boolean {
  if (cluster.includes('+')) return true;
  let digits = '';
  for (let i = 0; i < cluster.length; i++) {
    const c = cluster.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += cluster[i];
  }
  if (digits.includes('011')) return true;
  const re = nanpPattern();
  for (let i = 0; i < digits.length; i++) for (let j = i + 1; j <= digits.length; j++) if (re.test(digits.slice(i, j))) return true;
  return false;
}
