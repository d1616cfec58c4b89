// The id secret for the embedded default: generated once and kept in the data folder, so pseudonymous ids
// stay stable across restarts. Production sets ID_SECRET explicitly (config refuses to start without it).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function localIdSecret(dataDir: string): string {
  const file = path.join(dataDir, 'id-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
