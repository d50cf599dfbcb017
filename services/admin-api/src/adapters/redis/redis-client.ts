import { describeRedis, type RedisSettings } from '@app/config';
import type { Logger } from '@app/logging';
import type { Redis } from 'ioredis';
import { createRedisClient, logConnectionTransitions } from '@app/runtime';
import { AppError } from '../../domain/errors';

/**
 * admin-api's Redis: rate limits and event tickets, both on the request path. Commands fail fast while Redis
 * is away (no offline queue, one retry) so a login answers an error instead of hanging; the connection
 * itself keeps retrying in the background. Connecting at start fails fast, naming where Redis was looked for
 * (REDIS_URL's host, or the Sentinels and master name).
 */
export async function connectRedis(settings: RedisSettings, log: Logger): Promise<Redis> {
  const redis = createRedisClient(settings, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    connectionName: 'admin-api',
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  logConnectionTransitions(redis, 'redis', log);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`cannot connect to Redis at ${describeRedis(settings)}`, { cause: error });
  }
  return redis;
}

/** Readiness: a round trip to Redis (the ops router bounds it in time). */
export async function pingRedis(redis: Redis): Promise<void> {
  await redis.ping();
}

/** Every key admin-api writes starts with this, under the deployment's or test's namespace. */
export const redisKeyPrefix = (namespace: string | undefined) => `${namespace ? `${namespace}:` : ''}admin-api`;

/**
 * Runs a Redis call on the request path; a Redis failure becomes 503 unavailable (try again shortly), not
 * 500. Logins fail closed: without the shared counters a replica cannot tell a guessing attack from a typo.
 */
export async function whileRedisAnswers<T>(work: () => Promise<T>, log: Logger): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    log.warn({ err: error }, 'redis call failed');
    throw new AppError('unavailable', 'this service is briefly unavailable; try again shortly', { cause: error });
  }
}
