import { z } from 'zod';
import type { Env } from './load-config';

/** One Sentinel of REDIS_SENTINELS. */
export interface RedisSentinel {
  host: string;
  port: number;
}

/** Where a service's Redis is: REDIS_URL, or the master a set of Sentinels names (host and port from them). */
export interface RedisSettings {
  url: string;
  sentinels?: RedisSentinel[];
  sentinelName?: string;
}

/** Sentinel's own port, for an entry of REDIS_SENTINELS without one. */
export const SENTINEL_DEFAULT_PORT = 26379;

const ENTRY = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+))(?::(\d{1,5}))?$/;

/**
 * The two keys come as a pair: one without the other is a mistake (a Sentinel list without the master's
 * name cannot find a master), so the missing one is reported, named, at start.
 */
const requiredWhen = (other: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `required when ${other} is set` : undefined),
});

/**
 * REDIS_SENTINELS: `host:port,host:port` (port 26379 when left out; IPv6 in brackets). When set with
 * REDIS_SENTINEL_NAME, the services ask these Sentinels for the current master instead of connecting to
 * REDIS_URL's host, and follow it through a failover. REDIS_URL still gives the user, password and database.
 */
export function redisSentinels(env: Env) {
  const list = z.string(env.REDIS_SENTINEL_NAME ? requiredWhen('REDIS_SENTINEL_NAME') : {}).transform((value, ctx): RedisSentinel[] => {
    const sentinels: RedisSentinel[] = [];
    for (const entry of value
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean)) {
      const m = ENTRY.exec(entry);
      const port = m?.[3] === undefined ? SENTINEL_DEFAULT_PORT : Number(m[3]);
      if (!m || port < 1 || port > 65535) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not host:port (a comma-separated list of Sentinels)` });
        return z.NEVER;
      }
      sentinels.push({ host: m[1] ?? m[2]!, port });
    }
    if (sentinels.length === 0) ctx.addIssue({ code: 'custom', message: 'lists no Sentinel' });
    return sentinels;
  });
  // ioredis speaks TLS to a Sentinel-found master only with options this project does not set or test.
  const checked = /^rediss:/i.test(env.REDIS_URL ?? '')
    ? list.refine(() => false, 'cannot be combined with a rediss:// (TLS) REDIS_URL: Sentinel is supported without TLS only')
    : list;
  return env.REDIS_SENTINEL_NAME ? checked : checked.optional();
}

/** REDIS_SENTINEL_NAME: the master's name in the Sentinels' configuration (redis-ha's default: mymaster). */
export function redisSentinelName(env: Env) {
  const name = z
    .string(env.REDIS_SENTINELS ? requiredWhen('REDIS_SENTINELS') : {})
    .regex(/^[^\s,]{1,128}$/, 'a Sentinel master name: no spaces or commas');
  return env.REDIS_SENTINELS ? name : name.optional();
}

/** A service config's Redis keys, as the one value the client factory (libs/runtime createRedisClient) takes. */
export function redisSettings(config: {
  REDIS_URL: string;
  REDIS_SENTINELS?: RedisSentinel[] | undefined;
  REDIS_SENTINEL_NAME?: string | undefined;
}): RedisSettings {
  if (config.REDIS_SENTINELS && config.REDIS_SENTINEL_NAME)
    return { url: config.REDIS_URL, sentinels: config.REDIS_SENTINELS, sentinelName: config.REDIS_SENTINEL_NAME };
  return { url: config.REDIS_URL };
}

/** Where Redis is, for logs and errors: never the password. */
export function describeRedis(settings: RedisSettings): string {
  if (settings.sentinels)
    return `Sentinel master "${settings.sentinelName}" via ${settings.sentinels.map((s) => `${s.host}:${s.port}`).join(',')}`;
  return new URL(settings.url).host;
}
