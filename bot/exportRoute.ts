// GET /exports?token=… — the CSV behind an export link. The token is short-lived and signed; access is decided
// again and the download audited (services/supervision/export.ts). No cookies, no caching, no file on disk.
import type { AppServices } from '../services/app';
import { t } from '../services/catalogue';
import { csvWords } from '../cards/words/csv';
import { errorFields, log } from '../services/log';
import type { RouteInstaller } from './server';

export function exportRoute(app: AppServices): RouteInstaller {
  return (server) => {
    // The token rides in the query: it is longer than the router allows a path parameter to be.
    server.get('/exports', async (req, res) => {
      try {
        const result = await app.supervision.exports.csv((req.query as { token?: unknown } | undefined)?.token, app.now(), csvWords());
        if (!result.ok) {
          res.setHeader('cache-control', 'no-store');
          res.send(404, { error: 'not_found', message: t('bot.exportExpired') });
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${result.filename}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        res.end(result.csv);
        log.info('export.downloaded', { count: result.rows, bytes: result.csv.length });
      } catch (err) {
        log.error('export.failed', errorFields(err));
        if (!res.headersSent) res.send(500, { error: 'internal', message: t('bot.exportFailed') });
      }
    });
  };
}
