// What the scripted debrief costs the database, turn by turn: requests and estimated request units (ruEstimate.ts).
// The bot runs in-process on a fresh database behind the counting pass-through; three conversations (the third by the
// first one's user, so the person is already known; each on its own client code, so no earlier plan is asked about).
// `npx tsx bench/requests.ts` prints it; `npm run bench` records it.
import { closeStores, freshStore } from '../test/helpers/store';
import { startBot } from '../test/helpers/bot';
import { setLogLevel } from '../services/log';
import { countingProxy } from './countingProxy';
import { cardValue, DEBRIEF } from './debrief';

export interface DebriefCost {
  /** Per conversation: requests and estimated RU of each turn (the last is the Save). */
  conversations: { user: number; requests: number[]; estimatedRU: number[]; /** With BENCH_TRACE=1: each turn's requests (countingProxy trace). */ trace?: string[][] }[];
}

export async function runDebriefCost(): Promise<DebriefCost> {
  setLogLevel('silent');
  const proxy = countingProxy({ trace: process.env.BENCH_TRACE === '1' });
  const bot = await startBot({ store: await freshStore({ interpose: proxy.interpose }) });
  const out: DebriefCost = { conversations: [] };
  try {
    for (let c = 0; c < 3; c++) {
      let last: string | undefined;
      const requests: number[] = [];
      const estimatedRU: number[] = [];
      const trace: string[][] = [];
      for (const [i, turn] of DEBRIEF.entries()) {
        const value = turn.card ? cardValue(last, turn.card) : turn.value;
        if (turn.card && !value) throw new Error(`turn ${i + 1}: no such button in ${String(last).slice(0, 600)}`);
        proxy.reset();
        const res = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message', id: `r${c}-${i}`, channelId: 'bench', serviceUrl: 'http://127.0.0.1:9/', from: { id: `user-${c % 2}` },
            recipient: { id: 'bot' }, conversation: { id: `conversation-${c}` }, deliveryMode: 'expectReplies', text: i === 0 ? `${turn.text}${c}` : (turn.text ?? ''), ...(value ? { value } : {}),
          }),
        });
        last = await res.text();
        if (res.status !== 200 || (turn.expect && !turn.expect.test(last))) throw new Error(`turn ${i + 1}: unexpected reply ${res.status}`);
        // Writes the turn started may still be in flight (none are, with expectReplies; this only guards the count).
        await new Promise((r) => setTimeout(r, 20));
        requests.push(proxy.cost.requests);
        estimatedRU.push(proxy.cost.estimatedRU ?? 0);
        if (proxy.cost.trace) trace.push(proxy.cost.trace);
      }
      out.conversations.push({ user: (c % 2) + 1, requests, estimatedRU, ...(trace.length ? { trace } : {}) });
    }
  } finally {
    await bot.stop();
    await closeStores();
    await proxy.close();
  }
  return out;
}
