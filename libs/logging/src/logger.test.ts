import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskPhone, redactSecrets } from './index';

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

  it('redacts every secret key five levels deep and inside arrays', () => {
    const { log, lines } = capture();
    const secrets = {
      password: 's-password',
      passwordHash: 's-passwordHash',
      password_hash: 's-password_hash',
      token: 's-token',
      accessToken: 's-accessToken',
      secret: 's-secret',
      authorization: 's-authorization',
      cookie: 's-cookie',
      'x-hub-signature-256': 's-signature',
      WHATSAPP_ACCESS_TOKEN: 's-wa-token',
      WHATSAPP_APP_SECRET: 's-wa-secret',
      JWT_SECRET: 's-jwt',
      ADMIN_PASSWORD: 's-admin',
    };
    log.info({ a: { b: { c: { d: { e: { ...secrets, kept: 'visible' } } } } }, list: [{ items: [secrets] }], config: secrets }, 'x');
    const text = JSON.stringify(lines[0]);
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);
    const deep = (lines[0] as { a: { b: { c: { d: { e: Record<string, unknown> } } } } }).a.b.c.d.e;
    expect(deep).toMatchObject({ password: '[redacted]', 'x-hub-signature-256': '[redacted]', JWT_SECRET: '[redacted]', kept: 'visible' });
    expect((lines[0] as { list: { items: Record<string, unknown>[] }[] }).list[0]?.items[0]?.token).toBe('[redacted]');
  });

  it('matches secret keys regardless of case and separators', () => {
    const { log, lines } = capture();
    log.info(
      {
        headers: { Authorization: 'Bearer A', 'X-Hub-Signature-256': 'sha256=B', Cookie: 'C=1' },
        PASSWORD: 'D',
        access_token: 'E',
        JwtSecret: 'F',
      },
      'x',
    );
    const text = JSON.stringify(lines[0]);
    for (const value of ['Bearer A', 'sha256=B', 'C=1', '"D"', '"E"', '"F"']) expect(text).not.toContain(value);
  });

  it("redacts an Error's own properties and keeps its type, message and stack", () => {
    const { log, lines } = capture();
    const error = Object.assign(new TypeError('upstream refused'), {
      config: { headers: { authorization: 'Bearer leaked' } },
      token: 'tok-leaked',
      status: 502,
    });
    log.error({ err: error }, 'call failed');
    log.error(error, 'call failed again');
    for (const line of lines) {
      const err = line.err as Record<string, unknown>;
      expect(JSON.stringify(err)).not.toContain('leaked');
      expect(err).toMatchObject({ type: 'TypeError', message: 'upstream refused', status: 502, token: '[redacted]' });
      expect(String(err.stack)).toContain('upstream refused');
    }
    expect(error.token).toBe('tok-leaked');
  });

  it('redacts secrets in nested errors, aggregate errors and child logger bindings', () => {
    const { log, lines } = capture();
    const inner = Object.assign(new Error('inner'), { secret: 'inner-leaked' });
    log
      .child({ auth: { accessToken: 'child-leaked' } })
      .warn({ result: { errors: [inner] }, err: new AggregateError([inner], 'many') }, 'x');
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('leaked');
    expect(text).toContain('[redacted]');
  });

  it('survives cycles without writing what the cycle points back to', () => {
    const { log, lines } = capture();
    const node: Record<string, unknown> = { name: 'root', password: 'cyclic-leaked' };
    node.self = { parent: node };
    log.info({ node }, 'x');
    expect(JSON.stringify(lines[0])).not.toContain('cyclic-leaked');
    expect(lines[0]).toMatchObject({ node: { name: 'root', password: '[redacted]', self: { parent: '[Circular]' } } });
  });

  it('stops at a depth bound instead of writing what it did not inspect', () => {
    let deep: Record<string, unknown> = { password: 'too-deep' };
    for (let i = 0; i < 40; i++) deep = { next: deep };
    expect(JSON.stringify(redactSecrets(deep))).not.toContain('too-deep');
  });

  it('returns the same object when there is nothing to redact, and never mutates the input', () => {
    const clean = { a: { b: [1, 'two', { c: true }] }, when: new Date(0) };
    expect(redactSecrets(clean)).toBe(clean);
    const dirty = { a: { password: 'p' }, b: { untouched: 1 } };
    const out = redactSecrets(dirty);
    expect(out).not.toBe(dirty);
    expect(out.b).toBe(dirty.b);
    expect(dirty.a.password).toBe('p');
  });

  it('keeps logging fast: 20k calls with a nested object stay well under a second', () => {
    const log = createLogger({ service: 'test', destination: { write: () => undefined } });
    const payload = { conversationId: 'c1', message: { id: 'wamid.X', text: { body: 'hello' }, meta: { a: 1, b: [1, 2, 3] } } };
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) log.info(payload, 'inbound message stored');
    expect(performance.now() - started).toBeLessThan(1_000);
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
