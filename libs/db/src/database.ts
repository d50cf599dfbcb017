import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PreparedStatements, type PreparedStatementOptions } from './prepared-statements';

// Postgres bigint/numeric come back as strings by default; counts and sequences here fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/** What the pool reports through: a pino logger fits. Structural, so this library needs no logging dependency. */
export interface DbLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface DbTimeouts {
  /** A statement running longer is cancelled by Postgres (57014). 0: none. */
  statementTimeoutMs: number;
  /** A session left idle inside an open transaction this long is closed by Postgres (25P03), its locks freed. 0: none. */
  idleInTransactionTimeoutMs: number;
  /** A statement waiting this long for a lock fails (55P03) instead of queueing everyone behind it. 0: none. */
  lockTimeoutMs: number;
  /** A connect (TCP, TLS, startup) that has not completed by then fails instead of hanging. */
  connectTimeoutMs: number;
}

/**
 * Longer than any legitimate statement or batch transaction (a batch of hundreds of events is a few hundred
 * milliseconds), short enough that a stuck one frees its connection and locks instead of starving the pool.
 * The lock wait is below the statement timeout so the error names its cause.
 */
const DEFAULT_DB_TIMEOUTS: Readonly<DbTimeouts> = Object.freeze({
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
  lockTimeoutMs: 15_000,
  connectTimeoutMs: 5_000,
});

/**
 * For the migration step: an index build or a backfill may legitimately take minutes, and a replica waits
 * on the migrator's advisory lock for as long as another one migrates; a hung one still ends.
 */
export const MIGRATION_DB_TIMEOUTS: Readonly<Partial<DbTimeouts>> = Object.freeze({
  statementTimeoutMs: 30 * 60_000,
  lockTimeoutMs: 0,
});

export interface DbOptions extends Partial<DbTimeouts> {
  url: string;
  /** The schema this service owns; every unqualified name resolves there (search_path). */
  schema: string;
  max?: number;
  applicationName?: string;
  /** Where a failing idle connection is reported (one line per error); without it, the error is only absorbed. */
  log?: DbLog;
  /** Statements marked with PREPARED run as named prepared statements on each connection (prepared-statements.ts). */
  prepareMarked?: boolean | PreparedStatementOptions;
}

/**
 * The schema a service owns: `base`, or `<namespace>_<base>` for a namespaced deployment or test. One rule
 * for every service, so tools (and the test harness) can find each service's schema.
 */
export function schemaFor(base: string, namespace?: string): string {
  return assertSchemaName(namespace ? `${namespace.replaceAll('-', '_')}_${base}` : base);
}

function assertSchemaName(schema: string): string {
  if (!SCHEMA_PATTERN.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return schema;
}

const nonNegativeInt = (name: string, value: number) => {
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${value}`);
  return value;
};

/**
 * Startup parameters of every connection (no extra round trip). Sent explicitly even when 0, so a default
 * set on the database or role cannot sneak in a different limit.
 */
function sessionOptions(schema: string, t: DbTimeouts): string {
  return [
    `-c search_path=${schema}`,
    `-c statement_timeout=${nonNegativeInt('statementTimeoutMs', t.statementTimeoutMs)}`,
    `-c idle_in_transaction_session_timeout=${nonNegativeInt('idleInTransactionTimeoutMs', t.idleInTransactionTimeoutMs)}`,
    `-c lock_timeout=${nonNegativeInt('lockTimeoutMs', t.lockTimeoutMs)}`,
  ].join(' ');
}

/**
 * A Kysely instance whose connections live in the service's own schema. Each service owns one schema of the
 * shared database and touches no other (CONTRACT.md), so search_path is set per connection, not per query.
 */
export function createDb<DB>(options: DbOptions): Kysely<DB> {
  const { url, schema, max = 10, applicationName, log, prepareMarked } = options;
  assertSchemaName(schema);
  const timeouts: DbTimeouts = {
    statementTimeoutMs: options.statementTimeoutMs ?? DEFAULT_DB_TIMEOUTS.statementTimeoutMs,
    idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs ?? DEFAULT_DB_TIMEOUTS.idleInTransactionTimeoutMs,
    lockTimeoutMs: options.lockTimeoutMs ?? DEFAULT_DB_TIMEOUTS.lockTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_DB_TIMEOUTS.connectTimeoutMs,
  };
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: sessionOptions(schema, timeouts),
    application_name: applicationName,
    connectionTimeoutMillis: nonNegativeInt('connectTimeoutMs', timeouts.connectTimeoutMs),
    // A peer that vanished without a FIN (node lost, NAT entry dropped) is noticed by TCP instead of never.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // A connection failing outside a query (Postgres restarted, a backend terminated, an idle transaction
  // timed out) must not crash the process. pg-pool listens for errors only while a client is idle; a client
  // checked out between two queries (inside a transaction, say) would emit 'error' to nobody, which Node
  // turns into an uncaught exception. So each client gets its own listener for its whole life, reporting its
  // first error (a failed client is dead; what follows is noise), and the pool's own re-emit of idle errors is
  // absorbed. The pool drops the failed client (at once if idle, on release otherwise) and opens another.
  const prepared = prepareMarked ? new PreparedStatements(prepareMarked === true ? {} : prepareMarked) : undefined;
  pool.on('connect', (client) => {
    prepared?.attach(client);
    let reported = false;
    client.on('error', (error: Error & { code?: string }) => {
      if (reported) return;
      reported = true;
      log?.warn(
        { err: error, code: error.code, applicationName, schema },
        'postgres connection failed outside a query; the pool replaces it',
      );
    });
  });
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
