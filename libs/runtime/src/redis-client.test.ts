import { afterEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createRedisClient, sentinelOptions } from './redis-client';

const clients: Redis[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});
// lazyConnect: nothing is dialled; these tests read what the client was configured with.
const make = (...args: Parameters<typeof createRedisClient>) => {
  const client = createRedisClient(args[0], { lazyConnect: true, ...args[1] });
  clients.push(client);
  return client;
};

describe('createRedisClient', () => {
  it('connects to REDIS_URL when no Sentinel is set', () => {
    const client = make({ url: 'redis://redis.internal:6380/3' }, { maxRetriesPerRequest: null });
    expect(client.options).toMatchObject({ host: 'redis.internal', port: 6380, db: 3, maxRetriesPerRequest: null });
    expect(client.options.sentinels ?? undefined).toBeUndefined();
  });

  it("gives ioredis the Sentinels and the master's name, with REDIS_URL's credentials and database and the caller's options", () => {
    const sentinels = [
      { host: 'redis-ha-announce-0.redis.svc', port: 26379 },
      { host: 'redis-ha-announce-1.redis.svc', port: 26379 },
    ];
    const client = make(
      { url: 'redis://app:p%40ss@ignored-host:6379/2', sentinels, sentinelName: 'mymaster' },
      { maxRetriesPerRequest: null },
    );
    expect(client.options).toMatchObject({
      sentinels,
      name: 'mymaster',
      failoverDetector: true,
      username: 'app',
      password: 'p@ss',
      db: 2,
      maxRetriesPerRequest: null,
    });
  });

  it('leaves user, password and database unset when REDIS_URL has none', () => {
    const options = sentinelOptions({ url: 'redis://127.0.0.1:6379', sentinels: [{ host: 's', port: 1 }], sentinelName: 'm' });
    expect(options).toEqual({ sentinels: [{ host: 's', port: 1 }], name: 'm', failoverDetector: true });
  });
});
