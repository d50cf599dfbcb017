import { describe, expect, it } from 'vitest';
import { truncateUserAgent, USER_AGENT_MAX_LENGTH } from './audit';

describe('truncateUserAgent', () => {
  it('keeps a normal user agent and cuts an oversized one', () => {
    expect(truncateUserAgent('Mozilla/5.0')).toBe('Mozilla/5.0');
    expect(truncateUserAgent('x'.repeat(5000))).toHaveLength(USER_AGENT_MAX_LENGTH);
  });

  it('stores nothing when there is no user agent', () => {
    expect(truncateUserAgent(undefined)).toBeNull();
    expect(truncateUserAgent('')).toBeNull();
  });
});
