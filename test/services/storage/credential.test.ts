// Microsoft Entra auth to Cosmos DB: with no COSMOS_KEY the client signs every request with a token from the
// credential (the managed identity in Azure) and no key is sent. A loopback HTTPS server stands in for the
// account and records what arrives; it answers 401, as Cosmos does to a token it does not accept.
import assert from 'node:assert/strict';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { openStore } from '../../../services/storage/cosmos';
import { cosmosCredential } from '../../../services/storage/credential';
import { startLoopbackHttps, type LoopbackHttps } from '../../helpers/loopbackHttps';

describe('Cosmos DB with Microsoft Entra ID (no key)', () => {
  let account: LoopbackHttps;
  const authorizations: string[] = [];
  before(async () => {
    account = await startLoopbackHttps((req, res) => {
      authorizations.push(decodeURIComponent(String(req.headers.authorization ?? '')));
      res.statusCode = 401;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ code: 'Unauthorized', message: 'token refused' }));
    });
  });
  after(() => account.close());

  it('signs requests with the credential’s token, never a key', async () => {
    const scopes: string[] = [];
    const credential: TokenCredential = {
      async getToken(scope): Promise<AccessToken> {
        scopes.push(...[scope].flat());
        return { token: 'entra-token-for-test', expiresOnTimestamp: Date.now() + 3600_000 };
      },
    };
    await assert.rejects(
      openStore({ cosmosEndpoint: account.endpoint, cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: false, credential, agent: account.agent, backoff: { budgetMs: 0 } }),
      (err: { code?: number }) => err.code === 401,
    );
    assert.ok(authorizations.length > 0, 'the account was asked');
    for (const a of authorizations) assert.match(a, /^type=aad&ver=1\.0&sig=entra-token-for-test$/);
    assert.ok(scopes.length > 0 && scopes.every((s) => /\/\.default$/.test(s)), `scopes asked: ${scopes.join(', ')}`);
  });

  it('builds a DefaultAzureCredential, naming the user-assigned identity when AZURE_CLIENT_ID is set', () => {
    const system = cosmosCredential('');
    const user = cosmosCredential('00000000-0000-0000-0000-0000000000aa');
    assert.equal(system.constructor.name, 'DefaultAzureCredential');
    assert.equal(typeof user.getToken, 'function');
  });
});
