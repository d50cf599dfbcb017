import type { Migration } from 'kysely';
import { createDb, ensureDatabase, MIGRATION_DB_TIMEOUTS, type DbLog } from './database';
import { migrateToLatest } from './migrator';

/** What a migration step reports through: a pino logger fits. */
export interface MigrationLog extends DbLog {
  info(message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
}

export interface MigrationRun {
  url: string;
  /** The service's own schema (engineSchema(ns), adminApiSchema(ns)); its migrations table lives there too. */
  schema: string;
  migrations: Record<string, Migration>;
  /** Seen in pg_stat_activity, e.g. `admin-api-migrate`. */
  applicationName: string;
  log: MigrationLog;
}

/**
 * A service's migration step (its `npm run migrate`, run before any replica starts): creates the database if
 * missing, brings the schema to the latest migration on one connection with generous timeouts, and resolves
 * the names of the migrations it applied. Throws MigrationError when one fails.
 */
export async function runMigrations(run: MigrationRun): Promise<string[]> {
  const { url, schema, migrations, applicationName, log } = run;
  const { created } = await ensureDatabase(url);
  if (created) log.info('database created');
  const db = createDb({ url, schema, max: 1, applicationName, ...MIGRATION_DB_TIMEOUTS, log });
  try {
    const results = (await migrateToLatest(db, schema, migrations)) ?? [];
    const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
    log.info({ schema, applied }, applied.length ? 'migrations applied' : 'schema already up to date');
    return applied;
  } finally {
    await db.destroy();
  }
}
