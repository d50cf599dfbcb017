import type { Redis } from 'ioredis';
import { z } from 'zod';
import { sendErrorSchema, type SendError } from '@app/contracts';
import type { Logger } from '@app/logging';
import { nextAttempt, type SendState } from '../../domain/send-state';
import type { SendStateStore } from '../../use-cases/ports';
import { redisScript } from './redis-script';

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

/** Every write: the fields and the TTL, atomically (as MULTI/EXEC did, in one command). */
const WRITE_SCRIPT = `
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1`;

/**
 * The start of an attempt in one round trip: answers {marked attempt, the state as it was}. Unless the state
 * holds an outcome (accepted, failed), it is now in flight at the next attempt, its TTL refreshed.
 */
const CLAIM_SCRIPT = `
local state = redis.call('HGETALL', KEYS[1])
local status, attempts
for i = 1, #state, 2 do
  if state[i] == 'status' then status = state[i + 1] elseif state[i] == 'attempts' then attempts = state[i + 1] end
end
if status == 'accepted' or status == 'failed' then return {0, state} end
local attempt = (tonumber(attempts) or 0) + 1
redis.call('HSET', KEYS[1], 'status', 'in_flight', 'attempts', attempt)
redis.call('EXPIRE', KEYS[1], ARGV[1])
return {attempt, state}`;

/** HGETALL's flat [field, value, ...] reply as a record; undefined when the reply has another shape. */
function fieldsOf(flat: unknown): Record<string, string> | undefined {
  if (!Array.isArray(flat) || flat.length % 2 !== 0) return undefined;
  const fields: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) {
    const [field, value]: unknown[] = [flat[i], flat[i + 1]];
    if (typeof field !== 'string' || typeof value !== 'string') return undefined;
    fields[field] = value;
  }
  return fields;
}

/** One hash per message (or mark-read request): `[{namespace}:]whatsapp-sender:send:{id}`. */
export function createRedisSendStateStore(redis: Redis, namespace: string | undefined, log: Logger): SendStateStore {
  const keyOf = (id: string) => `${namespace ? `${namespace}:` : ''}whatsapp-sender:send:${id}`;

  const writeScript = redisScript(redis, 'sendStateWrite', WRITE_SCRIPT, 1);
  const claimScript = redisScript(redis, 'sendStateClaim', CLAIM_SCRIPT, 1);

  const write = async (id: string, fields: Record<string, string | number>) => {
    try {
      await writeScript(keyOf(id), TTL_SECONDS, ...Object.entries(fields).flat());
    } catch (error) {
      throw new Error(`could not record send state of ${id}`, { cause: error });
    }
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
      return {
        status: s.status,
        attempts: s.attempts,
        retry: s.retry,
        error: { code: s.errorCode, title: s.errorTitle, class: s.errorClass },
      };
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
    async claimAttempt(id) {
      const reply = await claimScript(keyOf(id), TTL_SECONDS);
      const [marked, flat]: unknown[] = Array.isArray(reply) ? reply : [];
      const raw = fieldsOf(flat);
      if (typeof marked !== 'number' || !raw) throw new Error(`unexpected answer from redis claiming the send state of ${id}`);
      const previous = parse(id, raw);
      if (previous?.status === 'accepted' || previous?.status === 'failed') return previous;
      // The script counts as parse() reads, except for a state parse() finds unreadable: then write what
      // parse() decided (in flight, attempt 1), as a separate get and write did.
      const attempt = nextAttempt(previous);
      if (marked !== attempt) await write(id, { status: 'in_flight', attempts: attempt });
      return previous;
    },
    recordAccepted: (id, wamid, attemptCount) => write(id, { status: 'accepted', wamid, attempts: attemptCount }),
    recordRefused: (id, error, attemptCount) => write(id, { status: 'refused', attempts: attemptCount, ...errorFields(error) }),
    recordFailed: (id, error, attemptCount) => write(id, { status: 'failed', attempts: attemptCount, ...errorFields(error) }),
    async requeueFailed(id) {
      const retry = Number(await redis.eval(REQUEUE_SCRIPT, 1, keyOf(id), TTL_SECONDS));
      return retry < 0 ? 'not_failed' : retry;
    },
  };
}
