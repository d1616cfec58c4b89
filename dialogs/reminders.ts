// Reminder commands: `remind me at 16:30 on weekdays` (several allowed), `reminders` (each listed, with a button to
// stop it), `stop reminder 2` / `stop reminder 4:30 pm` / `stop reminders` (all), and `timezone <zone or place>`.
// Each answers in one turn; parsing, places and scheduling live in services/reminders.
import type { Dialog } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { adaptiveCard, cardAttachment, commandButton, textBlock } from '../cards/card';
import type { AppServices } from '../services/app';
import { log } from '../services/log';
import { MAX_REMINDERS, type CurrentReminder } from '../services/reminders/reminders';
import { describeRule, parseReminder } from '../services/reminders/rule';
import { zoneFor } from '../services/reminders/zones';
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
  added: (rule: string, zone: string, next: string, count: number) =>
    `Done. I'll also remind you at ${rule} (${zone} time); the first one is ${next}. You have ${count} reminders now: type \`reminders\` to see or stop them.`,
  merged: (rule: string) => `You already had a reminder at that time, so I've added those days to it: ${rule}. Type \`reminders\` to see them all.`,
  same: (rule: string) => `You already have that one: ${rule}. Type \`reminders\` to see them all.`,
  full: `You have ${MAX_REMINDERS} reminders already, the most I keep. Type \`reminders\` and stop one first.`,
  otherZone: 'Not your time zone? Type `timezone` and your city, like `timezone Vancouver`.',
  list: (zone: string, lines: string[]) =>
    `Your reminders (${zone} time):\n\n${lines.join('\n')}\n\nTo stop one, tap it below or type \`stop reminder 1\`. To add another, type ${EXAMPLE}.`,
  listLine: (n: number, rule: string, next: string) => `${n}. ${rule} — next one ${next}`,
  none: `You have no reminder set. To get one, type ${EXAMPLE}.`,
  stopped: `Okay, no more reminders. You can start them again with ${EXAMPLE}.`,
  stoppedAll: (rules: string[]) => `Okay, I've stopped all ${rules.length} of your reminders (${rules.join('; ')}). You can start again with ${EXAMPLE}.`,
  stoppedOne: (rule: string, left: number) =>
    `Okay, I've stopped your reminder at ${rule}.${left ? ` You still have ${left === 1 ? 'one other' : `${left} others`}: type \`reminders\` to see ${left === 1 ? 'it' : 'them'}.` : ''}`,
  notFound: (what: string) => `You don't have a reminder ${what}. Type \`reminders\` to see the ones you have.`,
  nothingToStop: "You don't have a reminder set, so there's nothing to stop.",
  zoneIs: (zone: string, localTime: string) => `Your time zone is ${zone} (it's ${localTime} there now). To change it, type your city, like \`timezone Vancouver\`, or a zone like \`timezone America/Vancouver\`.`,
  badZone: "I don't know that time zone or place. Try your city, like `timezone Vancouver` or `timezone Calgary`, or a zone name like `America/Toronto`.",
  zoneSet: (zone: string, localTime: string) => `Got it. Your time zone is now ${zone} (it's ${localTime} there now).`,
  reminderMoved: (rules: string[]) => `Your ${rules.length === 1 ? 'reminder moves' : 'reminders move'} with you: ${rules.join('; ')}, your time.`,
};

/** "Monday at 4:30 pm", "today at 4:30 pm", "tomorrow at 9:00 am" in the person's zone. */
export function whenText(at: Date, zone: string, now: Date): string {
  const t = DateTime.fromJSDate(at, { zone });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(t.startOf('day').diff(today, 'days').days);
  const day = days === 0 ? 'today' : days === 1 ? 'tomorrow' : t.toFormat('cccc');
  return `${day} at ${clock(t)}`;
}

function clock(t: DateTime): string {
  return `${t.toFormat('h:mm')} ${t.hour < 12 ? 'am' : 'pm'}`;
}

/**
 * Which reminder `stop reminder <args>` means: its number in the list, or its time ("4:30 pm", "16:30",
 * "4:30 pm on weekdays" — as the list's buttons send it). Undefined: none of them.
 */
export function pickReminder(args: string, list: CurrentReminder[]): CurrentReminder | undefined {
  const n = /^#?(\d)$/.exec(args.trim());
  if (n) return list[Number(n[1]) - 1];
  const parsed = parseReminder(args);
  return parsed.ok ? list.find((r) => r.rule.time === parsed.rule.time) : undefined;
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
      const { outcome, reminder, count } = await app.reminders.add(person, parsed.rule, now);
      log.info('reminder.set', { person: person.id.slice(0, 8), status: outcome, count });
      if (outcome === 'full' || !reminder) return void (await context.sendActivity(words.full));
      const rule = describeRule(reminder.rule);
      if (outcome === 'same') return void (await context.sendActivity(words.same(rule)));
      if (outcome === 'merged') return void (await context.sendActivity(words.merged(rule)));
      const next = whenText(reminder.next, person.timeZone, now);
      const reply = count > 1 ? words.added(rule, person.timeZone, next, count) : words.set(rule, person.timeZone, next);
      await context.sendActivity(person.timeZone === app.config.defaultTimeZone ? `${reply}\n\n${words.otherZone}` : reply);
    }),
    new OneTurnDialog(SHOW_REMINDERS_DIALOG, async (context) => {
      const person = personOf(context);
      const list = await app.reminders.list(person.id);
      if (!list.length) return void (await context.sendActivity(words.none));
      const now = app.now();
      const text = words.list(person.timeZone, list.map((r, i) => words.listLine(i + 1, describeRule(r.rule), whenText(r.next, person.timeZone, now))));
      // One button per reminder (at most MAX_REMINDERS, within a card's six actions); each sends `stop reminder <time>`,
      // so a tap still means that reminder after another one was added or stopped elsewhere.
      const card = adaptiveCard([textBlock('Tap one to stop it.', { isSubtle: true })], list.map((r) => commandButton(`Stop ${describeRule(r.rule)}`, `stop reminder ${r.rule.time}`)));
      await context.sendActivity({ type: 'message', text, attachments: [cardAttachment({ ...card, fallbackText: text })] });
    }),
    new OneTurnDialog(STOP_REMINDERS_DIALOG, async (context, args) => {
      const person = personOf(context);
      if (!args) {
        const stopped = await app.reminders.stopAll(person.id);
        if (stopped.length) log.info('reminder.stopped', { person: person.id.slice(0, 8), count: stopped.length });
        const reply = stopped.length === 0 ? words.nothingToStop : stopped.length === 1 ? words.stopped : words.stoppedAll(stopped.map((r) => describeRule(r.rule)));
        return void (await context.sendActivity(reply));
      }
      const list = await app.reminders.list(person.id);
      if (!list.length) return void (await context.sendActivity(words.nothingToStop));
      const which = pickReminder(args, list);
      if (!which || !(await app.reminders.remove(person.id, which.id))) {
        return void (await context.sendActivity(words.notFound(/^#?\d$/.test(args.trim()) ? `number ${args.trim().replace('#', '')}` : 'at that time')));
      }
      log.info('reminder.stopped', { person: person.id.slice(0, 8), count: 1 });
      await context.sendActivity(words.stoppedOne(describeRule(which.rule), list.length - 1));
    }),
    new OneTurnDialog(TIMEZONE_DIALOG, async (context, args) => {
      const person = personOf(context);
      const now = app.now();
      if (!args) return void (await context.sendActivity(words.zoneIs(person.timeZone, clock(DateTime.fromJSDate(now, { zone: person.timeZone })))));
      const found = zoneFor(args);
      if (!found) {
        log.info('person.timezone_unknown', { count: args.length });
        return void (await context.sendActivity(words.badZone));
      }
      const { zone } = found;
      const { reminders } = await app.reminders.setTimeZone(person, zone, now);
      // A supervisor's digest follows them to the new zone at once, not a week late.
      await app.supervision.digest.ensureJob({ ...person, timeZone: zone });
      log.info('person.timezone_set', { person: person.id.slice(0, 8), status: found.via });
      const set = words.zoneSet(zone, clock(DateTime.fromJSDate(now, { zone })));
      await context.sendActivity(reminders.length ? `${set} ${words.reminderMoved(reminders.map((r) => describeRule(r.rule)))}` : set);
    }),
  ];
}
