// The benchmark suite: `npm run bench`. Writes docs/BENCHMARKS.md and docs/benchmarks.json.
//   turns      — whole scripted debriefs vs the echo baseline, alternating echo, bot, echo, bot (medians)
//   deid       — de-identification MB/s on the public set, and its share of a debrief turn's CPU
//   summaries  — a supervisor summary, a digest and a drill-down at 1k, 10k, 20k, 50k, 100k stored reflections
//   RU         — requests and estimated request units per debrief turn (debriefCost.ts)
//   turn state — bytes of the conversation's state document after each debrief turn (stateSize.ts)
//   memory     — 1,000 open debriefs, then finished
// BENCH_QUICK=1 shortens everything (a smoke run; its figures go to bench/out/, not to the docs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deidentify } from '../services/deidentify';
import { benchSet, loadSet, PUBLIC_SET, throughput } from './deid';
import { DEBRIEF, DEBRIEF_ANSWERS } from './debrief';
import { runLoad, startServer, type LoadResult, type Turn } from './load';
import { runMemoryBench, stats, type MemoryFigures } from './memory';
import { fmt, median } from './stats';
import { runDebriefCost } from './debriefCost';
import { runStateSize, stateSizeMarkdown } from './stateSize';
import { RECENT_WEEKS, runSummaryBench, SUMMARY_SIZES, TEAM_SIZE, WEEKLY_RATE, type SummaryFigures } from './summaries';
import { machineLoad, QUIET_ECHO_TURNS_PER_S, turnVerdict, verdictWords } from './verdict';

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
const CONNECTIONS = 50;
const SECONDS = QUICK ? 4 : 12;
const ROUNDS = 2;
const log = (s: string) => process.stderr.write(`${s}\n`);

/** The echo bot gets the same turns; its reply names the turn, and it shows no cards. */
const ECHO_SCRIPT: Turn[] = DEBRIEF.map((t) => ({ ...t, expect: /echo \d+:/ }));

interface TurnRun extends LoadResult {
  kind: 'echo' | 'bot';
  storedReflections?: number;
  /** The machine's load as the run ended (load average; CPU pressure "some" over 10 s, %). */
  load?: ReturnType<typeof machineLoad>;
}

const readProc = (f: string) => fs.readFileSync(f, 'utf8');

async function turnBench(): Promise<TurnRun[]> {
  const runs: TurnRun[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const kind of ['echo', 'bot'] as const) {
      const server = await startServer(kind);
      try {
        const base = { port: server.port, pid: server.child.pid!, script: kind === 'bot' ? DEBRIEF : ECHO_SCRIPT, connections: CONNECTIONS, cards: kind === 'bot' };
        await runLoad({ ...base, seconds: 2, label: `warm-${kind}-${r}` }); // JIT, caches, connection pools
        // Saves the warm-up sent as it ended are still being answered: let them land before counting from here.
        if (kind === 'bot') await new Promise((r) => setTimeout(r, 1000));
        const before = kind === 'bot' ? (await stats(server.port, false)).reflections : 0;
        const result: TurnRun = { kind, ...(await runLoad({ ...base, seconds: SECONDS, label: `${kind}-${r}` })), load: machineLoad(readProc) };
        if (kind === 'bot') {
          await new Promise((r) => setTimeout(r, 1000)); // saves sent as the run ended are still answered
          result.storedReflections = (await stats(server.port, false)).reflections - before;
        }
        runs.push(result);
        log(`  ${kind} round ${r + 1}: ${fmt(result.turnsPerSecond)} turns/s, p50 ${fmt(result.latencyMs.p50)} p99 ${fmt(result.latencyMs.p99)} ms, ${fmt(result.cpuMsPerTurn)} ms CPU/turn, ${result.completed}/${result.conversations} scripts completed, stored ${result.storedReflections ?? '-'}`);
      } finally {
        await server.stop();
      }
    }
  }
  return runs;
}

/** What the turn runs must show for the figures to count: all 200s, every completed script stored, no surprises. */
function turnProblems(runs: TurnRun[]): string[] {
  const problems: string[] = [];
  for (const r of runs) {
    if (r.errors || r.non2xx) problems.push(`${r.kind}: ${r.errors} connection errors (${r.timeouts} of them timeouts; ${r.brokenConversations} conversations lost a reply and went off script, not checked further), ${r.non2xx} non-200 responses`);
    if (r.missingCards || r.unexpectedReplies) problems.push(`${r.kind}: ${r.missingCards} missing card buttons, ${r.unexpectedReplies} unexpected replies`);
    if (r.completed < r.conversations - CONNECTIONS - r.brokenConversations) problems.push(`${r.kind}: only ${r.completed} of ${r.conversations} scripts completed`);
    // A conversation off script may or may not have stored at its last turn; every one on script must have.
    const stored = r.storedReflections ?? 0;
    if (r.kind === 'bot' && (stored < r.finalTurnsSent || stored > r.finalTurnsSent + r.brokenConversations)) problems.push(`bot: ${r.finalTurnsSent} saves sent but ${stored} reflections stored`);
  }
  return problems;
}

function deidBench(botCpuMsPerTurn: number) {
  const set = benchSet(PUBLIC_SET);
  const records = loadSet(set) ?? [];
  const mbps = records.length ? throughput(records) : NaN;
  // A typical debrief answer: the script's typed answers, timed directly.
  for (let i = 0; i < 200; i++) for (const a of DEBRIEF_ANSWERS) deidentify(a);
  let n = 0;
  const t0 = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - t0) < 1e9) for (const a of DEBRIEF_ANSWERS) { deidentify(a); n++; }
  const msPerAnswer = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  const answerBytes = DEBRIEF_ANSWERS.reduce((s, a) => s + Buffer.byteLength(a), 0) / DEBRIEF_ANSWERS.length;
  return {
    set: set.name, file: path.relative(ROOT, set.file), records: records.length, mbps,
    typicalAnswerBytes: answerBytes, msPerAnswer,
    shareOfAnswerTurn: msPerAnswer / botCpuMsPerTurn,
    shareOfDebrief: (msPerAnswer * DEBRIEF_ANSWERS.length) / (botCpuMsPerTurn * DEBRIEF.length),
  };
}

async function memoryBench(): Promise<MemoryFigures> {
  const server = await startServer('bot');
  try {
    return await runMemoryBench(server.port, QUICK ? 200 : 1000, log);
  } finally {
    await server.stop();
  }
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const ms = (x: number) => `${fmt(x)} ms`;

async function main(): Promise<void> {
  const started = Date.now();
  log('turns: echo and bot, alternating');
  const runs = await turnBench();
  const problems = turnProblems(runs);
  const agg = (kind: 'echo' | 'bot') => {
    const rs = runs.filter((r) => r.kind === kind);
    return {
      turnsPerSecond: median(rs.map((r) => r.turnsPerSecond)),
      p50: median(rs.map((r) => r.latencyMs.p50)), p95: median(rs.map((r) => r.latencyMs.p95)), p99: median(rs.map((r) => r.latencyMs.p99)),
      cpuMsPerTurn: median(rs.map((r) => r.cpuMsPerTurn)),
      turns: rs.reduce((s, r) => s + r.turns, 0),
      conversations: rs.reduce((s, r) => s + r.conversations, 0),
      completed: rs.reduce((s, r) => s + r.completed, 0),
    };
  };
  const echo = agg('echo');
  const bot = agg('bot');
  const p99Ratio = bot.p99 / echo.p99;
  const throughputRatio = bot.turnsPerSecond / echo.turnsPerSecond;
  log('deid');
  const deid = deidBench(bot.cpuMsPerTurn);
  log('memory');
  const memory = await memoryBench();
  log('summaries');
  const summaries: SummaryFigures[] = await runSummaryBench(QUICK ? [1_000, 10_000] : SUMMARY_SIZES, log);
  log('request units per debrief');
  const cost = await runDebriefCost();
  log('turn state');
  const stateSize = await runStateSize();

  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
  // No verdict from a busy machine (bench/verdict.ts): the echo baseline must have run near its quiet speed.
  const quietEcho = Number(process.env.BENCH_QUIET_ECHO) || QUIET_ECHO_TURNS_PER_S;
  const verdict = turnVerdict({ echoRuns: runs.filter((r) => r.kind === 'echo').map((r) => r.turnsPerSecond), p99Ratio, throughputRatio, quietEcho });
  const targets = {
    p99: { target: '≤ 1.5× echo', ratio: p99Ratio, met: verdict.p99 === 'met', verdict: verdict.p99 },
    throughput: { target: '≥ 60 % of echo', ratio: throughputRatio, met: verdict.throughput === 'met', verdict: verdict.throughput },
    inconclusiveBecause: verdict.reasons,
  };
  const json = { generatedAt: new Date().toISOString(), command: 'npm run bench', quick: QUICK, machine, connections: CONNECTIONS, seconds: SECONDS, turnsPerDebrief: DEBRIEF.length, runs, echo, bot, targets, problems, deid, memory, summaries, debriefCost: cost, stateSize, teamSize: TEAM_SIZE, wallSeconds: (Date.now() - started) / 1000 };
  // A smoke run's figures are not for the docs: they go to bench/out/ (git-ignored).
  const outDir = QUICK ? path.join(ROOT, 'bench', 'out') : path.join(ROOT, 'docs');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'benchmarks.json'), JSON.stringify(json, null, 2) + '\n');

  const md: string[] = [];
  md.push('<!-- figures: written by `npm run bench` (bench/run.ts); the notes after the figures are by hand -->');
  md.push('## Figures', '');
  md.push(`Command \`npm run bench\`${QUICK ? ' (BENCH_QUICK=1: a smoke run)' : ''}, ${json.generatedAt.slice(0, 10)}, ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}. Suite wall time ${fmt(json.wallSeconds)} s.`, '');
  if (problems.length) md.push('**The run had problems, so the turn figures below are not to be trusted:**', ...problems.map((p) => `- ${p}`), '');
  md.push('### Turns', '');
  md.push(`${CONNECTIONS} simultaneous conversations on loopback, each a whole ${DEBRIEF.length}-turn scripted debrief (typed answers and card taps; expectReplies), repeated as new conversations for ${SECONDS} s per run after a 2 s warm-up; echo and bot alternate (${ROUNDS} runs each, medians). Each server is its own process on the same machine as the load generator.`, '');
  md.push('| | turns/s | p50 | p95 | p99 | CPU per turn | turns | scripts completed |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  md.push(`| echo baseline | ${fmt(echo.turnsPerSecond)} | ${ms(echo.p50)} | ${ms(echo.p95)} | ${ms(echo.p99)} | ${ms(echo.cpuMsPerTurn)} | ${echo.turns} | ${echo.completed}/${echo.conversations} |`);
  md.push(`| PeerReflect debrief | ${fmt(bot.turnsPerSecond)} | ${ms(bot.p50)} | ${ms(bot.p95)} | ${ms(bot.p99)} | ${ms(bot.cpuMsPerTurn)} | ${bot.turns} | ${bot.completed}/${bot.conversations} |`);
  md.push(`| **ratio** | **${fmt(throughputRatio * 100)} %** | ${fmt(bot.p50 / echo.p50)}× | ${fmt(bot.p95 / echo.p95)}× | **${fmt(p99Ratio)}×** | ${fmt(bot.cpuMsPerTurn / echo.cpuMsPerTurn)}× | | |`, '');
  md.push(`- p99 target ${targets.p99.target}: **${verdictWords(verdict.p99)}** (${fmt(p99Ratio)}×).`);
  md.push(`- Throughput target ${targets.throughput.target}: **${verdictWords(verdict.throughput)}** (${fmt(throughputRatio * 100)} %).`);
  if (verdict.reasons.length) md.push(`- No verdict from this run: ${verdict.reasons.join('; ')}. Run \`npm run bench\` again on a quiet machine (the echo baseline's quiet speed here: ${quietEcho} turns/s; BENCH_QUIET_ECHO sets it for another machine).`);
  md.push(`- Every response 200: ${runs.every((r) => !r.non2xx && !r.errors) ? 'yes' : 'no'}; every debrief that reached Save stored its reflection: ${runs.filter((r) => r.kind === 'bot').every((r) => r.storedReflections === r.finalTurnsSent) ? 'yes' : 'no'}; every reply matched the script and every card button was found: ${runs.every((r) => !r.missingCards && !r.unexpectedReplies && !r.brokenConversations) ? 'yes' : 'no'} (${runs.filter((r) => r.kind === 'bot').map((r) => `${r.storedReflections} stored / ${r.finalTurnsSent} saves sent / ${r.completed} "Saved." replies received before the run ended`).join('; ')}; the other conversations were mid-debrief when a run ended).`, '');
  md.push('Runs (the machine\'s load as each ended: load average over 1 minute, CPU pressure "some" over 10 s):', '', '| run | turns/s | p50 | p99 | CPU per turn | load | CPU pressure |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  runs.forEach((r, i) => void md.push(`| ${i + 1}. ${r.kind} | ${fmt(r.turnsPerSecond)} | ${ms(r.latencyMs.p50)} | ${ms(r.latencyMs.p99)} | ${ms(r.cpuMsPerTurn)} | ${r.load?.loadAverage ? fmt(r.load.loadAverage[0]!) : '–'} | ${r.load?.cpuPressureSome10 !== undefined ? `${fmt(r.load.cpuPressureSome10)} %` : '–'} |`));
  md.push('', '### De-identification', '');
  md.push(`- ${deid.set} (${deid.records} records, \`${deid.file}\`): **${fmt(deid.mbps)} MB/s** on one core.`);
  md.push(`- A typical typed answer (${fmt(deid.typicalAnswerBytes)} bytes, the script's answers): ${ms(deid.msPerAnswer)} each — **${fmt(deid.shareOfAnswerTurn * 100)} %** of a debrief turn's CPU (${ms(bot.cpuMsPerTurn)}) on a turn with an answer, ${fmt(deid.shareOfDebrief * 100)} % averaged over the debrief's turns.`, '');
  md.push('### Memory', '');
  md.push(`The bot server alone (its embedded Cosmos server, memory-only, is in the same process and holds every stored document), measured after a full GC (\`--expose-gc\`, bench-only \`/bench/stats\` route).`, '');
  md.push('| moment | RSS | heap used | stored reflections | conversation states |', '| --- | ---: | ---: | ---: | ---: |');
  const row = (label: string, s: MemoryFigures['baseline']) => md.push(`| ${label} | ${mib(s.rss)} | ${mib(s.heapUsed)} | ${s.reflections} | ${s.botState} |`);
  row('after 100 warm-up debriefs', memory.baseline);
  row(`${memory.open} debriefs open (at the movement question)`, memory.withOpen);
  row(`those ${memory.open} finished and saved`, memory.afterFinish);
  row(`${memory.again} more whole debriefs`, memory.afterSecondRound);
  md.push('', `- Heap per open debrief: ${fmt(memory.heapPerOpenKB)} KB (dialog state lives in storage, so this is mostly the stored state document and the person, reference and relationship documents in the embedded server).`);
  md.push(`- Heap per further whole debrief: ${fmt(memory.heapPerStoredKB)} KB — the documents it stores (reflection, relationship, person, reference, conversation state, follow-up job) in the in-process database; nothing else is retained.`, '');
  md.push('### Summaries', '');
  md.push(`A team of ${TEAM_SIZE} PSWs and their supervisor (20 relationships each). The ${RECENT_WEEKS} weeks before the run hold the team's weekly rate (${WEEKLY_RATE} reflections a week, ${WEEKLY_RATE * RECENT_WEEKS} in all) at every size; the rest is older history at the same rate, further back, every reflection live (retention longer than the history). After seeding, the weekly roll-ups are rebuilt from the reflections (\`npm run store -- rollups rebuild\`'s code). Requests and documents read are counted by a pass-through in front of the database; the requests include the SDK's query-plan lookups. RU is estimated from Azure's documented RU model (bench/ruEstimate.ts: the embedded server charges 1 per request, which means nothing). Time is the median of 5 runs on the embedded server.`, '');
  md.push('| stored reflections | history | roll-ups (rebuild) | summary, this week | summary, 4 weeks | digest (7 days) | drill-down (first page) |', '| ---: | ---: | ---: | --- | --- | --- | --- |');
  const c = (x: SummaryFigures['digest']) => (x ? `${ms(x.ms)}, ${x.requests} req, ~${fmt(x.estimatedRU ?? 0)} RU, ${x.documentsRead} docs` : 'not measured');
  const years = (s: SummaryFigures) => `${fmt(s.historyYears)} years`;
  const built = (s: SummaryFigures) => (s.rebuild ? `${s.rebuild.weeks} docs (${fmt(s.rebuild.ms / 1000)} s)` : '');
  for (const s of summaries) md.push(s.error ? `| ${s.reflections} | ${years(s)} | not measured: ${s.error} | | | | |` : `| ${s.reflections} | ${years(s)} | ${built(s)} | ${c(s.summaryWeek)} | ${c(s.summary4Weeks)} | ${c(s.digest)} | ${c(s.drillDown)} |`);
  const timed = summaries.filter((s) => s.summaryWeek && !s.error);
  if (timed.length > 1) {
    const t = timed.map((s) => s.summaryWeek!.ms);
    const d = timed.flatMap((s) => (s.digest ? [s.digest.ms] : []));
    md.push('', `- A team summary's requests and documents at every size: ${[...new Set(timed.map((s) => `${s.summaryWeek!.requests} requests, ${s.summaryWeek!.documentsRead} documents`))].join(' / ')}; the digest's: ${[...new Set(timed.map((s) => `${s.digest!.requests} requests, ${s.digest!.documentsRead} documents`))].join(' / ')} (targets: ≤ 10 requests for a team of 10, the same at every size).`);
    md.push(`- Embedded time, largest over smallest across sizes: summary ${fmt(Math.max(...t) / Math.min(...t))}×, digest ${fmt(Math.max(...d) / Math.min(...d))}× (target: within 2×); a summary at 20k and 50k: ${timed.filter((s) => s.reflections === 20_000 || s.reflections === 50_000).map((s) => `${ms(s.summaryWeek!.ms)} at ${s.reflections / 1000}k`).join(', ') || 'not run'} (target: under 1 s).`);
  }
  md.push('', 'One query over the reflections alone (one PSW\'s reflections this week: one partition, a createdAt range, 1 document returned) against the total stored: the embedded server has no index, so it scans every document; its engine is patched to do so in linear time (patches/, see "The embedded store at pilot size").', '');
  md.push('| stored reflections | one query alone |', '| ---: | ---: |');
  for (const s of summaries) if (!s.error) md.push(`| ${s.reflections} | ${ms(s.oneQuery.ms)} (${s.oneQuery.requests} requests) |`);
  md.push('');
  md.push('### Request units per debrief', '');
  md.push(`The scripted debrief (${DEBRIEF.length} turns, Save last) run in-process behind the counting pass-through, three conversations (the third by the first one's user); RU estimated by bench/ruEstimate.ts (Azure's documented RU model, not a measurement).`, '');
  md.push('| conversation | requests per turn | requests | ~RU per turn | ~RU in all | of which the Save turn |', '| --- | --- | ---: | --- | ---: | ---: |');
  for (const [i, cv] of cost.conversations.entries()) {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    md.push(`| ${i + 1} (user ${cv.user}) | ${cv.requests.join(' ')} | ${sum(cv.requests)} | ${cv.estimatedRU.map((x) => fmt(x)).join(' ')} | ${fmt(sum(cv.estimatedRU))} | ${fmt(cv.estimatedRU.at(-1)!)} |`);
  }
  md.push('');
  md.push(...stateSizeMarkdown(stateSize));
  const figures = md.join('\n');

  const docPath = path.join(outDir, 'BENCHMARKS.md');
  const start = '<!-- figures: written';
  const end = '<!-- end of figures -->';
  const old = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  const a = old.indexOf(start);
  const b = old.indexOf(end);
  fs.writeFileSync(docPath, a >= 0 && b > a ? old.slice(0, a) + figures + '\n' + old.slice(b) : `${old}\n${figures}\n${end}\n`);
  log(figures);
  if (problems.length) process.exitCode = 1;
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
