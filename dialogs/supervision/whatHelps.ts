// `what helps` (supervisors): per stage, the strategies their team tried at stalls and how often they helped — counts
// only, from outcomes reported in shared reflections (services/supervision/whatHelps.ts decides who may see what).
import type { TurnContext } from 'botbuilder';
import { whatHelpsCard } from '../../cards/summary';
import type { AppServices } from '../../services/app';
import { t } from '../../services/catalogue';
import { errorFields, log } from '../../services/log';
import type { StageId } from '../../services/reflections/model';
import { meaningful, WHAT_HELPS_WEEKS } from '../../services/supervision/whatHelps';
import { OneTurnDialog } from '../oneTurn';
import { personOf } from '../turn';
import { sendCard } from './shared';

export const WHAT_HELPS_DIALOG = 'supervision.whatHelps';

export function whatHelpsDialog(app: AppServices): OneTurnDialog {
  return new OneTurnDialog(WHAT_HELPS_DIALOG, async (context) => {
    const r = await app.supervision.whatHelps.forSupervisor(personOf(context).id, app.now());
    if (!r.ok) return void (await context.sendActivity(t('router.notAllowed')));
    await sendCard(context, whatHelpsCard(r.counts, WHAT_HELPS_WEEKS));
  });
}

/**
 * For the stall step: " Peer workers on your team found this helped 4 of 6 times." by strategy id, for the strategies
 * the PSW's team has tried often enough to mean something (MIN_TRIES). Counts only; a failure to read them leaves the
 * stall step as it was (logged), never in the way.
 */
export async function teamHelpedLines(app: Pick<AppServices, 'supervision' | 'now'>, context: TurnContext, stage: StageId): Promise<Map<string, string>> {
  try {
    const counts = await app.supervision.whatHelps.forTeamOf(personOf(context).id, stage, app.now());
    return new Map([...counts].filter(([, c]) => meaningful(c)).map(([id, c]) => [id, ` ${t('supervision.whatHelps.teamLine', { helped: c.helped, tried: c.tried })}`]));
  } catch (err) {
    log.warn('what_helps.unavailable', errorFields(err));
    return new Map();
  }
}
