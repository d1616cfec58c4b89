/**
 * A warm start for the de-identifier (round 17, issue 13; measured by bench/deidFlags.ts --curve). Its lists and models
 * load at the first note that needs them (about 2 s of CPU at a process's first note, most of a second more at its
 * first French or Spanish one), and V8 runs a function slowly until it has run it often: a fresh process's first
 * thousand notes cost several times the next. Reading synthetic notes (warmUpNotes.ts) at boot pays for that before
 * the first real note. Their output is thrown away; the memos they fill are bounded as every note's are.
 */
import { deidentify } from '../services/deidentify';
import { WARM_UP_NOTES } from './warmUpNotes';

export interface WarmUp {
  /** Notes read (counts only: nothing of a note is logged). */
  notes: number;
  /** Process CPU and wall time spent, ms. */
  cpuMs: number;
  ms: number;
}

const cpuUs = (): number => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

/**
 * Reads every warm-up note once, then goes on round them until `seconds` of CPU have passed since it began; 0 or less:
 * reads nothing. `read` is the service's call (deidentify), replaceable in tests.
 */
export function warmUpDeidentifier(seconds: number, read: (text: string) => unknown = deidentify): WarmUp {
  const t0 = performance.now();
  const c0 = cpuUs();
  let notes = 0;
  if (seconds > 0) {
    for (const text of WARM_UP_NOTES) read(text);
    notes = WARM_UP_NOTES.length;
    for (let i = 0; cpuUs() - c0 < seconds * 1e6; i = (i + 1) % WARM_UP_NOTES.length, notes++) read(WARM_UP_NOTES[i]!);
  }
  return { notes, cpuMs: Math.round((cpuUs() - c0) / 1000), ms: Math.round(performance.now() - t0) };
}
