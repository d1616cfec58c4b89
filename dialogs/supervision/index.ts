// Supervision commands, one file each, answered in one turn except `flags` (pick one, add a note): `summary` (and
// `summary <alias>`), `my summary`, `flags`, `what helps`, `export`, `roster …` and `audit`. Who may see what is decided in services (access, summaries,
// export, roster); these files read the words and the buttons.
import type { Dialog } from 'botbuilder-dialogs';
import type { AppServices } from '../../services/app';
import type { Command } from '../commands';
import { auditDialog } from './audit';
import { exportDialog } from './export';
import { FlagsDialog } from './flags';
import { mySummaryDialog } from './mySummary';
import { rosterDialog } from './roster';
import { summaryDialog } from './summary';
import { whatHelpsDialog } from './whatHelps';

export { AUDIT_DIALOG } from './audit';
export { EXPORT_DIALOG } from './export';
export { FLAGS_DIALOG } from './flags';
export { MY_SUMMARY_DIALOG } from './mySummary';
export { ROSTER_DIALOG } from './roster';
export { SUMMARY_DIALOG } from './summary';
export { WHAT_HELPS_DIALOG } from './whatHelps';

/** `commands`: the command table, so a command typed where `flags` expects a note is not kept as one. */
export function createSupervisionDialogs(app: AppServices, commands: readonly Command[] = []): Dialog[] {
  return [summaryDialog(app), mySummaryDialog(app), new FlagsDialog(app, commands), whatHelpsDialog(app), exportDialog(app), rosterDialog(app), auditDialog(app)];
}
