// Plain words for what de-identification took out ("2 names and 1 phone number"), for the debrief review
// and onboarding alike. Counts and types only: the words themselves are never kept.
import type { EntityType } from '../deidentify';
import type { ReflectionDoc } from './model';
import type { PSW_REDACTION } from './redact';

const WORDS: Record<EntityType | typeof PSW_REDACTION, [string, string]> = {
  NAME: ['name', 'names'], PHONE: ['phone number', 'phone numbers'], EMAIL: ['email address', 'email addresses'],
  ADDRESS: ['street address', 'street addresses'], POSTAL_CODE: ['postal code', 'postal codes'], DATE: ['date', 'dates'],
  AGE: ['age', 'ages'], SIN: ['SIN', 'SINs'], SSN: ['SSN', 'SSNs'], HEALTH_CARD: ['health card number', 'health card numbers'],
  MRN: ['chart or file number', 'chart or file numbers'], URL: ['web address', 'web addresses'],
  HANDLE: ['social media handle', 'social media handles'], IP: ['IP address', 'IP addresses'], PLATE: ['licence plate', 'licence plates'],
  FACILITY: ['place name', 'place names'], CREDIT_CARD: ['card number', 'card numbers'], IBAN: ['bank account number', 'bank account numbers'],
  PASSPORT: ['passport number', 'passport numbers'], DRIVER_LICENCE: ["driver's licence number", "driver's licence numbers"],
  ACCOUNT: ['account number', 'account numbers'], ID: ['ID number', 'ID numbers'], REDACTED: ['thing you asked me to hide', 'things you asked me to hide'],
};

/** "2 names and 1 phone number"; '' when nothing was redacted. Largest counts first. */
export function describeRedactions(redactions: Record<string, number>): string {
  const parts = Object.entries(redactions)
    .filter(([, n]) => n > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([type, n]) => {
      const [one, many] = WORDS[type as keyof typeof WORDS] ?? ['identifier', 'identifiers'];
      return `${n} ${n === 1 ? one : many}`;
    });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** All redactions of a reflection (or draft), summed over its answers. */
export function totalRedactions(doc: Pick<ReflectionDoc, 'answers'>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const a of doc.answers) for (const [type, n] of Object.entries(a.redactions)) total[type] = (total[type] ?? 0) + n;
  return total;
}
