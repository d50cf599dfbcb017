import { createDb, ensureDatabase, migrateToLatest, MIGRATION_DB_TIMEOUTS } from '@app/db';
import type { Logger } from '@app/logging';
import { adminApiSchema } from '../adapters/db/schema-name';
import { migrations } from './migrations/index';

export interface MigrationTarget {
  DATABASE_URL: string;
  NAMESPACE?: string | undefined;
}

/** Creates the database if missing, then brings admin-api's schema to the latest migration. */
export async function runMigrations(target: MigrationTarget, log: Logger): Promise<string[]> {
  const schema = adminApiSchema(target.NAMESPACE);
  const { created } = await ensureDatabase(target.DATABASE_URL);
  if (created) log.info('database created');
  const db = createDb({ url: target.DATABASE_URL, schema, max: 1, applicationName: 'admin-api-migrate', ...MIGRATION_DB_TIMEOUTS, log });
  try {
    const results = (await migrateToLatest(db, schema, migrations)) ?? [];
    const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
    log.info({ schema, applied }, applied.length ? 'migrations applied' : 'schema already up to date');
    return applied;
  } finally {
    await db.destroy();
  }
}
