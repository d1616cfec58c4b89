// Which content has already passed the full checks, so a start need not repeat them.
//
// The full checks (every ajv schema compiled, every risk, stall, offer and feeling pattern compiled and matched
// against its examples) cost about 1.2 s idle and 5-7 s under load, at every `npm start` and every process test.
// Yet they are a pure function of their inputs: the content files, the schemas, this folder's checking code, the
// ajv that reads the schemas and the Node major version that runs the regular expressions. The digest below covers
// them all, so content whose digest passed once passes again: repeating the checks at start would prove nothing
// new. Any change (a content or schema edit, a new build, another ajv or Node) gives a new digest, and the start
// runs the full checks as before, then records the digest if they pass. Content that fails is never recorded, so a broken risk-terms.json or
// safety-protocol.json is refused at every start: nothing loads unchecked.
//
// Why not precompiled ajv validators (standalone code)? They remove only the schema half of the cost; the pattern
// checks (the other half, and the ones that guard the risk screen) would still run, and generated code must be kept
// in step with the schemas. The digest needs neither, and the checks that stay at every start are the cheap ones
// (ids, sources, order, macros: a few ms).
//
// The full checks also run, and record, in `npm run check:content` (which `npm test` and the build run first). The
// record lives with the tools' caches in node_modules/.cache/peerreflect/; an unwritable or damaged record costs
// time only (the checks run at every start), never a check.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packagePath } from '../paths';

/** Digests of content that passed the full checks. */
export interface CheckRecord {
  has(digest: string): boolean;
  /** False when it could not be recorded (the next start checks in full again). */
  add(digest: string): boolean;
}

/** How many digests a record keeps (source and compiled code have their own; branches and edits add more). */
const KEEP = 16;
const DIGEST = /^[0-9a-f]{64}$/;

export const DEFAULT_RECORD_FILE = packagePath('node_modules', '.cache', 'peerreflect', 'content-checked.json');

/** A record kept in a JSON file: a list of digests, newest first, replaced whole (write then rename). */
export class CheckRecordFile implements CheckRecord {
  constructor(readonly file: string = DEFAULT_RECORD_FILE) {}

  has(digest: string): boolean {
    return this.read().includes(digest);
  }

  /** Records a digest; false when the file cannot be written (a read-only install), which only costs time. */
  add(digest: string): boolean {
    const list = [digest, ...this.read().filter((d) => d !== digest)].slice(0, KEEP);
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, `${JSON.stringify(list)}\n`);
      fs.renameSync(tmp, this.file); // atomic: a start reading at the same moment sees the old list or the new one
      return true;
    } catch {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing was written
      }
      return false;
    }
  }

  private read(): string[] {
    try {
      const list: unknown = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      return Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string' && DIGEST.test(d)) : [];
    } catch {
      return []; // none yet, or damaged: check in full
    }
  }
}

/** This folder's code, as it runs (the .ts sources under tsx, the compiled .js under dist/). */
function codeFiles(): string[] {
  return fs
    .readdirSync(__dirname)
    .filter((f) => /\.(?:ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => path.join(__dirname, f));
}

/** Each file's bytes by name, or undefined when it cannot be read (the checks then say why). */
export function readFiles(files: readonly string[]): Map<string, Buffer | undefined> {
  const out = new Map<string, Buffer | undefined>();
  for (const file of files) {
    try {
      out.set(file, fs.readFileSync(file));
    } catch {
      out.set(file, undefined);
    }
  }
  return out;
}

/** The versions of the schema validator, whose reading of a schema is part of the checks. */
const VALIDATOR = ['ajv', 'ajv-formats'].map((name) => `${name} ${(require(`${name}/package.json`) as { version: string }).version}`).join(', ');

/**
 * The digest of everything the full checks depend on: the Node major version, the validator's version, this
 * folder's code, every file in `schemaDir`, and the content's bytes — the very bytes that are then loaded, so an edit made meanwhile cannot
 * be recorded under a digest it does not match.
 */
export function checksDigest(schemaDir: string, content: Map<string, Buffer | undefined>): string {
  const h = createHash('sha256');
  h.update(`node ${process.versions.node.split('.')[0]}, ${VALIDATOR}\0`);
  const schemas = readFiles(fs.readdirSync(schemaDir).sort().map((f) => path.join(schemaDir, f)));
  for (const [kind, files] of [['code', readFiles(codeFiles())], ['schema', schemas], ['content', content]] as const) {
    for (const [file, bytes] of files) {
      h.update(`${kind} ${path.basename(file)}\0`);
      h.update(bytes ?? '\0missing\0');
      h.update('\0');
    }
  }
  return h.digest('hex');
}
