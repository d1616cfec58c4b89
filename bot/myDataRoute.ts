// GET /my-data?token=… — the JSON file behind a `my data` link. The token is short-lived, signed for this purpose
// and names the person; the data is collected at download time. No cookies, no caching, no file on disk.
import type { AppServices } from '../services/app';
import { t } from '../services/catalogue';
import { errorFields, log } from '../services/log';
import { myDataFilename } from '../services/privacy/dataRights';
import { verifyToken } from '../services/signedToken';
import type { RouteInstaller } from './server';

export function myDataRoute(app: AppServices): RouteInstaller {
  return (server) => {
    server.get('/my-data', async (req, res) => {
      try {
        const now = app.now();
        const claims = verifyToken<{ v?: unknown }>(app.config.idSecret, 'my-data', (req.query as { token?: unknown } | undefined)?.token, now);
        if (!claims || typeof claims.v !== 'string') {
          res.setHeader('cache-control', 'no-store');
          res.send(404, { error: 'not_found', message: t('bot.myDataExpired') });
          return;
        }
        const json = JSON.stringify(await app.dataRights.collect(claims.v), null, 2);
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="${myDataFilename(now)}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        res.end(json);
        log.info('mydata.downloaded', { bytes: json.length });
      } catch (err) {
        log.error('mydata.failed', errorFields(err));
        if (!res.headersSent) res.send(500, { error: 'internal', message: t('bot.myDataFailed') });
      }
    });
  };
}
