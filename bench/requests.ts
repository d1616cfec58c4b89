// Cosmos requests per turn of the scripted debrief: `npx tsx bench/requests.ts`. Runs the bot in-process on a
// fresh database behind the counting pass-through and sends the debrief turn by turn, three conversations (the
// third by the first one's user, so the person is already known), printing the requests each turn made.
import { closeStores, freshStore } from '../test/helpers/store';
import { startBot } from '../test/helpers/bot';
import { setLogLevel } from '../services/log';
import { countingProxy } from './countingProxy';
import { cardValue, DEBRIEF } from './debrief';

async function main(): Promise<void> {
  setLogLevel('silent');
  const proxy = countingProxy();
  const bot = await startBot({ store: await freshStore({ interpose: proxy.interpose }) });
  try {
    for (let c = 0; c < 3; c++) {
      let last: string | undefined;
      const counts: number[] = [];
      for (const [i, turn] of DEBRIEF.entries()) {
        const value = turn.card ? cardValue(last, turn.card) : turn.value;
        if (turn.card && !value) throw new Error(`turn ${i + 1}: no such button`);
        proxy.reset();
        const res = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message', id: `r${c}-${i}`, channelId: 'bench', serviceUrl: 'http://127.0.0.1:9/', from: { id: `user-${c % 2}` },
            recipient: { id: 'bot' }, conversation: { id: `conversation-${c}` }, deliveryMode: 'expectReplies', text: turn.text ?? '', ...(value ? { value } : {}),
          }),
        });
        last = await res.text();
        if (res.status !== 200 || (turn.expect && !turn.expect.test(last))) throw new Error(`turn ${i + 1}: unexpected reply ${res.status}`);
        counts.push(proxy.cost.requests);
      }
      console.log(`conversation ${c + 1} (user ${c % 2 + 1}): ${counts.join(' ')} — ${counts.reduce((a, b) => a + b, 0)} requests for ${counts.length} turns`);
    }
  } finally {
    await bot.stop();
    await closeStores();
    await proxy.close();
  }
}

void main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
