/**
 * `npx tsx bench/screenPatternFP.ts`: which pattern raises each false alarm, counted per batch over every
 * development hard negative (dev, test, each training batch), the held-out batches (t, v) and the ordinary notes
 * (psw-dev.jsonl). Patterns only (no classifier), with the context rules, as the screen runs them. Prints counts
 * and pattern ids, never a sentence, so the held-out batches stay unread. Refuses the lead's blind sets.
 * A pattern that fires in more than one writer's batch, or on a held-out batch, is one to tighten (docs/history/SAFETY-rounds.md,
 * "Pattern precision").
 */
import path from 'node:path';
import { content } from '../services/content';
import { isBlindSet } from './blindSets';
import { HELD_OUT, SCREEN_SETS, TRAIN_BATCHES, DATA_DIR, readOrdinary, readSet, screenLabelled, type Labelled } from './screenData';

function main(): void {
  const c = content();
  const batches: [string, Labelled[]][] = [
    ...[SCREEN_SETS.dev, SCREEN_SETS.test, ...TRAIN_BATCHES, ...HELD_OUT.map((f) => path.join(DATA_DIR, f))].map((f): [string, Labelled[]] => {
      if (isBlindSet(f)) throw new Error(`refusing a blind set: ${path.basename(f)}`);
      return [path.basename(f, '.jsonl').replace(/^screen-(?:train-)?/, ''), readSet(f)];
    }),
    ['ordinary notes', readOrdinary()],
  ];
  const byPattern = new Map<string, Map<string, number>>();
  for (const [name, set] of batches) {
    const negatives = set.filter((e) => !e.kinds.length);
    const risk = set.filter((e) => e.kinds.length);
    let alarms = 0;
    for (const e of negatives) {
      const ids = new Set(screenLabelled(e, c, { classifier: false }).map((h) => h.termId));
      if (ids.size) alarms++;
      for (const id of ids) {
        const row = byPattern.get(id) ?? new Map<string, number>();
        row.set(name, (row.get(name) ?? 0) + 1);
        byPattern.set(id, row);
      }
    }
    const caught = risk.filter((e) => screenLabelled(e, c, { classifier: false }).length).length;
    process.stdout.write(`${name}: false alarms ${alarms} of ${negatives.length} negatives; patterns catch ${caught} of ${risk.length} risk\n`);
  }
  process.stdout.write('\npattern\tfalse alarms\tbatches\n');
  const rows = [...byPattern].map(([id, row]) => ({ id, total: [...row.values()].reduce((a, n) => a + n, 0), row }));
  for (const r of rows.sort((a, b) => b.total - a.total || a.id.localeCompare(b.id))) {
    process.stdout.write(`${r.id}\t${r.total}\t${[...r.row].map(([b, n]) => `${b} ${n}`).join(', ')}\n`);
  }
}

main();
