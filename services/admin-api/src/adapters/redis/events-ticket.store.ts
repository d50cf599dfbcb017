import { createHash } from 'node:crypto';
import type { Logger } from '@app/logging';
import type { Redis } from 'ioredis';
import type { TicketStore } from '../../use-cases/issue-events-ticket';
import { whileRedisAnswers } from './redis-client';

/**
 * Tickets live in Redis so any replica can redeem one another issued (the console's ticket request and its
 * EventSource may reach different pods). Stored under their SHA-256, so a Redis dump holds nothing usable.
 * GETDEL makes redemption single-use even when two requests race with the same ticket.
 */
export function redisTicketStore(redis: Redis, keyPrefix: string, log: Logger): TicketStore {
  const key = (ticket: string) => `${keyPrefix}:events-ticket:${createHash('sha256').update(ticket).digest('hex')}`;
  return {
    async save(ticket, userId, ttlSeconds) {
      await whileRedisAnswers(() => redis.set(key(ticket), userId, 'EX', ttlSeconds), log);
    },
    async take(ticket) {
      return (await whileRedisAnswers(() => redis.getdel(key(ticket)), log)) ?? undefined;
    },
  };
}
