// How big the bot's state documents are through a whole debrief: after every turn of the scripted debrief (and of
// one with every answer at MAX_TEXT_LENGTH), the conversation's and the user's state documents are read back from
// the store and weighed as their JSON in UTF-8 (what is written and read on every turn). Also which parts of the
// largest one weigh the most, to show what is worth cutting.
// `npx tsx bench/stateSize.ts` prints it; `npm run bench` records it ("Turn state").
import type { Store } from '../services/storage/cosmos';
import { BOT_STATE_CONTAINER } from '../services/storage/containers';
import { setLogLevel } from '../services/log';
import { startBot } from '../test/helpers/bot';
import { closeStores } from '../test/helpers/store';
import { cardValue, DEBRIEF } from './debrief';
import type { Turn } from './load';

const MAX_TEXT = 2000; // the default MAX_TEXT_LENGTH

export interface StateTurn {
  turn: number;
  /** What the turn sent: its text, or the card button's title. */
  said: string;
  conversationBytes: number;
  userBytes: number;
}

export interface StateRun {
  name: string;
  turns: StateTurn[];
  largest: { turn: number; bytes: number; parts: { path: string; bytes: number }[] };
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v ?? null), 'utf8');

/** The debrief script with every typed answer (and the self-check's words) at the length limit. */
export function longestDebrief(): Turn[] {
  const long = (seed: string) => `${seed} `.repeat(Math.ceil(MAX_TEXT / (seed.length + 1))).slice(0, MAX_TEXT).trim();
  // The script's own note is checked again at the review: the check looks for the long note instead.
  const note = (t: Turn): Turn => (t.expect?.source.includes('tired but okay') ? { ...t, expect: new RegExp(t.expect.source.replace('tired but okay', 'calm and steady after the visit'), t.expect.flags) } : t);
  return DEBRIEF.map(note).map((t) => {
    if (t.card?.extra?.note) return { ...t, card: { ...t.card, extra: { ...t.card.extra, note: long('calm and steady after the visit') } } };
    if (t.text && t.text.length > 20) return { ...t, text: long(t.text) };
    return t;
  });
}

/** The state documents of one conversation and one user, as stored (the `document` botbuilder writes). */
async function stateDocs(store: Store, conversation: string, user: string): Promise<{ conversation: unknown; user: unknown }> {
  const { resources } = await store.database.container(BOT_STATE_CONTAINER).items.readAll<{ realId?: string; id: string; document?: unknown }>().fetchAll();
  const find = (suffix: string) => resources.find((d) => (d.realId ?? d.id).endsWith(suffix))?.document;
  return { conversation: find(`/conversations/${conversation}/`), user: find(`/users/${user}/`) };
}

/** The heaviest parts of a state document: each dialog on the stack (its state, and its options or values). */
function parts(doc: unknown): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  const walk = (node: unknown, path: string, depth: number) => {
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      const p = Array.isArray(node) ? `${path}[${k}]` : `${path}.${k}`;
      const id = v && typeof v === 'object' && 'id' in v && typeof (v as { id: unknown }).id === 'string' ? `(${(v as { id: string }).id})` : '';
      out.push({ path: `${p}${id}`, bytes: bytes(v) });
      if (depth < 14) walk(v, `${p}${id}`, depth + 1);
    }
  };
  walk(doc, '$', 0);
  return out;
}

/** One debrief in a fresh bot; the state after every turn, and the largest one's heaviest parts. */
export async function measureDebriefState(name: string, script: Turn[]): Promise<StateRun & { largestDocument: unknown; lastDocument: unknown }> {
  const bot = await startBot();
  const conversation = `state-${name}`;
  const user = `user-${name}`;
  const turns: StateTurn[] = [];
  let largest: StateRun['largest'] = { turn: 0, bytes: 0, parts: [] };
  let largestDocument: unknown;
  let lastDocument: unknown;
  try {
    let last: string | undefined;
    for (const [i, turn] of script.entries()) {
      const value = turn.card ? cardValue(last, turn.card) : turn.value;
      if (turn.card && !value) throw new Error(`${name} turn ${i + 1}: no such button in ${String(last).slice(0, 600)}`);
      const send = (id: string, text: string, v?: unknown) => fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message', id, channelId: 'bench', serviceUrl: 'http://127.0.0.1:9/', from: { id: user },
          recipient: { id: 'bot' }, conversation: { id: conversation }, deliveryMode: 'expectReplies', text, ...(v ? { value: v } : {}),
        }),
      });
      let res = await send(`${name}-${i}`, turn.text ?? '', value);
      last = await res.text();
      // The review's "is this a person?" questions (the long note's repeated opening word may be asked): kept, unweighed.
      for (let k = 0; k < 3 && res.status === 200 && /(?:a person|part of a name)\? If so/.test(last); k++) {
        res = await send(`${name}-${i}-keep${k}`, 'keep');
        last = await res.text();
      }
      if (res.status !== 200 || (turn.expect && !turn.expect.test(last))) throw new Error(`${name} turn ${i + 1}: unexpected reply ${res.status} ${last.slice(0, 300)}`);
      const docs = await stateDocs(bot.store, conversation, user);
      lastDocument = docs.conversation;
      const said = turn.text ? turn.text.slice(0, 24) : `[${turn.card?.title ?? 'card'}]`;
      const t = { turn: i + 1, said, conversationBytes: docs.conversation ? bytes(docs.conversation) : 0, userBytes: docs.user ? bytes(docs.user) : 0 };
      turns.push(t);
      if (t.conversationBytes > largest.bytes) {
        largest = { turn: i + 1, bytes: t.conversationBytes, parts: parts(docs.conversation).sort((a, b) => b.bytes - a.bytes).slice(0, 25) };
        largestDocument = docs.conversation;
      }
    }
  } finally {
    await bot.stop();
    await closeStores();
  }
  return { name, turns, largest, largestDocument, lastDocument };
}

/** The scripted debrief, and the same with every answer at the length limit. */
export async function runStateSize(): Promise<StateRun[]> {
  setLogLevel('silent');
  const runs: StateRun[] = [];
  for (const [name, script] of [['script', DEBRIEF], ['longest', longestDebrief()]] as const) {
    const { largestDocument: _, lastDocument: __, ...run } = await measureDebriefState(name, script);
    runs.push(run);
  }
  return runs;
}

/** The "Turn state" figures of docs/BENCHMARKS.md. */
export function stateSizeMarkdown(runs: StateRun[]): string[] {
  const md = ['### Turn state', ''];
  md.push("The conversation's state document (dialog stack and all; botbuilder reads and writes it whole on every turn) weighed as JSON in UTF-8 after each turn of the scripted debrief, and of the same debrief with every typed answer and the self-check's words at MAX_TEXT_LENGTH (bench/stateSize.ts). No user state is written.", '');
  md.push(`| turn | said | ${runs.map((r) => `${r.name} (bytes)`).join(' | ')} |`, `| ---: | --- | ${runs.map(() => '---:').join(' | ')} |`);
  for (const [i, t] of runs[0]!.turns.entries()) md.push(`| ${t.turn} | ${t.said.replace(/\|/g, '\\|')} | ${runs.map((r) => r.turns[i]?.conversationBytes ?? '').join(' | ')} |`);
  md.push('');
  for (const r of runs) {
    // The dialogs on the stack, heaviest first (the debrief component itself holds them all, so it is left out).
    const dialogs = r.largest.parts.filter((p) => /\([a-z]+(\.[a-zA-Z]+)*\)$/.test(p.path) && !/\(reflection\)$/.test(p.path)).slice(0, 3);
    md.push(`- ${r.name}: largest ${r.largest.bytes} B after turn ${r.largest.turn}; heaviest dialogs: ${dialogs.map((p) => `${p.path.replace(/^.*\(/, '').replace(')', '')} ${p.bytes} B`).join(', ')}.`);
  }
  md.push('');
  return md;
}

if (require.main === module) {
  void runStateSize().then((runs) => {
    if (process.env.MARKDOWN) return console.log(stateSizeMarkdown(runs).join('\n'));
    for (const r of runs) {
      console.log(`\n${r.name}: conversation state bytes per turn (user state)`);
      for (const t of r.turns) console.log(`  ${String(t.turn).padStart(2)} ${t.said.padEnd(26)} ${String(t.conversationBytes).padStart(7)} (${t.userBytes})`);
      console.log(`  largest after turn ${r.largest.turn}: ${r.largest.bytes} B; heaviest parts:`);
      for (const p of r.largest.parts.slice(0, Number(process.env.PARTS ?? 25))) console.log(`    ${String(p.bytes).padStart(7)} ${p.path}`);
    }
  });
}
