// `what helps` (supervisors): per stage, the strategies their team tried at stalls and how often they helped — counts
// only, from outcomes reported in shared reflections (services/supervision/whatHelps.ts decides who may see what).
import { whatHelpsCard } from '../../cards/summary';
import type { AppServices } from '../../services/app';
import { WHAT_HELPS_WEEKS } from '../../services/supervision/whatHelps';
import { NOT_ALLOWED } from '../messages';
import { OneTurnDialog } from '../oneTurn';
import { personOf } from '../turn';
import { sendCard } from './shared';

export const WHAT_HELPS_DIALOG = 'supervision.whatHelps';

export function whatHelpsDialog(app: AppServices): OneTurnDialog {
  return new OneTurnDialog(WHAT_HELPS_DIALOG, async (context) => {
    const r = await app.supervision.whatHelps.forSupervisor(personOf(context).id, app.now());
    if (!r.ok) return void (await context.sendActivity(NOT_ALLOWED));
    await sendCard(context, whatHelpsCard(r.counts, WHAT_HELPS_WEEKS));
  });
}
