// `npm run db:migrate`: creates the database if missing and runs every service's pending migrations, each in
// the schema that service owns. Exits non-zero on the first failure.
import path from 'node:path';
import { spawnService } from '@app/runtime';
import { checkInfrastructure, MIGRATING_SERVICES } from './lib/infra';

const root = path.resolve(import.meta.dirname, '..');

export async function migrateAll(env: NodeJS.ProcessEnv): Promise<boolean> {
  for (const service of MIGRATING_SERVICES) {
    const child = spawnService({ root, name: `${service}-migrate`, entry: `services/${service}/src/migrate.ts`, env });
    const code = await child.exited;
    if (code !== 0) {
      console.error(`migrations of ${service} failed (exit ${code})`);
      return false;
    }
  }
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const problems = await checkInfrastructure(process.env);
  const postgresDown = problems.find((p) => p.startsWith('PostgreSQL'));
  if (postgresDown) {
    console.error(postgresDown);
    process.exit(1);
  }
  process.exit((await migrateAll(process.env)) ? 0 : 1);
}
