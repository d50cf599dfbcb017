import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPLETED_JOB_RETENTION, FAILED_JOB_RETENTION, SEND_JOB_OPTIONS } from '@app/contracts';
import { newNamespace, testInfra } from '@app/testing';
import { createMediaAttemptsStore } from '../src/adapters/redis/media-attempts.store';

describe('job-level retention of the outbound queue', () => {
  let redis: Redis;
  let queue: Queue;
  let worker: Worker | undefined;
  beforeEach(() => {
    redis = new Redis(testInfra.redisUrl, { maxRetriesPerRequest: null });
    queue = new Queue(`test-${newNamespace()}`, { connection: redis });
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await queue.obliterate({ force: true });
    await queue.close();
    await redis.quit();
  });

  it('keeps at most the completed-job cap however many jobs complete, even when the worker keeps more', async () => {
    const total = COMPLETED_JOB_RETENTION.count + 200;
    const jobs = Array.from({ length: total }, (_, i) => ({ name: 'send', data: { i }, opts: { ...SEND_JOB_OPTIONS, jobId: `m-${i}` } }));
    await queue.addBulk(jobs);
    // The worker's own (larger) cap is overridden by the job's options, as in production.
    worker = new Worker(queue.name, async () => 'ok', {
      connection: redis.duplicate(),
      concurrency: 50,
      removeOnComplete: { count: 100_000 },
    });

    await expect.poll(async () => (await queue.getJobCounts('waiting', 'active')).waiting, { timeout: 30_000 }).toBe(0);
    await expect.poll(async () => (await queue.getJobCounts('active')).active, { timeout: 30_000 }).toBe(0);
    const counts = await queue.getJobCounts('completed');
    expect(counts.completed).toBe(COMPLETED_JOB_RETENTION.count);
    // The oldest went first: the last job is still there for a look, the first is gone.
    expect(await queue.getJob(`m-${total - 1}`)).toBeDefined();
    expect(await queue.getJob('m-0')).toBeUndefined();
  });

  it('keeps a failed job (the dead letter) under the failed caps', async () => {
    const events = new QueueEvents(queue.name, { connection: redis.duplicate() });
    await events.waitUntilReady();
    worker = new Worker(
      queue.name,
      async (): Promise<string> => {
        throw new Error('refused');
      },
      { connection: redis.duplicate() },
    );
    const failed = new Promise<void>((resolve) => events.once('failed', () => resolve()));
    await queue.add('send', { i: 1 }, { ...SEND_JOB_OPTIONS, jobId: 'dead-1' });
    await failed;
    await events.close();

    const job = await queue.getJob('dead-1');
    expect(await job?.getState()).toBe('failed');
    expect(job?.opts.removeOnFail).toEqual({ age: FAILED_JOB_RETENTION.ageSeconds, count: FAILED_JOB_RETENTION.count });
  });
});

describe("the sender's own Redis keys", () => {
  it('gives a media attempts counter its TTL again when an attempt is given back', async () => {
    const redis = new Redis(testInfra.redisUrl);
    const namespace = newNamespace();
    try {
      const attempts = createMediaAttemptsStore(redis, namespace);
      const key = `${namespace}:whatsapp-sender:media:m1:attempts`;
      expect(await attempts.next('m1')).toBe(1);
      await redis.del(key); // it expired between the attempt and the give-back
      await attempts.giveBack('m1');
      expect(await redis.ttl(key)).toBeGreaterThan(0);
    } finally {
      await redis.del(`${namespace}:whatsapp-sender:media:m1:attempts`);
      await redis.quit();
    }
  });
});
