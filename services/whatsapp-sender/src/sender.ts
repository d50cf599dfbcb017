import { Queue, type Worker } from 'bullmq';
import express from 'express';
import { Redis } from 'ioredis';
import { senderTopology, topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import { connectNats, ensureStream, streamSpecs, manager, pingNats, type NatsConnection } from '@app/messaging';
import { createMetricsRegistry, listen, logConnectionTransitions, opsRouter, shutdown, type RunningServer, type ShutdownStep } from '@app/runtime';
import { createGraphHttp, type HttpRequest } from './adapters/graph-http';
import { startMediaWorker } from './adapters/media-download.worker';
import { startSendWorker } from './adapters/send-message.worker';
import { startSenderRpc } from './adapters/sender-rpc.responder';
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

export async function startSender(config: Readonly<SenderConfig>, log: Logger, overrides: SenderOverrides = {}): Promise<RunningSender> {
  const names = senderTopology(config.NAMESPACE);
  let nc: NatsConnection | undefined;
  let redis: Redis | undefined;
  let graph: ReturnType<typeof createGraphHttp> | undefined;
  let queues: Queue[] = [];
  let workers: Worker[] = [];
  let background: { stop(): Promise<void> }[] = [];
  let server: RunningServer | undefined;
  let stopping: Promise<boolean> | undefined;
  // shutdown() runs these last to first: stop taking jobs and finish the ones in flight, stop the probe and
  // admin requests, close the Graph API connections (nothing calls Meta any more), drain NATS (results are
  // published by then), quit Redis, and close HTTP last so /healthz answers until the end.
  const steps: ShutdownStep[] = [
    { name: 'http', run: () => server?.close() },
    // quit() waits for an answer that never comes from a Redis that is down; then just drop the socket.
    { name: 'redis', run: () => (redis?.status === 'ready' ? redis.quit() : redis?.disconnect()) },
    { name: 'queues', run: () => Promise.all(queues.map((q) => q.close())) },
    { name: 'nats', run: () => nc?.drain() },
    { name: 'graph api connections', run: () => graph?.close() },
    { name: 'rpc and probe', run: () => Promise.all(background.map((b) => b.stop())) },
    { name: 'workers', run: () => Promise.all(workers.map((w) => w.close())) },
  ];

  try {
    nc = await connectNats(config.NATS_URL, SERVICE, log);
    // The engine ensures the same stream with the same settings; whichever starts first creates it.
    await ensureStream(await manager(nc), streamSpecs(topology(config.NAMESPACE)).delivery);
    // Commands wait through a Redis restart instead of failing (BullMQ workers require it).
    redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    logConnectionTransitions(redis, 'redis', log);
    await within(redis.ping(), 5_000, `redis at ${config.REDIS_URL} did not answer`);
    const outbound = new Queue(names.outboundQueue, { connection: redis });
    const mediaQueue = new Queue(names.mediaDownloadQueue, { connection: redis });
    queues = [outbound, mediaQueue];

    let http = overrides.http;
    if (!http) {
      graph = createGraphHttp();
      http = graph.request;
    }
    const registry = createMetricsRegistry(SERVICE);
    const deps = composeSender(config, { nc, redis, outbound, media: mediaQueue, registry, names, http }, log);

    const app = express();
    app.disable('x-powered-by');
    const readyRedis = redis;
    const readyNats = nc;
    app.use(
      opsRouter({
        registry,
        checks: [
          { name: 'redis', check: async () => void (await readyRedis.ping()) },
          { name: 'nats', check: () => pingNats(readyNats) },
        ],
        isShuttingDown: () => stopping !== undefined,
      }),
    );
    server = await listen(app, config.WHATSAPP_SENDER_PORT);

    const timing = { connection: redis, lockDurationMs: config.SENDER_LOCK_DURATION_MS, stalledIntervalMs: config.SENDER_STALLED_INTERVAL_MS, backoffBaseMs: config.SENDER_BACKOFF_MS, log };
    workers = [
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
    await Promise.all(workers.map((w) => w.waitUntilReady()));
    background = [
      startSenderRpc({ nc, names, handlers: deps.rpc, log }),
      startTokenProbeLoop({
        intervalMs: config.SENDER_PROBE_INTERVAL_MS,
        probe: () => probeToken(deps.send, { intervalMs: config.SENDER_PROBE_INTERVAL_MS, log }),
        log,
      }),
    ];
    // Jobs start last, as startSender returns: runService installs the SIGTERM handling when it resolves,
    // before a first job can arrive from Redis, so a job in flight always gets the graceful shutdown.
    for (const worker of workers) worker.run().catch((error: unknown) => log.error({ err: error, queue: worker.name }, 'worker stopped taking jobs'));
  } catch (error) {
    await shutdown(steps, log);
    throw error;
  }

  const running = server;
  log.info({ port: running.port, queue: names.outboundQueue, mediaQueue: names.mediaDownloadQueue, namespace: names.namespace || undefined }, 'whatsapp-sender started');
  return {
    port: running.port,
    url: running.url,
    stop: () => (stopping ??= shutdown(steps, log)),
  };
}
