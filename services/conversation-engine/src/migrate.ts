import { createDb, ensureDatabase, migrateToLatest, MIGRATION_DB_TIMEOUTS } from '@app/db';
import { createLogger } from '@app/logging';
import { engineSchema, readEngineConfig } from './config';
import { migrations } from './db/migrations';

/** `npm run migrate` of this service: creates the database if missing and brings its schema up to date. */
const config = readEngineConfig(process.env);
const log = createLogger({ service: 'conversation-engine-migrate', level: config.LOG_LEVEL });
const schema = engineSchema(config.NAMESPACE);
try {
  const { created } = await ensureDatabase(config.DATABASE_URL);
  if (created) log.info('database created');
  const db = createDb({ url: config.DATABASE_URL, schema, max: 1, applicationName: 'conversation-engine-migrate', ...MIGRATION_DB_TIMEOUTS, log });
  try {
    const results = await migrateToLatest(db, schema, migrations);
    log.info({ schema, applied: results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [] }, 'migrations done');
  } finally {
    await db.destroy();
  }
} catch (error) {
  log.fatal({ err: error, schema }, 'migration failed');
  process.exitCode = 1;
}
