import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { ensureSchema } from './database';

const DROPPED_UNDER_US = new Set(['3F000', '42P01']);

class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Runs a service's migrations inside its own schema. Migrations are a static map (not a folder scan) so
 * they work the same under tsx, vitest and a bundled build. Kysely's migrator takes a lock, so replicas
 * starting together do not race.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  schema: string,
  migrations: Record<string, Migration>,
): Promise<MigrationResultSet['results']> {
  await ensureSchema(db, schema);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return results;
    // Kysely finds its own table by introspecting every table of the database, which fails with 3F000
    // (invalid_schema_name) or 42P01 (undefined_table: a relation it just listed is gone) when another schema
    // is dropped at that instant (parallel tests, another deployment sharing the database). No migration ran
    // then (results is undefined): trying again is safe.
    if (results === undefined && DROPPED_UNDER_US.has((error as { code?: string }).code ?? '') && attempt < 5) continue;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed in schema ${schema}`, { cause: error });
  }
}
