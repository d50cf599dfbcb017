import { beforeAll, describe, expect, it } from 'vitest';
import { createArgon2PasswordHasher, type PasswordHasher } from './argon2-passwords';

describe('argon2 password hasher', () => {
  let hasher: PasswordHasher;

  beforeAll(async () => {
    hasher = await createArgon2PasswordHasher();
  });

  it('stores an argon2id hash, salted, never the password', async () => {
    const first = await hasher.hash('correct horse battery');
    const second = await hasher.hash('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$/);
    expect(first).not.toContain('correct horse battery');
    expect(first).not.toBe(second);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(await hasher.verify(hash, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(hash, 'correct horse battery!')).toBe(false);
  });

  it('answers false, not an exception, for a corrupt stored hash', async () => {
    expect(await hasher.verify('not-a-hash', 'anything')).toBe(false);
  });
});
