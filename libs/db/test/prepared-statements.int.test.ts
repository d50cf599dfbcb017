import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { testInfra } from '@app/testing';
import { createDb, PREPARED, sql, type DbOptions, type Kysely } from '../src/index';

const opened: Kysely<unknown>[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy().catch(() => undefined);
});

/** One connection, so that its session's prepared statements and temporary tables are the ones looked at. */
function openOne(prepareMarked: DbOptions['prepareMarked'] = true) {
  const db = createDb<unknown>({
    url: testInfra.databaseUrl,
    schema: 'public',
    max: 1,
    applicationName: `db-test-${randomUUID()}`,
    prepareMarked,
  });
  opened.push(db);
  return db;
}

const preparedOnConnection = async (db: Kysely<unknown>) =>
  (await sql<{ statement: string }>`select statement from pg_prepared_statements where not from_sql`.execute(db)).rows.map(
    (r) => r.statement,
  );

describe('prepareMarked', () => {
  it('runs a marked statement as one named prepared statement on the connection, with the same results; others stay unnamed', async () => {
    const db = openOne();
    await sql`create temporary table prepared_probe (id int primary key, label text)`.execute(db);
    await sql`insert into prepared_probe values (1, 'one'), (2, 'two'), (3, 'three')`.execute(db);
    const labels: string[] = [];
    for (const id of [1, 2, 3, 1, 2]) {
      const { rows } = await sql<{ label: string }>`${PREPARED}select label from prepared_probe where id = ${id}`.execute(db);
      labels.push(rows[0]!.label);
      await sql`select label from prepared_probe where id = ${id} and true`.execute(db);
    }
    expect(labels).toEqual(['one', 'two', 'three', 'one', 'two']);
    const prepared = await preparedOnConnection(db);
    expect(prepared).toHaveLength(1);
    expect(prepared[0]).toContain('select label from prepared_probe where id = $1');
  });

  it('leaves marked statements unnamed in a pool created without prepareMarked', async () => {
    const db = openOne(false);
    for (let i = 0; i < 3; i++) await sql`${PREPARED}select ${i}::int as n`.execute(db);
    expect(await preparedOnConnection(db)).toEqual([]);
  });

  it('keeps working when a migration changes a table under a prepared statement: the statement that met it fails, the next runs unnamed', async () => {
    const db = openOne();
    await sql`create temporary table prepared_change (id int primary key, label text)`.execute(db);
    await sql`insert into prepared_change values (1, 'one')`.execute(db);
    const read = () => sql<Record<string, unknown>>`${PREPARED}select * from prepared_change where id = ${1}`.execute(db);
    for (let i = 0; i < 4; i++) await read();
    await sql`alter table prepared_change add column extra text`.execute(db);
    const failure = await read().catch((error: unknown) => error);
    expect((failure as { code?: string }).code).toBe('0A000'); // cached plan must not change result type
    const { rows } = await read();
    expect(rows).toEqual([{ id: 1, label: 'one', extra: null }]);
  });

  it('names a bounded number of texts: a marked text built per call runs unnamed once the bound is reached', async () => {
    const db = openOne({ maxNamed: 3 });
    for (let n = 1; n <= 6; n++) {
      const { rows } = await sql<{ n: number }>`${PREPARED}select ${sql.raw(String(n))}::int + ${0}::int as n`.execute(db);
      expect(rows[0]!.n).toBe(n);
    }
    expect(await preparedOnConnection(db)).toHaveLength(3);
  });
});
