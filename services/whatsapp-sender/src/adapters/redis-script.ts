import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A Lua script called by its sha (EVALSHA: the script text is not sent each time), and sent whole (EVAL)
 * only when the server does not know it yet, e.g. after a Redis restart.
 */
export function redisScript(redis: Redis, lua: string, numberOfKeys: number): (...args: (string | number)[]) => Promise<unknown> {
  const sha = createHash('sha1').update(lua).digest('hex');
  return async (...args) => {
    try {
      return await redis.evalsha(sha, numberOfKeys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('NOSCRIPT')) throw error;
      return redis.eval(lua, numberOfKeys, ...args);
    }
  };
}
