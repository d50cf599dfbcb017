import { describe, expect, it } from 'vitest';
import { sessionExpiry } from './session';

describe('sessionExpiry', () => {
  it('lands on a whole second, so expires_at equals the JWT exp claim', () => {
    const expiry = sessionExpiry(new Date('2026-01-01T10:00:00.900Z'), 3600);
    expect(expiry.toISOString()).toBe('2026-01-01T11:00:00.000Z');
  });
});
