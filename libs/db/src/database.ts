import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';

// Postgres bigint/numeric come back as strings by default; counts and sequences here fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export interface DbOptions {
  url: string;
  /** The schema this service owns; every unqualified name resolves there (search_path). */
  schema: string;
  max?: number;
  applicationName?: string;
}

/**
 * The schema a service owns: `base`, or `<namespace>_<base>` for a namespaced deployment or test. One rule
 * for every service, so tools (and the test harness) can find each service's schema.
 */
export function schemaFor(base: string, namespace?: string): string {
  return assertSchemaName(namespace ? `${namespace.replaceAll('-', '_')}_${base}` : base);
}

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_PATTERN.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return schema;
}

/**
 * A Kysely instance whose connections live in the service's own schema. Each service owns one schema of the
 * shared database and touches no other (CONTRACT.md), so search_path is set per connection, not per query.
 */
export function createDb<DB>({ url, schema, max = 10, applicationName }: DbOptions): Kysely<DB> {
  assertSchemaName(schema);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: `-c search_path=${schema}`,
    application_name: applicationName,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its connection (Postgres restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export async function ensureSchema<DB>(db: Kysely<DB>, schema: string): Promise<void> {
  await sql`create schema if not exists ${sql.id(assertSchemaName(schema))}`.execute(db);
}

export async function dropSchema<DB>(db: Kysely<DB>, schema: string): Promise<void> {
  await sql`drop schema if exists ${sql.id(assertSchemaName(schema))} cascade`.execute(db);
}

/** Creates the database named in `url` when it does not exist yet (connecting to the `postgres` database). */
export async function ensureDatabase(url: string): Promise<{ created: boolean }> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return { created: false };
    try {
      await client.query(`create database "${name.replaceAll('"', '""')}"`);
    } catch (error) {
      // Two processes racing to create it: the loser sees duplicate_database, which is fine.
      if ((error as { code?: string }).code !== '42P04') throw error;
      return { created: false };
    }
    return { created: true };
  } finally {
    await client.end();
  }
}

/** `select 1` with a timeout, for readiness probes. */
export async function pingDb<DB>(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
