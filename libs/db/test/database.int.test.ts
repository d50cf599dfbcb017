import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil, testInfra } from '@app/testing';
import { createDb, sql, type DbLog, type DbOptions, type Kysely } from '../src/index';

/** Keeps what the pool reports, the way a pino logger would receive it. */
function recordingLog() {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  const log: DbLog = { warn: (fields, message) => void lines.push({ fields, message }) };
  return { log, lines };
}

const opened: Kysely<unknown>[] = [];
function open(options: Partial<DbOptions> = {}) {
  const db = createDb<unknown>({ url: testInfra.databaseUrl, schema: 'public', applicationName: `db-test-${randomUUID()}`, ...options });
  opened.push(db);
  return db;
}

/** Ends, from another connection, every backend of the pool named `applicationName`. */
async function terminateBackends(admin: Kysely<unknown>, applicationName: string): Promise<number> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where application_name = ${applicationName} and pid <> pg_backend_pid()`.execute(admin);
  for (const { pid } of rows) await sql`select pg_terminate_backend(${pid})`.execute(admin);
  return rows.length;
}

const pgCode = (error: unknown) => (error as { code?: string }).code;

afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy().catch(() => undefined);
});

describe('createDb', () => {
  it('cancels a statement that runs past the configured statement timeout', async () => {
    const db = open({ statementTimeoutMs: 200 });
    const failure = await sql`select pg_sleep(5)`.execute(db).catch((error: unknown) => error);
    expect(pgCode(failure)).toBe('57014'); // query_canceled
    expect(String(failure)).toMatch(/statement timeout/);
    // The connection itself is fine: the next statement runs.
    await expect(sql<{ one: number }>`select 1 as one`.execute(db)).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it('sets the timeouts on every connection, defaults included', async () => {
    const db = open({ lockTimeoutMs: 1_234 });
    const { rows } = await sql<{ statement: string; idle: string; lock: string }>`
      select current_setting('statement_timeout') as statement,
             current_setting('idle_in_transaction_session_timeout') as idle,
             current_setting('lock_timeout') as lock`.execute(db);
    expect(rows[0]).toEqual({ statement: '30s', idle: '1min', lock: '1234ms' });
  });

  it('logs an idle connection that Postgres terminated, once, and carries on with a new one', async () => {
    const applicationName = `db-test-${randomUUID()}`;
    const { log, lines } = recordingLog();
    const db = open({ applicationName, max: 1, log });
    const admin = open();
    await sql`select 1`.execute(db); // one idle client in the pool now

    expect(await terminateBackends(admin, applicationName)).toBe(1);
    await pollUntil(() => lines.length > 0, { message: 'pool error logged', timeoutMs: 5_000 });

    await expect(sql<{ one: number }>`select 1 as one`.execute(db)).resolves.toMatchObject({ rows: [{ one: 1 }] });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.fields).toMatchObject({ code: '57P01', applicationName }); // admin_shutdown
    expect(lines[0]!.message).toBe('postgres connection failed outside a query; the pool replaces it');
  });

  it('fails a transaction left idle past the idle-in-transaction timeout without crashing the process', async () => {
    const { log, lines } = recordingLog();
    const db = open({ idleInTransactionTimeoutMs: 200, max: 1, log });

    // The client is checked out (inside the transaction) and not running a query when Postgres closes the
    // session: the error reaches the client between two statements.
    const failure = await db
      .transaction()
      .execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await pollUntil(() => lines.length > 0, { message: 'idle-in-transaction timeout reported', timeoutMs: 10_000 });
        await sql`select 2`.execute(trx);
      })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(Error);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.fields).toMatchObject({ code: '25P03' }); // idle_in_transaction_session_timeout
    // The pool dropped the dead client and opens another.
    await expect(sql<{ one: number }>`select 1 as one`.execute(db)).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it('fails a connect that hangs after the connect timeout', async () => {
    // Accepts TCP and never answers the startup message: a Postgres that hangs.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const db = open({ url: `postgres://postgres@127.0.0.1:${port}/postgres`, connectTimeoutMs: 300 });
      await expect(sql`select 1`.execute(db)).rejects.toThrow(/timeout/i);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
