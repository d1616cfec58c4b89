// Reminder commands: `remind me at 16:30 on weekdays` (several allowed), `reminders` (each listed, with a button to
// stop it), `stop reminder 2` / `stop reminder 4:30 pm` / `stop reminders` (all), and `timezone <zone or place>`.
// Each answers in one turn (but `remind me at 4:30`, which asks morning or afternoon); parsing, places and scheduling live in services/reminders.
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { adaptiveCard, cardAttachment, commandButton, textBlock } from '../cards/card';
import type { AppServices } from '../services/app';
import { t } from '../services/catalogue';
import { log } from '../services/log';
import { MAX_REMINDERS, type CurrentReminder } from '../services/reminders/reminders';
import { parseReminder, type ReminderRule } from '../services/reminders/rule';
import { describeRule } from '../cards/words/reminderRule';
import { clock, weekdayName } from '../cards/words/dates';
import { zoneFor } from '../services/reminders/zones';
import { OneTurnDialog } from './oneTurn';
import { ChoiceStep, type ChoiceResult, type ChoiceStepOptions } from './prompts';
import { personOf } from './turn';

export const REMIND_DIALOG = 'reminders.set';
export const SHOW_REMINDERS_DIALOG = 'reminders.show';
export const STOP_REMINDERS_DIALOG = 'reminders.stop';
export const TIMEZONE_DIALOG = 'reminders.timezone';
const AM_OR_PM = 'reminders.amOrPm';

/** "Monday at 4:30 pm", "today at 4:30 pm", "tomorrow at 9:00 am" in the person's zone. */
export function whenText(at: Date, zone: string, now: Date): string {
  const when = DateTime.fromJSDate(at, { zone });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(when.startOf('day').diff(today, 'days').days);
  const time = clock(when.hour, when.minute);
  return days === 0 ? t('reminders.today', { time }) : days === 1 ? t('reminders.tomorrow', { time }) : t('reminders.onDay', { day: weekdayName(when.weekday), time });
}

/**
 * Which reminder `stop reminder <args>` means: its number in the list, or its time ("4:30 pm", "16:30",
 * "4:30 pm on weekdays" — as the list's buttons send it). Undefined: none of them.
 */
export function pickReminder(args: string, list: CurrentReminder[]): CurrentReminder | undefined {
  const n = /^#?(\d)$/.exec(args.trim());
  if (n) return list[Number(n[1]) - 1];
  const parsed = parseReminder(args);
  // "stop reminder 4:30": whichever of 4:30 am and 4:30 pm they have (the morning one if both).
  if (!parsed.ok && parsed.reason === 'am_or_pm') return list.find((r) => r.rule.time === parsed.am.time) ?? list.find((r) => r.rule.time === parsed.pm.time);
  return parsed.ok ? list.find((r) => r.rule.time === parsed.rule.time) : undefined;
}

/**
 * `remind me at 4:30`: the set, or "4:30 in the morning, or in the afternoon?" as a choice, answered by a tap, by
 * its title, or by "morning", "pm", "evening" (a one-turn command's buttons left typed answers nowhere to go).
 */
class RemindDialog extends ComponentDialog {
  constructor(
    private readonly answer: (context: TurnContext, args: string) => Promise<{ am: ReminderRule; pm: ReminderRule } | undefined>,
    private readonly set: (context: TurnContext, rule: ReminderRule) => Promise<void>,
  ) {
    super(REMIND_DIALOG);
    this.addDialog(new ChoiceStep(AM_OR_PM));
    this.addDialog(new WaterfallDialog(`${REMIND_DIALOG}.main`, [this.ask.bind(this), this.chosen.bind(this)]));
    this.initialDialogId = `${REMIND_DIALOG}.main`;
  }

  private async ask(step: WaterfallStepContext) {
    const both = await this.answer(step.context, ((step.options as { args?: string } | undefined)?.args ?? '').trim());
    if (!both) return step.endDialog();
    (step.values as Record<string, unknown>).rules = both;
    const [hour, minute] = both.am.time.split(':').map(Number);
    const time = `${hour}:${String(minute).padStart(2, '0')}`;
    const later = hour! >= 5 ? 'evening' : 'afternoon';
    return step.beginDialog(AM_OR_PM, {
      step: 'am-or-pm',
      prompt: t('reminders.amOrPm', { time, later }),
      retry: t('reminders.amOrPmHint'),
      choices: [
        { value: 'am', title: describeRule(both.am), synonyms: ['am', 'a.m.', 'morning', 'in the morning', 'the morning'] },
        { value: 'pm', title: describeRule(both.pm), synonyms: ['pm', 'p.m.', 'afternoon', 'evening', 'in the afternoon', 'in the evening', 'the afternoon', 'the evening', 'tonight'] },
      ],
    } satisfies ChoiceStepOptions);
  }

  private async chosen(step: WaterfallStepContext) {
    const rules = (step.values as Record<string, unknown>).rules as { am: ReminderRule; pm: ReminderRule };
    await this.set(step.context, (step.result as ChoiceResult).value === 'am' ? rules.am : rules.pm);
    return step.endDialog();
  }
}

/** The time now in `zone`, for "it's 4:30 pm there now". */
function clockAt(now: Date, zone: string): string {
  const at = DateTime.fromJSDate(now, { zone });
  return clock(at.hour, at.minute);
}

export function createReminderDialogs(app: AppServices): Dialog[] {
  /** Sets a reminder and says when it first comes. */
  async function setReminder(context: TurnContext, rule: ReminderRule): Promise<void> {
    const person = personOf(context);
    const now = app.now();
    const { outcome, reminder, count } = await app.reminders.add(person, rule, now);
    log.info('reminder.set', { person: person.id.slice(0, 8), status: outcome, count });
    if (outcome === 'full' || !reminder) return void (await context.sendActivity(t('reminders.full', { max: MAX_REMINDERS })));
    const said = describeRule(reminder.rule);
    if (outcome === 'same') return void (await context.sendActivity(t('reminders.same', { rule: said })));
    if (outcome === 'merged') return void (await context.sendActivity(t('reminders.merged', { rule: said })));
    const next = whenText(reminder.next, person.timeZone, now);
    const reply = count > 1 ? t('reminders.added', { rule: said, zone: person.timeZone, next, count }) : t('reminders.set', { rule: said, zone: person.timeZone, next });
    await context.sendActivity(person.timeZone === app.config.defaultTimeZone ? `${reply}\n\n${t('reminders.otherZone')}` : reply);
  }

  return [
    new RemindDialog(async (context, args) => {
      if (!args) return void (await context.sendActivity(t('reminders.howTo')));
      const parsed = parseReminder(args);
      if (!parsed.ok && parsed.reason === 'am_or_pm') return { am: parsed.am, pm: parsed.pm };
      if (!parsed.ok) {
        log.info('reminder.unparsed', { status: parsed.reason });
        await context.sendActivity(parsed.reason === 'bad_time' ? t('reminders.badTime') : parsed.reason === 'unknown_words' ? t('reminders.unknownWords') : t('reminders.howTo'));
        return;
      }
      await setReminder(context, parsed.rule);
    }, (context, rule) => setReminder(context, rule)),
    new OneTurnDialog(SHOW_REMINDERS_DIALOG, async (context) => {
      const person = personOf(context);
      const list = await app.reminders.list(person.id);
      if (!list.length) return void (await context.sendActivity(t('reminders.none')));
      const now = app.now();
      const lines = list.map((r, i) => t('reminders.listLine', { n: i + 1, rule: describeRule(r.rule), next: whenText(r.next, person.timeZone, now) }));
      const text = t('reminders.list', { zone: person.timeZone, lines: lines.join('\n') });
      // One button per reminder (at most MAX_REMINDERS, within a card's six actions); each sends `stop reminder <time>`,
      // so a tap still means that reminder after another one was added or stopped elsewhere.
      const card = adaptiveCard([textBlock(t('reminders.tapToStop'), { isSubtle: true })], list.map((r) => commandButton(t('reminders.stopButton', { rule: describeRule(r.rule) }), `stop reminder ${r.rule.time}`)));
      await context.sendActivity({ type: 'message', text, attachments: [cardAttachment({ ...card, fallbackText: text })] });
    }),
    new OneTurnDialog(STOP_REMINDERS_DIALOG, async (context, args) => {
      const person = personOf(context);
      if (!args) {
        const stopped = await app.reminders.stopAll(person.id);
        if (stopped.length) log.info('reminder.stopped', { person: person.id.slice(0, 8), count: stopped.length });
        const reply = stopped.length === 0 ? t('reminders.nothingToStop') : stopped.length === 1 ? t('reminders.stopped') : t('reminders.stoppedAll', { count: stopped.length, rules: stopped.map((r) => describeRule(r.rule)).join('; ') });
        return void (await context.sendActivity(reply));
      }
      const list = await app.reminders.list(person.id);
      if (!list.length) return void (await context.sendActivity(t('reminders.nothingToStop')));
      const which = pickReminder(args, list);
      if (!which || !(await app.reminders.remove(person.id, which.id))) {
        return void (await context.sendActivity(/^#?\d$/.test(args.trim()) ? t('reminders.notFoundNumber', { n: args.trim().replace('#', '') }) : t('reminders.notFoundTime')));
      }
      log.info('reminder.stopped', { person: person.id.slice(0, 8), count: 1 });
      await context.sendActivity(t('reminders.stoppedOne', { rule: describeRule(which.rule), left: list.length - 1 }));
    }),
    new OneTurnDialog(TIMEZONE_DIALOG, async (context, args) => {
      const person = personOf(context);
      const now = app.now();
      if (!args) return void (await context.sendActivity(t('reminders.zoneIs', { zone: person.timeZone, time: clockAt(now, person.timeZone) })));
      const found = zoneFor(args);
      if (!found) {
        log.info('person.timezone_unknown', { count: args.length });
        return void (await context.sendActivity(t('reminders.badZone')));
      }
      const { zone } = found;
      const { reminders } = await app.reminders.setTimeZone(person, zone, now);
      // A supervisor's digest follows them to the new zone at once, not a week late.
      await app.supervision.digest.ensureJob({ ...person, timeZone: zone });
      log.info('person.timezone_set', { person: person.id.slice(0, 8), status: found.via });
      const set = t('reminders.zoneSet', { zone, time: clockAt(now, zone) });
      await context.sendActivity(reminders.length ? `${set} ${t('reminders.reminderMoved', { count: reminders.length, rules: reminders.map((r) => describeRule(r.rule)).join('; ') })}` : set);
    }),
  ];
}
