// Every dialog the bot can run, built with the services they need. Each feature module registers its
// commands (dialogs/commands.ts) and returns its dialogs here.
import type { Dialog } from 'botbuilder-dialogs';
import { HistoryDialog } from '../dialogs/history';
import { createOnboardingDialogs } from '../dialogs/onboarding';
import { createPrivacyDialogs } from '../dialogs/privacy';
import { ReflectionDialog } from '../dialogs/reflection';
import { createReminderDialogs } from '../dialogs/reminders';
import { SafetyDialog } from '../dialogs/safety';
import { createSupervisionDialogs } from '../dialogs/supervision';
import type { AppServices } from '../services/app';

export function createDialogs(app: AppServices): Dialog[] {
  return [new ReflectionDialog(app), new HistoryDialog(app), ...createOnboardingDialogs(app), ...createReminderDialogs(app), ...createSupervisionDialogs(app), new SafetyDialog(app), ...createPrivacyDialogs(app)];
}
