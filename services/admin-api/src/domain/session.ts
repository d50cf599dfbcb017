import type { Role } from './role';

/** What a token proves: who, with which role at issue time, until when. */
export interface TokenClaims {
  userId: string;
  role: Role;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** JWT `exp` is whole seconds; the answer's `expires_at` must be the same instant, not a millisecond later. */
export function sessionExpiry(now: Date, ttlSeconds: number): Date {
  return new Date((Math.floor(now.getTime() / 1000) + ttlSeconds) * 1000);
}
