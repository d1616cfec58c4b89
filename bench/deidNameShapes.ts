/**
 * Round 14: the shapes of the name words left visible on the training writers, the lead's blind count made on text we
 * may read. `npx tsx bench/deidNameShapes.ts [--group dev|held14|NAME] [--model] [--reg sms,lower,casual,careful]
 * [--misses N --shape half|again|start|other]`. Each word of a labelled name (PERSON) with a character left visible
 * is put in the first shape it fits: `half` another word of the same name was hidden ("kevin [gallant]"); `again`
 * the same word was hidden in another mention in the note; `start` it opens the note or a sentence; `other`. Each shape
 * is split by case (lower, capitalised, ≤ 2 letters) and by dictionary (common word, other English word, name list
 * only, unknown). Rules alone unless --model (the shipped model is trained on these writers: in-sample).
 * Groups: dev = bench/deidSms.ts's development writers; held14 = the writers round 14's names work never
 * read (train-h, p, ad, av, bc, bg), aggregates only; a writer's name = that writer, aggregates only.
 * --misses prints the dev group's visible words of one shape, the note with the name in [[ ]] and hidden runs in { }.
 */
import { useNameModel } from '../services/deidentify/classifier/model';
import { useFacilityModel } from '../services/deidentify/classifier/facilityModel';
import { dictionaries } from '../services/deidentify/dictionaries';
import { devWriters, HELD14, hiddenNotes, marked, nameShape, nameWords } from './deidSms';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SHAPES = ['half', 'again', 'start', 'other'] as const;
type Shape = (typeof SHAPES)[number];

function main(): void {
  const group = option('--group') ?? 'dev';
  const registers = new Set((option('--reg') ?? 'sms,lower,casual,careful').split(','));
  const misses = Number(option('--misses') ?? 0);
  const shapeShown = option('--shape') as Shape | undefined;
  const files = group === 'dev' ? devWriters() : group === 'held14' ? HELD14 : [group];
  if (group !== 'dev' && misses) throw new Error('deidNameShapes: misses are printed for the dev group only');
  if (!args.includes('--model')) {
    useNameModel(null);
    useFacilityModel(null);
  }
  const d = dictionaries();
  const count = new Map<string, number>();
  const add = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
  let words = 0;
  const lines: string[] = [];
  for (const { writer: w, note: r, hidden } of hiddenNotes(files, registers, 'deidNameShapes')) {
    const toks = nameWords(r, hidden);
    for (const t of toks) {
      words++;
      if (!t.shows) continue;
      const shape: Shape = nameShape(r.text, toks, t);
      const raw = r.text.slice(t.start, t.end);
      const kase = t.word.length <= 2 ? 'short' : raw === raw.toLowerCase() ? 'lower' : 'capital';
      const dict = d.common.has(t.word) ? 'common' : d.english.has(t.word) ? 'english' : d.anyNames.has(t.word) ? 'names' : 'unknown';
      add('all');
      add(shape);
      add(`${shape} ${kase}`);
      add(`${shape} ${dict}`);
      add(`register ${r.register}`);
      if (shape === shapeShown && lines.length < misses) {
        const s = r.spans[t.span]!;
        lines.push(`${shape} ${kase} ${dict} ${w}\t${marked(r.text, s, hidden)}`);
      }
    }
  }
  console.log(`person words ${words}, visible ${count.get('all') ?? 0} (${((100 * (count.get('all') ?? 0)) / Math.max(1, words)).toFixed(2)} %)`);
  for (const shape of SHAPES) {
    const parts = ['lower', 'capital', 'short', 'common', 'english', 'names', 'unknown'].map((k) => `${k} ${count.get(`${shape} ${k}`) ?? 0}`);
    console.log(`${shape.padEnd(6)} ${String(count.get(shape) ?? 0).padStart(5)}   ${parts.join('  ')}`);
  }
  console.log([...count].filter(([k]) => k.startsWith('register')).map(([k, v]) => `${k.slice(9)} ${v}`).join('  '));
  for (const l of lines) console.log(l);
}

main();
