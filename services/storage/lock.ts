// One process per DATA_DIR. Two servers on one folder would each keep their own copy in memory and append to
// one journal (split brain: writes acknowledged by one vanish at the next start), so the embedded store takes
// DATA_DIR/store.lock, created exclusively with the holder's pid. A lock whose process is gone (killed, the
// machine restarted) is taken over; one held by a live process is refused, naming it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileExclusively } from './files';
import { StoreRefused } from './refused';

export const LOCK_FILE = 'store.lock';

interface Holder {
  pid: number;
  host: string;
  /** Boot and process start time (Linux), so a pid reused by another process after a restart is not mistaken for the holder. */
  boot?: string;
  start?: string;
  since: string;
}

export interface DataDirLock {
  file: string;
  release(): void;
}

const held = new Set<string>(); // lock files this process holds

/** Fields 3 (state) and 22 (start time since boot) of /proc/<pid>/stat, where there is one (Linux). */
function procStat(pid: number): { state: string; start: string } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, start: fields[19]! };
  } catch {
    return undefined;
  }
}

const procStart = (pid: number) => procStat(pid)?.start;

function bootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

function me(): Holder {
  return { pid: process.pid, host: os.hostname(), boot: bootId(), start: procStart(process.pid), since: new Date().toISOString() };
}

function readHolder(file: string): Holder | undefined {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(h.pid) && typeof h.host === 'string' ? h : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw err;
    return undefined; // unreadable: written by a process killed mid-write
  }
}

/** Is the process that wrote this lock still running? Unknowable for another host: assume so. */
function alive(h: Holder, file: string): boolean {
  if (h.host !== os.hostname()) return true;
  if (h.pid === process.pid) return held.has(file);
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const stat = procStat(h.pid);
  if (stat?.state === 'Z') return false; // exited, not yet reaped by its parent
  if (h.boot && h.start && h.boot === bootId()) return stat?.start === h.start;
  return true;
}

function refusal(dataDir: string, file: string, h: Holder): StoreRefused {
  const where = h.host === os.hostname() ? `process ${h.pid}` : `process ${h.pid} on host ${h.host}`;
  const how = h.host === os.hostname()
    ? `Stop that process first (kill ${h.pid}), or give this one its own DATA_DIR.`
    : `If that host is gone for good, make sure nothing else uses ${dataDir}, then delete ${file}.`;
  return new StoreRefused(`${dataDir} is in use by ${where} (since ${h.since}): two servers on one DATA_DIR would lose each other's writes. ${how}`);
}

/** Takes DATA_DIR's lock or throws StoreRefused naming the process that holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.resolve(dataDir, LOCK_FILE);
  const mine = me();
  for (let attempt = 0; attempt < 10; attempt++) {
    if (createFileExclusively(file, JSON.stringify(mine))) {
      held.add(file);
      const release = () => {
        process.off('exit', release);
        if (!held.delete(file)) return;
        try {
          if (readHolder(file)?.pid === mine.pid) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { file, release };
    }
    let holder: Holder | undefined;
    try {
      holder = readHolder(file);
    } catch {
      continue; // released meanwhile: try again
    }
    if (holder && alive(holder, file)) throw refusal(dataDir, file, holder);
    takeOverStale(file, holder);
  }
  throw new StoreRefused(`Could not take the lock ${file}: other processes keep taking it. Make sure only one PeerReflect uses this DATA_DIR.`);
}

/**
 * Moves a dead process's lock aside. Two starters may both find it stale: each moves `store.lock` to its own
 * name and checks that what it moved is the stale lock it judged; if it moved a fresh lock (the other starter
 * won meanwhile), it puts that back.
 */
function takeOverStale(file: string, stale: Holder | undefined): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  let moved: Holder | undefined;
  try {
    moved = readHolder(aside);
  } catch {
    moved = undefined;
  }
  if (moved && (!stale || moved.pid !== stale.pid || moved.since !== stale.since)) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // a third starter took it meanwhile; its lock stands
    }
  }
  fs.unlinkSync(aside);
}
