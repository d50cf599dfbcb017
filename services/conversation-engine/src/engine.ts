import { randomUUID } from 'node:crypto';
import express from 'express';
import { redisSettings } from '@app/config';
import { topology } from '@app/contracts';
import { createDb, pingDb } from '@app/db';
import type { Logger } from '@app/logging';
import {
  connectNats,
  createConsumerHealth,
  engineConsumerTopologies,
  ensurePullConsumer,
  ensureStream,
  jetStreamClient,
  manager,
  pingNats,
  startBatchLoop,
  streamSpecs,
} from '@app/messaging';
import {
  closeRedis,
  createCoalescer,
  createLifecycle,
  createRedisClient,
  createMetricsRegistry,
  listen,
  logConnectionTransitions,
  opsRouter,
  type Lifecycle,
  type RunningService,
} from '@app/runtime';
import { engineSchema, type EngineConfig } from './config';
import type { EngineDatabase } from './db/database';
import { createAfterCommit } from './adapters/after-commit';
import { openOutboxSummary } from './db/repositories/outbox.repository';
import { createEngineMetrics } from './adapters/metrics';
import { cachedBotContent } from './db/repositories/bot-content.repository';
import { deliveryBatchHandler } from './adapters/nats/delivery.consumer';
import { createEventPublisher } from './adapters/nats/engine-events.publisher';
import { engineRpcHandlers } from './adapters/nats/engine-rpc.handlers';
import { startEngineRpcServer } from './adapters/nats/engine-rpc.server';
import { inboundBatchHandler } from './adapters/nats/inbound.consumer';
import { inboundPartitionRunner } from './adapters/nats/inbound-partitions';
import { parkedReplay } from './adapters/nats/parked-replay';
import { startPartitionLeases } from './adapters/partition-leases';
import { startOutboxRelay } from './adapters/queue/outbox-relay.loop';
import { createOutboundQueues } from './adapters/queue/outbound-queues';
import { startPeriodicTask } from './adapters/periodic-task';
import { pruneDedupe } from './use-cases/retention/prune-dedupe';
import { createMediaStore } from '@app/media-store';
import { purgeExpiredHistory, RETENTION_INTERVAL_MS } from './use-cases/retention/purge-expired-history';
import { retentionMetrics } from './adapters/retention-metrics';
import { parkFailedEvent, type ParkRequest } from './use-cases/parked/park-event';
import { processInboundBatches, type PartitionBatch } from './use-cases/inbound/process-inbound-batch';
import { recordDeliveryBatch } from './use-cases/delivery/record-delivery-batch';
import { recordMediaOutcome } from './use-cases/delivery/record-media-outcome';
import { recordReadResult } from './use-cases/delivery/record-read-result';
import { recordSendResults } from './use-cases/delivery/record-send-result';
import { recordSendRetrying } from './use-cases/delivery/record-send-retrying';
import { autoAssignAndRefresh } from './use-cases/support/auto-assign-and-refresh';
import { supportStats } from './use-cases/queries/support-stats';
import { sweepSupport } from './use-cases/support/sweep-support';
import { erasedEventPublisher } from './adapters/nats/erased-events';
import { senderJobRemover } from './adapters/queue/remove-sender-jobs';

export interface EngineHooks {
  /** Runs after an inbound event's transaction committed, before its ack. Tests use it to die right there. */
  afterCommit?: (eventId: string) => Promise<void>;
  /**
   * The clock the bot and the support lifecycle decide with (receipt throttling, the 24-hour window, queue
   * notices, auto-end, stats); tests move it forward instead of waiting. The outbox relay keeps real time.
   */
  now?: () => Date;
}

export interface RunningEngine extends RunningService {
  port: number;
  url: string;
}

/**
 * Starts the engine; each resource is registered with `lifecycle` as it opens, so a start that fails
 * half-way (NATS down, the port taken after the consumers started) closes exactly what it had opened.
 * runService passes its own lifecycle; tests use the default and stop().
 */
export function startEngine(
  config: EngineConfig,
  log: Logger,
  hooks: EngineHooks = {},
  lifecycle: Lifecycle = createLifecycle(log),
): Promise<RunningEngine> {
  lifecycle.setDrainMs(config.SHUTDOWN_DRAIN_MS);
  return lifecycle.boot(() => openEngine(config, log, hooks, lifecycle));
}

// Close steps run last registered first: the listener, admin requests and sweeps, the consumers (in-flight
// batches finish), the relay, then NATS, the queues, Redis and Postgres that all of those used.
async function openEngine(config: EngineConfig, log: Logger, hooks: EngineHooks, lifecycle: Lifecycle): Promise<RunningEngine> {
  const t = topology(config.NAMESPACE);
  const db = createDb<EngineDatabase>({
    url: config.DATABASE_URL,
    schema: engineSchema(config.NAMESPACE),
    applicationName: 'conversation-engine',
    max: config.ENGINE_DB_POOL_SIZE,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    // The inbound batch's fence and claim, and the send results' claim: planned once (docs/performance.md).
    prepareMarked: true,
    log,
  });
  lifecycle.onClose('postgres', () => db.destroy());
  const redis = createRedisClient(redisSettings(config), { maxRetriesPerRequest: null });
  lifecycle.onClose('redis', () => closeRedis(redis));
  logConnectionTransitions(redis, 'redis', log);
  const nc = await connectNats(config.NATS_URL, 'conversation-engine', log);
  lifecycle.onClose('nats', () => nc.drain());
  const jsm = await manager(nc);
  const consumerTopology = engineConsumerTopologies(t, {
    ackWaitMs: config.ENGINE_ACK_WAIT_MS,
    inboundMaxAckPending: config.ENGINE_INBOUND_BATCH,
    deliveryMaxAckPending: 4 * config.ENGINE_DELIVERY_BATCH,
    streamReplicas: config.JETSTREAM_REPLICAS,
  });
  // The loops re-create a lost stream from the same specs (JETSTREAM_REPLICAS included).
  const streams = streamSpecs(t, { replicas: config.JETSTREAM_REPLICAS });
  await ensureStream(jsm, streams.inbound);
  await ensureStream(jsm, streams.delivery);
  for (let p = 0; p < t.partitions; p++) {
    // A partition hands out one batch at a time; only the replica holding its lease pulls from it.
    await ensurePullConsumer(jsm, consumerTopology.inbound(p).consumer);
  }
  await ensurePullConsumer(jsm, consumerTopology.delivery.consumer);
  // The loops re-create a consumer lost at runtime from the same specs; /readyz is 503 while one is missing.
  const consumerHealth = createConsumerHealth();
  const js = jetStreamClient(nc);

  const now = () => new Date();
  const queues = createOutboundQueues(redis, t);
  lifecycle.onClose('queues', () => queues.close());
  // onParked runs after a database round trip, long after `metrics` below is defined.
  const relay = startOutboxRelay(
    { db, enqueue: queues.enqueue, now, newId: randomUUID, onParked: (source) => metrics.parked(source) },
    log,
    {
      intervalMs: config.ENGINE_RELAY_INTERVAL_MS,
      staleAfterMs: config.ENGINE_RELAY_STALE_AFTER_MS,
    },
  );
  lifecycle.onClose('relay', () => relay.stop());

  const support = { db, now: hooks.now ?? now, newId: randomUUID };
  const registry = createMetricsRegistry('conversation-engine');
  const metrics = createEngineMetrics(
    registry,
    { supportStats: () => supportStats(support), openOutbox: () => openOutboxSummary(db), now: support.now },
    log,
  );
  const observe = (stream: 'inbound' | 'delivery'): Pick<Parameters<typeof startBatchLoop>[0], 'onSettled' | 'onRetry'> => ({
    onSettled: (_msg, disposition) => metrics.settled(stream, disposition.kind),
    onRetry: (_msg, disposition) => metrics.retried(stream, disposition.reason),
  });
  const afterCommit = createAfterCommit({
    publisher: createEventPublisher({ nc, topology: t, db, log }),
    kickRelay: relay.kick,
    queueTaken: relay.queueTaken,
    refreshQueue: async () => (await autoAssignAndRefresh(support)).changes,
    log,
  });

  const park = (request: ParkRequest) => parkFailedEvent({ db, newId: randomUUID, log, onParked: metrics.parked }, request);
  const retry = {
    maxAttempts: config.ENGINE_EVENT_MAX_ATTEMPTS,
    baseMs: config.ENGINE_EVENT_RETRY_BASE_MS,
    capMs: Math.min(30_000, config.ENGINE_ACK_WAIT_MS / 2),
  };

  const owner = randomUUID();
  const inbound = { ...support, content: cachedBotContent() };
  // Few batch transactions at once, each taking what every partition gathered meanwhile: one bigger batch
  // costs far fewer statements per event than many small ones side by side.
  const runBatches = async (batches: PartitionBatch[]) => {
    const { outcome: results, changes } = await processInboundBatches(inbound, owner, batches);
    const done = batches.filter((_, i) => results[i]?.leaseLost === false);
    for (const { events } of done) for (const e of events) await hooks.afterCommit?.(e.event.id);
    await afterCommit(changes);
    return results;
  };
  const inboundTurns = createCoalescer({ concurrency: config.ENGINE_INBOUND_CONCURRENCY, run: runBatches });
  const partitionHandler = (partition: number) =>
    inboundBatchHandler({
      process: (events) => inboundTurns.submit({ partition, events }),
      processAlone: (events) => inboundTurns.submit({ partition, events }, { alone: true }),
      onHandled: metrics.inboundHandled,
      park,
      retry,
      log,
    });
  // One step for both consumers, so they stop side by side; each joins it as it starts.
  const consumers: { stop(): Promise<void> }[] = [];
  lifecycle.onClose('consumers', () => Promise.all(consumers.map((c) => c.stop())));
  const leases = await startPartitionLeases({
    db,
    owner,
    partitions: t.partitions,
    ttlMs: config.ENGINE_PARTITION_LEASE_MS,
    runner: inboundPartitionRunner({
      js,
      jsm,
      topology: consumerTopology.inbound,
      health: consumerHealth,
      flush: () => nc.flush(),
      ackWaitMs: config.ENGINE_ACK_WAIT_MS,
      maxBatch: config.ENGINE_INBOUND_BATCH,
      handler: partitionHandler,
      observe: observe('inbound'),
      log,
    }),
    log,
  });
  consumers.push(leases);
  let replayDelivery: ((subject: string, body: string) => Promise<void>) | undefined;
  const delivery = startBatchLoop({
    js,
    jsm,
    topology: consumerTopology.delivery,
    health: consumerHealth,
    maxBatch: config.ENGINE_DELIVERY_BATCH,
    flush: () => nc.flush(),
    handler: deliveryBatchHandler({
      names: t,
      recordSendResults,
      recordSendRetrying,
      recordReadResult,
      recordMediaOutcome,
      recordBatch: (steps) => recordDeliveryBatch(support, steps),
      afterCommit,
      park,
      retry,
      onReplayReady: (replay) => (replayDelivery = replay),
      log,
    }),
    log,
    ...observe('delivery'),
  });
  consumers.push(delivery);
  const template = {
    name: config.WHATSAPP_REENGAGEMENT_TEMPLATE,
    language: config.WHATSAPP_REENGAGEMENT_TEMPLATE_LANGUAGE,
    params: config.WHATSAPP_REENGAGEMENT_TEMPLATE_PARAMS,
  };
  // An admin's retry of a parked event: alone, under whichever replica holds its partition now.
  const replayParked = parkedReplay({
    db,
    processInbound: async (holder, partition, events) => {
      const [result] = (await processInboundBatches(inbound, holder, [{ partition, events }])).outcome;
      if (result && !result.leaseLost) await afterCommit(result.changes);
      return result ?? { leaseLost: true };
    },
    delivery: () => replayDelivery,
    log,
  });
  // Erasure (issue 15): the student's jobs leave the sender's queues; a second pass catches a relay's late add.
  const studentDataPorts = {
    removeSenderJobs: senderJobRemover(queues.queues, log, { secondPassAfterMs: 10_000 }),
    publishErased: erasedEventPublisher({ nc, topology: t, log }),
  };
  const rpc = startEngineRpcServer({
    nc,
    topology: t,
    handlers: engineRpcHandlers({ ...support, ...studentDataPorts, template, replayParked }),
    afterCommit,
    log,
    limits: { concurrency: config.ENGINE_RPC_CONCURRENCY },
  });
  lifecycle.onClose('rpc', () => rpc.stop());
  const sweep = startPeriodicTask('support sweep', () => sweepSupport(support, afterCommit), log, {
    intervalMs: config.ENGINE_SUPPORT_SWEEP_INTERVAL_MS,
  });
  lifecycle.onClose('support sweep', () => sweep.stop());
  // Hourly, first a minute after start: pruning is housekeeping, never urgent.
  const retention = startPeriodicTask(
    'retention sweep',
    () => pruneDedupe({ db, now, retentionDays: config.ENGINE_DEDUPE_RETENTION_DAYS }),
    log,
    {
      intervalMs: 60 * 60_000,
      firstAfterMs: 60_000,
    },
  );
  lifecycle.onClose('retention sweep', () => retention.stop());
  // History retention (issue 15): off until an admin sets a period; a few batches of due conversations per run.
  const mediaStore = createMediaStore(config);
  const historyDeleted = retentionMetrics(registry);
  const history = startPeriodicTask(
    'history retention',
    async () => {
      const deleted = await purgeExpiredHistory({ db, now: support.now, mediaStore });
      historyDeleted(deleted);
      return deleted;
    },
    log,
    { intervalMs: RETENTION_INTERVAL_MS },
  );
  lifecycle.onClose('history retention', () => history.stop());

  const app = express();
  app.disable('x-powered-by');
  app.use(
    opsRouter({
      registry,
      isShuttingDown: lifecycle.isShuttingDown,
      checks: [
        { name: 'postgres', check: () => pingDb(db) },
        { name: 'nats', check: () => pingNats(nc) },
        consumerHealth.readiness(),
        { name: 'redis', check: async () => void (await redis.ping()) },
      ],
    }),
  );
  const server = await listen(app, config.CONVERSATION_ENGINE_PORT);
  lifecycle.onClose('http', () => server.close(2_000));
  log.info({ port: server.port, partitions: t.partitions, held: leases.held(), replica: owner }, 'conversation-engine running');

  // A second stop (a signal during a test's own stop, say) waits for the first one.
  return { port: server.port, url: server.url, stop: lifecycle.stop };
}
