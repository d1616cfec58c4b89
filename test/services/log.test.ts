import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { errorFields, log, routeConsoleToLog, safeFields, setLogSink } from '../../services/log';

function capture(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const previous = setLogSink(pino({ level: 'debug' }, new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } })));
  return { lines, restore: () => void setLogSink(previous) };
}

// Text an error message might quote; none of it may reach a log line.
const SECRET_TEXT = ['Maria', 'Lopez', '416-555-0199'];

describe('structured log', () => {
  it('drops keys outside the vocabulary and strings that look like text', () => {
    assert.deepEqual(safeFields({ text: 'Maria called from 416-555-0199', count: 3, command: 'reflect', status: 'my client Maria' }), {
      count: 3,
      command: 'reflect',
      status: '[dropped]',
    });
  });

  it('logs an error by name, code and stack frames, never its message', () => {
    const err = Object.assign(new Error('Document {"text":"Maria"} conflict'), { code: 409 });
    const fields = errorFields(err);
    assert.equal(fields.errorName, 'Error');
    assert.equal(fields.errorCode, 409);
    assert.match(String(fields.stack), /^at .*test\/services\/log\.test\.ts:\d+:\d+\)$/m, 'the frame that threw, relative to the package');
    assert.doesNotMatch(String(fields.stack), /Maria|\/work\//);
  });

  it('keeps only frames from a stack whose message spans lines, even lines shaped like frames', () => {
    const err = new TypeError('Maria Lopez called 416-555-0199\n    at Maria.Lopez (416-555-0199:1:2)\nat home');
    const { lines, restore } = capture();
    try {
      log.error('turn.error', errorFields(err));
      log.error('turn.error', { stack: 'at Maria Lopez (x:1:2)\nat ok (file.ts:1:2)\n416-555-0199' });
    } finally {
      restore();
    }
    assert.equal(lines.length, 2);
    for (const l of lines) for (const t of SECRET_TEXT) assert.ok(!l.includes(t), `${t} leaked: ${l}`);
    const first = JSON.parse(lines[0]!) as { stack: string; errorName: string };
    assert.equal(first.errorName, 'TypeError');
    assert.ok(first.stack.split('\n').every((f) => f.startsWith('at ')));
    assert.equal(JSON.parse(lines[1]!).stack, 'at ok (file.ts:1:2)');
  });

  it('turns console.error and console.warn from libraries into events without their text', () => {
    const saved = { error: console.error, warn: console.warn };
    const { lines, restore } = capture();
    try {
      routeConsoleToLog();
      console.error(`Error finding key for token. Available keys: -----BEGIN PUBLIC KEY----- Maria`);
      console.warn(new RangeError('Maria Lopez 416-555-0199'));
    } finally {
      Object.assign(console, saved);
      restore();
    }
    assert.deepEqual(lines.map((l) => JSON.parse(l).event), ['console.error', 'console.warn']);
    assert.equal(JSON.parse(lines[1]!).errorName, 'RangeError');
    for (const l of lines) for (const t of [...SECRET_TEXT, 'BEGIN']) assert.ok(!l.includes(t), `${t} leaked: ${l}`);
  });

  it('writes JSON lines without the text handed in', () => {
    const { lines, restore } = capture();
    log.info('event.name', { count: 1, conversation: 'Maria Lopez 416-555-0199' } as never);
    log.info('Maria Lopez said hi', {});
    restore();
    assert.equal(lines.length, 2);
    assert.ok(lines.every((l) => !/Maria/.test(l)));
    assert.equal(JSON.parse(lines[0]!).event, 'event.name');
  });
});
