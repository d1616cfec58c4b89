import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { errorFields, log, safeFields, setLogSink } from '../../services/log';

describe('structured log', () => {
  it('drops keys outside the vocabulary and strings that look like text', () => {
    assert.deepEqual(safeFields({ text: 'Maria called from 416-555-0199', count: 3, command: 'reflect', status: 'my client Maria' }), {
      count: 3,
      command: 'reflect',
      status: '[dropped]',
    });
  });

  it('logs an error by name and code only, never its message', () => {
    const err = Object.assign(new Error('Document {"text":"Maria"} conflict'), { code: 409 });
    assert.deepEqual(errorFields(err), { errorName: 'Error', errorCode: 409 });
  });

  it('writes JSON lines without the text handed in', () => {
    const lines: string[] = [];
    setLogSink(pino({ level: 'debug' }, new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } })));
    log.info('event.name', { count: 1, conversation: 'Maria Lopez 416-555-0199' } as never);
    log.info('Maria Lopez said hi', {});
    assert.equal(lines.length, 2);
    assert.ok(lines.every((l) => !/Maria/.test(l)));
    assert.equal(JSON.parse(lines[0]).event, 'event.name');
  });
});
