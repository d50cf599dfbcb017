import { describe, expect, it } from 'vitest';
import { sendIdempotencyKey, templateIdempotencyKey } from './idempotency';

describe('sendIdempotencyKey', () => {
  it('scopes the caller key to the admin', () => {
    expect(sendIdempotencyKey('u-1', 'retry-7', () => 'fresh')).toBe('u-1:retry-7');
    expect(sendIdempotencyKey('u-2', 'retry-7', () => 'fresh')).toBe('u-2:retry-7');
  });

  it('makes every send without a key a new one', () => {
    expect(sendIdempotencyKey('u-1', undefined, () => 'fresh-uuid')).toBe('fresh-uuid');
  });
});

describe('templateIdempotencyKey', () => {
  it('scopes the caller key to the admin, apart from the keys of sends', () => {
    expect(templateIdempotencyKey('u-1', 'k', () => 'fresh')).toBe('t:u-1:k');
    expect(templateIdempotencyKey('u-1', 'k', () => 'fresh')).not.toBe(sendIdempotencyKey('u-1', 'k', () => 'fresh'));
    expect(templateIdempotencyKey('u-1', undefined, () => 'fresh-uuid')).toBe('fresh-uuid');
  });
});
