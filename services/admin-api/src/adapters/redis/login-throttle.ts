import type { Logger } from '@app/logging';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { LoginThrottle } from '../../use-cases/login';
import { whileRedisAnswers } from './redis-client';

export interface LoginThrottleLimits {
  /** Guesses one address may make at one account per window: the hard limit. */
  maxFailuresPerPair: number;
  /** Failures at one account from any addresses before it slows down to one attempt per `accountSlowdownSeconds`. */
  maxFailuresPerAccount: number;
  accountSlowdownSeconds: number;
  /** Failed (or still running) attempts from one address across all accounts: a generous cap for spraying. */
  maxFailuresPerIp: number;
  windowSeconds: number;
}

type Limit = 'pair' | 'ip' | 'account';

/**
 * Login attempts counted in Redis, so every replica sees the same counts. Each point is taken BEFORE the
 * password is checked: rate-limiter-flexible's consume is one atomic Lua call, so a parallel burst of N
 * guesses from one address at one account gets exactly maxFailuresPerPair checks and N - that many 429s.
 *
 * - per (account, address): the hard limit. It cannot lock a teacher out: only the guessing address waits.
 * - per account, from any address: past maxFailuresPerAccount failures the account is not locked but slowed
 *   to one attempt per accountSlowdownSeconds, which bounds a guesser with many addresses while the teacher
 *   still gets in (at worst after a few seconds).
 * - per address: a generous cap, so a school's NAT (everyone behind one IP) is not blocked by a few typos.
 *
 * A success deletes its pair key and gives the address its point back; the account's failures stay (a
 * teacher signing in says nothing about the guesses from elsewhere).
 */
export function createLoginThrottle(redis: Redis, keyPrefix: string, limits: LoginThrottleLimits, log: Logger): LoginThrottle {
  const limiter = (name: string, points: number, duration: number) =>
    new RateLimiterRedis({ storeClient: redis, keyPrefix: `${keyPrefix}:login:${name}`, points, duration });
  const byPair = limiter('pair', limits.maxFailuresPerPair, limits.windowSeconds);
  const byIp = limiter('ip', limits.maxFailuresPerIp, limits.windowSeconds);
  const accountFailures = limiter('account-failures', limits.maxFailuresPerAccount, limits.windowSeconds);
  const accountSlowdown = limiter('account-slowdown', 1, limits.accountSlowdownSeconds);
  const ipKey = (ip: string | null) => ip ?? 'unknown';
  const pairKey = (email: string, ip: string | null) => `${email}|${ipKey(ip)}`;

  /** Takes one point; the seconds to wait when the key is over its limit, undefined when admitted. */
  const take = (limit: RateLimiterRedis, key: string): Promise<number | undefined> =>
    limit.consume(key).then(
      () => undefined,
      (rejection: unknown) => {
        // consume() rejects with a RateLimiterRes once the limit is passed: that is the answer, not an error.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      },
    );

  const admit = async (email: string, ip: string | null): Promise<{ wait: number; limitedBy: Limit } | undefined> => {
    const pair = pairKey(email, ip);
    const pairWait = await take(byPair, pair);
    if (pairWait !== undefined) return { wait: pairWait, limitedBy: 'pair' };
    // Refused by a later limit, the attempt checks no password, so the pair gets its point back: a teacher
    // retrying through a slow-down must not run into the hard limit.
    const ipWait = await take(byIp, ipKey(ip));
    if (ipWait !== undefined) {
      await byPair.reward(pair);
      return { wait: ipWait, limitedBy: 'ip' };
    }
    const failures = await accountFailures.get(email);
    if (failures === null || failures.consumedPoints < limits.maxFailuresPerAccount) return undefined;
    const slowWait = await take(accountSlowdown, email);
    if (slowWait === undefined) return undefined;
    await Promise.all([byPair.reward(pair), byIp.reward(ipKey(ip))]);
    return { wait: slowWait, limitedBy: 'account' };
  };

  return {
    async admit(email, ip) {
      const refused = await whileRedisAnswers(() => admit(email, ip), log);
      if (!refused) return undefined;
      // Throttled attempts are not audited (see login.ts), so this line is their record.
      log.warn({ email, ip, retryAfterSeconds: refused.wait, limitedBy: refused.limitedBy }, 'login throttled');
      return refused.wait;
    },
    async recordFailure(email) {
      await whileRedisAnswers(() => take(accountFailures, email), log);
    },
    async recordSuccess(email, ip) {
      await whileRedisAnswers(() => Promise.all([byPair.delete(pairKey(email, ip)), byIp.reward(ipKey(ip))]), log);
    },
  };
}
