import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { topology } from '@app/contracts';
import { createDb, dropSchema } from '@app/db';
import { freePort, serviceEntry, spawnService, waitForReady, type ServiceName, type ServiceProcess } from '@app/runtime';
import { testInfra, newNamespace } from './config';
import { startFakeCloudApi, type FakeCloudApi } from './fake-cloud-api';
import { postWebhook } from './webhook-builders';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PORT_VARIABLES: Record<ServiceName, string> = {
  'webhook-gateway': 'WEBHOOK_GATEWAY_PORT',
  'conversation-engine': 'CONVERSATION_ENGINE_PORT',
  'whatsapp-sender': 'WHATSAPP_SENDER_PORT',
  'admin-api': 'ADMIN_API_PORT',
};
const MIGRATING: ServiceName[] = ['conversation-engine', 'admin-api'];

export const SYSTEM_APP_SECRET = 'system-test-app-secret';

/** Schemas a namespace's services own (as the services name them). */
export const namespacedSchemas = (namespace: string) => [`${namespace}_conversation_engine`, `${namespace}_admin_api`];

/**
 * The real services as real processes (the same entry points `npm start` runs), isolated by a namespace,
 * talking to real Postgres/NATS/Redis and to the fake Cloud API. For end-to-end and crash tests.
 */
export async function startSystem(opts: { services?: ServiceName[]; env?: Record<string, string> } = {}) {
  const services = opts.services ?? ['webhook-gateway', 'conversation-engine', 'whatsapp-sender', 'admin-api'];
  const namespace = newNamespace();
  const fake: FakeCloudApi = await startFakeCloudApi({ token: 'system-test-token', phoneNumberId: '100000000000001' });
  const ports = Object.fromEntries(await Promise.all(services.map(async (s) => [s, await freePort()] as const))) as Record<
    ServiceName,
    number
  >;
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.SYSTEM_LOG_LEVEL ?? 'warn',
    NAMESPACE: namespace,
    DATABASE_URL: testInfra.databaseUrl,
    NATS_URL: testInfra.natsUrl,
    REDIS_URL: testInfra.redisUrl,
    WHATSAPP_APP_SECRET: SYSTEM_APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'system-verify-token',
    WHATSAPP_ACCESS_TOKEN: fake.token,
    WHATSAPP_PHONE_NUMBER_ID: '100000000000001',
    WHATSAPP_API_BASE_URL: fake.url,
    JWT_SECRET: 'system-test-jwt-secret-of-at-least-32-chars',
    ADMIN_EMAIL: 'admin@school.test',
    ADMIN_PASSWORD: 'correct horse battery staple',
    ENGINE_ACK_WAIT_MS: '2000',
    ENGINE_RELAY_INTERVAL_MS: '200',
    ENGINE_PARTITION_LEASE_MS: '2000',
    SENDER_BACKOFF_MS: '50',
    SENDER_HTTP_TIMEOUT_MS: '1500',
    SENDER_LOCK_DURATION_MS: '2000',
    SENDER_STALLED_INTERVAL_MS: '1000',
    ...Object.fromEntries(services.map((s) => [PORT_VARIABLES[s], String(ports[s])])),
    ...opts.env,
  };

  for (const service of MIGRATING.filter((s) => services.includes(s))) {
    const code = await spawnService({
      root: ROOT,
      name: `${service}-migrate`,
      entry: `services/${service}/src/migrate.ts`,
      env,
      stdio: 'inherit',
    }).exited;
    if (code !== 0) {
      await fake.close();
      throw new Error(`migrations of ${service} failed (${code})`);
    }
  }

  const processes = new Map<ServiceName, ServiceProcess>();
  const url = (service: ServiceName) => `http://127.0.0.1:${ports[service]}`;
  const launch = async (service: ServiceName) => {
    const child = spawnService({ root: ROOT, name: service, entry: serviceEntry(service), env, stdio: 'inherit' });
    processes.set(service, child);
    await waitForReady(url(service), 30_000, () => child.child.exitCode === null && child.child.signalCode === null);
    return child;
  };
  const launched = await Promise.allSettled(services.map(launch));
  const failed = launched.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    // Leave nothing behind: a test whose system did not come up must not leak running services.
    await Promise.all([...processes.values()].map((p) => p.stop(5_000)));
    await fake.close();
    throw failed.reason;
  }

  const replicas: ServiceProcess[] = [];
  /** One more replica of a service, on its own port in the same namespace (e.g. a second sender). */
  const launchReplica = async (service: ServiceName, extraEnv: Record<string, string> = {}) => {
    const port = await freePort();
    const replicaUrl = `http://127.0.0.1:${port}`;
    const child = spawnService({
      root: ROOT,
      name: `${service}-replica-${replicas.length + 1}`,
      entry: serviceEntry(service),
      env: { ...env, ...extraEnv, [PORT_VARIABLES[service]]: String(port) },
      stdio: 'inherit',
    });
    replicas.push(child);
    await waitForReady(replicaUrl, 30_000, () => child.child.exitCode === null && child.child.signalCode === null);
    return { process: child, url: replicaUrl };
  };

  return {
    namespace,
    env,
    fake,
    url,
    topology: topology(namespace),
    engineSchema: `${namespace}_conversation_engine`,
    postWebhook: (payload: unknown) => postWebhook(url('webhook-gateway'), payload, SYSTEM_APP_SECRET),
    process: (service: ServiceName) => processes.get(service),
    launch,
    launchReplica,
    async stop() {
      await Promise.all([...processes.values(), ...replicas].map((p) => p.stop(12_000)));
      await fake.close();
      const t = topology(namespace);
      const nc = await connect({ servers: testInfra.natsUrl });
      const jsm = await jetstreamManager(nc);
      for (const stream of [t.inboundStream, t.deliveryStream]) await jsm.streams.delete(stream).catch(() => undefined);
      await nc.close();
      const redis = new Redis(testInfra.redisUrl, { maxRetriesPerRequest: null });
      for (const name of [t.outboundQueue, t.mediaDownloadQueue]) {
        const queue = new Queue(name, { connection: redis });
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
      // The sender's send states and pause flag.
      const keys = await redis.keys(`${namespace}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      const db = createDb({ url: testInfra.databaseUrl, schema: 'public', max: 1 });
      for (const schema of namespacedSchemas(namespace)) await dropSchema(db, schema);
      await db.destroy();
    },
  };
}

export type RunningSystem = Awaited<ReturnType<typeof startSystem>>;
