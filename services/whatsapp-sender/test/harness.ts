import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { topology, WIRE, type MarkReadJobInput, type OutboundSendResultV1, type SendMessageJob } from '@app/contracts';
import { createLogger } from '@app/logging';
import { connectNats, manager, type NatsConnection } from '@app/messaging';
import { newBsuid, newNamespace, newPhone, pollUntil, startFakeCloudApi, testInfra, type FakeCloudApi } from '@app/testing';
import { loadSenderConfig } from '../src/config';
import { startSender, type RunningSender } from '../src/sender';
import { startDeliveryReader, type DeliveryReader } from './delivery-reader';

export const PHONE_NUMBER_ID = '100000000000001';

/** A send job to a student's phone (`to`), as the relay makes it whenever it knows the phone. */
export function buildSendJob(overrides: Partial<SendMessageJob> & { to?: string } = {}): SendMessageJob & { to: string } {
  return {
    version: 1,
    messageId: randomUUID(),
    to: newPhone(),
    message: { kind: 'text', body: 'Your timetable is ready' },
    correlationId: `corr-${randomUUID()}`,
    ...overrides,
  };
}

/** A send job to a student who withholds their number: Meta's `recipient`, their business-scoped user id, and no `to`. */
export function buildBsuidSendJob(overrides: Partial<Omit<SendMessageJob, 'to'>> = {}): SendMessageJob & { recipient: string } {
  return {
    version: 1,
    messageId: randomUUID(),
    recipient: newBsuid(),
    message: { kind: 'text', body: 'Your timetable is ready' },
    correlationId: `corr-${randomUUID()}`,
    ...overrides,
  };
}

export function buildMarkReadJob(overrides: Partial<MarkReadJobInput> = {}): MarkReadJobInput & { requestId: string } {
  return {
    version: 1,
    requestId: randomUUID(),
    to: newPhone(),
    wamid: `wamid.${randomUUID()}`,
    correlationId: `corr-${randomUUID()}`,
    ...overrides,
  };
}

/**
 * One test's world: its own namespace (queues, DELIVERY stream, Redis keys), a fake Cloud API, a media
 * directory, producer-side BullMQ queues, a reader of everything the sender publishes, and the sender's
 * admin RPC as admin-api calls it.
 */
export interface Harness {
  ns: string;
  fake: FakeCloudApi;
  queue: Queue;
  mediaQueue: Queue;
  mediaDir: string;
  /** The environment a sender of this test runs with (in-process or as a child process). */
  env: Record<string, string>;
  /** What the in-process senders logged (JSON lines), for the alerts a test expects. */
  logs: Record<string, unknown>[];
  startSender(extraEnv?: Record<string, string>): Promise<RunningSender>;
  /** Adds a job exactly as the engine's relay does: job name, data, jobId = message id. */
  enqueue(data: unknown, jobId: string): Promise<Job>;
  enqueueMarkRead(data: unknown, jobId: string): Promise<Job>;
  enqueueMedia(data: unknown, jobId: string): Promise<Job>;
  /** Waits for the (first) send result of one message. */
  resultFor(messageId: string, timeoutMs?: number): Promise<OutboundSendResultV1>;
  resultsFor(messageId: string): OutboundSendResultV1[];
  delivery: DeliveryReader;
  /** Waits for the job to reach a state (completed, failed, delayed, ...). */
  jobInState(jobId: string, state: string, timeoutMs?: number, queue?: Queue): Promise<Job>;
  storedResultCount(): Promise<number>;
  /** A request to the sender's admin RPC; answers the parsed reply. */
  rpc(name: string, request: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function createHarness(envOverrides: Record<string, string> = {}): Promise<Harness> {
  const ns = newNamespace();
  const names = topology(ns);
  const fake = await startFakeCloudApi({ phoneNumberId: PHONE_NUMBER_ID });
  const mediaDir = await mkdtemp(path.join(tmpdir(), `sender-media-${ns}-`));
  const redis = new Redis(testInfra.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(names.outboundQueue, { connection: redis });
  const mediaQueue = new Queue(names.mediaDownloadQueue, { connection: redis });
  const logs: Record<string, unknown>[] = [];
  const level = process.env.TEST_LOG_LEVEL ?? 'warn';
  const log = createLogger({
    service: 'whatsapp-sender',
    level,
    destination: {
      write: (line: string) => {
        logs.push(JSON.parse(line) as Record<string, unknown>);
        // SENDER_TEST_LOGS=1 shows them while a test runs.
        if (process.env.SENDER_TEST_LOGS) process.stderr.write(line);
      },
    },
  });
  const senders: RunningSender[] = [];
  let nc: NatsConnection | undefined;
  const natsConnection = async () => (nc ??= await connectNats(testInfra.natsUrl, `sender-test-${ns}`, log));
  const delivery = startDeliveryReader(natsConnection, names);

  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NAMESPACE: ns,
    REDIS_URL: testInfra.redisUrl,
    NATS_URL: testInfra.natsUrl,
    WHATSAPP_API_BASE_URL: fake.url,
    WHATSAPP_ACCESS_TOKEN: fake.token,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_SENDER_PORT: '0',
    SENDER_BACKOFF_MS: '50',
    SENDER_PAIR_BACKOFF_MS: '100',
    MEDIA_DIR: mediaDir,
    ...envOverrides,
  };

  const jobInState = (jobId: string, state: string, timeoutMs = 15_000, inQueue = queue) =>
    pollUntil(
      // State first, then the job: a job read before its state moved would miss what the move wrote.
      async () => ((await inQueue.getJobState(jobId)) === state ? inQueue.getJob(jobId) : undefined),
      { timeoutMs, message: `job ${jobId} to be ${state}` },
    );

  return {
    ns,
    fake,
    queue,
    mediaQueue,
    mediaDir,
    env,
    logs,
    delivery,
    async startSender(extraEnv = {}) {
      const sender = await startSender(loadSenderConfig({ ...env, ...extraEnv }), log);
      senders.push(sender);
      return sender;
    },
    enqueue: (data, jobId) => queue.add(WIRE.jobs.sendMessage, data, { jobId }),
    enqueueMarkRead: (data, jobId) => queue.add(WIRE.jobs.markRead, data, { jobId }),
    enqueueMedia: (data, jobId) => mediaQueue.add(WIRE.jobs.downloadMedia, data, { jobId }),
    resultsFor: (messageId) => delivery.sendResults().filter((r) => r.data.messageId === messageId),
    resultFor: (messageId, timeoutMs = 15_000) =>
      delivery.waitFor(
        () => delivery.sendResults().find((r) => r.data.messageId === messageId),
        `the send result of ${messageId}`,
        timeoutMs,
      ),
    jobInState,
    storedResultCount: () => delivery.storedCount(),
    async rpc(name, request) {
      const reply = await (await natsConnection()).request(names.senderRpcSubject(name), JSON.stringify(request), { timeout: 10_000 });
      return reply.json();
    },
    async close() {
      for (const sender of senders) await sender.stop();
      await delivery.stop();
      for (const q of [queue, mediaQueue]) {
        await q.obliterate({ force: true });
        await q.close();
      }
      const keys = await redis.keys(`${ns}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      const connection = await natsConnection();
      await (await manager(connection)).streams.delete(names.deliveryStream).catch(() => undefined);
      await connection.drain();
      await fake.close();
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}
