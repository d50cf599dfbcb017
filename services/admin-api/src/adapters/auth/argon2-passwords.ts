import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): tens of milliseconds, affordable per login.
// The parameters are stored in each hash, so raising them later still verifies old hashes.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a hash argon2 cannot read: a corrupt row locks out, it does not crash. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Verifies against a throwaway hash with the same cost, for logins whose email matches nobody. */
  verifyDummy(password: string): Promise<void>;
}

export async function createArgon2PasswordHasher(): Promise<PasswordHasher> {
  const hash = (password: string) => argon2.hash(password, OPTIONS);
  const verify = async (passwordHash: string, password: string) => {
    try {
      return await argon2.verify(passwordHash, password);
    } catch {
      return false;
    }
  };
  const dummyHash = await hash(randomBytes(32).toString('hex'));
  return {
    hash,
    verify,
    verifyDummy: async (password) => {
      await verify(dummyHash, password);
    },
  };
}
