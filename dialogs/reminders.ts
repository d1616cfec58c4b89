// Reminder commands: `remind me at 16:30 on weekdays`, `reminders`, `stop reminders`, and `timezone <Area/City>`.
// Each answers in one turn; parsing and scheduling live in services/reminders.
import type { Dialog } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import type { AppServices } from '../services/app';
import { log } from '../services/log';
import { canonicalZone, describeRule, parseReminder } from '../services/reminders/rule';
import { OneTurnDialog } from './oneTurn';
import { personOf } from './turn';

export const REMIND_DIALOG = 'reminders.set';
export const SHOW_REMINDERS_DIALOG = 'reminders.show';
export const STOP_REMINDERS_DIALOG = 'reminders.stop';
export const TIMEZONE_DIALOG = 'reminders.timezone';

const EXAMPLE = '`remind me at 16:30 on weekdays`';
export const words = {
  howTo: `Tell me when, like ${EXAMPLE}, \`remind me at 4:30pm every day\` or \`remind me at 9:00 mon wed fri\`.`,
  badTime: `That time doesn't look right. Try ${EXAMPLE}.`,
  unknownWords: `I couldn't read all of that. Try ${EXAMPLE}, \`every day\` or days like \`mon wed fri\`.`,
  set: (rule: string, zone: string, next: string) =>
    `Done. I'll send a short reminder at ${rule} (${zone} time). The first one is ${next}. Type \`stop reminders\` any time.`,
  otherZone: 'Not your time zone? Type `timezone` and your area, like `timezone America/Vancouver`.',
  current: (rule: string, zone: string, next: string) => `Your reminder: ${rule} (${zone} time). Next one: ${next}. Type \`stop reminders\` to turn it off.`,
  none: `You have no reminder set. To get one, type ${EXAMPLE}.`,
  stopped: `Okay, no more reminders. You can start them again with ${EXAMPLE}.`,
  nothingToStop: "You don't have a reminder set, so there's nothing to stop.",
  zoneIs: (zone: string, localTime: string) => `Your time zone is ${zone} (it's ${localTime} there now). To change it, type something like \`timezone America/Vancouver\`.`,
  badZone: "I don't know that time zone. Use an area name like `America/Toronto`, `America/Vancouver` or `America/Halifax`.",
  zoneSet: (zone: string) => `Got it. Your time zone is now ${zone}.`,
  reminderMoved: (rule: string) => `Your reminder moves with you: ${rule}, your time.`,
};

/** A command that answers in one turn. */
/** "Monday at 4:30 pm", "today at 4:30 pm", "tomorrow at 9:00 am" in the person's zone. */
export function whenText(at: Date, zone: string, now: Date): string {
  const t = DateTime.fromJSDate(at, { zone });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(t.startOf('day').diff(today, 'days').days);
  const day = days === 0 ? 'today' : days === 1 ? 'tomorrow' : t.toFormat('cccc');
  return `${day} at ${t.toFormat('h:mm')} ${t.hour < 12 ? 'am' : 'pm'}`;
}

export function createReminderDialogs(app: AppServices): Dialog[] {
  return [
    new OneTurnDialog(REMIND_DIALOG, async (context, args) => {
      if (!args) return void (await context.sendActivity(words.howTo));
      const parsed = parseReminder(args);
      if (!parsed.ok) {
        log.info('reminder.unparsed', { status: parsed.reason });
        await context.sendActivity(parsed.reason === 'bad_time' ? words.badTime : parsed.reason === 'unknown_words' ? words.unknownWords : words.howTo);
        return;
      }
      const person = personOf(context);
      const now = app.now();
      const { next } = await app.reminders.set(person, parsed.rule, now);
      log.info('reminder.set', { person: person.id.slice(0, 8), count: parsed.rule.days.length });
      const reply = words.set(describeRule(parsed.rule), person.timeZone, whenText(next, person.timeZone, now));
      await context.sendActivity(person.timeZone === app.config.defaultTimeZone ? `${reply}\n\n${words.otherZone}` : reply);
    }),
    new OneTurnDialog(SHOW_REMINDERS_DIALOG, async (context) => {
      const person = personOf(context);
      const current = await app.reminders.current(person.id);
      await context.sendActivity(
        current ? words.current(describeRule(current.rule), person.timeZone, whenText(current.next, person.timeZone, app.now())) : words.none,
      );
    }),
    new OneTurnDialog(STOP_REMINDERS_DIALOG, async (context) => {
      const person = personOf(context);
      const stopped = await app.reminders.stop(person.id);
      if (stopped) log.info('reminder.stopped', { person: person.id.slice(0, 8) });
      await context.sendActivity(stopped ? words.stopped : words.nothingToStop);
    }),
    new OneTurnDialog(TIMEZONE_DIALOG, async (context, args) => {
      const person = personOf(context);
      const now = app.now();
      if (!args) {
        const local = DateTime.fromJSDate(now, { zone: person.timeZone });
        return void (await context.sendActivity(words.zoneIs(person.timeZone, `${local.toFormat('h:mm')} ${local.hour < 12 ? 'am' : 'pm'}`)));
      }
      const zone = canonicalZone(args);
      if (!zone) return void (await context.sendActivity(words.badZone));
      const { reminder } = await app.reminders.setTimeZone(person, zone, now);
      // A supervisor's digest follows them to the new zone at once, not a week late.
      await app.supervision.digest.ensureJob({ ...person, timeZone: zone });
      log.info('person.timezone_set', { person: person.id.slice(0, 8) });
      await context.sendActivity(reminder ? `${words.zoneSet(zone)} ${words.reminderMoved(describeRule(reminder.rule))}` : words.zoneSet(zone));
    }),
  ];
}
