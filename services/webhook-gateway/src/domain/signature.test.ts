import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidSignature, safeEqual } from './signature';

const sign = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('isValidSignature', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account"}');
  it('accepts the HMAC of the raw bytes with the app secret', () => {
    expect(isValidSignature(body, sign(body.toString(), 's3cret'), 's3cret')).toBe(true);
  });
  it('refuses another secret, a missing header, a truncated or malformed signature', () => {
    expect(isValidSignature(body, sign(body.toString(), 'other'), 's3cret')).toBe(false);
    expect(isValidSignature(body, undefined, 's3cret')).toBe(false);
    expect(isValidSignature(body, sign(body.toString(), 's3cret').slice(0, 40), 's3cret')).toBe(false);
    expect(isValidSignature(body, 'sha1=abc', 's3cret')).toBe(false);
  });
  it('refuses a body changed by a single byte', () => {
    const header = sign(body.toString(), 's3cret');
    expect(isValidSignature(Buffer.from(body.toString().replace('w', 'W')), header, 's3cret')).toBe(false);
  });
});

describe('safeEqual', () => {
  it('compares strings of any length', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
