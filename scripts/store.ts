/**
 * The embedded store's maintenance tool (docs/OPERATIONS.md walks through each):
 *
 *   npm run store -- check                 is the journal sound? which lines are damaged? (changes nothing)
 *   npm run store -- recover               keep a copy of a damaged journal, rebuild it from every line that reads
 *   npm run store -- export --out FILE     the store as a JSON lines file (works with the server stopped or running)
 *   npm run store -- import --in FILE      into COSMOS_ENDPOINT / COSMOS_KEY / COSMOS_DATABASE (or --data-dir DIR)
 *   npm run store -- rollups rebuild       regenerate the summaries' weekly roll-ups from the reflections (DATA_DIR's
 *                                          store with the bot stopped, or COSMOS_ENDPOINT / COSMOS_KEY when set)
 *
 * DATA_DIR (from the environment or .env; --data-dir overrides) names the data folder. What it prints names
 * files, lines, counts and pseudonymous ids only, never stored text. Exit codes: 0 done/sound, 1 damaged or
 * failed, 2 usage.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { setLogLevel } from '../services/log';
import { ID_SECRET_FILE, MIN_ID_SECRET_LENGTH } from '../services/secret';
import { openStore, type Store } from '../services/storage/cosmos';
import { JOURNAL_FILE, keepDamagedCopy, readJournal, writeJournal, type JournalRead } from '../services/storage/journal';
import { lockDataDir } from '../services/storage/lock';
import { isStoreRefused } from '../services/storage/refused';
import { importFile, writeExport } from '../services/storage/transfer';
import { OpenAlertsStore } from '../services/supervision/openAlerts';
import { SupervisionRecords } from '../services/supervision/records';
import { syncTalkedThrough } from '../services/supervision/talkedThrough';
import { RollupStore } from '../services/supervision/rollups';

const USAGE = 'Usage: npm run store -- check | recover | export --out FILE | import --in FILE | rollups rebuild [--data-dir DIR]';

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return v;
}

const say = (line = '') => process.stdout.write(`${line}\n`);

function documentCounts(read: JournalRead): string {
  const parts = [...read.state.docs].map(([k, docs]) => `${k.slice(k.indexOf('/') + 1)} ${docs.size}`);
  return parts.length ? parts.join(', ') : 'none';
}

function describeDamage(read: JournalRead, limit = 20): void {
  for (const d of read.damage.slice(0, limit)) say(`  line ${d.line}: ${d.reason}${d.id ? ` (document ${d.id})` : ''}`);
  if (read.damage.length > limit) say(`  … and ${read.damage.length - limit} more`);
}

function check(dataDir: string): number {
  const file = path.join(dataDir, JOURNAL_FILE);
  let sound = true;
  if (!fs.existsSync(file)) {
    say(`No journal at ${file}: a new, empty store.`);
  } else {
    const read = readJournal(file);
    if (read.damage.length) {
      sound = false;
      say(`${file} is DAMAGED: ${read.damage.length} line${read.damage.length > 1 ? 's' : ''} cannot be replayed.`);
      describeDamage(read);
      const salvage = readJournal(file, { salvage: true });
      say(`\`npm run store -- recover\` would keep a copy of this file and rebuild the journal with: ${documentCounts(salvage)}.`);
    } else {
      say(`${file} is sound: ${read.entries} entries. Documents: ${documentCounts(read)}.`);
      if (read.tornTail) say('  Its last line was cut mid-write by a kill; that write was never acknowledged and is skipped.');
    }
  }
  const secret = path.join(dataDir, ID_SECRET_FILE);
  if (!fs.existsSync(secret)) say(`${secret}: missing${fs.existsSync(file) ? ' — restore it from your backup; the stored ids depend on it.' : ' (made at the first start).'}`);
  else {
    const length = fs.readFileSync(secret, 'utf8').trim().length;
    if (length < MIN_ID_SECRET_LENGTH) {
      sound = false;
      say(`${secret}: ${length ? `only ${length} characters` : 'empty'} — restore it from your backup; the stored ids depend on it.`);
    } else say(`${secret}: present.`);
  }
  return sound ? 0 : 1;
}

function recover(dataDir: string): number {
  const file = path.join(dataDir, JOURNAL_FILE);
  if (!fs.existsSync(file)) {
    say(`No journal at ${file}: nothing to recover.`);
    return 0;
  }
  const lock = lockDataDir(dataDir); // never under a running server
  try {
    const strict = readJournal(file);
    if (!strict.damage.length) {
      say(`${file} is sound (${strict.entries} entries): nothing to recover.`);
      return 0;
    }
    const salvage = readJournal(file, { salvage: true });
    const copy = keepDamagedCopy(file);
    writeJournal(file, salvage.state);
    const again = readJournal(file);
    if (again.damage.length) throw new Error('the rebuilt journal does not replay cleanly');
    say(`Kept the damaged journal as ${copy}.`);
    say(`Rebuilt ${file} from every line that could be read: ${documentCounts(salvage)}.`);
    if (salvage.salvaged.containersRebuilt.length) say(`Containers whose own line was lost, rebuilt from their documents: ${salvage.salvaged.containersRebuilt.join(', ')}.`);
    if (salvage.salvaged.deletionsApplied) say(`Deletions read from damaged lines and applied: ${salvage.salvaged.deletionsApplied}.`);
    const lost = salvage.damage;
    if (lost.length) {
      say(`Lines that could not be read (${lost.length}); the writes they held are lost unless a backup has them:`);
      describeDamage(salvage);
      if (lost.some((d) => d.reason.startsWith('cut short'))) say('The journal was cut short: writes after the cut are gone. If you have a backup of DATA_DIR newer than that, restore it instead (docs/OPERATIONS.md).');
    }
    say('The store can start now: npm start');
    return 0;
  } finally {
    lock.release();
  }
}

function exportStore(dataDir: string, out: string): number {
  const file = path.join(dataDir, JOURNAL_FILE);
  if (!fs.existsSync(file)) throw new UsageError(`No journal at ${file}: nothing to export.`);
  const read = readJournal(file);
  if (read.damage.length) {
    say(`${file} is damaged at line ${read.damage[0]!.line}: ${read.damage[0]!.reason}. Run \`npm run store -- recover\` first.`);
    return 1;
  }
  const { documents, containers } = writeExport(read.state, out);
  say(`Exported ${documents} documents in ${containers} containers to ${out} (${documentCounts(read)}).`);
  say('It holds everyone\'s reflections: keep it as safe as DATA_DIR, and delete it once imported.');
  return 0;
}

async function importStore(args: string[], input: string): Promise<number> {
  if (!fs.existsSync(input)) throw new UsageError(`No file at ${input}.`);
  const dataDir = option(args, '--data-dir');
  let store: Store;
  if (dataDir) {
    store = await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: process.env.COSMOS_DATABASE || 'peerreflect', embeddedCosmos: true, dataDir });
  } else {
    const endpoint = process.env.COSMOS_ENDPOINT;
    const key = process.env.COSMOS_KEY;
    if (!endpoint || !key) throw new UsageError('Set COSMOS_ENDPOINT and COSMOS_KEY (and COSMOS_DATABASE, default peerreflect) to the target, or give --data-dir.');
    // Like the Cosmos DB emulator, a loopback endpoint (another embedded store) has a self-signed certificate.
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(endpoint).hostname);
    const agent = loopback ? new https.Agent({ keepAlive: true, rejectUnauthorized: false }) : undefined;
    store = await openStore({ cosmosEndpoint: endpoint, cosmosKey: key, cosmosDatabase: process.env.COSMOS_DATABASE || 'peerreflect', embeddedCosmos: false, agent });
  }
  try {
    const counts = await importFile(store, input);
    say(`Imported ${counts.imported} documents into ${counts.containers} containers of database ${store.databaseId}.`);
    if (counts.expired) say(`Not imported, already past their retention (ttl): ${counts.expired}.`);
    say(`Now stored there: ${Object.entries(counts.stored).map(([k, n]) => `${k} ${n}`).join(', ')}.`);
    say(dataDir
      ? `Copy the old DATA_DIR's ${ID_SECRET_FILE} into ${dataDir} (mode 0600) before starting on it, or no one's history will be found.`
      : `Set ID_SECRET to the contents of the old DATA_DIR's ${ID_SECRET_FILE} before starting against it, or no one's history will be found.`);
    return 0;
  } finally {
    await store.close();
  }
}

/** Regenerates the roll-ups (services/supervision/rollups.ts) from every stored reflection. */
async function rebuildRollups(dataDir: string): Promise<number> {
  const endpoint = process.env.COSMOS_ENDPOINT;
  const key = process.env.COSMOS_KEY;
  const database = process.env.COSMOS_DATABASE || 'peerreflect';
  // The embedded store is opened on its data folder (locked: the bot must be stopped); Azure by its endpoint.
  const store = endpoint && key
    ? await openStore({ cosmosEndpoint: endpoint, cosmosKey: key, cosmosDatabase: database, embeddedCosmos: false, requestTimeoutMs: 60_000 })
    : await openStore({ cosmosEndpoint: '', cosmosKey: '', cosmosDatabase: database, embeddedCosmos: true, dataDir, requestTimeoutMs: 60_000 });
  try {
    const r = await new RollupStore(store.containers.rollups, () => new Date()).rebuild(store.containers.reflections);
    say(`Rebuilt the roll-ups from ${r.reflections} reflections: ${r.weeks} weekly documents written, ${r.removed} no longer needed removed.`);
    // The digest's open safety alerts live beside them (services/supervision/openAlerts.ts): from the alerts and their acknowledgements.
    const records = new SupervisionRecords(store.containers.supervision, 1); // only read here: the ttl is not used
    const a = await new OpenAlertsStore(store.containers.rollups, () => new Date()).rebuild(store.containers.schedules, (keys) => records.recorded(keys));
    say(`Open safety alerts: ${a.written} documents written, ${a.removed} removed.`);
    // And the talked-through marks of flagged stalls, which summaries read on the relationships (services/supervision/talkedThrough.ts).
    const s = await syncTalkedThrough(store.containers.relationships, records);
    say(`Flags talked through: ${s.marked} marked, ${s.cleared} cleared.`);
    return 0;
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  loadDotenv({ quiet: true } as Parameters<typeof loadDotenv>[0]);
  setLogLevel('silent'); // what it has to say, it prints
  const [command, ...args] = argv;
  const dataDir = option(args, '--data-dir') ?? process.env.DATA_DIR ?? 'data';
  switch (command) {
    case 'check':
      return check(dataDir);
    case 'recover':
      return recover(dataDir);
    case 'export': {
      const out = option(args, '--out');
      if (!out) throw new UsageError('export needs --out FILE');
      return exportStore(dataDir, out);
    }
    case 'import': {
      const input = option(args, '--in');
      if (!input) throw new UsageError('import needs --in FILE');
      return importStore(args, input);
    }
    case 'rollups':
      if (args[0] !== 'rebuild') throw new UsageError('rollups needs a command: rollups rebuild');
      return rebuildRollups(dataDir);
    default:
      throw new UsageError(USAGE);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${isStoreRefused(err) || err instanceof Error ? (err as Error).message : String(err)}\n`);
    process.exit(1);
  },
);
