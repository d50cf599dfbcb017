import type { Redis } from 'ioredis';
import type { MediaAttempts } from '../../use-cases/ports';

const TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * Download attempts per media id, in Redis: BullMQ's own counters also count runs that were only put back
 * (queue paused for an invalid token), which must not use up a download's attempts.
 */
export function createMediaAttemptsStore(redis: Redis, namespace: string | undefined): MediaAttempts {
  const keyOf = (mediaId: string) => `${namespace ? `${namespace}:` : ''}whatsapp-sender:media:${mediaId}:attempts`;
  return {
    async next(mediaId) {
      const [[error, value] = [null, 0]] = (await redis.multi().incr(keyOf(mediaId)).expire(keyOf(mediaId), TTL_SECONDS).exec()) ?? [];
      if (error) throw error;
      return Number(value);
    },
    async giveBack(mediaId) {
      // With its TTL again: a DECR of a key that expired meanwhile creates one that would never expire.
      const [[error] = [null]] = (await redis.multi().decr(keyOf(mediaId)).expire(keyOf(mediaId), TTL_SECONDS).exec()) ?? [];
      if (error) throw error;
    },
  };
}
