// Private, durable files under DATA_DIR: the folder is 0700 and every file 0600 (the journal holds everyone's
// reflections, so no other local user may read it), and a file that replaces another is written beside it,
// fsynced, renamed over it and the folder fsynced — a crash leaves the old copy or the new one, never neither.
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder 0700, or tightens an existing one to 0700 (folders of older versions were 0755). */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if ((fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Tightens an existing file to 0600 (journals of older versions were 0644). */
export function makePrivate(file: string): void {
  if (fs.existsSync(file) && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Writes every byte of `buf` (writeSync may write fewer than asked). */
export function writeAll(fd: number, buf: Buffer): void {
  for (let off = 0; off < buf.length; ) off += fs.writeSync(fd, buf, off, buf.length - off);
}

/** Makes a rename or a new file in `dir` durable. */
export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `chunks` to `file` through `file.tmp`: write, fsync, rename, fsync the folder. */
export function replaceFileDurably(file: string, chunks: Iterable<string>): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', PRIVATE_FILE_MODE);
  try {
    let pending: string[] = [];
    let size = 0;
    for (const c of chunks) {
      pending.push(c);
      size += c.length;
      if (size >= 1 << 20) {
        writeAll(fd, Buffer.from(pending.join('')));
        pending = [];
        size = 0;
      }
    }
    writeAll(fd, Buffer.from(pending.join('')));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/**
 * Creates `file` with `content` only if it does not exist yet (write beside, fsync, link: atomic and
 * exclusive). Returns false, changing nothing, when the file was already there.
 */
export function createFileExclusively(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', PRIVATE_FILE_MODE);
  try {
    writeAll(fd, Buffer.from(content));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file);
    fsyncDir(path.dirname(file));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.unlinkSync(tmp);
  }
}
