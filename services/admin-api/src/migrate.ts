import { ConfigError } from '@app/config';
import { runMigrations } from '@app/db';
import { createLogger } from '@app/logging';
import { bootLogLevel, loadMigrationConfig } from './config';
import { migrations } from './db/migrations/index';
import { adminApiSchema } from './db/schema-name';

// `npm run migrate` (and the root `npm run db:migrate`): its own step, before any replica starts.
const log = createLogger({ service: 'admin-api-migrate', level: bootLogLevel(process.env) });
try {
  const config = loadMigrationConfig(process.env);
  await runMigrations({
    url: config.DATABASE_URL,
    schema: adminApiSchema(config.NAMESPACE),
    migrations,
    applicationName: 'admin-api-migrate',
    log,
  });
} catch (error) {
  if (error instanceof ConfigError) log.fatal({ problems: error.problems }, 'invalid configuration');
  else log.fatal({ err: error }, 'migration failed');
  process.exitCode = 1;
}
