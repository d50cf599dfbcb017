import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskPhone } from './index';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      callback();
    },
  });
  return { log: createLogger({ service: 'test', level, destination }), lines };
}

describe('createLogger', () => {
  it('redacts secrets wherever they appear', () => {
    const { log, lines } = capture();
    log.info({ password: 'p4ss', headers: { authorization: 'Bearer abc' }, user: { token: 't' } }, 'x');
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('p4ss');
    expect(text).not.toContain('Bearer abc');
    expect(text).not.toContain('"t"');
    expect(lines[0]).toMatchObject({ service: 'test', level: 'info', msg: 'x' });
  });

  it('masks phone numbers outside debug and keeps them in debug', () => {
    const info = capture('info');
    info.log.info({ phone: '447700900123' }, 'x');
    expect(info.lines[0]?.phone).toBe('4477*****123');
    const debug = capture('debug');
    debug.log.info({ phone: '447700900123' }, 'x');
    expect(debug.lines[0]?.phone).toBe('447700900123');
  });

  it('masks short values entirely', () => {
    expect(maskPhone('12345')).toBe('*****');
  });
});
