import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { billableCountsSince } from '../../db/repositories/message-pricing.repository';
import { supportStats as readSupportStats } from '../../db/repositories/support-chats.repository';
import { officeHoursStats } from '../support/office-hours-stats';

export interface SupportStats {
  waiting_chats: number;
  active_chats: number;
  oldest_waiting_since: string | null;
  chats_today: number;
  median_first_response_seconds: number | null;
  /** Today's billable messages per pricing category (a message Meta priced without one counts as `unknown`). */
  billable_today: Record<string, number>;
}

/** Midnight UTC of `now`: "today" for the dashboard (one school, one clock; UTC until schools set a zone). */
const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * The dashboard's figures: chats waiting and active now, since when the longest-waiting student has waited,
 * chats requested today, the median time from request to an admin's first message over today's chats, and
 * today's billable messages per category.
 */
export async function supportStats(deps: {
  db: Kysely<EngineDatabase>;
  now: () => Date;
}): Promise<SupportStats & Awaited<ReturnType<typeof officeHoursStats>>> {
  const now = deps.now();
  const today = startOfUtcDay(now);
  const [row, billable, officeHours] = await Promise.all([
    readSupportStats(deps.db, today),
    billableCountsSince(deps.db, today),
    officeHoursStats(deps.db, now, today),
  ]);
  const oldest = row.oldest_waiting === null ? null : new Date(row.oldest_waiting);
  return {
    waiting_chats: Number(row.waiting),
    active_chats: Number(row.active),
    oldest_waiting_since: oldest?.toISOString() ?? null,
    chats_today: Number(row.today),
    median_first_response_seconds: row.median_first_response === null ? null : Math.round(Number(row.median_first_response) * 10) / 10,
    billable_today: Object.fromEntries(billable.map((b) => [b.pricing_category ?? 'unknown', Number(b.count)])),
    ...officeHours,
  };
}
