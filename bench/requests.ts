// Cosmos requests (and estimated request units) per turn of the scripted debrief: `npx tsx bench/requests.ts`.
// See debriefCost.ts.
import { runDebriefCost } from './debriefCost';

async function main(): Promise<void> {
  const { conversations } = await runDebriefCost();
  for (const [i, c] of conversations.entries()) {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    console.log(`conversation ${i + 1} (user ${c.user}): ${c.requests.join(' ')} — ${sum(c.requests)} requests for ${c.requests.length} turns; estimated RU ${c.estimatedRU.map((x) => x.toFixed(1)).join(' ')} — ${sum(c.estimatedRU).toFixed(1)} RU`);
    // BENCH_TRACE=1: what the first and the last (Save) turn ask of the database.
    if (c.trace) for (const t of [0, c.trace.length - 1]) console.log(`  turn ${t + 1}: ${c.trace[t]!.join(', ')}`);
  }
}

void main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
