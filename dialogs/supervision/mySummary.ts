// `my summary`: a person's own work this week (or another period), to bring to supervision; its buttons page
// through their own reflections.
import { ownSummaryCard } from '../../cards/summary';
import type { AppServices } from '../../services/app';
import { parsePeriod } from '../../services/supervision/period';
import { t } from '../../services/catalogue';
import { OneTurnDialog } from '../oneTurn';
import { personOf } from '../turn';
import { pageOf, pageViews, sendCard, tokenOf, words } from './shared';

export const MY_SUMMARY_DIALOG = 'supervision.mySummary';

export function mySummaryDialog(app: AppServices): OneTurnDialog {
  const { summaries } = app.supervision;
  const { showPage, showFull } = pageViews(app);
  return new OneTurnDialog(MY_SUMMARY_DIALOG, async (context, args) => {
    const viewer = personOf(context);
    const now = app.now();
    const page = pageOf(context);
    const full = tokenOf(context, 'full');
    if (full !== undefined) return showFull(context, viewer, full);
    if (page === 'first') return showPage(context, viewer, await summaries.firstPage(viewer.id, undefined, now), 'my summary', true);
    if (page !== undefined) return showPage(context, viewer, await summaries.nextPage(viewer.id, page, now), 'my summary', false);
    const period = parsePeriod(args, viewer.timeZone, now, app.config.weekStart);
    if (!period) return void (await context.sendActivity(words.badPeriod()));
    const r = await summaries.own(viewer.id, period, now);
    if (!r.ok) return void (await context.sendActivity(t('router.notAllowed')));
    return sendCard(context, ownSummaryCard(r.summary, period));
  });
}
