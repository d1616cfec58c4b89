// Plain words for what de-identification took out ("2 names and 1 phone number"), for the debrief review and
// onboarding alike, in the person's locale. Counts and types only: the words themselves are never kept.
import { list, t, type MessageKey } from '../../services/catalogue';
import type { EntityType } from '../../services/deidentify';
import type { PSW_REDACTION } from '../../services/reflections/redact';

/** Each kind's words in the catalogue ("{count, plural, one {# name} other {# names}}"). */
const WORDS: Record<EntityType | typeof PSW_REDACTION, MessageKey> = {
  NAME: 'redactions.name', PHONE: 'redactions.phone', EMAIL: 'redactions.email', ADDRESS: 'redactions.address',
  POSTAL_CODE: 'redactions.postalCode', DATE: 'redactions.date', AGE: 'redactions.age', SIN: 'redactions.sin', SSN: 'redactions.ssn',
  HEALTH_CARD: 'redactions.healthCard', MRN: 'redactions.mrn', URL: 'redactions.url', HANDLE: 'redactions.handle', IP: 'redactions.ip',
  PLATE: 'redactions.plate', FACILITY: 'redactions.facility', CREDIT_CARD: 'redactions.creditCard', IBAN: 'redactions.iban',
  PASSPORT: 'redactions.passport', DRIVER_LICENCE: 'redactions.driverLicence', ACCOUNT: 'redactions.account', ID: 'redactions.id',
  REDACTED: 'redactions.redacted',
};

/** "2 names and 1 phone number"; '' when nothing was redacted. Largest counts first. */
export function describeRedactions(redactions: Record<string, number>): string {
  const parts = Object.entries(redactions)
    .filter(([, n]) => n > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([type, count]) => t(WORDS[type as keyof typeof WORDS] ?? 'redactions.other', { count }));
  return list(parts);
}
