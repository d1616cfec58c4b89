// Pausing a step for a dialog a free-text hook asked for (the safety protocol, issue 8), then resuming it
// exactly where it was: the step keeps its result in its own state, runs the pauses one after another, and
// ends with that result when the last is done, so the dialog that asked the question carries on as if
// nothing had come between. What a pause added (kinds raised and de-identified words typed at the safety pause:
// services/reflections/pauseNotes.ts) comes back with the result as `paused`, for the dialog to keep.
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { log } from '../../services/log';
import { mergePauseAdded, pauseAddedOf, type PauseAdded } from '../../services/reflections/pauseNotes';

/** A dialog to run before the step ends (found by id in the step's dialog set or any parent's). */
export interface PauseRequest {
  dialogId: string;
  options?: Record<string, unknown>;
}

interface Pending {
  result: unknown;
  pauses: PauseRequest[];
  /** What the pauses run so far added (redacted words and kinds only). */
  added?: PauseAdded;
}

const KEY = 'pending';

/** Ends the step with `result`, after running any pauses. Call from continueDialog. */
export async function endAfterPauses(dc: DialogContext, result: unknown, pauses: readonly PauseRequest[]): Promise<DialogTurnResult> {
  const state = dc.activeDialog!.state as Record<string, unknown>;
  state[KEY] = { result, pauses: [...pauses] } satisfies Pending;
  return resumeAfterPause(dc);
}

/** The step's resumeDialog (`ended`: what the pause just run ended with): the next pause, or the kept result. */
export async function resumeAfterPause(dc: DialogContext, ended?: unknown): Promise<DialogTurnResult> {
  const state = dc.activeDialog!.state as Record<string, unknown>;
  const pending = state[KEY] as Pending | undefined;
  if (!pending) return dc.endDialog();
  const added = mergePauseAdded([pending.added, pauseAddedOf(ended)]);
  if (added) pending.added = added;
  for (let next = pending.pauses.shift(); next; next = pending.pauses.shift()) {
    // A dialog set without the pause dialog (a unit test's) still gets its answer.
    if (dc.findDialog(next.dialogId)) return dc.beginDialog(next.dialogId, next.options);
    log.warn('freetext.pause_missing', { step: next.dialogId });
  }
  delete state[KEY];
  return dc.endDialog(pending.added ? { ...(pending.result as object), paused: pending.added } : pending.result);
}
