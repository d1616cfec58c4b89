// The id secret for the embedded default: generated once and kept in the data folder, so pseudonymous ids
// stay stable across restarts. Production sets ID_SECRET explicitly (config refuses to start without it).
// It is made only for a truly new data folder: one that already holds data but lost its secret (or holds an
// empty or short one) refuses to start, since a new secret would orphan everyone's history and an empty one
// would make ids and signed page links guessable.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createFileExclusively, ensurePrivateDir, makePrivate } from './storage/files';
import { JOURNAL_FILE } from './storage/journal';
import { StoreRefused } from './storage/refused';

export const ID_SECRET_FILE = 'id-secret';
/** As config asks of ID_SECRET; a generated one is 43 characters. */
export const MIN_ID_SECRET_LENGTH = 32;

/** Anything a data folder keeps that the id secret's loss would orphan. */
function heldData(dataDir: string): string | undefined {
  if (existsSync(path.join(dataDir, JOURNAL_FILE))) return JOURNAL_FILE;
  const outbox = path.join(dataDir, 'outbox');
  if (existsSync(outbox) && readdirSync(outbox).some((f) => f.endsWith('.json'))) return 'outbox/';
  return undefined;
}

export function localIdSecret(dataDir: string): string {
  const file = path.join(dataDir, ID_SECRET_FILE);
  if (!existsSync(file)) {
    const data = heldData(dataDir);
    if (data) {
      throw new StoreRefused(
        `${file} is missing, but ${path.join(dataDir, data)} holds data stored under it. A new secret would cut everyone off ` +
        `from their history, so PeerReflect has not started. Restore id-secret from your backup of ${dataDir} (docs/OPERATIONS.md).`,
      );
    }
    ensurePrivateDir(dataDir);
    createFileExclusively(file, randomBytes(32).toString('base64url')); // a second starter keeps the first one's
  }
  makePrivate(file);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_ID_SECRET_LENGTH) {
    throw new StoreRefused(
      `${file} is ${secret.length ? `only ${secret.length} characters long` : 'empty'}; it must hold at least ${MIN_ID_SECRET_LENGTH}. ` +
      `PeerReflect has not started. Restore id-secret from your backup of ${dataDir} (docs/OPERATIONS.md); do not make a new one, ` +
      'or everyone already stored would be cut off from their history.',
    );
  }
  return secret;
}
