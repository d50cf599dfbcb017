import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import {
  isBsuid,
  messageSender,
  partitionOf,
  studentKey,
  topology,
  type InboundMessageReceivedV1,
  type OutboundSendResultV1,
} from '@app/contracts';
import { createDb, dropSchema, migrateToLatest, type Kysely } from '@app/db';
import { createLogger } from '@app/logging';
import { jetStreamClient, publishEvent } from '@app/messaging';
import type { buildTextMessage } from '@app/testing';
import { namespacedSchemas, newNamespace, pollUntil, startSystem, testInfra, type RunningSystem } from '@app/testing';
import { engineSchema, readEngineConfig } from '../src/config';
import { migrations } from '../src/db/migrations';
import type { EngineDatabase } from '../src/db/database';
import { startEngine, type EngineHooks, type RunningEngine } from '../src/engine';
import { adminRpc, type AdminRpc } from './admin-rpc';

/** Silent, unless ENGINE_TEST_LOG_LEVEL (warn, debug...) asks to see the engine's logs while debugging a test. */
export const silentLog = createLogger({ service: 'test', level: process.env.ENGINE_TEST_LOG_LEVEL ?? 'silent' });

/** One isolated engine world: its own schema, streams, consumers and queue. */
export async function createEngineHarness() {
  const namespace = newNamespace();
  const t = topology(namespace);
  const schema = engineSchema(namespace);
  const db: Kysely<EngineDatabase> = createDb<EngineDatabase>({ url: testInfra.databaseUrl, schema, max: 4 });
  await migrateToLatest(db, schema, migrations);
  const nc: NatsConnection = await connect({ servers: testInfra.natsUrl });
  const js = jetStreamClient(nc);
  const redis = new Redis(testInfra.redisUrl, { maxRetriesPerRequest: null });
  // Sends and mark-reads share the outbound queue; downloads have their own.
  const queue = new Queue(t.outboundQueue, { connection: redis });
  const mediaQueue = new Queue(topology(namespace).mediaDownloadQueue, { connection: redis });
  const engines: RunningEngine[] = [];
  const systems: RunningSystem[] = [];

  const env = {
    NAMESPACE: namespace,
    DATABASE_URL: testInfra.databaseUrl,
    NATS_URL: testInfra.natsUrl,
    REDIS_URL: testInfra.redisUrl,
    CONVERSATION_ENGINE_PORT: '0',
    ENGINE_ACK_WAIT_MS: '1000',
    ENGINE_RELAY_INTERVAL_MS: '200',
    // A killed engine's partitions are taken over quickly.
    ENGINE_PARTITION_LEASE_MS: '2000',
  };

  return {
    namespace,
    t,
    db,
    js,
    queue,
    mediaQueue,
    env,
    /** Starts an engine; `overrides` changes its environment (a faster support sweep, say). */
    async start(hooks: EngineHooks = {}, overrides: Record<string, string> = {}) {
      const engine = await startEngine(readEngineConfig({ ...env, ...overrides }), silentLog, hooks);
      engines.push(engine);
      return engine;
    },
    async publishMessage(
      message: ReturnType<typeof buildTextMessage> | Record<string, unknown>,
      opts: { msgID?: string; profileName?: string; username?: string } = {},
    ) {
      const m = message as InboundMessageReceivedV1['data']['message'];
      const event: InboundMessageReceivedV1 = {
        id: m.id,
        type: 'whatsapp.inbound.message.received',
        version: 1,
        occurredAt: new Date().toISOString(),
        correlationId: randomUUID(),
        data: {
          phoneNumberId: '100000000000001',
          profileName: opts.profileName ?? 'Test Student',
          ...(opts.username ? { username: opts.username } : {}),
          message: m,
        },
      };
      // Partitioned as the gateway does: by the BSUID when the payload carries one, else by the phone.
      const subject = t.inboundSubject(partitionOf(studentKey(messageSender(m))), 'message');
      if (opts.msgID) {
        // A different msgID simulates Meta redelivering after JetStream's duplicate window has passed.
        await js.publish(subject, JSON.stringify(event), { msgID: opts.msgID });
      } else {
        await publishEvent(js, subject, event);
      }
      return event;
    },
    /**
     * Other services as real processes (startSystem) in this harness's namespace, beside the engine in process.
     * close() stops them and removes what they kept under the namespace (admin-api's schema, the sender's keys).
     */
    async startSystem(services: NonNullable<Parameters<typeof startSystem>[0]>['services']) {
      const system = await startSystem({ services, env: { NAMESPACE: namespace } });
      systems.push(system);
      return system;
    },
    /** Waits until an engine (maybe in another process) has created the consumers. */
    async consumersReady() {
      const jsm = await jetstreamManager(nc);
      await pollUntil(
        async () => {
          const info = await jsm.consumers.info(t.deliveryStream, t.deliveryConsumer).catch(() => undefined);
          return info !== undefined;
        },
        { message: 'engine consumers', timeoutMs: 20_000 },
      );
    },
    /** Waits until `replicas` engines share every inbound partition (their leases have settled). */
    async partitionsShared(replicas: number) {
      await pollUntil(
        async () => {
          const rows = await db
            .selectFrom('partition_leases')
            .select(['owner'])
            .where('owner', 'is not', null)
            .where('expires_at', '>', new Date())
            .execute();
          return rows.length === t.partitions && new Set(rows.map((r) => r.owner)).size === replicas;
        },
        { message: `partitions shared by ${replicas} engines`, timeoutMs: 20_000 },
      );
    },
    async publishSendResult(data: OutboundSendResultV1['data']) {
      const event: OutboundSendResultV1 = {
        id: `${data.messageId}:result`,
        type: 'whatsapp.outbound.send.result',
        version: 1,
        occurredAt: new Date().toISOString(),
        correlationId: randomUUID(),
        data,
      };
      await publishEvent(js, t.deliveryResultSubject, event);
    },
    /** A student's conversation and history, the student named by phone digits or business-scoped user id. */
    async conversationRows(student: string) {
      const conversation = await db
        .selectFrom('conversations')
        .selectAll()
        .where(isBsuid(student) ? 'user_id' : 'phone_number', '=', student)
        .executeTakeFirst();
      const messages = conversation
        ? await db.selectFrom('messages').selectAll().where('conversation_id', '=', conversation.id).orderBy('seq').execute()
        : [];
      return { conversation, messages };
    },
    async close() {
      // system.stop() cleans the namespace startSystem made up, not this one the processes worked in.
      const systemsRan = systems.length > 0;
      for (const system of systems.splice(0)) await system.stop();
      for (const engine of engines.splice(0)) await engine.stop();
      for (const q of [queue, mediaQueue]) {
        await q.obliterate({ force: true }).catch(() => undefined);
        await q.close();
      }
      if (systemsRan) {
        const keys = await redis.keys(`${namespace}:*`);
        if (keys.length > 0) await redis.del(...keys);
        for (const other of namespacedSchemas(namespace)) await dropSchema(db, other);
      }
      await redis.quit();
      const jsm = await jetstreamManager(nc);
      await jsm.streams.delete(t.inboundStream).catch(() => undefined);
      await jsm.streams.delete(t.deliveryStream).catch(() => undefined);
      await nc.close();
      await dropSchema(db, schema);
      await db.destroy();
    },
  };
}

export type EngineHarness = Awaited<ReturnType<typeof createEngineHarness>>;

/**
 * Before each test of the calling describe block (or once before them all, with `once`): a fresh harness, one
 * engine started with `engine.hooks` and `engine.env` overrides (none with `start: false`, for tests that start
 * their own) and admin-api's RPC client, handed to `ready`; both closed after the test (or the block). A test
 * clock is reset in a beforeEach written before the call.
 */
export function useEngineWithAdmin(
  ready: (world: { h: EngineHarness; admin: AdminRpc }) => void,
  engine: { hooks?: EngineHooks; env?: Record<string, string>; start?: boolean; once?: boolean } = {},
) {
  let h: EngineHarness | undefined;
  let admin: AdminRpc | undefined;
  (engine.once ? beforeAll : beforeEach)(async () => {
    h = await createEngineHarness();
    if (engine.start !== false) await h.start(engine.hooks, engine.env);
    admin = await adminRpc(h.t);
    ready({ h, admin });
  });
  (engine.once ? afterAll : afterEach)(async () => {
    await admin?.close();
    await h?.close();
    h = admin = undefined;
  });
}
