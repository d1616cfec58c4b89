// A reporting period in the person's words: "week of 3 Mar 2026", or "4 weeks from 9 Feb 2026".
// services/supervision/period.ts says which period (a kind and a local date); the month name is the locale's.
import { t } from '../../services/catalogue';
import type { PeriodLabel } from '../../services/supervision/period';
import { formatDate } from './dates';

export function periodLabel(label: PeriodLabel): string {
  // The date is a calendar date already: read and written in UTC, so no zone moves it a day.
  const date = formatDate(`${label.date}T00:00:00Z`, 'utc', 'd LLL yyyy');
  if (label.kind === 'weeksFrom') return t('period.weeksFrom', { weeks: label.weeks, date });
  return t('period.weekOf', { date });
}
