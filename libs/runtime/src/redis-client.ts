import type { RedisSettings } from '@app/config';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * The ioredis options for a Redis behind Sentinels: the Sentinels and the master's name (ioredis asks them
 * for the master, and again after every disconnection), the failover detector (a `+switch-master` moves the
 * client at once instead of when the old master drops it), and REDIS_URL's user, password and database,
 * which Sentinel does not provide.
 */
export function sentinelOptions(
  settings: RedisSettings & { sentinels: NonNullable<RedisSettings['sentinels']> },
  options: RedisOptions = {},
): RedisOptions {
  const url = new URL(settings.url);
  const db = Number(url.pathname.slice(1));
  return {
    ...options,
    sentinels: settings.sentinels.map(({ host, port }) => ({ host, port })),
    name: settings.sentinelName,
    failoverDetector: true,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
  };
}

/**
 * Every ioredis client of the services is made here: from REDIS_URL, or through Sentinel when
 * REDIS_SENTINELS and REDIS_SENTINEL_NAME are set (libs/config redisSettings). `options` are the caller's own
 * (maxRetriesPerRequest: null for BullMQ workers, fail-fast settings on a request path).
 */
export function createRedisClient(settings: RedisSettings, options: RedisOptions = {}): Redis {
  const { sentinels } = settings;
  return sentinels ? new Redis(sentinelOptions({ ...settings, sentinels }, options)) : new Redis(settings.url, options);
}
