import { normalizeEmail, type AdminUser, type NewAdminUser } from '../domain/admin-user';
import { SYSTEM_ACTOR, type AuditEntry } from '../domain/audit';

/** The reads and writes bootstrap needs, all inside one transaction that holds the bootstrap lock. */
export interface BootstrapStore {
  adminExists(): Promise<boolean>;
  /** Undefined when the email is already taken (by an agent, since no admin exists). */
  createUser(user: NewAdminUser): Promise<AdminUser | undefined>;
  recordAudit(entry: AuditEntry): Promise<void>;
}

export interface EnsureBootstrapAdminDeps {
  adminExists(): Promise<boolean>;
  hashPassword(password: string): Promise<string>;
  /** Runs `work` so that no other replica runs it at the same time (one transaction, one lock). */
  exclusively<T>(work: (store: BootstrapStore) => Promise<T>): Promise<T>;
}

export type BootstrapOutcome = { status: 'created'; user: AdminUser } | { status: 'admin_exists' } | { status: 'email_taken' };

/**
 * Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD (named ADMIN_DISPLAY_NAME, when set) when there is
 * no admin yet. Replicas starting together both see "no admin" on the cheap first check; the re-check under
 * the lock lets only one create. Hashing happens before the lock so the lock is held for milliseconds, and not
 * at all on a normal restart.
 */
export async function ensureBootstrapAdmin(
  deps: EnsureBootstrapAdminDeps,
  input: { email: string; password: string; displayName?: string | undefined },
): Promise<BootstrapOutcome> {
  if (await deps.adminExists()) return { status: 'admin_exists' };
  const passwordHash = await deps.hashPassword(input.password);
  return deps.exclusively(async (store): Promise<BootstrapOutcome> => {
    if (await store.adminExists()) return { status: 'admin_exists' };
    const user = await store.createUser({
      email: normalizeEmail(input.email),
      passwordHash,
      role: 'admin',
      displayName: input.displayName ?? null,
    });
    if (!user) return { status: 'email_taken' };
    await store.recordAudit({
      actorId: null,
      actorEmail: SYSTEM_ACTOR,
      action: 'user.created',
      target: user.id,
      details: { email: user.email, role: user.role, display_name: user.displayName, via: 'bootstrap' },
      ip: null,
      userAgent: null,
    });
    return { status: 'created', user };
  });
}
