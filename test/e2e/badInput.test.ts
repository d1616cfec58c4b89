// Bad requests at POST /api/messages: each gets a 4xx with a JSON { error, message }, never a 5xx, and the
// server keeps serving. With Bot Framework credentials set, a request without a valid token gets 401.
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { AuthenticationError } from 'botframework-connector';
import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';
import sinon from 'sinon';
import { Conversation, startBot, type RunningBot } from '../helpers/bot';
import { closeStores } from '../helpers/store';

async function post(bot: RunningBot, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as { error?: string; message?: string }) : {} };
}

describe('bad input at /api/messages', () => {
  let bot: RunningBot;
  let good: Record<string, unknown>;
  before(async () => {
    bot = await startBot({ config: { maxBodyBytes: 16 * 1024 } });
    good = new Conversation(bot.url).activity({ text: 'help' }) as Record<string, unknown>;
  });
  after(async () => {
    await bot.stop();
    await closeStores();
  });
  afterEach(async () => {
    // Whatever was sent, the next real turn still works.
    assert.equal((await new Conversation(bot.url).say('help')).length, 1);
  });

  const without = (field: string) => JSON.stringify({ ...good, [field]: undefined });
  const cases: [string, () => string, number, RegExp][] = [
    ['malformed JSON', () => '{"type":', 400, /not valid JSON/],
    ['an empty body', () => '', 400, /not valid JSON/],
    ['a JSON array', () => '[]', 400, /one activity object/],
    ['JSON null', () => 'null', 400, /one activity object/],
    ['a JSON string', () => '"hello"', 400, /one activity object/],
    ['no type', () => without('type'), 400, /missing "type"/],
    ['no conversation', () => without('conversation'), 400, /missing "conversation"/],
    ['a conversation without id', () => JSON.stringify({ ...good, conversation: {} }), 400, /missing "conversation.id"/],
    ['no from', () => without('from'), 400, /missing "from"/],
    ['a from.id that is a number', () => JSON.stringify({ ...good, from: { id: 5 } }), 400, /"from.id" must be string/],
    ['no serviceUrl', () => without('serviceUrl'), 400, /missing "serviceUrl"/],
    ['a serviceUrl that is not http(s)', () => JSON.stringify({ ...good, serviceUrl: 'file:///etc/passwd' }), 400, /"serviceUrl"/],
    ['no channelId', () => without('channelId'), 400, /missing "channelId"/],
    ['text that is a number', () => JSON.stringify({ ...good, text: 5 }), 400, /"text" must be string/],
    ['membersAdded with a null member', () => JSON.stringify({ ...good, type: 'conversationUpdate', membersAdded: [null] }), 400, /membersAdded.0/],
    ['a __proto__ key', () => `{"__proto__":{"polluted":1},${JSON.stringify(good).slice(1)}`, 400, /reserved key/],
    ['a body over MAX_BODY_BYTES', () => JSON.stringify({ ...good, text: 'x'.repeat(20 * 1024) }), 413, /16384-byte limit \(MAX_BODY_BYTES\)/],
  ];
  for (const [name, body, status, message] of cases) {
    it(`refuses ${name} with ${status} and a clear message`, async () => {
      const res = await post(bot, body());
      assert.equal(res.status, status);
      assert.match(res.body.message ?? '', message);
      assert.equal(typeof res.body.error, 'string');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  }

  it('refuses a body over the limit sent without a content-length (chunked) with 413', async () => {
    const big = JSON.stringify({ ...good, text: 'y'.repeat(40 * 1024) });
    const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(big)); c.close(); } });
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    assert.equal(res.status, 413);
  });

  it('refuses a form post or text body with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await post(bot, 'a=b', { 'content-type': type });
      assert.equal(res.status, 415);
      assert.match(res.body.message ?? '', /application\/json/);
    }
  });

  it('accepts application/json with a charset and unknown extra fields', async () => {
    const res = await post(bot, JSON.stringify({ ...good, futureField: { x: 1 } }), { 'content-type': 'application/json; charset=utf-8' });
    assert.equal(res.status, 200);
  });
});

describe('Bot Framework authentication at /api/messages', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startBot({ config: { microsoftAppId: randomUUID(), microsoftAppPassword: 'x', localMode: false } });
    // The SDK's key lookup answers from here: only the 'trusted' key id exists.
    stub = sinon.stub(OpenIdMetadata.prototype, 'getKey').callsFake(async (kid: string) =>
      kid === 'trusted' ? { key: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(), endorsements: [] } : null);
  });
  after(async () => {
    stub.restore();
    await bot.stop();
    await closeStores();
  });
  const activity = () => JSON.stringify(new Conversation('http://unused').activity({ text: 'help' }));

  it('answers 401 to a request without a token, before reading the body', async () => {
    const res = await post(bot, activity());
    assert.equal(res.status, 401);
    assert.match(res.body.message ?? '', /token is required/);
  });

  // Bot Framework signing keys come from login.botframework.com; the test trusts one local key in their
  // place (a sinon stub at that boundary), so the real validator runs offline.
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const untrusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwt = (claims: Record<string, unknown>, kid: string, key = keys.privateKey) => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${enc({ alg: 'RS256', typ: 'JWT', kid })}.${enc(claims)}`;
    return `${body}.${sign('sha256', Buffer.from(body), key).toString('base64url')}`;
  };
  const claims = (over: Record<string, unknown> = {}) => ({
    iss: 'https://api.botframework.com', aud: bot.app.config.microsoftAppId, serviceurl: 'http://127.0.0.1:9/',
    nbf: Math.floor(Date.now() / 1000) - 60, exp: Math.floor(Date.now() / 1000) + 600, ...over,
  });
  const send = (token: string) =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: activity() });
  let stub: sinon.SinonStub;

  it('accepts a token signed by a trusted key for this bot (so the refusals below are real)', async () => {
    const res = await send(jwt(claims(), 'trusted'));
    assert.equal(res.status, 200);
  });

  const forged: [string, () => string][] = [
    ['a token that is not a JWT', () => 'not-a-jwt'],
    ['a token signed by an unknown key', () => jwt(claims(), 'forged', untrusted.privateKey)],
    ['a token claiming the trusted key but signed by another', () => jwt(claims(), 'trusted', untrusted.privateKey)],
    ['a token for another bot', () => jwt(claims({ aud: randomUUID() }), 'trusted')],
    ['an expired token', () => jwt(claims({ exp: Math.floor(Date.now() / 1000) - 3600 }), 'trusted')],
    ['a token from another issuer', () => jwt(claims({ iss: 'https://evil.example' }), 'trusted')],
  ];
  for (const [name, token] of forged) {
    it(`answers 401 to ${name}`, async () => {
      const res = await send(token());
      assert.equal(res.status, 401);
    });
  }

  it('answers 503 (documented) when the signing keys cannot be fetched to check a token', async () => {
    stub.rejects(new AuthenticationError('Failed to load Keys: 502', 500));
    try {
      const res = await send(jwt(claims(), 'trusted'));
      assert.equal(res.status, 503);
      assert.equal(((await res.json()) as { error: string }).error, 'auth_unavailable');
    } finally {
      stub.reset();
      stub.callsFake(async (kid: string) => (kid === 'trusted' ? { key: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(), endorsements: [] } : null));
    }
  });
});
