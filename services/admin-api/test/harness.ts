import { Writable } from 'node:stream';
import { createDb, dropSchema, runMigrations, type Kysely } from '@app/db';
import { createLogger, type Logger } from '@app/logging';
import { newNamespace, testInfra } from '@app/testing';
import { startAdminApi, type RunningAdminApi } from '../src/admin-api';
import { createArgon2PasswordHasher } from '../src/adapters/auth/argon2-passwords';
import { insertUser, setUserDisabled } from '../src/db/repositories/admin-user.repository';
import type { Database } from '../src/db/database';
import { adminApiSchema } from '../src/db/schema-name';
import { loadAdminApiConfig } from '../src/config';
import { migrations } from '../src/db/migrations';
import type { AdminUser } from '../src/domain/admin-user';
import type { Role } from '../src/domain/role';

export const JWT_SECRET = 'integration-tests-jwt-secret-0123456789';

export const silentLog = createLogger({ service: 'admin-api-test', level: 'silent' });

/** A logger whose JSON lines the test can read (everything down to trace). */
export function capturedLog(): { log: Logger; text: () => string; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log: createLogger({ service: 'admin-api', level: 'trace', destination }), text: () => chunks.join(''), lines };
}

export interface TestSchema {
  namespace: string;
  schema: string;
  db: Kysely<Database>;
  drop(): Promise<void>;
}

/** A migrated admin-api schema of its own for one test file, and a client to look inside it. */
export async function createTestSchema(): Promise<TestSchema> {
  const namespace = newNamespace();
  const schema = adminApiSchema(namespace);
  await runMigrations({ url: testInfra.databaseUrl, schema, migrations, applicationName: 'admin-api-migrate', log: silentLog });
  const db = createDb<Database>({ url: testInfra.databaseUrl, schema, max: 3 });
  return {
    namespace,
    schema,
    db,
    drop: async () => {
      await dropSchema(db, schema);
      await db.destroy();
    },
  };
}

function testConfig(namespace: string, env: Record<string, string> = {}) {
  return loadAdminApiConfig({
    DATABASE_URL: testInfra.databaseUrl,
    NATS_URL: testInfra.natsUrl,
    REDIS_URL: testInfra.redisUrl,
    NAMESPACE: namespace,
    ADMIN_API_PORT: '0',
    JWT_SECRET,
    LOG_LEVEL: 'silent',
    ...env,
  }).config;
}

export function startTestApi(namespace: string, env: Record<string, string> = {}, log: Logger = silentLog): Promise<RunningAdminApi> {
  return startAdminApi(testConfig(namespace, env), log);
}

const hasher = createArgon2PasswordHasher();

export async function createUser(
  db: Kysely<Database>,
  user: { email: string; password: string; role: Role; disabled?: boolean; displayName?: string },
): Promise<AdminUser> {
  const passwordHash = await (await hasher).hash(user.password);
  const created = await insertUser(db, { email: user.email, role: user.role, passwordHash, displayName: user.displayName ?? null });
  if (!created) throw new Error(`user ${user.email} exists already`);
  if (user.disabled) await setUserDisabled(db, created.id, new Date());
  return created;
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function signIn(api: { url: string }, email: string, password: string): Promise<string> {
  const res = await postJson(`${api.url}/api/admin/auth/login`, { email, password });
  if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export interface SignedInUser {
  user: AdminUser;
  token: string;
}

/** Creates an account and signs it in through the API. */
export async function signedInUser(t: TestSchema, api: { url: string }, email: string, role: Role): Promise<SignedInUser> {
  const password = `${role}-password-${email.length}`;
  const user = await createUser(t.db, { email, password, role });
  return { user, token: await signIn(api, email, password) };
}

/** The school's head teacher: the admin most route tests act as. */
export const signedInHead = (t: TestSchema, api: { url: string }) => signedInUser(t, api, 'head@school.org', 'admin');
/** A teacher: the agent most route tests act as. */
export const signedInTeacher = (t: TestSchema, api: { url: string }) => signedInUser(t, api, 'ms.khumalo@school.org', 'agent');

export function send(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

export const errorCodeOf = async (res: Response): Promise<string | undefined> =>
  ((await res.json()) as { error?: { code?: string } }).error?.code;
