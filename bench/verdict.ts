// Whether a turn run can say "met" or "not met" at all. The turn targets compare the bot with an echo bot on the same
// machine, but on a shared, busy machine both queue behind other processes and the ratios compare two saturated
// queues, not two bots (docs/BENCHMARKS.md, "Reading the figures"). So a verdict is given only when the echo baseline
// ran near its quiet speed and its runs agree; otherwise the run says "inconclusive: machine overloaded".

/**
 * The echo baseline's throughput on this kind of machine when quiet (2 cores, 50 connections: 907–1,143 turns/s in
 * the quiet runs of docs/BENCHMARKS.md). BENCH_QUIET_ECHO overrides it for another machine.
 */
export const QUIET_ECHO_TURNS_PER_S = 900;
/** Below this share of its quiet speed, an echo run means the machine was busy with something else. */
export const MIN_ECHO_SHARE = 0.6;
/** Echo runs further apart than this (fastest over slowest) mean the load changed during the run. */
export const MAX_ECHO_SPREAD = 1.5;

export type Verdict = 'met' | 'not met' | 'inconclusive';

export interface TurnVerdict {
  p99: Verdict;
  throughput: Verdict;
  /** Why a run is inconclusive (empty when it is not). */
  reasons: string[];
}

export function turnVerdict(input: { echoRuns: number[]; p99Ratio: number; throughputRatio: number; quietEcho?: number }): TurnVerdict {
  const quiet = input.quietEcho ?? QUIET_ECHO_TURNS_PER_S;
  const reasons: string[] = [];
  const slowest = Math.min(...input.echoRuns);
  const fastest = Math.max(...input.echoRuns);
  if (!input.echoRuns.length || !Number.isFinite(slowest)) reasons.push('no echo run');
  else {
    if (slowest < quiet * MIN_ECHO_SHARE) reasons.push(`the echo baseline ran at ${Math.round(slowest)} turns/s, ${Math.round((slowest / quiet) * 100)} % of its quiet ${quiet} (below ${MIN_ECHO_SHARE * 100} %)`);
    if (fastest / slowest > MAX_ECHO_SPREAD) reasons.push(`the echo runs differ ${(fastest / slowest).toFixed(1)}× (the load changed during the run)`);
  }
  if (reasons.length) return { p99: 'inconclusive', throughput: 'inconclusive', reasons };
  return { p99: input.p99Ratio <= 1.5 ? 'met' : 'not met', throughput: input.throughputRatio >= 0.6 ? 'met' : 'not met', reasons };
}

/** The verdict as the report words it. */
export function verdictWords(v: Verdict): string {
  return v === 'inconclusive' ? 'inconclusive: machine overloaded' : v;
}

/** The machine's load as Linux reports it (load average, and CPU pressure where /proc/pressure exists). */
export function machineLoad(read: (file: string) => string): { loadAverage?: number[]; cpuPressureSome10?: number } {
  const out: { loadAverage?: number[]; cpuPressureSome10?: number } = {};
  try {
    out.loadAverage = read('/proc/loadavg').split(' ').slice(0, 3).map(Number);
  } catch {}
  try {
    const m = /some avg10=([\d.]+)/.exec(read('/proc/pressure/cpu'));
    if (m) out.cpuPressureSome10 = Number(m[1]);
  } catch {}
  return out;
}
