import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEFAULTS } from '@app/config';
import { schemaFor } from '@app/db';

/** The first admin's email when ADMIN_EMAIL is unset (.localhost is reserved: it can belong to nobody). */
const DEFAULT_ADMIN_EMAIL = 'admin@school.localhost';

export interface AdminPlan {
  /** What admin-api gets as ADMIN_EMAIL/ADMIN_PASSWORD (nothing when an admin exists and none were given). */
  env: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string };
  /** A password made up here, to print once after admin-api created the account with it. */
  generated?: string;
  adminExisted: boolean | 'unknown';
}

/**
 * Whether admin-api's schema holds an admin already: the same question its bootstrap asks (admin_users,
 * role 'admin'), read here so that a password is only made up, and printed, when an account will be created.
 */
async function countAdmins(env: NodeJS.ProcessEnv, email?: string): Promise<number> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL || DEFAULTS.databaseUrl });
  await client.connect();
  try {
    const table = `${client.escapeIdentifier(schemaFor('admin_api', env.NAMESPACE || undefined))}.admin_users`;
    const where = email === undefined ? '' : ' and email = lower(trim($1))';
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from ${table} where role = 'admin'${where}`,
      email === undefined ? [] : [email],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/** ADMIN_EMAIL/ADMIN_PASSWORD when set; otherwise, if no admin exists yet, a strong password for a first admin. */
export async function planAdmin(env: NodeJS.ProcessEnv): Promise<AdminPlan> {
  const given = {
    ...(env.ADMIN_EMAIL ? { ADMIN_EMAIL: env.ADMIN_EMAIL } : {}),
    ...(env.ADMIN_PASSWORD ? { ADMIN_PASSWORD: env.ADMIN_PASSWORD } : {}),
  };
  const existed = await countAdmins(env).then(
    (n) => n > 0,
    () => 'unknown' as const,
  );
  if (existed === true || (env.ADMIN_EMAIL && env.ADMIN_PASSWORD)) return { env: given, adminExisted: existed };
  const generated = env.ADMIN_PASSWORD ? undefined : randomBytes(18).toString('base64url');
  return {
    env: { ADMIN_EMAIL: env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL, ADMIN_PASSWORD: env.ADMIN_PASSWORD || generated! },
    ...(generated ? { generated } : {}),
    adminExisted: existed,
  };
}

/** The line `npm start` prints about signing in, once admin-api is up (and its bootstrap has run). */
export async function describeAdmin(env: NodeJS.ProcessEnv, plan: AdminPlan): Promise<string> {
  if (plan.adminExisted === true) {
    return 'An admin account already exists: sign in with it (its password was printed when npm start created it, or came from ADMIN_PASSWORD).';
  }
  const email = plan.env.ADMIN_EMAIL;
  if (!email || !plan.env.ADMIN_PASSWORD) return 'No admin account: set ADMIN_EMAIL and ADMIN_PASSWORD to create one.';
  const created = await countAdmins(env, email).then(
    (n) => n > 0,
    () => false,
  );
  if (!created) return `No admin account was created for ${email} (see admin-api's log: is it another user's email?).`;
  if (!plan.generated) return `Sign in as ${email} with the password from ADMIN_PASSWORD.`;
  return `Sign in as ${email} with the password ${plan.generated}\n  (created now and shown only this once: keep it, or set ADMIN_EMAIL/ADMIN_PASSWORD before the first start)`;
}
