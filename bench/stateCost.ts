// What the size of a conversation's state costs a turn's storage path: `npx tsx bench/stateCost.ts [cycles] [rounds]`.
// In one process (the client and the in-process Cosmos-compatible server, as in the bench servers), each cycle is a
// turn's storage work: read the state through botbuilder's ConversationState, change it, save it. Three sizes — the echo
// baseline's (~0.1 KB), the scripted debrief's largest (~2.8 KB) and the longest debrief's (~10 KB) — alternate in rounds,
// on the echo's plain storage and on the bot's etag-checked one (bot/stateStorage.ts). CPU µs per cycle (process.cpuUsage):
// read the ratios between rows of one run, not the absolute figures, on a shared machine.
import { ConversationState, TestAdapter, TurnContext, type Activity, type Storage } from 'botbuilder';
import { cosmosStateStorage, EtagCheckedStorage } from '../bot/stateStorage';
import { loadConfig } from '../services/config';
import { setLogLevel } from '../services/log';
import { BOT_STATE_CONTAINER } from '../services/storage/containers';
import { openStore } from '../services/storage/cosmos';
import { fmt, median } from './stats';
import { machineLoad } from './verdict';
import fs from 'node:fs';

const SIZES = [{ name: 'echo (~0.1 KB)', bytes: 60 }, { name: 'debrief script, largest (~2.8 KB)', bytes: 2800 }, { name: 'longest debrief (~10 KB)', bytes: 10_000 }];

async function main(): Promise<void> {
  const cycles = Number(process.argv[2] ?? 300);
  const rounds = Number(process.argv[3] ?? 3);
  setLogLevel('silent');
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ID_SECRET: 'bench-secret-bench-secret-bench-secret-00' });
  const store = await openStore({ ...config, dataDir: undefined });
  const storages: { name: string; storage: Storage }[] = [
    { name: 'plain (echo)', storage: cosmosStateStorage(store) },
    { name: 'etag-checked (bot)', storage: new EtagCheckedStorage(cosmosStateStorage(store), store.database.container(BOT_STATE_CONTAINER)) },
  ];
  const adapter = new TestAdapter();
  const results = new Map<string, number[]>();
  try {
    for (let r = 0; r < rounds; r++) {
      for (const s of storages) {
        for (const size of SIZES) {
          const state = new ConversationState(s.storage);
          const prop = state.createProperty<{ n: number; pad: string }>('value');
          const conversation = `c-${s.name}-${size.bytes}-${r}`;
          const t0 = process.cpuUsage();
          for (let i = 0; i < cycles; i++) {
            const activity = { type: 'message', channelId: 'bench', conversation: { id: conversation }, from: { id: 'u' }, recipient: { id: 'b' }, text: 'x' } as Partial<Activity>;
            const context = new TurnContext(adapter, activity);
            const v = (await prop.get(context, { n: 0, pad: 'x'.repeat(size.bytes) }))!;
            await prop.set(context, { ...v, n: v.n + 1 });
            await state.saveChanges(context);
          }
          const used = process.cpuUsage(t0);
          const key = `${s.name}|${size.name}`;
          results.set(key, [...(results.get(key) ?? []), (used.user + used.system) / cycles]);
        }
      }
    }
  } finally {
    await store.close();
  }
  const load = machineLoad((f) => fs.readFileSync(f, 'utf8'));
  console.log(`${cycles} read-change-save cycles a size, ${rounds} rounds, medians; load average ${load.loadAverage?.join(' ') ?? '–'}, CPU pressure ${load.cpuPressureSome10 ?? '–'} %`);
  console.log('| storage | state | CPU µs a cycle | vs plain, echo size |\n| --- | --- | ---: | ---: |');
  const base = median(results.get(`${storages[0]!.name}|${SIZES[0]!.name}`)!);
  for (const [key, xs] of results) {
    const [storage, size] = key.split('|');
    console.log(`| ${storage} | ${size} | ${fmt(median(xs))} | ${fmt(median(xs) / base)}× |`);
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
