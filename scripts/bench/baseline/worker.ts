// Baseline worker: a BullMQ worker that POSTs each job to the Cloud API (the fake) and fails the attempt
// unless Meta's answer names a message id.
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { baselineEnv, logFailure, onShutdown, ready } from './env';

const env = baselineEnv();
const connection = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
const worker = new Worker<{ to: string; ref: string }>(
  env.queue,
  async (job) => {
    const response = await fetch(env.cloudApiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${env.accessToken}` },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: job.data.to,
        type: 'text',
        text: { body: 'What would you like to do?' },
        biz_opaque_callback_data: job.data.ref,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { messages?: { id?: string }[] };
    const wamid = body.messages?.[0]?.id;
    if (!response.ok || !wamid) throw new Error(`Cloud API answered ${response.status}`);
    return wamid;
  },
  { connection, concurrency: env.workerConcurrency },
);
worker.on('failed', (job, error) => logFailure(`job ${job?.id ?? '?'} failed`, error));
worker.on('error', (error) => logFailure('worker error', error));
await worker.waitUntilReady();
ready('worker');
onShutdown(async () => {
  await worker.close();
  connection.disconnect();
});
