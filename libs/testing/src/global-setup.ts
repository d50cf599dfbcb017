import { ensureDatabase } from '@app/db';
import { isReachable } from '@app/runtime';
import { testInfra } from './config';

async function dockerAvailable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/**
 * Vitest global setup: the suite runs against the Postgres, NATS and Redis named by the environment (the
 * contract's URLs by default). Only when one is unreachable and a Docker engine exists are containers
 * started for the missing ones; with neither, the run stops with one paragraph saying what to do.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const services = [
    { name: 'Postgres', env: 'DATABASE_URL', url: testInfra.databaseUrl, port: 5432 },
    { name: 'NATS (JetStream)', env: 'NATS_URL', url: testInfra.natsUrl, port: 4222 },
    { name: 'Redis', env: 'REDIS_URL', url: testInfra.redisUrl, port: 6379 },
  ];
  const missing = [];
  for (const service of services) if (!(await isReachable(service.url, service.port))) missing.push(service);
  const stops: (() => Promise<unknown>)[] = [];
  if (missing.length > 0) {
    if (!(await dockerAvailable())) {
      const list = missing.map((m) => `${m.name} at ${m.url} (set ${m.env})`).join(', ');
      throw new Error(
        `Integration tests need Postgres, NATS with JetStream and Redis. Unreachable: ${list}. Start them locally ` +
          `(see README, "Running the tests"), point the variables at running servers, or install Docker so that ` +
          `testcontainers can start them.`,
      );
    }
    const { GenericContainer, Wait } = await import('testcontainers');
    for (const m of missing) {
      if (m.env === 'DATABASE_URL') {
        const c = await new GenericContainer('postgres:16-alpine')
          .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
          .withExposedPorts(5432)
          .withWaitStrategy(Wait.forLogMessage(/ready to accept connections/, 2))
          .start();
        process.env.TEST_DATABASE_URL = `postgres://postgres@${c.getHost()}:${c.getMappedPort(5432)}/chat_support_test`;
        stops.push(() => c.stop());
      } else if (m.env === 'NATS_URL') {
        const c = await new GenericContainer('nats:2.10-alpine').withCommand(['-js']).withExposedPorts(4222).start();
        process.env.NATS_URL = `nats://${c.getHost()}:${c.getMappedPort(4222)}`;
        stops.push(() => c.stop());
      } else {
        const c = await new GenericContainer('redis:7-alpine').withExposedPorts(6379).start();
        process.env.REDIS_URL = `redis://${c.getHost()}:${c.getMappedPort(6379)}`;
        stops.push(() => c.stop());
      }
    }
  }
  await ensureDatabase(testInfra.databaseUrl);
  return async () => {
    for (const stop of stops) await stop();
  };
}
