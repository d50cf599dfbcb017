import { randomUUID } from 'node:crypto';
import express from 'express';
import { Redis } from 'ioredis';
import { senderTopology, topology } from '@app/contracts';
import { createDb, pingDb } from '@app/db';
import type { Logger } from '@app/logging';
import { connectNats, ensurePullConsumer, ensureStream, jetStreamClient, manager, pingNats, startBatchLoop, streamSpecs } from '@app/messaging';
import { createCoalescer, createMetricsRegistry, listen, logConnectionTransitions, opsRouter, shutdown, type RunningService } from '@app/runtime';
import { engineSchema, type EngineConfig } from './config';
import type { EngineDatabase } from './adapters/db/database';
import { createAfterCommit } from './adapters/after-commit';
import { openOutboxSummary } from './adapters/db/outbox.repository';
import { createEngineMetrics } from './adapters/metrics';
import { cachedBotContent } from './adapters/db/bot-content.repository';
import { deliveryBatchHandler } from './adapters/nats/delivery.consumer';
import { createEventPublisher } from './adapters/nats/engine-events.publisher';
import { engineRpcHandlers } from './adapters/nats/engine-rpc.handlers';
import { startEngineRpcServer } from './adapters/nats/engine-rpc.server';
import { inboundBatchHandler } from './adapters/nats/inbound.consumer';
import { inboundPartitionRunner } from './adapters/nats/inbound-partitions';
import { parkedReplay } from './adapters/nats/parked-replay';
import { startPartitionLeases } from './adapters/partition-leases';
import { startOutboxRelay } from './adapters/queue/outbox-relay';
import { createOutboundQueues } from './adapters/queue/outbound-queues';
import { startPeriodicTask } from './adapters/periodic-task';
import { pruneDedupe } from './use-cases/prune-dedupe';
import { mergeChanges } from './use-cases/changes';
import { parkFailedEvent, type ParkRequest } from './use-cases/park-event';
import { processInboundBatches, type PartitionBatch } from './use-cases/process-inbound-batch';
import { recordDeliveryBatch } from './use-cases/record-delivery-batch';
import { recordMediaOutcome } from './use-cases/record-media-outcome';
import { recordReadResult } from './use-cases/record-read-result';
import { recordSendResults } from './use-cases/record-send-result';
import { refreshQueuePositions } from './use-cases/support/refresh-queue-positions';
import { supportStats } from './use-cases/queries/support-stats';
import { sweepSupport } from './use-cases/support/sweep-support';

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

export async function startEngine(config: EngineConfig, log: Logger, hooks: EngineHooks = {}): Promise<RunningEngine> {
  const t = topology(config.NAMESPACE);
  const db = createDb<EngineDatabase>({ url: config.DATABASE_URL, schema: engineSchema(config.NAMESPACE), applicationName: 'conversation-engine', max: config.ENGINE_DB_POOL_SIZE });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  logConnectionTransitions(redis, 'redis', log);
  const nc = await connectNats(config.NATS_URL, 'conversation-engine', log);
  const jsm = await manager(nc);
  await ensureStream(jsm, streamSpecs(t).inbound);
  await ensureStream(jsm, streamSpecs(t).delivery);
  for (let p = 0; p < t.partitions; p++) {
    // A partition hands out one batch at a time; only the replica holding its lease pulls from it.
    await ensurePullConsumer(jsm, { stream: t.inboundStream, durable: t.inboundConsumer(p), filterSubject: t.inboundPartitionFilter(p), ackWaitMs: config.ENGINE_ACK_WAIT_MS, maxAckPending: config.ENGINE_INBOUND_BATCH });
  }
  await ensurePullConsumer(jsm, { stream: t.deliveryStream, durable: t.deliveryConsumer, filterSubject: t.deliveryStreamSubjects, ackWaitMs: config.ENGINE_ACK_WAIT_MS, maxAckPending: 4 * config.ENGINE_DELIVERY_BATCH });
  const js = jetStreamClient(nc);

  const now = () => new Date();
  const names = senderTopology(config.NAMESPACE);
  const queues = createOutboundQueues(redis, names);
  const relay = startOutboxRelay({ db, enqueue: queues.enqueue, now }, log, {
    intervalMs: config.ENGINE_RELAY_INTERVAL_MS,
    staleAfterMs: config.ENGINE_RELAY_STALE_AFTER_MS,
  });

  const support = { db, now: hooks.now ?? now, newId: randomUUID };
  const registry = createMetricsRegistry('conversation-engine');
  const metrics = createEngineMetrics(registry, { supportStats: () => supportStats(support), openOutbox: () => openOutboxSummary(db), now: support.now }, log);
  const observe = (stream: 'inbound' | 'delivery'): Pick<Parameters<typeof startBatchLoop>[0], 'onSettled' | 'onRetry'> => ({
    onSettled: (_msg, disposition) => metrics.settled(stream, disposition.kind),
    onRetry: (_msg, disposition) => metrics.retried(stream, disposition.reason),
  });
  const afterCommit = createAfterCommit({
    publisher: createEventPublisher({ nc, topology: t, db, log }),
    kickRelay: relay.kick,
    refreshQueue: () => refreshQueuePositions(support),
    log,
  });

  const park = (request: ParkRequest) => parkFailedEvent({ db, newId: randomUUID, log, onParked: metrics.parked }, request);
  const retry = { maxAttempts: config.ENGINE_EVENT_MAX_ATTEMPTS, baseMs: config.ENGINE_EVENT_RETRY_BASE_MS, capMs: Math.min(30_000, config.ENGINE_ACK_WAIT_MS / 2) };

  const owner = randomUUID();
  const inbound = { ...support, content: cachedBotContent() };
  // Few batch transactions at once, each taking what every partition gathered meanwhile: one bigger batch
  // costs far fewer statements per event than many small ones side by side.
  const runBatches = async (batches: PartitionBatch[]) => {
    const results = await processInboundBatches(inbound, owner, batches);
    const done = results.flatMap((result, i) => (result.leaseLost ? [] : [{ result, events: batches[i]!.events }]));
    for (const { events } of done) for (const e of events) await hooks.afterCommit?.(e.event.id);
    await afterCommit(mergeChanges(...done.map((d) => d.result.changes)));
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
  const leases = await startPartitionLeases({
    db,
    owner,
    partitions: t.partitions,
    ttlMs: config.ENGINE_PARTITION_LEASE_MS,
    runner: inboundPartitionRunner({
      js,
      jsm,
      stream: t.inboundStream,
      durable: t.inboundConsumer,
      flush: () => nc.flush(),
      ackWaitMs: config.ENGINE_ACK_WAIT_MS,
      maxBatch: config.ENGINE_INBOUND_BATCH,
      handler: partitionHandler,
      observe: observe('inbound'),
      log,
    }),
    log,
  });
  let replayDelivery: ((subject: string, body: string) => Promise<void>) | undefined;
  const delivery = startBatchLoop({
    js,
    stream: t.deliveryStream,
    durable: t.deliveryConsumer,
    maxBatch: config.ENGINE_DELIVERY_BATCH,
    flush: () => nc.flush(),
    handler: deliveryBatchHandler({
      names,
      recordSendResults,
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
  const template = {
    name: config.WHATSAPP_REENGAGEMENT_TEMPLATE,
    language: config.WHATSAPP_REENGAGEMENT_TEMPLATE_LANGUAGE,
    params: config.WHATSAPP_REENGAGEMENT_TEMPLATE_PARAMS,
  };
  // An admin's retry of a parked event: alone, under whichever replica holds its partition now.
  const replayParked = parkedReplay({
    db,
    processInbound: async (holder, partition, events) => {
      const [result] = await processInboundBatches(inbound, holder, [{ partition, events }]);
      if (result && !result.leaseLost) await afterCommit(result.changes);
      return result ?? { leaseLost: true };
    },
    delivery: () => replayDelivery,
    log,
  });
  const rpc = startEngineRpcServer({ nc, topology: t, handlers: engineRpcHandlers({ ...support, template, replayParked }), afterCommit, log });
  const sweep = startPeriodicTask('support sweep', () => sweepSupport(support, afterCommit), log, { intervalMs: config.ENGINE_SUPPORT_SWEEP_INTERVAL_MS });
  // Hourly, first a minute after start: pruning is housekeeping, never urgent.
  const retention = startPeriodicTask('retention sweep', () => pruneDedupe({ db, now, retentionDays: config.ENGINE_DEDUPE_RETENTION_DAYS }), log, {
    intervalMs: 60 * 60_000,
    firstAfterMs: 60_000,
  });

  let stopped: Promise<boolean> | undefined;
  const app = express();
  app.disable('x-powered-by');
  app.use(
    opsRouter({
      registry,
      isShuttingDown: () => stopped !== undefined,
      checks: [
        { name: 'postgres', check: () => pingDb(db) },
        { name: 'nats', check: () => pingNats(nc) },
        { name: 'redis', check: async () => void (await redis.ping()) },
      ],
    }),
  );
  const server = await listen(app, config.CONVERSATION_ENGINE_PORT);
  log.info({ port: server.port, partitions: t.partitions, held: leases.held(), replica: owner }, 'conversation-engine running');

  return {
    port: server.port,
    url: server.url,
    // A second stop (a signal during a test's own stop, say) waits for the first one.
    stop: () =>
      (stopped ??= shutdown(
        [
          { name: 'postgres', run: () => db.destroy() },
          { name: 'redis', run: () => redis.quit() },
          { name: 'queues', run: () => queues.close() },
          { name: 'nats', run: () => nc.drain() },
          { name: 'relay', run: () => relay.stop() },
          { name: 'consumers', run: () => Promise.all([leases.stop(), delivery.stop()]) },
          { name: 'support sweep', run: () => sweep.stop() },
          { name: 'retention sweep', run: () => retention.stop() },
          { name: 'rpc', run: () => rpc.stop() },
          { name: 'http', run: () => server.close(2_000) },
        ],
        log,
      )),
  };
}
