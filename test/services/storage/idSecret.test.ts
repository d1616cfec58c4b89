// DATA_DIR's id-secret (issue 15, item 5): the HMAC key behind every pseudonymous id and signed page link.
// Made only for a truly new data folder; an empty, short or lost one on a folder that holds data is refused.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localIdSecret } from '../../../services/secret';
import { openStore } from '../../../services/storage/cosmos';

/** A data folder that holds data: one stored document in its journal. */
async function used(dataDir: string): Promise<string> {
  const secret = localIdSecret(dataDir);
  const store = await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: 'peerreflect', embeddedCosmos: true, dataDir });
  await store.containers.people.items.create({ id: 'someone' });
  await store.close();
  return secret;
}

function refusal(dataDir: string): Error {
  try {
    localIdSecret(dataDir);
  } catch (err) {
    return err as Error;
  }
  assert.fail('localIdSecret accepted it');
}

describe('id-secret in DATA_DIR', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'pr-secret-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a truly new DATA_DIR gets a long random secret, kept 0600, the same at every start', () => {
    const data = path.join(dir, 'data');
    const secret = localIdSecret(data);
    assert.ok(secret.length >= 32);
    assert.equal(localIdSecret(data), secret);
    assert.equal(fs.statSync(path.join(data, 'id-secret')).mode & 0o777, 0o600);
  });

  it('an empty id-secret is refused with a message that names the file and says to restore it', async () => {
    const data = path.join(dir, 'data');
    await used(data);
    fs.writeFileSync(path.join(data, 'id-secret'), '');
    const err = refusal(data);
    assert.equal(err.name, 'StoreRefused');
    assert.ok(err.message.includes(path.join(data, 'id-secret')));
    assert.match(err.message, /empty/);
    assert.match(err.message, /backup/);
    assert.equal(fs.readFileSync(path.join(data, 'id-secret'), 'utf8'), '', 'left as it was');
  });

  it('a short id-secret is refused', async () => {
    const data = path.join(dir, 'data');
    await used(data);
    fs.writeFileSync(path.join(data, 'id-secret'), 'short-secret\n');
    assert.match(refusal(data).message, /only 12 characters/);
  });

  it('a missing id-secret on a DATA_DIR that holds data is refused, and no new one is made', async () => {
    const data = path.join(dir, 'data');
    await used(data);
    fs.unlinkSync(path.join(data, 'id-secret'));
    const err = refusal(data);
    assert.match(err.message, /id-secret is missing/);
    assert.ok(err.message.includes('cosmos-journal.jsonl'), 'says what holds data');
    assert.ok(!fs.existsSync(path.join(data, 'id-secret')));
  });

  it('a missing id-secret with a reflection waiting in the outbox spool is refused too', () => {
    const data = path.join(dir, 'data');
    fs.mkdirSync(path.join(data, 'outbox'), { recursive: true });
    fs.writeFileSync(path.join(data, 'outbox', 'r1.json'), '{}');
    assert.match(refusal(data).message, /outbox/);
  });

  it('restoring the secret from a backup starts again with the same ids', async () => {
    const data = path.join(dir, 'data');
    const secret = await used(data);
    const backup = fs.readFileSync(path.join(data, 'id-secret'));
    fs.writeFileSync(path.join(data, 'id-secret'), '');
    refusal(data);
    fs.writeFileSync(path.join(data, 'id-secret'), backup);
    assert.equal(localIdSecret(data), secret);
  });
});
