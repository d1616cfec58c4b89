// The wiring: every dialog, the command table and the free-text screen, built from the services and returned.
// Nothing in dialogs/ registers itself on import; bot/ calls buildDialogs once per bot, tests build what they need.
// To add a command: write its dialog, add it to `dialogs` below and a row to buildCommandTable (docs/EXTENDING.md).
import type { Dialog } from 'botbuilder-dialogs';
import type { AppServices } from '../services/app';
import type { Role } from '../services/people';
import type { Command, CommandTable } from './commands';
import { HISTORY_DIALOG, HistoryDialog } from './history';
import { createOnboardingDialogs, ONBOARDING_DIALOG, ONBOARDING_OFFER_DIALOG } from './onboarding';
import { createPrivacyDialogs, DELETE_MY_DATA_DIALOG, MY_DATA_DIALOG } from './privacy';
import { redactorFor, type FreeTextSettings } from './prompts';
import { StopDialog, SwitchDialog } from './midDebrief';
import { REFLECTION_DIALOG, ReflectionDialog } from './reflection';
import { createReminderDialogs, REMIND_DIALOG, SHOW_REMINDERS_DIALOG, STOP_REMINDERS_DIALOG, TIMEZONE_DIALOG } from './reminders';
import { readRisk, SAFETY_CHECK_DIALOG, SafetyCheckDialog, SafetyDialog, safetyScreen } from './safety';
import { AUDIT_DIALOG, createSupervisionDialogs, EXPORT_DIALOG, FLAGS_DIALOG, MY_SUMMARY_DIALOG, ROSTER_DIALOG, SUMMARY_DIALOG, WHAT_HELPS_DIALOG } from './supervision';
import { YOU_DIALOG, YouDialog } from './you';

export interface BuiltDialogs {
  dialogs: Dialog[];
  commands: CommandTable;
}

const EVERYONE: Role[] = ['psw', 'supervisor', 'newhire', 'admin'];

/** What a person can type, who may, and the dialog each starts — in the order `help` lists them. */
export function buildCommandTable(): CommandTable {
  const commands: Command[] = [
    { phrases: ['reflect', 'debrief', 'reflection'], dialogId: REFLECTION_DIALOG, roles: EVERYONE, help: 'commands.help.reflect' },
    // Longer than `reflect`, so `reflect me` is this command, never a client code.
    { phrases: ['reflect me', 'reflect myself', 'reflect on me'], dialogId: YOU_DIALOG, roles: EVERYONE, help: 'commands.help.reflectMe' },
    {
      // From anywhere, mid-debrief included: the safety protocol for whatever is worrying them.
      phrases: ['worried', "i'm worried about someone", 'i’m worried about someone', 'im worried about someone', 'i am worried about someone', "i'm worried", 'i’m worried'],
      dialogId: SAFETY_CHECK_DIALOG,
      roles: EVERYONE,
      help: 'commands.help.worried',
      everywhere: true,
    },
    {
      // `onboarding restart` arrives as this command with args 'restart'.
      phrases: ['onboarding'],
      dialogId: ONBOARDING_DIALOG,
      roles: EVERYONE,
      help: 'commands.help.onboarding',
      cancelled: 'commands.cancelled.onboarding',
    },
    { phrases: ['history', 'timeline'], dialogId: HISTORY_DIALOG, roles: EVERYONE, help: 'commands.help.history' },
    { phrases: ['summary'], dialogId: SUMMARY_DIALOG, roles: ['supervisor'], help: 'commands.help.summary' },
    { phrases: ['flags', 'flag', 'to discuss'], dialogId: FLAGS_DIALOG, roles: ['supervisor'], help: 'commands.help.flags' },
    { phrases: ['what helps', 'what helped'], dialogId: WHAT_HELPS_DIALOG, roles: ['supervisor'], help: 'commands.help.whatHelps' },
    { phrases: ['my summary'], dialogId: MY_SUMMARY_DIALOG, roles: EVERYONE, help: 'commands.help.mySummary' },
    { phrases: ['remind me', 'remind'], dialogId: REMIND_DIALOG, roles: EVERYONE, help: 'commands.help.remind' },
    { phrases: ['reminders', 'reminder', 'my reminders'], dialogId: SHOW_REMINDERS_DIALOG, roles: EVERYONE, help: 'commands.help.reminders' },
    { phrases: ['stop reminders', 'stop reminder', 'reminders off', 'remove reminder', 'delete reminder', 'cancel reminder'], dialogId: STOP_REMINDERS_DIALOG, roles: EVERYONE, help: 'commands.help.stopReminders' },
    { phrases: ['timezone', 'time zone'], dialogId: TIMEZONE_DIALOG, roles: EVERYONE, help: 'commands.help.timezone' },
    { phrases: ['export'], dialogId: EXPORT_DIALOG, roles: ['psw', 'newhire', 'supervisor'], help: 'commands.help.export' },
    { phrases: ['roster'], dialogId: ROSTER_DIALOG, roles: ['admin'], help: 'commands.help.roster' },
    { phrases: ['audit'], dialogId: AUDIT_DIALOG, roles: ['admin'], help: 'commands.help.audit' },
    { phrases: ['my data'], dialogId: MY_DATA_DIALOG, roles: EVERYONE, help: 'commands.help.myData' },
    // Mid-debrief too: otherwise the words would be taken as an answer, and the debrief saved after the deletion.
    { phrases: ['delete my data'], dialogId: DELETE_MY_DATA_DIALOG, roles: EVERYONE, help: 'commands.help.deleteMyData', everywhere: true },
  ];
  // A new hire who types something that is not a command is offered onboarding (first contact included).
  const fallbacks = new Map<Role, string>([['newhire', ONBOARDING_OFFER_DIALOG]]);
  return { commands, fallbacks };
}

/** How every free-text answer is handled: MAX_TEXT_LENGTH, de-identification, then the safety screen. */
export function freeTextSettings(app: AppServices): FreeTextSettings {
  return { maxLength: app.config.maxTextLength, redact: redactorFor(app), screen: [safetyScreen], read: readRisk };
}

/** `answers` is for tests that screen answers their own way; the bot always uses freeTextSettings(app). */
export function buildDialogs(app: AppServices, answers: FreeTextSettings = freeTextSettings(app)): BuiltDialogs {
  const dialogs: Dialog[] = [
    new ReflectionDialog(app, answers),
    new YouDialog(app, answers),
    new SwitchDialog(),
    new StopDialog(),
    new HistoryDialog(app),
    ...createOnboardingDialogs(app, answers),
    ...createReminderDialogs(app),
    ...createSupervisionDialogs(app, buildCommandTable().commands),
    new SafetyDialog(app),
    new SafetyCheckDialog(app),
    ...createPrivacyDialogs(app),
  ];
  return { dialogs, commands: buildCommandTable() };
}
