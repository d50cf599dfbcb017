import { Queue, type Worker } from 'bullmq';
import express from 'express';
import { describeRedis, redisSettings } from '@app/config';
import { topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import { connectNats, ensureStream, streamSpecs, manager, pingNats } from '@app/messaging';
import {
  closeRedis,
  createLifecycle,
  createMetricsRegistry,
  createRedisClient,
  listen,
  logConnectionTransitions,
  opsRouter,
  type Lifecycle,
  type RunningServer,
} from '@app/runtime';
import { createGraphHttp, type HttpRequest } from './adapters/cloud-api/graph-http';
import { startSenderRpc } from './adapters/nats/sender-rpc.responder';
import { startMediaWorker } from './adapters/queue/media-download.worker';
import { startSendWorker } from './adapters/queue/send-message.worker';
import { startTokenProbeLoop } from './adapters/token-probe.loop';
import { composeSender } from './compose';
import type { SenderConfig } from './config';
import { downloadMedia } from './use-cases/download-media';
import { markRead } from './use-cases/mark-read';
import { probeToken } from './use-cases/probe-token';
import { rejectInvalidJob } from './use-cases/reject-invalid-job';
import { rejectInvalidMediaJob } from './use-cases/reject-invalid-media-job';
import { reportAbandonedJob } from './use-cases/report-abandoned-job';
import { sendMessage } from './use-cases/send-message';

const SERVICE = 'whatsapp-sender';

export interface RunningSender {
  port: number;
  url: string;
  /** Stops taking jobs, finishes the ones in flight, closes clients. True when everything closed cleanly. */
  stop(): Promise<boolean>;
}

export interface SenderOverrides {
  /** Replaces the Graph API client (its connections are then the caller's to close). */
  http?: HttpRequest;
}

async function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts the sender; each client is registered with `lifecycle` as it opens (runService passes its own). */
export function startSender(
  config: Readonly<SenderConfig>,
  log: Logger,
  overrides: SenderOverrides = {},
  lifecycle: Lifecycle = createLifecycle(log),
): Promise<RunningSender> {
  lifecycle.setDrainMs(config.SHUTDOWN_DRAIN_MS);
  return lifecycle.boot(() => openSender(config, log, overrides, lifecycle));
}

/*
 * Close steps run last registered first: stop taking jobs and finish the ones in flight, stop the probe and
 * admin requests, close the Graph API connections (nothing calls Meta any more), quit Redis, drain NATS
 * (results are published by then), and close HTTP last so /healthz answers until the end.
 */
async function openSender(
  config: Readonly<SenderConfig>,
  log: Logger,
  overrides: SenderOverrides,
  lifecycle: Lifecycle,
): Promise<RunningSender> {
  const names = topology(config.NAMESPACE);
  // Registered first, so it closes last, though the listener opens only once the clients are there.
  let server: RunningServer | undefined = undefined;
  lifecycle.onClose('http', () => server?.close());

  const nc = await connectNats(config.NATS_URL, SERVICE, log);
  lifecycle.onClose('nats', () => nc.drain());
  // The engine ensures the same stream with the same settings; whichever starts first creates it.
  await ensureStream(await manager(nc), streamSpecs(names, { replicas: config.JETSTREAM_REPLICAS }).delivery);
  // Commands wait through a Redis restart instead of failing (BullMQ workers require it).
  const redisAt = redisSettings(config);
  const redis = createRedisClient(redisAt, { maxRetriesPerRequest: null });
  lifecycle.onClose('redis', () => closeRedis(redis));
  logConnectionTransitions(redis, 'redis', log);
  await within(redis.ping(), 5_000, `redis at ${describeRedis(redisAt)} did not answer`);
  const outbound = new Queue(names.outboundQueue, { connection: redis });
  const mediaQueue = new Queue(names.mediaDownloadQueue, { connection: redis });
  lifecycle.onClose('queues', () => Promise.all([outbound.close(), mediaQueue.close()]));

  let http = overrides.http;
  if (!http) {
    const graph = createGraphHttp();
    lifecycle.onClose('graph api connections', () => graph.close());
    http = graph.request;
  }
  const registry = createMetricsRegistry(SERVICE);
  const deps = composeSender(config, { nc, redis, outbound, media: mediaQueue, registry, names, http }, log);

  const app = express();
  app.disable('x-powered-by');
  app.use(
    opsRouter({
      registry,
      checks: [
        { name: 'redis', check: async () => void (await redis.ping()) },
        { name: 'nats', check: () => pingNats(nc) },
      ],
      isShuttingDown: lifecycle.isShuttingDown,
    }),
  );
  const running = await listen(app, config.WHATSAPP_SENDER_PORT);
  server = running;

  const timing = {
    connection: redis,
    lockDurationMs: config.SENDER_LOCK_DURATION_MS,
    stalledIntervalMs: config.SENDER_STALLED_INTERVAL_MS,
    backoffBaseMs: config.SENDER_BACKOFF_MS,
    log,
  };
  // Registered before the workers, so the workers stop taking jobs first; the probe and admin requests
  // (which read the queues and may resume sending) stop once no job is in flight.
  const background: { stop(): Promise<void> }[] = [];
  lifecycle.onClose('rpc and probe', () => Promise.all(background.map((b) => b.stop())));
  const workers: Worker[] = [
    startSendWorker({
      ...timing,
      queueName: names.outboundQueue,
      concurrency: config.SENDER_CONCURRENCY,
      ratePerSecond: config.WHATSAPP_SEND_RATE,
      send: (job, jobLog) => sendMessage(deps.send, { job, log: jobLog }),
      markRead: (job, jobLog) => markRead(deps.send, { job, log: jobLog }),
      reject: (input) => rejectInvalidJob(deps.send, input),
      abandoned: (input) => reportAbandonedJob(deps.send, input),
    }),
    startMediaWorker({
      ...timing,
      queueName: names.mediaDownloadQueue,
      concurrency: config.MEDIA_CONCURRENCY,
      download: (job, jobLog) => downloadMedia(deps.media, { job, log: jobLog }),
      reject: (input) => rejectInvalidMediaJob(deps.media, input),
    }),
  ];
  lifecycle.onClose('workers', () => Promise.all(workers.map((w) => w.close())));
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  background.push(
    startSenderRpc({ nc, names, handlers: deps.rpc, log }),
    startTokenProbeLoop({
      intervalMs: config.SENDER_PROBE_INTERVAL_MS,
      probe: () => probeToken(deps.send, { intervalMs: config.SENDER_PROBE_INTERVAL_MS, log }),
      log,
    }),
  );
  // Jobs start last: a start that fails before this point never took a job it would have to give back.
  for (const worker of workers)
    worker.run().catch((error: unknown) => log.error({ err: error, queue: worker.name }, 'worker stopped taking jobs'));

  log.info(
    { port: running.port, queue: names.outboundQueue, mediaQueue: names.mediaDownloadQueue, namespace: names.namespace || undefined },
    'whatsapp-sender started',
  );
  return { port: running.port, url: running.url, stop: lifecycle.stop };
}
