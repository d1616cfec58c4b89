// Telemetry through the real Azure Monitor distro (services/telemetry.ts), with in-memory exporters beside its
// Application Insights exporter (pointed at a closed loopback port: nothing leaves the machine). A debrief full
// of identifying text, its storage calls and a scheduled job produce spans and metrics; none of that text reaches
// an exported span or metric.
import assert from 'node:assert/strict';
import { AggregationTemporality, InMemoryMetricExporter, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { followUpHandler } from '../../services/scheduler/handlers';
import { Scheduler } from '../../services/scheduler/scheduler';
import { startTelemetry, withSpan, type Telemetry } from '../../services/telemetry';
import { Conversation, startBot, type RunningBot } from '../helpers/bot';
import { closeStores } from '../helpers/store';

const TEXT = ['Maria', 'Lopez', '416-555-0199', '4165550199', 'Jane Street', 'sat with her at the cafe'];

function leaks(where: string, serialised: string): string[] {
  return TEXT.filter((t) => serialised.toLowerCase().includes(t.toLowerCase())).map((t) => `"${t}" in ${where}`);
}

function describeSpan(s: ReadableSpan): string {
  return JSON.stringify({ name: s.name, attributes: s.attributes, events: s.events, status: s.status, links: s.links });
}

describe('telemetry: spans and metrics carry ids, counts and durations, never text', function () {
  this.timeout(60_000);
  const spans = new InMemorySpanExporter();
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  let telemetry: Telemetry | undefined;
  let bot: RunningBot;
  const saved = process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED;

  before(async () => {
    process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = 'true'; // no calls home from the test
    telemetry = startTelemetry({
      connectionString: `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/`,
      spanProcessors: [new SimpleSpanProcessor(spans)],
      metricReaders: [reader],
      tracesPerSecond: 0, // every trace, so every turn of the debrief is checked
    });
    bot = await startBot();
  });

  after(async () => {
    await bot?.stop();
    await closeStores();
    await telemetry?.shutdown();
    if (saved === undefined) delete process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED;
    else process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = saved;
  });

  it('is off, and costs nothing, without a connection string', () => {
    assert.equal(startTelemetry({ connectionString: '' }), undefined);
  });

  it('exports a span per turn, per storage call and per scheduled job, with no text in any of them', async () => {
    const c = new Conversation(bot.url);
    let sent = 0;
    const say = async (text: string) => {
      sent++;
      return JSON.stringify(await c.say(text));
    };
    await say('reflect C-7');
    await say('Maria Lopez'); // names to hide
    await say('1');
    await say('I sat with her at the cafe on Jane Street; Maria Lopez called from 416-555-0199 after');
    for (let i = 0; i < 4; i++) await say('skip');
    await say('steady');
    let reply = await say('3 Maria Lopez 4165550199');
    // Whatever closing questions the debrief asks (the safety check), answer them until the review offers Save.
    for (let i = 0; i < 3 && !/Save this/.test(reply); i++) reply = await say(/safety/.test(reply) ? 'No, all good' : 'skip');
    assert.match(reply, /Save this/);
    await say('save');
    // A scheduled job, run by the real scheduler on the bot's store.
    const personId = bot.app.personIdFor(c.userId);
    const now = new Date();
    await bot.app.jobs.put({ id: `followup|${personId}|C-7`, kind: 'followup', personId, due: now.toISOString(), payload: { clientCode: 'C-7' } }, now);
    const scheduler = new Scheduler({ container: bot.store.containers.schedules, handlers: { followup: followUpHandler }, sender: { send: async () => 'sent' }, now: () => new Date() });
    assert.equal((await scheduler.runDue()).sent, 1);

    const finished = spans.getFinishedSpans();
    const byName = (n: string) => finished.filter((s) => s.name === n);
    assert.equal(byName('turn').length, sent, 'one span per message sent');
    assert.ok(byName('storage').length >= 20, `storage spans: ${byName('storage').length}`);
    assert.equal(byName('job').length, 1);
    const turn = byName('turn')[0]!;
    assert.equal(turn.attributes.activityType, 'message');
    assert.equal(typeof turn.attributes.durationMs, 'number');
    assert.ok(byName('storage').some((s) => s.attributes.container === 'reflections' && s.attributes.operation === 'create'), 'the reflection write');
    assert.ok(byName('storage').some((s) => s.parentSpanContext?.spanId === turn.spanContext().spanId), 'storage spans sit inside their turn');
    assert.equal(byName('job')[0]!.attributes.kind, 'followup');

    const found = finished.flatMap((s) => leaks(`span ${s.name}`, describeSpan(s)));
    assert.deepEqual(found, []);
  });

  it('marks a failed span with the error name only: no message, no exception event', async () => {
    await assert.rejects(withSpan('job', { jobId: 'failing-job', kind: 'followup', status: 'Maria Lopez 416-555-0199' }, async () => {
      throw new TypeError('could not reach Maria Lopez at 416-555-0199');
    }));
    const span = spans.getFinishedSpans().find((s) => s.attributes.jobId === 'failing-job')!;
    assert.equal(span.status.code, 2);
    assert.equal(span.attributes.errorName, 'TypeError');
    assert.equal(span.attributes.status, '[dropped]');
    assert.deepEqual(span.events, []);
    assert.deepEqual(leaks('the failed span', describeSpan(span)), []);
  });

  it('records duration metrics by span name, split only by low-cardinality keys, with no text', async () => {
    await reader.forceFlush();
    const names = new Set<string>();
    const attributeSets: string[] = [];
    for (const batch of metricExporter.getMetrics()) {
      for (const scope of batch.scopeMetrics) {
        for (const m of scope.metrics) {
          names.add(m.descriptor.name);
          for (const p of m.dataPoints) attributeSets.push(JSON.stringify(p.attributes));
        }
      }
    }
    for (const n of ['peerreflect.turn.duration', 'peerreflect.storage.duration', 'peerreflect.job.duration']) assert.ok(names.has(n), `${n} in ${[...names]}`);
    assert.ok(attributeSets.every((a) => !/jobId|person|conversation|activityId/.test(a)), 'no ids on metrics');
    assert.deepEqual(attributeSets.flatMap((a) => leaks('a metric', a)), []);

  });
});
