import type { Redis } from 'ioredis';

/**
 * A Lua script as a typed function, through ioredis's defineCommand: called by its sha (EVALSHA, the text
 * is not sent each time) and sent whole only when the server does not know it yet (after a Redis restart).
 */
export function redisScript(
  redis: Redis,
  name: string,
  lua: string,
  numberOfKeys: number,
): (...args: (string | number)[]) => Promise<unknown> {
  redis.defineCommand(name, { numberOfKeys, lua });
  // defineCommand adds the method at run time; ioredis's types cannot know it.
  const command = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>)[name];
  if (typeof command !== 'function') throw new Error(`redis script ${name} was not defined`);
  return (...args) => command.apply(redis, args);
}
