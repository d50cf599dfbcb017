import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@app/logging';
import { testInfra } from '@app/testing';
import { createDb, dropSchema, runMigrations, sql, type Kysely, type Migration } from '../src/index';

const schema = `db_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const log = createLogger({ service: 'db-test', level: 'silent' });
const admin = createDb<unknown>({ url: testInfra.databaseUrl, schema: 'public', applicationName: 'db-test-admin' });

const migrations: Record<string, Migration> = {
  '2026_01_01_0000_create_things': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('things')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .execute();
    },
  },
};

afterAll(async () => {
  await dropSchema(admin, schema);
  await admin.destroy();
});

describe('runMigrations', () => {
  it('applies pending migrations in the schema, then none on the next run', async () => {
    const run = { url: testInfra.databaseUrl, schema, migrations, applicationName: 'db-test-migrate', log };
    expect(await runMigrations(run)).toEqual(['2026_01_01_0000_create_things']);
    expect(await runMigrations(run)).toEqual([]);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.tables where table_schema = ${schema} and table_name = 'things'`.execute(admin);
    expect(rows[0]?.n).toBe(1);
  });
});
