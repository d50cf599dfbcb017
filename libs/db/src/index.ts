export { createDb, dropSchema, ensureDatabase, MIGRATION_DB_TIMEOUTS, pingDb, schemaFor, type DbLog, type DbOptions } from './database';
export { migrateToLatest } from './migrator';
export { PREPARED } from './prepared-statements';
export {
  sql,
  type ColumnType,
  type Generated,
  type Insertable,
  type Kysely,
  type Migration,
  type Selectable,
  type Transaction,
} from 'kysely';
export { runMigrations, type MigrationLog, type MigrationRun } from './run-migrations';
