import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { createJwtTokens } from './jwt-tokens';

const secret = 's'.repeat(32);
const tokens = createJwtTokens({ secret, ttlSeconds: 600 });
const userId = '0b7f3a52-4c1e-4d8a-9f3e-2a6c5b1d7e90';
const now = new Date('2026-03-01T12:00:00.250Z');

describe('jwt tokens', () => {
  it('signs HS256 with sub, role and exp matching expiresAt', () => {
    const { token, expiresAt } = tokens.issue({ userId, role: 'agent' }, now);
    const header = jwt.decode(token, { complete: true })?.header;
    expect(header?.alg).toBe('HS256');
    expect(jwt.verify(token, secret, { clockTimestamp: now.getTime() / 1000 })).toMatchObject({
      sub: userId,
      role: 'agent',
      exp: expiresAt.getTime() / 1000,
    });
    expect(expiresAt.toISOString()).toBe('2026-03-01T12:10:00.000Z');
  });

  it('verifies its own token until it expires', () => {
    const { token } = tokens.issue({ userId, role: 'admin' }, now);
    expect(tokens.verify(token, new Date('2026-03-01T12:09:59Z'))).toEqual({ userId, role: 'admin' });
    expect(tokens.verify(token, new Date('2026-03-01T12:10:01Z'))).toBeUndefined();
  });

  it('rejects a token signed with another secret', () => {
    const forged = jwt.sign({ sub: userId, role: 'admin' }, 'another-secret-another-secret-xx', { expiresIn: 600 });
    expect(tokens.verify(forged, new Date())).toBeUndefined();
  });

  it('rejects an unsigned token (alg none)', () => {
    const unsigned = jwt.sign({ sub: userId, role: 'admin', exp: 4_000_000_000 }, '', { algorithm: 'none' });
    expect(tokens.verify(unsigned, now)).toBeUndefined();
  });

  it('rejects a correctly signed token without exp or with an unknown role', () => {
    expect(tokens.verify(jwt.sign({ sub: userId, role: 'admin' }, secret), now)).toBeUndefined();
    expect(tokens.verify(jwt.sign({ sub: userId, role: 'owner' }, secret, { expiresIn: 600 }), new Date())).toBeUndefined();
  });

  it('rejects text that is not a JWT', () => {
    expect(tokens.verify('not-a-token', now)).toBeUndefined();
  });
});
