import assert from 'node:assert/strict';
import { machineLoad, turnVerdict, verdictWords } from '../../bench/verdict';

describe('bench turn verdicts', () => {
  it('says met or not met only when the echo baseline ran near its quiet speed and its runs agree', () => {
    assert.deepEqual(turnVerdict({ echoRuns: [980, 1040], p99Ratio: 1.4, throughputRatio: 0.62 }), { p99: 'met', throughput: 'met', reasons: [] });
    assert.deepEqual(turnVerdict({ echoRuns: [980, 1040], p99Ratio: 2.5, throughputRatio: 0.5 }), { p99: 'not met', throughput: 'not met', reasons: [] });
  });

  it('refuses a verdict, either way, when the machine was busy: an echo run far below its quiet speed, or runs far apart', () => {
    // The 05:24 run of docs/BENCHMARKS.md: echo at 28 and 70 turns/s, "met" by the ratios alone.
    const busy = turnVerdict({ echoRuns: [28.4, 69.6], p99Ratio: 1.41, throughputRatio: 0.657 });
    assert.equal(busy.p99, 'inconclusive');
    assert.equal(busy.throughput, 'inconclusive');
    assert.match(busy.reasons.join('; '), /28 turns\/s, 3 % of its quiet 900/);
    assert.match(busy.reasons.join('; '), /differ 2\.5×/);
    assert.equal(turnVerdict({ echoRuns: [1000, 400], p99Ratio: 2, throughputRatio: 0.4 }).throughput, 'inconclusive');
    assert.equal(turnVerdict({ echoRuns: [300, 320], p99Ratio: 1.2, throughputRatio: 0.7, quietEcho: 350 }).p99, 'met', 'another machine names its own quiet speed');
    assert.equal(turnVerdict({ echoRuns: [], p99Ratio: 1, throughputRatio: 1 }).p99, 'inconclusive');
    assert.equal(verdictWords('inconclusive'), 'inconclusive: machine overloaded');
  });

  it('reads the load average and CPU pressure, and does without them', () => {
    const files: Record<string, string> = { '/proc/loadavg': '4.12 3.50 2.01 3/900 1234\n', '/proc/pressure/cpu': 'some avg10=42.50 avg60=30.00 avg300=10.00 total=1\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n' };
    assert.deepEqual(machineLoad((f) => files[f]!), { loadAverage: [4.12, 3.5, 2.01], cpuPressureSome10: 42.5 });
    assert.deepEqual(machineLoad(() => { throw new Error('no /proc'); }), {});
  });
});
