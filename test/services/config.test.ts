import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../services/config';

describe('configuration', () => {
  it('starts on the embedded default with no variables at all', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3978);
    assert.equal(c.localMode, true);
    assert.equal(c.embeddedCosmos, true);
    assert.equal(c.host, '127.0.0.1', 'the unauthenticated local channel listens on loopback only');
    assert.equal(c.defaultTimeZone, 'America/Toronto');
    assert.equal(c.digestWeekday, 1);
    assert.equal(c.digestHour, 9);
    assert.equal(c.deidWarmUpSeconds, 1, 'a second of synthetic notes at start (bot/warmUp.ts)');
    assert.equal(loadConfig({ DEID_WARM_UP_SECONDS: '0' }).deidWarmUpSeconds, 0);
  });

  it('coerces numbers and listens on all interfaces once Bot Framework auth is on', () => {
    const c = loadConfig({ PORT: '8080', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'p' });
    assert.equal(c.port, 8080);
    assert.equal(c.localMode, false);
    assert.equal(c.host, '0.0.0.0');
  });

  const bad: [Record<string, string>, string, RegExp][] = [
    [{ PORT: 'eighty' }, 'PORT', /must be integer/],
    [{ PORT: '70000' }, 'PORT', /<= 65535/],
    [{ DEFAULT_TIMEZONE: 'Mars/Olympus' }, 'DEFAULT_TIMEZONE', /IANA time zone/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of fatal, error/],
    [{ MicrosoftAppId: 'not-a-guid' }, 'MicrosoftAppId', /GUID/],
    [{ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' }, 'MicrosoftAppPassword', /required/],
    [{ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId', /required/],
    [{ COSMOS_ENDPOINT: 'ftp://x' }, 'COSMOS_ENDPOINT', /https:\/\//],
    [{ COSMOS_ENDPOINT: 'https://x.documents.azure.com', COSMOS_KEY: 'k' }, 'ID_SECRET', /required/],
    [{ COSMOS_ENDPOINT: 'https://x.documents.azure.com' }, 'ID_SECRET', /required/],
    [{ NODE_ENV: 'production' }, 'COSMOS_ENDPOINT', /required when NODE_ENV=production.*documents\.azure\.com.*ID_SECRET.*COSMOS_KEY.*managed identity/],
    [{ AZURE_CLIENT_ID: 'my-identity' }, 'AZURE_CLIENT_ID', /GUID/],
    [{ APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://dc.services.visualstudio.com' }, 'APPLICATIONINSIGHTS_CONNECTION_STRING', /connection string/],
    [{ ID_SECRET: 'short' }, 'ID_SECRET', /at least 32/],
    [{ DIGEST_HOUR: '24' }, 'DIGEST_HOUR', /<= 23/],
    [{ DEID_WARM_UP_SECONDS: '-1' }, 'DEID_WARM_UP_SECONDS', />= 0/],
  ];
  for (const [env, variable, message] of bad) {
    it(`stops with one line naming ${variable} for ${JSON.stringify(env)}`, () => {
      assert.throws(() => loadConfig(env), (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.equal(err.variable, variable);
        assert.match(err.message, message);
        assert.ok(!err.message.includes('\n'), 'one line');
        return true;
      });
    });
  }

  it('signs in to Azure Cosmos DB with the key when one is set, and with Microsoft Entra ID (managed identity) when not', () => {
    const azure = { COSMOS_ENDPOINT: 'https://x.documents.azure.com:443/', ID_SECRET: 'x'.repeat(32), NODE_ENV: 'production' };
    assert.equal(loadConfig({ ...azure, COSMOS_KEY: 'k' }).cosmosAuth, 'key');
    const entra = loadConfig({ ...azure, AZURE_CLIENT_ID: '00000000-0000-0000-0000-0000000000aa' });
    assert.equal(entra.cosmosAuth, 'entra');
    assert.equal(entra.azureClientId, '00000000-0000-0000-0000-0000000000aa');
    assert.equal(entra.production, true);
    assert.equal(loadConfig({}).cosmosAuth, 'embedded');
  });

  it('never echoes a secret value in the error', () => {
    assert.throws(() => loadConfig({ ID_SECRET: 'hunter2' }), (err: Error) => !err.message.includes('hunter2'));
  });
});
