// Postgres, NATS and Redis as the bench finds them, and the removal of everything a run created under its
// namespace: streams, queues, `<ns>:*` keys, schemas. Runs at the end and on Ctrl-C; every step is bounded
// and runs even if an earlier one failed.
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { topology } from '@app/contracts';
import { DEFAULTS } from '@app/config';

export const infra = {
  databaseUrl: process.env.DATABASE_URL || DEFAULTS.databaseUrl,
  natsUrl: process.env.NATS_URL || DEFAULTS.natsUrl,
  redisUrl: process.env.REDIS_URL || DEFAULTS.redisUrl,
};

/** Letters and digits only, so the schema names (`<ns>_...`) need no rewriting. */
export const newNamespace = () => `bench${randomBytes(4).toString('hex')}`;

export const schemas = (namespace: string) => ({
  engine: `${namespace}_conversation_engine`,
  admin: `${namespace}_admin_api`,
  baseline: `${namespace}_baseline`,
});

export const baselineNames = (namespace: string) => ({
  stream: `${namespace}_BASELINE`,
  subject: `${namespace}.baseline.inbound`,
  consumer: 'baseline-consumer',
  queue: `${namespace}_baseline-outbound`,
});

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function attempt(what: string, work: () => Promise<unknown>, problems: string[]) {
  try {
    await bounded(work(), 15_000, what);
  } catch (error) {
    problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function cleanupNamespace(namespace: string): Promise<string[]> {
  const problems: string[] = [];
  const t = topology(namespace);
  const b = baselineNames(namespace);
  await attempt(
    'delete streams',
    async () => {
      const nc = await connect({ servers: infra.natsUrl, timeout: 5_000 });
      try {
        const jsm = await jetstreamManager(nc);
        for (const stream of [t.inboundStream, t.deliveryStream, b.stream]) await jsm.streams.delete(stream).catch(() => undefined);
      } finally {
        await nc.close();
      }
    },
    problems,
  );
  await attempt(
    'obliterate queues and keys',
    async () => {
      const redis = new Redis(infra.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
      await redis.connect();
      try {
        for (const name of [t.outboundQueue, t.mediaDownloadQueue, b.queue]) {
          const queue = new Queue(name, { connection: redis });
          await queue.obliterate({ force: true }).catch(() => undefined);
          await queue.close();
        }
        // BullMQ's keys are `bull:<queue>:*`; the sender's own are `<ns>:*`.
        for (const pattern of [`${namespace}:*`, `bull:${namespace}_*`]) {
          let cursor = '0';
          do {
            const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
            cursor = nextCursor;
            if (keys.length > 0) await redis.del(...keys);
          } while (cursor !== '0');
        }
      } finally {
        redis.disconnect();
      }
    },
    problems,
  );
  await attempt(
    'drop schemas',
    async () => {
      const client = new pg.Client({ connectionString: infra.databaseUrl });
      await client.connect();
      try {
        for (const schema of Object.values(schemas(namespace))) await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
    problems,
  );
  return problems;
}
