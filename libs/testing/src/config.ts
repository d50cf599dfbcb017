import { randomBytes } from 'node:crypto';
import { DEFAULTS } from '@app/config';

function testDatabaseUrl(): string {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  // Same server as the app, its own database: tests never touch a developer's data.
  const url = new URL(process.env.DATABASE_URL ?? DEFAULTS.databaseUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}_test`;
  return url.toString();
}

/** Where the integration tests find Postgres, NATS and Redis (the contract's URLs unless overridden). */
export const testInfra = {
  get databaseUrl() {
    return testDatabaseUrl();
  },
  get natsUrl() {
    return process.env.NATS_URL ?? DEFAULTS.natsUrl;
  },
  get redisUrl() {
    return process.env.REDIS_URL ?? DEFAULTS.redisUrl;
  },
};

/** A name for one test's streams, consumers, queues and schemas. */
export function newNamespace(): string {
  return `t${randomBytes(5).toString('hex')}`;
}
