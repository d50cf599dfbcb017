import { normalizeEmail, type AdminUser } from '../domain/admin-user';
import type { RequestOrigin } from '../domain/audit';
import { AppError } from '../domain/errors';
import type { Role } from '../domain/role';
import type { UserAdminDeps } from './user-store';

export interface CreateUserInput {
  actor: AdminUser;
  origin: RequestOrigin;
  email: string;
  password: string;
  role: Role;
  displayName?: string | null | undefined;
}

/** Creates a console account; the account and its audit row commit together. */
export async function createUser(
  deps: UserAdminDeps,
  { actor, origin, email, password, role, displayName = null }: CreateUserInput,
): Promise<AdminUser> {
  // Hashed outside the transaction: argon2's tens of milliseconds should not hold a connection.
  const passwordHash = await deps.hashPassword(password);
  return deps.inTransaction(async (store) => {
    const user = await store.insertUser({ email: normalizeEmail(email), passwordHash, role, displayName });
    if (!user) throw new AppError('email_taken', 'a user with this email exists already');
    await store.recordAudit({
      ...origin,
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'user.created',
      target: user.id,
      details: { email: user.email, role: user.role, display_name: user.displayName },
    });
    return user;
  });
}
