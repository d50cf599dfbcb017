import type { Logger } from '@app/logging';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { LoginThrottle } from '../../use-cases/login';
import { whileRedisAnswers } from './redis-client';

export interface LoginThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}

/**
 * Counts failed logins in Redis, so every replica sees the same counts: per account (a targeted guess at one
 * password) and per address (one client spraying many accounts). Once a count reaches its limit the key is
 * blocked for the rest of the window. rate-limiter-flexible's counters are one Lua call each, atomic
 * across replicas; parallel attempts that pass the check together may go a few over the limit, which is
 * the price of not serialising logins.
 */
export function createLoginThrottle(redis: Redis, keyPrefix: string, limits: LoginThrottleLimits, log: Logger): LoginThrottle {
  const byAccount = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${keyPrefix}:login-failures:account`,
    points: limits.maxFailuresPerAccount,
    duration: limits.windowSeconds,
  });
  const byIp = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${keyPrefix}:login-failures:ip`,
    points: limits.maxFailuresPerIp,
    duration: limits.windowSeconds,
  });
  const ipKey = (ip: string | null) => ip ?? 'unknown';
  const waitSeconds = (res: RateLimiterRes | null, limit: number) =>
    res !== null && res.consumedPoints >= limit ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;

  return {
    async blockedFor(email, ip) {
      const [account, address] = await whileRedisAnswers(() => Promise.all([byAccount.get(email), byIp.get(ipKey(ip))]), log);
      const byAccountWait = waitSeconds(account, limits.maxFailuresPerAccount);
      const byIpWait = waitSeconds(address, limits.maxFailuresPerIp);
      const wait = Math.max(byAccountWait, byIpWait);
      if (wait === 0) return undefined;
      // Throttled attempts are not audited (see login.ts), so this line is their record.
      log.warn({ email, ip, retryAfterSeconds: wait, limitedBy: byAccountWait >= byIpWait ? 'account' : 'ip' }, 'login throttled');
      return wait;
    },
    async recordFailure(email, ip) {
      // consume() rejects with a RateLimiterRes once the limit is passed: that is the count, not an error.
      const count = (limiter: RateLimiterRedis, key: string) =>
        limiter.consume(key).catch((rejection: unknown) => {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
        });
      await whileRedisAnswers(() => Promise.all([count(byAccount, email), count(byIp, ipKey(ip))]), log);
    },
    async recordSuccess(email) {
      await whileRedisAnswers(() => byAccount.delete(email), log);
    },
  };
}
