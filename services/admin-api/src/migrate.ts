import { ConfigError } from '@app/config';
import { createLogger } from '@app/logging';
import { bootLogLevel, loadMigrationConfig } from './config';
import { runMigrations } from './db/run-migrations';

// `npm run migrate` (and the root `npm run db:migrate`): its own step, before any replica starts.
const log = createLogger({ service: 'admin-api-migrate', level: bootLogLevel(process.env) });
try {
  await runMigrations(loadMigrationConfig(process.env), log);
} catch (error) {
  if (error instanceof ConfigError) log.fatal({ problems: error.problems }, 'invalid configuration');
  else log.fatal({ err: error }, 'migration failed');
  process.exitCode = 1;
}
