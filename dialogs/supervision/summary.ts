// `summary`: a supervisor's team this week (or `last week`, `4 weeks`), paged; `summary <alias>` pages through one
// person's shared reflections; the buttons ask for more pages or one reflection whole.
import type { AppServices } from '../../services/app';
import { looksLikePeriod, parsePeriod } from '../../services/supervision/period';
import { OneTurnDialog } from '../oneTurn';
import { personOf } from '../turn';
import { ownSideForSupervisor } from '../you';
import { pageOf, pageViews, tokenOf, words } from './shared';

export const SUMMARY_DIALOG = 'supervision.summary';

export function summaryDialog(app: AppServices): OneTurnDialog {
  const { summaries } = app.supervision;
  const { showPage, showFull, showTeam } = pageViews(app);
  return new OneTurnDialog(SUMMARY_DIALOG, async (context, args) => {
    const viewer = personOf(context);
    const now = app.now();
    const page = pageOf(context);
    if (page !== undefined) return showPage(context, viewer, await summaries.nextPage(viewer.id, page, now), 'summary', false);
    const full = tokenOf(context, 'full');
    if (full !== undefined) return showFull(context, viewer, full);
    const team = tokenOf(context, 'team');
    if (team !== undefined) {
      const t = summaries.readTeamPageToken(viewer.id, team, now);
      return t ? showTeam(context, viewer, t.period, t.offset, t.digest) : void (await context.sendActivity(words.expired()));
    }
    const period = parsePeriod(args, viewer.timeZone, now, app.config.weekStart);
    if (period) return showTeam(context, viewer, period, 0, false);
    if (/^\d/.test(args) || looksLikePeriod(args)) return void (await context.sendActivity(words.badPeriod()));
    const r = await summaries.firstPage(viewer.id, args, now);
    if (!r.ok) return void (await context.sendActivity(words.notFound(args)));
    await showPage(context, viewer, r, 'summary', true);
    // Their own side (reflect me): a count, and only the needs they chose to share (dialogs/you.ts).
    const own = await ownSideForSupervisor(app, r.page.subject.id, now);
    if (own) await context.sendActivity(own);
  });
}
