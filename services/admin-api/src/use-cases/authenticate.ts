import { isDisabled, type AdminUser } from '../domain/admin-user';
import { AppError } from '../domain/errors';
import type { Role } from '../domain/role';
import type { TokenClaims } from '../domain/session';

export interface AuthenticateDeps {
  /** Undefined for anything but a well-formed, correctly signed, unexpired token. */
  verifyToken(token: string, now: Date): TokenClaims | undefined;
  findUserById(id: string): Promise<AdminUser | undefined>;
  now(): Date;
}

/**
 * Turns a bearer token into the current user. The user is re-read on every request, so disabling an account
 * or changing a role takes effect at once instead of when the token expires; the role checked is the stored
 * one, not the one the token was issued with.
 */
export async function authenticate(deps: AuthenticateDeps, token: string | undefined, allowedRoles: readonly Role[]): Promise<AdminUser> {
  if (!token) throw new AppError('unauthorized', 'a bearer token is required');
  const claims = deps.verifyToken(token, deps.now());
  const user = claims ? await deps.findUserById(claims.userId) : undefined;
  if (!user || isDisabled(user)) throw new AppError('unauthorized', 'the token is invalid or has expired');
  if (allowedRoles.length > 0 && !allowedRoles.includes(user.role)) {
    throw new AppError('forbidden', 'your role may not do this');
  }
  return user;
}
