// Memory with many debriefs open at once: 1,000 conversations left mid-debrief, then finished. Figures come
// from the bench server's /bench/stats (RSS and heap after a full GC).
import { cardValue, DEBRIEF } from './debrief';
import type { Turn } from './load';

export interface Stats {
  reflections: number;
  botState: number;
  rss: number;
  heapUsed: number;
  gc: boolean;
}

export async function stats(port: number, gc = true): Promise<Stats> {
  return (await (await fetch(`http://127.0.0.1:${port}/bench/stats${gc ? '?gc=1' : ''}`)).json()) as Stats;
}

/** One scripted conversation's state between turns: its ids and the last reply (for card taps). */
export interface Talk {
  conversation: string;
  user: string;
  lastBody?: string;
  next: number;
}

/** Posts the talk's next turns up to (not including) `until`; throws on a non-200, a missing card or an unexpected reply. */
export async function advance(port: number, talk: Talk, until: number, script: Turn[] = DEBRIEF): Promise<void> {
  for (; talk.next < until; talk.next++) {
    const turn = script[talk.next]!;
    const value = turn.card ? cardValue(talk.lastBody, turn.card) : turn.value;
    if (turn.card && !value) throw new Error(`no card button for turn ${talk.next}`);
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: `${talk.conversation}-${talk.next}`, channelId: 'bench', serviceUrl: 'http://127.0.0.1:9/',
        from: { id: talk.user }, recipient: { id: 'bot' }, conversation: { id: talk.conversation }, deliveryMode: 'expectReplies',
        text: turn.text ?? '', ...(value ? { value } : {}),
      }),
    });
    talk.lastBody = await res.text();
    if (res.status !== 200) throw new Error(`turn ${talk.next} answered ${res.status}`);
    if (turn.expect && !turn.expect.test(talk.lastBody)) throw new Error(`turn ${talk.next}: unexpected reply`);
  }
}

/** Runs `work` over the items, `concurrency` at a time. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (i < items.length) await work(items[i++]!);
  }));
}

export interface MemoryFigures {
  open: number;
  /** After warm-up (100 whole debriefs), with `open` open, after they finish, and after `again` more whole debriefs. */
  again: number;
  baseline: Stats;
  withOpen: Stats;
  afterFinish: Stats;
  afterSecondRound: Stats;
  /** Heap per open debrief (withOpen - baseline) and per finished-and-stored debrief in the second round. */
  heapPerOpenKB: number;
  heapPerStoredKB: number;
}

export async function runMemoryBench(port: number, open = 1000, log: (s: string) => void = () => undefined): Promise<MemoryFigures> {
  const talks = (prefix: string, n: number): Talk[] => Array.from({ length: n }, (_, i) => ({ conversation: `${prefix}-${i}`, user: `${prefix}-u${i}`, next: 0 }));
  const mid = DEBRIEF.findIndex((t) => t.card?.title === 'Stalling'); // left at the movement question, answers in state
  await pool(talks('warm', 100), 20, (t) => advance(port, t, DEBRIEF.length));
  const baseline = await stats(port);
  const round = talks('open', open);
  await pool(round, 20, (t) => advance(port, t, mid));
  const withOpen = await stats(port);
  log(`  ${open} open: heap ${(withOpen.heapUsed / 2 ** 20).toFixed(0)} MiB`);
  await pool(round, 20, (t) => advance(port, t, DEBRIEF.length));
  const afterFinish = await stats(port);
  const again = Math.min(open, 300); // enough to see what each further debrief leaves behind
  await pool(talks('again', again), 20, (t) => advance(port, t, DEBRIEF.length));
  const afterSecondRound = await stats(port);
  if (afterSecondRound.reflections !== 100 + open + again) throw new Error(`expected ${100 + open + again} stored reflections, found ${afterSecondRound.reflections}`);
  return {
    open, again, baseline, withOpen, afterFinish, afterSecondRound,
    heapPerOpenKB: (withOpen.heapUsed - baseline.heapUsed) / open / 1024,
    heapPerStoredKB: (afterSecondRound.heapUsed - afterFinish.heapUsed) / again / 1024,
  };
}
