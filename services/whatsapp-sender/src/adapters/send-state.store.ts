import type { Redis } from 'ioredis';
import { z } from 'zod';
import { sendErrorSchema, type SendError } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { SendState } from '../domain/send-state';
import type { SendStateStore } from '../use-cases/ports';

/**
 * Kept 7 days (refreshed on every write), far beyond a job's retry schedule and as long as the DELIVERY
 * stream keeps results and BullMQ keeps failed jobs: a job for the same message (a relay repeating itself,
 * a job re-added after BullMQ removed the finished one) still finds what happened to it.
 */
const TTL_SECONDS = 7 * 24 * 60 * 60;

const count = z.coerce.number().int().min(0);
const common = { attempts: count, retry: count.default(0) };
const storedSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('in_flight'), ...common }),
  z.object({ status: z.literal('requeued'), ...common }),
  z.object({ status: z.literal('accepted'), wamid: z.string().min(1), ...common }),
  z.object({
    status: z.enum(['refused', 'failed']),
    ...common,
    errorCode: z.coerce.number().int(),
    errorTitle: z.string(),
    errorClass: sendErrorSchema.shape.class,
  }),
]);

const errorFields = (error: SendError) => ({ errorCode: error.code, errorTitle: error.title, errorClass: error.class });

/**
 * An admin retry, atomically: anything but a recorded success becomes 'requeued' with the next retry number
 * and no error; a state already requeued (a retry whose job move did not happen) keeps its number.
 */
const REQUEUE_SCRIPT = `
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'accepted' then return -1 end
if status == 'requeued' then return tonumber(redis.call('HGET', KEYS[1], 'retry') or '0') end
local retry = redis.call('HINCRBY', KEYS[1], 'retry', 1)
redis.call('HSET', KEYS[1], 'status', 'requeued', 'attempts', 0)
redis.call('HDEL', KEYS[1], 'errorCode', 'errorTitle', 'errorClass', 'wamid')
redis.call('EXPIRE', KEYS[1], ARGV[1])
return retry`;

/** One hash per message (or mark-read request): `[{namespace}:]whatsapp-sender:send:{id}`. */
export function createRedisSendStateStore(redis: Redis, namespace: string | undefined, log: Logger): SendStateStore {
  const keyOf = (id: string) => `${namespace ? `${namespace}:` : ''}whatsapp-sender:send:${id}`;

  const write = async (id: string, fields: Record<string, string | number>) => {
    const results = await redis.multi().hset(keyOf(id), fields).expire(keyOf(id), TTL_SECONDS).exec();
    const failed = results?.find(([error]) => error !== null);
    if (!results || failed) throw new Error(`could not record send state of ${id}`, { cause: failed?.[0] });
  };

  const parse = (id: string, raw: Record<string, string>): SendState | undefined => {
    if (Object.keys(raw).length === 0) return undefined;
    const parsed = storedSchema.safeParse(raw);
    if (!parsed.success) {
      // Unreadable state is treated like an unknown outcome: the message is sent again (at-least-once).
      log.warn({ id, issues: parsed.error.issues }, 'unreadable send state ignored');
      return { status: 'in_flight', attempts: 0, retry: 0 };
    }
    const s = parsed.data;
    if ('errorCode' in s) {
      return { status: s.status, attempts: s.attempts, retry: s.retry, error: { code: s.errorCode, title: s.errorTitle, class: s.errorClass } };
    }
    return s;
  };

  return {
    get: async (id) => parse(id, await redis.hgetall(keyOf(id))),
    async getMany(ids) {
      if (ids.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(keyOf(id));
      const results = (await pipeline.exec()) ?? [];
      return ids.map((id, i) => {
        const [error, raw] = results[i] ?? [new Error('no answer'), undefined];
        if (error) throw error;
        return parse(id, raw as Record<string, string>);
      });
    },
    markInFlight: (id, attempt) => write(id, { status: 'in_flight', attempts: attempt }),
    recordAccepted: (id, wamid, attemptCount) => write(id, { status: 'accepted', wamid, attempts: attemptCount }),
    recordRefused: (id, error, attemptCount) => write(id, { status: 'refused', attempts: attemptCount, ...errorFields(error) }),
    recordFailed: (id, error, attemptCount) => write(id, { status: 'failed', attempts: attemptCount, ...errorFields(error) }),
    async requeueFailed(id) {
      const retry = Number(await redis.eval(REQUEUE_SCRIPT, 1, keyOf(id), TTL_SECONDS));
      return retry < 0 ? 'not_failed' : retry;
    },
  };
}
