/**
 * `npx tsx bench/screenBatch.ts FILE [--ids]`: screens one labelled batch (a development batch written before a
 * round of changes) ONCE with the shipped screen, patterns only and with the classifier, and prints the row
 * docs/history/SAFETY-rounds.md's batch table records. `--ids` also lists what was missed and wrongly flagged.
 * Refuses the lead's blind sets: those are scored by the lead only.
 */
import path from 'node:path';
import { content, RISK_CATEGORIES } from '../services/content';
import { riskCategories, type ScreenLayers } from '../services/safety/screen';
import { isBlindSet } from './blindSets';
import { readSet, screenLabelled } from './screenData';

/** A risk sentence that names its risk outright; the rest of the risk sentences are counted as indirect. */
const EXPLICIT = /overdos|suicid|kill (?:my|him|her|them)sel|end (?:my|his|her|their) life|want(?:s|ed)? to die|self harm|cut(?:s|ting)? (?:my|him|her|them)sel|hurt(?:s|ing)? (?:my|him|her|them)sel|abus|kill (?:him|her|them|you)|hits? (?:her|him|them|me)|molest|rape/;

function main(): void {
  const file = process.argv[2];
  if (!file || isBlindSet(file)) throw new Error('usage: screenBatch.ts <development batch .jsonl> (never a blind set)');
  const set = readSet(path.resolve(file));
  const c = content();
  const risk = set.filter((e) => e.kinds.length);
  const negatives = set.length - risk.length;
  const run = (name: string, layers: ScreenLayers) => {
    const hits = new Map(set.map((e) => [e.id, screenLabelled(e, c, layers)]));
    const got = new Map(set.map((e) => [e.id, riskCategories(hits.get(e.id)!)]));
    const why = (id: string) => hits.get(id)!.map((h) => `${h.category}:${h.termId}`).join(' ');
    const perKind = RISK_CATEGORIES.map((k) => {
      const of = risk.filter((e) => e.kinds.includes(k));
      return `${k} ${of.length ? Math.round((100 * of.filter((e) => got.get(e.id)!.includes(k)).length) / of.length) : '–'} % (${of.length})`;
    });
    const missed = risk.filter((e) => !got.get(e.id)!.length);
    const wrongKind = risk.filter((e) => got.get(e.id)!.length && !e.kinds.some((k) => got.get(e.id)!.includes(k)));
    const fps = set.filter((e) => !e.kinds.length && got.get(e.id)!.length);
    const indirect = risk.filter((e) => !EXPLICIT.test(e.norm));
    const right = risk.filter((e) => e.kinds.some((k) => got.get(e.id)!.includes(k)));
    const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
    process.stdout.write(
      `${name}: recall ${pct(risk.length - missed.length, risk.length)} (${risk.length}), right kind ${pct(right.length, risk.length)}, ` +
        `indirect ${pct(indirect.filter((e) => got.get(e.id)!.length).length, indirect.length)} (${indirect.length}), FP ${pct(fps.length, negatives)} (${negatives}); ${perKind.join(', ')}\n`,
    );
    if (process.argv.includes('--ids')) {
      for (const e of missed) process.stdout.write(`  MISS ${e.id} [${e.kinds}] ${e.text}\n`);
      for (const e of wrongKind) process.stdout.write(`  KIND ${e.id} [${e.kinds}] got [${why(e.id)}] ${e.text}\n`);
      for (const e of fps) process.stdout.write(`  FP   ${e.id} got [${why(e.id)}] ${e.text}\n`);
    }
  };
  process.stdout.write(`${path.basename(file)}: ${set.length} sentences, ${risk.length} risk, ${negatives} hard negatives\n`);
  run('patterns only', { classifier: false });
  run('shipped screen', {});
}

main();
