// A reminder rule in the person's words: "4:30 pm on weekdays", "12:00 pm on Monday, Wednesday and Friday",
// "16 h 30 en semaine" — services/reminders/rule.ts holds the rule as data (a time and ISO weekdays).
import { list, t } from '../../services/catalogue';
import type { ReminderRule } from '../../services/reminders/rule';
import { clock, weekdayName } from './dates';

export function describeRule(rule: ReminderRule): string {
  const [hour, minute] = rule.time.split(':').map(Number);
  const time = clock(hour!, minute!);
  const days = rule.days.join(',');
  if (days === '1,2,3,4,5,6,7') return t('reminders.rule.everyDay', { time });
  if (days === '1,2,3,4,5') return t('reminders.rule.weekdays', { time });
  if (days === '6,7') return t('reminders.rule.weekends', { time });
  return t('reminders.rule.days', { time, days: list(rule.days.map(weekdayName)) });
}
