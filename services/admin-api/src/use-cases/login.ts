import { isDisabled, normalizeEmail, type AdminUser, type UserCredentials } from '../domain/admin-user';
import type { AuditEntry } from '../domain/audit';
import { AppError } from '../domain/errors';
import type { IssuedToken, TokenClaims } from '../domain/session';

/** Login attempts counted per (account, address), per account and per address, shared by every replica. */
export interface LoginThrottle {
  /**
   * Takes this attempt's points before any password is checked; undefined when it may go on, else the seconds
   * to wait. Taken, not just read: parallel attempts cannot all pass a check made before any of them counted.
   */
  admit(email: string, ip: string | null): Promise<number | undefined>;
  /** A wrong password (or unknown or disabled account): counts toward the account's slow-down. */
  recordFailure(email: string, ip: string | null): Promise<void>;
  /** Clears the (account, address) count and gives the address its point back. */
  recordSuccess(email: string, ip: string | null): Promise<void>;
}

export interface LoginDeps {
  throttle: LoginThrottle;
  findCredentialsByEmail(email: string): Promise<UserCredentials | undefined>;
  verifyPassword(passwordHash: string, password: string): Promise<boolean>;
  /** Costs what verifyPassword costs, so an unknown email cannot be told apart by the answer's timing. */
  verifyDummyPassword(password: string): Promise<void>;
  issueToken(claims: TokenClaims, now: Date): IssuedToken;
  recordAudit(entry: AuditEntry): Promise<void>;
  now(): Date;
}

export interface LoginInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult extends IssuedToken {
  user: AdminUser;
}

type FailureReason = 'unknown_email' | 'wrong_password' | 'disabled';

/**
 * Checks a password and issues a short-lived token. Every attempt is audited. The three ways to fail answer
 * identically, and all of them pay for one argon2 verification, so the answer tells an attacker nothing
 * about which emails exist or are disabled.
 */
export async function login(deps: LoginDeps, input: LoginInput): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  // Admitted before argon2 runs: a throttled guess costs us a Redis round trip, not a password hash. Not
  // audited: an attacker could fill the table at request rate; the warning log records it instead. A right
  // password from a throttled pair is refused too: checking it would tell a guesser when they got it right.
  const retryAfterSeconds = await deps.throttle.admit(email, input.ip);
  if (retryAfterSeconds !== undefined) {
    throw new AppError('too_many_requests', 'too many failed logins; try again later', { retryAfterSeconds });
  }
  const found = await deps.findCredentialsByEmail(email);
  let reason: FailureReason | undefined;
  if (!found) {
    await deps.verifyDummyPassword(input.password);
    reason = 'unknown_email';
  } else if (!(await deps.verifyPassword(found.passwordHash, input.password))) {
    reason = 'wrong_password';
  } else if (isDisabled(found.user)) {
    reason = 'disabled';
  }
  const where = { ip: input.ip, userAgent: input.userAgent, target: found?.user.id ?? null };

  if (!found || reason) {
    await deps.recordAudit({ ...where, actorId: null, actorEmail: email, action: 'auth.login_failed', details: { reason } });
    await deps.throttle.recordFailure(email, input.ip);
    throw new AppError('invalid_credentials', 'email or password is incorrect');
  }

  const { user } = found;
  // Audited before the token is handed out: a login we could not record is a login we refuse (500).
  await deps.recordAudit({ ...where, actorId: user.id, actorEmail: user.email, action: 'auth.login_succeeded', details: {} });
  await deps.throttle.recordSuccess(email, input.ip);
  return { ...deps.issueToken({ userId: user.id, role: user.role }, deps.now()), user };
}
