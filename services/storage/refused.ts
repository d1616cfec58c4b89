// Why the store will not open, in words an operator can act on. The message names files, line numbers and
// process ids only (never stored content), so the entry point may print it as it is.
export class StoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreRefused';
  }
}

export function isStoreRefused(err: unknown): err is StoreRefused {
  return err instanceof StoreRefused;
}

/** The lines every refusal ends with: how to look closer and how to recover. */
export const RECOVERY_HINT = 'See what is damaged with `npm run store -- check`; `npm run store -- recover` keeps a copy of the damaged file and recovers every document it can (docs/OPERATIONS.md).';
