// `export` (`export last week`, `export PSW 1 4 weeks`): a CSV of the de-identified reflections the person may see —
// a short-lived signed download link when the bot has a public address, else the file inline. Access and the audit
// record are decided in services/supervision/export.ts.
import { adaptiveCard, textBlock } from '../../cards/card';
import type { AppServices } from '../../services/app';
import { periodLabel } from '../../cards/words/period';
import { csvWords } from '../../cards/words/csv';
import { t } from '../../services/catalogue';
import { log } from '../../services/log';
import { EXPORT_TOKEN_MINUTES } from '../../services/supervision/export';
import { parsePeriod, PERIOD_AT_END, type Period } from '../../services/supervision/period';
import { OneTurnDialog } from '../oneTurn';
import { personOf } from '../turn';
import { sendCard, words as shared } from './shared';

export const EXPORT_DIALOG = 'supervision.export';


/** Splits "PSW 1 last week" into an alias and a period; the period words come last. */
function splitPeriod(args: string, zone: string, now: Date, fallback: string, weekStart: number): { rest: string; period?: Period } {
  const m = PERIOD_AT_END.exec(args.trim());
  if (m) return { rest: m[1].trim(), period: parsePeriod(m[2], zone, now, weekStart) };
  return { rest: args, period: parsePeriod(fallback, zone, now, weekStart) };
}

export function exportDialog(app: AppServices): OneTurnDialog {
  // `exports` would shadow CommonJS's own name in the compiled dist/ (the dialog ids would read undefined).
  const exportService = app.supervision.exports;
  return new OneTurnDialog(EXPORT_DIALOG, async (context, args) => {
    const viewer = personOf(context);
    const now = app.now();
    const { rest, period } = splitPeriod(args, viewer.timeZone, now, '4 weeks', app.config.weekStart);
    if (!period) return void (await context.sendActivity(shared.badPeriod()));
    const request = await exportService.request(viewer.id, rest || undefined, period, now);
    if (!request.ok) {
      await context.sendActivity(viewer.role === 'supervisor' ? shared.notFound(rest) : t('supervision.export.ownOnly'));
      return;
    }
    const base = app.config.publicBaseUrl;
    if (base) {
      const url = `${base}/exports?token=${encodeURIComponent(request.token)}`;
      await sendCard(
        context,
        adaptiveCard([textBlock(t('supervision.export.readyFor', { period: periodLabel(period.label) })), textBlock(t('supervision.export.link', { minutes: EXPORT_TOKEN_MINUTES }), { isSubtle: true })], [
          { type: 'Action.OpenUrl', title: t('supervision.export.download'), url },
        ]),
      );
      log.info('export.link', { person: viewer.id.slice(0, 8), count: request.subjects });
      return;
    }
    // No public address (the local web chat): the file goes inline as a data: URI. Same access and audit path.
    const file = await exportService.csv(request.token, now, csvWords());
    if (!file.ok) return void (await context.sendActivity(shared.expired()));
    if (!file.rows) return void (await context.sendActivity(t('supervision.export.none')));
    await context.sendActivity({
      type: 'message',
      text: t('supervision.export.ready', { rows: file.rows, period: periodLabel(period.label) }),
      attachments: [{ contentType: 'text/csv', name: file.filename, contentUrl: `data:text/csv;charset=utf-8;base64,${Buffer.from(file.csv, 'utf8').toString('base64')}` }],
    });
    log.info('export.inline', { person: viewer.id.slice(0, 8), count: file.rows, bytes: file.csv.length });
  });
}
