import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fields, loadConfig, redisSentinelName, redisSentinels, redisSettings } from '@app/config';
import { pollUntil } from '@app/testing';
import { z } from 'zod';
import { closeRedis, createRedisClient, freePort } from '../src/index';

/*
 * A real Sentinel (Debian's redis-sentinel is redis-server in sentinel mode) in front of a master and a replica
 * of this test's own, on spare ports: the shared Redis cannot be failed over under other tests.
 */
const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? 'redis-server';
const haveRedisServer = spawnSync(REDIS_SERVER, ['--version']).status === 0;

async function answers(port: number): Promise<boolean> {
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined); // not up yet: connect() rejects, and that is the answer
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

describe.skipIf(!haveRedisServer)('Redis through Sentinel (REDIS_SENTINELS, REDIS_SENTINEL_NAME)', () => {
  const children: ChildProcess[] = [];
  const clients: Redis[] = [];
  const master = randomUUID().slice(0, 8);
  let dir: string;
  let ports: { primary: number; replica: number; sentinel: number };
  let sentinel: Redis;

  const start = (args: string[]) => {
    const child = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    children.push(child);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'redis-sentinel-'));
    ports = { primary: await freePort(), replica: await freePort(), sentinel: await freePort() };
    const common = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
    start(['--port', String(ports.primary), ...common, '--dbfilename', 'primary.rdb']);
    start(['--port', String(ports.replica), ...common, '--dbfilename', 'replica.rdb', '--replicaof', '127.0.0.1', String(ports.primary)]);
    // Sentinel rewrites its configuration file: it must be its own, writable.
    const conf = path.join(dir, 'sentinel.conf');
    writeFileSync(
      conf,
      [
        `port ${ports.sentinel}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${master} 127.0.0.1 ${ports.primary} 1`,
        `sentinel down-after-milliseconds ${master} 1000`,
        `sentinel failover-timeout ${master} 5000`,
      ].join('\n') + '\n',
    );
    start([conf, '--sentinel']);
    for (const port of Object.values(ports)) await pollUntil(() => answers(port), { timeoutMs: 10_000, message: `redis on ${port}` });
    sentinel = new Redis({ port: ports.sentinel, host: '127.0.0.1' });
    // A failover needs a replica the Sentinel knows and considers in sync.
    const inSync = (replica: string[]) => replica[replica.indexOf('master-link-status') + 1] === 'ok';
    await pollUntil(async () => ((await sentinel.call('SENTINEL', 'REPLICAS', master)) as string[][]).some(inSync), {
      timeoutMs: 20_000,
      intervalMs: 250,
      message: 'Sentinel to see the replica in sync',
    });
  });

  afterAll(async () => {
    for (const client of clients) await closeRedis(client);
    sentinel?.disconnect();
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** The client a service builds from its environment: config parsed by libs/config, client by createRedisClient. */
  const serviceClient = () => {
    const env = { REDIS_SENTINELS: `127.0.0.1:${ports.sentinel}`, REDIS_SENTINEL_NAME: master };
    const config = loadConfig(
      z.object({ REDIS_URL: fields.redisUrl, REDIS_SENTINELS: redisSentinels(env), REDIS_SENTINEL_NAME: redisSentinelName(env) }),
      env,
    );
    const client = createRedisClient(redisSettings(config), { maxRetriesPerRequest: null });
    clients.push(client);
    return client;
  };
  const direct = (port: number) => {
    const client = new Redis({ port, host: '127.0.0.1' });
    clients.push(client);
    return client;
  };

  it("finds the master through Sentinel (not REDIS_URL's host) and writes there, then follows a failover to the new master", async () => {
    const redis = serviceClient();
    await redis.set('before-failover', '1');
    expect(await direct(ports.primary).get('before-failover')).toBe('1');

    expect(await sentinel.call('SENTINEL', 'FAILOVER', master)).toBe('OK');
    const promoted = direct(ports.replica);
    await expect.poll(async () => ((await promoted.call('ROLE')) as string[])[0], { timeout: 20_000, interval: 200 }).toBe('master');

    // The same client, never re-created: its writes land on the promoted replica once Sentinel switched.
    await expect
      .poll(
        async () => {
          try {
            await redis.set('after-failover', '2');
            return await promoted.get('after-failover');
          } catch {
            return null; // READONLY from the demoted master, until the client moves
          }
        },
        { timeout: 20_000, interval: 200 },
      )
      .toBe('2');
    expect(redis.options).toMatchObject({ name: master, sentinels: [{ host: '127.0.0.1', port: ports.sentinel }] });
  });
});
