import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig, type Env } from './load-config';
import { fields } from './fields';
import { describeRedis, redisSentinelName, redisSentinels, redisSettings } from './redis';

const schemaFor = (env: Env) =>
  z.object({ REDIS_URL: fields.redisUrl, REDIS_SENTINELS: redisSentinels(env), REDIS_SENTINEL_NAME: redisSentinelName(env) });
const load = (env: Env) => loadConfig(schemaFor(env), env);
const problemsOf = (env: Env): string[] => {
  try {
    load(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('Redis through REDIS_URL or Sentinel', () => {
  it('uses REDIS_URL when no Sentinel is configured', () => {
    const config = load({ REDIS_URL: 'redis://redis.internal:6380' });
    expect(redisSettings(config)).toEqual({ url: 'redis://redis.internal:6380' });
    expect(describeRedis(redisSettings(config))).toBe('redis.internal:6380');
  });

  it('reads REDIS_SENTINELS as host:port entries (26379 by default, IPv6 in brackets) with the master name', () => {
    const config = load({
      REDIS_SENTINELS: ' redis-ha-announce-0.redis.svc:26379, redis-ha-announce-1.redis.svc ,[fd00::7]:26380,10.0.0.9:5000 ',
      REDIS_SENTINEL_NAME: 'mymaster',
    });
    expect(redisSettings(config)).toEqual({
      url: 'redis://127.0.0.1:6379',
      sentinelName: 'mymaster',
      sentinels: [
        { host: 'redis-ha-announce-0.redis.svc', port: 26379 },
        { host: 'redis-ha-announce-1.redis.svc', port: 26379 },
        { host: 'fd00::7', port: 26380 },
        { host: '10.0.0.9', port: 5000 },
      ],
    });
    expect(describeRedis(redisSettings(config))).toBe(
      'Sentinel master "mymaster" via redis-ha-announce-0.redis.svc:26379,redis-ha-announce-1.redis.svc:26379,fd00::7:26380,10.0.0.9:5000',
    );
  });

  it('refuses one of the pair without the other, naming the missing key', () => {
    expect(problemsOf({ REDIS_SENTINELS: 'sentinel:26379' })).toEqual(['REDIS_SENTINEL_NAME: required when REDIS_SENTINELS is set']);
    expect(problemsOf({ REDIS_SENTINEL_NAME: 'mymaster' })).toEqual(['REDIS_SENTINELS: required when REDIS_SENTINEL_NAME is set']);
    // An empty value is unset, as everywhere else.
    expect(problemsOf({ REDIS_SENTINELS: '', REDIS_SENTINEL_NAME: 'mymaster' })).toEqual([
      'REDIS_SENTINELS: required when REDIS_SENTINEL_NAME is set',
    ]);
  });

  it('refuses entries that are not host:port, an empty list, a name with spaces, and TLS with Sentinel', () => {
    expect(problemsOf({ REDIS_SENTINELS: 'redis://sentinel:26379', REDIS_SENTINEL_NAME: 'mymaster' })).toEqual([
      'REDIS_SENTINELS: "redis://sentinel:26379" is not host:port (a comma-separated list of Sentinels)',
    ]);
    expect(problemsOf({ REDIS_SENTINELS: 'sentinel:99999', REDIS_SENTINEL_NAME: 'mymaster' })).toHaveLength(1);
    expect(problemsOf({ REDIS_SENTINELS: ' , ', REDIS_SENTINEL_NAME: 'mymaster' })).toEqual(['REDIS_SENTINELS: lists no Sentinel']);
    expect(problemsOf({ REDIS_SENTINELS: 'sentinel', REDIS_SENTINEL_NAME: 'my master' })).toEqual([
      'REDIS_SENTINEL_NAME: a Sentinel master name: no spaces or commas',
    ]);
    expect(problemsOf({ REDIS_URL: 'rediss://redis:6379', REDIS_SENTINELS: 'sentinel', REDIS_SENTINEL_NAME: 'mymaster' })[0]).toMatch(
      /^REDIS_SENTINELS: cannot be combined with a rediss:\/\//,
    );
  });

  it("never shows REDIS_URL's password when saying where Redis is", () => {
    const config = load({ REDIS_URL: 'redis://:s3cret-pass@redis:6379/2', REDIS_SENTINELS: 'sentinel', REDIS_SENTINEL_NAME: 'mymaster' });
    expect(describeRedis(redisSettings(config))).not.toContain('s3cret');
    expect(describeRedis({ url: 'redis://:s3cret-pass@redis:6379/2' })).toBe('redis:6379');
  });
});

describe('JETSTREAM_REPLICAS', () => {
  it('defaults to 1 and takes 1 to 5, the replica counts JetStream allows', () => {
    expect(fields.jetstreamReplicas.parse(undefined)).toBe(1);
    expect(fields.jetstreamReplicas.parse('3')).toBe(3);
    for (const bad of ['0', '6', '2.5', 'three']) expect(fields.jetstreamReplicas.safeParse(bad).success, bad).toBe(false);
  });
});
