import { runMigrations } from '@app/db';
import { createLogger } from '@app/logging';
import { engineSchema, readEngineConfig } from './config';
import { migrations } from './db/migrations';

/** `npm run migrate` of this service: creates the database if missing and brings its schema up to date. */
const config = readEngineConfig(process.env);
const log = createLogger({ service: 'conversation-engine-migrate', level: config.LOG_LEVEL });
const schema = engineSchema(config.NAMESPACE);
try {
  await runMigrations({ url: config.DATABASE_URL, schema, migrations, applicationName: 'conversation-engine-migrate', log });
} catch (error) {
  log.fatal({ err: error, schema }, 'migration failed');
  process.exitCode = 1;
}
