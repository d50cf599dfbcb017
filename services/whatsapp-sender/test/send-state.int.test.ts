import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@app/logging';
import { newNamespace, testInfra } from '@app/testing';
import { createRedisSendStateStore } from '../src/adapters/redis/send-state.store';
import type { SendStateStore } from '../src/use-cases/ports';

const SEVEN_DAYS = 7 * 24 * 60 * 60;
const error = { code: 131000, title: 'Something went wrong', class: 'temporary' } as const;

let redis: Redis;
let ns: string;
let store: SendStateStore;
const keyOf = (id: string) => `${ns}:whatsapp-sender:send:${id}`;

beforeAll(() => {
  redis = new Redis(testInfra.redisUrl, { maxRetriesPerRequest: null });
  ns = newNamespace();
  store = createRedisSendStateStore(redis, ns, createLogger({ service: 'test', level: 'silent' }));
});

afterAll(async () => {
  const keys = await redis.keys(`${ns}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('send state in redis', () => {
  it('claims a first attempt: nothing was known, the message is now in flight at attempt 1 for 7 days', async () => {
    const id = randomUUID();

    expect(await store.claimAttempt(id)).toBeUndefined();

    expect(await redis.hgetall(keyOf(id))).toEqual({ status: 'in_flight', attempts: '1' });
    expect(await redis.ttl(keyOf(id))).toBeGreaterThan(SEVEN_DAYS - 60);
  });

  it('claims the attempt after a refused one, answering the refusal and keeping the admin retry number', async () => {
    const id = randomUUID();
    await store.recordRefused(id, error, 2);
    await redis.hset(keyOf(id), 'retry', 1);

    expect(await store.claimAttempt(id)).toEqual({ status: 'refused', error, attempts: 2, retry: 1 });

    expect(await store.get(id)).toEqual({ status: 'in_flight', attempts: 3, retry: 1 });
  });

  it('answers a recorded wamid or final failure and writes nothing', async () => {
    const [accepted, failed] = [randomUUID(), randomUUID()];
    await store.recordAccepted(accepted, 'wamid.A', 1);
    await store.recordFailed(failed, { ...error, class: 'permanent' }, 4);
    await redis.expire(keyOf(accepted), 100);

    expect(await store.claimAttempt(accepted)).toEqual({ status: 'accepted', wamid: 'wamid.A', attempts: 1, retry: 0 });
    expect(await store.claimAttempt(failed)).toEqual({ status: 'failed', error: { ...error, class: 'permanent' }, attempts: 4, retry: 0 });

    expect(await redis.hgetall(keyOf(accepted))).toEqual({ status: 'accepted', wamid: 'wamid.A', attempts: '1' });
    expect(await redis.ttl(keyOf(accepted))).toBeLessThanOrEqual(100);
    expect(await store.get(failed)).toMatchObject({ status: 'failed', attempts: 4 });
  });

  it('sends again from attempt 1 when the state cannot be read, even one that says accepted', async () => {
    const [noWamid, badCount] = [randomUUID(), randomUUID()];
    await redis.hset(keyOf(noWamid), { status: 'accepted', attempts: '1' });
    await redis.hset(keyOf(badCount), { status: 'in_flight', attempts: '-4' });

    expect(await store.claimAttempt(noWamid)).toEqual({ status: 'in_flight', attempts: 0, retry: 0 });
    expect(await store.claimAttempt(badCount)).toEqual({ status: 'in_flight', attempts: 0, retry: 0 });

    expect(await store.get(noWamid)).toEqual({ status: 'in_flight', attempts: 1, retry: 0 });
    expect(await store.get(badCount)).toEqual({ status: 'in_flight', attempts: 1, retry: 0 });
  });
});
