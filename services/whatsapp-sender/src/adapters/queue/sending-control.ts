import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { pauseReasonSchema } from '@app/contracts';
import type { PauseRecord, QueueCounts, SendingControl } from '../../use-cases/ports';

const storedPause = z.object({
  reason: pauseReasonSchema,
  since: z.coerce.number().int().optional(),
  code: z.coerce.number().int().optional(),
  title: z.string().optional(),
});

async function countsOf(queue: Queue): Promise<QueueCounts> {
  // A paused queue keeps its jobs in the waiting list (BullMQ 6 pauses with a flag).
  const c = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed');
  return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), delayed: c.delayed ?? 0, active: c.active ?? 0, failed: c.failed ?? 0 };
}

/**
 * BullMQ's global switches (pause, rate limit: kept in Redis, obeyed by every worker of the queue) plus one
 * hash saying why sending is paused, so that every replica reports, probes and resumes the same pause.
 */
export function createSendingControl(opts: { redis: Redis; outbound: Queue; media: Queue; namespace: string | undefined }): SendingControl {
  const { redis, outbound, media } = opts;
  const prefix = `${opts.namespace ? `${opts.namespace}:` : ''}whatsapp-sender`;
  const pauseKey = `${prefix}:pause`;
  const probeKey = `${prefix}:token-probe`;

  return {
    slowDown: (ms) => outbound.rateLimit(ms),
    async pause(record) {
      // The first writer of `since` is the one that paused: it alone alerts.
      const first = (await redis.hsetnx(pauseKey, 'since', String(record.since?.getTime() ?? Date.now()))) === 1;
      await redis.hset(pauseKey, {
        reason: record.reason,
        ...(record.error ? { code: record.error.code, title: record.error.title } : {}),
      });
      await Promise.all([outbound.pause(), media.pause()]);
      return first;
    },
    async resume() {
      // The reason goes first: a pause that lands in between re-records itself and stays visible.
      await redis.del(pauseKey);
      await Promise.all([outbound.resume(), media.resume()]);
    },
    async pauseState(): Promise<PauseRecord | undefined> {
      if (!(await outbound.isPaused())) return undefined;
      const stored = storedPause.safeParse(await redis.hgetall(pauseKey));
      if (!stored.success) return { reason: 'unknown', since: null, error: null };
      const { reason, since, code, title } = stored.data;
      return {
        reason,
        since: since === undefined ? null : new Date(since),
        error: code === undefined ? null : { code, title: title ?? '' },
      };
    },
    async counts() {
      const [o, m] = await Promise.all([countsOf(outbound), countsOf(media)]);
      return { outbound: o, media: m };
    },
    async claimProbe(ttlMs) {
      return (await redis.set(probeKey, '1', 'PX', Math.max(1, Math.floor(ttlMs * 0.9)), 'NX')) === 'OK';
    },
  };
}
