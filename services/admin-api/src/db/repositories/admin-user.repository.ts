import { sql, type Kysely, type Selectable, type Transaction } from '@app/db';
import type { AdminUser, NewAdminUser, UserCredentials } from '../../domain/admin-user';
import type { UserPatch } from '../../use-cases/user-store';
import type { AdminUsersTable, Database } from '../database';

type Db = Kysely<Database> | Transaction<Database>;

const USER_COLUMNS = ['id', 'email', 'role', 'display_name', 'disabled_at'] as const;

const toAdminUser = (row: Pick<Selectable<AdminUsersTable>, (typeof USER_COLUMNS)[number]>): AdminUser => ({
  id: row.id,
  email: row.email,
  role: row.role,
  displayName: row.display_name,
  disabledAt: row.disabled_at,
});

/** Case-insensitive, matching the unique index on lower(email). */
export async function findCredentialsByEmail(db: Db, email: string): Promise<UserCredentials | undefined> {
  const row = await db
    .selectFrom('admin_users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row && { user: toAdminUser(row), passwordHash: row.password_hash };
}

export async function findUserById(db: Db, id: string): Promise<AdminUser | undefined> {
  const row = await db.selectFrom('admin_users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toAdminUser(row);
}

export async function adminExists(db: Db): Promise<boolean> {
  const row = await db.selectFrom('admin_users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Undefined when the email is taken: the unique index decides, so concurrent inserts cannot both win. */
export async function insertUser(db: Db, user: NewAdminUser): Promise<AdminUser | undefined> {
  const row = await db
    .insertInto('admin_users')
    .values({ email: user.email, password_hash: user.passwordHash, role: user.role, display_name: user.displayName })
    .onConflict((oc) => oc.doNothing())
    .returning(USER_COLUMNS)
    .executeTakeFirst();
  return row && toAdminUser(row);
}

/** Every account, oldest first: a school has a handful of admins, so no pagination. */
export async function listUsers(db: Db): Promise<AdminUser[]> {
  const rows = await db.selectFrom('admin_users').select(USER_COLUMNS).orderBy('created_at').orderBy('id').execute();
  return rows.map(toAdminUser);
}

export async function updateUser(db: Db, id: string, patch: UserPatch): Promise<AdminUser> {
  const row = await db
    .updateTable('admin_users')
    .set({
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.disabledAt !== undefined && { disabled_at: patch.disabledAt }),
      ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
  return toAdminUser(row);
}

/** Which of `ids` are accounts that exist and are not disabled. */
export async function findEnabledUserIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('admin_users').select('id').where('id', 'in', ids).where('disabled_at', 'is', null).execute();
  return new Set(rows.map((r) => r.id));
}

export async function countOtherActiveAdmins(db: Db, excludingId: string): Promise<number> {
  const row = await db
    .selectFrom('admin_users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '!=', excludingId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Held until the transaction ends; every change to who is an enabled admin takes it first. */
export async function lockAdminRoles(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.admin_roles'))`.execute(trx);
}

export async function setUserDisabled(db: Db, id: string, disabledAt: Date | null): Promise<void> {
  await db
    .updateTable('admin_users')
    .set({ disabled_at: disabledAt, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/**
 * Runs `work` in a transaction holding a lock private to this schema's bootstrap, so two replicas starting at
 * once take turns. A transaction-level advisory lock is released by commit, rollback or a dropped connection:
 * it cannot outlive a crashed replica.
 */
export async function withBootstrapLock<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.bootstrap_admin'))`.execute(trx);
    return work(trx);
  });
}
